package com.example.consumer;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.fargateprivate.secretsmanager.RegistryCredentialsSecret;
import io.github.fargateprivate.testing.OfflineMocks;
import io.github.fargateprivate.testing.OfflineRun;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.example.consumer.Runs.allow;
import static com.example.consumer.Runs.containers;
import static com.example.consumer.Runs.madeUp;
import static com.example.consumer.Runs.writeLogs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs {@link ConsumerApp#stack} under Pulumi's mock engine with the library's {@link OfflineMocks}. */
class ConsumerAppTest {

    private static final String USERNAME = "octocat";
    private static final String PASSWORD = "ghp_n0t\"a-real-token";
    private static final String TASK_DEFINITION = "aws:ecs/taskDefinition:TaskDefinition";

    private static OfflineRun run(Map<String, String> config) {
        return Runs.run(ConsumerApp::stack, config, Set.of("registryPassword"), new OfflineMocks());
    }

    private static OfflineRun deploy() {
        return run(Map.of("registryUsername", USERNAME, "registryPassword", PASSWORD)).ok();
    }

    private static JsonObject batchContainer(OfflineRun run) {
        List<JsonObject> containers = containers(run, "batch-task");
        assertEquals(1, containers.size());
        return containers.get(0);
    }

    @Test
    void registersTheCompositesTaskDefinitionAndTheBatchJobsOwn() {
        var run = deploy();
        assertEquals(Set.of("api-ecs-task", "batch-task"), Runs.namesOf(run, TASK_DEFINITION));
        var batch = run.inputs("batch-task");
        assertEquals(ConsumerApp.BATCH_FAMILY, batch.get("family"));
        assertEquals(List.of("FARGATE"), batch.get("requiresCompatibilities"));
        assertEquals("awsvpc", batch.get("networkMode"));
        assertEquals("256", batch.get("cpu"));
        assertEquals("512", batch.get("memory"));
        assertEquals(RegistryCredentialsSecret.TYPE, run.mocks().named("batch-registry").type());
    }

    @Test
    void batchContainerPullsWithTheStandaloneSecret() {
        var run = deploy();
        String secretArn = madeUp(run, "batch-registry-secret", "arn");
        assertTrue(secretArn.startsWith("arn:aws:secretsmanager:eu-central-1:" + OfflineMocks.ACCOUNT + ":secret:"),
                secretArn);

        JsonObject container = batchContainer(run);
        assertEquals(ConsumerApp.BATCH_IMAGE, container.get("image").getAsString());
        assertEquals(secretArn,
                container.getAsJsonObject("repositoryCredentials").get("credentialsParameter").getAsString());
        assertEquals(secretArn, run.output("batchCredentialsSecretArn"));
        // Not the composite's secret: each workload pulls with its own.
        assertNotEquals(madeUp(run, "api-credentials-secret", "arn"), secretArn);

        JsonObject logOptions = container.getAsJsonObject("logConfiguration").getAsJsonObject("options");
        assertEquals(madeUp(run, "batch-logs", "name"), logOptions.get("awslogs-group").getAsString());
        assertEquals("eu-central-1", logOptions.get("awslogs-region").getAsString());
        assertEquals(14.0, run.inputs("batch-logs").get("retentionInDays"));
    }

    @Test
    void batchTaskRunsAsTheStandaloneRole() {
        var run = deploy();
        String roleArn = madeUp(run, "batch-exec-role", "arn");
        assertEquals(roleArn, run.inputs("batch-task").get("executionRoleArn"));
        assertEquals(roleArn, run.output("batchExecutionRoleArn"));
        assertEquals(madeUp(run, "batch-task", "arn"), run.output("batchTaskDefinitionArn"));
    }

    @Test
    void batchRoleMayReadExactlyTheBatchSecretAndWriteExactlyTheBatchLogs() {
        var run = deploy();
        assertEquals(List.of(allow("ReadSecrets", "secretsmanager:GetSecretValue",
                        madeUp(run, "batch-registry-secret", "arn"), null), writeLogs(run, "batch-logs")),
                run.statements("batch-exec-policy", "policy"));
    }

    @Test
    void apiRoleMayReadOnlyTheCompositesSecretAndTheServiceLetsItWriteOnlyItsLogs() {
        var run = deploy();
        assertEquals(List.of(allow("ReadSecrets", "secretsmanager:GetSecretValue",
                        madeUp(run, "api-credentials-secret", "arn"), null)),
                run.statements("api-execution-exec-policy", "policy"));
        assertEquals(List.of(writeLogs(run, "api-ecs-logs")), run.statements("api-ecs-exec-logs", "policy"));
        assertEquals(madeUp(run, "api-execution-exec-role", "name"), run.inputs("api-ecs-exec-logs").get("role"));
    }

    @Test
    void neitherRoleHasAManagedPolicyOrAnEcrActionForItsGhcrImage() {
        var run = deploy();
        assertEquals(Set.of("batch-exec-policy", "api-execution-exec-policy", "api-ecs-exec-logs"),
                Runs.namesOf(run, "aws:iam/rolePolicy:RolePolicy"));
        assertEquals(Set.of(), Runs.namesOf(run, "aws:iam/rolePolicyAttachment:RolePolicyAttachment"));
        run.mocks().ofType("aws:iam/rolePolicy:RolePolicy").forEach(p -> assertFalse(
                String.valueOf(p.inputs().get("policy")).contains("ecr:"), p.name()));
    }

    @Test
    void compositeRunsTheApiInTheDefaultVpcAndExportsItsUrl() {
        var run = deploy();
        assertEquals("http://" + madeUp(run, "api-lb-alb", "dnsName"), run.output("url"));
        assertEquals(madeUp(run, "api-ecs-service", "name"), run.output("apiServiceName"));
        assertEquals(madeUp(run, "api-ecs-cluster", "name"), run.output("apiClusterName"));

        var network = OfflineRun.block(run.inputs("api-ecs-service"), "networkConfiguration");
        assertEquals(OfflineMocks.DEFAULT_SUBNETS, network.get("subnets"));
        assertEquals(true, network.get("assignPublicIp"));
        assertEquals(1.0, run.inputs("api-ecs-service").get("desiredCount"));
        assertEquals(OfflineMocks.DEFAULT_VPC, run.inputs("api-lb-tg").get("vpcId"));
        assertEquals((double) ConsumerApp.API_PORT, run.inputs("api-lb-tg").get("port"));
        assertEquals(ConsumerApp.API_HEALTH_PATH, OfflineRun.block(run.inputs("api-lb-tg"), "healthCheck").get("path"));
        JsonObject api = containers(run, "api-ecs-task").get(0);
        assertEquals(ConsumerApp.API_IMAGE, api.get("image").getAsString());
        assertEquals(madeUp(run, "api-credentials-secret", "arn"),
                api.getAsJsonObject("repositoryCredentials").get("credentialsParameter").getAsString());
    }

    @Test
    void bothSecretsHoldTheConfiguredCredentialsAndNoExportDoes() {
        var run = deploy();
        for (String version : List.of("batch-registry-version", "api-credentials-version")) {
            JsonObject json = JsonParser.parseString((String) run.inputs(version).get("secretString"))
                    .getAsJsonObject();
            assertEquals(USERNAME, json.get("username").getAsString(), version);
            assertEquals(PASSWORD, json.get("password").getAsString(), version);
        }
        for (String export : List.of("url", "apiServiceName", "apiClusterName", "batchTaskDefinitionArn",
                "batchCredentialsSecretArn", "batchExecutionRoleArn")) {
            assertFalse(String.valueOf(run.output(export)).contains(PASSWORD), export);
        }
    }

    @Test
    void missingPasswordFailsBeforeAnyResourceNamingTheKey() {
        var run = run(Map.of("registryUsername", USERNAME));
        String failure = run.failure();
        assertTrue(failure.contains(Runs.PROJECT + ":registryPassword"), failure);
        assertTrue(run.mocks().awsResources().isEmpty(), () -> "registered: " + run.mocks().awsResources());
    }
}
