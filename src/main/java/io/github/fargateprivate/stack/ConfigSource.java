package io.github.fargateprivate.stack;

import com.pulumi.core.Output;

import java.util.Optional;

/** Where the stack's config comes from: the Pulumi engine when run for real, a map in tests and the plan. */
public interface ConfigSource {

    /**
     * @param key the config key
     * @return its value, if set
     */
    Optional<String> get(ConfigKey key);

    /**
     * @param key the config key
     * @return whether the value is stored encrypted in the stack file
     */
    boolean isSecret(ConfigKey key);

    /**
     * @param key the config key
     * @return its value as a Pulumi secret; the key must be set
     */
    default Output<String> secret(ConfigKey key) {
        return Output.ofSecret(get(key).orElseThrow());
    }

    /** @return the stack's name, for messages that name {@code Pulumi.<stack>.yaml} */
    String stackName();
}
