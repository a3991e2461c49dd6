package io.github.fargateprivate.ec2;

import com.pulumi.core.Output;
import com.pulumi.resources.ResourceArgs;
import io.github.fargateprivate.Problems;
import io.github.fargateprivate.Rules;
import io.github.fargateprivate.Value;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Inputs of {@link VpcEndpoints}. Immutable; build with {@link #builder()}. */
public final class VpcEndpointsArgs extends ResourceArgs {

    /** The interface endpoints a Fargate task always needs without a NAT gateway: ECR's API and registry, and logs. */
    public static final List<String> ALWAYS = List.of("ecr.api", "ecr.dkr", "logs");
    /** The interface endpoints this component knows. */
    public static final List<String> KNOWN = List.of("ecr.api", "ecr.dkr", "logs", "secretsmanager", "ssm", "ecs",
            "ecs-agent", "ecs-telemetry");
    /** The interface endpoints the ECS agent on an EC2 container instance needs without a NAT gateway. */
    public static final List<String> ECS_AGENT = List.of("ecs", "ecs-agent", "ecs-telemetry");
    private static final Pattern ROUTE_TABLE_ID = Pattern.compile("rtb-(?:[0-9a-f]{8}|[0-9a-f]{17})");

    /** The VPC. Required (the load-balanced service sets its network's). */
    private Value<String> vpcId;

    /** The private subnets the interface endpoints get a network interface in. Required (the service's). */
    private Value<List<String>> subnetIds;

    /**
     * The interface endpoints: {@link #ALWAYS}, plus {@code secretsmanager} and {@code ssm} when the task reads such
     * secrets. Required (the load-balanced service derives them from its containers).
     */
    private final Set<String> services = new LinkedHashSet<>();

    /**
     * The private subnets' route tables, which the S3 gateway endpoint (where ECR keeps image layers) joins.
     * Default: looked up from the subnets.
     */
    private Value<List<String>> routeTableIds;

    /** Tags of every taggable child. Default: none. */
    private Map<String, String> tags = Map.of();

    private VpcEndpointsArgs() {
    }

    /** @return the VPC, if set */
    public Optional<Value<String>> vpcId() {
        return Optional.ofNullable(vpcId);
    }

    /** @return the subnets, if set */
    public Optional<Value<List<String>>> subnetIds() {
        return Optional.ofNullable(subnetIds);
    }

    /** @return the interface endpoints */
    public List<String> services() {
        return new ArrayList<>(services);
    }

    /** @return the route tables, if given */
    public Optional<Value<List<String>>> routeTableIds() {
        return Optional.ofNullable(routeTableIds);
    }

    /** @return the tags */
    public Map<String, String> tags() {
        return tags;
    }

    /**
     * Checks the args.
     *
     * @param problems where problems go
     * @return the checked route tables, or null when they are looked up
     */
    public Output<List<String>> validate(Problems problems) {
        if (vpcId == null) {
            problems.add("vpcId", "required: the VPC of the endpoints");
        }
        if (subnetIds == null) {
            problems.add("subnetIds", "required: the private subnets of the tasks");
        }
        services.stream().filter(s -> !KNOWN.contains(s)).forEach(s -> problems.add("services", "'" + s
                + "' is not one of " + KNOWN));
        if (!services.containsAll(ALWAYS)) {
            problems.add("services", "needs " + ALWAYS + ": without them a task in a subnet without NAT cannot pull or log");
        }
        problems.add("tags", Rules.tags(tags));
        return routeTableIds == null ? null : problems.check("routeTableIds", routeTableIds, ids -> ids.isEmpty()
                ? Optional.of("empty; leave it unset to look the route tables up from the subnets")
                : ids.stream().filter(id -> id == null || !ROUTE_TABLE_ID.matcher(id).matches()).findFirst()
                .map(id -> "'" + id + "' is not a route table id (rtb- and 8 or 17 hex digits)"));
    }

    /** @return a builder holding these args, to change some of them */
    public Builder toBuilder() {
        var b = new Builder();
        b.args.vpcId = vpcId;
        b.args.subnetIds = subnetIds;
        b.args.services.addAll(services);
        b.args.routeTableIds = routeTableIds;
        b.args.tags = tags;
        return b;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link VpcEndpointsArgs}. */
    public static final class Builder {
        private VpcEndpointsArgs args = new VpcEndpointsArgs();

        private Builder() {
        }

        private VpcEndpointsArgs args() {
            if (args == null) {
                throw new IllegalStateException("VpcEndpointsArgs.Builder: build() was called already");
            }
            return args;
        }

        /**
         * @param vpcId the VPC
         * @return this builder
         */
        public Builder vpcId(Value<String> vpcId) {
            args().vpcId = vpcId;
            return this;
        }

        /**
         * @param subnetIds the private subnets
         * @return this builder
         */
        public Builder subnetIds(Value<List<String>> subnetIds) {
            args().subnetIds = subnetIds;
            return this;
        }

        /**
         * @param service an interface endpoint, e.g. {@code ecr.api}
         * @return this builder
         */
        public Builder service(String service) {
            args().services.add(service);
            return this;
        }

        /**
         * @param routeTableIds the private subnets' route tables
         * @return this builder
         */
        public Builder routeTableIds(List<String> routeTableIds) {
            args().routeTableIds = Value.of(List.copyOf(routeTableIds));
            return this;
        }

        /**
         * @param routeTableIds the private subnets' route tables, e.g. from a stack reference
         * @return this builder
         */
        public Builder routeTableIds(Output<List<String>> routeTableIds) {
            args().routeTableIds = Value.of(routeTableIds);
            return this;
        }

        /**
         * @param tags tags of every taggable child
         * @return this builder
         */
        public Builder tags(Map<String, String> tags) {
            args().tags = Map.copyOf(tags);
            return this;
        }

        /** @return the immutable args */
        public VpcEndpointsArgs build() {
            VpcEndpointsArgs built = args();
            args = null;
            return built;
        }
    }
}
