package io.github.fargateprivate.ecs;

import java.util.Locale;

/** How a service on EC2 container instances pulls images with registry credentials. */
public enum RegistryAuth {
    /** Per task: the task definition's {@code repositoryCredentials}, read by the execution role. */
    TASK,
    /**
     * Per instance: the ECS agent's {@code ECS_ENGINE_AUTH_DATA}, read by the instance role at boot, which every task
     * placed on the instance uses for that registry.
     */
    INSTANCE;

    /** @return the value the stack's config takes, e.g. {@code task} */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
