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

    @Test
    void tagsAreAppliedInOnePlace() {
        Pattern tagged = Pattern.compile("if \\(!tags\\.isEmpty\\(\\)\\)");
        assertEquals(List.of(), SourceShape.sources().stream().filter(s -> tagged.matcher(s.text()).find())
                .map(s -> s.file().toString()).toList());
    }

    @Test
    void noPartRefusesWiringThatBelongsToItsParent() {
        Pattern refusal = Pattern.compile("set it on the");
        assertEquals(List.of(), SourceShape.sources().stream().filter(s -> refusal.matcher(s.text()).find())
                .map(s -> s.file().toString()).toList());
    }
}
