package io.github.fargateprivate.cloudwatch;

import com.pulumi.core.Output;
import io.github.fargateprivate.OptionsStyle;
import io.github.fargateprivate.Problems;
import io.github.fargateprivate.Value;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Inputs of {@link DeploymentAlarms}: its options and which target group behind which Application Load Balancer the
 * alarms watch, which a load-balanced service wires ({@code builder().from(options)}). Immutable; build with
 * {@link #builder()}, change with {@code builder().from(args)} ({@link #toBuilder()} is the options' and keeps only
 * them); missing fields are reported by the component, with every other problem.
 *
 * <p>The metrics' dimensions are the final portions of the ARNs ("Metric dimensions for Application Load Balancers",
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html):
 * {@code targetgroup/NAME/ID} and {@code app/NAME/ID}, what the AWS provider answers as {@code arnSuffix}.
 */
@org.immutables.value.Value.Immutable
@OptionsStyle
@SuppressWarnings("immutables:subtype")
public abstract class DeploymentAlarmsArgs implements DeploymentAlarmsOptions {

    private static final Pattern TARGET_GROUP = Pattern.compile("targetgroup/[A-Za-z0-9-]{1,32}/[0-9a-f]+");
    private static final Pattern LOAD_BALANCER = Pattern.compile("app/[A-Za-z0-9-]{1,32}/[0-9a-f]+");

    /** @return the service's target group, as its {@code arnSuffix} ({@code targetgroup/NAME/ID}). Required */
    public abstract Optional<Value<String>> targetGroupArnSuffix();

    /**
     * @return the Application Load Balancer that forwards to the target group, as its {@code arnSuffix}
     *     ({@code app/NAME/ID}); of a load balancer known only by its listener, the part of the listener's ARN after
     *     {@code listener/} without the listener's own id. Required
     */
    public abstract Optional<Value<String>> loadBalancerArnSuffix();

    /**
     * Checks the args: the options, and the two dimensions in the shapes CloudWatch files the metrics under.
     *
     * @param problems where problems go
     * @return these args, each dimension of another resource carrying its check
     */
    @Override
    public DeploymentAlarmsArgs validate(Problems problems) {
        DeploymentAlarmsOptions.super.validate(problems);
        if (targetGroupArnSuffix().isEmpty()) {
            problems.add("targetGroupArnSuffix", "required: the target group's arnSuffix "
                    + "(aws.lb.TargetGroup#arnSuffix())");
        }
        if (loadBalancerArnSuffix().isEmpty()) {
            problems.add("loadBalancerArnSuffix", "required: the load balancer's arnSuffix "
                    + "(aws.lb.LoadBalancer#arnSuffix())");
        }
        if (targetGroupArnSuffix().isEmpty() || loadBalancerArnSuffix().isEmpty()) {
            return this;
        }
        return builder().from(this)
                .targetGroupArnSuffix(problems.checked("targetGroupArnSuffix", targetGroupArnSuffix().get(),
                        s -> suffixProblem(s, TARGET_GROUP, "targetgroup/NAME/ID", "a target group")))
                .loadBalancerArnSuffix(problems.checked("loadBalancerArnSuffix", loadBalancerArnSuffix().get(),
                        s -> suffixProblem(s, LOAD_BALANCER, "app/NAME/ID", "an Application Load Balancer")))
                .build();
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
    public static final class Builder extends ImmutableDeploymentAlarmsArgs.Builder {
        Builder() {
        }

        /**
         * @param arnSuffix the target group's {@code arnSuffix}, e.g. {@code aws.lb.TargetGroup#arnSuffix()}
         * @return this builder
         */
        public Builder targetGroupArnSuffix(Output<String> arnSuffix) {
            return targetGroupArnSuffix(Value.of(arnSuffix));
        }

        /**
         * @param arnSuffix the target group's {@code arnSuffix}, {@code targetgroup/NAME/ID}
         * @return this builder
         */
        public Builder targetGroupArnSuffix(String arnSuffix) {
            return targetGroupArnSuffix(Value.of(arnSuffix));
        }

        /**
         * @param arnSuffix the load balancer's {@code arnSuffix}, e.g. {@code aws.lb.LoadBalancer#arnSuffix()} or
         *                  {@code lb.ListenerTarget#loadBalancerArnSuffix()}
         * @return this builder
         */
        public Builder loadBalancerArnSuffix(Output<String> arnSuffix) {
            return loadBalancerArnSuffix(Value.of(arnSuffix));
        }

        /**
         * @param arnSuffix the load balancer's {@code arnSuffix}, {@code app/NAME/ID}
         * @return this builder
         */
        public Builder loadBalancerArnSuffix(String arnSuffix) {
            return loadBalancerArnSuffix(Value.of(arnSuffix));
        }
    }
}
