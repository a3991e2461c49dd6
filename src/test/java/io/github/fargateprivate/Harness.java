package io.github.fargateprivate;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.test.TestResult;
import com.pulumi.test.internal.PulumiTestInternal;
import io.github.fargateprivate.plan.OfflineMocks;
import io.github.fargateprivate.plan.OfflineRun;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Runs a program under Pulumi's mock engine with {@link OfflineMocks} and stack config. */
public final class Harness {

    /** The Pulumi project name, the prefix of every config key. */
    public static final String PROJECT = "fargate-private-registry";

    private Harness() {
    }

    /**
     * The outcome of one run.
     *
     * @param result the engine's result
     * @param mocks  what was registered
     */
    public record Run(TestResult result, OfflineMocks mocks) {
        /** @return all errors and exception messages, joined */
        public String errorText() {
            return Stream.concat(result.errors().stream(),
                            result.exceptions().stream().map(e -> e.getClass().getSimpleName() + ": " + e.getMessage()))
                    .collect(Collectors.joining("\n"));
        }

        /**
         * @param name an export
         * @return its value
         */
        public Object output(String name) {
            return value(result.output(name));
        }

        /**
         * @param name an export
         * @return whether it is secret
         */
        public boolean outputIsSecret(String name) {
            return PulumiTestInternal.extractOutputData(result.output(name)).isSecret();
        }

        /**
         * The engine registers resources concurrently: one that waits for no other's output may come before an
         * earlier sibling, so names are compared as a set.
         *
         * @return the logical names of everything registered, after asserting each is registered once
         */
        public Set<String> names() {
            List<String> names = mocks.registrations().stream().map(OfflineMocks.Registration::name).toList();
            Set<String> unique = Set.copyOf(names);
            if (unique.size() != names.size()) {
                throw new AssertionError("a name is registered twice: " + names);
            }
            return unique;
        }

        /**
         * Asserts that every resource whose name starts with {@code prefix} sits below a component of that type.
         *
         * @param prefix the children's name prefix, e.g. {@code x-}
         * @param type   the component's type token
         */
        public void assertParentedTo(String prefix, String type) {
            var children = result.resources().stream().filter(r -> r.pulumiResourceName().startsWith(prefix)).toList();
            if (children.isEmpty()) {
                throw new AssertionError("no resource named " + prefix + "*");
            }
            children.forEach(r -> {
                String urn = value(r.urn());
                if (!urn.contains(type + "$")) {
                    throw new AssertionError(urn + " is not below a " + type);
                }
            });
        }

        /** @return this run, after asserting it succeeded */
        public Run ok() {
            if (result.exitCode() != 0) {
                throw new AssertionError("program failed with exit code " + result.exitCode() + ":\n" + errorText());
            }
            return this;
        }

        /**
         * @return all errors and exception messages, after asserting the program failed
         */
        public String failure() {
            if (result.exitCode() == 0) {
                throw new AssertionError("program succeeded, expected a failure");
            }
            return errorText();
        }

        /**
         * @param name a resource name
         * @return its inputs as the mocks received them
         */
        public Map<String, Object> inputs(String name) {
            return mocks.named(name).inputs();
        }

        /**
         * @param name a resource name
         * @param key  an input holding JSON text
         * @return the parsed JSON
         */
        public JsonElement json(String name, String key) {
            return JsonParser.parseString(String.valueOf(mocks.named(name).inputs().get(key)));
        }

        /**
         * @param name a resource name
         * @param key  an input holding an IAM policy document
         * @return the document's statements
         */
        public List<JsonObject> statements(String name, String key) {
            JsonObject policy = json(name, key).getAsJsonObject();
            if (!"2012-10-17".equals(policy.get("Version").getAsString())) {
                throw new AssertionError("policy version is " + policy.get("Version"));
            }
            List<JsonObject> statements = new ArrayList<>();
            policy.getAsJsonArray("Statement").forEach(e -> statements.add(e.getAsJsonObject()));
            return statements;
        }
    }

    /**
     * @param output an output
     * @param <T>    its type
     * @return its value
     */
    public static <T> T value(Output<T> output) {
        return PulumiTestInternal.extractOutputData(output).getValueNullable();
    }

    /**
     * A run and the component its program created.
     *
     * @param run       the run
     * @param component the component, or null when its constructor threw
     * @param <C>       the component's type
     */
    public record Created<C>(Run run, C component) {
    }

    /**
     * Runs a program that creates one component, keeping it so that its outputs can be read after the run.
     *
     * @param component creates the component
     * @param mocks     the mocks
     * @param <C>       the component's type
     * @return the run and the component
     */
    public static <C> Created<C> create(Supplier<C> component, OfflineMocks mocks) {
        var created = new AtomicReference<C>();
        var run = run(ctx -> created.set(component.get()), Map.of(), Set.of(), mocks);
        return new Created<>(run, created.get());
    }

    /**
     * @param output an output
     * @return the logical names of the resources it waits for
     */
    public static Set<String> dependencies(Output<?> output) {
        return PulumiTestInternal.extractOutputData(output).getResources().stream()
                .map(com.pulumi.resources.Resource::pulumiResourceName)
                .collect(java.util.stream.Collectors.toSet());
    }

    /**
     * @param inputs a resource's inputs
     * @param key    an input holding one nested block
     * @return the block
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> block(Map<String, Object> inputs, String key) {
        return (Map<String, Object>) inputs.get(key);
    }

    /**
     * @param inputs a resource's inputs
     * @param key    an input holding a list of nested blocks
     * @return the blocks
     */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> blocks(Map<String, Object> inputs, String key) {
        return (List<Map<String, Object>>) inputs.get(key);
    }

    /**
     * @param inputs a resource's inputs
     * @param key    an input holding a list of nested blocks
     * @return the only block, after asserting there is exactly one
     */
    public static Map<String, Object> onlyBlock(Map<String, Object> inputs, String key) {
        var blocks = blocks(inputs, key);
        if (blocks == null || blocks.size() != 1) {
            throw new AssertionError("expected exactly one " + key + " block, got " + blocks);
        }
        return blocks.get(0);
    }

    /**
     * Runs a program with no config.
     *
     * @param program the program
     * @return the run
     */
    public static Run program(Consumer<Context> program) {
        return run(program, Map.of(), Set.of(), new OfflineMocks());
    }

    /**
     * Runs a program with stack config.
     *
     * @param program    the program
     * @param config     key (without project prefix) to value
     * @param secretKeys keys (without prefix) stored as secrets
     * @param mocks      the mocks
     * @return the run
     */
    public static Run run(Consumer<Context> program, Map<String, String> config, Set<String> secretKeys,
                          OfflineMocks mocks) {
        OfflineRun run = OfflineRun.of(program, PROJECT, "test", config, secretKeys, mocks);
        return new Run(run.result(), run.mocks());
    }

    /**
     * IAM writes one action or resource as a string and several as an array.
     *
     * @param element a string or an array of strings
     * @return the strings
     */
    public static List<String> strings(JsonElement element) {
        if (element.isJsonPrimitive()) {
            return List.of(element.getAsString());
        }
        List<String> values = new ArrayList<>();
        element.getAsJsonArray().forEach(e -> values.add(e.getAsString()));
        return values;
    }

    /** @return a list of the given values, for readable expectations */
    @SafeVarargs
    public static <T> List<T> list(T... values) {
        return List.of(values);
    }
}
