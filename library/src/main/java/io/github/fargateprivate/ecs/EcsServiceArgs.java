package io.github.fargateprivate.ecs;

import com.pulumi.core.Output;
import com.pulumi.resources.ResourceArgs;
import io.github.fargateprivate.Value;
import io.github.fargateprivate.ec2.NetworkArgs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Inputs of {@link EcsService}. Immutable; build with {@link #builder()}; missing fields are reported by the
 * component, with every other problem.
 *
 * <p>Through {@code LoadBalancedService}, these args carry the service's own options only: the composite sets
 * the network, the containers, the registry credentials, the execution role and the load balancer target itself.
 */
public final class EcsServiceArgs extends ResourceArgs {

    /** Default of {@link #cpu()}. */
    public static final int DEFAULT_CPU = 256;
    /** Default of {@link #memory()}. */
    public static final int DEFAULT_MEMORY = 512;
    /** Launch type Fargate, the default. */
    public static final String FARGATE = "FARGATE";
    /** Launch type EC2: the service's own container instances ({@link Ec2Capacity}). */
    public static final String EC2 = "EC2";
    /** Network mode awsvpc: each task its own network interface and security group. The default. */
    public static final String AWSVPC = "awsvpc";
    /** Network mode bridge (EC2 only): containers on the instance's Docker bridge, on dynamic host ports. */
    public static final String BRIDGE = "bridge";

    /**
     * An existing ECS cluster's ARN, e.g. one that several services share. Default: none; a cluster with Container
     * Insights (Security Hub ECS.12) is created for the service.
     */
    private Value<String> clusterArn;

    /**
     * {@value #FARGATE} or {@value #EC2}. With EC2 the service runs on container instances of its own
     * ({@link #ec2()}), on their capacity provider: the cluster must be the one the service creates. Default:
     * {@value #FARGATE}.
     */
    private String launchType;

    /**
     * {@value #AWSVPC} or, with launch type EC2, {@value #BRIDGE}: the containers then share the instance's network,
     * on dynamic host ports {@value Ec2Capacity#DYNAMIC_PORTS_FROM}-{@value Ec2Capacity#DYNAMIC_PORTS_TO}, and the
     * target group has type {@code instance}. Default: {@value #AWSVPC}.
     */
    private String networkMode;

    /** The container instances, with launch type EC2. Default: {@link Ec2CapacityOptions}' defaults. */
    private Ec2CapacityOptions ec2;

    /** Where the tasks run: {@link NetworkArgs#taskSubnetIds()}, with a public IP only without private subnets. Required. */
    private NetworkArgs network;

    /** The main container (behind the load balancer) first, then the sidecars. At least the main one is required. */
    private final List<ContainerArgs> containers = new ArrayList<>();

    /**
     * Secrets Manager secret with the registry credentials of the main container's image, its
     * {@code repositoryCredentials.credentialsParameter}. Default: none (an ECR or public image).
     */
    private Value<String> registryCredentialsArn;

    /**
     * Secrets Manager secrets with the registry credentials of sidecars' images, by the sidecar's name: each its
     * container's {@code repositoryCredentials.credentialsParameter}. Default: none.
     */
    private final Map<String, Value<String>> sidecarRegistryCredentialsArns = new LinkedHashMap<>();

    /** The Fargate platform version, e.g. {@code 1.4.0}; set through {@link Launch.Fargate}. Default: LATEST. */
    private String platformVersion;

    /** Task CPU units (1024 = 1 vCPU). Default: {@value #DEFAULT_CPU}, the smallest Fargate size. */
    private Integer cpu;

    /** Task memory in MiB; must pair with {@link #cpu()} as Fargate allows. Default: {@value #DEFAULT_MEMORY}. */
    private Integer memory;

    /**
     * CPU architecture, {@code X86_64} or {@code ARM64} (Graviton, about 20 % cheaper; the image must be built for it,
     * and Fargate Spot runs X86_64 only). Default: not set, which Fargate runs as X86_64.
     */
    private String cpuArchitecture;

    /** Ephemeral storage of the task in GiB, 21-200. Default: not set, Fargate's 20 GiB. */
    private Integer ephemeralStorageGiB;

    /** Number of tasks, 0-5000. Default: 2, one per availability zone for the common two-subnet case. */
    private Integer desiredCount;

    /** Autoscaling of the task count. Default: none, a fixed {@link #desiredCount()}. */
    private AutoScalingArgs autoScaling;

    /**
     * Where tasks run: {@code FARGATE} and {@code FARGATE_SPOT} lines with base and weight; the service then has no
     * launch type, and a created cluster gets the providers associated. An existing cluster must have them already
     * ({@code aws.ecs.ClusterCapacityProviders}): ECS refuses a strategy naming a provider the cluster lacks, and no
     * lookup tells which it has. Default: none, launch type FARGATE.
     */
    private final List<CapacityProviderStrategy> capacityProviderStrategy = new ArrayList<>();

    /**
     * Whether ECS Exec ({@code aws ecs execute-command}) may open a shell in the containers. Needs a task role that
     * allows ECS Exec's channel actions; each container then gets writable volumes at {@code /var/lib/amazon} and
     * {@code /var/log/amazon}, where the SSM agent writes despite the read-only root file system. Default: false.
     */
    private Boolean enableExecuteCommand;

    /**
     * Whether {@code pulumi up} waits until the service is stable: a rollout that the circuit breaker rolls back then
     * fails the update instead of reporting success. Default: true.
     */
    private Boolean waitForSteadyState;

    /** Seconds ECS ignores failing load-balancer health checks of a new task. Default: 90 s, a Spring Boot start. */
    private Integer healthCheckGracePeriodSeconds;

    /** Days the log group keeps container logs; one of CloudWatch's values (CloudWatch.16). Default: 30. */
    private Integer logRetentionDays;

    /**
     * The task definition family, under which ECS numbers revisions: 1-255 letters, digits, '-' and '_' (ECS's rule).
     * Default: the component's name; stacks that share an account and region need different families, e.g.
     * {@code <project>-<stack>}.
     */
    private String family;

    /** The task execution role (image pull, secrets, logs). Required. */
    private Value<String> executionRoleArn;

    /**
     * The execution role's name: the service then grants the role the log writes on exactly its log group's streams,
     * in a policy of its own ({@code <name>-exec-logs}). Default: none; the role must allow them itself.
     */
    private Value<String> executionRoleName;

    /**
     * The security group of the VPC endpoints the tasks reach AWS through: the service adds one rule to it that admits
     * HTTPS from its tasks only; with {@link #taskEgressCidrBlocks()} the tasks may also send there, and to the S3
     * gateway endpoint's prefix list ({@link #vpcEndpointsS3PrefixListId()}). Default: none.
     */
    private Value<String> vpcEndpointsSecurityGroupId;

    /** The S3 gateway endpoint's prefix list, where ECR serves image layers from. Default: none. */
    private Value<String> vpcEndpointsS3PrefixListId;

    /** The task role, the application's own AWS identity. Default: none. */
    private Value<String> taskRoleArn;

    /**
     * A customer managed KMS key in the stack's region that encrypts the log group. Its key policy must let
     * CloudWatch Logs use it (README, "Security": the statement for {@code logs.<region>.amazonaws.com}). Default:
     * none, CloudWatch Logs' own encryption.
     */
    private Value<String> logKmsKeyArn;

    /**
     * Where the tasks may connect: only TCP 443 to these IPv4 CIDR blocks (and to the VPC endpoints the stack
     * creates), instead of anywhere. AWS's DNS resolver is always reachable. Default: anywhere.
     */
    private Value<List<String>> taskEgressCidrBlocks;

    /** The target group (type ip) the service registers its main container in. Default: none, no load balancer. */
    private Value<String> targetGroupArn;

    /** The load balancer's security group, the only source the tasks admit; required with a target group. */
    private Value<String> loadBalancerSecurityGroupId;

    /**
     * The load balancer's targets' security group ({@code ApplicationLoadBalancer#targetsSecurityGroupId()}), which
     * the tasks (in bridge mode the container instances) carry, so that the load balancer's own group needs no rule
     * for this service. Default: none, and the service adds an egress rule to the load balancer's group.
     */
    private Value<String> targetsSecurityGroupId;

    /**
     * Whether a rotated app secret makes the next {@code pulumi up} start a new deployment: the current version of
     * every app secret given as a plain ARN of the stack's region feeds the service's {@code triggers}. Default: true.
     */
    private Boolean redeployOnSecretRotation;

    /** More values whose change starts a new deployment (the service's {@code triggers}). Default: none. */
    private final Map<String, Value<String>> redeployTriggers = new LinkedHashMap<>();

    /**
     * CloudWatch alarms whose {@code ALARM} state fails a deployment, which ECS then rolls back (the service's
     * {@code alarms} block; "How CloudWatch alarms detect Amazon ECS deployment failures", ECS developer guide), e.g.
     * {@code cloudwatch.DeploymentAlarms#alarmNames()}. Default: none; the deployment circuit breaker alone.
     */
    private Value<List<String>> deploymentAlarms;

    /**
     * The name the security groups' descriptions carry, which AWS cannot change without replacing a group: that of
     * the service as first deployed, when a later release renamed it (an alias keeps its resources). Default: the
     * component's name.
     */
    private String descriptionName;

    /** Tags of every taggable child; the service propagates them to its tasks. Default: none. */
    private Map<String, String> tags = Map.of();

    private EcsServiceArgs() {
    }

    /** @return the existing cluster, if any */
    public Optional<Value<String>> clusterArn() {
        return Optional.ofNullable(clusterArn);
    }

    /** @return {@value #FARGATE} or {@value #EC2} */
    public String launchType() {
        return launchType == null ? FARGATE : launchType;
    }

    /** @return whether the service runs on EC2 container instances */
    public boolean onEc2() {
        return EC2.equals(launchType);
    }

    /** @return {@value #AWSVPC} or {@value #BRIDGE} */
    public String networkMode() {
        return networkMode == null ? AWSVPC : networkMode;
    }

    /** @return whether the containers share the instance's Docker bridge */
    public boolean bridge() {
        return BRIDGE.equals(networkMode);
    }

    /** @return the container instances' args as given, if any */
    public Optional<Ec2CapacityOptions> ec2() {
        return Optional.ofNullable(ec2);
    }

    /** @return the container instances' args, the defaults when none were given */
    public Ec2CapacityOptions ec2OrDefaults() {
        return ec2 == null ? Ec2CapacityOptions.builder().build() : ec2;
    }

    /** @return the network, if set */
    public Optional<NetworkArgs> network() {
        return Optional.ofNullable(network);
    }

    /** @return the containers, the main one first */
    public List<ContainerArgs> containers() {
        return List.copyOf(containers);
    }

    /** @return the main container's registry credentials, if any */
    public Optional<Value<String>> registryCredentialsArn() {
        return Optional.ofNullable(registryCredentialsArn);
    }

    /** @return the sidecars' registry credentials secrets, by sidecar name */
    public Map<String, Value<String>> sidecarRegistryCredentialsArns() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(sidecarRegistryCredentialsArns));
    }

    /** @return the task CPU units */
    public int cpu() {
        return cpu == null ? DEFAULT_CPU : cpu;
    }

    /** @return the task memory in MiB */
    public int memory() {
        return memory == null ? DEFAULT_MEMORY : memory;
    }

    /** @return the CPU architecture, if set */
    public Optional<String> cpuArchitecture() {
        return Optional.ofNullable(cpuArchitecture);
    }

    /** @return the Fargate platform version, if set */
    public Optional<String> platformVersion() {
        return Optional.ofNullable(platformVersion);
    }

    /**
     * @return where the tasks run, as {@link Builder#launch(Launch)} would set it; EC2 from a registry authentication
     *     that is not {@code task} or {@code instance} reads as per task (the service reports that value)
     */
    public Launch launch() {
        if (!onEc2()) {
            var fargate = new Launch.Fargate(capacityProviderStrategy, ephemeralStorageGiB, platformVersion);
            return fargate;
        }
        Ec2CapacityOptions instances = ec2OrDefaults();
        return new Launch.Ec2(instances, bridge() ? NetworkMode.BRIDGE : NetworkMode.AWSVPC,
                instances.instanceRegistryAuth() ? RegistryAuth.INSTANCE : RegistryAuth.TASK);
    }

    /** @return the ephemeral storage in GiB, if set */
    public Optional<Integer> ephemeralStorageGiB() {
        return Optional.ofNullable(ephemeralStorageGiB);
    }

    /** @return the desired task count */
    public int desiredCount() {
        return desiredCount == null ? 2 : desiredCount;
    }

    /** @return the autoscaling, if any */
    public Optional<AutoScalingArgs> autoScaling() {
        return Optional.ofNullable(autoScaling);
    }

    /** @return the capacity provider strategy; empty for launch type FARGATE */
    public List<CapacityProviderStrategy> capacityProviderStrategy() {
        return List.copyOf(capacityProviderStrategy);
    }

    /** @return whether ECS Exec is on */
    public boolean enableExecuteCommand() {
        return enableExecuteCommand != null && enableExecuteCommand;
    }

    /** @return whether {@code pulumi up} waits for a steady state */
    public boolean waitForSteadyState() {
        return waitForSteadyState == null || waitForSteadyState;
    }

    /** @return the health-check grace period in seconds */
    public int healthCheckGracePeriodSeconds() {
        return healthCheckGracePeriodSeconds == null ? 90 : healthCheckGracePeriodSeconds;
    }

    /** @return the log retention in days */
    public int logRetentionDays() {
        return logRetentionDays == null ? 30 : logRetentionDays;
    }

    /**
     * @param componentName the component's name, the default
     * @return the task definition family
     */
    public String family(String componentName) {
        return family == null ? componentName : family;
    }

    /** @return the execution role, if set */
    public Optional<Value<String>> executionRoleArn() {
        return Optional.ofNullable(executionRoleArn);
    }

    /** @return the execution role's name, if given */
    public Optional<Value<String>> executionRoleName() {
        return Optional.ofNullable(executionRoleName);
    }

    /** @return the log group's customer managed key, if any */
    public Optional<Value<String>> logKmsKeyArn() {
        return Optional.ofNullable(logKmsKeyArn);
    }

    /** @return the CIDR blocks the tasks may reach on 443, if restricted */
    public Optional<Value<List<String>>> taskEgressCidrBlocks() {
        return Optional.ofNullable(taskEgressCidrBlocks);
    }

    /** @return the VPC endpoints' security group, if any */
    public Optional<Value<String>> vpcEndpointsSecurityGroupId() {
        return Optional.ofNullable(vpcEndpointsSecurityGroupId);
    }

    /** @return the S3 gateway endpoint's prefix list, if any */
    public Optional<Value<String>> vpcEndpointsS3PrefixListId() {
        return Optional.ofNullable(vpcEndpointsS3PrefixListId);
    }

    /** @return the task role, if any */
    public Optional<Value<String>> taskRoleArn() {
        return Optional.ofNullable(taskRoleArn);
    }

    /** @return the target group, if any */
    public Optional<Value<String>> targetGroupArn() {
        return Optional.ofNullable(targetGroupArn);
    }

    /** @return the load balancer's security group, if any */
    public Optional<Value<String>> loadBalancerSecurityGroupId() {
        return Optional.ofNullable(loadBalancerSecurityGroupId);
    }

    /** @return the load balancer's targets' security group, if given */
    public Optional<Value<String>> targetsSecurityGroupId() {
        return Optional.ofNullable(targetsSecurityGroupId);
    }

    /** @return whether secret rotation starts a new deployment */
    public boolean redeployOnSecretRotation() {
        return redeployOnSecretRotation == null || redeployOnSecretRotation;
    }

    /** @return the extra redeploy triggers */
    public Map<String, Value<String>> redeployTriggers() {
        return Map.copyOf(redeployTriggers);
    }

    /** @return the names of the alarms that roll a deployment back, if any */
    public Optional<Value<List<String>>> deploymentAlarms() {
        return Optional.ofNullable(deploymentAlarms);
    }

    /**
     * @param componentName the component's name, the default
     * @return the name the security groups' descriptions carry
     */
    public String descriptionName(String componentName) {
        return descriptionName == null ? componentName : descriptionName;
    }

    /** @return the tags */
    public Map<String, String> tags() {
        return tags;
    }

    /** @return a builder holding these args, to change some of them */
    public Builder toBuilder() {
        var b = new Builder();
        var a = b.args;
        a.clusterArn = clusterArn;
        a.launchType = launchType;
        a.networkMode = networkMode;
        a.ec2 = ec2;
        a.network = network;
        a.containers.addAll(containers);
        a.registryCredentialsArn = registryCredentialsArn;
        a.sidecarRegistryCredentialsArns.putAll(sidecarRegistryCredentialsArns);
        a.cpu = cpu;
        a.memory = memory;
        a.cpuArchitecture = cpuArchitecture;
        a.ephemeralStorageGiB = ephemeralStorageGiB;
        a.platformVersion = platformVersion;
        a.desiredCount = desiredCount;
        a.autoScaling = autoScaling;
        a.capacityProviderStrategy.addAll(capacityProviderStrategy);
        a.enableExecuteCommand = enableExecuteCommand;
        a.waitForSteadyState = waitForSteadyState;
        a.healthCheckGracePeriodSeconds = healthCheckGracePeriodSeconds;
        a.logRetentionDays = logRetentionDays;
        a.family = family;
        a.executionRoleArn = executionRoleArn;
        a.executionRoleName = executionRoleName;
        a.logKmsKeyArn = logKmsKeyArn;
        a.taskEgressCidrBlocks = taskEgressCidrBlocks;
        a.taskRoleArn = taskRoleArn;
        a.vpcEndpointsSecurityGroupId = vpcEndpointsSecurityGroupId;
        a.vpcEndpointsS3PrefixListId = vpcEndpointsS3PrefixListId;
        a.targetGroupArn = targetGroupArn;
        a.loadBalancerSecurityGroupId = loadBalancerSecurityGroupId;
        a.targetsSecurityGroupId = targetsSecurityGroupId;
        a.redeployOnSecretRotation = redeployOnSecretRotation;
        a.redeployTriggers.putAll(redeployTriggers);
        a.deploymentAlarms = deploymentAlarms;
        a.descriptionName = descriptionName;
        a.tags = tags;
        return b;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link EcsServiceArgs}. */
    public static final class Builder {
        private EcsServiceArgs args = new EcsServiceArgs();

        private Builder() {
        }

        private EcsServiceArgs args() {
            if (args == null) {
                throw new IllegalStateException("EcsServiceArgs.Builder: build() was called already; args are "
                        + "immutable, start a new builder");
            }
            return args;
        }

        /**
         * @param clusterArn an existing cluster's ARN
         * @return this builder
         */
        public Builder clusterArn(String clusterArn) {
            args().clusterArn = Value.of(clusterArn);
            return this;
        }

        /**
         * @param clusterArn an existing cluster's ARN, e.g. {@code aws.ecs.Cluster#arn()}
         * @return this builder
         */
        public Builder clusterArn(Output<String> clusterArn) {
            args().clusterArn = Value.of(clusterArn);
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
            var a = args();
            a.capacityProviderStrategy.clear();
            a.ephemeralStorageGiB = null;
            a.platformVersion = null;
            if (launch instanceof Launch.Ec2 ec2) {
                a.launchType = EC2;
                a.networkMode = ec2.networkMode().value();
                a.ec2 = Ec2CapacityOptions.builder().from(ec2.instances()).registryAuth(ec2.registryAuth().value())
                        .build();
            } else {
                var fargate = (Launch.Fargate) launch;
                a.launchType = FARGATE;
                a.networkMode = null;
                a.ec2 = null;
                a.capacityProviderStrategy.addAll(fargate.capacityProviders());
                a.ephemeralStorageGiB = fargate.ephemeralStorageGiB();
                a.platformVersion = fargate.platformVersion();
            }
            return this;
        }

        /**
         * @param launchType {@value EcsServiceArgs#FARGATE} or {@value EcsServiceArgs#EC2}
         * @return this builder
         * @deprecated use {@link #launch(Launch)}, whose choice holds only the options of its launch type
         */
        @Deprecated
        public Builder launchType(String launchType) {
            args().launchType = launchType;
            return this;
        }

        /**
         * @param networkMode {@value EcsServiceArgs#AWSVPC} or {@value EcsServiceArgs#BRIDGE}
         * @return this builder
         * @deprecated use {@link #launch(Launch)}, whose choice holds only the options of its launch type
         */
        @Deprecated
        public Builder networkMode(String networkMode) {
            args().networkMode = networkMode;
            return this;
        }

        /**
         * @param ec2 the container instances, with launch type EC2
         * @return this builder
         * @deprecated use {@link #launch(Launch)}, whose choice holds only the options of its launch type
         */
        @Deprecated
        public Builder ec2(Ec2CapacityOptions ec2) {
            args().ec2 = Ec2CapacityOptions.builder().from(ec2).build();
            return this;
        }

        /**
         * @param network where the tasks run
         * @return this builder
         */
        public Builder network(NetworkArgs network) {
            args().network = network;
            return this;
        }

        /**
         * @param container the main container; replaces an earlier one
         * @return this builder
         */
        public Builder container(ContainerArgs container) {
            if (args().containers.isEmpty()) {
                args().containers.add(container);
            } else {
                args().containers.set(0, container);
            }
            return this;
        }

        /**
         * @param sidecar one more container beside the main one
         * @return this builder
         */
        public Builder sidecar(ContainerArgs sidecar) {
            if (args().containers.isEmpty()) {
                throw new IllegalStateException("EcsServiceArgs.Builder: set container(...) before sidecar(...)");
            }
            args().containers.add(sidecar);
            return this;
        }

        /**
         * @param secretArn the main container's registry credentials secret
         * @return this builder
         */
        public Builder registryCredentialsArn(Output<String> secretArn) {
            args().registryCredentialsArn = Value.of(secretArn);
            return this;
        }

        /**
         * @param secret the main container's registry credentials secret: ARN, or name in the stack's region
         * @return this builder
         */
        public Builder registryCredentialsArn(String secret) {
            args().registryCredentialsArn = Value.of(secret);
            return this;
        }

        /**
         * @param sidecar   a sidecar's name
         * @param secretArn the registry credentials secret its image is pulled with; an empty value: none
         * @return this builder
         */
        public Builder sidecarRegistryCredentialsArn(String sidecar, Output<String> secretArn) {
            args().sidecarRegistryCredentialsArns.put(sidecar, Value.of(secretArn));
            return this;
        }

        /**
         * @param sidecar a sidecar's name
         * @param secret  the registry credentials secret its image is pulled with: ARN, or name in the stack's region
         * @return this builder
         */
        public Builder sidecarRegistryCredentialsArn(String sidecar, String secret) {
            args().sidecarRegistryCredentialsArns.put(sidecar, Value.of(secret));
            return this;
        }

        /**
         * @param cpu task CPU units
         * @return this builder
         */
        public Builder cpu(int cpu) {
            args().cpu = cpu;
            return this;
        }

        /**
         * @param memory task memory in MiB
         * @return this builder
         */
        public Builder memory(int memory) {
            args().memory = memory;
            return this;
        }

        /**
         * @param architecture the CPU architecture the task runs on; the image must be built for it
         * @return this builder
         */
        public Builder cpuArchitecture(CpuArchitecture architecture) {
            args().cpuArchitecture = architecture.name();
            return this;
        }

        /**
         * @param architecture {@code X86_64} or {@code ARM64}
         * @return this builder
         * @deprecated use {@link #cpuArchitecture(CpuArchitecture)}
         */
        @Deprecated
        public Builder cpuArchitecture(String architecture) {
            args().cpuArchitecture = architecture;
            return this;
        }

        /**
         * @param gib ephemeral storage in GiB
         * @return this builder
         * @deprecated use {@link #launch(Launch)}, whose choice holds only the options of its launch type
         */
        @Deprecated
        public Builder ephemeralStorageGiB(int gib) {
            args().ephemeralStorageGiB = gib;
            return this;
        }

        /**
         * @param count the number of tasks
         * @return this builder
         */
        public Builder desiredCount(int count) {
            args().desiredCount = count;
            return this;
        }

        /**
         * @param autoScaling autoscaling of the task count
         * @return this builder
         */
        public Builder autoScaling(AutoScalingArgs autoScaling) {
            args().autoScaling = autoScaling;
            return this;
        }

        /**
         * @param line one more line of the capacity provider strategy
         * @return this builder
         * @deprecated use {@link #launch(Launch)}, whose choice holds only the options of its launch type
         */
        @Deprecated
        public Builder capacityProvider(CapacityProviderStrategy line) {
            args().capacityProviderStrategy.add(line);
            return this;
        }

        /**
         * @param on whether ECS Exec is on
         * @return this builder
         */
        public Builder enableExecuteCommand(boolean on) {
            args().enableExecuteCommand = on;
            return this;
        }

        /**
         * @param on whether {@code pulumi up} waits for a steady state
         * @return this builder
         */
        public Builder waitForSteadyState(boolean on) {
            args().waitForSteadyState = on;
            return this;
        }

        /**
         * @param seconds the health-check grace period
         * @return this builder
         */
        public Builder healthCheckGracePeriodSeconds(int seconds) {
            args().healthCheckGracePeriodSeconds = seconds;
            return this;
        }

        /**
         * @param days the log retention
         * @return this builder
         */
        public Builder logRetentionDays(int days) {
            args().logRetentionDays = days;
            return this;
        }

        /**
         * @param family the task definition family
         * @return this builder
         */
        public Builder family(String family) {
            args().family = family;
            return this;
        }

        /**
         * @param roleArn the task execution role
         * @return this builder
         */
        public Builder executionRoleArn(Output<String> roleArn) {
            args().executionRoleArn = Value.of(roleArn);
            return this;
        }

        /**
         * @param roleArn the task execution role
         * @return this builder
         */
        public Builder executionRoleArn(String roleArn) {
            args().executionRoleArn = Value.of(roleArn);
            return this;
        }

        /**
         * @param roleName the execution role's name, so that the service grants it the log writes
         * @return this builder
         */
        public Builder executionRoleName(Output<String> roleName) {
            args().executionRoleName = Value.of(roleName);
            return this;
        }

        /**
         * @param keyArn a customer managed KMS key that encrypts the log group
         * @return this builder
         */
        public Builder logKmsKeyArn(String keyArn) {
            args().logKmsKeyArn = Value.of(keyArn);
            return this;
        }

        /**
         * @param keyArn a customer managed KMS key that encrypts the log group, e.g. {@code aws.kms.Key#arn()}
         * @return this builder
         */
        public Builder logKmsKeyArn(Output<String> keyArn) {
            args().logKmsKeyArn = Value.of(keyArn);
            return this;
        }

        /**
         * @param cidrBlocks the IPv4 CIDR blocks the tasks may reach, on TCP 443 only
         * @return this builder
         */
        public Builder taskEgressCidrBlocks(List<String> cidrBlocks) {
            args().taskEgressCidrBlocks = Value.of(List.copyOf(cidrBlocks));
            return this;
        }

        /**
         * @param cidrBlocks the IPv4 CIDR blocks the tasks may reach, on TCP 443 only, e.g. from a stack reference
         * @return this builder
         */
        public Builder taskEgressCidrBlocks(Output<List<String>> cidrBlocks) {
            args().taskEgressCidrBlocks = Value.of(cidrBlocks);
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
            args().vpcEndpointsSecurityGroupId = Value.of(securityGroupId);
            args().vpcEndpointsS3PrefixListId = Value.of(s3PrefixListId);
            return this;
        }

        /**
         * @param roleArn an existing task role, e.g. {@code aws.iam.Role#arn()}
         * @return this builder
         */
        public Builder taskRoleArn(Output<String> roleArn) {
            args().taskRoleArn = Value.of(roleArn);
            return this;
        }

        /**
         * @param roleArn an existing task role
         * @return this builder
         */
        public Builder taskRoleArn(String roleArn) {
            args().taskRoleArn = Value.of(roleArn);
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
            args().targetGroupArn = Value.of(targetGroupArn);
            args().loadBalancerSecurityGroupId = Value.of(loadBalancerSecurityGroupId);
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
            loadBalancer(targetGroupArn, loadBalancerSecurityGroupId);
            args().targetsSecurityGroupId = Value.of(targetsSecurityGroupId);
            return this;
        }

        /**
         * @param on whether secret rotation starts a new deployment
         * @return this builder
         */
        public Builder redeployOnSecretRotation(boolean on) {
            args().redeployOnSecretRotation = on;
            return this;
        }

        /**
         * @param name  a trigger's name
         * @param value a value whose change starts a new deployment, e.g. a secret version's id
         * @return this builder
         */
        public Builder redeployTrigger(String name, Output<String> value) {
            args().redeployTriggers.put(name, Value.of(value));
            return this;
        }

        /**
         * @param alarmNames CloudWatch alarms whose ALARM state rolls a deployment back, e.g.
         *                   {@code cloudwatch.DeploymentAlarms#alarmNames()}
         * @return this builder
         */
        public Builder deploymentAlarms(Output<List<String>> alarmNames) {
            args().deploymentAlarms = Value.of(alarmNames);
            return this;
        }

        /**
         * @param alarmNames CloudWatch alarms whose ALARM state rolls a deployment back
         * @return this builder
         */
        public Builder deploymentAlarms(List<String> alarmNames) {
            args().deploymentAlarms = Value.of(List.copyOf(alarmNames));
            return this;
        }

        /**
         * @param name the name the security groups' descriptions carry: the service's as first deployed
         * @return this builder
         */
        public Builder descriptionName(String name) {
            args().descriptionName = name;
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
        public EcsServiceArgs build() {
            EcsServiceArgs built = args();
            args = null;
            return built;
        }
    }
}
