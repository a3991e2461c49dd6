package io.github.fargateprivate.lb;

import com.pulumi.aws.lb.TargetGroup;
import com.pulumi.core.Output;
import io.github.fargateprivate.Children;
import io.github.fargateprivate.Problem;
import io.github.fargateprivate.Problems;
import io.github.fargateprivate.testing.OfflineMocks;
import io.github.fargateprivate.testing.OfflineRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TargetGroupArgsTest {

    private static final String VPC = "vpc-0123456789abcdef0";

    private static List<Problem> problems(TargetGroupArgs.Builder targetGroup) {
        var problems = Problems.of("ApplicationLoadBalancer", "x");
        targetGroup.build().validate(problems.at("targetGroup"));
        return problems.list();
    }

    /** @return the inputs of a target group registered from the args */
    private static Map<String, Object> inputs(TargetGroupArgs args, Map<String, String> tags) {
        // Tagged as a component tags its children.
        return OfflineRun.of(ctx -> new TargetGroup("tg", Children.tagged(args.resourceArgs(Output.of(VPC)), tags)),
                        new OfflineMocks())
                .ok().inputs("tg");
    }

    @Test
    void defaults() {
        var tg = TargetGroupArgs.builder().port(8080).build();
        assertEquals(Optional.of(8080), tg.port());
        assertEquals(30, tg.deregistrationDelaySeconds());
        assertEquals("/actuator/health", tg.healthCheck().path());
        assertEquals(List.of(), problems(TargetGroupArgs.builder().port(8080)));
    }

    /** The components that cannot take the port from a container require it (ApplicationLoadBalancerTest, ListenerTargetTest). */
    @Test
    void thePortIsTheComponentsToRequire() {
        assertEquals(List.of(), problems(TargetGroupArgs.builder()));
        assertEquals("required: the port the targets listen on", TargetGroupArgs.PORT_REQUIRED);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 65536, -1})
    void aPortOutsideTcpIsReported(int port) {
        assertEquals(List.of(new Problem("targetGroup.port", port + " is not a TCP port (1-65535)")),
                problems(TargetGroupArgs.builder().port(port)));
    }

    @ParameterizedTest
    @CsvSource({"-1, '-1 is outside 0-3600'", "3601, '3601 is outside 0-3600'"})
    void aDeregistrationDelayOutsideAwsRangeIsReported(int seconds, String message) {
        assertEquals(List.of(new Problem("targetGroup.deregistrationDelaySeconds", message)),
                problems(TargetGroupArgs.builder().port(8080).deregistrationDelaySeconds(seconds)));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3600})
    void theDeregistrationDelayLimitsPass(int seconds) {
        assertEquals(List.of(), problems(TargetGroupArgs.builder().port(8080).deregistrationDelaySeconds(seconds)));
    }

    @ParameterizedTest
    @CsvSource({"29, 30", "901, 900", "-5, 30"})
    void aSlowStartOutsideAwsRangeIsReportedWithTheNearestThatFits(int seconds, String nearest) {
        var problem = new Problem("targetGroup.slowStartSeconds", seconds + " is neither 0 (off) nor within 30-900",
                nearest);
        assertEquals(List.of(problem), problems(TargetGroupArgs.builder().port(8080).slowStartSeconds(seconds)));
    }

    @Test
    void theSlowStartReachesTheTargetGroupOffByDefault() {
        assertEquals(0.0, inputs(TargetGroupArgs.builder().port(8080).build(), Map.of()).get("slowStart"));
        assertEquals(60.0, inputs(TargetGroupArgs.builder().port(8080).slowStartSeconds(60).build(), Map.of())
                .get("slowStart"));
        assertEquals(List.of(), problems(TargetGroupArgs.builder().port(8080).slowStartSeconds(900)));
    }

    @Test
    void healthCheckProblemsAreNestedUnderItsField() {
        assertEquals(List.of(new Problem("targetGroup.healthCheck.healthyThreshold", "1 is outside 2-10")),
                problems(TargetGroupArgs.builder().port(8080)
                        .healthCheck(HealthCheckArgs.builder().healthyThreshold(1).build())));
    }

    @Test
    void theTargetGroupTakesIpTargetsOnThePortWithTheHealthCheck() {
        var inputs = inputs(TargetGroupArgs.builder().port(8080).build(), Map.of());
        assertEquals(VPC, inputs.get("vpcId"));
        assertEquals("ip", inputs.get("targetType"));
        assertEquals("HTTP", inputs.get("protocol"));
        assertEquals(8080.0, inputs.get("port"));
        assertEquals(30.0, inputs.get("deregistrationDelay"));
        assertEquals(Map.of("enabled", true, "protocol", "HTTP", "path", "/actuator/health", "port", "traffic-port",
                "interval", 10.0, "timeout", 5.0, "healthyThreshold", 2.0, "unhealthyThreshold", 3.0,
                "matcher", "200"), OfflineRun.block(inputs, "healthCheck"));
        assertFalse(inputs.containsKey("tags"));
    }

    @Test
    void aConfiguredHealthCheckAndDelayReachTheTargetGroup() {
        var inputs = inputs(TargetGroupArgs.builder().port(3000).deregistrationDelaySeconds(0)
                .healthCheck(HealthCheckArgs.builder().path("/healthz").intervalSeconds(30).timeoutSeconds(10)
                        .healthyThreshold(5).unhealthyThreshold(4).matcher("200-299").build()).build(),
                Map.of("team", "platform"));
        assertEquals(3000.0, inputs.get("port"));
        assertEquals(0.0, inputs.get("deregistrationDelay"));
        assertEquals(Map.of("enabled", true, "protocol", "HTTP", "path", "/healthz", "port", "traffic-port",
                "interval", 30.0, "timeout", 10.0, "healthyThreshold", 5.0, "unhealthyThreshold", 4.0,
                "matcher", "200-299"), OfflineRun.block(inputs, "healthCheck"));
        assertEquals(Map.of("team", "platform"), inputs.get("tags"));
    }

    @Test
    void toBuilderKeepsEveryFieldAndChangesOnlyTheCopy() {
        var health = HealthCheckArgs.builder().path("/healthz").build();
        var original = TargetGroupArgs.builder().port(8080).healthCheck(health).deregistrationDelaySeconds(5).build();
        var copy = original.toBuilder().port(9090).build();
        assertEquals(Optional.of(9090), copy.port());
        assertSame(health, copy.healthCheck());
        assertEquals(5, copy.deregistrationDelaySeconds());
        assertEquals(Optional.of(8080), original.port());
    }

    @Test
    void builtArgsDoNotChangeWithTheirBuilder() {
        var b = TargetGroupArgs.builder().port(1);
        var built = b.build();
        b.port(2);
        assertEquals(Optional.of(1), built.port());
        assertEquals(Optional.of(2), b.build().port());
    }
}
