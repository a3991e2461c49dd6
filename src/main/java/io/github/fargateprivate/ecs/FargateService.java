package io.github.fargateprivate.ecs;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
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
import com.pulumi.aws.ecs.ClusterArgs;
import com.pulumi.aws.ecs.Service;
import com.pulumi.aws.ecs.ServiceArgs;
import com.pulumi.aws.ecs.TaskDefinition;
import com.pulumi.aws.ecs.TaskDefinitionArgs;
import com.pulumi.aws.ecs.inputs.ClusterSettingArgs;
import com.pulumi.aws.ecs.inputs.ServiceDeploymentCircuitBreakerArgs;
import com.pulumi.aws.ecs.inputs.ServiceLoadBalancerArgs;
import com.pulumi.aws.ecs.inputs.ServiceNetworkConfigurationArgs;
import com.pulumi.aws.ecs.inputs.TaskDefinitionVolumeArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.github.fargateprivate.OrderedJson;
import io.github.fargateprivate.Rules;
import io.github.fargateprivate.arn.Arn;
import io.github.fargateprivate.registry.ImageReference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An ECS service on Fargate running one container behind a load balancer's target group.
 *
 * <p>The task is FARGATE/awsvpc with a valid cpu/memory pair; the one essential container has a read-only root file
 * system with a writable task volume at {@code /tmp}, an init process, a stop timeout, {@code awslogs} logging into a
 * log group with finite retention, {@code repositoryCredentials} when a credentials secret is given, and its secrets
 * as {@code secrets} ({@code valueFrom}). The tasks' security group admits only the load balancer's security group on
 * the container port. The service rolls out at 100 % minimum healthy / 200 % maximum with the deployment circuit
 * breaker on and rolling back. With {@code minCount}/{@code maxCount} an Application Auto Scaling target and a
 * CPU target-tracking policy manage the task count, and the service ignores drift of its desired count.
 *
 * <p>Children: {@code <name>-cluster}, {@code <name>-logs}, {@code <name>-task-sg}, {@code <name>-task},
 * {@code <name>-service} and, with autoscaling, {@code <name>-scaling-target} and {@code <name>-cpu-scaling}.
 */
public class FargateService extends ComponentResource {

    /** The Pulumi type token of this component. */
    public static final String TYPE = "fargate-private-registry:ecs:FargateService";
    /** Name of the writable task volume mounted at {@link #TMP_PATH}. */
    public static final String TMP_VOLUME = "tmp";
    /** Where the writable volume is mounted: Tomcat and the JVM write there. */
    public static final String TMP_PATH = "/tmp";
    /** Deployment minimum healthy percent: 100, so capacity never drops during a rollout. */
    public static final int MINIMUM_HEALTHY_PERCENT = 100;
    /** Deployment maximum percent: 200, so a full new set starts beside the old one. */
    public static final int MAXIMUM_PERCENT = 200;

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

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

    /**
     * Creates the cluster, log group, security group, task definition, service and optional autoscaling.
     *
     * @param name    the component's name; children are named from it
     * @param args    image, sizing, networking and rollout settings
     * @param options component options
     */
    public FargateService(String name, FargateServiceArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        validate(args);
        var childOptions = CustomResourceOptions.builder().parent(this).build();

        var cluster = new Cluster(name + "-cluster", ClusterArgs.builder()
                // Security Hub ECS.12: Container Insights on.
                .settings(ClusterSettingArgs.builder().name("containerInsights").value("enabled").build())
                .build(), childOptions);

        var logGroup = new LogGroup(name + "-logs", LogGroupArgs.builder()
                .retentionInDays(args.logRetentionDays())
                .build(), childOptions);

        var securityGroup = new SecurityGroup(name + "-task-sg", SecurityGroupArgs.builder()
                .description("Tasks of " + name + ": the load balancer only, on the container port")
                .vpcId(args.vpcId())
                .ingress(SecurityGroupIngressArgs.builder()
                        .description("From the load balancer")
                        .protocol("tcp").fromPort(args.containerPort()).toPort(args.containerPort())
                        .securityGroups(args.loadBalancerSecurityGroupId().applyValue(List::of))
                        .build())
                .egress(SecurityGroupEgressArgs.builder()
                        .description("Registry pulls, AWS APIs and the application's own calls")
                        .protocol("-1").fromPort(0).toPort(0).cidrBlocks("0.0.0.0/0")
                        .build())
                .build(), childOptions);

        // The log group's ARN carries the region awslogs must write to, so no region lookup is needed.
        Output<String> region = logGroup.arn().applyValue(a -> Arn.parse(a).map(Arn::region).orElseThrow());
        Output<Optional<String>> credentials = args.registryCredentialsArn()
                .map(o -> o.applyValue(Optional::of))
                .orElse(Output.of(Optional.empty()));
        Output<String> containerDefinitions = Output.tuple(logGroup.name(), region, credentials)
                .applyValue(t -> containerDefinitions(args, t.t1, t.t2, t.t3.orElse(null)));

        var taskArgs = TaskDefinitionArgs.builder()
                .family(args.family(name))
                .requiresCompatibilities("FARGATE")
                .networkMode("awsvpc")
                .cpu(String.valueOf(args.cpu()))
                .memory(String.valueOf(args.memory()))
                .executionRoleArn(args.executionRoleArn())
                .containerDefinitions(containerDefinitions)
                .volumes(TaskDefinitionVolumeArgs.builder().name(TMP_VOLUME).build());
        args.taskRoleArn().ifPresent(taskArgs::taskRoleArn);
        var taskDefinition = new TaskDefinition(name + "-task", taskArgs.build(), childOptions);

        boolean autoScaled = args.minCount().isPresent();
        int initialCount = autoScaled
                ? Math.max(args.minCount().get(), Math.min(args.maxCount().get(), args.desiredCount()))
                : args.desiredCount();
        var serviceArgs = ServiceArgs.builder()
                .cluster(cluster.arn())
                .taskDefinition(taskDefinition.arn())
                .launchType("FARGATE")
                .desiredCount(initialCount)
                .networkConfiguration(ServiceNetworkConfigurationArgs.builder()
                        .subnets(args.subnetIds())
                        .securityGroups(securityGroup.id().applyValue(List::of))
                        .assignPublicIp(args.assignPublicIp())
                        .build())
                .loadBalancers(ServiceLoadBalancerArgs.builder()
                        .targetGroupArn(args.targetGroupArn())
                        .containerName(args.containerName())
                        .containerPort(args.containerPort())
                        .build())
                .healthCheckGracePeriodSeconds(args.healthCheckGracePeriodSeconds())
                .deploymentMinimumHealthyPercent(MINIMUM_HEALTHY_PERCENT)
                .deploymentMaximumPercent(MAXIMUM_PERCENT)
                // A bad image or bad credentials roll back instead of retrying forever.
                .deploymentCircuitBreaker(ServiceDeploymentCircuitBreakerArgs.builder()
                        .enable(true).rollback(true).build())
                .propagateTags("SERVICE")
                .enableEcsManagedTags(true);
        args.redeployTriggers().ifPresent(triggers -> serviceArgs
                .triggers(triggers)
                // The provider redeploys on a trigger change only with forceNewDeployment (ServiceArgs#triggers).
                .forceNewDeployment(true));
        var serviceOptions = CustomResourceOptions.builder().parent(this);
        if (autoScaled) {
            // Autoscaling owns the count from now on; pulumi up must not reset it.
            serviceOptions.ignoreChanges("desiredCount");
        }
        var service = new Service(name + "-service", serviceArgs.build(), serviceOptions.build());

        if (autoScaled) {
            Output<String> resourceId = Output.format("service/%s/%s", cluster.name(), service.name());
            var target = new Target(name + "-scaling-target", TargetArgs.builder()
                    .serviceNamespace("ecs")
                    .scalableDimension("ecs:service:DesiredCount")
                    .resourceId(resourceId)
                    .minCapacity(args.minCount().get())
                    .maxCapacity(args.maxCount().get())
                    .build(), childOptions);
            new Policy(name + "-cpu-scaling", PolicyArgs.builder()
                    .policyType("TargetTrackingScaling")
                    .serviceNamespace(target.serviceNamespace())
                    .scalableDimension(target.scalableDimension())
                    .resourceId(target.resourceId())
                    .targetTrackingScalingPolicyConfiguration(PolicyTargetTrackingScalingPolicyConfigurationArgs.builder()
                            .predefinedMetricSpecification(
                                    PolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecificationArgs
                                            .builder().predefinedMetricType("ECSServiceAverageCPUUtilization").build())
                            .targetValue((double) args.cpuTargetPercent())
                            .build())
                    .build(), childOptions);
        }

        this.clusterName = cluster.name();
        this.clusterArn = cluster.arn();
        this.serviceName = service.name();
        this.taskDefinitionArn = taskDefinition.arn();
        this.logGroupName = logGroup.name();
        this.securityGroupId = securityGroup.id();
        registerOutputs(Map.of("clusterName", clusterName, "clusterArn", clusterArn, "serviceName", serviceName,
                "taskDefinitionArn", taskDefinitionArn, "logGroupName", logGroupName,
                "securityGroupId", securityGroupId));
    }

    /**
     * Creates the service with default component options.
     *
     * @param name the component's name
     * @param args image, sizing, networking and rollout settings
     */
    public FargateService(String name, FargateServiceArgs args) {
        this(name, args, ComponentResourceOptions.Empty);
    }

    private static void validate(FargateServiceArgs args) {
        try {
            ImageReference.parse(args.image());
        } catch (IllegalArgumentException e) {
            Rules.require("FargateServiceArgs.image", Optional.of(e.getMessage()));
        }
        Rules.require("FargateServiceArgs.containerPort", Rules.port(args.containerPort()));
        Rules.require("FargateServiceArgs.cpu/memory", FargateTaskSize.problem(args.cpu(), args.memory()));
        Rules.require("FargateServiceArgs.desiredCount", Rules.between(args.desiredCount(), 0, 5000));
        Rules.require("FargateServiceArgs.logRetentionDays", LogRetention.problem(args.logRetentionDays()));
        Rules.require("FargateServiceArgs.stopTimeoutSeconds",
                Rules.between(args.stopTimeoutSeconds(), 2, Rules.MAX_STOP_TIMEOUT_SECONDS));
        Rules.require("FargateServiceArgs.healthCheckGracePeriodSeconds",
                Rules.between(args.healthCheckGracePeriodSeconds(), 0, 2_147_483_647));
        if (args.minCount().isPresent() != args.maxCount().isPresent()) {
            throw new IllegalArgumentException("FargateServiceArgs.minCount/maxCount: set both or neither");
        }
        if (args.minCount().isPresent()) {
            Rules.require("FargateServiceArgs.minCount", Rules.between(args.minCount().get(), 0, 5000));
            Rules.require("FargateServiceArgs.maxCount", Rules.between(args.maxCount().get(), 1, 5000));
            if (args.minCount().get() > args.maxCount().get()) {
                throw new IllegalArgumentException("FargateServiceArgs.minCount: " + args.minCount().get()
                        + " is above maxCount " + args.maxCount().get());
            }
            Rules.require("FargateServiceArgs.cpuTargetPercent", Rules.between(args.cpuTargetPercent(), 1, 100));
        }
        for (String name : args.environment().keySet()) {
            Rules.require("FargateServiceArgs.environment", Rules.environmentName(name));
            Rules.require("FargateServiceArgs.environment", Rules.plainEnvironmentName(name)
                    .map(p -> p + "; pass it in secrets instead"));
            if (args.secrets().containsKey(name)) {
                throw new IllegalArgumentException("FargateServiceArgs.environment: '" + name
                        + "' is also in secrets; a variable comes from one or the other");
            }
        }
        for (var e : args.secrets().entrySet()) {
            Rules.require("FargateServiceArgs.secrets", Rules.environmentName(e.getKey()));
            Rules.require("FargateServiceArgs.secrets[" + e.getKey() + "]", secretReferenceProblem(e.getValue()));
        }
    }

    /**
     * Checks a {@code valueFrom} reference: a complete Secrets Manager ARN (optionally with a JSON-key suffix) or an
     * SSM parameter ARN.
     *
     * @param arn the reference
     * @return what is wrong, or empty
     */
    public static Optional<String> secretReferenceProblem(String arn) {
        Optional<Arn> parsed = Arn.parse(arn);
        if (parsed.isPresent() && parsed.get().service().equals("ssm")) {
            return Arn.parameterArnProblem(arn);
        }
        if (parsed.isPresent() && parsed.get().service().equals("secretsmanager")) {
            return Arn.secretArnProblem(arn, true);
        }
        return Optional.of("'" + arn + "' is neither a Secrets Manager secret ARN nor an SSM parameter ARN");
    }

    /**
     * The task's container definitions, built with Gson from typed values.
     *
     * @param args           the service args
     * @param logGroupName   the awslogs group
     * @param region         the awslogs region
     * @param credentialsArn the registry credentials secret, or null
     * @return the JSON array ECS takes
     */
    static String containerDefinitions(FargateServiceArgs args, String logGroupName, String region,
                                       String credentialsArn) {
        var c = new LinkedHashMap<String, Object>();
        c.put("name", args.containerName());
        c.put("image", args.image());
        c.put("essential", true);
        c.put("portMappings", List.of(OrderedJson.object(
                "containerPort", args.containerPort(), "hostPort", args.containerPort(), "protocol", "tcp")));
        if (credentialsArn != null) {
            c.put("repositoryCredentials", Map.of("credentialsParameter", credentialsArn));
        }
        c.put("environment", nameValues(args.environment(), "value"));
        c.put("secrets", nameValues(args.secrets(), "valueFrom"));
        // Security Hub ECS.5: read-only root file system; /tmp is a writable task volume.
        c.put("readonlyRootFilesystem", true);
        c.put("mountPoints", List.of(OrderedJson.object(
                "sourceVolume", TMP_VOLUME, "containerPath", TMP_PATH, "readOnly", false)));
        c.put("privileged", false);
        // An init process reaps zombies and forwards SIGTERM to the JVM.
        c.put("linuxParameters", Map.of("initProcessEnabled", true));
        c.put("stopTimeout", args.stopTimeoutSeconds());
        c.put("logConfiguration", OrderedJson.object("logDriver", "awslogs", "options", new TreeMap<>(Map.of(
                "awslogs-group", logGroupName,
                "awslogs-region", region,
                "awslogs-stream-prefix", args.containerName()))));
        return GSON.toJson(List.of(c));
    }

    private static List<Map<String, String>> nameValues(Map<String, String> values, String valueKey) {
        var list = new ArrayList<Map<String, String>>();
        new TreeMap<>(values).forEach((k, v) -> {
            var m = new LinkedHashMap<String, String>();
            m.put("name", k);
            m.put(valueKey, v);
            list.add(m);
        });
        return list;
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

    /** @return the tasks' security group */
    public Output<String> securityGroupId() {
        return securityGroupId;
    }
}
