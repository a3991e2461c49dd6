package io.github.fargateprivate.stack;

import io.github.fargateprivate.testing.OfflineMocks;
import io.github.fargateprivate.testing.OfflineRun;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Stack configs the stack tests start from, and a runner for them. */
final class StackConfigs {

    static final String PROJECT = "fargate-private-registry";
    static final String PASSWORD = "ghp_NeverInPlainText0123456789";

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
        return OfflineRun.of(App::stack, PROJECT, "test", config, secretKeys, new OfflineMocks());
    }
}
