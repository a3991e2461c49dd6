package io.github.fargateprivate.ecs;

import io.github.fargateprivate.Options;
import io.github.fargateprivate.OptionsStyle;
import io.github.fargateprivate.OrderedJson;
import io.github.fargateprivate.Problems;
import io.github.fargateprivate.Rules;
import org.immutables.value.Value;

import java.util.List;
import java.util.Map;

/**
 * A container's own health check (the task definition's {@code healthCheck}), which ECS runs inside the container;
 * needed for a {@code dependsOn} condition {@code HEALTHY}. Immutable; build with {@link #builder()}. The defaults are
 * ECS's.
 */
@Value.Immutable
@OptionsStyle
public abstract class ContainerHealthCheckArgs implements Options<ContainerHealthCheckArgs> {

    /**
     * @return the command, {@code CMD} or {@code CMD-SHELL} and the command itself, e.g.
     *     {@code ["CMD-SHELL", "curl -f http://localhost:8080/actuator/health || exit 1"]}. Required
     */
    public abstract List<String> command();

    /** @return seconds between checks, 5-300. Default: 30 (ECS's) */
    @Value.Default
    public int intervalSeconds() {
        return 30;
    }

    /** @return seconds a check may take, 2-60. Default: 5 (ECS's) */
    @Value.Default
    public int timeoutSeconds() {
        return 5;
    }

    /** @return failures before the container is unhealthy, 1-10. Default: 3 (ECS's) */
    @Value.Default
    public int retries() {
        return 3;
    }

    /** @return seconds after start in which failures do not count, 0-300. Default: 0 (ECS's) */
    @Value.Default
    public int startPeriodSeconds() {
        return 0;
    }

    /**
     * Checks the values against ECS's limits.
     *
     * @param problems where problems go
     * @return these args
     */
    @Override
    public ContainerHealthCheckArgs validate(Problems problems) {
        var command = command();
        if (command.isEmpty() || !List.of("CMD", "CMD-SHELL").contains(command.get(0)) || command.size() < 2) {
            problems.add("command", "must start with CMD or CMD-SHELL and hold the command, e.g. "
                    + "[\"CMD-SHELL\", \"curl -f http://localhost:8080/ || exit 1\"]");
        }
        problems.add("intervalSeconds", Rules.between(intervalSeconds(), 5, 300));
        problems.add("timeoutSeconds", Rules.between(timeoutSeconds(), 2, 60));
        problems.add("retries", Rules.between(retries(), 1, 10));
        problems.add("startPeriodSeconds", Rules.between(startPeriodSeconds(), 0, 300));
        return this;
    }

    /** @return the container definition's {@code healthCheck} object */
    Map<String, Object> toJson() {
        return OrderedJson.object("command", command(), "interval", intervalSeconds(), "timeout", timeoutSeconds(),
                "retries", retries(), "startPeriod", startPeriodSeconds());
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these args, to change some of them */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builder of {@link ContainerHealthCheckArgs}. */
    public static final class Builder extends ImmutableContainerHealthCheckArgs.Builder {
        Builder() {
        }
    }
}
