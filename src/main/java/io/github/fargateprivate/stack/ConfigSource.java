package io.github.fargateprivate.stack;

import com.pulumi.core.Output;

import java.util.Optional;
import java.util.Set;

/** Where the stack's config comes from: the Pulumi engine when run for real, the same engine under mocks in tests and the plan. */
public interface ConfigSource {

    /**
     * @param key a key of the project's namespace, without it
     * @return its value, if set
     */
    Optional<String> get(String key);

    /**
     * @param key a key of the project's namespace, without it
     * @return whether the value is stored encrypted in the stack file
     */
    boolean isSecret(String key);

    /**
     * @param key a key of the project's namespace, without it
     * @return its value as a Pulumi secret; the key must be set
     */
    default Output<String> secret(String key) {
        return Output.ofSecret(get(key).orElseThrow());
    }

    /** @return every key set in the project's namespace, without it; empty when the engine does not tell */
    Set<String> keys();

    /** @return the stack's name, for messages that name {@code Pulumi.<stack>.yaml} */
    String stackName();
}
