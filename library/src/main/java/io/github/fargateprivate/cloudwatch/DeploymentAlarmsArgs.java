package io.github.fargateprivate.cloudwatch;

import com.pulumi.core.Output;
import com.pulumi.resources.ResourceArgs;
import io.github.fargateprivate.Problems;
import io.github.fargateprivate.Rules;
import io.github.fargateprivate.Value;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Inputs of {@link DeploymentAlarms}: which target group behind which Application Load Balancer the alarms watch, and
 * how long a starting task may fail its health checks. Immutable; build with {@link #builder()}; missing fields are
 * reported by the component, with every other problem.
 *
 * <p>The metrics' dimensions are the final portions of the ARNs ("Metric dimensions for Application Load Balancers",
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html):
 * {@code targetgroup/NAME/ID} and {@code app/NAME/ID}, what the AWS provider answers as {@code arnSuffix}.
 */
public final class DeploymentAlarmsArgs extends ResourceArgs {

    /** Default of {@link #healthCheckGracePeriodSeconds()}: the ECS service's default, a Spring Boot start. */
    public static final int DEFAULT_HEALTH_CHECK_GRACE_PERIOD_SECONDS = 90;

    private static final Pattern TARGET_GROUP = Pattern.compile("targetgroup/[A-Za-z0-9-]{1,32}/[0-9a-f]+");
    private static final Pattern LOAD_BALANCER = Pattern.compile("app/[A-Za-z0-9-]{1,32}/[0-9a-f]+");

    /** The service's target group, as its {@code arnSuffix} ({@code targetgroup/NAME/ID}). Required. */
    private Value<String> targetGroupArnSuffix;

    /**
     * The Application Load Balancer that forwards to the target group, as its {@code arnSuffix}
     * ({@code app/NAME/ID}); of a load balancer known only by its listener, the part of the listener's ARN after
     * {@code listener/} without the listener's own id. Required.
     */
    private Value<String> loadBalancerArnSuffix;

    /**
     * Seconds a starting task may fail the load balancer's health checks (the ECS service's
     * {@code healthCheckGracePeriodSeconds}): the unhealthy-hosts alarm waits longer than that. Default:
     * {@value #DEFAULT_HEALTH_CHECK_GRACE_PERIOD_SECONDS}.
     */
    private Integer healthCheckGracePeriodSeconds;

    /** Tags of both alarms. Default: none. */
    private Map<String, String> tags = Map.of();

    private DeploymentAlarmsArgs() {
    }

    /** @return the target group's ARN suffix, if given */
    public Optional<Value<String>> targetGroupArnSuffix() {
        return Optional.ofNullable(targetGroupArnSuffix);
    }

    /** @return the load balancer's ARN suffix, if given */
    public Optional<Value<String>> loadBalancerArnSuffix() {
        return Optional.ofNullable(loadBalancerArnSuffix);
    }

    /** @return the seconds a starting task may fail its health checks */
    public int healthCheckGracePeriodSeconds() {
        return healthCheckGracePeriodSeconds == null ? DEFAULT_HEALTH_CHECK_GRACE_PERIOD_SECONDS
                : healthCheckGracePeriodSeconds;
    }

    /** @return the tags */
    public Map<String, String> tags() {
        return tags;
    }

    /**
     * The args' values, checked.
     *
     * @param targetGroupArnSuffix  the target group's ARN suffix
     * @param loadBalancerArnSuffix the load balancer's ARN suffix
     */
    public record Checked(Output<String> targetGroupArnSuffix, Output<String> loadBalancerArnSuffix) {
    }

    /**
     * Checks the args: the two dimensions in the shapes CloudWatch files the metrics under, the grace period within
     * what one alarm can evaluate, and the tags.
     *
     * @param problems where problems go
     * @return the checked values; null when a required one is missing
     */
    public Checked validate(Problems problems) {
        problems.add("healthCheckGracePeriodSeconds", Rules.between(healthCheckGracePeriodSeconds(), 0,
                DeploymentAlarms.MAX_GRACE_PERIOD_SECONDS).map(p -> p + ": the unhealthy-hosts alarm evaluates "
                + "ceil(grace / 60) + 2 one-minute periods, and an alarm whose period is under an hour evaluates at "
                + "most one day (86,400 s; PutMetricAlarm, Period, CloudWatch API reference)"));
        problems.add("tags", Rules.tags(tags));
        if (targetGroupArnSuffix == null) {
            problems.add("targetGroupArnSuffix", "required: the target group's arnSuffix "
                    + "(aws.lb.TargetGroup#arnSuffix())");
        }
        if (loadBalancerArnSuffix == null) {
            problems.add("loadBalancerArnSuffix", "required: the load balancer's arnSuffix "
                    + "(aws.lb.LoadBalancer#arnSuffix())");
        }
        if (targetGroupArnSuffix == null || loadBalancerArnSuffix == null) {
            return null;
        }
        return new Checked(problems.check("targetGroupArnSuffix", targetGroupArnSuffix,
                s -> suffixProblem(s, TARGET_GROUP, "targetgroup/NAME/ID", "a target group")),
                problems.check("loadBalancerArnSuffix", loadBalancerArnSuffix,
                        s -> suffixProblem(s, LOAD_BALANCER, "app/NAME/ID", "an Application Load Balancer")));
    }

    private static Optional<String> suffixProblem(String suffix, Pattern shape, String form, String what) {
        if (shape.matcher(suffix).matches()) {
            return Optional.empty();
        }
        // arn:PARTITION:elasticloadbalancing:REGION:ACCOUNT:targetgroup/NAME/ID, or ...:loadbalancer/app/NAME/ID.
        String[] parts = suffix.split(":", 6);
        String hint = parts.length == 6 && parts[0].equals("arn")
                ? "; that is an ARN: give its final portion, " + parts[5].replaceFirst("^loadbalancer/", "") : "";
        return Optional.of("'" + suffix + "' is not the final portion of " + what + " ARN, " + form + ", which "
                + "CloudWatch files the AWS/ApplicationELB metrics under" + hint);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link DeploymentAlarmsArgs}. */
    public static final class Builder {
        private DeploymentAlarmsArgs args = new DeploymentAlarmsArgs();

        private Builder() {
        }

        private DeploymentAlarmsArgs args() {
            if (args == null) {
                throw new IllegalStateException("DeploymentAlarmsArgs.Builder: build() was called already; args are "
                        + "immutable, start a new builder");
            }
            return args;
        }

        /**
         * @param arnSuffix the target group's {@code arnSuffix}, e.g. {@code aws.lb.TargetGroup#arnSuffix()}
         * @return this builder
         */
        public Builder targetGroupArnSuffix(Output<String> arnSuffix) {
            args().targetGroupArnSuffix = Value.of(arnSuffix);
            return this;
        }

        /**
         * @param arnSuffix the target group's {@code arnSuffix}, {@code targetgroup/NAME/ID}
         * @return this builder
         */
        public Builder targetGroupArnSuffix(String arnSuffix) {
            args().targetGroupArnSuffix = Value.of(arnSuffix);
            return this;
        }

        /**
         * @param arnSuffix the load balancer's {@code arnSuffix}, e.g. {@code aws.lb.LoadBalancer#arnSuffix()} or
         *                  {@code lb.ListenerTarget#loadBalancerArnSuffix()}
         * @return this builder
         */
        public Builder loadBalancerArnSuffix(Output<String> arnSuffix) {
            args().loadBalancerArnSuffix = Value.of(arnSuffix);
            return this;
        }

        /**
         * @param arnSuffix the load balancer's {@code arnSuffix}, {@code app/NAME/ID}
         * @return this builder
         */
        public Builder loadBalancerArnSuffix(String arnSuffix) {
            args().loadBalancerArnSuffix = Value.of(arnSuffix);
            return this;
        }

        /**
         * @param seconds the ECS service's health-check grace period
         * @return this builder
         */
        public Builder healthCheckGracePeriodSeconds(int seconds) {
            args().healthCheckGracePeriodSeconds = seconds;
            return this;
        }

        /**
         * @param tags tags of both alarms
         * @return this builder
         */
        public Builder tags(Map<String, String> tags) {
            args().tags = Map.copyOf(tags);
            return this;
        }

        /** @return the immutable args */
        public DeploymentAlarmsArgs build() {
            DeploymentAlarmsArgs built = args();
            args = null;
            return built;
        }
    }
}
