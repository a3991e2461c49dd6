package io.github.fargateprivate.testing;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.Context;
import com.google.protobuf.Value;
import com.pulumi.core.Output;
import com.pulumi.core.internal.Constants;
import com.pulumi.resources.Resource;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import com.pulumi.test.internal.MockMonitor;
import com.pulumi.test.internal.PulumiTestInternal;
import pulumirpc.Resource.RegisterResourceRequest;
import io.github.fargateprivate.registry.RegistryAccess;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs a Pulumi program under the mock engine with stack config: no pulumi CLI, no AWS account, no network. With
 * {@link OfflineMocks#unknownOutputs()} the run is a preview in which every output AWS would assign is unknown.
 * Besides the engine's result and the mocks' records, a run keeps every registration request as the engine received
 * it: aliases, which inputs were sent as secrets and which resources each input waits for, none of which the mocks
 * see; and the warnings and information the program logged.
 *
 * @param result        what the engine returned
 * @param mocks         what the program registered and invoked
 * @param registrations every registration request, in the order the engine sent them
 * @param warnings      the warnings the program logged through Pulumi's log, in order
 * @param infos         what the program logged through Pulumi's log at info level, in order: e.g. the digest each
 *                      image its registry was asked about resolves to ({@code registry.PullCheck.Pullable#fromMessage})
 */
public record OfflineRun(TestResult result, OfflineMocks mocks, List<Registered> registrations,
                         List<String> warnings, List<String> infos) {

    private static final Logger QUIET = quiet();

    private static Logger quiet() {
        Logger logger = Logger.getLogger(OfflineRun.class.getName());
        logger.setUseParentHandlers(false);
        logger.setLevel(Level.OFF);
        return logger;
    }

    /**
     * One registration request as the engine received it.
     *
     * @param type              the type token
     * @param name              the logical name
     * @param parentUrn         the parent's URN, empty for the stack
     * @param aliases           the aliases declared, each as its type and name (empty strings where the alias keeps
     *                          the resource's own)
     * @param secretInputs      the inputs sent as secrets, which the engine stores encrypted (the mocks see them
     *                          unwrapped); only inputs whose whole value is secret: an input that is a block or list
     *                          holding a secret value, but is not secret itself, is not among them
     * @param dependencies      the logical names of all resources the registration waits for
     * @param inputDependencies for each input, the logical names of the resources its value came from
     */
    public record Registered(String type, String name, String parentUrn, List<Map.Entry<String, String>> aliases,
                             Set<String> secretInputs, Set<String> dependencies,
                             Map<String, Set<String>> inputDependencies) {

        static Registered of(RegisterResourceRequest request) {
            Map<String, Set<String>> inputDependencies = new TreeMap<>();
            request.getPropertyDependenciesMap().forEach((key, urns) ->
                    inputDependencies.put(key, names(urns.getUrnsList())));
            Set<String> secret = request.getObject().getFieldsMap().entrySet().stream()
                    .filter(e -> isSecret(e.getValue())).map(Map.Entry::getKey)
                    .collect(Collectors.toCollection(TreeSet::new));
            return new Registered(request.getType(), request.getName(), request.getParent(),
                    request.getAliasesList().stream().filter(a -> a.hasSpec())
                            .map(a -> Map.entry(a.getSpec().getType(), a.getSpec().getName())).toList(),
                    Collections.unmodifiableSet(secret), names(request.getDependenciesList()),
                    Collections.unmodifiableMap(inputDependencies));
        }

        /**
         * @param input an input's name
         * @return whether the program sent it as a secret
         */
        public boolean inputIsSecret(String input) {
            return secretInputs.contains(input);
        }

        /**
         * @param input an input's name
         * @return the logical names of the resources its value came from; empty for a plain value
         */
        public Set<String> inputDependencies(String input) {
            return inputDependencies.getOrDefault(input, Set.of());
        }
    }

    /**
     * Runs a program.
     *
     * @param program    the stack program, e.g. {@code App::stack}
     * @param project    the project name; keys without a {@code namespace:} prefix get it
     * @param stack      the stack name
     * @param config     config key to value (lists and maps as JSON text)
     * @param secretKeys keys whose values are secrets (same form as in {@code config})
     * @param mocks      the mocks to answer with
     * @return the outcome
     * @throws AssertionError when the program registered what AWS would refuse ({@link AwsLimits})
     */
    public static OfflineRun of(Consumer<Context> program, String project, String stack, Map<String, String> config,
                                Set<String> secretKeys, OfflineMocks mocks) {
        Map<String, String> full = new LinkedHashMap<>();
        config.forEach((k, v) -> full.put(qualified(project, k), v));
        Set<String> secrets = secretKeys.stream().map(k -> qualified(project, k)).collect(Collectors.toSet());
        List<Registered> registered = Collections.synchronizedList(new ArrayList<>());
        Log log = new Log();
        try {
            TestResult result = PulumiTestInternal.builder()
                    .options(TestOptions.builder().projectName(project).stackName(stack)
                            .preview(mocks.answersUnknown()).build())
                    .mocks(mocks)
                    // Errors still reach the result; the caller reports them, not the engine's console logger.
                    .standardLogger(log.logger())
                    .monitorDecorator(monitor -> new RecordingMonitor(mocks, registered))
                    .config(full, secrets)
                    .build()
                    .runTest(ctx -> {
                        RegistryAccess.install(mocks.registryAccess());
                        program.accept(ctx);
                    });
            AwsLimits.check(mocks);
            return new OfflineRun(result, mocks, List.copyOf(registered), log.messages(Level.WARNING),
                    log.messages(Level.INFO));
        } finally {
            PulumiTest.cleanup();
        }
    }

    /**
     * Runs a program with no config.
     *
     * @param program the program
     * @param mocks   the mocks to answer with
     * @return the outcome
     */
    public static OfflineRun of(Consumer<Context> program, OfflineMocks mocks) {
        return of(program, "test-project", "test", Map.of(), Set.of(), mocks);
    }

    /**
     * The engine's logger of one run: keeps the warnings ({@code com.pulumi.Log#warn}, {@code ctx.log().warn}) and
     * the information ({@code info}), prints nothing.
     */
    private static final class Log extends Handler {
        private final List<LogRecord> records = Collections.synchronizedList(new ArrayList<>());
        private final Logger logger = Logger.getAnonymousLogger();

        Log() {
            logger.setUseParentHandlers(false);
            logger.setLevel(Level.INFO);
            logger.addHandler(this);
        }

        Logger logger() {
            return logger;
        }

        List<String> messages(Level level) {
            synchronized (records) {
                return records.stream().filter(r -> r.getLevel() == level).map(LogRecord::getMessage).toList();
            }
        }

        @Override
        public void publish(LogRecord record) {
            if (record.getLevel() == Level.WARNING || record.getLevel() == Level.INFO) {
                records.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    /**
     * A mock monitor that also keeps each registration request's parent, aliases, secret inputs and dependencies,
     * and tells the mocks which inputs were unknown (the mocks get only the known ones).
     */
    private static final class RecordingMonitor extends MockMonitor {
        private final OfflineMocks mocks;
        private final List<Registered> registered;

        RecordingMonitor(OfflineMocks mocks, List<Registered> registered) {
            super(mocks, PulumiTestInternal.mockLog(QUIET));
            this.mocks = mocks;
            this.registered = registered;
        }

        @Override
        public CompletableFuture<pulumirpc.Resource.RegisterResourceResponse> registerResourceAsync(
                Resource resource, RegisterResourceRequest request) {
            registered.add(Registered.of(request));
            mocks.unknownInputs(request.getType(), request.getName(), request.getObject().getFieldsMap().entrySet()
                    .stream().filter(e -> holdsUnknown(e.getValue())).map(Map.Entry::getKey)
                    .collect(Collectors.toSet()));
            return super.registerResourceAsync(resource, request);
        }
    }

    /** How the engine's wire format marks a secret: {@code {SpecialSigKey: SpecialSecretSig, value: ...}}. */
    private static boolean isSecret(Value value) {
        return value.hasStructValue() && Constants.SpecialSecretSig.equals(value.getStructValue()
                .getFieldsOrDefault(Constants.SpecialSigKey, Value.getDefaultInstance()).getStringValue());
    }

    private static boolean holdsUnknown(Value value) {
        return switch (value.getKindCase()) {
            case STRING_VALUE -> Constants.UnknownValue.equals(value.getStringValue());
            case STRUCT_VALUE -> value.getStructValue().getFieldsMap().values().stream()
                    .anyMatch(OfflineRun::holdsUnknown);
            case LIST_VALUE -> value.getListValue().getValuesList().stream().anyMatch(OfflineRun::holdsUnknown);
            default -> false;
        };
    }

    /** @return the logical names in URNs ({@code urn:pulumi:STACK::PROJECT::TYPE::NAME}) */
    private static Set<String> names(List<String> urns) {
        return urns.stream().map(urn -> urn.substring(urn.lastIndexOf("::") + 2))
                .collect(Collectors.toUnmodifiableSet());
    }

    private static String qualified(String project, String key) {
        return key.contains(":") ? key : project + ":" + key;
    }

    /** @return whether the program ran to the end without an error */
    public boolean succeeded() {
        return result.exitCode() == 0;
    }

    /** @return all errors and exception messages, joined */
    public String errorText() {
        return Stream.concat(result.errors().stream(),
                        result.exceptions().stream().map(e -> e.getClass().getSimpleName() + ": " + e.getMessage()))
                .collect(Collectors.joining("\n"));
    }

    /** @return this run, after asserting it succeeded */
    public OfflineRun ok() {
        if (!succeeded()) {
            throw new AssertionError("program failed with exit code " + result.exitCode() + ":\n" + errorText());
        }
        return this;
    }

    /** @return all errors and exception messages, after asserting the program failed */
    public String failure() {
        if (succeeded()) {
            throw new AssertionError("program succeeded, expected a failure");
        }
        return errorText();
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
     * The engine registers resources concurrently: one that waits for no other's output may come before an earlier
     * sibling, so names are compared as a set. One name may stand for resources of different types, as in Pulumi.
     *
     * @return the logical names of everything registered, after asserting no type registers a name twice
     */
    public Set<String> names() {
        List<String> registered = mocks.registrations().stream().map(r -> r.type() + " " + r.name()).toList();
        if (Set.copyOf(registered).size() != registered.size()) {
            throw new AssertionError("a (type, name) is registered twice: " + registered);
        }
        return mocks.registrations().stream().map(OfflineMocks.Registration::name).collect(Collectors.toSet());
    }

    /** @return the URNs of everything registered */
    public Set<String> urns() {
        return result.resources().stream().map(r -> (String) value(r.urn())).collect(Collectors.toSet());
    }

    /**
     * @param name a resource name, of one type only ({@link OfflineMocks#named(String)})
     * @return its inputs as the mocks received them
     */
    public Map<String, Object> inputs(String name) {
        return mocks.named(name).inputs();
    }

    /**
     * @param type a type token
     * @param name a resource name
     * @return the inputs of the resource of that type and name, as the mocks received them
     */
    public Map<String, Object> inputs(String type, String name) {
        return mocks.named(type, name).inputs();
    }

    /**
     * @param name a resource name, of one type only
     * @return its registration request
     * @throws java.util.NoSuchElementException when none was registered
     * @throws IllegalStateException            when resources of several types have that name; {@link
     *                                          #registered(String, String)} picks one
     */
    public Registered registered(String name) {
        return OfflineMocks.single(registrations.stream().filter(r -> name.equals(r.name())).toList(), name,
                Registered::type, "registered(type, name)");
    }

    /**
     * @param type a type token
     * @param name a resource name
     * @return the registration request of that type and name
     */
    public Registered registered(String type, String name) {
        return OfflineMocks.single(registrations.stream().filter(r -> type.equals(r.type()) && name.equals(r.name()))
                .toList(), type + " " + name, Registered::type, "registered(type, name)");
    }

    /**
     * Whether an input reached the engine as a secret, which the engine then stores encrypted: the mocks see every
     * input unwrapped, so only the request tells. Only the input's whole value counts: a block or list that is not
     * secret itself but holds a secret value answers false ({@link Registered#secretInputs()}).
     *
     * @param resourceName a resource name, of one type only ({@link #registered(String, String)} otherwise)
     * @param inputKey     one of its inputs
     * @return whether the program sent it as a secret
     */
    public boolean inputIsSecret(String resourceName, String inputKey) {
        return registered(resourceName).inputIsSecret(inputKey);
    }

    /**
     * The resources an input waits for, as the engine is told (its property dependencies): those of the Outputs its
     * value was built from, in a preview too.
     *
     * @param resourceName a resource name, of one type only ({@link #registered(String, String)} otherwise)
     * @param inputKey     one of its inputs
     * @return the logical names of the resources the input's value came from; empty for a plain value
     */
    public Set<String> inputDependencies(String resourceName, String inputKey) {
        return registered(resourceName).inputDependencies(inputKey);
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

    /**
     * @param output an output
     * @param <T>    its type
     * @return its value (null when unknown)
     */
    public static <T> T value(Output<T> output) {
        return PulumiTestInternal.extractOutputData(output).getValueNullable();
    }

    /**
     * @param output an output
     * @return whether its value is known
     */
    public static boolean isKnown(Output<?> output) {
        return PulumiTestInternal.extractOutputData(output).isKnown();
    }

    /**
     * @param output an output
     * @return the logical names of the resources it waits for
     */
    public static Set<String> dependencies(Output<?> output) {
        return PulumiTestInternal.extractOutputData(output).getResources().stream()
                .map(Resource::pulumiResourceName).collect(Collectors.toSet());
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
}
