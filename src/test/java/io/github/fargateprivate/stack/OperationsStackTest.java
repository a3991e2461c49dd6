package io.github.fargateprivate.stack;

import com.google.gson.JsonParser;
import io.github.fargateprivate.testing.OfflineRun;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.github.fargateprivate.testing.OfflineRun.block;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stack's keys for what operators expect of a service (issue 19): Availability Zone rebalancing, the container's
 * restart policy, Container Insights' level, ECS Exec with its session log, and the ephemeral storage's key.
 */
class OperationsStackTest {

    private static final String KEY = "arn:aws:kms:eu-central-1:123456789012:key/11111111-2222-3333-4444-555555555555";

    private static OfflineRun ok(Map<String, String> change) {
        return StackConfigs.run(StackConfigs.changed(StackConfigs.minimal(), change)).ok();
    }

    @Test
    void theDefaultsRebalanceZonesKeepContainerInsightsEnabledAndAddNothing() {
        var run = ok(Map.of());
        assertEquals("ENABLED", run.inputs("app-ecs-service").get("availabilityZoneRebalancing"));
        assertEquals(List.of(Map.of("name", "containerInsights", "value", "enabled")),
                run.inputs("app-ecs-cluster").get("settings"));
        assertFalse(run.inputs("app-ecs-cluster").containsKey("configuration"));
        assertFalse(run.json("app-ecs-task", "containerDefinitions").getAsJsonArray().get(0).getAsJsonObject()
                .has("restartPolicy"));
    }

    @Test
    void eachKeyReachesItsInput() {
        var run = ok(Map.of("availabilityZoneRebalancing", "false", "containerInsights", "enhanced",
                "restartAttemptPeriodSeconds", "120", "ephemeralStorageKmsKeyArn", KEY));
        assertEquals("DISABLED", run.inputs("app-ecs-service").get("availabilityZoneRebalancing"));
        assertEquals(List.of(Map.of("name", "containerInsights", "value", "enhanced")),
                run.inputs("app-ecs-cluster").get("settings"));
        assertEquals(Map.of("fargateEphemeralStorageKmsKeyId", KEY), block(block(run.inputs("app-ecs-cluster"),
                "configuration"), "managedStorageConfiguration"));
        assertEquals(JsonParser.parseString("{\"enabled\": true, \"restartAttemptPeriod\": 120}"),
                run.json("app-ecs-task", "containerDefinitions").getAsJsonArray().get(0).getAsJsonObject()
                        .get("restartPolicy"));
        assertEquals(JsonParser.parseString("{\"enabled\": true}"), ok(Map.of("restartContainer", "true"))
                .json("app-ecs-task", "containerDefinitions").getAsJsonArray().get(0).getAsJsonObject()
                .get("restartPolicy"));
    }

    @Test
    void executeCommandLogsSessionsAndTheTaskRoleMayWriteThem() {
        var run = ok(Map.of("executeCommand", "true", "executeCommandLogBucket", "audit-logs"));
        assertEquals(true, run.inputs("app-ecs-service").get("enableExecuteCommand"));
        var exec = block(block(run.inputs("app-ecs-cluster"), "configuration"), "executeCommandConfiguration");
        assertEquals("OVERRIDE", exec.get("logging"));
        assertEquals("audit-logs", block(exec, "logConfiguration").get("s3BucketName"));
        assertTrue(run.names().contains("app-ecs-exec-sessions"), String.valueOf(run.names()));
        assertEquals(List.of("FindExecSessionLogGroup", "FindExecSessionStreams", "WriteExecSessions",
                        "FindExecSessionBucket", "PutExecSessions"), run.statements("app-ecs-exec-sessions-write", "policy").stream()
                .map(s -> s.get("Sid").getAsString()).toList());
    }

    @Test
    void badValuesAreRefusedUnderTheirKey() {
        var base = StackConfigs.minimal();
        StackConfigs.assertRefused(StackConfigs.run(StackConfigs.changed(base, Map.of("containerInsights", "full"))),
                "containerInsights", "'full' is not one of [enabled, enhanced, disabled]");
        StackConfigs.assertRefused(StackConfigs.run(StackConfigs.changed(base,
                Map.of("restartAttemptPeriodSeconds", "30"))), "restartAttemptPeriodSeconds", "30");
        StackConfigs.assertRefused(StackConfigs.run(StackConfigs.changed(base,
                Map.of("executeCommandLogBucket", "audit-logs"))), "executeCommandLogBucket",
                "configures ECS Exec, which is off");
    }
}
