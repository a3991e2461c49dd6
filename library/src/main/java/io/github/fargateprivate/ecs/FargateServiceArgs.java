package io.github.fargateprivate.ecs;

import com.pulumi.core.Output;
import io.github.fargateprivate.Value;
import io.github.fargateprivate.ec2.NetworkArgs;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The args of {@link FargateService}, by the name of versions before 2.0: an {@link EcsServiceArgs} ({@link #args()})
 * with a builder of this type.
 *
 * @deprecated use {@link EcsServiceArgs}; this name goes in the next release
 */
@Deprecated(forRemoval = true)
public final class FargateServiceArgs {

    /** Default of {@link #cpu()}. */
    public static final int DEFAULT_CPU = EcsServiceArgs.DEFAULT_CPU;
    /** Default of {@link #memory()}. */
    public static final int DEFAULT_MEMORY = EcsServiceArgs.DEFAULT_MEMORY;
    /** Launch type Fargate, the default. */
    public static final String FARGATE = EcsServiceArgs.FARGATE;
    /** Launch type EC2: the service's own container instances ({@link Ec2Capacity}). */
    public static final String EC2 = EcsServiceArgs.EC2;
    /** Network mode awsvpc: each task its own network interface and security group. The default. */
    public static final String AWSVPC = EcsServiceArgs.AWSVPC;
    /** Network mode bridge (EC2 only): containers on the instance's Docker bridge, on dynamic host ports. */
    public static final String BRIDGE = EcsServiceArgs.BRIDGE;

    private final EcsServiceArgs args;

    private FargateServiceArgs(EcsServiceArgs args) {
        this.args = args;
    }

    /** @return these args by their new name */
    public EcsServiceArgs args() {
        return args;
    }

    /** @return the existing cluster, if any */
    public Optional<Value<String>> clusterArn() {
        return args.clusterArn();
    }

    /** @return {@value #FARGATE} or {@value #EC2} */
    public String launchType() {
        return args.launchType();
    }

    /** @return whether the service runs on EC2 container instances */
    public boolean onEc2() {
        return args.onEc2();
    }

    /** @return {@value #AWSVPC} or {@value #BRIDGE} */
    public String networkMode() {
        return args.networkMode();
    }

    /** @return whether the containers share the instance's Docker bridge */
    public boolean bridge() {
        return args.bridge();
    }

    /** @return the container instances' args as given, if any */
    public Optional<Ec2CapacityOptions> ec2() {
        return args.ec2();
    }

    /** @return the container instances' args, the defaults when none were given */
    public Ec2CapacityOptions ec2OrDefaults() {
        return args.ec2OrDefaults();
    }

    /** @return the network, if set */
    public Optional<NetworkArgs> network() {
        return args.network();
    }

    /** @return the containers, the main one first */
    public List<ContainerArgs> containers() {
        return args.containers();
    }

    /** @return the main container's registry credentials, if any */
    public Optional<Value<String>> registryCredentialsArn() {
        return args.registryCredentialsArn();
    }

    /** @return the sidecars' registry credentials secrets, by sidecar name */
    public Map<String, Value<String>> sidecarRegistryCredentialsArns() {
        return args.sidecarRegistryCredentialsArns();
    }

    /** @return the task CPU units */
    public int cpu() {
        return args.cpu();
    }

    /** @return the task memory in MiB */
    public int memory() {
        return args.memory();
    }

    /** @return the CPU architecture, if set */
    public Optional<String> cpuArchitecture() {
        return args.cpuArchitecture();
    }

    /** @return the Fargate platform version, if set */
    public Optional<String> platformVersion() {
        return args.platformVersion();
    }

    /**
     * @return where the tasks run, as {@link Builder#launch(Launch)} would set it; EC2 from a registry authentication
     *     that is not {@code task} or {@code instance} reads as per task (the service reports that value)
     */
    public Launch launch() {
        return args.launch();
    }

    /** @return the ephemeral storage in GiB, if set */
    public Optional<Integer> ephemeralStorageGiB() {
        return args.ephemeralStorageGiB();
    }

    /** @return the desired task count */
    public int desiredCount() {
        return args.desiredCount();
    }

    /** @return the autoscaling, if any */
    public Optional<AutoScalingArgs> autoScaling() {
        return args.autoScaling();
    }

    /** @return the capacity provider strategy; empty for launch type FARGATE */
    public List<CapacityProviderStrategy> capacityProviderStrategy() {
        return args.capacityProviderStrategy();
    }

    /** @return whether ECS Exec is on */
    public boolean enableExecuteCommand() {
        return args.enableExecuteCommand();
    }

    /** @return whether {@code pulumi up} waits for a steady state */
    public boolean waitForSteadyState() {
        return args.waitForSteadyState();
    }

    /** @return the health-check grace period in seconds */
    public int healthCheckGracePeriodSeconds() {
        return args.healthCheckGracePeriodSeconds();
    }

    /** @return the log retention in days */
    public int logRetentionDays() {
        return args.logRetentionDays();
    }

    /**
     * @param componentName the component's name, the default
     * @return the task definition family
     */
    public String family(String componentName) {
        return args.family(componentName);
    }

    /** @return the execution role, if set */
    public Optional<Value<String>> executionRoleArn() {
        return args.executionRoleArn();
    }

    /** @return the execution role's name, if given */
    public Optional<Value<String>> executionRoleName() {
        return args.executionRoleName();
    }

    /** @return the log group's customer managed key, if any */
    public Optional<Value<String>> logKmsKeyArn() {
        return args.logKmsKeyArn();
    }

    /** @return the CIDR blocks the tasks may reach on 443, if restricted */
    public Optional<Value<List<String>>> taskEgressCidrBlocks() {
        return args.taskEgressCidrBlocks();
    }

    /** @return the VPC endpoints' security group, if any */
    public Optional<Value<String>> vpcEndpointsSecurityGroupId() {
        return args.vpcEndpointsSecurityGroupId();
    }

    /** @return the S3 gateway endpoint's prefix list, if any */
    public Optional<Value<String>> vpcEndpointsS3PrefixListId() {
        return args.vpcEndpointsS3PrefixListId();
    }

    /** @return the task role, if any */
    public Optional<Value<String>> taskRoleArn() {
        return args.taskRoleArn();
    }

    /** @return the target group, if any */
    public Optional<Value<String>> targetGroupArn() {
        return args.targetGroupArn();
    }

    /** @return the load balancer's security group, if any */
    public Optional<Value<String>> loadBalancerSecurityGroupId() {
        return args.loadBalancerSecurityGroupId();
    }

    /** @return the load balancer's targets' security group, if given */
    public Optional<Value<String>> targetsSecurityGroupId() {
        return args.targetsSecurityGroupId();
    }

    /** @return whether secret rotation starts a new deployment */
    public boolean redeployOnSecretRotation() {
        return args.redeployOnSecretRotation();
    }

    /** @return the extra redeploy triggers */
    public Map<String, Value<String>> redeployTriggers() {
        return args.redeployTriggers();
    }

    /** @return the names of the alarms that roll a deployment back, if any */
    public Optional<Value<List<String>>> deploymentAlarms() {
        return args.deploymentAlarms();
    }

    /**
     * @param componentName the component's name, the default
     * @return the name the security groups' descriptions carry
     */
    public String descriptionName(String componentName) {
        return args.descriptionName(componentName);
    }

    /** @return the tags */
    public Map<String, String> tags() {
        return args.tags();
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link FargateServiceArgs}: {@link EcsServiceArgs.Builder}'s setters, returning this builder. */
    public static final class Builder {
        private final EcsServiceArgs.Builder delegate = EcsServiceArgs.builder();

        private Builder() {
        }

        /**
         * @param clusterArn an existing cluster's ARN
         * @return this builder
         */
        public Builder clusterArn(String clusterArn) {
            delegate.clusterArn(clusterArn);
            return this;
        }

        /**
         * @param clusterArn an existing cluster's ARN, e.g. {@code aws.ecs.Cluster#arn()}
         * @return this builder
         */
        public Builder clusterArn(Output<String> clusterArn) {
            delegate.clusterArn(clusterArn);
            return this;
        }

        /**
         * Where the tasks run: {@link Launch#fargate()} (with its Spot mix, ephemeral storage and platform version) or
         * {@link Launch#ec2(Ec2CapacityOptions)} (with its instances, network mode and registry authentication).
         *
         * @param launch the choice
         * @return this builder
         */
        public Builder launch(Launch launch) {
            delegate.launch(launch);
            return this;
        }

        /**
         * @param launchType {@value EcsServiceArgs#FARGATE} or {@value EcsServiceArgs#EC2}
         * @return this builder
         * @deprecated use {@link #launch(Launch)}, whose choice holds only the options of its launch type
         */
        @Deprecated
        public Builder launchType(String launchType) {
            delegate.launchType(launchType);
            return this;
        }

        /**
         * @param networkMode {@value EcsServiceArgs#AWSVPC} or {@value EcsServiceArgs#BRIDGE}
         * @return this builder
         * @deprecated use {@link #launch(Launch)}, whose choice holds only the options of its launch type
         */
        @Deprecated
        public Builder networkMode(String networkMode) {
            delegate.networkMode(networkMode);
            return this;
        }

        /**
         * @param ec2 the container instances, with launch type EC2
         * @return this builder
         * @deprecated use {@link #launch(Launch)}, whose choice holds only the options of its launch type
         */
        @Deprecated
        public Builder ec2(Ec2CapacityOptions ec2) {
            delegate.ec2(ec2);
            return this;
        }

        /**
         * @param network where the tasks run
         * @return this builder
         */
        public Builder network(NetworkArgs network) {
            delegate.network(network);
            return this;
        }

        /**
         * @param container the main container; replaces an earlier one
         * @return this builder
         */
        public Builder container(ContainerArgs container) {
            delegate.container(container);
            return this;
        }

        /**
         * @param sidecar one more container beside the main one
         * @return this builder
         */
        public Builder sidecar(ContainerArgs sidecar) {
            delegate.sidecar(sidecar);
            return this;
        }

        /**
         * @param secretArn the main container's registry credentials secret
         * @return this builder
         */
        public Builder registryCredentialsArn(Output<String> secretArn) {
            delegate.registryCredentialsArn(secretArn);
            return this;
        }

        /**
         * @param secret the main container's registry credentials secret: ARN, or name in the stack's region
         * @return this builder
         */
        public Builder registryCredentialsArn(String secret) {
            delegate.registryCredentialsArn(secret);
            return this;
        }

        /**
         * @param sidecar   a sidecar's name
         * @param secretArn the registry credentials secret its image is pulled with; an empty value: none
         * @return this builder
         */
        public Builder sidecarRegistryCredentialsArn(String sidecar, Output<String> secretArn) {
            delegate.sidecarRegistryCredentialsArn(sidecar, secretArn);
            return this;
        }

        /**
         * @param sidecar a sidecar's name
         * @param secret  the registry credentials secret its image is pulled with: ARN, or name in the stack's region
         * @return this builder
         */
        public Builder sidecarRegistryCredentialsArn(String sidecar, String secret) {
            delegate.sidecarRegistryCredentialsArn(sidecar, secret);
            return this;
        }

        /**
         * @param cpu task CPU units
         * @return this builder
         */
        public Builder cpu(int cpu) {
            delegate.cpu(cpu);
            return this;
        }

        /**
         * @param memory task memory in MiB
         * @return this builder
         */
        public Builder memory(int memory) {
            delegate.memory(memory);
            return this;
        }

        /**
         * @param architecture the CPU architecture the task runs on; the image must be built for it
         * @return this builder
         */
        public Builder cpuArchitecture(CpuArchitecture architecture) {
            delegate.cpuArchitecture(architecture);
            return this;
        }

        /**
         * @param architecture {@code X86_64} or {@code ARM64}
         * @return this builder
         * @deprecated use {@link #cpuArchitecture(CpuArchitecture)}
         */
        @Deprecated
        public Builder cpuArchitecture(String architecture) {
            delegate.cpuArchitecture(architecture);
            return this;
        }

        /**
         * @param gib ephemeral storage in GiB
         * @return this builder
         * @deprecated use {@link #launch(Launch)}, whose choice holds only the options of its launch type
         */
        @Deprecated
        public Builder ephemeralStorageGiB(int gib) {
            delegate.ephemeralStorageGiB(gib);
            return this;
        }

        /**
         * @param count the number of tasks
         * @return this builder
         */
        public Builder desiredCount(int count) {
            delegate.desiredCount(count);
            return this;
        }

        /**
         * @param autoScaling autoscaling of the task count
         * @return this builder
         */
        public Builder autoScaling(AutoScalingArgs autoScaling) {
            delegate.autoScaling(autoScaling);
            return this;
        }

        /**
         * @param line one more line of the capacity provider strategy
         * @return this builder
         * @deprecated use {@link #launch(Launch)}, whose choice holds only the options of its launch type
         */
        @Deprecated
        public Builder capacityProvider(CapacityProviderStrategy line) {
            delegate.capacityProvider(line);
            return this;
        }

        /**
         * @param on whether ECS Exec is on
         * @return this builder
         */
        public Builder enableExecuteCommand(boolean on) {
            delegate.enableExecuteCommand(on);
            return this;
        }

        /**
         * @param on whether {@code pulumi up} waits for a steady state
         * @return this builder
         */
        public Builder waitForSteadyState(boolean on) {
            delegate.waitForSteadyState(on);
            return this;
        }

        /**
         * @param seconds the health-check grace period
         * @return this builder
         */
        public Builder healthCheckGracePeriodSeconds(int seconds) {
            delegate.healthCheckGracePeriodSeconds(seconds);
            return this;
        }

        /**
         * @param days the log retention
         * @return this builder
         */
        public Builder logRetentionDays(int days) {
            delegate.logRetentionDays(days);
            return this;
        }

        /**
         * @param family the task definition family
         * @return this builder
         */
        public Builder family(String family) {
            delegate.family(family);
            return this;
        }

        /**
         * @param roleArn the task execution role
         * @return this builder
         */
        public Builder executionRoleArn(Output<String> roleArn) {
            delegate.executionRoleArn(roleArn);
            return this;
        }

        /**
         * @param roleArn the task execution role
         * @return this builder
         */
        public Builder executionRoleArn(String roleArn) {
            delegate.executionRoleArn(roleArn);
            return this;
        }

        /**
         * @param roleName the execution role's name, so that the service grants it the log writes
         * @return this builder
         */
        public Builder executionRoleName(Output<String> roleName) {
            delegate.executionRoleName(roleName);
            return this;
        }

        /**
         * @param keyArn a customer managed KMS key that encrypts the log group
         * @return this builder
         */
        public Builder logKmsKeyArn(String keyArn) {
            delegate.logKmsKeyArn(keyArn);
            return this;
        }

        /**
         * @param keyArn a customer managed KMS key that encrypts the log group, e.g. {@code aws.kms.Key#arn()}
         * @return this builder
         */
        public Builder logKmsKeyArn(Output<String> keyArn) {
            delegate.logKmsKeyArn(keyArn);
            return this;
        }

        /**
         * @param cidrBlocks the IPv4 CIDR blocks the tasks may reach, on TCP 443 only
         * @return this builder
         */
        public Builder taskEgressCidrBlocks(List<String> cidrBlocks) {
            delegate.taskEgressCidrBlocks(cidrBlocks);
            return this;
        }

        /**
         * @param cidrBlocks the IPv4 CIDR blocks the tasks may reach, on TCP 443 only, e.g. from a stack reference
         * @return this builder
         */
        public Builder taskEgressCidrBlocks(Output<List<String>> cidrBlocks) {
            delegate.taskEgressCidrBlocks(cidrBlocks);
            return this;
        }

        /**
         * The VPC endpoints the tasks reach AWS through.
         *
         * @param securityGroupId the interface endpoints' security group
         * @param s3PrefixListId  the S3 gateway endpoint's prefix list
         * @return this builder
         */
        public Builder vpcEndpoints(Output<String> securityGroupId, Output<String> s3PrefixListId) {
            delegate.vpcEndpoints(securityGroupId, s3PrefixListId);
            return this;
        }

        /**
         * @param roleArn an existing task role, e.g. {@code aws.iam.Role#arn()}
         * @return this builder
         */
        public Builder taskRoleArn(Output<String> roleArn) {
            delegate.taskRoleArn(roleArn);
            return this;
        }

        /**
         * @param roleArn an existing task role
         * @return this builder
         */
        public Builder taskRoleArn(String roleArn) {
            delegate.taskRoleArn(roleArn);
            return this;
        }

        /**
         * Registers the main container in a load balancer's target group and admits only that load balancer.
         *
         * @param targetGroupArn              the target group (type ip)
         * @param loadBalancerSecurityGroupId the load balancer's security group
         * @return this builder
         */
        public Builder loadBalancer(Output<String> targetGroupArn, Output<String> loadBalancerSecurityGroupId) {
            delegate.loadBalancer(targetGroupArn, loadBalancerSecurityGroupId);
            return this;
        }

        /**
         * Registers the main container in a load balancer's target group, admits only that load balancer, and puts the
         * load balancer's targets' security group on the tasks, its one way to them.
         *
         * @param targetGroupArn              the target group (type ip; instance in bridge mode)
         * @param loadBalancerSecurityGroupId the load balancer's security group
         * @param targetsSecurityGroupId      the load balancer's targets' security group
         * @return this builder
         */
        public Builder loadBalancer(Output<String> targetGroupArn, Output<String> loadBalancerSecurityGroupId,
                                    Output<String> targetsSecurityGroupId) {
            delegate.loadBalancer(targetGroupArn, loadBalancerSecurityGroupId, targetsSecurityGroupId);
            return this;
        }

        /**
         * @param on whether secret rotation starts a new deployment
         * @return this builder
         */
        public Builder redeployOnSecretRotation(boolean on) {
            delegate.redeployOnSecretRotation(on);
            return this;
        }

        /**
         * @param name  a trigger's name
         * @param value a value whose change starts a new deployment, e.g. a secret version's id
         * @return this builder
         */
        public Builder redeployTrigger(String name, Output<String> value) {
            delegate.redeployTrigger(name, value);
            return this;
        }

        /**
         * @param alarmNames CloudWatch alarms whose ALARM state rolls a deployment back, e.g.
         *                   {@code cloudwatch.DeploymentAlarms#alarmNames()}
         * @return this builder
         */
        public Builder deploymentAlarms(Output<List<String>> alarmNames) {
            delegate.deploymentAlarms(alarmNames);
            return this;
        }

        /**
         * @param alarmNames CloudWatch alarms whose ALARM state rolls a deployment back
         * @return this builder
         */
        public Builder deploymentAlarms(List<String> alarmNames) {
            delegate.deploymentAlarms(alarmNames);
            return this;
        }

        /**
         * @param name the name the security groups' descriptions carry: the service's as first deployed
         * @return this builder
         */
        public Builder descriptionName(String name) {
            delegate.descriptionName(name);
            return this;
        }

        /**
         * @param tags tags of every taggable child
         * @return this builder
         */
        public Builder tags(Map<String, String> tags) {
            delegate.tags(tags);
            return this;
        }

        /** @return the immutable args */
        public FargateServiceArgs build() {
            return new FargateServiceArgs(delegate.build());
        }
    }
}
