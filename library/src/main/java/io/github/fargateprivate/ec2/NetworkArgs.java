package io.github.fargateprivate.ec2;

import com.pulumi.core.Output;
import com.pulumi.resources.ResourceArgs;
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
public final class NetworkArgs extends ResourceArgs {

    // EC2 ids carry 8 hex digits (before 2016) or 17; nothing in between.
    private static final Pattern VPC_ID = Pattern.compile("vpc-(?:[0-9a-f]{8}|[0-9a-f]{17})");
    private static final Pattern SUBNET_ID = Pattern.compile("subnet-(?:[0-9a-f]{8}|[0-9a-f]{17})");

    /** The VPC. Required. */
    private Value<String> vpcId;

    /**
     * Subnets of the load balancer: at least two, in different availability zones (an ALB's rule); public ones for an
     * internet-facing load balancer. Required.
     */
    private Value<List<String>> publicSubnetIds;

    /**
     * Subnets of the tasks, which then get no public IP: at least two, for two availability zones. They reach an
     * outside registry only through a NAT gateway (or ECR and Secrets Manager through VPC endpoints). Default: none,
     * and the tasks run in {@link #publicSubnetIds()} with a public IP.
     */
    private Value<List<String>> privateSubnetIds;

    private NetworkArgs() {
    }

    /** @return the VPC */
    public Value<String> vpcId() {
        return vpcId;
    }

    /** @return the load balancer's subnets */
    public Value<List<String>> publicSubnetIds() {
        return publicSubnetIds;
    }

    /** @return the tasks' own subnets, if any */
    public Optional<Value<List<String>>> privateSubnetIds() {
        return Optional.ofNullable(privateSubnetIds);
    }

    /** @return the subnets the tasks run in: the private ones, or else the public ones */
    public Value<List<String>> taskSubnetIds() {
        return privateSubnetIds == null ? publicSubnetIds : privateSubnetIds;
    }

    /** @return whether tasks need a public IP: only without private subnets */
    public boolean assignPublicIp() {
        return privateSubnetIds == null;
    }

    /**
     * Checks the network.
     *
     * @param problems where problems go, under this network's field
     * @return the checked VPC id and subnets, as Outputs that carry the checks of values of other resources
     */
    public Checked validate(Problems problems) {
        Output<String> vpc = null;
        if (vpcId == null) {
            problems.add("vpcId", "required: the VPC of the load balancer and the tasks");
        } else {
            vpc = problems.check("vpcId", vpcId, NetworkArgs::vpcIdProblem);
        }
        Output<List<String>> publicIds = null;
        if (publicSubnetIds == null) {
            problems.add("publicSubnetIds", "required: at least two subnets for the load balancer");
        } else {
            publicIds = problems.check("publicSubnetIds", publicSubnetIds, NetworkArgs::subnetsProblem);
        }
        Output<List<String>> privateIds = privateSubnetIds == null ? publicIds
                : problems.check("privateSubnetIds", privateSubnetIds, NetworkArgs::subnetsProblem);
        return vpc == null || publicIds == null ? null : new Checked(vpc, publicIds, privateIds);
    }

    /**
     * The network's values, checked.
     *
     * @param vpcId           the VPC
     * @param publicSubnetIds the load balancer's subnets
     * @param taskSubnetIds   the tasks' subnets
     */
    public record Checked(Output<String> vpcId, Output<List<String>> publicSubnetIds,
                          Output<List<String>> taskSubnetIds) {
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

    /** Builder of {@link NetworkArgs}. */
    public static final class Builder {
        private NetworkArgs args = new NetworkArgs();

        private Builder() {
        }

        private NetworkArgs args() {
            if (args == null) {
                throw new IllegalStateException("NetworkArgs.Builder: build() was called already; start a new builder");
            }
            return args;
        }

        /**
         * @param vpcId the VPC
         * @return this builder
         */
        public Builder vpcId(String vpcId) {
            args().vpcId = Value.of(vpcId);
            return this;
        }

        /**
         * @param vpcId the VPC, e.g. from a stack reference
         * @return this builder
         */
        public Builder vpcId(Output<String> vpcId) {
            args().vpcId = Value.of(vpcId);
            return this;
        }

        /**
         * @param subnetIds the load balancer's subnets
         * @return this builder
         */
        public Builder publicSubnetIds(List<String> subnetIds) {
            args().publicSubnetIds = Value.of(List.copyOf(subnetIds));
            return this;
        }

        /**
         * @param subnetIds the load balancer's subnets, e.g. from a stack reference
         * @return this builder
         */
        public Builder publicSubnetIds(Output<List<String>> subnetIds) {
            args().publicSubnetIds = Value.of(subnetIds);
            return this;
        }

        /**
         * @param subnetIds the tasks' subnets
         * @return this builder
         */
        public Builder privateSubnetIds(List<String> subnetIds) {
            args().privateSubnetIds = Value.of(List.copyOf(subnetIds));
            return this;
        }

        /**
         * @param subnetIds the tasks' subnets, e.g. from a stack reference
         * @return this builder
         */
        public Builder privateSubnetIds(Output<List<String>> subnetIds) {
            args().privateSubnetIds = Value.of(subnetIds);
            return this;
        }

        /** @return the immutable args */
        public NetworkArgs build() {
            NetworkArgs built = args();
            args = null;
            return built;
        }
    }
}
