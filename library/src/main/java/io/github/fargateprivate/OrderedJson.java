package io.github.fargateprivate;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON objects with a fixed key order. {@code Map.of} iterates in an order that changes from one JVM to the next, so
 * a policy or container definition built from it would read differently on every {@code pulumi up}.
 */
public final class OrderedJson {

    private OrderedJson() {
    }

    /**
     * @param keysAndValues key, value, key, value, ...
     * @return a map that iterates in the given order
     * @throws IllegalArgumentException when a key is not a string or a value is missing
     */
    public static Map<String, Object> object(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values come in pairs");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (!(keysAndValues[i] instanceof String key)) {
                throw new IllegalArgumentException("key " + keysAndValues[i] + " is not a string");
            }
            map.put(key, keysAndValues[i + 1]);
        }
        return map;
    }
}
