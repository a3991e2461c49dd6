package io.github.fargateprivate.ecs;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.ResourceOptions;
import com.pulumi.resources.ResourceTransformation;
import io.github.fargateprivate.Problem;
import io.github.fargateprivate.RunAssertions;
import io.github.fargateprivate.ec2.NetworkArgs;
import io.github.fargateprivate.testing.OfflineMocks;
import io.github.fargateprivate.testing.OfflineRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.github.fargateprivate.Fixtures.DB_SECRET;
import static io.github.fargateprivate.Fixtures.GET_PARAMETER;
import static io.github.fargateprivate.Fixtures.GHCR_IMAGE;
import static io.github.fargateprivate.Fixtures.LB_SECURITY_GROUP;
import static io.github.fargateprivate.Fixtures.PARAMETER;
import static io.github.fargateprivate.Fixtures.PRIVATE_SUBNETS;
import static io.github.fargateprivate.Fixtures.REGISTRY_SECRET;
import static io.github.fargateprivate.Fixtures.SECRET_VERSIONS;
import static io.github.fargateprivate.Fixtures.TASK_ROLE;
import static io.github.fargateprivate.RunAssertions.containers;
import static io.github.fargateprivate.RunAssertions.keys;
import static io.github.fargateprivate.iam.ExecutionStatements.document;
import static io.github.fargateprivate.iam.ExecutionStatements.logGroup;
import static io.github.fargateprivate.iam.ExecutionStatements.writeLogs;
import static io.github.fargateprivate.testing.OfflineRun.block;
import static io.github.fargateprivate.testing.OfflineRun.blocks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FargateServiceTest {

    private static final String EXECUTION_ROLE = "arn:aws:iam::123456789012:role/exec";
    private static final String TARGET_GROUP =
            "arn:aws:elasticloadbalancing:eu-central-1:123456789012:targetgroup/app/0123456789abcdef";
    private static final String EXISTING_CLUSTER = "arn:aws:ecs:eu-central-1:123456789012:cluster/shared";
    /** What the mocks name the children of a component named {@code x}. */
    private static final String LOG_GROUP = "x-logs-1a2b3c4";
    private static final String CLUSTER = "x-cluster-1a2b3c4";
    private static final String SERVICE = "x-service-1a2b3c4";
    private static final String TASK_SG = "sg-0000000006707c347";
    private static final String KEY = "arn:aws:kms:eu-central-1:123456789012:key/11111111-2222-3333-4444-555555555555";

    /** A run and the component it created. */
    private record Created(OfflineRun run, FargateService component) {
    }

    /** @return args with every required field set: one container, the mocks' default network, an execution role */
    private static EcsServiceArgs.Builder required() {
        return FargateServiceArgs.builder()
                .network(NetworkArgs.builder().vpcId(OfflineMocks.DEFAULT_VPC)
                        .publicSubnetIds(OfflineMocks.DEFAULT_SUBNETS).build())
                .container(ContainerArgs.builder().image(GHCR_IMAGE).build())
                .executionRoleArn(EXECUTION_ROLE);
    }

    /**
     * @param options the component's options, made inside the program (a provider is a resource)
     */
    private static Created create(Consumer<EcsServiceArgs.Builder> configure, OfflineMocks mocks,
                                  Supplier<ComponentResourceOptions> options) {
        var component = new AtomicReference<FargateService>();
        var run = OfflineRun.of(ctx -> {
            var args = required();
            configure.accept(args);
            component.set(new FargateService("x", args.build(), options.get()));
        }, mocks);
        return new Created(run, component.get());
    }

    private static Created create(Consumer<EcsServiceArgs.Builder> configure) {
        return create(configure, new OfflineMocks(), () -> ComponentResourceOptions.Empty);
    }

    /** Runs a service named {@code x} from the required args as {@code configure} changes them. */
    private static OfflineRun run(Consumer<EcsServiceArgs.Builder> configure) {
        return create(configure).run();
    }

    private static OfflineRun ok(Consumer<EcsServiceArgs.Builder> configure) {
        return run(configure).ok();
    }

    private static void behindLoadBalancer(EcsServiceArgs.Builder a) {
        a.loadBalancer(Output.of(TARGET_GROUP), Output.of(LB_SECURITY_GROUP));
    }

    @Test
    void theLoadBalancersGroupTakesOneEgressRulePerServiceUpToItsQuotaWithoutATargetsGroup() {
        java.util.function.IntFunction<OfflineRun> services = count -> OfflineRun.of(ctx -> {
            for (int i = 1; i <= count; i++) {
                var args = required();
                behindLoadBalancer(args);
                new FargateService("s" + i, args.build());
            }
        }, new OfflineMocks());
        var sixty = services.apply(60).ok();
        assertEquals(60, sixty.mocks().ofType("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule").size());
        var run = services.apply(61);
        assertTrue(run.failure().contains("the load balancer's security group " + LB_SECURITY_GROUP + " would hold 61 "
                + "outbound rules that this program adds (one per service, and a load balancer's own to its targets), "
                + "but AWS allows 60 (Amazon VPC quotas, \"Inbound or outbound rules per security group\", "
                + "https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html); give the load balancer's "
                + "targets' security group instead (ApplicationLoadBalancer#targetsSecurityGroupId()), which needs no "
                + "rule per service"),
                run.failure());
    }

    @Test
    void theLoadBalancersOwnRuleCountsWithThoseOfServicesThatJoinItsGroup() {
        // A load balancer of this program joined by its group: its own rule to the targets and 60 services' are 61.
        java.util.function.IntFunction<OfflineRun> services = count -> OfflineRun.of(ctx -> {
            var alb = new io.github.fargateprivate.lb.ApplicationLoadBalancer("shared",
                    io.github.fargateprivate.lb.ApplicationLoadBalancerArgs.builder().network(NetworkArgs.builder()
                            .vpcId(OfflineMocks.DEFAULT_VPC).publicSubnetIds(OfflineMocks.DEFAULT_SUBNETS).build())
                            .build());
            for (int i = 1; i <= count; i++) {
                new FargateService("s" + i, required().loadBalancer(Output.of(TARGET_GROUP), alb.securityGroupId())
                        .build());
            }
        }, new OfflineMocks());
        services.apply(59).ok();
        assertTrue(services.apply(60).failure().contains("would hold 61 outbound rules that this program adds"));
    }

    @Test
    void withTheLoadBalancersTargetsGroupTheTasksCarryItAndNoEgressRuleIsAdded() {
        String targets = "sg-0aaaaaaaaaaaaaaaa";
        var run = ok(a -> a.loadBalancer(Output.of(TARGET_GROUP), Output.of(LB_SECURITY_GROUP), Output.of(targets)));
        assertEquals(List.of(), run.mocks().ofType("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule"));
        assertEquals(List.of(TASK_SG, targets), OfflineRun.block(run.inputs("x-service"), "networkConfiguration")
                .get("securityGroups"));
    }

    private static JsonObject json(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }

    private static JsonObject main(OfflineRun run) {
        var containers = containers(run, "x-task");
        assertEquals(1, containers.size());
        return containers.get(0);
    }

    // Container definitions

    @Test
    void mainContainerIsHardenedWithTheKeysOfVersionsBefore20InTheirOrder() {
        JsonObject c = main(ok(a -> { }));
        assertEquals(json("""
                {"name": "app", "image": "ghcr.io/acme/app:1.2.3", "essential": true,
                 "portMappings": [{"containerPort": 8080, "hostPort": 8080, "protocol": "tcp"}],
                 "environment": [], "secrets": [], "readonlyRootFilesystem": true,
                 "mountPoints": [{"sourceVolume": "tmp", "containerPath": "/tmp", "readOnly": false}],
                 "privileged": false, "linuxParameters": {"initProcessEnabled": true}, "stopTimeout": 30,
                 "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "x-logs-1a2b3c4",
                   "awslogs-region": "eu-central-1", "awslogs-stream-prefix": "app"}}}"""), c);
        assertEquals(List.of("name", "image", "essential", "portMappings", "environment", "secrets",
                "readonlyRootFilesystem", "mountPoints", "privileged", "linuxParameters", "stopTimeout",
                "logConfiguration"), keys(c));
    }

    @Test
    void sidecarGetsItsOwnVolumeLogPrefixAndOptionsButNoRepositoryCredentials() {
        var run = ok(a -> a.registryCredentialsArn(REGISTRY_SECRET)
                .container(ContainerArgs.builder().image(GHCR_IMAGE).name("web").port(3000)
                        .dependsOn("otel", "HEALTHY").build())
                .sidecar(ContainerArgs.builder().name("otel").image("otel/opentelemetry-collector:0.98.0")
                        .port(4317).essential(false)
                        .environment("OTEL_LOG_LEVEL", "info")
                        .appSecret("OTEL_API_KEY", DB_SECRET + ":apiKey::")
                        .command(List.of("--config", "/etc/otel.yaml"))
                        .entryPoint(List.of("/otelcol"))
                        .stopTimeoutSeconds(10)
                        .healthCheck(ContainerHealthCheckArgs.builder()
                                .command(List.of("CMD", "/healthcheck")).build())
                        .build()));
        var containers = containers(run, "x-task");
        assertEquals(2, containers.size());
        JsonObject web = containers.get(0);
        assertEquals("web", web.get("name").getAsString());
        assertEquals(json("{\"credentialsParameter\": \"" + REGISTRY_SECRET + "\"}"), web.get("repositoryCredentials"));
        assertEquals(JsonParser.parseString("[{\"containerName\": \"otel\", \"condition\": \"HEALTHY\"}]"),
                web.get("dependsOn"));
        assertEquals(json("""
                {"name": "otel", "image": "otel/opentelemetry-collector:0.98.0", "essential": false,
                 "portMappings": [{"containerPort": 4317, "hostPort": 4317, "protocol": "tcp"}],
                 "environment": [{"name": "OTEL_LOG_LEVEL", "value": "info"}],
                 "secrets": [{"name": "OTEL_API_KEY",
                   "valueFrom": "arn:aws:secretsmanager:eu-central-1:123456789012:secret:db-AbCdEf:apiKey::"}],
                 "readonlyRootFilesystem": true,
                 "mountPoints": [{"sourceVolume": "otel-tmp", "containerPath": "/tmp", "readOnly": false}],
                 "privileged": false, "linuxParameters": {"initProcessEnabled": true}, "stopTimeout": 10,
                 "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "x-logs-1a2b3c4",
                   "awslogs-region": "eu-central-1", "awslogs-stream-prefix": "otel"}},
                 "command": ["--config", "/etc/otel.yaml"], "entryPoint": ["/otelcol"],
                 "healthCheck": {"command": ["CMD", "/healthcheck"], "interval": 30, "timeout": 5, "retries": 3,
                   "startPeriod": 0}}"""), containers.get(1));
        assertEquals(List.of(Map.of("name", "tmp"), Map.of("name", "otel-tmp")), run.inputs("x-task").get("volumes"));
    }

    @Test
    void theMainContainerMayWaitForANonEssentialSidecarToComplete() {
        var containers = containers(ok(main(c -> c.dependsOn("migrate", "SUCCESS"))
                .andThen(a -> a.sidecar(ContainerArgs.builder().name("migrate").image("acme/migrate:1")
                        .essential(false).build()))), "x-task");
        assertEquals(JsonParser.parseString("[{\"containerName\": \"migrate\", \"condition\": \"SUCCESS\"}]"),
                containers.get(0).get("dependsOn"));
        assertFalse(containers.get(1).get("essential").getAsBoolean());
    }

    @Test
    void healthCheckCarriesEveryGivenValue() {
        JsonObject c = main(ok(a -> a.container(ContainerArgs.builder().image(GHCR_IMAGE)
                .healthCheck(ContainerHealthCheckArgs.builder()
                        .command(List.of("CMD-SHELL", "curl -f http://localhost:8080/ || exit 1"))
                        .intervalSeconds(10).timeoutSeconds(3).retries(5).startPeriodSeconds(60).build())
                .build())));
        assertEquals(json("""
                {"command": ["CMD-SHELL", "curl -f http://localhost:8080/ || exit 1"], "interval": 10, "timeout": 3,
                 "retries": 5, "startPeriod": 60}"""), c.get("healthCheck"));
        assertFalse(c.has("command"));
        assertFalse(c.has("entryPoint"));
        assertFalse(c.has("dependsOn"));
    }

    @Test
    void secretsReachTheContainerAsValueFromOnlyAndBothListsAreSortedByName() {
        JsonObject c = main(ok(a -> a.container(ContainerArgs.builder().image(GHCR_IMAGE)
                .environment("SPRING_PROFILES_ACTIVE", "prod").environment("JAVA_OPTS", "-Xmx256m")
                .appSecret("DB_URL", PARAMETER).appSecret("DB_PASSWORD", DB_SECRET + ":password::")
                .build())));
        assertEquals(JsonParser.parseString("""
                [{"name": "JAVA_OPTS", "value": "-Xmx256m"}, {"name": "SPRING_PROFILES_ACTIVE", "value": "prod"}]"""),
                c.get("environment"));
        assertEquals(JsonParser.parseString("[{\"name\": \"DB_PASSWORD\", \"valueFrom\": \"" + DB_SECRET
                + ":password::\"}, {\"name\": \"DB_URL\", \"valueFrom\": \"" + PARAMETER + "\"}]"), c.get("secrets"));
        c.getAsJsonArray("secrets").forEach(s -> assertEquals(Set.of("name", "valueFrom"),
                s.getAsJsonObject().keySet()));
    }

    @Test
    void environmentValuesFromOtherResourcesAreResolved() {
        JsonObject c = main(ok(a -> a.container(ContainerArgs.builder().image(Output.of(GHCR_IMAGE))
                .environment("BUCKET", Output.of("acme-assets")).build())));
        assertEquals(GHCR_IMAGE, c.get("image").getAsString());
        assertEquals(JsonParser.parseString("[{\"name\": \"BUCKET\", \"value\": \"acme-assets\"}]"),
                c.get("environment"));
    }

    @Test
    void stopTimeoutIsTheGivenOne() {
        assertEquals(120, main(ok(a -> a.container(ContainerArgs.builder().image(GHCR_IMAGE).stopTimeoutSeconds(120)
                .build()))).get("stopTimeout").getAsInt());
    }

    // Task definition

    @Test
    void taskDefinitionIsFargateAwsvpcWithTheSmallestSizeAndNothingOptional() {
        var task = ok(a -> { }).inputs("x-task");
        assertEquals("x", task.get("family"));
        assertEquals(List.of("FARGATE"), task.get("requiresCompatibilities"));
        assertEquals("awsvpc", task.get("networkMode"));
        assertEquals("256", task.get("cpu"));
        assertEquals("512", task.get("memory"));
        assertEquals(EXECUTION_ROLE, task.get("executionRoleArn"));
        assertEquals(List.of(Map.of("name", "tmp")), task.get("volumes"));
        for (String absent : List.of("taskRoleArn", "runtimePlatform", "ephemeralStorage", "tags")) {
            assertFalse(task.containsKey(absent), absent);
        }
    }

    @Test
    void familySizeArchitectureStorageAndTaskRoleAreTheGivenOnes() {
        var task = ok(a -> a.family("acme-prod").cpu(1024).memory(3072).cpuArchitecture(CpuArchitecture.ARM64)
                .launch(Launch.fargate().ephemeralStorageGiB(50)).taskRoleArn(TASK_ROLE)).inputs("x-task");
        assertEquals("acme-prod", task.get("family"));
        assertEquals("1024", task.get("cpu"));
        assertEquals("3072", task.get("memory"));
        assertEquals(Map.of("operatingSystemFamily", "LINUX", "cpuArchitecture", "ARM64"),
                block(task, "runtimePlatform"));
        assertEquals(Map.of("sizeInGib", 50.0), block(task, "ephemeralStorage"));
        assertEquals(TASK_ROLE, task.get("taskRoleArn"));
    }

    @Test
    void anExplicitX86ArchitectureIsWrittenToo() {
        assertEquals(Map.of("operatingSystemFamily", "LINUX", "cpuArchitecture", "X86_64"),
                block(ok(a -> a.cpuArchitecture(CpuArchitecture.X86_64)).inputs("x-task"), "runtimePlatform"));
    }

    @Test
    void ecsExecGivesEveryContainerWritableAgentDirectoriesAndTurnsItOnInTheService() {
        var run = ok(a -> a.enableExecuteCommand(true).taskRoleArn(TASK_ROLE)
                .sidecar(ContainerArgs.builder().name("otel").image("otel/opentelemetry-collector:0.98.0").build()));
        assertEquals(List.of("tmp", "app-ssm-lib", "app-ssm-log", "otel-tmp", "otel-ssm-lib", "otel-ssm-log"),
                blocks(run.inputs("x-task"), "volumes").stream().map(v -> v.get("name")).toList());
        var containers = containers(run, "x-task");
        assertEquals(JsonParser.parseString("""
                [{"sourceVolume": "tmp", "containerPath": "/tmp", "readOnly": false},
                 {"sourceVolume": "app-ssm-lib", "containerPath": "/var/lib/amazon", "readOnly": false},
                 {"sourceVolume": "app-ssm-log", "containerPath": "/var/log/amazon", "readOnly": false}]"""),
                containers.get(0).get("mountPoints"));
        assertEquals(JsonParser.parseString("""
                [{"sourceVolume": "otel-tmp", "containerPath": "/tmp", "readOnly": false},
                 {"sourceVolume": "otel-ssm-lib", "containerPath": "/var/lib/amazon", "readOnly": false},
                 {"sourceVolume": "otel-ssm-log", "containerPath": "/var/log/amazon", "readOnly": false}]"""),
                containers.get(1).get("mountPoints"));
        assertEquals(true, run.inputs("x-service").get("enableExecuteCommand"));
    }

    // Service

    @Test
    void serviceRollsOutSafelyOnLaunchTypeFargateAndWaitsForASteadyState() {
        var service = ok(a -> { }).inputs("x-service");
        assertEquals("FARGATE", service.get("launchType"));
        assertFalse(service.containsKey("capacityProviderStrategies"));
        assertEquals(true, service.get("waitForSteadyState"));
        assertEquals(2.0, service.get("desiredCount"));
        assertEquals(Map.of("enable", true, "rollback", true), block(service, "deploymentCircuitBreaker"));
        assertEquals(100.0, service.get("deploymentMinimumHealthyPercent"));
        assertEquals(200.0, service.get("deploymentMaximumPercent"));
        assertEquals("SERVICE", service.get("propagateTags"));
        assertEquals(true, service.get("enableEcsManagedTags"));
        assertEquals("arn:aws:ecs:eu-central-1:123456789012:cluster/" + CLUSTER, service.get("cluster"));
        assertEquals("arn:aws:ecs:eu-central-1:123456789012:task-definition/x:1",
                service.get("taskDefinition"));
        for (String absent : List.of("enableExecuteCommand", "healthCheckGracePeriodSeconds", "loadBalancers",
                "triggers", "forceNewDeployment", "tags")) {
            assertFalse(service.containsKey(absent), absent);
        }
    }

    @Test
    void tasksInPublicSubnetsGetAPublicIpAndTasksInPrivateOnesDoNot() {
        assertEquals(Map.of("subnets", OfflineMocks.DEFAULT_SUBNETS, "securityGroups", List.of(TASK_SG),
                "assignPublicIp", true), block(ok(a -> { }).inputs("x-service"), "networkConfiguration"));
        assertEquals(Map.of("subnets", PRIVATE_SUBNETS, "securityGroups", List.of(TASK_SG), "assignPublicIp", false),
                block(ok(a -> a.network(NetworkArgs.builder().vpcId(OfflineMocks.DEFAULT_VPC)
                        .publicSubnetIds(OfflineMocks.DEFAULT_SUBNETS).privateSubnetIds(PRIVATE_SUBNETS).build()))
                        .inputs("x-service"), "networkConfiguration"));
    }

    @Test
    void waitingForASteadyStateCanBeTurnedOff() {
        assertEquals(false, ok(a -> a.waitForSteadyState(false)).inputs("x-service").get("waitForSteadyState"));
    }

    @Test
    void behindALoadBalancerTheServiceRegistersTheMainContainerWithAGracePeriod() {
        var service = ok(FargateServiceTest::behindLoadBalancer).inputs("x-service");
        assertEquals(List.of(Map.of("targetGroupArn", TARGET_GROUP, "containerName", "app", "containerPort", 8080.0)),
                service.get("loadBalancers"));
        assertEquals(90.0, service.get("healthCheckGracePeriodSeconds"));
        assertEquals(240.0, ok(a -> {
            behindLoadBalancer(a);
            a.healthCheckGracePeriodSeconds(240);
        }).inputs("x-service").get("healthCheckGracePeriodSeconds"));
    }

    @Test
    void behindALoadBalancerTheTasksAdmitOnlyItOnTheMainPortAndItMayReachOnlyThem() {
        var run = ok(a -> {
            behindLoadBalancer(a);
            a.container(ContainerArgs.builder().image(GHCR_IMAGE).port(9000).build())
                    .sidecar(ContainerArgs.builder().name("otel").image("otel/collector:1").port(4317).build());
        });
        var sg = run.inputs("x-task-sg");
        assertEquals(OfflineMocks.DEFAULT_VPC, sg.get("vpcId"));
        assertEquals(List.of(Map.of("description", "From the load balancer", "protocol", "tcp", "fromPort", 9000.0,
                "toPort", 9000.0, "securityGroups", List.of(LB_SECURITY_GROUP))), sg.get("ingress"));
        assertEquals(List.of(Map.of("description", "Registry pulls, AWS APIs and the application's own calls",
                "protocol", "-1", "fromPort", 0.0, "toPort", 0.0, "cidrBlocks", List.of("0.0.0.0/0"))),
                sg.get("egress"));
        assertEquals(Map.of("description", "Load balancer to the tasks of x and their health checks",
                "securityGroupId", LB_SECURITY_GROUP, "referencedSecurityGroupId", TASK_SG,
                "ipProtocol", "tcp", "fromPort", 9000.0, "toPort", 9000.0), run.inputs("x-alb-egress"));
        assertEquals("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", run.mocks().named("x-alb-egress")
                .type());
    }

    @Test
    void restrictedTasksMayReachOnlyTheGivenBlocksOnHttps() {
        var expected = List.of(Map.of("description", "HTTPS to the allowed destinations only", "protocol", "tcp",
                "fromPort", 443.0, "toPort", 443.0, "cidrBlocks", List.of("10.0.0.0/16", "52.94.0.0/22")));
        assertEquals(expected, ok(a -> {
            behindLoadBalancer(a);
            a.taskEgressCidrBlocks(List.of("10.0.0.0/16", "52.94.0.0/22"));
        }).inputs("x-task-sg").get("egress"));
        assertEquals(expected, ok(a -> a.taskEgressCidrBlocks(Output.of(List.of("10.0.0.0/16", "52.94.0.0/22"))))
                .inputs("x-task-sg").get("egress"));
    }

    @Test
    void withoutALoadBalancerTheTasksAdmitNothing() {
        var run = ok(a -> { });
        assertFalse(run.inputs("x-task-sg").containsKey("ingress"));
        assertEquals("Tasks of x: no inbound traffic", run.inputs("x-task-sg").get("description"));
        assertFalse(run.names().contains("x-alb-egress"));
    }

    @Test
    void aCapacityProviderStrategyReplacesTheLaunchTypeAndIsAssociatedWithTheCreatedCluster() {
        var created = create(a -> a.launch(Launch.fargate().capacityProvider(CapacityProviderStrategy.fargate(1, 1)).capacityProvider(CapacityProviderStrategy.fargateSpot(3))));
        var run = created.run().ok();
        var service = run.inputs("x-service");
        assertFalse(service.containsKey("launchType"));
        assertEquals(List.of(Map.of("capacityProvider", "FARGATE", "base", 1.0, "weight", 1.0),
                        Map.of("capacityProvider", "FARGATE_SPOT", "base", 0.0, "weight", 3.0)),
                service.get("capacityProviderStrategies"));
        var association = run.mocks().named("x-capacity-providers");
        assertEquals("aws:ecs/clusterCapacityProviders:ClusterCapacityProviders", association.type());
        assertEquals(CLUSTER, association.inputs().get("clusterName"));
        assertEquals(List.of("FARGATE", "FARGATE_SPOT"), association.inputs().get("capacityProviders"));
        assertEquals(service.get("capacityProviderStrategies"),
                association.inputs().get("defaultCapacityProviderStrategies"));
        assertTrue(created.component().capacityProviders().isPresent());
    }

    /** Resource options are not sent to mocks; a transformation on the component sees its children's. */
    private static Map<String, ResourceOptions> childOptions(Consumer<EcsServiceArgs.Builder> configure) {
        Map<String, ResourceOptions> options = new ConcurrentHashMap<>();
        ResourceTransformation capture = t -> {
            options.put(t.resource().pulumiResourceName(), t.options());
            return Optional.empty();
        };
        create(configure, new OfflineMocks(), () -> ComponentResourceOptions.builder()
                .resourceTransformations(capture).build()).run().ok();
        return options;
    }

    private static Set<String> dependencies(ResourceOptions options) {
        return OfflineRun.value(options.getDependsOn()).stream().map(r -> r.pulumiResourceName())
                .collect(Collectors.toSet());
    }

    @Test
    void theServiceWaitsForTheCapacityProvidersOfTheCreatedCluster() {
        var withStrategy = childOptions(a -> a.launch(Launch.fargate().capacityProvider(CapacityProviderStrategy.fargateSpot(1))));
        assertEquals(Set.of("x-capacity-providers"), dependencies(withStrategy.get("x-service")));
        assertEquals(Set.of(), dependencies(childOptions(a -> { }).get("x-service")));
    }

    @Test
    void anAutoscaledServiceLeavesItsCountToAutoscalingAndAFixedOneDoesNot() {
        assertEquals(List.of("desiredCount"), childOptions(a -> a.autoScaling(AutoScalingArgs.builder().minCount(1)
                .maxCount(4).build())).get("x-service").getIgnoreChanges());
        assertEquals(List.of(), childOptions(a -> { }).get("x-service").getIgnoreChanges());
    }

    @Test
    void onAnExistingClusterNoClusterAndNoAssociationIsCreated() {
        var created = create(a -> a.clusterArn(EXISTING_CLUSTER)
                .launch(Launch.fargate().capacityProvider(CapacityProviderStrategy.fargateSpot(1))));
        var run = created.run().ok();
        assertFalse(run.names().contains("x-cluster"));
        assertFalse(run.names().contains("x-capacity-providers"));
        assertEquals(EXISTING_CLUSTER, run.inputs("x-service").get("cluster"));
        assertTrue(created.component().cluster().isEmpty());
        assertEquals("shared", OfflineRun.value(created.component().clusterName()));
        assertEquals(EXISTING_CLUSTER, OfflineRun.value(created.component().clusterArn()));
    }

    @Test
    void autoScalingOnAnExistingClusterNamesItsServiceByTheClusterNameInTheArn() {
        var run = ok(a -> a.clusterArn(Output.of(EXISTING_CLUSTER))
                .autoScaling(AutoScalingArgs.builder().minCount(1).maxCount(4).build()));
        assertEquals("service/shared/" + SERVICE, run.inputs("x-scaling-target").get("resourceId"));
        assertEquals("service/shared/" + SERVICE, run.inputs("x-cpu-scaling").get("resourceId"));
    }

    @Test
    void createdClusterHasContainerInsights() {
        assertEquals(List.of(Map.of("name", "containerInsights", "value", "enabled")),
                ok(a -> { }).inputs("x-cluster").get("settings"));
    }

    @Test
    void autoScalingTracksCpuBetweenTheBoundsAndTheFirstCountLiesWithinThem() {
        var run = ok(a -> a.desiredCount(6).autoScaling(AutoScalingArgs.builder().minCount(1).maxCount(4)
                .cpuTargetPercent(75).build()));
        String resourceId = "service/" + CLUSTER + "/" + SERVICE;
        assertEquals(Map.of("serviceNamespace", "ecs", "scalableDimension", "ecs:service:DesiredCount",
                "resourceId", resourceId, "minCapacity", 1.0, "maxCapacity", 4.0), run.inputs("x-scaling-target"));
        assertEquals(Map.of("policyType", "TargetTrackingScaling", "serviceNamespace", "ecs",
                "scalableDimension", "ecs:service:DesiredCount", "resourceId", resourceId,
                "targetTrackingScalingPolicyConfiguration", Map.of("predefinedMetricSpecification",
                        Map.of("predefinedMetricType", "ECSServiceAverageCPUUtilization"), "targetValue", 75.0)),
                run.inputs("x-cpu-scaling"));
        assertEquals(4.0, run.inputs("x-service").get("desiredCount"));
        assertEquals(3.0, ok(a -> a.desiredCount(0).autoScaling(AutoScalingArgs.builder().minCount(3).maxCount(5)
                .build())).inputs("x-service").get("desiredCount"));
        assertEquals(60.0, block(ok(a -> a.autoScaling(AutoScalingArgs.builder().minCount(1).maxCount(2).build()))
                .inputs("x-cpu-scaling"), "targetTrackingScalingPolicyConfiguration").get("targetValue"));
    }

    @Test
    void withTheExecutionRolesNameTheServiceGrantsItExactlyItsLogGroupsStreamsBeforeTheTaskStarts() {
        var created = create(a -> a.executionRoleName(Output.of("exec")));
        var run = created.run().ok();
        assertEquals(Map.of("role", "exec", "policy", document(writeLogs(logGroup(LOG_GROUP))).toString()),
                run.inputs("x-exec-logs"));
        assertEquals("aws:iam/rolePolicy:RolePolicy", run.mocks().named("x-exec-logs").type());
        assertEquals("x-exec-logs", created.component().logsPolicy().orElseThrow().pulumiResourceName());
        assertEquals(EXECUTION_ROLE, run.inputs("x-task").get("executionRoleArn"));
        List<String> order = run.mocks().registrations().stream().map(OfflineMocks.Registration::name).toList();
        assertTrue(order.indexOf("x-exec-logs") < order.indexOf("x-task"), "the task waits for its log writes: "
                + order);
    }

    @Test
    void withoutTheExecutionRolesNameTheRoleMustAllowTheLogWritesItself() {
        var created = create(a -> { });
        assertFalse(created.run().ok().names().contains("x-exec-logs"));
        assertTrue(created.component().logsPolicy().isEmpty());
    }

    @Test
    void aCustomerManagedKeyEncryptsTheLogGroup() {
        assertEquals(KEY, ok(a -> a.logKmsKeyArn(KEY)).inputs("x-logs").get("kmsKeyId"));
        assertEquals(KEY, ok(a -> a.logKmsKeyArn(Output.of(KEY))).inputs("x-logs").get("kmsKeyId"));
        assertFalse(ok(a -> { }).inputs("x-logs").containsKey("kmsKeyId"));
    }

    @Test
    void theLogGroupsKeyMustBeOfTheProvidersRegion() {
        String westKey = KEY.replace("eu-central-1", RunAssertions.WEST_REGION);
        var west = create(a -> a.logKmsKeyArn(westKey), new OfflineMocks(), RunAssertions::westProvider).run().ok();
        assertEquals(westKey, west.inputs("x-logs").get("kmsKeyId"));
        RunAssertions.refusedBeforeAnyResource(create(a -> a.logKmsKeyArn(KEY), new OfflineMocks(),
                RunAssertions::westProvider).run(), "logKmsKeyArn", "the key is in eu-central-1, but the log group is "
                + "in us-west-2; CloudWatch Logs uses a key of its own region");
    }

    @Test
    void logsAreKeptThirtyDaysUnlessToldOtherwise() {
        var created = create(a -> { });
        assertEquals(30.0, created.run().ok().inputs("x-logs").get("retentionInDays"));
        assertEquals(LOG_GROUP, OfflineRun.value(created.component().logGroupName()));
        assertEquals(365.0, ok(a -> a.logRetentionDays(365)).inputs("x-logs").get("retentionInDays"));
    }

    // Redeploy triggers

    @Test
    void currentVersionsOfAppSecretsInTheRegionTriggerANewDeployment() {
        var run = ok(a -> a.container(ContainerArgs.builder().image(GHCR_IMAGE)
                        .appSecret("DB_PASSWORD", DB_SECRET + ":password::").appSecret("DB_URL", PARAMETER).build())
                .sidecar(ContainerArgs.builder().name("otel").image("otel/collector:1")
                        .appSecret("API_KEY", DB_SECRET).build()));
        var service = run.inputs("x-service");
        assertEquals(Map.of("secret-version-DB_PASSWORD", OfflineMocks.SECRET_VERSION,
                "secret-version-DB_URL", String.valueOf(OfflineMocks.PARAMETER_VERSION),
                "secret-version-otel-API_KEY", OfflineMocks.SECRET_VERSION), service.get("triggers"));
        assertEquals(true, service.get("forceNewDeployment"));
        var versionLookups = run.mocks().calls().stream().filter(c -> c.token().equals(SECRET_VERSIONS)).toList();
        assertEquals(2, versionLookups.size());
        versionLookups.forEach(c -> assertEquals(DB_SECRET, c.args().get("secretId"), "without the JSON key"));
        var parameterLookups = run.mocks().calls().stream().filter(c -> c.token().equals(GET_PARAMETER)).toList();
        assertEquals(1, parameterLookups.size());
        assertEquals(PARAMETER, parameterLookups.get(0).args().get("name"));
        assertEquals(false, parameterLookups.get(0).args().get("withDecryption"));
    }

    @Test
    void secretsOfOtherRegionsAndOfOtherResourcesAreNotLookedUp() {
        var run = ok(a -> a.container(ContainerArgs.builder().image(GHCR_IMAGE)
                .appSecret("API_KEY", "arn:aws:secretsmanager:us-east-1:123456789012:secret:api-AbCdEf")
                .appSecret("DB_PASSWORD", Output.of(DB_SECRET)).build()));
        assertFalse(run.inputs("x-service").containsKey("triggers"));
        assertFalse(run.inputs("x-service").containsKey("forceNewDeployment"));
        assertFalse(run.mocks().invokes().contains(SECRET_VERSIONS));
    }

    @Test
    void rotationTriggersCanBeTurnedOffWhileExtraTriggersStay() {
        var run = ok(a -> a.container(ContainerArgs.builder().image(GHCR_IMAGE).appSecret("DB_URL", PARAMETER).build())
                .redeployOnSecretRotation(false)
                .redeployTrigger("config-version", Output.of("42")));
        assertEquals(Map.of("config-version", "42"), run.inputs("x-service").get("triggers"));
        assertEquals(true, run.inputs("x-service").get("forceNewDeployment"));
        assertFalse(run.mocks().invokes().contains(GET_PARAMETER));
    }

    // Children, tags, providers, previews

    @Test
    void childrenAreNamedFromTheComponentAndTheHandlesAreThem() {
        var created = create(a -> {
            behindLoadBalancer(a);
            a.autoScaling(AutoScalingArgs.builder().minCount(1).maxCount(4).build())
                    .launch(Launch.fargate().capacityProvider(CapacityProviderStrategy.fargate(0, 1)));
        });
        var run = created.run().ok();
        assertEquals(Set.of("x", "x-cluster", "x-capacity-providers", "x-logs", "x-task-sg", "x-alb-egress", "x-task",
                "x-service", "x-scaling-target", "x-cpu-scaling"), run.names());
        var component = created.component();
        assertEquals("x-cluster", component.cluster().orElseThrow().pulumiResourceName());
        assertEquals("x-alb-egress", component.loadBalancerEgress().orElseThrow().pulumiResourceName());
        assertEquals("x-scaling-target", component.scalingTarget().orElseThrow().pulumiResourceName());
        assertEquals("x-cpu-scaling", component.scalingPolicy().orElseThrow().pulumiResourceName());
        assertEquals(CLUSTER, OfflineRun.value(component.clusterName()));
        assertEquals(SERVICE, OfflineRun.value(component.serviceName()));
        assertEquals(TASK_SG, OfflineRun.value(component.securityGroupId()));
        assertEquals("arn:aws:ecs:eu-central-1:123456789012:task-definition/x:1",
                OfflineRun.value(component.taskDefinitionArn()));
        String parent = run.registrations().stream().filter(r -> r.name().equals("x")).findFirst().orElseThrow()
                .parentUrn();
        run.registrations().stream().filter(r -> r.name().startsWith("x-")).forEach(r ->
                assertTrue(r.parentUrn().endsWith(FargateService.TYPE + "::x"), r.name() + " under " + r.parentUrn()));
        assertTrue(parent.endsWith("pulumi:pulumi:Stack::test-project-test"), parent);
    }

    @Test
    void tagsReachEveryTaggableChild() {
        Map<String, String> tags = Map.of("team", "payments", "env", "prod");
        var run = ok(a -> {
            behindLoadBalancer(a);
            a.tags(tags).autoScaling(AutoScalingArgs.builder().minCount(1).maxCount(4).build())
                    .launch(Launch.fargate().capacityProvider(CapacityProviderStrategy.fargate(0, 1)));
        });
        assertEquals(Set.of("aws:appautoscaling/target:Target", "aws:cloudwatch/logGroup:LogGroup",
                        "aws:ec2/securityGroup:SecurityGroup", "aws:ecs/cluster:Cluster", "aws:ecs/service:Service",
                        "aws:ecs/taskDefinition:TaskDefinition",
                        "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule"),
                RunAssertions.assertTaggedEverywhere(run, tags));
    }

    @Test
    void withAnExplicitProviderEveryChildAndLookupUsesItsRegion() {
        String westSecret = "arn:aws:secretsmanager:us-west-2:123456789012:secret:db-AbCdEf";
        var run = create(a -> {
            a.container(ContainerArgs.builder().image(GHCR_IMAGE).appSecret("DB_PASSWORD", westSecret)
                    .appSecret("DB_URL", PARAMETER).build());
            a.autoScaling(AutoScalingArgs.builder().minCount(1).maxCount(2).build());
        }, new OfflineMocks(), RunAssertions::westProvider).run().ok();
        RunAssertions.assertEverythingUsesWest(run);
        assertEquals("us-west-2", main(run).getAsJsonObject("logConfiguration").getAsJsonObject("options")
                .get("awslogs-region").getAsString());
        assertEquals(Map.of("secret-version-DB_PASSWORD", OfflineMocks.SECRET_VERSION),
                run.inputs("x-service").get("triggers"), "the eu-central-1 parameter is of another region");
    }

    @Test
    void aPreviewWithUnknownOutputsRegistersTheSameResources() {
        Consumer<EcsServiceArgs.Builder> everything = a -> {
            behindLoadBalancer(a);
            a.container(ContainerArgs.builder().image(GHCR_IMAGE).appSecret("DB_URL", PARAMETER).build())
                    .sidecar(ContainerArgs.builder().name("otel").image("otel/collector:1").build())
                    .autoScaling(AutoScalingArgs.builder().minCount(1).maxCount(4).build())
                    .launch(Launch.fargate().capacityProvider(CapacityProviderStrategy.fargate(0, 1)))
                    .executionRoleName(Output.of("exec"))
                    .logKmsKeyArn(Output.of(KEY))
                    .taskEgressCidrBlocks(Output.of(List.of("10.0.0.0/8")))
                    .tags(Map.of("team", "payments"));
        };
        var update = create(everything).run().ok();
        var preview = create(everything, new OfflineMocks().unknownOutputs(), () -> ComponentResourceOptions.Empty)
                .run().ok();
        assertEquals(RunAssertions.resourceSet(update.mocks()), RunAssertions.resourceSet(preview.mocks()));
        assertEquals(11, update.mocks().registrations().size());
    }

    // Bad args

    private static Arguments bad(String field, String fragment, Consumer<EcsServiceArgs.Builder> configure) {
        return Arguments.of(field, fragment, configure);
    }

    private static Consumer<EcsServiceArgs.Builder> main(Consumer<ContainerArgs.Builder> configure) {
        return a -> {
            var c = ContainerArgs.builder().image(GHCR_IMAGE);
            configure.accept(c);
            a.container(c.build());
        };
    }

    private static Consumer<EcsServiceArgs.Builder> sidecar(Consumer<ContainerArgs.Builder> configure) {
        return a -> {
            var c = ContainerArgs.builder().name("side").image("otel/collector:1");
            configure.accept(c);
            a.sidecar(c.build());
        };
    }

    static Stream<Arguments> badArgs() {
        String spot = "Fargate Spot runs X86_64 tasks only";
        return Stream.of(
                bad("cpu", "memory 512 MiB pairs with cpu 256", a -> a.cpu(1024)),
                bad("memory", "cpu 256 pairs with memory 512, 1024, 2048 MiB", a -> a.memory(3000)),
                bad("cpu", "Fargate offers no cpu value 300", a -> a.cpu(300)),
                bad("capacityProviderStrategy", spot, a -> a.cpuArchitecture(CpuArchitecture.ARM64)
                        .launch(Launch.fargate().capacityProvider(CapacityProviderStrategy.fargate(1, 1)).capacityProvider(CapacityProviderStrategy.fargateSpot(1)))),
                bad("capacityProviderStrategy", "'EC2' is not one of [FARGATE, FARGATE_SPOT]",
                        a -> a.launch(Launch.fargate().capacityProvider(new CapacityProviderStrategy("EC2", 0, 1)))),
                bad("capacityProviderStrategy", "only one capacity provider may have a base",
                        a -> a.launch(Launch.fargate().capacityProvider(CapacityProviderStrategy.fargate(1, 1)).capacityProvider(new CapacityProviderStrategy("FARGATE_SPOT", 1, 1)))),
                bad("capacityProviderStrategy", "at least one capacity provider needs a weight above 0",
                        a -> a.launch(Launch.fargate().capacityProvider(CapacityProviderStrategy.fargate(1, 0)))),
                bad("capacityProviderStrategy", "names a capacity provider twice",
                        a -> a.launch(Launch.fargate().capacityProvider(CapacityProviderStrategy.fargateSpot(1)).capacityProvider(CapacityProviderStrategy.fargateSpot(2)))),
                bad("capacityProviderStrategy", "weight 1001 is outside 0-1000",
                        a -> a.launch(Launch.fargate().capacityProvider(CapacityProviderStrategy.fargateSpot(1001)))),
                bad("capacityProviderStrategy", "base 100001 is outside 0-100000",
                        a -> a.launch(Launch.fargate().capacityProvider(CapacityProviderStrategy.fargate(100001, 1)))),
                bad("ephemeralStorageGiB", "20 is outside 21-200", a -> a.launch(Launch.fargate().ephemeralStorageGiB(20))),
                bad("ephemeralStorageGiB", "201 is outside 21-200", a -> a.launch(Launch.fargate().ephemeralStorageGiB(201))),
                bad("desiredCount", "-1 is outside 0-5000", a -> a.desiredCount(-1)),
                bad("autoScaling.minCount", "5 is above maxCount 4",
                        a -> a.autoScaling(AutoScalingArgs.builder().minCount(5).maxCount(4).build())),
                bad("autoScaling.maxCount", "required: the most tasks",
                        a -> a.autoScaling(AutoScalingArgs.builder().minCount(1).build())),
                bad("autoScaling.cpuTargetPercent", "0 is outside 1-100",
                        a -> a.autoScaling(AutoScalingArgs.builder().minCount(1).maxCount(2).cpuTargetPercent(0)
                                .build())),
                bad("healthCheckGracePeriodSeconds", "-1 is outside", a -> a.healthCheckGracePeriodSeconds(-1)),
                bad("logRetentionDays", "13 is not a retention CloudWatch Logs accepts", a -> a.logRetentionDays(13)),
                bad("clusterArn", "'shared' is not an ECS cluster ARN", a -> a.clusterArn("shared")),
                bad("family", "'acme.prod' is not a task definition family (1-255 letters, digits, '-', '_')",
                        a -> a.family("acme.prod")),
                bad("family", "is not a task definition family", a -> a.family("f".repeat(256))),
                bad("enableExecuteCommand", "ECS Exec needs a task role", a -> a.enableExecuteCommand(true)),
                bad("registryCredentialsArn", "is neither a secret ARN nor a secret name",
                        a -> a.registryCredentialsArn("registry credentials")),
                bad("network.vpcId", "'vpc-1' is not a VPC id", a -> a.network(NetworkArgs.builder().vpcId("vpc-1")
                        .publicSubnetIds(OfflineMocks.DEFAULT_SUBNETS).build())),
                bad("network.publicSubnetIds", "needs at least two subnets", a -> a.network(NetworkArgs.builder()
                        .vpcId(OfflineMocks.DEFAULT_VPC).publicSubnetIds(List.of("subnet-0a0a0a0a0a0a0a0a0")).build())),
                bad("container.image", "has an invalid repository path component 'Acme'",
                        main(c -> c.image("ghcr.io/Acme/app:1"))),
                bad("container.port", "0 is not a TCP port", main(c -> c.port(0))),
                bad("container.essential", "the main container is always essential", main(c -> c.essential(false))),
                bad("container.name", "'my app' is not a container name", main(c -> c.name("my app"))),
                bad("container.stopTimeoutSeconds", "121 is outside 2-120", main(c -> c.stopTimeoutSeconds(121))),
                bad("container.stopTimeoutSeconds", "1 is outside 2-120", main(c -> c.stopTimeoutSeconds(1))),
                bad("container.environment", "'DB_PASSWORD' looks like a secret",
                        main(c -> c.environment("DB_PASSWORD", "hunter2"))),
                bad("container.environment", "'DB_URL' is also in appSecrets",
                        main(c -> c.environment("DB_URL", "x").appSecret("DB_URL", PARAMETER))),
                bad("container.appSecrets.DB", "", main(c -> c.appSecret("DB", "hunter2"))),
                bad("container.healthCheck.command", "must start with CMD or CMD-SHELL",
                        main(c -> c.healthCheck(ContainerHealthCheckArgs.builder().command(List.of("curl")).build()))),
                bad("container.dependsOn", "'STARTED' is not one of [START, COMPLETE, SUCCESS, HEALTHY]",
                        main(c -> c.dependsOn("side", "STARTED")).andThen(sidecar(s -> { }))),
                bad("container.dependsOn", "'db' is not another container of the task",
                        main(c -> c.dependsOn("db", "START"))),
                bad("container.dependsOn", "'side' has no health check",
                        main(c -> c.dependsOn("side", "HEALTHY")).andThen(sidecar(s -> { }))),
                bad("sidecars[0].dependsOn", "'app' is essential, and ECS refuses COMPLETE",
                        sidecar(s -> s.dependsOn("app", "COMPLETE"))),
                bad("container.dependsOn", "'side' is essential, and ECS refuses COMPLETE or SUCCESS",
                        main(c -> c.dependsOn("side", "SUCCESS")).andThen(sidecar(s -> { }))),
                bad("sidecars[0].name", "required for a sidecar", a -> a.sidecar(ContainerArgs.builder()
                        .image("otel/collector:1").build())),
                bad("sidecars[0].name", "'app' is the name of another container", sidecar(s -> s.name("app"))),
                bad("sidecars[0].image", "required: the image to run", a -> a.sidecar(ContainerArgs.builder()
                        .name("side").build())),
                bad("network", "required: the VPC and subnets of the tasks", a -> a.network(Optional.empty())),
                bad("taskEgressCidrBlocks", "empty, so the tasks could reach nothing, not even the registry; leave it "
                        + "unset to allow anywhere", a -> a.taskEgressCidrBlocks(List.of())),
                bad("taskEgressCidrBlocks", "'0.0.0.0' is not an IPv4 CIDR block (e.g. 10.0.0.0/16)",
                        a -> a.taskEgressCidrBlocks(List.of("10.0.0.0/8", "0.0.0.0"))),
                bad("logKmsKeyArn", "'arn:aws:kms:eu-central-1:123456789012:alias/logs' is an alias ARN; use the key "
                        + "ARN it points to", a -> a.logKmsKeyArn("arn:aws:kms:eu-central-1:123456789012:alias/logs")),
                bad("logKmsKeyArn", "the key is in us-east-1, but the log group is in eu-central-1",
                        a -> a.logKmsKeyArn(KEY.replace("eu-central-1", "us-east-1"))));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badArgs")
    void badArgsAreRefusedUnderTheirFieldBeforeAnyAwsResource(String field, String fragment,
                                                             Consumer<EcsServiceArgs.Builder> configure) {
        RunAssertions.refusedBeforeAnyResource(run(configure), field, fragment);
    }

    @Test
    void argsWithNothingSetNameEveryRequiredField() {
        var run = OfflineRun.of(ctx -> new FargateService("x", FargateServiceArgs.builder().build()),
                new OfflineMocks());
        assertEquals(List.of("container", "executionRoleArn", "network"),
                RunAssertions.problems(run).stream().map(Problem::field).toList());
        RunAssertions.refusedBeforeAnyResource(run, "container", "required: the main container");
    }

    @Test
    void aComponentNameThatCannotNameEcsResourcesIsRefused() {
        var run = OfflineRun.of(ctx -> new FargateService("web.prod", required().family("web-prod").build()),
                new OfflineMocks());
        RunAssertions.refusedBeforeAnyResource(run, "name", "'web.prod' cannot name ECS resources: the service, a "
                + "created cluster and the default task definition family are named from it");
    }

    @Test
    void refusedSizesAndRetentionsComeWithTheValueThatFixesThem() {
        assertEquals("256", RunAssertions.problem(run(a -> a.cpu(1024)), "cpu", "").suggested());
        assertEquals("2048", RunAssertions.problem(run(a -> a.memory(3000)), "memory", "").suggested());
        assertEquals("14", RunAssertions.problem(run(a -> a.logRetentionDays(13)), "logRetentionDays", "")
                .suggested());
        assertEquals("4", RunAssertions.problem(run(a -> a.autoScaling(AutoScalingArgs.builder().minCount(5)
                .maxCount(4).build())), "autoScaling.minCount", "").suggested());
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        var run = run(a -> a.cpu(1024).logRetentionDays(13).desiredCount(-1).network(Optional.empty())
                .container(ContainerArgs.builder().image("ghcr.io/Acme/app:1").port(0).build())
                .sidecar(ContainerArgs.builder().image("otel/collector:1").build()));
        assertEquals(List.of("container.image", "container.port", "sidecars[0].name", "cpu", "desiredCount",
                        "logRetentionDays", "network"),
                RunAssertions.problems(run).stream().map(Problem::field).toList());
        assertTrue(run.failure().contains("FargateService 'x' has 7 problems; no AWS resource was registered:"),
                run.failure());
        assertEquals(List.of(), run.mocks().awsResources());
    }

    @Test
    void valuesOfOtherResourcesAreCheckedWhenKnownWithTheMessageOfAPlainValue() {
        String upperCase = "ghcr.io/Acme/app:1";
        Problem plain = RunAssertions.problem(run(main(c -> c.image(upperCase))), "container.image", "'Acme'");
        var run = run(main(c -> c.image(Output.of(upperCase))));
        Problem later = RunAssertions.problem(run, "container.image", "'Acme'");
        assertEquals(plain.message(), later.message());
        assertTrue(run.failure().contains("FargateService 'x' has 1 problem in a value of another resource:"),
                run.failure());

        String badCluster = "arn:aws:ecs:eu-central-1:123456789012:service/shared";
        assertEquals(RunAssertions.problem(run(a -> a.clusterArn(badCluster)), "clusterArn", "").message(),
                RunAssertions.problem(run(a -> a.clusterArn(Output.of(badCluster))), "clusterArn", "").message());
        assertEquals(RunAssertions.problem(run(a -> a.taskEgressCidrBlocks(List.of("10.0.0.1/8"))),
                        "taskEgressCidrBlocks", "").message(),
                RunAssertions.problem(run(a -> a.taskEgressCidrBlocks(Output.of(List.of("10.0.0.1/8")))),
                        "taskEgressCidrBlocks", "").message());
        assertEquals(RunAssertions.problem(run(a -> a.logKmsKeyArn("logs")), "logKmsKeyArn", "").message(),
                RunAssertions.problem(run(a -> a.logKmsKeyArn(Output.of("logs"))), "logKmsKeyArn", "").message());
        assertEquals(RunAssertions.problem(run(main(c -> c.appSecret("DB", "db"))), "container.appSecrets.DB", "")
                        .message(),
                RunAssertions.problem(run(main(c -> c.appSecret("DB", Output.of("db")))), "container.appSecrets.DB",
                        "").message());
    }
}
