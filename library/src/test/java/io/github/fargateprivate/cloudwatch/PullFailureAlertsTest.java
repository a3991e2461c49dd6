package io.github.fargateprivate.cloudwatch;

import com.pulumi.core.Output;
import io.github.fargateprivate.AwsName;
import io.github.fargateprivate.ComponentHarness;
import io.github.fargateprivate.Problem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PullFailureAlertsTest {

    private static final String CLUSTER = "arn:aws:ecs:eu-central-1:123456789012:cluster/shop";
    private static final String TOPIC = "arn:aws:sns:eu-central-1:123456789012:deploy-alerts";

    private static ComponentHarness.Created<PullFailureAlerts> create(String name,
                                                                      Consumer<PullFailureAlertsArgs.Builder> configure) {
        return ComponentHarness.create(options -> {
            var args = PullFailureAlertsArgs.builder().clusterArn(CLUSTER).serviceName("orders").topicArn(TOPIC);
            configure.accept(args);
            return new PullFailureAlerts(name, args.build(), options);
        });
    }

    @Test
    void theRuleMatchesTheServicesTasksThatStoppedOnAPullErrorAndTheTargetIsTheTopic() {
        var c = create("pull", a -> { }).ok();
        assertEquals("{\"source\":[\"aws.ecs\"],\"detail-type\":[\"ECS Task State Change\"],\"detail\":{"
                + "\"clusterArn\":[\"arn:aws:ecs:eu-central-1:123456789012:cluster/shop\"],"
                + "\"group\":[\"service:orders\"],"
                + "\"lastStatus\":[\"STOPPED\"],"
                + "\"$or\":[{\"stoppedReason\":[{\"prefix\":\"CannotPullContainerError\"}]},"
                + "{\"containers\":{\"reason\":[{\"prefix\":\"CannotPullContainerError\"}]}}]}}",
                c.inputs("pull-rule").get("eventPattern"));
        assertEquals("Tasks of ECS service orders that stopped because their image could not be pulled "
                + "(CannotPullContainerError)", c.inputs("pull-rule").get("description"));
        assertFalse(c.inputs("pull-rule").containsKey("eventBusName"), "AWS services' events reach the default bus");
        // The target names the rule and the topic, and no role: SNS admits EventBridge by the topic's policy.
        assertEquals(Map.of("rule", "pull-rule-1a2b3c4", "arn", TOPIC), c.inputs("pull-target"));
        ComponentHarness.assertChildren(c, Set.of("pull-rule", "pull-target"));
        assertEquals("arn:aws:events:eu-central-1:123456789012:rule/pull-rule-1a2b3c4",
                c.value(PullFailureAlerts::ruleArn));
    }

    @Test
    void tagsReachTheRuleTheOnlyTaggableChild() {
        var c = create("pull", a -> a.tags(Map.of("team", "payments"))).ok();
        assertEquals(Map.of("team", "payments"), c.inputs("pull-rule").get("tags"));
        assertFalse(c.inputs("pull-target").containsKey("tags"));
    }

    @Test
    void aLongNameGivesARuleNameWithinEventBridges64Characters() {
        String name = "checkout-service-with-a-long-descriptive-name-pull-failures";
        var c = create(name, a -> { }).ok();
        String rule = AwsName.EVENT_RULE.child(name, "-rule");
        assertFalse(AwsName.EVENT_RULE.fits(name + "-rule"), "the plain name would not fit");
        assertTrue(c.run().names().contains(rule), c.run().names().toString());
        assertTrue(rule.length() + AwsName.AUTONAME_SUFFIX <= 64, rule);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "deploy-alerts|is not an SNS topic ARN (arn:aws:sns:eu-central-1:123456789012:NAME; aws sns list-topics "
                    + "--region eu-central-1)",
            "arn:aws:sqs:eu-central-1:123456789012:alerts|is not an SNS topic ARN",
            "arn:aws:sns:eu-central-1:123456789012:alerts:3f1c|is not an SNS topic ARN",
            "arn:aws:sns:us-east-1:123456789012:alerts|the topic is in us-east-1 of account 123456789012, but the rule "
                    + "is in eu-central-1 of account 123456789012, and a rule delivers to a target of its own region",
            "arn:aws:sns:eu-central-1:210987654321:alerts|the topic is in eu-central-1 of account 210987654321",
            "arn:aws:sns:eu-central-1:123456789012:alerts.fifo|is a FIFO topic, which takes only messages with a "
                    + "MessageGroupId, and this rule's target sets none; give a standard topic"})
    void theTopicMustBeAStandardTopicOfTheRulesAccountAndRegion(String topic, String message) {
        var c = create("pull", a -> a.topicArn(topic));
        List<Problem> problems = ComponentHarness.refusedBeforeAnyChild(c.run());
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("topicArn", problems.get(0).field());
        assertTrue(problems.get(0).message().contains(message), problems.get(0).message());
    }

    @Test
    void aTopicOfAnotherResourceIsCheckedWhenKnownAndTheWiringIsRequired() {
        var run = create("pull", a -> a.topicArn(Output.of("arn:aws:sns:us-east-1:123456789012:alerts"))).run();
        assertTrue(run.failure().contains("PullFailureAlerts 'pull' has 1 problem in a value of another resource:\n"
                + "  - topicArn: the topic is in us-east-1"), run.failure());
        var missing = ComponentHarness.create(o -> new PullFailureAlerts("pull", PullFailureAlertsArgs.builder()
                .build(), o));
        assertEquals(List.of("clusterArn", "serviceName", "topicArn"), ComponentHarness.refusedBeforeAnyChild(
                missing.run()).stream().map(Problem::field).toList());
    }

    @Test
    void theTopicIsOfTheComponentsProvidersRegion() {
        var west = ComponentHarness.createWithProvider(options -> new PullFailureAlerts("pull",
                PullFailureAlertsArgs.builder().clusterArn("arn:aws:ecs:us-west-2:123456789012:cluster/shop")
                        .serviceName("orders").topicArn("arn:aws:sns:us-west-2:123456789012:deploy-alerts").build(),
                options)).ok();
        ComponentHarness.assertEverythingThroughProvider(west.run());
        var central = ComponentHarness.createWithProvider(options -> new PullFailureAlerts("pull",
                PullFailureAlertsArgs.builder().clusterArn(CLUSTER).serviceName("orders").topicArn(TOPIC).build(),
                options));
        assertTrue(central.run().failure().contains("but the rule is in us-west-2"), central.run().failure());
    }
}
