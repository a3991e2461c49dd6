package io.github.fargateprivate.plan;

import com.pulumi.Context;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import com.pulumi.test.internal.PulumiTestInternal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Runs a Pulumi program under the mock engine with stack config: no pulumi CLI, no AWS account, no network.
 *
 * @param result what the engine returned
 * @param mocks  what the program registered and invoked
 */
public record OfflineRun(TestResult result, OfflineMocks mocks) {

    private static final Logger QUIET = quiet();

    private static Logger quiet() {
        Logger logger = Logger.getLogger(OfflineRun.class.getName());
        logger.setUseParentHandlers(false);
        logger.setLevel(Level.OFF);
        return logger;
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
     */
    public static OfflineRun of(Consumer<Context> program, String project, String stack, Map<String, String> config,
                                Set<String> secretKeys, OfflineMocks mocks) {
        Map<String, String> full = new LinkedHashMap<>();
        config.forEach((k, v) -> full.put(qualified(project, k), v));
        Set<String> secrets = secretKeys.stream().map(k -> qualified(project, k)).collect(Collectors.toSet());
        try {
            TestResult result = PulumiTestInternal.builder()
                    .options(TestOptions.builder().projectName(project).stackName(stack).preview(false).build())
                    .mocks(mocks)
                    // Errors still reach the result; the caller reports them, not the engine's console logger.
                    .standardLogger(QUIET)
                    .config(full, secrets)
                    .build()
                    .runTest(program);
            return new OfflineRun(result, mocks);
        } finally {
            PulumiTest.cleanup();
        }
    }

    private static String qualified(String project, String key) {
        return key.contains(":") ? key : project + ":" + key;
    }

    /** @return whether the program ran to the end without an error */
    public boolean succeeded() {
        return result.exitCode() == 0;
    }
}
