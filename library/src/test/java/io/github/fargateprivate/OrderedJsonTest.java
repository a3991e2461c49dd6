package io.github.fargateprivate;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OrderedJsonTest {

    @Test
    void keysIterateInTheGivenOrder() {
        var map = OrderedJson.object("Version", "2012-10-17", "Statement", List.of(), "Id", 1, "A", null);
        assertEquals(List.of("Version", "Statement", "Id", "A"), new ArrayList<>(map.keySet()));
        assertEquals("2012-10-17", map.get("Version"));
        assertNull(map.get("A"));
    }

    @Test
    void keysAndValuesComeInPairsAndKeysAreStrings() {
        assertEquals("keys and values come in pairs",
                assertThrows(IllegalArgumentException.class, () -> OrderedJson.object("a", 1, "b")).getMessage());
        assertEquals("key 1 is not a string",
                assertThrows(IllegalArgumentException.class, () -> OrderedJson.object(1, "a")).getMessage());
    }
}
