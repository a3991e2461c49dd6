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
     * The methods still longer, while issue 17 takes them apart: each may only shrink, and leaves the list when it
     * fits. Empty when the issue is done.
     */
    static final java.util.Map<String, Integer> STILL_LONGER = java.util.Map.of(
            "LoadBalancedService.validate", 144);

    /** The files that still tag their children themselves, while issue 17 moves it to one place. */
    static final List<String> STILL_TAGGING = List.of();

    /** The files that still refuse wiring set in a part, while issue 17 separates options from wiring. */
    static final List<String> STILL_REFUSING = List.of();

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
        assertEquals(List.of(), SourceShape.callables().stream().filter(c -> c.lines() > MAX_METHOD_LINES
                        && c.lines() > STILL_LONGER.getOrDefault(c.owner() + "." + c.name(), 0))
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
                .map(s -> s.file().toString()).filter(f -> STILL_TAGGING.stream().noneMatch(f::endsWith)).toList());
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
                .map(s -> s.file().toString()).filter(f -> STILL_REFUSING.stream().noneMatch(f::endsWith)).toList());
    }
}
