package io.github.fargateprivate.cloudwatch;

import io.github.fargateprivate.Options;
import io.github.fargateprivate.OptionsStyle;
import io.github.fargateprivate.Problems;
import io.github.fargateprivate.Rules;
import org.immutables.value.Value;

import java.util.Map;

/**
 * What a user sets of {@link DeploymentAlarms}: how long a starting task may fail its health checks, and the tags.
 * The target group and the load balancer the alarms watch are wiring ({@link DeploymentAlarmsArgs}), which a
 * load-balanced service passes. Immutable; build with {@link #builder()}.
 *
 * <p>An interface, not an abstract class, so that {@link DeploymentAlarmsArgs} can have a {@code builder()} of its
 * own: Java lets a class's static method hide another's only with a compatible return type, and an interface's static
 * methods are not inherited.
 */
@Value.Immutable
@OptionsStyle
public interface DeploymentAlarmsOptions extends Options<DeploymentAlarmsOptions> {

    /** Default of {@link #healthCheckGracePeriodSeconds()}: the ECS service's default, a Spring Boot start. */
    int DEFAULT_HEALTH_CHECK_GRACE_PERIOD_SECONDS = 90;

    /**
     * @return seconds a starting task may fail the load balancer's health checks (the ECS service's
     *     {@code healthCheckGracePeriodSeconds}): the unhealthy-hosts alarm waits longer than that. Default:
     *     {@value #DEFAULT_HEALTH_CHECK_GRACE_PERIOD_SECONDS}
     */
    @Value.Default
    default int healthCheckGracePeriodSeconds() {
        return DEFAULT_HEALTH_CHECK_GRACE_PERIOD_SECONDS;
    }

    /** @return tags of both alarms. Default: none */
    Map<String, String> tags();

    /**
     * Checks the grace period within what one alarm can evaluate, and the tags.
     *
     * @param problems where problems go
     * @return these options
     */
    @Override
    default DeploymentAlarmsOptions validate(Problems problems) {
        problems.add("healthCheckGracePeriodSeconds", Rules.between(healthCheckGracePeriodSeconds(), 0,
                DeploymentAlarms.MAX_GRACE_PERIOD_SECONDS).map(p -> p + ": the unhealthy-hosts alarm evaluates "
                + "ceil(grace / 60) + 2 one-minute periods, and an alarm whose period is under an hour evaluates at "
                + "most one day (86,400 s; PutMetricAlarm, Period, CloudWatch API reference)"));
        problems.add("tags", Rules.tags(tags()));
        return this;
    }

    /** @return a new builder */
    static Builder builder() {
        return new Builder();
    }

    /**
     * @return a builder holding these options, to change some of them; of {@link DeploymentAlarmsArgs}, only their
     *     options (change those with {@code DeploymentAlarmsArgs.builder().from(args)})
     */
    default Builder toBuilder() {
        return builder().from(this);
    }

    /** Builder of {@link DeploymentAlarmsOptions}. */
    final class Builder extends ImmutableDeploymentAlarmsOptions.Builder {
        Builder() {
        }
    }
}
