package io.github.fargateprivate.ec2;

import com.pulumi.core.Output;
import io.github.fargateprivate.Options;
import io.github.fargateprivate.OptionsStyle;
import io.github.fargateprivate.Problems;
import io.github.fargateprivate.Value;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a service runs: its VPC, the subnets of its load balancer and the subnets of its tasks. The load balancer and
 * the service take the same network, so that both sit in one VPC. Immutable; build with {@link #builder()}.
 *
 * <p>Tasks run in {@link #privateSubnetIds()} without a public IP. Without private subnets (the default VPC has
 * none) they run in {@link #publicSubnetIds()} with a public IP, which they need there to reach a registry outside
 * AWS, since such subnets have no NAT gateway; their security group still admits only the load balancer.
 */
@org.immutables.value.Value.Immutable
@OptionsStyle
public abstract class NetworkArgs implements Options<NetworkArgs> {

    // EC2 ids carry 8 hex digits (before 2016) or 17; nothing in between.
    private static final Pattern VPC_ID = Pattern.compile("vpc-(?:[0-9a-f]{8}|[0-9a-f]{17})");
    private static final Pattern SUBNET_ID = Pattern.compile("subnet-(?:[0-9a-f]{8}|[0-9a-f]{17})");

    /** @return the VPC. Required */
    public abstract Optional<Value<String>> vpcId();

    /**
     * @return subnets of the load balancer: at least two, in different availability zones (an ALB's rule); public
     *     ones for an internet-facing load balancer. Required
     */
    public abstract Optional<Value<List<String>>> publicSubnetIds();

    /**
     * @return subnets of the tasks, which then get no public IP: at least two, for two availability zones. They reach
     *     an outside registry only through a NAT gateway (or ECR and Secrets Manager through VPC endpoints). Default:
     *     none, and the tasks run in {@link #publicSubnetIds()} with a public IP
     */
    public abstract Optional<Value<List<String>>> privateSubnetIds();

    /**
     * @return the subnets the tasks run in: the private ones, or else the public ones
     * @throws IllegalStateException when neither is given (which {@link #validate} reports)
     */
    public Value<List<String>> taskSubnetIds() {
        return privateSubnetIds().or(this::publicSubnetIds)
                .orElseThrow(() -> new IllegalStateException("NetworkArgs: no subnets given"));
    }

    /** @return whether tasks need a public IP: only without private subnets */
    public boolean assignPublicIp() {
        return privateSubnetIds().isEmpty();
    }

    /**
     * Checks the network.
     *
     * @param problems where problems go, under this network's field
     * @return this network with each value of another resource replaced by the Output that carries its check
     */
    @Override
    public NetworkArgs validate(Problems problems) {
        var checked = builder().from(this);
        vpcId().ifPresentOrElse(v -> checked.vpcId(problems.checked("vpcId", v, NetworkArgs::vpcIdProblem)),
                () -> problems.add("vpcId", "required: the VPC of the load balancer and the tasks"));
        publicSubnetIds().ifPresentOrElse(s -> checked.publicSubnetIds(problems.checked("publicSubnetIds", s,
                        NetworkArgs::subnetsProblem)),
                () -> problems.add("publicSubnetIds", "required: at least two subnets for the load balancer"));
        privateSubnetIds().ifPresent(s -> checked.privateSubnetIds(problems.checked("privateSubnetIds", s,
                NetworkArgs::subnetsProblem)));
        return checked.build();
    }

    /**
     * @param id a VPC id
     * @return a problem unless it is one
     */
    public static Optional<String> vpcIdProblem(String id) {
        return id != null && VPC_ID.matcher(id).matches() ? Optional.empty()
                : Optional.of("'" + id + "' is not a VPC id (vpc- and 8 or 17 hex digits)");
    }

    private static Optional<String> subnetsProblem(List<String> ids) {
        for (String id : ids) {
            if (id == null || !SUBNET_ID.matcher(id).matches()) {
                return Optional.of("'" + id + "' is not a subnet id (subnet- and 8 or 17 hex digits)");
            }
        }
        if (ids.size() < 2) {
            return Optional.of("needs at least two subnets in different availability zones, got " + ids.size());
        }
        if (ids.stream().distinct().count() != ids.size()) {
            return Optional.of("names a subnet twice: " + ids);
        }
        return Optional.empty();
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this network, to change some of it */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builder of {@link NetworkArgs}. */
    public static final class Builder extends ImmutableNetworkArgs.Builder {
        Builder() {
        }

        /**
         * @param vpcId the VPC
         * @return this builder
         */
        public Builder vpcId(String vpcId) {
            return vpcId(Value.of(vpcId));
        }

        /**
         * @param vpcId the VPC, e.g. from a stack reference
         * @return this builder
         */
        public Builder vpcId(Output<String> vpcId) {
            return vpcId(Value.of(vpcId));
        }

        /**
         * @param subnetIds the load balancer's subnets
         * @return this builder
         */
        public Builder publicSubnetIds(List<String> subnetIds) {
            return publicSubnetIds(Value.of(List.copyOf(subnetIds)));
        }

        /**
         * @param subnetIds the load balancer's subnets, e.g. from a stack reference
         * @return this builder
         */
        public Builder publicSubnetIds(Output<List<String>> subnetIds) {
            return publicSubnetIds(Value.of(subnetIds));
        }

        /**
         * @param subnetIds the tasks' subnets
         * @return this builder
         */
        public Builder privateSubnetIds(List<String> subnetIds) {
            return privateSubnetIds(Value.of(List.copyOf(subnetIds)));
        }

        /**
         * @param subnetIds the tasks' subnets, e.g. from a stack reference
         * @return this builder
         */
        public Builder privateSubnetIds(Output<List<String>> subnetIds) {
            return privateSubnetIds(Value.of(subnetIds));
        }
    }
}
