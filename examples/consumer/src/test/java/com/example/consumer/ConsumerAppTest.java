package com.example.consumer;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import com.pulumi.test.internal.PulumiTestInternal;
import io.github.fargateprivate.plan.OfflineMocks;
import io.github.fargateprivate.secretsmanager.RegistryCredentialsSecret;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs {@link ConsumerApp#stack} under Pulumi's mock engine with the library's {@link OfflineMocks}. */
class ConsumerAppTest {

    private static final String PROJECT = "consumer-example";
    private static final String USERNAME = "octocat";
    private static final String PASSWORD = "ghp_n0t\"a-real-token";
    private static final String TASK_DEFINITION = "aws:ecs/taskDefinition:TaskDefinition";

    /** The outcome of one run: what the engine returned and what the mocks saw. */
    private record Run(TestResult result, OfflineMocks mocks) {

        String errorText() {
            return Stream.concat(result.errors().stream(),
                            result.exceptions().stream().map(e -> e.getClass().getSimpleName() + ": " + e.getMessage()))
                    .collect(Collectors.joining("\n"));
        }

        Run ok() {
            assertEquals(0, result.exitCode(), () -> "the program failed:\n" + errorText());
            return this;
        }

        Object export(String name) {
            return PulumiTestInternal.extractOutputData(result.output(name)).getValueNullable();
        }

        Map<String, Object> inputs(String resource) {
            return mocks.named(resource).inputs();
        }

        JsonObject policy(String resource) {
            return JsonParser.parseString((String) inputs(resource).get("policy")).getAsJsonObject();
        }

        /** A value the mocks made up for a resource's output, e.g. the ARN AWS would assign. */
        String madeUp(String resource, String output) {
            String origin = resource + "." + output;
            return mocks.generated().entrySet().stream()
                    .filter(e -> e.getValue().equals(origin))
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("the mocks made up no " + origin));
        }
    }

    private static Run run(Map<String, String> config, Set<String> secretKeys) {
        var mocks = new OfflineMocks();
        try {
            TestResult result = PulumiTestInternal.builder()
                    .options(TestOptions.builder().projectName(PROJECT).stackName("test").preview(false).build())
                    .mocks(mocks)
                    .config(config.entrySet().stream().collect(Collectors.toMap(
                                    e -> PROJECT + ":" + e.getKey(), Map.Entry::getValue)),
                            secretKeys.stream().map(k -> PROJECT + ":" + k).collect(Collectors.toSet()))
                    .build()
                    .runTest(ConsumerApp::stack);
            return new Run(result, mocks);
        } finally {
            PulumiTest.cleanup();
        }
    }

    private static Run deploy() {
        return run(Map.of("registryUsername", USERNAME, "registryPassword", PASSWORD), Set.of("registryPassword"))
                .ok();
    }

    private static JsonObject batchContainer(Run run) {
        JsonArray containers = JsonParser.parseString(
                (String) run.inputs("batch-task").get("containerDefinitions")).getAsJsonArray();
        assertEquals(1, containers.size());
        return containers.get(0).getAsJsonObject();
    }

    @Test
    void registersTheCompositesTaskDefinitionAndTheBatchJobsOwn() {
        var run = deploy();
        assertEquals(List.of("api-fargate-task", "batch-task"),
                run.mocks().ofType(TASK_DEFINITION).stream().map(OfflineMocks.Registration::name).toList());
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
        String secretArn = run.madeUp("batch-registry-secret", "arn");
        assertTrue(secretArn.startsWith("arn:aws:secretsmanager:eu-central-1:" + OfflineMocks.ACCOUNT + ":secret:"),
                secretArn);

        JsonObject container = batchContainer(run);
        assertEquals(ConsumerApp.BATCH_IMAGE, container.get("image").getAsString());
        assertEquals(secretArn,
                container.getAsJsonObject("repositoryCredentials").get("credentialsParameter").getAsString());
        assertEquals(secretArn, run.export("batchCredentialsSecretArn"));
        // Not the composite's secret: each workload pulls with its own.
        assertNotEquals(run.madeUp("api-credentials-secret", "arn"), secretArn);

        JsonObject logOptions = container.getAsJsonObject("logConfiguration").getAsJsonObject("options");
        assertEquals(run.madeUp("batch-logs", "name"), logOptions.get("awslogs-group").getAsString());
        assertEquals("eu-central-1", logOptions.get("awslogs-region").getAsString());
        assertEquals(14.0, run.inputs("batch-logs").get("retentionInDays"));
    }

    @Test
    void batchTaskRunsAsTheStandaloneRole() {
        var run = deploy();
        String roleArn = run.madeUp("batch-exec-role", "arn");
        assertEquals(roleArn, run.inputs("batch-task").get("executionRoleArn"));
        assertEquals(roleArn, run.export("batchExecutionRoleArn"));
        assertEquals(run.madeUp("batch-task", "arn"), run.export("batchTaskDefinitionArn"));
    }

    @Test
    void batchRoleMayReadExactlyTheBatchSecret() {
        var run = deploy();
        JsonArray statements = run.policy("batch-exec-policy").getAsJsonArray("Statement");
        assertEquals(1, statements.size());
        JsonObject statement = statements.get(0).getAsJsonObject();
        assertEquals("Allow", statement.get("Effect").getAsString());
        assertEquals("secretsmanager:GetSecretValue", statement.get("Action").getAsString());
        assertEquals(run.madeUp("batch-registry-secret", "arn"), statement.get("Resource").getAsString());
    }

    @Test
    void apiRoleMayReadOnlyTheCompositesSecret() {
        var run = deploy();
        JsonArray statements = run.policy("api-execution-exec-policy").getAsJsonArray("Statement");
        assertEquals(1, statements.size());
        assertEquals(run.madeUp("api-credentials-secret", "arn"),
                statements.get(0).getAsJsonObject().get("Resource").getAsString());
    }

    @Test
    void compositeRunsTheApiInTheDefaultVpcAndExportsItsUrl() {
        var run = deploy();
        assertEquals("http://" + run.madeUp("api-lb-alb", "dnsName"), run.export("url"));
        assertEquals(run.madeUp("api-fargate-service", "name"), run.export("apiServiceName"));
        assertEquals(run.madeUp("api-fargate-cluster", "name"), run.export("apiClusterName"));

        @SuppressWarnings("unchecked")
        var network = (Map<String, Object>) run.inputs("api-fargate-service").get("networkConfiguration");
        assertEquals(OfflineMocks.DEFAULT_SUBNETS, network.get("subnets"));
        assertEquals(true, network.get("assignPublicIp"));
        assertEquals(OfflineMocks.DEFAULT_VPC, run.inputs("api-lb-tg").get("vpcId"));
        assertEquals((double) ConsumerApp.API_PORT, run.inputs("api-lb-tg").get("port"));
        @SuppressWarnings("unchecked")
        var healthCheck = (Map<String, Object>) run.inputs("api-lb-tg").get("healthCheck");
        assertEquals(ConsumerApp.API_HEALTH_PATH, healthCheck.get("path"));
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
            assertFalse(String.valueOf(run.export(export)).contains(PASSWORD), export);
        }
    }

    @Test
    void missingPasswordFailsBeforeAnyResourceNamingTheKey() {
        var run = run(Map.of("registryUsername", USERNAME), Set.of());
        assertNotEquals(0, run.result().exitCode());
        assertTrue(run.errorText().contains(PROJECT + ":registryPassword"), run.errorText());
        assertTrue(run.mocks().awsResources().isEmpty(), () -> "registered: " + run.mocks().awsResources());
    }
}
