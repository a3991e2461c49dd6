package io.github.fargateprivate.ecs;

import com.pulumi.resources.ResourceArgs;
import io.github.fargateprivate.OrderedJson;
import io.github.fargateprivate.Problems;
import io.github.fargateprivate.Rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A container's own health check (the task definition's {@code healthCheck}), which ECS runs inside the container;
 * needed for a {@code dependsOn} condition {@code HEALTHY}. Immutable; build with {@link #builder()}.
 */
public final class ContainerHealthCheckArgs extends ResourceArgs {

    /** The command, e.g. {@code ["CMD-SHELL", "curl -f http://localhost:8080/actuator/health || exit 1"]}. Required. */
    private final List<String> command = new ArrayList<>();

    /** Seconds between checks, 5-300. Default: 30 (ECS's). */
    private Integer intervalSeconds;

    /** Seconds a check may take, 2-60. Default: 5 (ECS's). */
    private Integer timeoutSeconds;

    /** Failures before the container is unhealthy, 1-10. Default: 3 (ECS's). */
    private Integer retries;

    /** Seconds after start in which failures do not count, 0-300. Default: 0 (ECS's). */
    private Integer startPeriodSeconds;

    private ContainerHealthCheckArgs() {
    }

    /** @return the command */
    public List<String> command() {
        return List.copyOf(command);
    }

    /** @return seconds between checks */
    public int intervalSeconds() {
        return intervalSeconds == null ? 30 : intervalSeconds;
    }

    /** @return seconds a check may take */
    public int timeoutSeconds() {
        return timeoutSeconds == null ? 5 : timeoutSeconds;
    }

    /** @return failures before unhealthy */
    public int retries() {
        return retries == null ? 3 : retries;
    }

    /** @return the start period */
    public int startPeriodSeconds() {
        return startPeriodSeconds == null ? 0 : startPeriodSeconds;
    }

    /**
     * Checks the values against ECS's limits.
     *
     * @param problems where problems go
     */
    public void validate(Problems problems) {
        if (command.isEmpty() || !List.of("CMD", "CMD-SHELL").contains(command.get(0)) || command.size() < 2) {
            problems.add("command", "must start with CMD or CMD-SHELL and hold the command, e.g. "
                    + "[\"CMD-SHELL\", \"curl -f http://localhost:8080/ || exit 1\"]");
        }
        problems.add("intervalSeconds", Rules.between(intervalSeconds(), 5, 300));
        problems.add("timeoutSeconds", Rules.between(timeoutSeconds(), 2, 60));
        problems.add("retries", Rules.between(retries(), 1, 10));
        problems.add("startPeriodSeconds", Rules.between(startPeriodSeconds(), 0, 300));
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

    /** Builder of {@link ContainerHealthCheckArgs}. */
    public static final class Builder {
        private ContainerHealthCheckArgs args = new ContainerHealthCheckArgs();

        private Builder() {
        }

        private ContainerHealthCheckArgs args() {
            if (args == null) {
                throw new IllegalStateException("ContainerHealthCheckArgs.Builder: build() was called already");
            }
            return args;
        }

        /**
         * @param command the command, starting with {@code CMD} or {@code CMD-SHELL}
         * @return this builder
         */
        public Builder command(List<String> command) {
            args().command.clear();
            args().command.addAll(command);
            return this;
        }

        /**
         * @param seconds seconds between checks
         * @return this builder
         */
        public Builder intervalSeconds(int seconds) {
            args().intervalSeconds = seconds;
            return this;
        }

        /**
         * @param seconds seconds a check may take
         * @return this builder
         */
        public Builder timeoutSeconds(int seconds) {
            args().timeoutSeconds = seconds;
            return this;
        }

        /**
         * @param retries failures before unhealthy
         * @return this builder
         */
        public Builder retries(int retries) {
            args().retries = retries;
            return this;
        }

        /**
         * @param seconds the start period
         * @return this builder
         */
        public Builder startPeriodSeconds(int seconds) {
            args().startPeriodSeconds = seconds;
            return this;
        }

        /** @return the immutable args */
        public ContainerHealthCheckArgs build() {
            ContainerHealthCheckArgs built = args();
            args = null;
            return built;
        }
    }
}
