package io.github.fargateprivate.shape;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What issue 17 asks of the code's shape, checked on every build. */
class SourceShapeTest {

    /** The longest a method or constructor may be. */
    static final int MAX_METHOD_LINES = 60;

    /**
     * @param sources the main sources
     * @return the library's args and options classes: the options a user sets and the wiring a parent passes, by
     *     part, with their checks
     */
    static List<SourceShape.Source> argsClasses(List<SourceShape.Source> sources) {
        return sources.stream().filter(s -> s.file().startsWith("library")
                && s.file().getFileName().toString().matches(".*(Args|Options)\\.java")).toList();
    }

    @Test
    void noMethodIsLongerThanSixtyLines() {
        assertEquals(List.of(), SourceShape.callables().stream().filter(c -> c.lines() > MAX_METHOD_LINES)
                .map(SourceShape.Callable::toString).toList());
    }

    /**
     * Asking whether there are tags ({@code if (!tags.isEmpty())}, {@code if (!args.tags().isEmpty())},
     * {@code resourceTags().isEmpty()}): Children is the one place that asks it; a component that asks it too tags a
     * child by hand.
     */
    static final Pattern ASKS_FOR_TAGS = Pattern.compile("(?i)tags(\\(\\))?\\s*\\.\\s*isEmpty\\(\\)");

    @Test
    void tagsAreAppliedInOnePlace() {
        assertEquals(List.of(), SourceShape.sources().stream().filter(s -> !s.file().endsWith("Children.java"))
                .filter(s -> ASKS_FOR_TAGS.matcher(s.text()).find())
                .map(s -> s.file().toString()).toList());
    }

    @Test
    void theTagCheckCatchesEveryFormOfAskingWhetherThereAreTags() {
        for (String code : List.of("if (!tags.isEmpty()) {", "if (!args.tags().isEmpty()) {",
                "if (!options.resourceTags().isEmpty())", "tags.isEmpty() ? a : b")) {
            assertTrue(ASKS_FOR_TAGS.matcher(code).find(), code);
        }
        assertFalse(ASKS_FOR_TAGS.matcher("image.tag().isEmpty()").find(), "an image's tag is not a resource's tags");
    }

    @Test
    void noPartRefusesWiringThatBelongsToItsParent() {
        Pattern refusal = Pattern.compile("set it on the");
        assertEquals(List.of(), SourceShape.sources().stream().filter(s -> refusal.matcher(s.text()).find())
                .map(s -> s.file().toString()).toList());
    }
}
