package io.github.fargateprivate.ec2;

import com.pulumi.core.Output;
import io.github.fargateprivate.OptionsStyle;
import io.github.fargateprivate.Problems;
import io.github.fargateprivate.Value;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Inputs of {@link VpcEndpoints}: its options and where the endpoints go, the VPC, the private subnets and the
 * interface endpoints, which a load-balanced service wires from its network and containers
 * ({@code builder().from(options)}). Immutable; build with {@link #builder()}, change with {@code builder().from(args)}
 * ({@link #toBuilder()} is the options' and keeps only them).
 */
@org.immutables.value.Value.Immutable
@OptionsStyle
@SuppressWarnings("immutables:subtype")
public abstract class VpcEndpointsArgs implements VpcEndpointsOptions {

    /** The interface endpoints a Fargate task always needs without a NAT gateway: ECR's API and registry, and logs. */
    public static final List<String> ALWAYS = List.of("ecr.api", "ecr.dkr", "logs");
    /** The interface endpoints this component knows. */
    public static final List<String> KNOWN = List.of("ecr.api", "ecr.dkr", "logs", "secretsmanager", "ssm", "ecs",
            "ecs-agent", "ecs-telemetry");
    /** The interface endpoints the ECS agent on an EC2 container instance needs without a NAT gateway. */
    public static final List<String> ECS_AGENT = List.of("ecs", "ecs-agent", "ecs-telemetry");

    /** @return the VPC. Required (the load-balanced service sets its network's) */
    public abstract Optional<Value<String>> vpcId();

    /** @return the private subnets the interface endpoints get a network interface in. Required (the service's) */
    public abstract Optional<Value<List<String>>> subnetIds();

    /**
     * @return the interface endpoints, in the order given: {@link #ALWAYS}, plus {@code secretsmanager} and
     *     {@code ssm} when the task reads such secrets. Required (the load-balanced service derives them from its
     *     containers)
     */
    public abstract Set<String> services();

    /**
     * Checks the wiring and the options.
     *
     * @param problems where problems go
     * @return these args, route tables of another resource carrying their check
     */
    @Override
    public VpcEndpointsArgs validate(Problems problems) {
        if (vpcId().isEmpty()) {
            problems.add("vpcId", "required: the VPC of the endpoints");
        }
        if (subnetIds().isEmpty()) {
            problems.add("subnetIds", "required: the private subnets of the tasks");
        }
        services().stream().filter(s -> !KNOWN.contains(s)).forEach(s -> problems.add("services", "'" + s
                + "' is not one of " + KNOWN));
        if (!services().containsAll(ALWAYS)) {
            problems.add("services", "needs " + ALWAYS + ": without them a task in a subnet without NAT cannot pull or log");
        }
        return builder().from(this).from(VpcEndpointsOptions.super.validate(problems)).build();
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link VpcEndpointsArgs}. */
    public static final class Builder extends ImmutableVpcEndpointsArgs.Builder {
        Builder() {
        }

        /**
         * @param routeTableIds the private subnets' route tables
         * @return this builder
         */
        public Builder routeTableIds(List<String> routeTableIds) {
            return routeTableIds(Value.of(List.copyOf(routeTableIds)));
        }

        /**
         * @param routeTableIds the private subnets' route tables, e.g. from a stack reference
         * @return this builder
         */
        public Builder routeTableIds(Output<List<String>> routeTableIds) {
            return routeTableIds(Value.of(routeTableIds));
        }
    }
}
