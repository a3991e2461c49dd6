package io.github.fargateprivate.ecs;

import com.pulumi.aws.ec2.inputs.SecurityGroupEgressArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ResourceArgs;
import io.github.fargateprivate.Problems;
import io.github.fargateprivate.Rules;
import io.github.fargateprivate.Value;
import io.github.fargateprivate.arn.Arn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Inputs of {@link Ec2Capacity}: the container instances a service runs on with launch type EC2. Immutable; build
 * with {@link #builder()}.
 *
 * <p>Through {@link FargateServiceArgs#ec2()} these args carry the instances' own options only (type, count, AMI,
 * registry authentication, Session Manager, root volume, tags); the service sets the cluster, the subnets (and
 * whether the instances need a public address there), the security group rules and the registry credentials itself.
 */
public final class Ec2CapacityArgs extends ResourceArgs {

    /** Default of {@link #instanceType()}: 2 vCPUs (burstable) and 2 GiB, the smallest that fits two default tasks. */
    public static final String DEFAULT_INSTANCE_TYPE = "t3.small";
    /** Default of {@link #rootVolumeGiB()}: the ECS-optimized AMI's own size. */
    public static final int DEFAULT_ROOT_VOLUME_GIB = 30;
    /** Registry credentials per task: {@code repositoryCredentials}, read by the execution role. The default. */
    public static final String REGISTRY_AUTH_TASK = "task";
    /** Registry credentials for the instance: the ECS agent's {@code ECS_ENGINE_AUTH_DATA}, read at boot. */
    public static final String REGISTRY_AUTH_INSTANCE = "instance";
    /** The public SSM parameter of the ECS-optimized Amazon Linux 2023 AMI (x86_64). */
    public static final String AMI_PARAMETER = "/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id";
    /** Its arm64 twin, for Graviton instance types. */
    public static final String AMI_PARAMETER_ARM64 =
            "/aws/service/ecs/optimized-ami/amazon-linux-2023/arm64/recommended/image_id";

    private static final Pattern AMI_ID = Pattern.compile("ami-(?:[0-9a-f]{8}|[0-9a-f]{17})");

    /** The instance type, {@code family.size}. Default: {@value #DEFAULT_INSTANCE_TYPE}. */
    private String instanceType;

    /** The fewest instances, 0-1000. Default: 1. */
    private Integer minInstances;

    /** The most instances, 1-1000, at least {@link #minInstances()}; managed scaling stays within. Default: 3. */
    private Integer maxInstances;

    /**
     * The AMI, {@code ami-} and 8 or 17 hex digits; it must be ECS-ready (agent, Docker). Default: the
     * ECS-optimized Amazon Linux 2023 AMI of the region, read from {@value #AMI_PARAMETER} (or its arm64 twin for a
     * Graviton type) on every {@code pulumi up}, so a newer AMI reaches new instances.
     */
    private Value<String> amiId;

    /**
     * How images are pulled with registry credentials: {@value #REGISTRY_AUTH_TASK} (per task, the default) or
     * {@value #REGISTRY_AUTH_INSTANCE} (the agent's {@code ECS_ENGINE_AUTH_DATA}, which every task on the instance
     * then pulls with).
     */
    private String registryAuth;

    /** Whether the instances may be reached with SSM Session Manager (AmazonSSMManagedInstanceCore). Default: false. */
    private Boolean sessionManager;

    /** The encrypted gp3 root volume's size in GiB, 30-16384. Default: {@value #DEFAULT_ROOT_VOLUME_GIB}. */
    private Integer rootVolumeGiB;

    /**
     * A customer managed KMS key of the registry credentials secret: with {@value #REGISTRY_AUTH_INSTANCE} the
     * instance role may decrypt with it through Secrets Manager. Default: none, the AWS managed key.
     */
    private Value<String> registryCredentialsKmsKeyArn;

    /** Tags of every taggable child, propagated to the instances. Default: none. */
    private Map<String, String> tags = Map.of();

    // Wiring, set by the service (or by a stack that uses Ec2Capacity on its own).

    /** The cluster the instances join ({@code ECS_CLUSTER}). Required. */
    private Value<String> clusterName;
    /** The VPC of the instances' security group. Required. */
    private Value<String> vpcId;
    /** The subnets of the instances. Required. */
    private Value<List<String>> subnetIds;
    /**
     * Whether the instances get a public IPv4 address: in public subnets without a NAT gateway they reach ECS, the
     * registry and AWS's APIs only with one, and a subnet need not hand one out (its map-public-ip-on-launch).
     * Default: false, the subnet's own setting.
     */
    private Boolean assignPublicIp;
    /** The load balancer's security group, admitted on the dynamic host ports (bridge mode). Default: none. */
    private Value<String> bridgeIngressSecurityGroupId;
    /** The load balancer's targets' security group, which the instances carry (bridge mode). Default: none. */
    private Value<String> targetsSecurityGroupId;
    /**
     * The name the security group's description carries, which AWS cannot change without replacing the group: that of
     * the instances as first deployed. Default: the component's name.
     */
    private String descriptionName;
    /** The instances' egress rules. Default: anywhere. */
    private final List<SecurityGroupEgressArgs> egress = new ArrayList<>();
    /** The registry credentials secret the instances read at boot, with {@value #REGISTRY_AUTH_INSTANCE}. */
    private Value<String> registryCredentialsArn;
    /** The image's registry host the credentials are for, with {@value #REGISTRY_AUTH_INSTANCE}. */
    private Value<String> registryHost;

    private Ec2CapacityArgs() {
    }

    /** @return the instance type */
    public String instanceType() {
        return instanceType == null ? DEFAULT_INSTANCE_TYPE : instanceType;
    }

    /** @return the fewest instances */
    public int minInstances() {
        return minInstances == null ? 1 : minInstances;
    }

    /** @return the most instances */
    public int maxInstances() {
        return maxInstances == null ? 3 : maxInstances;
    }

    /** @return the AMI, if given */
    public Optional<Value<String>> amiId() {
        return Optional.ofNullable(amiId);
    }

    /** @return {@value #REGISTRY_AUTH_TASK} or {@value #REGISTRY_AUTH_INSTANCE} */
    public String registryAuth() {
        return registryAuth == null ? REGISTRY_AUTH_TASK : registryAuth;
    }

    /** @return whether the agent holds the registry credentials */
    public boolean instanceRegistryAuth() {
        return REGISTRY_AUTH_INSTANCE.equals(registryAuth);
    }

    /** @return whether Session Manager may reach the instances */
    public boolean sessionManager() {
        return sessionManager != null && sessionManager;
    }

    /** @return the root volume's size in GiB */
    public int rootVolumeGiB() {
        return rootVolumeGiB == null ? DEFAULT_ROOT_VOLUME_GIB : rootVolumeGiB;
    }

    /** @return the registry credentials' customer managed key, if any */
    public Optional<Value<String>> registryCredentialsKmsKeyArn() {
        return Optional.ofNullable(registryCredentialsKmsKeyArn);
    }

    /** @return the tags */
    public Map<String, String> tags() {
        return tags;
    }

    /** @return the cluster, if set */
    public Optional<Value<String>> clusterName() {
        return Optional.ofNullable(clusterName);
    }

    /** @return the VPC, if set */
    public Optional<Value<String>> vpcId() {
        return Optional.ofNullable(vpcId);
    }

    /** @return the subnets, if set */
    public Optional<Value<List<String>>> subnetIds() {
        return Optional.ofNullable(subnetIds);
    }

    /** @return whether the instances get a public IPv4 address */
    public boolean assignPublicIp() {
        return assignPublicIp != null && assignPublicIp;
    }

    /** @return the security group admitted on the dynamic host ports, if any */
    public Optional<Value<String>> bridgeIngressSecurityGroupId() {
        return Optional.ofNullable(bridgeIngressSecurityGroupId);
    }

    /**
     * @param componentName the component's name, the default
     * @return the name the security group's description carries
     */
    public String descriptionName(String componentName) {
        return descriptionName == null ? componentName : descriptionName;
    }

    /** @return the load balancer's targets' security group the instances carry, if any */
    public Optional<Value<String>> targetsSecurityGroupId() {
        return Optional.ofNullable(targetsSecurityGroupId);
    }

    /** @return the egress rules; empty for anywhere */
    public List<SecurityGroupEgressArgs> egress() {
        return List.copyOf(egress);
    }

    /** @return the registry credentials the instances read, if any */
    public Optional<Value<String>> registryCredentialsArn() {
        return Optional.ofNullable(registryCredentialsArn);
    }

    /** @return the registry host of the credentials, if set */
    public Optional<Value<String>> registryHost() {
        return Optional.ofNullable(registryHost);
    }

    /**
     * @return the options that were set, by field name: what a Fargate service refuses
     */
    public List<String> setOptions() {
        List<String> set = new ArrayList<>();
        if (instanceType != null) {
            set.add("instanceType");
        }
        if (minInstances != null) {
            set.add("minInstances");
        }
        if (maxInstances != null) {
            set.add("maxInstances");
        }
        if (amiId != null) {
            set.add("amiId");
        }
        if (registryAuth != null) {
            set.add("registryAuth");
        }
        if (sessionManager != null) {
            set.add("sessionManager");
        }
        if (rootVolumeGiB != null) {
            set.add("rootVolumeGiB");
        }
        if (registryCredentialsKmsKeyArn != null) {
            set.add("registryCredentialsKmsKeyArn");
        }
        return set;
    }

    /** @return the wiring fields that were set: what a service refuses, since it sets them */
    public List<String> setWiring() {
        List<String> set = new ArrayList<>();
        if (clusterName != null) {
            set.add("clusterName");
        }
        if (vpcId != null) {
            set.add("vpcId");
        }
        if (subnetIds != null) {
            set.add("subnetIds");
        }
        if (assignPublicIp != null) {
            set.add("assignPublicIp");
        }
        if (bridgeIngressSecurityGroupId != null) {
            set.add("bridgeIngressSecurityGroupId");
        }
        if (targetsSecurityGroupId != null) {
            set.add("targetsSecurityGroupId");
        }
        if (!egress.isEmpty()) {
            set.add("egress");
        }
        if (registryCredentialsArn != null) {
            set.add("registryCredentialsArn");
        }
        if (registryHost != null) {
            set.add("registryHost");
        }
        return set;
    }

    /**
     * Checks the instances' own options.
     *
     * @param problems where problems go
     * @return the checked AMI and key, each null when not given
     */
    Checked validateOptions(Problems problems) {
        problems.add("instanceType", Ec2InstanceType.problem(instanceType()));
        problems.add("minInstances", Rules.between(minInstances(), 0, 1000));
        problems.add("maxInstances", Rules.between(maxInstances(), 1, 1000));
        if (minInstances() > maxInstances()) {
            problems.add("minInstances", minInstances() + " is above maxInstances " + maxInstances()
                    + "; lower minInstances or raise maxInstances", String.valueOf(maxInstances()));
        }
        problems.add("rootVolumeGiB", Rules.between(rootVolumeGiB(), 30, 16384)
                .map(p -> p + " (the ECS-optimized AMI's snapshot is 30 GiB)"));
        if (!List.of(REGISTRY_AUTH_TASK, REGISTRY_AUTH_INSTANCE).contains(registryAuth())) {
            problems.add("registryAuth", "'" + registryAuth + "' is not " + REGISTRY_AUTH_TASK + " (repositoryCredentials "
                    + "per task) or " + REGISTRY_AUTH_INSTANCE + " (the ECS agent's ECS_ENGINE_AUTH_DATA)",
                    registryAuth.toLowerCase(Locale.ROOT));
        }
        problems.add("tags", Rules.tags(tags));
        Output<String> ami = amiId == null ? null : problems.check("amiId", amiId, Ec2CapacityArgs::amiProblem);
        Output<String> key = registryCredentialsKmsKeyArn == null ? null
                : problems.check("registryCredentialsKmsKeyArn", registryCredentialsKmsKeyArn, Arn::kmsKeyArnProblem);
        if (registryCredentialsKmsKeyArn != null && !instanceRegistryAuth()) {
            problems.add("registryCredentialsKmsKeyArn", "only with registryAuth instance: per task, the execution "
                    + "role decrypts the credentials");
        }
        return new Checked(ami, key);
    }

    /**
     * @param ami an AMI id
     * @return what is wrong with it, or empty
     */
    public static Optional<String> amiProblem(String ami) {
        return AMI_ID.matcher(ami).matches() ? Optional.empty() : Optional.of("'" + ami + "' is not an AMI id (ami- "
                + "and 8 or 17 lower-case hex digits, e.g. ami-0abcdef1234567890)");
    }

    /** The checked AMI and credentials key; each null when not given. */
    record Checked(Output<String> amiId, Output<String> registryCredentialsKmsKeyArn) {
    }

    /** @return a builder holding these args, to change some of them */
    public Builder toBuilder() {
        var b = new Builder();
        var a = b.args;
        a.instanceType = instanceType;
        a.minInstances = minInstances;
        a.maxInstances = maxInstances;
        a.amiId = amiId;
        a.registryAuth = registryAuth;
        a.sessionManager = sessionManager;
        a.rootVolumeGiB = rootVolumeGiB;
        a.registryCredentialsKmsKeyArn = registryCredentialsKmsKeyArn;
        a.tags = tags;
        a.clusterName = clusterName;
        a.vpcId = vpcId;
        a.subnetIds = subnetIds;
        a.assignPublicIp = assignPublicIp;
        a.bridgeIngressSecurityGroupId = bridgeIngressSecurityGroupId;
        a.targetsSecurityGroupId = targetsSecurityGroupId;
        a.descriptionName = descriptionName;
        a.egress.addAll(egress);
        a.registryCredentialsArn = registryCredentialsArn;
        a.registryHost = registryHost;
        return b;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link Ec2CapacityArgs}. */
    public static final class Builder {
        private Ec2CapacityArgs args = new Ec2CapacityArgs();

        private Builder() {
        }

        private Ec2CapacityArgs args() {
            if (args == null) {
                throw new IllegalStateException("Ec2CapacityArgs.Builder: build() was called already; args are "
                        + "immutable, start a new builder");
            }
            return args;
        }

        /**
         * @param type the instance type, e.g. {@code m7g.large}
         * @return this builder
         */
        public Builder instanceType(String type) {
            args().instanceType = type;
            return this;
        }

        /**
         * @param count the fewest instances
         * @return this builder
         */
        public Builder minInstances(int count) {
            args().minInstances = count;
            return this;
        }

        /**
         * @param count the most instances
         * @return this builder
         */
        public Builder maxInstances(int count) {
            args().maxInstances = count;
            return this;
        }

        /**
         * @param ami an ECS-ready AMI instead of the ECS-optimized Amazon Linux 2023 one
         * @return this builder
         */
        public Builder amiId(String ami) {
            args().amiId = Value.of(ami);
            return this;
        }

        /**
         * @param ami an ECS-ready AMI, e.g. from another stack's image pipeline
         * @return this builder
         */
        public Builder amiId(Output<String> ami) {
            args().amiId = Value.of(ami);
            return this;
        }

        /**
         * @param auth how images are pulled with registry credentials
         * @return this builder
         */
        public Builder registryAuth(RegistryAuth auth) {
            args().registryAuth = auth.value();
            return this;
        }

        /**
         * @param auth {@value #REGISTRY_AUTH_TASK} or {@value #REGISTRY_AUTH_INSTANCE}
         * @return this builder
         * @deprecated use {@link #registryAuth(RegistryAuth)}, or {@link Launch.Ec2#registryAuth(RegistryAuth)} for
         *     a service
         */
        @Deprecated
        public Builder registryAuth(String auth) {
            args().registryAuth = auth;
            return this;
        }

        /**
         * @param on whether Session Manager may reach the instances
         * @return this builder
         */
        public Builder sessionManager(boolean on) {
            args().sessionManager = on;
            return this;
        }

        /**
         * @param gib the root volume's size
         * @return this builder
         */
        public Builder rootVolumeGiB(int gib) {
            args().rootVolumeGiB = gib;
            return this;
        }

        /**
         * @param keyArn the registry credentials secret's customer managed key
         * @return this builder
         */
        public Builder registryCredentialsKmsKeyArn(String keyArn) {
            args().registryCredentialsKmsKeyArn = Value.of(keyArn);
            return this;
        }

        /**
         * @param keyArn the registry credentials secret's customer managed key, e.g. {@code aws.kms.Key#arn()}
         * @return this builder
         */
        public Builder registryCredentialsKmsKeyArn(Output<String> keyArn) {
            args().registryCredentialsKmsKeyArn = Value.of(keyArn);
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

        /**
         * @param name the cluster the instances join
         * @return this builder
         */
        public Builder clusterName(Output<String> name) {
            args().clusterName = Value.of(name);
            return this;
        }

        /**
         * @param vpcId     the VPC of the instances' security group
         * @param subnetIds the subnets of the instances
         * @return this builder
         */
        public Builder network(Output<String> vpcId, Output<List<String>> subnetIds) {
            args().vpcId = Value.of(vpcId);
            args().subnetIds = Value.of(subnetIds);
            return this;
        }

        /**
         * @param on whether the instances get a public IPv4 address, e.g. in public subnets without NAT
         * @return this builder
         */
        public Builder assignPublicIp(boolean on) {
            args().assignPublicIp = on;
            return this;
        }

        /**
         * @param securityGroupId the load balancer's security group, admitted on the dynamic host ports
         * @return this builder
         */
        public Builder bridgeIngressFrom(Output<String> securityGroupId) {
            args().bridgeIngressSecurityGroupId = Value.of(securityGroupId);
            return this;
        }

        /**
         * @param name the name the security group's description carries: the instances' as first deployed
         * @return this builder
         */
        public Builder descriptionName(String name) {
            args().descriptionName = name;
            return this;
        }

        /**
         * @param securityGroupId the load balancer's targets' security group, which the instances then carry: the
         *                        load balancer's one way to them in bridge mode
         * @return this builder
         */
        public Builder targetsSecurityGroupId(Output<String> securityGroupId) {
            args().targetsSecurityGroupId = Value.of(securityGroupId);
            return this;
        }

        /**
         * @param rules the instances' egress rules instead of anywhere
         * @return this builder
         */
        public Builder egress(List<SecurityGroupEgressArgs> rules) {
            args().egress.clear();
            args().egress.addAll(rules);
            return this;
        }

        /**
         * The credentials the ECS agent pulls with, with {@value #REGISTRY_AUTH_INSTANCE}.
         *
         * @param secretArn    the {username, password} secret: its ARN (or name in the instances' region)
         * @param registryHost the registry it is for, e.g. {@code ghcr.io}
         * @return this builder
         */
        public Builder registryCredentials(Output<String> secretArn, Output<String> registryHost) {
            args().registryCredentialsArn = Value.of(secretArn);
            args().registryHost = Value.of(registryHost);
            return this;
        }

        /** @return the immutable args */
        public Ec2CapacityArgs build() {
            Ec2CapacityArgs built = args();
            args = null;
            return built;
        }
    }
}
