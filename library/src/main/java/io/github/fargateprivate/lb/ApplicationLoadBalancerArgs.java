package io.github.fargateprivate.lb;

import io.github.fargateprivate.AwsEnvironment;
import io.github.fargateprivate.OptionsStyle;
import io.github.fargateprivate.Problems;
import io.github.fargateprivate.Value;
import io.github.fargateprivate.ec2.NetworkArgs;

import java.util.Optional;

/**
 * Inputs of {@link ApplicationLoadBalancer}: its options and what a parent wires, the network and the default target
 * group. Immutable; build with {@link #builder()}, or from options with {@code builder().from(options)}.
 */
@org.immutables.value.Value.Immutable
@OptionsStyle
@SuppressWarnings("immutables:subtype")
public abstract class ApplicationLoadBalancerArgs implements ApplicationLoadBalancerOptions {

    /**
     * @return the VPC and the load balancer's subnets ({@link NetworkArgs#publicSubnetIds()}). Required; a
     *     load-balanced service sets its own network
     */
    public abstract Optional<NetworkArgs> network();

    /**
     * @return a target group the listeners forward to by default, for a load balancer of one service. Default: none;
     *     the listeners answer 404 to what no listener rule claims, for a load balancer that services share
     */
    public abstract Optional<TargetGroupArgs> targetGroup();

    /**
     * Checks the options and the wiring.
     *
     * @param problems where problems go
     * @return these args, each value of another resource carrying its check
     */
    @Override
    public ApplicationLoadBalancerArgs validate(Problems problems) {
        var checked = builder().from(this).from(ApplicationLoadBalancerOptions.super.validate(problems));
        targetGroup().ifPresent(targetGroup -> {
            checked.targetGroup(targetGroup.validate(problems.at("targetGroup")));
            if (targetGroup.port().isEmpty()) {
                problems.add("targetGroup.port", TargetGroupArgs.PORT_REQUIRED);
            }
        });
        if (network().isEmpty()) {
            problems.add("network", "required: the VPC and the load balancer's subnets");
        }
        network().map(n -> n.validate(problems.at("network"))).ifPresent(checked::network);
        return checked.build();
    }

    /**
     * @param problems where problems go
     * @param env      the stack's account and region
     * @return these args, the certificate and web ACL of another resource carrying the check
     */
    @Override
    public ApplicationLoadBalancerArgs checkAccountAndRegion(Problems problems, AwsEnvironment env) {
        return builder().from(this).from(ApplicationLoadBalancerOptions.super.checkAccountAndRegion(problems, env))
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

    /** Builder of {@link ApplicationLoadBalancerArgs}. */
    public static final class Builder extends ImmutableApplicationLoadBalancerArgs.Builder
            implements ApplicationLoadBalancerOptions.Setters<Builder> {
        Builder() {
        }
    }
}
