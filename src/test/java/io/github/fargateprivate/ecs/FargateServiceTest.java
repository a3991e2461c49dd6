package io.github.fargateprivate.ecs;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.core.Output;
import io.github.fargateprivate.Harness;
import io.github.fargateprivate.plan.OfflineMocks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.github.fargateprivate.Harness.block;
import static io.github.fargateprivate.Harness.onlyBlock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FargateServiceTest {

    private static final String IMAGE = "ghcr.io/acme/app:1.2.3";
    private static final String LB_SECURITY_GROUP = "sg-0123456789abcdef0";
    private static final String TARGET_GROUP =
            "arn:aws:elasticloadbalancing:eu-central-1:123456789012:targetgroup/app/0123456789abcdef";
    private static final String EXECUTION_ROLE = "arn:aws:iam::123456789012:role/exec";
    private static final String CREDENTIALS =
            "arn:aws:secretsmanager:eu-central-1:123456789012:secret:registry-AbCdEf";
    private static final String DB_SECRET =
            "arn:aws:secretsmanager:eu-central-1:123456789012:secret:db-123456:password::";
    private static final String PARAMETER = "arn:aws:ssm:eu-central-1:123456789012:parameter/prod/db-url";
    /** What the mocks name the children of a component named {@code x}. */
    private static final String LOG_GROUP = "x-logs-1a2b3c4";
    private static final String CLUSTER = "x-cluster-1a2b3c4";
    private static final String SERVICE = "x-service-1a2b3c4";
    private static final String TARGET_TYPE = "aws:appautoscaling/target:Target";
    private static final String POLICY_TYPE = "aws:appautoscaling/policy:Policy";

    /** A run and the component it created. */
    private record Service(Harness.Run run, FargateService component) {
        Map<String, Object> inputs(String child) {
            return run.inputs("x-" + child);
        }

        /** @return the one container definition, after asserting there is exactly one */
        JsonObject container() {
            JsonArray definitions = run.json("x-task", "containerDefinitions").getAsJsonArray();
            assertEquals(1, definitions.size());
            return definitions.get(0).getAsJsonObject();
        }
    }

    /** @return args with every required field set, for {@code configure} to change */
    private static FargateServiceArgs.Builder defaults() {
        return FargateServiceArgs.builder()
                .vpcId(Output.of(OfflineMocks.DEFAULT_VPC))
                .subnetIds(Output.of(OfflineMocks.DEFAULT_SUBNETS))
                .loadBalancerSecurityGroupId(Output.of(LB_SECURITY_GROUP))
                .targetGroupArn(Output.of(TARGET_GROUP))
                .image(IMAGE)
                .executionRoleArn(Output.of(EXECUTION_ROLE));
    }

    /** Creates a service named {@code x} from the default args as {@code configure} changes them. */
    private static Service service(Consumer<FargateServiceArgs.Builder> configure, OfflineMocks mocks) {
        var created = Harness.create(() -> {
            var args = defaults();
            configure.accept(args);
            return new FargateService("x", args.build());
        }, mocks);
        return new Service(created.run(), created.component());
    }

    private static Service ok(Consumer<FargateServiceArgs.Builder> configure) {
        var service = service(configure, new OfflineMocks());
        service.run().ok();
        return service;
    }

    private static JsonElement json(String text) {
        return JsonParser.parseString(text);
    }

    @Test
    void oneEssentialContainerWithTheImageAndPort() {
        JsonObject c = ok(a -> { }).container();
        assertEquals("app", c.get("name").getAsString());
        assertEquals(IMAGE, c.get("image").getAsString());
        assertTrue(c.get("essential").getAsBoolean());
        assertEquals(json("[{\"containerPort\":8080,\"hostPort\":8080,\"protocol\":\"tcp\"}]"), c.get("portMappings"));
    }

    @Test
    void containerNameAndPortAreConfigurable() {
        var s = ok(a -> a.containerName("web").containerPort(3000));
        JsonObject c = s.container();
        assertEquals("web", c.get("name").getAsString());
        assertEquals(json("[{\"containerPort\":3000,\"hostPort\":3000,\"protocol\":\"tcp\"}]"), c.get("portMappings"));
        assertEquals("web", c.getAsJsonObject("logConfiguration").getAsJsonObject("options")
                .get("awslogs-stream-prefix").getAsString());
        var lb = onlyBlock(s.inputs("service"), "loadBalancers");
        assertEquals("web", lb.get("containerName"));
        assertEquals(3000.0, lb.get("containerPort"));
        assertEquals(3000.0, onlyBlock(s.inputs("task-sg"), "ingress").get("fromPort"));
    }

    @Test
    void repositoryCredentialsPointAtTheGivenSecret() {
        JsonObject c = ok(a -> a.registryCredentialsArn(Output.of(CREDENTIALS))).container();
        assertEquals(json("{\"credentialsParameter\":\"" + CREDENTIALS + "\"}"), c.get("repositoryCredentials"));
    }

    @Test
    void noRepositoryCredentialsWithoutASecret() {
        assertFalse(ok(a -> { }).container().has("repositoryCredentials"));
    }

    @Test
    void logsGoToTheLogGroupInTheMocksRegion() {
        var s = ok(a -> { });
        assertEquals(json("{\"logDriver\":\"awslogs\",\"options\":{\"awslogs-group\":\"" + LOG_GROUP
                        + "\",\"awslogs-region\":\"eu-central-1\",\"awslogs-stream-prefix\":\"app\"}}"),
                s.container().get("logConfiguration"));
        assertEquals(LOG_GROUP, Harness.value(s.component().logGroupName()));
    }

    @Test
    void logRegionFollowsTheStacksRegion() {
        var s = service(a -> { }, new OfflineMocks("ap-southeast-2"));
        s.run().ok();
        assertEquals("ap-southeast-2", s.container().getAsJsonObject("logConfiguration")
                .getAsJsonObject("options").get("awslogs-region").getAsString());
    }

    @Test
    void containerIsHardened() {
        JsonObject c = ok(a -> { }).container();
        assertTrue(c.get("readonlyRootFilesystem").getAsBoolean());
        assertEquals(json("[{\"sourceVolume\":\"tmp\",\"containerPath\":\"/tmp\",\"readOnly\":false}]"),
                c.get("mountPoints"));
        assertEquals(json("{\"initProcessEnabled\":true}"), c.get("linuxParameters"));
        assertEquals(30, c.get("stopTimeout").getAsInt());
        assertFalse(c.get("privileged").getAsBoolean());
    }

    @Test
    void stopTimeoutIsConfigurableUpTo120() {
        assertEquals(120, ok(a -> a.stopTimeoutSeconds(120)).container().get("stopTimeout").getAsInt());
    }

    @Test
    void environmentAndSecretsAreRenderedSortedByName() {
        JsonObject c = ok(a -> a.environment(Map.of("SPRING_PROFILES_ACTIVE", "prod", "JAVA_OPTS", "-Xmx256m"))
                .secrets(Map.of("DB_URL", PARAMETER, "DB_PASSWORD", DB_SECRET))).container();
        assertEquals(json("[{\"name\":\"JAVA_OPTS\",\"value\":\"-Xmx256m\"},"
                + "{\"name\":\"SPRING_PROFILES_ACTIVE\",\"value\":\"prod\"}]"), c.get("environment"));
        assertEquals(json("[{\"name\":\"DB_PASSWORD\",\"valueFrom\":\"" + DB_SECRET + "\"},"
                + "{\"name\":\"DB_URL\",\"valueFrom\":\"" + PARAMETER + "\"}]"), c.get("secrets"));
    }

    @Test
    void noEnvironmentOrSecretsByDefault() {
        JsonObject c = ok(a -> { }).container();
        assertEquals(new JsonArray(), c.get("environment"));
        assertEquals(new JsonArray(), c.get("secrets"));
    }

    @Test
    void taskDefinitionIsFargateAwsvpcWithTheSmallestSize() {
        var task = ok(a -> { }).inputs("task");
        assertEquals("x", task.get("family"));
        assertEquals(List.of("FARGATE"), task.get("requiresCompatibilities"));
        assertEquals("awsvpc", task.get("networkMode"));
        assertEquals("256", task.get("cpu"));
        assertEquals("512", task.get("memory"));
        assertEquals(EXECUTION_ROLE, task.get("executionRoleArn"));
        assertEquals(List.of(Map.of("name", "tmp")), task.get("volumes"));
        assertFalse(task.containsKey("taskRoleArn"));
    }

    @Test
    void sizeAndTaskRoleAreConfigurable() {
        var task = ok(a -> a.cpu(1024).memory(3072).taskRoleArn(Output.of("arn:aws:iam::123456789012:role/app")))
                .inputs("task");
        assertEquals("1024", task.get("cpu"));
        assertEquals("3072", task.get("memory"));
        assertEquals("arn:aws:iam::123456789012:role/app", task.get("taskRoleArn"));
    }

    @Test
    void clusterHasContainerInsights() {
        assertEquals(Map.of("name", "containerInsights", "value", "enabled"),
                onlyBlock(ok(a -> { }).inputs("cluster"), "settings"));
    }

    @Test
    void logGroupKeepsLogsFor30DaysByDefault() {
        assertEquals(30.0, ok(a -> { }).inputs("logs").get("retentionInDays"));
        assertEquals(365.0, ok(a -> a.logRetentionDays(365)).inputs("logs").get("retentionInDays"));
    }

    @Test
    void tasksAdmitOnlyTheLoadBalancerOnTheContainerPort() {
        var sg = ok(a -> { }).inputs("task-sg");
        assertEquals(OfflineMocks.DEFAULT_VPC, sg.get("vpcId"));
        var ingress = onlyBlock(sg, "ingress");
        assertEquals("tcp", ingress.get("protocol"));
        assertEquals(8080.0, ingress.get("fromPort"));
        assertEquals(8080.0, ingress.get("toPort"));
        assertEquals(List.of(LB_SECURITY_GROUP), ingress.get("securityGroups"));
        assertFalse(ingress.containsKey("cidrBlocks"));
        assertFalse(ingress.containsKey("ipv6CidrBlocks"));
    }

    @Test
    void serviceRollsOutSafely() {
        var s = ok(a -> { });
        var service = s.inputs("service");
        assertEquals("FARGATE", service.get("launchType"));
        assertEquals(2.0, service.get("desiredCount"));
        assertEquals(Map.of("enable", true, "rollback", true), block(service, "deploymentCircuitBreaker"));
        assertEquals(100.0, service.get("deploymentMinimumHealthyPercent"));
        assertEquals(200.0, service.get("deploymentMaximumPercent"));
        assertEquals(90.0, service.get("healthCheckGracePeriodSeconds"));
        assertEquals("arn:aws:ecs:eu-central-1:123456789012:cluster/" + CLUSTER, service.get("cluster"));
        assertEquals("arn:aws:ecs:eu-central-1:123456789012:task-definition/x-task-1a2b3c4:1",
                service.get("taskDefinition"));
        assertFalse(service.containsKey("triggers"));
    }

    @Test
    void serviceRunsInTheGivenSubnetsWithTheTaskSecurityGroupAndNoPublicIp() {
        var s = ok(a -> { });
        var network = block(s.inputs("service"), "networkConfiguration");
        assertEquals(OfflineMocks.DEFAULT_SUBNETS, network.get("subnets"));
        assertEquals(List.of(Harness.value(s.component().securityGroupId())), network.get("securityGroups"));
        assertEquals(false, network.get("assignPublicIp"));
    }

    @Test
    void publicIpOnlyWhenAsked() {
        assertEquals(true, block(ok(a -> a.assignPublicIp(true)).inputs("service"), "networkConfiguration")
                .get("assignPublicIp"));
    }

    @Test
    void serviceRegistersTheContainerInTheTargetGroup() {
        assertEquals(Map.of("targetGroupArn", TARGET_GROUP, "containerName", "app", "containerPort", 8080.0),
                onlyBlock(ok(a -> { }).inputs("service"), "loadBalancers"));
    }

    @Test
    void redeployTriggersBecomeTheServicesTriggers() {
        assertEquals(Map.of("secret-version-DB", "v1"),
                ok(a -> a.redeployTriggers(Output.of(Map.of("secret-version-DB", "v1")))).inputs("service")
                        .get("triggers"));
    }

    @Test
    void autoScalingTracksCpuBetweenTheBounds() {
        var s = ok(a -> a.autoScaling(1, 4, null));
        String resourceId = "service/" + CLUSTER + "/" + SERVICE;
        var targets = s.run().mocks().ofType(TARGET_TYPE);
        assertEquals(1, targets.size());
        var target = targets.get(0).inputs();
        assertEquals("x-scaling-target", targets.get(0).name());
        assertEquals(1.0, target.get("minCapacity"));
        assertEquals(4.0, target.get("maxCapacity"));
        assertEquals("ecs:service:DesiredCount", target.get("scalableDimension"));
        assertEquals("ecs", target.get("serviceNamespace"));
        assertEquals(resourceId, target.get("resourceId"));

        var policies = s.run().mocks().ofType(POLICY_TYPE);
        assertEquals(1, policies.size());
        var policy = policies.get(0).inputs();
        assertEquals("x-cpu-scaling", policies.get(0).name());
        assertEquals("TargetTrackingScaling", policy.get("policyType"));
        assertEquals("ecs", policy.get("serviceNamespace"));
        assertEquals("ecs:service:DesiredCount", policy.get("scalableDimension"));
        assertEquals(resourceId, policy.get("resourceId"));
        assertEquals(Map.of("predefinedMetricSpecification",
                        Map.of("predefinedMetricType", "ECSServiceAverageCPUUtilization"), "targetValue", 60.0),
                block(policy, "targetTrackingScalingPolicyConfiguration"));
        assertEquals(2.0, s.inputs("service").get("desiredCount"), "the default count lies within the bounds");
    }

    @Test
    void autoScalingTargetIsConfigurableAndTheInitialCountStaysWithinTheBounds() {
        var s = ok(a -> a.desiredCount(6).autoScaling(1, 4, 75));
        assertEquals(75.0, block(s.run().mocks().ofType(POLICY_TYPE).get(0).inputs(),
                "targetTrackingScalingPolicyConfiguration").get("targetValue"));
        assertEquals(4.0, s.inputs("service").get("desiredCount"));
        assertEquals(3.0, ok(a -> a.desiredCount(0).autoScaling(3, 4, null)).inputs("service").get("desiredCount"));
    }

    @Test
    void noAutoScalingByDefault() {
        var mocks = ok(a -> { }).run().mocks();
        assertEquals(List.of(), mocks.ofType(TARGET_TYPE));
        assertEquals(List.of(), mocks.ofType(POLICY_TYPE));
    }

    @Test
    void childrenAreNamedFromTheComponentAndOutputsPointAtThem() {
        var s = ok(a -> a.autoScaling(1, 4, null));
        assertEquals(Set.of("x", "x-cluster", "x-logs", "x-task-sg", "x-task", "x-service", "x-scaling-target",
                        "x-cpu-scaling"),
                s.run().names());
        s.run().assertParentedTo("x-", FargateService.TYPE);
        assertEquals(CLUSTER, Harness.value(s.component().clusterName()));
        assertEquals(SERVICE, Harness.value(s.component().serviceName()));
        assertEquals("arn:aws:ecs:eu-central-1:123456789012:cluster/" + CLUSTER,
                Harness.value(s.component().clusterArn()));
        assertEquals("arn:aws:ecs:eu-central-1:123456789012:task-definition/x-task-1a2b3c4:1",
                Harness.value(s.component().taskDefinitionArn()));
    }

    private static Arguments bad(String description, Consumer<FargateServiceArgs.Builder> configure, String field) {
        return Arguments.of(description, configure, field);
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                bad("cpu 256 with memory 4096", a -> a.cpu(256).memory(4096), "FargateServiceArgs.cpu/memory"),
                bad("cpu 300", a -> a.cpu(300), "FargateServiceArgs.cpu/memory"),
                bad("retention 0", a -> a.logRetentionDays(0), "FargateServiceArgs.logRetentionDays"),
                bad("retention 13", a -> a.logRetentionDays(13), "FargateServiceArgs.logRetentionDays"),
                bad("plain DB_PASSWORD", a -> a.environment(Map.of("DB_PASSWORD", "hunter2")),
                        "FargateServiceArgs.environment"),
                bad("plain API_TOKEN", a -> a.environment(Map.of("API_TOKEN", "t")), "FargateServiceArgs.environment"),
                bad("env name with a dash", a -> a.environment(Map.of("MY-VAR", "1")),
                        "FargateServiceArgs.environment"),
                bad("variable in both", a -> a.environment(Map.of("DB_URL", "x")).secrets(Map.of("DB_URL", PARAMETER)),
                        "FargateServiceArgs.environment"),
                bad("secret value not an ARN", a -> a.secrets(Map.of("DB", "hunter2")),
                        "FargateServiceArgs.secrets[DB]"),
                bad("partial secret ARN", a -> a.secrets(Map.of("DB",
                                "arn:aws:secretsmanager:eu-central-1:123456789012:secret:db")),
                        "FargateServiceArgs.secrets[DB]"),
                bad("secret of another service", a -> a.secrets(Map.of("DB",
                        "arn:aws:s3:::bucket/key")), "FargateServiceArgs.secrets[DB]"),
                bad("minCount above maxCount", a -> a.autoScaling(5, 4, null), "FargateServiceArgs.minCount"),
                bad("minCount without maxCount", a -> a.autoScaling(1, null, null),
                        "FargateServiceArgs.minCount/maxCount"),
                bad("cpu target 0", a -> a.autoScaling(1, 4, 0), "FargateServiceArgs.cpuTargetPercent"),
                bad("stop timeout 121", a -> a.stopTimeoutSeconds(121), "FargateServiceArgs.stopTimeoutSeconds"),
                bad("stop timeout 1", a -> a.stopTimeoutSeconds(1), "FargateServiceArgs.stopTimeoutSeconds"),
                bad("container port 0", a -> a.containerPort(0), "FargateServiceArgs.containerPort"),
                bad("desired count -1", a -> a.desiredCount(-1), "FargateServiceArgs.desiredCount"),
                bad("malformed image", a -> a.image("ghcr.io/Acme/App:1"), "FargateServiceArgs.image"),
                bad("image with bad tag", a -> a.image("ghcr.io/acme/app:-1"), "FargateServiceArgs.image"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputFailsNamingTheFieldBeforeAnyAwsResourceExists(String description,
                                                               Consumer<FargateServiceArgs.Builder> configure,
                                                               String field) {
        var run = service(configure, new OfflineMocks()).run();
        String error = run.failure();
        assertTrue(error.contains(field + ":"), error);
        assertEquals(List.of(), run.mocks().awsResources());
    }

    @Test
    void secretLookingNamesAreRefusedWithAHintToUseSecrets() {
        String error = service(a -> a.environment(Map.of("DB_PASSWORD", "hunter2")), new OfflineMocks()).run()
                .failure();
        assertTrue(error.contains("pass it in secrets instead"), error);
        assertFalse(error.contains("hunter2"), "the value is not echoed");
    }

    /** Options are invisible to mocks; a stack transformation sees them. */
    private static List<String> ignoredChangesOfTheService(Consumer<FargateServiceArgs.Builder> configure) {
        List<String> ignored = new java.util.concurrent.CopyOnWriteArrayList<>();
        com.pulumi.resources.ResourceTransformation capture = t -> {
            if (t.resource().pulumiResourceName().equals("x-service")) {
                ignored.addAll(t.options().getIgnoreChanges());
            }
            return java.util.Optional.empty();
        };
        try {
            var result = com.pulumi.test.internal.PulumiTestInternal.builder()
                    .options(com.pulumi.test.TestOptions.builder().preview(false)
                            .resourceTransformations(List.of(capture)).build())
                    .mocks(new OfflineMocks())
                    .build()
                    .runTest(ctx -> {
                        var args = defaults();
                        configure.accept(args);
                        new FargateService("x", args.build());
                    });
            assertEquals(0, result.exitCode(), String.valueOf(result.exceptions()));
        } finally {
            com.pulumi.test.PulumiTest.cleanup();
        }
        return ignored;
    }

    @Test
    void autoscaledServiceIgnoresDriftOfItsDesiredCountAndAFixedOneDoesNot() {
        assertEquals(List.of("desiredCount"), ignoredChangesOfTheService(a -> a.autoScaling(1, 4, null)));
        assertEquals(List.of(), ignoredChangesOfTheService(a -> { }));
    }

    @Test
    void builderRefusesUseAfterBuildSoBuiltArgsStayImmutable() {
        var builder = defaults();
        var built = builder.build();
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> builder.cpu(4096));
        assertTrue(e.getMessage().contains("FargateServiceArgs.Builder: build() was called already"), e.getMessage());
        assertEquals(256, built.cpu());
    }
}
