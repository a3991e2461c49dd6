package io.github.fargateprivate.stack;

import io.github.fargateprivate.models.AwsModels;
import io.github.fargateprivate.testing.OfflineMocks;
import io.github.fargateprivate.testing.OfflineRun;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stack configs the stack tests start from, and a runner for them. */
final class StackConfigs {

    static final String PROJECT = "fargate-private-registry";
    static final String PASSWORD = "ghp_NeverInPlainText0123456789";
    /** As a value of a change ({@link #changed}): the key is removed. */
    static final String REMOVE = "<remove>";

    private StackConfigs() {
    }

    /** The dev stack of Pulumi.dev.yaml, with a password set as a secret. */
    static Map<String, String> dev() {
        var config = new HashMap<String, String>();
        config.put("image", "ghcr.io/jonashackt/microservice-api-spring-boot-private:latest");
        config.put("registryUsername", "jonashackt");
        config.put("registryPassword", PASSWORD);
        config.put("containerPort", "8098");
        config.put("desiredCount", "2");
        return config;
    }

    /** The smallest config: image and credentials only, so every default applies. */
    static Map<String, String> minimal() {
        return new HashMap<>(Map.of("image", "ghcr.io/acme/app:1.0", "registryUsername", "acme",
                "registryPassword", PASSWORD));
    }

    /**
     * @param base   a config
     * @param change keys to set on top of it; {@link #REMOVE} removes a key
     * @return a changed copy
     */
    static Map<String, String> changed(Map<String, String> base, Map<String, String> change) {
        var config = new HashMap<>(base);
        change.forEach((k, v) -> {
            if (v.equals(REMOVE)) {
                config.remove(k);
            } else {
                config.put(k, v);
            }
        });
        return config;
    }

    /**
     * @param config the stack config; registryPassword is marked secret
     * @return the run of the stack program
     */
    static OfflineRun run(Map<String, String> config) {
        return run(config, Set.of("registryPassword"));
    }

    /**
     * @param config     the stack config
     * @param secretKeys keys stored as secrets
     * @return the run of the stack program
     */
    static OfflineRun run(Map<String, String> config, Set<String> secretKeys) {
        return run(PROJECT, "test", config, secretKeys, new OfflineMocks());
    }

    /**
     * Runs the stack program and, when it ran to the end, checks every container definition and policy it
     * registered against AWS's own models ({@link AwsModels#assertWellFormed}); a failed run registers nothing
     * worth checking.
     *
     * @param project    the project name
     * @param stack      the stack name
     * @param config     the stack config
     * @param secretKeys keys stored as secrets
     * @param mocks      the mocks to answer with
     * @return the run of the stack program
     */
    static OfflineRun run(String project, String stack, Map<String, String> config, Set<String> secretKeys,
                          OfflineMocks mocks) {
        OfflineRun run = OfflineRun.of(App::stack, project, stack, config, secretKeys, mocks);
        if (run.succeeded()) {
            AwsModels.assertWellFormed(run);
        }
        return run;
    }

    /**
     * Asserts the run failed before it registered anything, with a message that names the key and says the fragment.
     *
     * @param run      a run of the stack program
     * @param key      the config key the message must name
     * @param fragment text the message must contain (the problem or the fix)
     */
    static void assertRefused(OfflineRun run, String key, String fragment) {
        assertNotEquals(0, run.result().exitCode());
        String message = run.errorText();
        assertTrue(message.contains("\n  - " + key + ": "), "message names " + key + ":\n" + message);
        assertTrue(message.contains(fragment), "message says '" + fragment + "':\n" + message);
        assertEquals(0, run.mocks().registrations().size(), "nothing is registered");
    }
}
