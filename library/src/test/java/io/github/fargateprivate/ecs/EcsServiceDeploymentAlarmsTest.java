package io.github.fargateprivate.ecs;

import com.pulumi.core.Output;
import io.github.fargateprivate.ComponentHarness;
import io.github.fargateprivate.ec2.NetworkArgs;
import io.github.fargateprivate.testing.OfflineMocks;
import io.github.fargateprivate.testing.OfflineRun;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static io.github.fargateprivate.Fixtures.GHCR_IMAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The service's {@code alarms} block: the wiring of alarms that roll a deployment back, beside the circuit breaker. */
class EcsServiceDeploymentAlarmsTest {

    private static OfflineRun run(Consumer<EcsServiceArgs.Builder> configure) {
        return ComponentHarness.create(options -> {
            var args = EcsServiceArgs.builder()
                    .network(NetworkArgs.builder().vpcId(OfflineMocks.DEFAULT_VPC)
                            .publicSubnetIds(OfflineMocks.DEFAULT_SUBNETS).build())
                    .container(ContainerArgs.builder().image(GHCR_IMAGE).build())
                    .executionRoleArn("arn:aws:iam::123456789012:role/exec");
            configure.accept(args);
            return new EcsService("x", args.build(), options);
        }).run();
    }

    @Test
    void theAlarmsBlockNamesTheAlarmsAndRollsBackBesideTheCircuitBreaker() {
        var service = run(a -> a.deploymentAlarms(List.of("orders-5xx", "orders-unhealthy"))).ok()
                .inputs("x-service");
        assertEquals(Map.of("alarmNames", List.of("orders-5xx", "orders-unhealthy"), "enable", true, "rollback", true),
                service.get("alarms"));
        assertEquals(Map.of("enable", true, "rollback", true), service.get("deploymentCircuitBreaker"));
    }

    @Test
    void alarmNamesOfAnotherResourceReachTheBlockAndWithoutThemThereIsNone() {
        var service = run(a -> a.deploymentAlarms(Output.of(List.of("latency")))).ok().inputs("x-service");
        assertEquals(List.of("latency"), OfflineRun.block(service, "alarms").get("alarmNames"));
        assertFalse(run(a -> { }).ok().inputs("x-service").containsKey("alarms"));
    }

    @Test
    void alarmNamesAreCheckedAsCloudWatchNamesThem() {
        var empty = run(a -> a.deploymentAlarms(List.of()));
        assertTrue(ComponentHarness.refusedBeforeAnyChild(empty).toString().contains("deploymentAlarms: empty; leave "
                + "it unset for the circuit breaker alone"), empty.failure());
        String tooLong = "a".repeat(256);
        var known = run(a -> a.deploymentAlarms(Output.of(List.of("ok", tooLong))));
        assertTrue(known.failure().contains("deploymentAlarms: '" + tooLong + "' is not a CloudWatch alarm name (1-255 "
                + "characters, no control characters)"), known.failure());
    }
}
