package io.github.fargateprivate;

import com.google.protobuf.Value;
import com.pulumi.Context;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.internal.MockMonitor;
import com.pulumi.test.internal.PulumiTestInternal;
import io.github.fargateprivate.testing.OfflineMocks;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The registration requests a program sends the engine, which the mocks do not show: there a secret input is
 * marked secret (the engine stores it encrypted), while the mocks see it unwrapped.
 */
public final class EngineRequests {

    /** How the engine's wire format marks a secret value (Pulumi's {@code sig.Secret}). */
    private static final String SIGNATURE_KEY = "4dabf18193072939515e22adb298388d";
    private static final String SECRET_SIGNATURE = "1b47061264138c4ac30d75fd1eb44270";

    private EngineRequests() {
    }

    /**
     * Runs a program under the mock engine (project {@code p}, stack {@code s}) and asserts it succeeded.
     *
     * @param program the program
     * @return each resource's registration request, by logical name (the stack's is {@code p-s})
     */
    public static Map<String, RegisterResourceRequest> of(Consumer<Context> program) {
        var requests = new ConcurrentHashMap<String, RegisterResourceRequest>();
        var quiet = Logger.getLogger(EngineRequests.class.getName());
        quiet.setUseParentHandlers(false);
        var mocks = new OfflineMocks();
        try {
            var result = PulumiTestInternal.builder()
                    .options(TestOptions.builder().projectName("p").stackName("s").build())
                    .mocks(mocks)
                    .standardLogger(quiet)
                    .monitorDecorator(monitor -> new MockMonitor(mocks, PulumiTestInternal.mockLog(quiet)) {
                        @Override
                        public CompletableFuture<RegisterResourceResponse> registerResourceAsync(
                                com.pulumi.resources.Resource resource, RegisterResourceRequest request) {
                            requests.put(request.getName(), request);
                            return super.registerResourceAsync(resource, request);
                        }
                    })
                    .build()
                    .runTest(program);
            assertEquals(0, result.exitCode(), String.valueOf(result.errors()));
        } finally {
            PulumiTest.cleanup();
        }
        return Map.copyOf(requests);
    }

    /**
     * @param requests registration requests, by name
     * @param text     e.g. a password
     * @return the inputs, as {@code name.input}, whose value holds the text, secret or not
     */
    public static Set<String> inputsHolding(Map<String, RegisterResourceRequest> requests, String text) {
        Set<String> holding = new TreeSet<>();
        requests.forEach((name, request) -> request.getObject().getFieldsMap().forEach((key, value) -> {
            if (value.toString().contains(text)) {
                holding.add(name + "." + key);
            }
        }));
        return holding;
    }

    /**
     * @param request  a registration request
     * @param property one of its inputs
     * @return the input's value when the engine is told it is secret; empty when it is sent in plain form
     */
    public static Optional<String> secretValue(RegisterResourceRequest request, String property) {
        Value value = request.getObject().getFieldsOrThrow(property);
        if (!value.hasStructValue()) {
            return Optional.empty();
        }
        var fields = value.getStructValue().getFieldsMap();
        return SECRET_SIGNATURE.equals(Optional.ofNullable(fields.get(SIGNATURE_KEY)).map(Value::getStringValue)
                .orElse(null)) ? Optional.of(fields.get("value").getStringValue()) : Optional.empty();
    }
}
