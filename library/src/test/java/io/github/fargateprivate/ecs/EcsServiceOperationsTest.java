package io.github.fargateprivate.ecs;

import com.google.gson.JsonParser;
import com.pulumi.core.Output;
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
import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.github.fargateprivate.Fixtures.GHCR_IMAGE;
import static io.github.fargateprivate.Fixtures.TASK_ROLE;
import static io.github.fargateprivate.RunAssertions.containers;
import static io.github.fargateprivate.testing.OfflineRun.block;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What operators expect of a service (issue 19): Availability Zone rebalancing, container restart policies, the
 * Container Insights level, ECS Exec's session log and a customer managed key for Fargate's ephemeral storage.
 */
class EcsServiceOperationsTest {

    private static final String EXECUTION_ROLE = "arn:aws:iam::123456789012:role/exec";
    private static final String EXISTING_CLUSTER = "arn:aws:ecs:eu-central-1:123456789012:cluster/shared";
    private static final String KEY = "arn:aws:kms:eu-central-1:123456789012:key/11111111-2222-3333-4444-555555555555";
    private static final String EXEC_KEY =
            "arn:aws:kms:eu-central-1:123456789012:key/66666666-7777-8888-9999-000000000000";
    /** What the mocks name the session log group of a component named {@code x}. */
    private static final String SESSION_LOG_GROUP = "x-exec-sessions-1a2b3c4";

    private static EcsServiceArgs.Builder required() {
        return FargateServiceArgs.builder()
                .network(NetworkArgs.builder().vpcId(OfflineMocks.DEFAULT_VPC)
                        .publicSubnetIds(OfflineMocks.DEFAULT_SUBNETS).build())
                .container(ContainerArgs.builder().image(GHCR_IMAGE).build())
                .executionRoleArn(EXECUTION_ROLE);
    }

    private static OfflineRun run(Consumer<EcsServiceArgs.Builder> configure) {
        return OfflineRun.of(ctx -> {
            var args = required();
            configure.accept(args);
            new FargateService("x", args.build());
        }, new OfflineMocks());
    }

    private static OfflineRun ok(Consumer<EcsServiceArgs.Builder> configure) {
        return run(configure).ok();
    }

    private static void exec(EcsServiceArgs.Builder a) {
        a.enableExecuteCommand(true).taskRoleArn(TASK_ROLE);
    }

    // Availability Zone rebalancing

    @Test
    void availabilityZoneRebalancingIsOnUnlessTurnedOff() {
        assertEquals("ENABLED", ok(a -> { }).inputs("x-service").get("availabilityZoneRebalancing"));
        assertEquals("DISABLED", ok(a -> a.availabilityZoneRebalancing(false)).inputs("x-service")
                .get("availabilityZoneRebalancing"));
    }

    @Test
    void onEc2TheFirstPlacementStrategySpreadsAcrossZonesAsRebalancingWants() {
        var service = ok(a -> a.launch(Launch.ec2())).inputs("x-service");
        assertEquals("ENABLED", service.get("availabilityZoneRebalancing"));
        assertEquals(Map.of("type", "spread", "field", "attribute:ecs.availability-zone"),
                ((List<?>) service.get("orderedPlacementStrategies")).get(0));
    }

    // Container restart policy

    @Test
    void aRestartPolicyIsRenderedForItsContainerOnly() {
        var run = ok(a -> a.container(ContainerArgs.builder().image(GHCR_IMAGE)
                        .restartPolicy(ContainerRestartPolicyArgs.builder().ignoredExitCodes(List.of(0, 143))
                                .restartAttemptPeriodSeconds(120).build()).build())
                .sidecar(ContainerArgs.builder().name("otel").image("otel/opentelemetry-collector:0.98.0")
                        .restartPolicy(ContainerRestartPolicyArgs.builder().build()).build())
                .sidecar(ContainerArgs.builder().name("plain").image("busybox:1.36").build()));
        var containers = containers(run, "x-task");
        assertEquals(JsonParser.parseString("{\"enabled\": true, \"ignoredExitCodes\": [0, 143], "
                + "\"restartAttemptPeriod\": 120}"), containers.get(0).get("restartPolicy"));
        assertEquals(JsonParser.parseString("{\"enabled\": true}"), containers.get(1).get("restartPolicy"));
        assertFalse(containers.get(2).has("restartPolicy"));
    }

    // Container Insights

    @Test
    void containerInsightsIsEnabledEnhancedOrDisabledOnTheCreatedCluster() {
        for (var level : ContainerInsights.values()) {
            assertEquals(List.of(Map.of("name", "containerInsights", "value", level.value())),
                    ok(a -> a.containerInsights(level)).inputs("x-cluster").get("settings"));
        }
        assertEquals("enabled", ContainerInsights.ENABLED.value());
        assertEquals("enhanced", ContainerInsights.ENHANCED.value());
    }

    // ECS Exec's session log

    @Test
    void withEcsExecTheCreatedClusterLogsSessionsToItsOwnLogGroup() {
        var run = ok(EcsServiceOperationsTest::exec);
        var group = run.inputs("x-exec-sessions");
        assertEquals(30.0, group.get("retentionInDays"));
        assertFalse(group.containsKey("kmsKeyId"));
        var configuration = block(block(run.inputs("x-cluster"), "configuration"), "executeCommandConfiguration");
        assertEquals("OVERRIDE", configuration.get("logging"));
        assertFalse(configuration.containsKey("kmsKeyId"));
        assertEquals(Map.of("cloudWatchLogGroupName", SESSION_LOG_GROUP, "cloudWatchEncryptionEnabled", false),
                configuration.get("logConfiguration"));
    }

    @Test
    void theTaskRoleMayWriteExactlyTheSessionsLogGroup() {
        var run = ok(EcsServiceOperationsTest::exec);
        assertEquals("app", run.inputs("x-exec-sessions-write").get("role"));
        String group = "arn:aws:logs:eu-central-1:123456789012:log-group:" + SESSION_LOG_GROUP;
        assertEquals(JsonParser.parseString("""
                [{"Sid": "FindExecSessionLogGroup", "Effect": "Allow", "Action": "logs:DescribeLogGroups",
                  "Resource": "arn:aws:logs:eu-central-1:123456789012:log-group:*"},
                 {"Sid": "FindExecSessionStreams", "Effect": "Allow", "Action": "logs:DescribeLogStreams",
                  "Resource": "%s"},
                 {"Sid": "WriteExecSessions", "Effect": "Allow",
                  "Action": ["logs:CreateLogStream", "logs:PutLogEvents"],
                  "Resource": "%s:log-stream:*"}]""".formatted(group, group)),
                JsonParser.parseString(run.statements("x-exec-sessions-write", "policy").toString()));
    }

    @Test
    void aBucketAndKeysAddTheirConfigurationAndTheirStatements() {
        var run = ok(a -> exec(a.executeCommandLogBucket("audit-logs").executeCommandKmsKeyArn(Output.of(EXEC_KEY))
                .logKmsKeyArn(KEY)));
        assertEquals(KEY, run.inputs("x-exec-sessions").get("kmsKeyId"));
        var configuration = block(block(run.inputs("x-cluster"), "configuration"), "executeCommandConfiguration");
        assertEquals(EXEC_KEY, configuration.get("kmsKeyId"));
        assertEquals(Map.of("cloudWatchLogGroupName", SESSION_LOG_GROUP, "cloudWatchEncryptionEnabled", true,
                "s3BucketName", "audit-logs", "s3KeyPrefix", "ecs-exec/x", "s3BucketEncryptionEnabled", true),
                configuration.get("logConfiguration"));
        var statements = run.statements("x-exec-sessions-write", "policy");
        assertEquals(List.of("FindExecSessionLogGroup", "FindExecSessionStreams", "WriteExecSessions",
                "FindExecSessionBucket", "PutExecSessions", "DecryptExecChannel"), statements.stream().map(s -> s.get("Sid").getAsString())
                .toList());
        assertEquals(JsonParser.parseString("""
                [{"Sid": "FindExecSessionBucket", "Effect": "Allow",
                  "Action": ["s3:GetBucketLocation", "s3:GetEncryptionConfiguration"],
                  "Resource": "arn:aws:s3:::audit-logs"},
                 {"Sid": "PutExecSessions", "Effect": "Allow", "Action": "s3:PutObject",
                  "Resource": "arn:aws:s3:::audit-logs/ecs-exec/x/*"},
                 {"Sid": "DecryptExecChannel", "Effect": "Allow", "Action": "kms:Decrypt", "Resource": "%s"}]"""
                .formatted(EXEC_KEY)), JsonParser.parseString(statements.subList(3, 6).toString()));
    }

    @Test
    void withoutEcsExecOrOnAnExistingClusterNoSessionLogIsCreated() {
        var without = ok(a -> { });
        assertFalse(without.inputs("x-cluster").containsKey("configuration"));
        assertFalse(without.names().stream().anyMatch(n -> n.startsWith("x-exec-sessions")));
        var existing = ok(a -> exec(a.clusterArn(EXISTING_CLUSTER)));
        assertFalse(existing.names().stream().anyMatch(n -> n.startsWith("x-exec-sessions")));
        assertEquals(true, existing.inputs("x-service").get("enableExecuteCommand"));
    }

    // Fargate ephemeral storage

    @Test
    void aCustomerManagedKeyEncryptsTheFargateTasksEphemeralStorage() {
        assertEquals(Map.of("fargateEphemeralStorageKmsKeyId", KEY), block(block(ok(a -> a
                .ephemeralStorageKmsKeyArn(KEY)).inputs("x-cluster"), "configuration"), "managedStorageConfiguration"));
        assertEquals(Map.of("fargateEphemeralStorageKmsKeyId", KEY), block(block(ok(a -> a
                .ephemeralStorageKmsKeyArn(Output.of(KEY))).inputs("x-cluster"), "configuration"),
                "managedStorageConfiguration"));
        assertFalse(ok(a -> { }).inputs("x-cluster").containsKey("configuration"));
    }

    // Refusals

    static Stream<Arguments> badArgs() {
        return Stream.of(
                bad("container.restartPolicy.restartAttemptPeriodSeconds", "", a -> a.container(ContainerArgs.builder()
                        .image(GHCR_IMAGE).restartPolicy(ContainerRestartPolicyArgs.builder()
                                .restartAttemptPeriodSeconds(59).build()).build())),
                bad("sidecars[0].restartPolicy.restartAttemptPeriodSeconds", "", a -> a.sidecar(ContainerArgs
                        .builder().name("s").image(GHCR_IMAGE).restartPolicy(ContainerRestartPolicyArgs.builder()
                                .restartAttemptPeriodSeconds(1801).build()).build())),
                bad("container.restartPolicy.ignoredExitCodes", "51 exit codes, but ECS ignores at most 50",
                        a -> a.container(ContainerArgs.builder().image(GHCR_IMAGE).restartPolicy(
                                ContainerRestartPolicyArgs.builder().ignoredExitCodes(
                                        java.util.stream.IntStream.range(0, 51).boxed().toList()).build()).build())),
                bad("container.restartPolicy.ignoredExitCodes", "names an exit code twice",
                        a -> a.container(ContainerArgs.builder().image(GHCR_IMAGE).restartPolicy(
                                ContainerRestartPolicyArgs.builder().ignoredExitCodes(List.of(1, 1)).build()).build())),
                bad("containerInsights", "configures the cluster the service creates, but clusterArn names an "
                        + "existing one", a -> a.clusterArn(EXISTING_CLUSTER).containerInsights(
                                ContainerInsights.ENHANCED)),
                bad("ephemeralStorageKmsKeyArn", "configures the cluster the service creates",
                        a -> a.clusterArn(EXISTING_CLUSTER).ephemeralStorageKmsKeyArn(KEY)),
                bad("executeCommandLogBucket", "configures ECS Exec, which is off",
                        a -> a.executeCommandLogBucket("audit-logs")),
                bad("executeCommandKmsKeyArn", "configures ECS Exec, which is off",
                        a -> a.executeCommandKmsKeyArn(EXEC_KEY)),
                bad("executeCommandLogBucket", "'Audit_Logs' is not an S3 bucket name",
                        a -> exec(a.executeCommandLogBucket("Audit_Logs"))),
                bad("executeCommandKmsKeyArn", "is an alias ARN", a -> exec(a.executeCommandKmsKeyArn(
                        "arn:aws:kms:eu-central-1:123456789012:alias/exec"))),
                bad("ephemeralStorageKmsKeyArn", "is a multi-Region key, which Fargate ephemeral storage does not take",
                        a -> a.ephemeralStorageKmsKeyArn("arn:aws:kms:eu-central-1:123456789012:key/"
                                + "mrk-1234abcd12ab34cd56ef1234567890ab")),
                bad("ephemeralStorageKmsKeyArn", "the key is in us-east-1, but the tasks run in eu-central-1",
                        a -> a.ephemeralStorageKmsKeyArn(KEY.replace("eu-central-1", "us-east-1"))),
                bad("ephemeralStorageKmsKeyArn", "encrypts Fargate's ephemeral storage, but the service runs on EC2",
                        a -> a.launch(Launch.ec2()).ephemeralStorageKmsKeyArn(KEY)));
    }

    private static Arguments bad(String field, String fragment, Consumer<EcsServiceArgs.Builder> configure) {
        return Arguments.of(field, fragment, configure);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badArgs")
    void badArgsAreRefusedUnderTheirFieldBeforeAnyAwsResource(String field, String fragment,
                                                             Consumer<EcsServiceArgs.Builder> configure) {
        RunAssertions.refusedBeforeAnyResource(run(configure), field, fragment);
    }

    @Test
    void aKeyOfAnotherResourceIsCheckedWithThePlainValuesMessage() {
        String mrk = "arn:aws:kms:eu-central-1:123456789012:key/mrk-1234abcd12ab34cd56ef1234567890ab";
        assertEquals(RunAssertions.problem(run(a -> a.ephemeralStorageKmsKeyArn(mrk)), "ephemeralStorageKmsKeyArn", "")
                        .message(),
                RunAssertions.problem(run(a -> a.ephemeralStorageKmsKeyArn(Output.of(mrk))),
                        "ephemeralStorageKmsKeyArn", "").message());
        assertTrue(run(a -> a.ephemeralStorageKmsKeyArn(Output.of(mrk))).failure().contains("multi-Region"));
    }
}
