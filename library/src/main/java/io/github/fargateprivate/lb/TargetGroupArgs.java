package io.github.fargateprivate.lb;

import com.pulumi.aws.lb.inputs.TargetGroupHealthCheckArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ResourceArgs;
import io.github.fargateprivate.Problems;
import io.github.fargateprivate.Rules;

import java.util.Map;
import java.util.Optional;

/**
 * A target group of IP targets (awsvpc tasks) or instance targets (bridge-mode tasks on EC2): their port, health
 * check and drain time. Immutable; build with {@link #builder()}.
 */
public final class TargetGroupArgs extends ResourceArgs {

    /** Default of {@link #deregistrationDelaySeconds()}. */
    public static final int DEFAULT_DEREGISTRATION_DELAY_SECONDS = 30;
    /** Targets by IP address: tasks with their own network interface (awsvpc). The default. */
    public static final String IP = "ip";
    /** Targets by instance and port: bridge-mode tasks on the dynamic host ports of their EC2 instance. */
    public static final String INSTANCE = "instance";

    /**
     * {@value #IP} or {@value #INSTANCE}. Default: {@value #IP}; a load-balanced service in bridge mode sets
     * {@value #INSTANCE}.
     */
    private String targetType;

    /**
     * The port the targets listen on; traffic and health checks go there. Default: none here; the load-balanced
     * service sets its container's port.
     */
    private Integer port;

    /** The health check. Default: {@link HealthCheckArgs}'s defaults. */
    private HealthCheckArgs healthCheck;

    /**
     * Seconds in-flight requests may finish on a deregistered target, 0-3600 (AWS's range). Default: 30 s, because a
     * Spring Boot request rarely takes longer and AWS's 300 s makes every rollout wait five minutes. ECS drains a task
     * before it sends SIGTERM, so the drain and the container's stop timeout add up.
     */
    private Integer deregistrationDelaySeconds;

    private TargetGroupArgs() {
    }

    /** @return the targets' port, if set */
    public Optional<Integer> port() {
        return Optional.ofNullable(port);
    }

    /** @return {@value #IP} or {@value #INSTANCE} */
    public String targetType() {
        return targetType == null ? IP : targetType;
    }

    /** @return whether the target type was set */
    public boolean hasTargetType() {
        return targetType != null;
    }

    /** @return the health check */
    public HealthCheckArgs healthCheck() {
        return healthCheck == null ? HealthCheckArgs.builder().build() : healthCheck;
    }

    /** @return the deregistration delay in seconds */
    public int deregistrationDelaySeconds() {
        return deregistrationDelaySeconds == null ? DEFAULT_DEREGISTRATION_DELAY_SECONDS : deregistrationDelaySeconds;
    }

    /**
     * Checks the args.
     *
     * @param problems where problems go
     */
    public void validate(Problems problems) {
        if (port == null) {
            problems.add("port", "required: the port the targets listen on");
        } else {
            problems.add("port", Rules.port(port));
        }
        validateOptions(problems);
    }

    /**
     * Checks everything but the port, which a load-balanced service takes from its container.
     *
     * @param problems where problems go
     */
    public void validateOptions(Problems problems) {
        if (!IP.equals(targetType()) && !INSTANCE.equals(targetType())) {
            problems.add("targetType", "'" + targetType + "' is not ip or instance (the ECS target types)");
        }
        healthCheck().validate(problems.at("healthCheck"));
        problems.add("deregistrationDelaySeconds", Rules.between(deregistrationDelaySeconds(), 0, 3600));
    }

    /**
     * The target group's inputs.
     *
     * @param vpcId the VPC
     * @param tags  the tags, or an empty map
     * @return the AWS provider's args
     */
    com.pulumi.aws.lb.TargetGroupArgs resourceArgs(Output<String> vpcId, Map<String, String> tags) {
        var health = healthCheck();
        var b = com.pulumi.aws.lb.TargetGroupArgs.builder()
                .vpcId(vpcId)
                .targetType(targetType())
                .protocol("HTTP")
                .port(port)
                .deregistrationDelay(deregistrationDelaySeconds())
                .healthCheck(TargetGroupHealthCheckArgs.builder()
                        .enabled(true)
                        .protocol("HTTP")
                        .path(health.path())
                        .port("traffic-port")
                        .interval(health.intervalSeconds())
                        .timeout(health.timeoutSeconds())
                        .healthyThreshold(health.healthyThreshold())
                        .unhealthyThreshold(health.unhealthyThreshold())
                        .matcher(health.matcher())
                        .build());
        if (!tags.isEmpty()) {
            b.tags(tags);
        }
        return b.build();
    }

    /** @return a builder holding these args, to change some of them */
    public TargetGroupArgs.Builder toBuilder() {
        var b = new TargetGroupArgs.Builder();
        b.args.port = port;
        b.args.targetType = targetType;
        b.args.healthCheck = healthCheck;
        b.args.deregistrationDelaySeconds = deregistrationDelaySeconds;
        return b;
    }

    /** @return a new builder */
    public static TargetGroupArgs.Builder builder() {
        return new TargetGroupArgs.Builder();
    }

    /** Builder of {@link TargetGroupArgs}. */
    public static final class Builder {
        private TargetGroupArgs args = new TargetGroupArgs();

        private Builder() {
        }

        private TargetGroupArgs args() {
            if (args == null) {
                throw new IllegalStateException("TargetGroupArgs.Builder: build() was called already; start a new builder");
            }
            return args;
        }

        /**
         * @param port the targets' port
         * @return this builder
         */
        public TargetGroupArgs.Builder port(int port) {
            args().port = port;
            return this;
        }

        /**
         * @param targetType {@value TargetGroupArgs#IP} or {@value TargetGroupArgs#INSTANCE}
         * @return this builder
         */
        public TargetGroupArgs.Builder targetType(String targetType) {
            args().targetType = targetType;
            return this;
        }

        /**
         * @param healthCheck the health check
         * @return this builder
         */
        public TargetGroupArgs.Builder healthCheck(HealthCheckArgs healthCheck) {
            args().healthCheck = healthCheck;
            return this;
        }

        /**
         * @param seconds the deregistration delay
         * @return this builder
         */
        public TargetGroupArgs.Builder deregistrationDelaySeconds(int seconds) {
            args().deregistrationDelaySeconds = seconds;
            return this;
        }

        /** @return the immutable args */
        public TargetGroupArgs build() {
            TargetGroupArgs built = args();
            args = null;
            return built;
        }
    }
}
