package io.github.fargateprivate.lb;

import com.pulumi.aws.lb.inputs.TargetGroupHealthCheckArgs;
import com.pulumi.core.Output;
import io.github.fargateprivate.Options;
import io.github.fargateprivate.OptionsStyle;
import org.immutables.value.Value;
import io.github.fargateprivate.Problems;
import io.github.fargateprivate.Rules;

import java.util.Optional;

/**
 * A target group of IP targets (awsvpc tasks) or instance targets (bridge-mode tasks on EC2): their port, health
 * check and drain time. Immutable; build with {@link #builder()}.
 */
@Value.Immutable
@OptionsStyle
public abstract class TargetGroupArgs implements Options<TargetGroupArgs> {

    /** Default of {@link #deregistrationDelaySeconds()}. */
    public static final int DEFAULT_DEREGISTRATION_DELAY_SECONDS = 30;
    /** Targets by IP address: tasks with their own network interface (awsvpc). The default. */
    public static final String IP = "ip";
    /** Targets by instance and port: bridge-mode tasks on the dynamic host ports of their EC2 instance. */
    public static final String INSTANCE = "instance";
    /** What a target group without a port is told, where its component cannot take the port from a container. */
    public static final String PORT_REQUIRED = "required: the port the targets listen on";

    /**
     * @return the port the targets listen on; traffic and health checks go there. Default: none here; the
     *     load-balanced service sets its container's port
     */
    public abstract Optional<Integer> port();

    /**
     * @return {@value #IP} or {@value #INSTANCE}, if set. Default: {@value #IP}; a load-balanced service in bridge
     *     mode sets {@value #INSTANCE}
     */
    public abstract Optional<String> targetType();

    /** @return the health check. Default: {@link HealthCheckArgs}'s defaults */
    @Value.Default
    public HealthCheckArgs healthCheck() {
        return HealthCheckArgs.builder().build();
    }

    /**
     * @return seconds in-flight requests may finish on a deregistered target, 0-3600 (AWS's range). Default: 30 s,
     *     because a Spring Boot request rarely takes longer and AWS's 300 s makes every rollout wait five minutes. ECS
     *     drains a task before it sends SIGTERM, so the drain and the container's stop timeout add up
     */
    @Value.Default
    public int deregistrationDelaySeconds() {
        return DEFAULT_DEREGISTRATION_DELAY_SECONDS;
    }

    /**
     * @return seconds a new target's share of requests ramps up from none to full, 30-900, or 0 for none (AWS's
     *     range, "Slow start mode", https://docs.aws.amazon.com/elasticloadbalancing/latest/application/edit-target-group-attributes.html).
     *     Default: 0, a new task gets its full share once healthy; a JVM that serves slowly until its code is
     *     compiled may want 30-60
     */
    @Value.Default
    public int slowStartSeconds() {
        return 0;
    }

    /**
     * Checks the args; the port when it is set (the component that needs one and cannot take it from a container
     * requires it: {@link #PORT_REQUIRED}).
     *
     * @param problems where problems go
     * @return these args
     */
    @Override
    public TargetGroupArgs validate(Problems problems) {
        port().ifPresent(p -> problems.add("port", Rules.port(p)));
        targetType().filter(t -> !IP.equals(t) && !INSTANCE.equals(t)).ifPresent(t -> problems.add("targetType",
                "'" + t + "' is not ip or instance (the ECS target types)"));
        healthCheck().validate(problems.at("healthCheck"));
        problems.add("deregistrationDelaySeconds", Rules.between(deregistrationDelaySeconds(), 0, 3600));
        if (slowStartSeconds() != 0 && Rules.between(slowStartSeconds(), 30, 900).isPresent()) {
            problems.add("slowStartSeconds", slowStartSeconds() + " is neither 0 (off) nor within 30-900",
                    String.valueOf(Math.max(30, Math.min(900, slowStartSeconds()))));
        }
        return this;
    }

    /**
     * The target group's inputs, without tags: its component registers it through {@code Children}, which tags it.
     *
     * @param vpcId the VPC
     * @return the AWS provider's args
     */
    com.pulumi.aws.lb.TargetGroupArgs resourceArgs(Output<String> vpcId) {
        var health = healthCheck();
        return com.pulumi.aws.lb.TargetGroupArgs.builder()
                .vpcId(vpcId)
                .targetType(targetType().orElse(IP))
                .protocol("HTTP")
                .port(port().orElse(null))
                .deregistrationDelay(deregistrationDelaySeconds())
                .slowStart(slowStartSeconds())
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
                        .build())
                .build();
    }

    /** @return a builder holding these args, to change some of them */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link TargetGroupArgs}. */
    public static final class Builder extends ImmutableTargetGroupArgs.Builder {
        Builder() {
        }
    }
}
