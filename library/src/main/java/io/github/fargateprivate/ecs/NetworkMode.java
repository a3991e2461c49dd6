package io.github.fargateprivate.ecs;

import java.util.Locale;

/** How a task's containers reach the network (the task definition's {@code networkMode}). */
public enum NetworkMode {
    /** Each task has its own network interface and security group; the only mode Fargate runs. */
    AWSVPC,
    /**
     * The containers share their EC2 instance's Docker bridge on dynamic host ports; the target group then has
     * instance targets.
     */
    BRIDGE;

    /** @return the task definition's value, e.g. {@code awsvpc} */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
