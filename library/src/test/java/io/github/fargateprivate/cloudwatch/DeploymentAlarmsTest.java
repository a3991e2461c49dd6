package io.github.fargateprivate.cloudwatch;

import com.pulumi.core.Output;
import io.github.fargateprivate.AwsName;
import io.github.fargateprivate.ComponentHarness;
import io.github.fargateprivate.Problem;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeploymentAlarmsTest {

    private static final String TARGET_GROUP = "targetgroup/orders-tg/0123456789abcdef";
    private static final String LOAD_BALANCER = "app/edge-alb/fedcba9876543210";

    private static ComponentHarness.Created<DeploymentAlarms> create(String name,
                                                                     Consumer<DeploymentAlarmsArgs.Builder> configure) {
        return ComponentHarness.create(options -> {
            var args = DeploymentAlarmsArgs.builder().targetGroupArnSuffix(TARGET_GROUP)
                    .loadBalancerArnSuffix(LOAD_BALANCER);
            configure.accept(args);
            return new DeploymentAlarms(name, args.build(), options);
        });
    }

    @Test
    void theServerErrorsAlarmSumsTheTargets5xxOfTheTargetGroupBehindItsLoadBalancer() {
        var c = create("alarms", a -> { }).ok();
        assertEquals(Map.ofEntries(
                Map.entry("namespace", "AWS/ApplicationELB"),
                Map.entry("metricName", "HTTPCode_Target_5XX_Count"),
                Map.entry("dimensions", Map.of("TargetGroup", TARGET_GROUP, "LoadBalancer", LOAD_BALANCER)),
                Map.entry("statistic", "Sum"),
                Map.entry("period", 60.0),
                Map.entry("comparisonOperator", "GreaterThanOrEqualToThreshold"),
                Map.entry("threshold", 10.0),
                Map.entry("evaluationPeriods", 3.0),
                Map.entry("datapointsToAlarm", 2.0),
                Map.entry("treatMissingData", "notBreaching"),
                Map.entry("alarmDescription", "The service's targets answered 10 or more HTTP 5XX in 2 of the last 3 "
                        + "minutes; ECS rolls back a deployment while this alarm is in ALARM")),
                c.inputs("alarms-5xx"));
    }

    @Test
    void theUnhealthyHostsAlarmFiresOnlyAfterAStartWithinTheGracePeriodCouldHaveEnded() {
        var c = create("alarms", a -> { }).ok();
        var unhealthy = c.inputs("alarms-unhealthy");
        assertEquals("UnHealthyHostCount", unhealthy.get("metricName"));
        assertEquals("Maximum", unhealthy.get("statistic"));
        assertEquals(1.0, unhealthy.get("threshold"));
        assertEquals("GreaterThanOrEqualToThreshold", unhealthy.get("comparisonOperator"));
        assertEquals(Map.of("TargetGroup", TARGET_GROUP, "LoadBalancer", LOAD_BALANCER), unhealthy.get("dimensions"));
        // The default grace period, 90 s: 4 unhealthy minutes in a row.
        assertEquals(4.0, unhealthy.get("evaluationPeriods"));
        assertEquals(4.0, unhealthy.get("datapointsToAlarm"));
        assertEquals("notBreaching", unhealthy.get("treatMissingData"));
        assertEquals(7.0, create("alarms", a -> a.healthCheckGracePeriodSeconds(300)).ok().inputs("alarms-unhealthy")
                .get("evaluationPeriods"));
    }

    @Test
    void anUnhealthyStretchShorterThanTheGracePeriodNeverFillsTheAlarmsPeriods() {
        assertEquals(2, DeploymentAlarms.unhealthyPeriods(0));
        assertEquals(3, DeploymentAlarms.unhealthyPeriods(60));
        assertEquals(4, DeploymentAlarms.unhealthyPeriods(61));
        assertEquals(4, DeploymentAlarms.unhealthyPeriods(90));
        for (int grace = 0; grace <= 600; grace++) {
            int periods = DeploymentAlarms.unhealthyPeriods(grace);
            // A stretch of just under `grace` seconds, starting at any second of a minute, touches this many minutes.
            for (int start = 0; start < 60; start++) {
                int end = start + Math.max(grace - 1, 0);
                assertTrue(end / 60 - start / 60 + 1 < periods, "grace " + grace + ", start " + start);
            }
        }
        assertEquals(24 * 60, DeploymentAlarms.unhealthyPeriods(DeploymentAlarms.MAX_GRACE_PERIOD_SECONDS),
                "one day of one-minute periods at most (PutMetricAlarm)");
    }

    @Test
    void itsChildrenAreItsTwoAlarmsAndItsOutputNamesBoth() {
        var c = create("alarms", a -> a.tags(Map.of("team", "payments"))).ok();
        ComponentHarness.assertChildren(c, Set.of("alarms-5xx", "alarms-unhealthy"));
        assertEquals(List.of("alarms-5xx-1a2b3c4", "alarms-unhealthy-1a2b3c4"), c.value(DeploymentAlarms::alarmNames));
        assertEquals(Map.of("team", "payments"), c.inputs("alarms-5xx").get("tags"));
        assertEquals(Map.of("team", "payments"), c.inputs("alarms-unhealthy").get("tags"));
        assertFalse(c.inputs("alarms-5xx").containsKey("alarmActions"), "ECS reads the state; no action of its own");
    }

    @Test
    void aLongNameIsShortenedToWhatCloudWatchTakes() {
        String name = "a".repeat(250);
        var c = create(name, a -> { }).ok();
        String alarm = AwsName.METRIC_ALARM.child(name, "-5xx");
        assertTrue(c.run().names().contains(alarm), c.run().names().toString());
        assertTrue(alarm.length() + AwsName.AUTONAME_SUFFIX <= 255, alarm);
    }

    @Test
    void everyChildUsesTheComponentsProvider() {
        var c = ComponentHarness.createWithProvider(options -> new DeploymentAlarms("alarms",
                DeploymentAlarmsArgs.builder().targetGroupArnSuffix(TARGET_GROUP).loadBalancerArnSuffix(LOAD_BALANCER)
                        .build(), options)).ok();
        ComponentHarness.assertEverythingThroughProvider(c.run());
    }

    @Test
    void missingAndMalformedDimensionsAreRefusedBeforeAnyChild() {
        var missing = ComponentHarness.create(o -> new DeploymentAlarms("alarms", DeploymentAlarmsArgs.builder()
                .build(), o));
        assertEquals(Set.of("targetGroupArnSuffix", "loadBalancerArnSuffix"), ComponentHarness.refusedBeforeAnyChild(
                missing.run()).stream().map(Problem::field).collect(java.util.stream.Collectors.toSet()));
        var arns = create("alarms", a -> a
                .targetGroupArnSuffix("arn:aws:elasticloadbalancing:eu-central-1:123456789012:targetgroup/orders-tg/"
                        + "0123456789abcdef")
                .loadBalancerArnSuffix("arn:aws:elasticloadbalancing:eu-central-1:123456789012:loadbalancer/net/nlb/"
                        + "fedcba9876543210")
                .healthCheckGracePeriodSeconds(DeploymentAlarms.MAX_GRACE_PERIOD_SECONDS + 1));
        List<Problem> problems = ComponentHarness.refusedBeforeAnyChild(arns.run());
        assertEquals("targetGroupArnSuffix: 'arn:aws:elasticloadbalancing:eu-central-1:123456789012:targetgroup/"
                + "orders-tg/0123456789abcdef' is not the final portion of a target group ARN, targetgroup/NAME/ID, "
                + "which CloudWatch files the AWS/ApplicationELB metrics under; that is an ARN: give its final "
                + "portion, targetgroup/orders-tg/0123456789abcdef", problems.get(1).toString());
        assertTrue(problems.get(2).toString().startsWith("loadBalancerArnSuffix: 'arn:aws:elasticloadbalancing:"
                + "eu-central-1:123456789012:loadbalancer/net/nlb/fedcba9876543210' is not the final portion of an "
                + "Application Load Balancer ARN, app/NAME/ID"), problems.get(2).toString());
        assertEquals("healthCheckGracePeriodSeconds", problems.get(0).field());
        assertTrue(problems.get(0).message().contains("one day (86,400 s; PutMetricAlarm"), problems.get(0).message());
    }

    @Test
    void aDimensionOfAnotherResourceIsCheckedWhenKnown() {
        var run = create("alarms", a -> a.loadBalancerArnSuffix(Output.of("app/edge alb/1"))).run();
        assertTrue(run.failure().contains("DeploymentAlarms 'alarms' has 1 problem in a value of another resource:\n"
                + "  - loadBalancerArnSuffix: 'app/edge alb/1' is not the final portion of an Application Load "
                + "Balancer ARN"), run.failure());
    }
}
