package io.github.fargateprivate.testing;

import com.pulumi.core.annotations.Export;
import com.pulumi.core.internal.Constants;

import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the engine answers for a resource a preview would create: its inputs where they are known, the physical name
 * that the provider's Check computes before anything exists (autonaming), and every other output unknown.
 *
 * <p>An output is answered with the engine's unknown sentinel rather than left out: the Java SDK resolves an output
 * missing from the answer as unknown without dependencies, while an unknown one keeps its resource as a dependency,
 * as in a real preview.
 */
final class PreviewState {

    /** The outputs that stay known when the program gave no value: the names Pulumi's autonaming computes. */
    private static final Set<String> AUTONAMED = Set.of("name", "bucket");

    private static final Map<String, Set<String>> OUTPUTS = new ConcurrentHashMap<>();

    private PreviewState() {
    }

    /**
     * @param type          the type token
     * @param inputs        the known inputs
     * @param unknownInputs the inputs the program sent as unknown, where known
     * @param state         what the resource would answer once created
     * @return what it answers in a preview
     */
    static Map<String, Object> of(String type, Map<String, Object> inputs, Set<String> unknownInputs,
                                  Map<String, Object> state) {
        Set<String> keys = new LinkedHashSet<>(state.keySet());
        if (type.startsWith("aws:")) {
            keys.addAll(outputs(type));
        }
        keys.addAll(unknownInputs);
        keys.remove("id");
        keys.remove("urn");
        Map<String, Object> preview = new LinkedHashMap<>();
        for (String key : keys) {
            if (inputs.containsKey(key)) {
                preview.put(key, inputs.get(key));
            } else if (AUTONAMED.contains(key) && state.containsKey(key) && !unknownInputs.contains(key)
                    && !inputs.containsKey(key + "Prefix")) {
                preview.put(key, state.get(key));
            } else {
                preview.put(key, Constants.UnknownValue);
            }
        }
        return preview;
    }

    /** The outputs of a resource type, read from the {@code @Export} fields of its Pulumi Java class. */
    private static Set<String> outputs(String type) {
        return OUTPUTS.computeIfAbsent(type, PreviewState::exported);
    }

    private static Set<String> exported(String type) {
        String[] parts = type.split("[:/]");
        if (parts.length != 4) {
            return Set.of();
        }
        String module = parts[1].equals("index") ? "" : parts[1] + ".";
        Class<?> resource;
        try {
            resource = Class.forName("com.pulumi." + parts[0] + "." + module + parts[3], false,
                    PreviewState.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return Set.of();
        }
        Set<String> names = new LinkedHashSet<>();
        for (Class<?> c = resource; c != null; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                Export export = field.getAnnotation(Export.class);
                if (export != null) {
                    names.add(export.name().isEmpty() ? field.getName() : export.name());
                }
            }
        }
        return Set.copyOf(names);
    }
}
