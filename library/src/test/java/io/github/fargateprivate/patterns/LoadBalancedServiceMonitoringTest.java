package io.github.fargateprivate.patterns;

import com.pulumi.core.Output;
import io.github.fargateprivate.ecs.EcsServiceOptions;
import io.github.fargateprivate.AwsEnvironment;
import io.github.fargateprivate.Problem;
import io.github.fargateprivate.RunAssertions;
import io.github.fargateprivate.cloudwatch.PullFailureAlerts;
import io.github.fargateprivate.ec2.NetworkArgs;
import io.github.fargateprivate.ecs.ContainerArgs;
import io.github.fargateprivate.ecs.EcsServiceArgs;
import io.github.fargateprivate.lb.ApplicationLoadBalancer;
import io.github.fargateprivate.lb.ApplicationLoadBalancerArgs;
import io.github.fargateprivate.lb.ListenerRuleArgs;
import io.github.fargateprivate.testing.OfflineMocks;
import io.github.fargateprivate.testing.OfflineRun;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import static io.github.fargateprivate.Fixtures.ECR_IMAGE;
import static io.github.fargateprivate.Fixtures.LB_SECURITY_GROUP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The composite's deployment alarms (on by default) and pull-failure alerts (with a topic). */
class LoadBalancedServiceMonitoringTest {

    private static final String TOPIC = "arn:aws:sns:eu-central-1:123456789012:deploy-alerts";
    private static final String SHARED_LISTENER =
            "arn:aws:elasticloadbalancing:eu-central-1:123456789012:listener/app/edge/0123456789abcdef/fedcba9876543210";
    private static final String METRIC_ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";

    private record Created(OfflineRun run, LoadBalancedService component) {
        Map<String, Object> inputs(String name) {
            return run.inputs(name);
        }

        @SuppressWarnings("unchecked")
        Map<String, String> dimensions(String alarm) {
            return (Map<String, String>) run.inputs(alarm).get("dimensions");
        }
    }

    private static Created create(Consumer<LoadBalancedServiceArgs.Builder> configure) {
        var component = new AtomicReference<LoadBalancedService>();
        var run = OfflineRun.of(ctx -> {
            var args = LoadBalancedServiceArgs.builder().container(ContainerArgs.builder().image(ECR_IMAGE).build());
            configure.accept(args);
            component.set(new LoadBalancedService("svc", args.build()));
        }, new OfflineMocks());
        return new Created(run, component.get());
    }

    private static String made(OfflineRun run, String output) {
        return run.mocks().generated().entrySet().stream().filter(e -> e.getValue().equals(output))
                .map(Map.Entry::getKey).findFirst().orElseThrow(() -> new AssertionError("no " + output));
    }

    @Test
    void byDefaultTheServiceRollsBackOnTheAlarmsOfItsTargetGroupBehindItsOwnLoadBalancer() {
        var c = create(a -> { });
        c.run().ok();
        assertEquals(Map.of("TargetGroup", made(c.run(), "svc-lb-tg.arnSuffix"),
                "LoadBalancer", made(c.run(), "svc-lb-alb.arnSuffix")), c.dimensions("svc-alarms-5xx"));
        assertEquals(c.dimensions("svc-alarms-5xx"), c.dimensions("svc-alarms-unhealthy"));
        assertTrue(c.dimensions("svc-alarms-5xx").get("LoadBalancer").startsWith("app/svc-lb-alb-1a2b3c4/"));
        assertEquals(Map.of("alarmNames", List.of("svc-alarms-5xx-1a2b3c4", "svc-alarms-unhealthy-1a2b3c4"),
                "enable", true, "rollback", true), c.inputs("svc-ecs-service").get("alarms"));
        assertEquals(Map.of("enable", true, "rollback", true), c.inputs("svc-ecs-service")
                .get("deploymentCircuitBreaker"), "the circuit breaker stays on beside the alarms");
        var alarms = c.component().deploymentAlarms().orElseThrow();
        assertEquals("svc-alarms-5xx", alarms.serverErrors().pulumiResourceName());
        assertEquals("svc-alarms-unhealthy", alarms.unhealthyHosts().pulumiResourceName());
        assertTrue(c.component().pullFailureAlerts().isEmpty(), "no topic, no rule");
    }

    @Test
    void theOffSwitchLeavesNeitherAlarmsNorTheAlarmsBlock() {
        var c = create(a -> a.deploymentAlarms(false));
        c.run().ok();
        assertEquals(List.of(), c.run().mocks().ofType(METRIC_ALARM));
        assertFalse(c.inputs("svc-ecs-service").containsKey("alarms"));
        assertTrue(c.component().deploymentAlarms().isEmpty());
    }

    @Test
    void theUnhealthyAlarmWaitsPastTheServicesGracePeriodAndTheServicesOwnAlarmsComeFirst() {
        var c = create(a -> a.service(EcsServiceOptions.builder().healthCheckGracePeriodSeconds(240)
                .deploymentAlarms(List.of("svc-latency")).build()));
        c.run().ok();
        assertEquals(6.0, c.inputs("svc-alarms-unhealthy").get("evaluationPeriods"));
        assertEquals(List.of("svc-latency", "svc-alarms-5xx-1a2b3c4", "svc-alarms-unhealthy-1a2b3c4"),
                OfflineRun.block(c.inputs("svc-ecs-service"), "alarms").get("alarmNames"));
    }

    @Test
    void onALoadBalancerOfAnotherStackItsDimensionComesFromTheListenersArn() {
        var c = create(a -> a.listenerRule(ListenerRuleArgs.builder().listenerArn(SHARED_LISTENER)
                .loadBalancerSecurityGroupId(LB_SECURITY_GROUP).targetsSecurityGroupId("sg-0fedcba9876543210")
                .pathPattern("/orders/*").priority(10).build()));
        c.run().ok();
        assertEquals(Map.of("TargetGroup", made(c.run(), "svc-target-tg.arnSuffix"),
                "LoadBalancer", "app/edge/0123456789abcdef"), c.dimensions("svc-alarms-5xx"));
    }

    @Test
    void onASharedLoadBalancerOfThisProgramItsDimensionIsItsArnSuffix() {
        var run = OfflineRun.of(ctx -> {
            var alb = new ApplicationLoadBalancer("edge", ApplicationLoadBalancerArgs.builder()
                    .network(NetworkArgs.builder().vpcId(OfflineMocks.DEFAULT_VPC)
                            .publicSubnetIds(OfflineMocks.DEFAULT_SUBNETS).build()).build());
            new LoadBalancedService("svc", LoadBalancedServiceArgs.builder()
                    .container(ContainerArgs.builder().image(ECR_IMAGE).build())
                    .listenerRule(ListenerRuleArgs.builder().loadBalancer(alb).pathPattern("/orders/*").priority(10)
                            .build()).build());
        }, new OfflineMocks()).ok();
        assertEquals(made(run, "edge-alb.arnSuffix"), OfflineRun.block(run.inputs("svc-alarms-5xx"), "dimensions")
                .get("LoadBalancer"));
    }

    @Test
    void aTopicSendsTheServicesPullFailuresToIt() {
        var c = create(a -> a.pullFailureTopicArn(TOPIC).tags(Map.of("team", "payments")));
        c.run().ok();
        String cluster = made(c.run(), "svc-ecs-cluster.arn");
        assertEquals(PullFailureAlerts.eventPattern(cluster, "svc-ecs-service-1a2b3c4"),
                c.inputs("svc-pull-failures-rule").get("eventPattern"));
        assertTrue(String.valueOf(c.inputs("svc-pull-failures-rule").get("eventPattern")).contains(
                "\"clusterArn\":[\"arn:aws:ecs:eu-central-1:123456789012:cluster/svc-ecs-cluster-1a2b3c4\"],"
                        + "\"group\":[\"service:svc-ecs-service-1a2b3c4\"]"));
        assertEquals(Map.of("rule", "svc-pull-failures-rule-1a2b3c4", "arn", TOPIC),
                c.inputs("svc-pull-failures-target"));
        assertEquals(Map.of("team", "payments"), c.inputs("svc-pull-failures-rule").get("tags"));
        assertEquals("svc-pull-failures-rule", c.component().pullFailureAlerts().orElseThrow().rule()
                .pulumiResourceName());
    }

    @Test
    void aBadTopicIsRefusedWithEveryOtherProblemBeforeAnyResource() {
        var c = create(a -> a.pullFailureTopicArn("arn:aws:sns:us-east-1:123456789012:deploy-alerts"));
        Problem problem = RunAssertions.refusedBeforeAnyResource(c.run(), "pullFailureTopicArn",
                "the topic is in us-east-1 of account 123456789012, but the rule is in eu-central-1");
        assertTrue(problem.message().endsWith("give a topic of the stack's account and region, "
                + "arn:aws:sns:eu-central-1:123456789012:NAME"), problem.message());
        // What a stack asks before it creates the component: the same problem, under the same field.
        List<Problem> problems = LoadBalancedService.problems("svc", LoadBalancedServiceArgs.builder()
                .container(ContainerArgs.builder().image(ECR_IMAGE).build())
                .pullFailureTopicArn("alerts").build(), new AwsEnvironment("123456789012", "eu-central-1", "aws",
                "amazonaws.com"));
        assertEquals(List.of("pullFailureTopicArn"), problems.stream().map(Problem::field).toList());
    }

    @Test
    void aTopicOfAnotherResourceIsCheckedUnderTheCompositesField() {
        var c = create(a -> a.pullFailureTopicArn(Output.of("arn:aws:sns:eu-central-1:123456789012:alerts.fifo")));
        assertTrue(c.run().failure().contains("LoadBalancedService 'svc' has 1 problem in a value of another "
                + "resource:\n  - pullFailureTopicArn: 'arn:aws:sns:eu-central-1:123456789012:alerts.fifo' is a FIFO "
                + "topic"), c.run().failure());
    }
}
