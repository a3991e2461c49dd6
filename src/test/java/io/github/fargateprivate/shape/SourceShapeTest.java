package io.github.fargateprivate.shape;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

    @Test
    void tagsAreAppliedInOnePlace() {
        Pattern tagged = Pattern.compile("if \\(!tags\\.isEmpty\\(\\)\\)");
        assertEquals(List.of(), SourceShape.sources().stream().filter(s -> tagged.matcher(s.text()).find())
                .map(s -> s.file().toString()).filter(f -> STILL_TAGGING.stream().noneMatch(f::endsWith)).toList());
    }

    @Test
    void noPartRefusesWiringThatBelongsToItsParent() {
        Pattern refusal = Pattern.compile("set it on the");
        assertEquals(List.of(), SourceShape.sources().stream().filter(s -> refusal.matcher(s.text()).find())
                .map(s -> s.file().toString()).filter(f -> STILL_REFUSING.stream().noneMatch(f::endsWith)).toList());
    }
}
