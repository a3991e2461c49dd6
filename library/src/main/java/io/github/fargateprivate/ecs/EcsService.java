package io.github.fargateprivate.ecs;

import com.pulumi.aws.appautoscaling.Policy;
import com.pulumi.aws.appautoscaling.PolicyArgs;
import com.pulumi.aws.appautoscaling.Target;
import com.pulumi.aws.appautoscaling.TargetArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecificationArgs;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupEgressArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupIngressArgs;
import com.pulumi.aws.ecs.Cluster;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.ecs.ClusterArgs;
import com.pulumi.aws.ecs.ClusterCapacityProviders;
import com.pulumi.aws.ecs.ClusterCapacityProvidersArgs;
import com.pulumi.aws.ecs.Service;
import com.pulumi.aws.ecs.ServiceArgs;
import com.pulumi.aws.ecs.TaskDefinition;
import com.pulumi.aws.ecs.TaskDefinitionArgs;
import com.pulumi.aws.ecs.inputs.ClusterCapacityProvidersDefaultCapacityProviderStrategyArgs;
import com.pulumi.aws.ecs.inputs.ClusterConfigurationArgs;
import com.pulumi.aws.ecs.inputs.ClusterConfigurationExecuteCommandConfigurationArgs;
import com.pulumi.aws.ecs.inputs.ClusterConfigurationExecuteCommandConfigurationLogConfigurationArgs;
import com.pulumi.aws.ecs.inputs.ClusterConfigurationManagedStorageConfigurationArgs;
import com.pulumi.aws.ecs.inputs.ClusterSettingArgs;
import com.pulumi.aws.ecs.inputs.ServiceAlarmsArgs;
import com.pulumi.aws.ecs.inputs.ServiceCapacityProviderStrategyArgs;
import com.pulumi.aws.ecs.inputs.ServiceDeploymentCircuitBreakerArgs;
import com.pulumi.aws.ecs.inputs.ServiceLoadBalancerArgs;
import com.pulumi.aws.ecs.inputs.ServiceNetworkConfigurationArgs;
import com.pulumi.aws.ecs.inputs.TaskDefinitionEphemeralStorageArgs;
import com.pulumi.aws.ecs.inputs.TaskDefinitionRuntimePlatformArgs;
import com.pulumi.aws.ecs.inputs.TaskDefinitionVolumeArgs;
import com.pulumi.aws.secretsmanager.SecretsmanagerFunctions;
import com.pulumi.aws.secretsmanager.inputs.GetSecretVersionsArgs;
import com.pulumi.aws.ssm.SsmFunctions;
import com.pulumi.aws.ssm.inputs.GetParameterArgs;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.github.fargateprivate.AwsName;
import io.github.fargateprivate.Children;
import io.github.fargateprivate.ArgsException;
import io.github.fargateprivate.AwsEnvironment;
import io.github.fargateprivate.Problem;
import io.github.fargateprivate.Problems;
import io.github.fargateprivate.Rules;
import io.github.fargateprivate.Value;
import io.github.fargateprivate.EngineLog;
import io.github.fargateprivate.arn.Arn;
import io.github.fargateprivate.ec2.NetworkArgs;
import io.github.fargateprivate.ec2.SecurityGroupRules;
import io.github.fargateprivate.iam.PolicyDocument;
import io.github.fargateprivate.iam.TaskExecutionRole;
import io.github.fargateprivate.registry.ImageReference;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * An ECS service on Fargate: its task definition (a main container and optional sidecars), its tasks' security group
 * and log group, and optionally its cluster, its place behind a load balancer and its autoscaling.
 *
 * <p>The task is FARGATE/awsvpc with a valid cpu/memory pair; every container has a read-only root file system with
 * a writable volume at {@code /tmp}, an init process, a stop timeout and {@code awslogs} logging into a log group with
 * finite retention; the main container has {@code repositoryCredentials} when a credentials secret is given; secrets
 * reach the containers as {@code secrets} ({@code valueFrom}) only. The tasks' security group admits only the load
 * balancer's security group on the main container's port, and the load balancer's group gets one egress rule to
 * exactly these tasks. The service rolls out at 100 % minimum healthy / 200 % maximum with the deployment circuit
 * breaker on and rolling back (and, with {@link EcsServiceArgs#deploymentAlarms()}, CloudWatch alarms that fail and
 * roll back a deployment too), and {@code pulumi up} waits for a steady state, so a rolled-back rollout fails it.
 * Invokes (the app secrets' current versions) go through this component's provider.
 *
 * <p>Children: {@code <name>-cluster} (unless an existing cluster is given), {@code <name>-capacity-providers} (with a
 * capacity provider strategy on a created cluster), {@code <name>-logs}, {@code <name>-task-sg},
 * {@code <name>-exec-logs} (with the execution role's name), {@code <name>-exec-sessions} and
 * {@code <name>-exec-sessions-write} (the log group of ECS Exec's sessions and the task role's policy to write them,
 * with ECS Exec on a created cluster), {@code <name>-endpoints-ingress} (with VPC endpoints),
 * {@code <name>-alb-egress} (behind a load balancer),
 * {@code <name>-task}, {@code <name>-service} and, with
 * autoscaling, {@code <name>-scaling-target} and {@code <name>-cpu-scaling}.
 */
public class EcsService extends ComponentResource {

    /** The Pulumi type token of this component. */
    public static final String TYPE = "fargate-private-registry:ecs:EcsService";
    /** Name of the main container's writable task volume mounted at {@link #TMP_PATH}. */
    public static final String TMP_VOLUME = "tmp";
    /** Where each container's writable volume is mounted: Tomcat and the JVM write there. */
    public static final String TMP_PATH = "/tmp";
    /** Where ECS Exec's SSM agent writes its state and logs (aws-containers/amazon-ecs-exec-checker#21). */
    public static final List<String> EXECUTE_COMMAND_PATHS = List.of("/var/lib/amazon", "/var/log/amazon");
    /** Deployment minimum healthy percent: 100, so capacity never drops during a rollout. */
    public static final int MINIMUM_HEALTHY_PERCENT = 100;
    /** Deployment maximum percent: 200, so a full new set starts beside the old one. */
    public static final int MAXIMUM_PERCENT = 200;

    /** Memory an ECS-optimized instance keeps from tasks, in MiB (the OS, Docker and the agent), roughly. */
    static final int RESERVED_MIB = 256;
    /** An ECS cluster's ARN, its name the group. */
    static final Pattern CLUSTER_ARN = Pattern.compile(
            "arn:aws[a-z-]*:ecs:[a-z0-9-]+:\\d{12}:cluster/([A-Za-z0-9_-]{1,255})");

    private final String owner;
    private final AwsEnvironment env;
    private final EcsServiceArgs args;
    private final Checked checked;
    private final Children children;
    private final String described;
    private final LaunchSteps launch;
    private final LogGroup executeCommandLogGroup;
    private final Cluster cluster;
    private final Ec2Capacity ec2Capacity;
    private final ClusterCapacityProviders capacityProviders;
    private final LogGroup logGroup;
    private final RolePolicy logsPolicy;
    private final RolePolicy executeCommandPolicy;
    private final SecurityGroup securityGroup;
    private final SecurityGroupEgressRule loadBalancerEgress;
    private final SecurityGroupIngressRule endpointsIngress;
    private final SecurityGroupIngressRule instanceEndpointsIngress;
    private final TaskDefinition taskDefinition;
    private final Service service;
    private final Target scalingTarget;
    private final Policy scalingPolicy;

    @Export(name = "clusterName", refs = {String.class}, tree = "[0]")
    private final Output<String> clusterName;
    @Export(name = "clusterArn", refs = {String.class}, tree = "[0]")
    private final Output<String> clusterArn;
    @Export(name = "serviceName", refs = {String.class}, tree = "[0]")
    private final Output<String> serviceName;
    @Export(name = "taskDefinitionArn", refs = {String.class}, tree = "[0]")
    private final Output<String> taskDefinitionArn;
    @Export(name = "logGroupName", refs = {String.class}, tree = "[0]")
    private final Output<String> logGroupName;
    @Export(name = "securityGroupId", refs = {String.class}, tree = "[0]")
    private final Output<String> securityGroupId;

    /** The args' values, checked. */
    record Checked(EcsServiceArgs args, NetworkArgs network, List<ContainerArgs> containers,
                           Output<String> clusterArn, Output<String> registryCredentials,
                           Map<String, Output<String>> sidecarRegistryCredentials, Output<String> logKmsKey,
                           Output<List<String>> egressCidrBlocks,
                           Output<List<String>> deploymentAlarms, Output<String> ephemeralStorageKey,
                           Output<String> executeCommandKey) {
    }

    /**
     * Creates the service and what it needs.
     *
     * @param name    the component's name; children are named from it
     * @param args    containers, sizing, networking and rollout settings
     * @param options component options
     * @throws io.github.fargateprivate.ArgsException listing every problem of the args, before any child exists
     */
    public EcsService(String name, EcsServiceArgs args, ComponentResourceOptions options) {
        this(TYPE, "EcsService", name, args, options);
    }

    /**
     * Creates the service under another type token, for a component that keeps the token of an earlier release.
     *
     * @param type    the type token
     * @param kind    how messages name the component, e.g. {@code FargateService}
     * @param name    the component's name; children are named from it
     * @param args    containers, sizing, networking and rollout settings
     * @param options component options
     */
    protected EcsService(String type, String kind, String name, EcsServiceArgs args,
                         ComponentResourceOptions options) {
        super(type, name, args.customizations().addedTo(options));
        this.owner = kind + " '" + name + "'";
        this.env = AwsEnvironment.of(this);
        this.checked = checkArgs(kind, name, args, env);
        this.args = checked.args();
        this.children = Children.of(this, args.tags());
        this.described = args.descriptionName(name);
        this.launch = LaunchSteps.of(this.args.launch());

        this.executeCommandLogGroup = createExecuteCommandLogGroup(name);
        this.cluster = createCluster(name);
        this.clusterArn = cluster != null ? cluster.arn() : checked.clusterArn();
        this.clusterName = cluster != null ? cluster.name() : checked.clusterArn().applyValue(EcsService::clusterNameOf);
        this.ec2Capacity = createInstances(name);
        List<Output<CapacityProviderStrategy>> strategy = launch.strategy(ec2Capacity);
        this.capacityProviders = associateCapacityProviders(name, strategy);
        this.logGroup = createLogGroup(name);
        this.logsPolicy = grantLogWrites(name);
        this.executeCommandPolicy = grantExecuteCommandLogging(name);
        this.securityGroup = createSecurityGroup(name);
        this.endpointsIngress = admitToEndpoints(name + "-endpoints-ingress", "tasks", securityGroup.id(),
                args.vpcEndpointsSecurityGroupId().isPresent());
        // The agent on the instance pulls the images and reads the secrets of awsvpc tasks too.
        this.instanceEndpointsIngress = admitToEndpoints(name + "-instance-endpoints-ingress", "container instances",
                ec2Capacity == null ? null : ec2Capacity.securityGroupId(),
                args.vpcEndpointsSecurityGroupId().isPresent() && ec2Capacity != null && !launch.bridge());
        this.loadBalancerEgress = openLoadBalancerEgress(name);
        this.taskDefinition = createTaskDefinition(name);
        this.service = createService(name, strategy);
        this.scalingTarget = createScalingTarget(name);
        this.scalingPolicy = createScalingPolicy(name);

        this.serviceName = service.name();
        this.taskDefinitionArn = rolledOut(service, taskDefinition, clusterName, env);
        this.logGroupName = logGroup.name();
        this.securityGroupId = securityGroup.id();
        registerOutputs(Map.of("clusterName", clusterName, "clusterArn", clusterArn, "serviceName", serviceName,
                "taskDefinitionArn", taskDefinitionArn, "logGroupName", logGroupName,
                "securityGroupId", securityGroupId));
    }

    /** Checks the args; every problem at once, before any child. */
    private static Checked checkArgs(String kind, String name, EcsServiceArgs args, AwsEnvironment env) {
        return Problems.validated(kind, name, problems -> validate(name, args, problems, env));
    }

    /**
     * A cluster with Container Insights at the chosen level (Security Hub ECS.12), unless an existing one was given;
     * with ECS Exec it logs the sessions, and with a key it encrypts the Fargate tasks' ephemeral storage.
     */
    private Cluster createCluster(String name) {
        if (checked.clusterArn() != null) {
            return null;
        }
        var clusterArgs = ClusterArgs.builder()
                .settings(ClusterSettingArgs.builder().name("containerInsights").value(args.containerInsights().value())
                        .build());
        if (executeCommandLogGroup != null || checked.ephemeralStorageKey() != null) {
            var configuration = ClusterConfigurationArgs.builder();
            if (executeCommandLogGroup != null) {
                configuration.executeCommandConfiguration(executeCommandConfiguration(name));
            }
            if (checked.ephemeralStorageKey() != null) {
                configuration.managedStorageConfiguration(ClusterConfigurationManagedStorageConfigurationArgs.builder()
                        .fargateEphemeralStorageKmsKeyId(checked.ephemeralStorageKey()).build());
            }
            clusterArgs.configuration(configuration.build());
        }
        return children.create(Cluster::new, name + "-cluster", clusterArgs.build());
    }

    /**
     * ECS Exec's sessions logged to the service's own log group (encrypted when the log group has a customer managed
     * key, which ECS requires for {@code cloudWatchEncryptionEnabled}) and, if given, to a bucket; the channel
     * encrypted with a customer managed key if given ("Logging and auditing using ECS Exec", ECS developer guide,
     * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html).
     */
    private ClusterConfigurationExecuteCommandConfigurationArgs executeCommandConfiguration(String name) {
        var log = ClusterConfigurationExecuteCommandConfigurationLogConfigurationArgs.builder()
                .cloudWatchLogGroupName(executeCommandLogGroup.name())
                .cloudWatchEncryptionEnabled(checked.logKmsKey() != null);
        args.executeCommandLogBucket().ifPresent(bucket -> log.s3BucketName(bucket)
                .s3KeyPrefix(executeCommandPrefix(name)).s3BucketEncryptionEnabled(true));
        var exec = ClusterConfigurationExecuteCommandConfigurationArgs.builder()
                .logging("OVERRIDE")
                .logConfiguration(log.build());
        if (checked.executeCommandKey() != null) {
            exec.kmsKeyId(checked.executeCommandKey());
        }
        return exec.build();
    }

    /** Where a bucket takes this service's ECS Exec sessions: below its own prefix, as several services share one. */
    private String executeCommandPrefix(String name) {
        return "ecs-exec/" + args.family(name);
    }

    /** The log group of ECS Exec's sessions, when ECS Exec is on and the service creates its cluster. */
    private LogGroup createExecuteCommandLogGroup(String name) {
        if (!args.enableExecuteCommand() || checked.clusterArn() != null) {
            return null;
        }
        var logArgs = LogGroupArgs.builder().retentionInDays(args.logRetentionDays());
        if (checked.logKmsKey() != null) {
            logArgs.kmsKeyId(checked.logKmsKey());
        }
        return children.create(LogGroup::new, AwsName.LOG_GROUP.child(name, "-exec-sessions"), logArgs.build());
    }

    /**
     * What the task role needs to log ECS Exec's sessions, as the ECS developer guide lists it ("IAM permissions
     * required for Amazon CloudWatch Logs or Amazon S3 Logging" and "IAM permissions required for encryption using
     * your own AWS KMS key", https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html): the
     * sessions' log group's streams, the bucket's prefix and the channel's key. Where the guide names {@code *} (the
     * agent's DescribeLogGroups and GetBucketLocation), the statement names the stack's account and region's log
     * groups and the one bucket instead.
     */
    private RolePolicy grantExecuteCommandLogging(String name) {
        if (executeCommandLogGroup == null) {
            return null;
        }
        Output<String> roleName = args.taskRoleArn().orElseThrow().output().applyValue(EcsService::roleNameOf);
        Output<String> key = checked.executeCommandKey() != null ? checked.executeCommandKey() : Output.of("");
        String prefix = executeCommandPrefix(name);
        return children.create(RolePolicy::new, AwsName.IAM_POLICY.child(name, "-exec-sessions-write"),
                RolePolicyArgs.builder()
                        .role(roleName)
                        .policy(Output.tuple(executeCommandLogGroup.arn(), key).applyValue(t ->
                                executeCommandPolicy(t.t1, args.executeCommandLogBucket().orElse(null), prefix,
                                        t.t2)))
                        .build());
    }

    /** The statements of {@link #grantExecuteCommandLogging}, from the log group's ARN. */
    private String executeCommandPolicy(String logGroupArn, String bucket, String prefix, String key) {
        var policy = new PolicyDocument()
                .allowScoped("FindExecSessionLogGroup", List.of("logs:DescribeLogGroups"),
                        List.of(env.arn("logs", "log-group:*")))
                // DescribeLogStreams is authorized on the log group itself (Service Authorization Reference, CloudWatch
                // Logs: resource type log-group), which the streams' log-stream:* would not match.
                .allow("FindExecSessionStreams", List.of("logs:DescribeLogStreams"), List.of(logGroupArn), Map.of())
                .allow("WriteExecSessions", List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                        List.of(logGroupArn + ":log-stream:*"), Map.of());
        if (bucket != null) {
            String bucketArn = "arn:" + env.partition() + ":s3:::" + bucket;
            policy.allow("FindExecSessionBucket", List.of("s3:GetBucketLocation", "s3:GetEncryptionConfiguration"),
                            List.of(bucketArn), Map.of())
                    .allowScoped("PutExecSessions", List.of("s3:PutObject"), List.of(bucketArn + "/" + prefix + "/*"));
        }
        if (!key.isEmpty()) {
            policy.allow("DecryptExecChannel", List.of("kms:Decrypt"), List.of(key), Map.of());
        }
        return policy.toJson();
    }

    /** A role's name, the last part of its ARN (a role's path comes before it). */
    private static String roleNameOf(String roleArn) {
        return roleArn.substring(roleArn.lastIndexOf('/') + 1);
    }

    /** The service's own container instances on EC2; none on Fargate. */
    private Ec2Capacity createInstances(String name) {
        if (args.ec2().isEmpty()) {
            return null;
        }
        Output<String> lbSecurityGroup = args.loadBalancerSecurityGroupId().map(Value::output).orElse(null);
        return children.component(Ec2Capacity::new, name + "-ec2", ec2Args(args, checked, clusterName,
                lbSecurityGroup, egress(args, checked)).toBuilder().descriptionName(described + "-ec2").build());
    }

    /** ECS refuses a strategy naming a provider the cluster has not associated: a created cluster associates them. */
    private ClusterCapacityProviders associateCapacityProviders(String name,
                                                                List<Output<CapacityProviderStrategy>> strategy) {
        if (cluster == null || strategy.isEmpty()) {
            return null;
        }
        Output<List<CapacityProviderStrategy>> lines = Output.all(strategy);
        return children.create(ClusterCapacityProviders::new, name + "-capacity-providers",
                ClusterCapacityProvidersArgs.builder()
                        .clusterName(cluster.name())
                        .capacityProviders(lines.applyValue(l -> l.stream()
                                .map(CapacityProviderStrategy::capacityProvider).distinct().toList()))
                        .defaultCapacityProviderStrategies(lines.applyValue(l -> l.stream()
                                .map(s -> ClusterCapacityProvidersDefaultCapacityProviderStrategyArgs.builder()
                                        .capacityProvider(s.capacityProvider()).base(s.base()).weight(s.weight())
                                        .build()).toList()))
                        .build());
    }

    /** The containers' log group, with finite retention and, if given, a customer managed key. */
    private LogGroup createLogGroup(String name) {
        var logArgs = LogGroupArgs.builder().retentionInDays(args.logRetentionDays());
        if (checked.logKmsKey() != null) {
            logArgs.kmsKeyId(checked.logKmsKey());
        }
        return children.create(LogGroup::new, AwsName.LOG_GROUP.child(name, "-logs"), logArgs.build());
    }

    /** The execution role writes exactly this log group's streams, when the service knows the role's name. */
    private RolePolicy grantLogWrites(String name) {
        return args.executionRoleName().map(role -> children.create(RolePolicy::new,
                AwsName.IAM_POLICY.child(name, "-exec-logs"), RolePolicyArgs.builder()
                        .role(role.output())
                        .policy(logGroup.arn().applyValue(EcsService::logsPolicy))
                        .build())).orElse(null);
    }

    /** The tasks' security group: the load balancer only, on the container port; in bridge mode the instances'. */
    private SecurityGroup createSecurityGroup(String name) {
        if (launch.bridge()) {
            return ec2Capacity.securityGroup();
        }
        boolean behindLoadBalancer = args.targetGroupArn().isPresent();
        int port = mainPort();
        var sgArgs = SecurityGroupArgs.builder()
                .description(behindLoadBalancer ? "Tasks of " + described + ": the load balancer only, on the "
                        + "container port" : "Tasks of " + described + ": no inbound traffic")
                .vpcId(checked.network().vpcId().orElseThrow().output())
                .egress(egress(args, checked));
        if (behindLoadBalancer) {
            sgArgs.ingress(SecurityGroupIngressArgs.builder()
                    .description("From the load balancer")
                    .protocol("tcp").fromPort(port).toPort(port)
                    .securityGroups(args.loadBalancerSecurityGroupId().get().output().applyValue(List::of))
                    .build());
        }
        return children.create(SecurityGroup::new, AwsName.SECURITY_GROUP.child(name, "-task-sg"), sgArgs.build());
    }

    /** One rule of the VPC endpoints' security group: HTTPS from the given group only. */
    private SecurityGroupIngressRule admitToEndpoints(String childName, String what, Output<String> from,
                                                      boolean wanted) {
        if (!wanted) {
            return null;
        }
        return children.create(SecurityGroupIngressRule::new, childName, SecurityGroupIngressRuleArgs.builder()
                .description("HTTPS from the " + what + " of " + described)
                .securityGroupId(args.vpcEndpointsSecurityGroupId().get().output())
                .referencedSecurityGroupId(from)
                .ipProtocol("tcp").fromPort(443).toPort(443)
                .build());
    }

    /**
     * A load balancer that gives no targets' group: one egress rule of its own group per service, to the container
     * port, or in bridge mode to the dynamic host ports.
     */
    private SecurityGroupEgressRule openLoadBalancerEgress(String name) {
        if (args.targetGroupArn().isEmpty() || args.targetsSecurityGroupId().isPresent()) {
            return null;
        }
        Output<String> lbSecurityGroup = args.loadBalancerSecurityGroupId().get().output();
        return children.create(SecurityGroupEgressRule::new, name + "-alb-egress", SecurityGroupEgressRuleArgs.builder()
                .description("Load balancer to the tasks of " + described + " and their health checks")
                .securityGroupId(countedEgressRule(lbSecurityGroup, name))
                .referencedSecurityGroupId(securityGroup.id())
                .ipProtocol("tcp")
                .fromPort(launch.bridge() ? Ec2Capacity.DYNAMIC_PORTS_FROM : mainPort())
                .toPort(launch.bridge() ? Ec2Capacity.DYNAMIC_PORTS_TO : mainPort())
                .build());
    }

    /** The task definition: the containers, their size and roles; the task starts once the role may write logs. */
    private TaskDefinition createTaskDefinition(String name) {
        Output<String> executionRoleArn = args.executionRoleArn().orElseThrow().output();
        if (logsPolicy != null) {
            executionRoleArn = Output.tuple(executionRoleArn, logsPolicy.id()).applyValue(t -> t.t1);
        }
        var taskArgs = TaskDefinitionArgs.builder()
                .family(args.family(name))
                .requiresCompatibilities(launch.compatibility())
                .networkMode(launch.networkMode())
                .cpu(String.valueOf(args.cpu()))
                .memory(String.valueOf(args.memory()))
                .executionRoleArn(executionRoleArn)
                .containerDefinitions(ContainerDefinitions.of(args, checked, launch, logGroup.name(), env.region()))
                .volumes(ContainerDefinitions.volumeNames(args).stream()
                        .map(v -> TaskDefinitionVolumeArgs.builder().name(v).build()).toList());
        args.taskRoleArn().ifPresent(r -> taskArgs.taskRoleArn(r.output()));
        args.cpuArchitecture().ifPresent(a -> taskArgs.runtimePlatform(TaskDefinitionRuntimePlatformArgs.builder()
                .operatingSystemFamily("LINUX").cpuArchitecture(a.name()).build()));
        args.fargate().map(Launch.Fargate::ephemeralStorageGiB).ifPresent(g -> taskArgs.ephemeralStorage(
                TaskDefinitionEphemeralStorageArgs.builder().sizeInGib(g).build()));
        return children.create(TaskDefinition::new, name + "-task", taskArgs.build());
    }

    /**
     * The service: 100 % minimum healthy, 200 % maximum, the circuit breaker rolling back, {@code pulumi up}
     * waiting for a steady state; behind the load balancer with a grace period; redeployed on its triggers.
     */
    private Service createService(String name, List<Output<CapacityProviderStrategy>> strategy) {
        var serviceArgs = ServiceArgs.builder()
                .cluster(clusterArn)
                .taskDefinition(taskDefinition.arn())
                .desiredCount(initialCount())
                .deploymentMinimumHealthyPercent(MINIMUM_HEALTHY_PERCENT)
                .deploymentMaximumPercent(MAXIMUM_PERCENT)
                // A bad image or bad credentials roll back instead of retrying forever.
                .deploymentCircuitBreaker(ServiceDeploymentCircuitBreakerArgs.builder()
                        .enable(true).rollback(true).build())
                .waitForSteadyState(args.waitForSteadyState())
                // Set either way: ECS keeps an updated service's earlier value when none is given (UpdateService).
                .availabilityZoneRebalancing(args.availabilityZoneRebalancing() ? "ENABLED" : "DISABLED")
                .propagateTags("SERVICE")
                .enableEcsManagedTags(true);
        if (checked.deploymentAlarms() != null) {
            // Beside the circuit breaker, either fails a deployment ("Amazon ECS deployment failure detection", ECS
            // developer guide,
            // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-failure-detection.html).
            serviceArgs.alarms(ServiceAlarmsArgs.builder().alarmNames(checked.deploymentAlarms()).enable(true)
                    .rollback(true).build());
        }
        if (!launch.bridge()) {
            serviceArgs.networkConfiguration(networkConfiguration());
        }
        if (!strategy.isEmpty()) {
            serviceArgs.capacityProviderStrategies(Output.all(strategy).applyValue(lines -> lines.stream()
                    .map(s -> ServiceCapacityProviderStrategyArgs.builder().capacityProvider(s.capacityProvider())
                            .base(s.base()).weight(s.weight()).build())
                    .toList()));
        }
        launch.place(serviceArgs, strategy);
        args.targetGroupArn().ifPresent(targetGroup -> serviceArgs.loadBalancers(ServiceLoadBalancerArgs.builder()
                        .targetGroupArn(targetGroup.output())
                        .containerName(args.containers().get(0).name(true))
                        .containerPort(mainPort())
                        .build())
                // ECS allows a grace period only for services behind a load balancer.
                .healthCheckGracePeriodSeconds(args.healthCheckGracePeriodSeconds()));
        if (args.enableExecuteCommand()) {
            serviceArgs.enableExecuteCommand(true);
        }
        triggers(args, checked, env).ifPresent(triggers -> serviceArgs
                .triggers(triggers)
                // The provider redeploys on a trigger change only with forceNewDeployment (ServiceArgs#triggers).
                .forceNewDeployment(true));
        var serviceOptions = CustomResourceOptions.builder();
        if (args.autoScaling().isPresent()) {
            // Autoscaling owns the count from now on; pulumi up must not reset it.
            serviceOptions.ignoreChanges("desiredCount");
        }
        if (capacityProviders != null) {
            serviceOptions.dependsOn(capacityProviders);
        }
        return children.create(Service::new, name + "-service", serviceArgs.build(), serviceOptions.build());
    }

    /** The desired count, within the autoscaling range when there is one. */
    private int initialCount() {
        return args.autoScaling().map(a -> Math.max(a.minCount().orElseThrow(),
                        Math.min(a.maxCount().orElseThrow(), args.desiredCount())))
                .orElse(args.desiredCount());
    }

    /** The tasks' subnets and security groups: their own, and the load balancer's targets' group if given. */
    private ServiceNetworkConfigurationArgs networkConfiguration() {
        Output<List<String>> groups = args.targetsSecurityGroupId().map(Value::output)
                .map(targets -> Output.tuple(securityGroup.id(), targets).applyValue(t -> List.of(t.t1, t.t2)))
                .orElseGet(() -> securityGroup.id().applyValue(List::of));
        return ServiceNetworkConfigurationArgs.builder()
                .subnets(checked.network().taskSubnetIds().output())
                .securityGroups(groups)
                .assignPublicIp(launch.assignPublicIp(args.network().orElseThrow().assignPublicIp()))
                .build();
    }

    /** Autoscaling's hold on the desired count, when the service scales. */
    private Target createScalingTarget(String name) {
        return args.autoScaling().map(scaling -> children.create(Target::new, name + "-scaling-target",
                TargetArgs.builder()
                        .serviceNamespace("ecs")
                        .scalableDimension("ecs:service:DesiredCount")
                        .resourceId(Output.format("service/%s/%s", clusterName, service.name()))
                        .minCapacity(scaling.minCount().orElseThrow())
                        .maxCapacity(scaling.maxCount().orElseThrow())
                        .build())).orElse(null);
    }

    /** Target tracking of the service's average CPU, when the service scales. */
    private Policy createScalingPolicy(String name) {
        if (scalingTarget == null) {
            return null;
        }
        var scaling = args.autoScaling().orElseThrow();
        return children.create(Policy::new, AwsName.SCALING_POLICY.child(name, "-cpu-scaling"), PolicyArgs.builder()
                .policyType("TargetTrackingScaling")
                .serviceNamespace(scalingTarget.serviceNamespace())
                .scalableDimension(scalingTarget.scalableDimension())
                .resourceId(scalingTarget.resourceId())
                .targetTrackingScalingPolicyConfiguration(PolicyTargetTrackingScalingPolicyConfigurationArgs.builder()
                        .predefinedMetricSpecification(
                                PolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecificationArgs
                                        .builder().predefinedMetricType("ECSServiceAverageCPUUtilization").build())
                        .targetValue((double) scaling.cpuTargetPercent())
                        .build())
                .build());
    }

    /** @return the main container's port, where the load balancer sends traffic */
    private int mainPort() {
        return args.containers().get(0).port(true).orElseThrow();
    }

    /**
     * Creates the service with default component options.
     *
     * @param name the component's name
     * @param args containers, sizing, networking and rollout settings
     */
    public EcsService(String name, EcsServiceArgs args) {
        this(name, args, ComponentResourceOptions.Empty);
    }

    /**
     * Checks the args, the containers under {@code container} and {@code sidecars[i]}.
     *
     * @param name     the component's name, the default family
     * @param args     the args
     * @param problems where problems go
     * @return the checked values; null when a required one is missing
     */
    private static Checked validate(String name, EcsServiceArgs args, Problems problems, AwsEnvironment env) {
        List<ContainerArgs> containers = args.containers();
        List<ContainerArgs> checkedContainers = new ArrayList<>();
        if (containers.isEmpty()) {
            problems.add("container", "required: the main container");
        }
        for (int i = 0; i < containers.size(); i++) {
            Problems at = problems.at(containerField(i));
            checkedContainers.add(i == 0 ? containers.get(i).validateAsMain(at) : containers.get(i).validate(at));
        }
        checkContainers(containers, problems);
        EcsServiceArgs options = args.validate(problems);
        Output<String> logKey = logKeyInRegion(options, problems, env).orElse(null);
        problems.add("name", nameProblem(name, name));
        boolean instanceAuth = args.ec2().filter(e -> e.registryAuth() == RegistryAuth.INSTANCE).isPresent();
        if (instanceAuth && args.registryCredentialsArn().isEmpty()) {
            problems.add("ec2.registryAuth", "instance needs the registry credentials secret the agent pulls "
                    + "with: give registryCredentialsArn, or use task for an image without credentials");
        }
        args.registryCredentialsKmsKeyArn().filter(k -> !instanceAuth).ifPresent(k -> problems.add(
                "registryCredentialsKmsKeyArn", "only with registryAuth instance: per task, the execution role "
                        + "decrypts the credentials"));
        if (args.enableExecuteCommand() && args.taskRoleArn().isEmpty()) {
            problems.add("enableExecuteCommand", "ECS Exec needs a task role that allows its ssmmessages channel "
                    + "actions; give a task role (TaskRole with executeCommand) or turn it off");
        }
        if (args.executionRoleArn().isEmpty()) {
            problems.add("executionRoleArn", "required: the role that pulls the image and reads the secrets "
                    + "(TaskExecutionRole)");
        }
        if (args.targetGroupArn().isPresent() != args.loadBalancerSecurityGroupId().isPresent()) {
            problems.add("loadBalancer", "give the target group and the load balancer's security group together");
        }
        Output<String> credentials = args.registryCredentialsArn().map(c -> problems.check("registryCredentialsArn",
                c, EcsService::credentialsSecretProblem)).orElse(null);
        List<String> sidecars = containers.stream().skip(1).map(c -> c.name(false)).toList();
        Map<String, Output<String>> sidecarCredentials = new TreeMap<>();
        args.sidecarRegistryCredentialsArns().forEach((sidecar, secret) -> {
            String field = "sidecarRegistryCredentialsArns." + sidecar;
            if (!sidecars.contains(sidecar)) {
                problems.add(field, "'" + sidecar + "' is not a sidecar of the task; sidecars: " + sidecars);
            }
            // An empty value is no secret: a composite decides from an image of another resource whether one is needed.
            sidecarCredentials.put(sidecar, problems.check(field, secret, v -> v.isEmpty() ? Optional.empty()
                    : credentialsSecretProblem(v)));
        });
        if (args.network().isEmpty()) {
            problems.add("network", "required: the VPC and subnets of the tasks");
            return null;
        }
        NetworkArgs network = args.network().get().validate(problems.at("network"));
        return network.vpcId().isEmpty() || network.publicSubnetIds().isEmpty() ? null : new Checked(options, network, checkedContainers,
                options.clusterArn().map(Value::output).orElse(null), credentials, sidecarCredentials, logKey,
                options.taskEgressCidrBlocks().map(Value::output).orElse(null),
                options.deploymentAlarms().map(Value::output).orElse(null),
                ephemeralKeyInRegion(options, problems, env), options.executeCommandKmsKeyArn().map(Value::output)
                .orElse(null));
    }

    /** Fargate encrypts the tasks' storage with a key of their region. */
    private static Output<String> ephemeralKeyInRegion(EcsServiceArgs options, Problems problems, AwsEnvironment env) {
        return options.ephemeralStorageKmsKeyArn().map(key -> problems.check("ephemeralStorageKmsKeyArn", key,
                k -> Arn.parse(k).filter(a -> !a.region().equals(env.region())).map(a -> "the key is in " + a.region()
                        + ", but the tasks run in " + env.region() + "; Fargate takes a key of the tasks' region")))
                .orElse(null);
    }

    private static Optional<String> credentialsSecretProblem(String secret) {
        return secret.startsWith("arn:") ? Arn.secretArnProblem(secret, false)
                : Arn.SECRET_NAME.matcher(secret).matches() ? Optional.empty()
                : Optional.of("'" + secret + "' is neither a secret ARN nor a secret name");
    }

    /**
     * The log group's key must be of the service's region: CloudWatch Logs uses a key of its own region.
     *
     * @param options  the service's options, checked ({@link EcsServiceOptions#validate})
     * @param problems where problems go
     * @param env      where the service deploys
     * @return the key, carrying this check, if one is given
     */
    public static Optional<Output<String>> logKeyInRegion(EcsServiceOptions options, Problems problems,
                                                          AwsEnvironment env) {
        return options.logKmsKeyArn().map(key -> problems.check("logKmsKeyArn", key, k -> Arn.parse(k)
                .filter(a -> !a.region().equals(env.region()))
                .map(a -> "the key is in " + a.region() + ", but the log group is in " + env.region()
                        + "; CloudWatch Logs uses a key of its own region")));
    }

    /**
     * The service, a created cluster and (unless given) the task definition family are named whole from the
     * component's name ({@code <name>-service}, {@code <name>-cluster}, {@code <name>}), since operators type them in
     * {@code aws ecs} commands; ECS takes letters, digits, '-' and '_' where Pulumi would allow a '.' too, and at most
     * 255 characters with the AWS provider's autoname suffix. Its other children are shortened where needed
     * ({@link AwsName#child}).
     *
     * @param shown         the name the user gave, for the message: this component's, or a composite's
     * @param componentName the name of the {@link EcsService} component made from it
     * @return a problem when ECS would refuse the names made from it
     */
    public static Optional<String> nameProblem(String shown, String componentName) {
        return Rules.resourceName(shown, "ECS resources: the service, a created cluster and the default task "
                + "definition family are named from it")
                .or(() -> AwsName.ECS.wholeNameProblem(shown, componentName + "-service"));
    }

    /**
     * @param index a container's index
     * @return its field: {@code container} for the main one, {@code sidecars[i]} for the others
     */
    public static String containerField(int index) {
        return index == 0 ? "container" : "sidecars[" + (index - 1) + "]";
    }

    /**
     * Checks the containers as a set: unique names, and start-up dependencies on other containers of the task.
     *
     * @param containers the main container first, then the sidecars
     * @param problems   where problems go, under {@code container} and {@code sidecars[i]}
     */
    public static void checkContainers(List<ContainerArgs> containers, Problems problems) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < containers.size(); i++) {
            String n = containers.get(i).name(i == 0);
            if (n != null && names.contains(n)) {
                problems.add(containerField(i) + ".name", "'" + n + "' is the name of another container of the task");
            }
            names.add(n);
        }
        for (int i = 0; i < containers.size(); i++) {
            for (var d : containers.get(i).dependsOn()) {
                int target = names.indexOf(d.containerName());
                if (target < 0 || target == i) {
                    problems.add(containerField(i) + ".dependsOn", "'" + d.containerName()
                            + "' is not another container of the task; containers: " + names);
                } else if (d.condition().equals("HEALTHY") && containers.get(target).healthCheck().isEmpty()) {
                    problems.add(containerField(i) + ".dependsOn", "'" + d.containerName() + "' has no health check, "
                            + "so it never becomes HEALTHY; give it one or wait for START");
                } else if (List.of("COMPLETE", "SUCCESS").contains(d.condition())
                        && (target == 0 || containers.get(target).essential())) {
                    // ECS API reference, ContainerDependency: COMPLETE and SUCCESS can't be set on an essential
                    // container, whose exit stops the task.
                    problems.add(containerField(i) + ".dependsOn", "'" + d.containerName() + "' is essential, and "
                            + "ECS refuses COMPLETE or SUCCESS on an essential container (its exit stops the task); "
                            + "make it essential(false) or wait for START or HEALTHY");
                }
            }
        }
    }

    private static String clusterNameOf(String clusterArn) {
        var m = CLUSTER_ARN.matcher(clusterArn);
        return m.matches() ? m.group(1) : clusterArn;
    }

    /**
     * The tasks' way out: anywhere; or, restricted, HTTPS to the given blocks, the VPC endpoints and the S3 prefix
     * list (image layers), each on its own inline rule (the endpoints' group admits the tasks with a separate rule).
     */
    private static List<SecurityGroupEgressArgs> egress(EcsServiceArgs args, Checked checked) {
        if (checked.egressCidrBlocks() == null) {
            return List.of(SecurityGroupEgressArgs.builder()
                    .description("Registry pulls, AWS APIs and the application's own calls")
                    .protocol("-1").fromPort(0).toPort(0).cidrBlocks("0.0.0.0/0")
                    .build());
        }
        List<SecurityGroupEgressArgs> rules = new ArrayList<>();
        rules.add(SecurityGroupEgressArgs.builder()
                .description("HTTPS to the allowed destinations only")
                .protocol("tcp").fromPort(443).toPort(443).cidrBlocks(checked.egressCidrBlocks())
                .build());
        args.vpcEndpointsSecurityGroupId().ifPresent(sg -> rules.add(SecurityGroupEgressArgs.builder()
                .description("HTTPS to the VPC endpoints")
                .protocol("tcp").fromPort(443).toPort(443).securityGroups(sg.output().applyValue(List::of))
                .build()));
        args.vpcEndpointsS3PrefixListId().ifPresent(pl -> rules.add(SecurityGroupEgressArgs.builder()
                .description("HTTPS to S3 through the gateway endpoint (image layers)")
                .protocol("tcp").fromPort(443).toPort(443).prefixListIds(pl.output().applyValue(List::of))
                .build()));
        return rules;
    }

    /** The service's container instances: its options, with the cluster, network and credentials wired in. */
    private static Ec2CapacityArgs ec2Args(EcsServiceArgs args, Checked checked, Output<String> clusterName,
                                           Output<String> lbSecurityGroup, List<SecurityGroupEgressArgs> egress) {
        Launch.Ec2 launch = args.ec2().orElseThrow();
        Ec2CapacityOptions ec2 = launch.instances();
        var tags = new TreeMap<>(args.tags());
        tags.putAll(ec2.tags());
        var b = Ec2CapacityArgs.builder().from(ec2)
                .clusterName(clusterName)
                .network(checked.network().vpcId().orElseThrow().output(), checked.network().taskSubnetIds().output())
                // Like tasks on Fargate, instances in public subnets only (no NAT) need their own address.
                .assignPublicIp(args.network().orElseThrow().assignPublicIp())
                .tags(tags);
        if (args.bridge() && lbSecurityGroup != null) {
            b.bridgeIngressFrom(lbSecurityGroup);
            args.targetsSecurityGroupId().ifPresent(t -> b.targetsSecurityGroupId(t.output()));
        }
        if (checked.egressCidrBlocks() != null) {
            b.egress(egress);
        }
        b.registryAuth(launch.registryAuth().value());
        if (launch.registryAuth() == RegistryAuth.INSTANCE) {
            args.registryCredentialsKmsKeyArn().ifPresent(b::registryCredentialsKmsKeyArn);
            b.registryCredentials(checked.registryCredentials(), checked.containers().get(0).image().orElseThrow()
                    .output().applyValue(i -> ImageReference.parse(i).host()));
        }
        return b.build();
    }

    /**
     * The task definition the service runs after {@code pulumi up}: the one registered, or the program fails. With
     * com.pulumi:aws 6.x, {@code waitForSteadyState} waits like {@code aws ecs wait services-stable} (one deployment,
     * as many tasks running as desired), which a deployment the circuit breaker rolled back also reaches, and the update
     * succeeds (pulumi/pulumi-aws#4487; the provider's fix, which reads the deployment's state, is only in its v7
     * line). After the update the provider reads the service back (DescribeServices): a rolled-back service names
     * the previous task definition, so the two differ, and an error fails the update. In a preview the read-back is
     * unknown and nothing is checked.
     */
    private Output<String> rolledOut(Service service, TaskDefinition registered, Output<String> clusterName,
                                     AwsEnvironment env) {
        return Output.tuple(service.taskDefinition(), registered.arn(), clusterName, service.name()).applyValue(t -> {
            String running = t.t1.orElse(null);
            if (running != null && t.t2 != null && !running.equals(t.t2)) {
                EngineLog.error(this, owner, "ECS rolled the deployment of service " + t.t4 + " back: it runs "
                        + running + ", not " + t.t2 + ", which the circuit breaker stopped (its tasks failed to start "
                        + "or to become healthy). Why they stopped: aws ecs describe-services --region " + env.region()
                        + " --cluster " + t.t3 + " --services " + t.t4 + " --query 'services[0].events[:10].message', "
                        + "and aws ecs describe-tasks --region " + env.region() + " --cluster " + t.t3 + " --tasks "
                        + "$(aws ecs list-tasks --region " + env.region() + " --cluster " + t.t3 + " --service-name "
                        + t.t4 + " --desired-status STOPPED --query 'taskArns[0]' --output text) --query "
                        + "'tasks[0].[stoppedReason,containers[].reason]'. The next pulumi up deploys it again.");
            }
            return t.t2;
        });
    }

    /**
     * A load balancer's security group as this service's egress rule names it: counted with the outbound rules the
     * program's other services and load balancers add to it, refused past AWS's quota, and a warning near it.
     */
    private Output<String> countedEgressRule(Output<String> loadBalancerSecurityGroup, String name) {
        return loadBalancerSecurityGroup.applyValue(id -> {
            int rules = SecurityGroupRules.addOutbound(id);
            if (rules > Rules.SECURITY_GROUP_RULES) {
                throw new ArgsException(owner, List.of(new Problem("loadBalancer", "the load balancer's security group "
                        + id + " would hold " + rules + " outbound rules that this program adds (one per service, "
                        + "and a load balancer's own to its targets), but AWS allows " + Rules.SECURITY_GROUP_RULES
                        + " (" + Rules.SECURITY_GROUP_RULES_QUOTA_NAME + "); give the load balancer's targets' "
                        + "security group instead (ApplicationLoadBalancer#targetsSecurityGroupId()), which needs no "
                        + "rule per service")), false);
            }
            if (rules == (int) Math.ceil(Rules.SECURITY_GROUP_RULES * 0.8)) {
                EngineLog.warn(this, owner, "the load balancer's security group " + id + " holds " + rules
                        + " outbound rules that this program adds, one per service, of the " + Rules.SECURITY_GROUP_RULES
                        + " AWS allows (" + Rules.SECURITY_GROUP_RULES_QUOTA_NAME + "); give the load balancer's "
                        + "targets' security group instead (ApplicationLoadBalancer#targetsSecurityGroupId())");
            }
            return id;
        });
    }

    /** The log writes of the execution role, on exactly this log group's streams. */
    private static String logsPolicy(String logGroupArn) {
        return new PolicyDocument().allow("WriteLogs", TaskExecutionRole.LOG_ACTIONS,
                List.of(logGroupArn + ":log-stream:*"), Map.of()).toJson();
    }

    /**
     * The service's triggers: the current version of each app secret given as a plain ARN of the stack's region
     * (a rotation changes it, so {@code pulumi up} starts a new deployment), and the extra triggers. Secrets in other
     * regions, or created by the stack itself, are not looked up.
     */
    private Optional<Output<Map<String, String>>> triggers(EcsServiceArgs args, Checked checked,
                                                           AwsEnvironment env) {
        List<Output<Map.Entry<String, String>>> entries = new ArrayList<>();
        var options = InvokeOptions.builder().parent(this).build();
        if (args.redeployOnSecretRotation()) {
            var containers = args.containers();
            for (int i = 0; i < containers.size(); i++) {
                String prefix = i == 0 ? "secret-version-" : "secret-version-" + containers.get(i).name(false) + "-";
                new TreeMap<>(containers.get(i).appSecrets()).forEach((variable, valueFrom) -> valueFrom.plain()
                        .flatMap(Arn::parse).filter(arn -> arn.region().equals(env.region()))
                        .ifPresent(arn -> entries.add(currentVersion(arn, valueFrom.plain().get(), options)
                                .applyValue(v -> Map.entry(prefix + variable, v)))));
            }
        }
        new TreeMap<>(args.redeployTriggers()).forEach((trigger, value) ->
                entries.add(value.output().applyValue(v -> Map.entry(trigger, v))));
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Output.all(entries).applyValue(list -> {
            Map<String, String> triggers = new TreeMap<>();
            list.forEach(e -> triggers.put(e.getKey(), e.getValue()));
            return triggers;
        }));
    }

    private static Output<String> currentVersion(Arn arn, String reference, InvokeOptions options) {
        if (arn.service().equals("ssm")) {
            return SsmFunctions.getParameter(GetParameterArgs.builder().name(reference).withDecryption(false).build(),
                            options)
                    .applyValue(p -> String.valueOf(p.version()));
        }
        return SecretsmanagerFunctions.getSecretVersions(GetSecretVersionsArgs.builder()
                        .secretId(Arn.secretWithoutJsonKey(reference)).build(), options)
                .applyValue(r -> r.versions().stream()
                        .filter(v -> v.versionStages().contains("AWSCURRENT"))
                        .map(v -> v.versionId())
                        .findFirst().orElse("none"));
    }

    /** @return the created cluster; empty when an existing one was given */
    public Optional<Cluster> cluster() {
        return Optional.ofNullable(cluster);
    }

    /** @return the container instances; empty on Fargate */
    public Optional<Ec2Capacity> ec2Capacity() {
        return Optional.ofNullable(ec2Capacity);
    }

    /** @return the VPC endpoints' rule that admits the container instances; empty on Fargate, in bridge mode or without endpoints */
    public Optional<SecurityGroupIngressRule> instanceEndpointsIngress() {
        return Optional.ofNullable(instanceEndpointsIngress);
    }

    /** @return the association of the strategy's capacity providers with the created cluster, if any */
    public Optional<ClusterCapacityProviders> capacityProviders() {
        return Optional.ofNullable(capacityProviders);
    }

    /** @return the log group */
    public LogGroup logGroup() {
        return logGroup;
    }

    /** @return the log group of ECS Exec's sessions; empty without ECS Exec or on an existing cluster */
    public Optional<LogGroup> executeCommandLogGroup() {
        return Optional.ofNullable(executeCommandLogGroup);
    }

    /** @return the task role's permissions to log ECS Exec's sessions; empty without that log group */
    public Optional<RolePolicy> executeCommandPolicy() {
        return Optional.ofNullable(executeCommandPolicy);
    }

    /** @return the execution role's log writes on this log group; empty without {@code executionRoleName} */
    public Optional<RolePolicy> logsPolicy() {
        return Optional.ofNullable(logsPolicy);
    }

    /** @return the tasks' security group */
    public SecurityGroup securityGroup() {
        return securityGroup;
    }

    /** @return the load balancer's egress rule to these tasks; empty without a load balancer */
    public Optional<SecurityGroupEgressRule> loadBalancerEgress() {
        return Optional.ofNullable(loadBalancerEgress);
    }

    /** @return the VPC endpoints' rule that admits these tasks; empty without endpoints */
    public Optional<SecurityGroupIngressRule> endpointsIngress() {
        return Optional.ofNullable(endpointsIngress);
    }

    /** @return the task definition */
    public TaskDefinition taskDefinition() {
        return taskDefinition;
    }

    /** @return the ECS service */
    public Service service() {
        return service;
    }

    /** @return the autoscaling target, if any */
    public Optional<Target> scalingTarget() {
        return Optional.ofNullable(scalingTarget);
    }

    /** @return the autoscaling policy, if any */
    public Optional<Policy> scalingPolicy() {
        return Optional.ofNullable(scalingPolicy);
    }

    /** @return the cluster's name */
    public Output<String> clusterName() {
        return clusterName;
    }

    /** @return the cluster's ARN */
    public Output<String> clusterArn() {
        return clusterArn;
    }

    /** @return the service's name */
    public Output<String> serviceName() {
        return serviceName;
    }

    /** @return the task definition's ARN (with revision) */
    public Output<String> taskDefinitionArn() {
        return taskDefinitionArn;
    }

    /** @return the log group's name */
    public Output<String> logGroupName() {
        return logGroupName;
    }

    /** @return the tasks' security group's id */
    public Output<String> securityGroupId() {
        return securityGroupId;
    }
}
