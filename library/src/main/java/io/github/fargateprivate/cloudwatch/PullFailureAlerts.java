package io.github.fargateprivate.cloudwatch;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.pulumi.aws.cloudwatch.EventRule;
import com.pulumi.aws.cloudwatch.EventRuleArgs;
import com.pulumi.aws.cloudwatch.EventTarget;
import com.pulumi.aws.cloudwatch.EventTargetArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.github.fargateprivate.AwsEnvironment;
import io.github.fargateprivate.AwsName;
import io.github.fargateprivate.Children;
import io.github.fargateprivate.OrderedJson;
import io.github.fargateprivate.Problems;

import java.util.List;
import java.util.Map;

/**
 * An EventBridge rule that sends every task of one ECS service that stopped because its image could not be pulled
 * ({@code CannotPullContainerError}) to an SNS topic: a wrong tag, expired registry credentials or a registry's rate
 * limit reaches a person at the first failed task, not when someone reads the service's events. The topic receives the
 * whole "ECS Task State Change" event (its {@code detail} is the task, with {@code stoppedReason} and each container's
 * {@code reason}).
 *
 * <p>The rule matches, on the default event bus ("Amazon ECS task state change events", ECS developer guide,
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_task_events.html): {@code source} {@code aws.ecs},
 * {@code detail-type} "ECS Task State Change", {@code detail.clusterArn} the service's cluster,
 * {@code detail.group} {@code service:<name>} (the group of a service's tasks), {@code detail.lastStatus}
 * {@code STOPPED}, and either the task's {@code stoppedReason} or a container's {@code reason} beginning with
 * {@code CannotPullContainerError} (which of the two ECS fills differs between launch types and agent
 * versions; either matches): prefix matching and
 * {@code $or} ("Content filtering in Amazon EventBridge event patterns",
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns-content-based-filtering.html, now
 * "Comparison operators for use in event patterns", eb-create-pattern-operators.html), and a field of the objects of
 * an array ({@code containers}) matches when any element's does ("Arrays in Amazon EventBridge event patterns",
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns-arrays.html).
 *
 * <p>The topic's access policy must allow {@code events.amazonaws.com} to {@code sns:Publish}, without a condition
 * block (EventBridge user guide, "Using resource-based policies for Amazon EventBridge", Amazon SNS permissions,
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-use-resource-based.html), and a topic encrypted with a
 * customer managed KMS key needs a key policy that lets {@code events.amazonaws.com} use {@code kms:GenerateDataKey*}
 * and {@code kms:Decrypt} (AWS re:Post knowledge center, "Why isn't my Amazon SNS topic receiving EventBridge
 * notifications?", https://repost.aws/knowledge-center/sns-not-getting-eventbridge-notification; SNS developer guide,
 * "Configuring AWS KMS permissions", https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html). This
 * component changes neither: the topic is its owner's. Without them, EventBridge counts the rule's
 * {@code FailedInvocations} and nothing arrives. Events of AWS services on the default bus cost nothing in
 * EventBridge; SNS bills the publishes.
 *
 * <p>Children: {@code <name>-rule} and {@code <name>-target}.
 */
public class PullFailureAlerts extends ComponentResource {

    /** The Pulumi type token of this component. */
    public static final String TYPE = "fargate-private-registry:cloudwatch:PullFailureAlerts";
    /** What ECS writes at the start of a stopped task's or container's reason when it could not pull the image. */
    public static final String PULL_ERROR = "CannotPullContainerError";

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private final EventRule rule;
    private final EventTarget target;

    @Export(name = "ruleArn", refs = {String.class}, tree = "[0]")
    private final Output<String> ruleArn;

    /**
     * Creates the rule and its target.
     *
     * @param name    the component's name; children are named from it
     * @param args    the service watched and the topic
     * @param options component options
     * @throws io.github.fargateprivate.ArgsException listing every problem of the args, before any child exists
     */
    public PullFailureAlerts(String name, PullFailureAlertsArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        PullFailureAlertsArgs checked = validate(name, args);
        var children = Children.of(this, checked.tags());
        Output<String> serviceName = checked.serviceName().orElseThrow().output();
        this.rule = children.create(EventRule::new, AwsName.EVENT_RULE.child(name, "-rule"), EventRuleArgs.builder()
                .description(serviceName.applyValue(s -> "Tasks of ECS service " + s + " that stopped "
                        + "because their image could not be pulled (" + PULL_ERROR + ")"))
                .eventPattern(Output.tuple(checked.clusterArn().orElseThrow().output(), serviceName)
                        .applyValue(t -> eventPattern(t.t1, t.t2)))
                .build());
        // A topic's target takes no role: EventBridge publishes under the topic's own access policy.
        this.target = children.create(EventTarget::new, name + "-target", EventTargetArgs.builder()
                .rule(rule.name())
                .arn(checked.topicArn().orElseThrow().output())
                .build());

        this.ruleArn = rule.arn();
        registerOutputs(Map.of("ruleArn", ruleArn));
    }

    /** The args, checked (the topic in the component's account and region); every problem at once, before any child. */
    private PullFailureAlertsArgs validate(String name, PullFailureAlertsArgs args) {
        PullFailureAlertsArgs checked = Problems.validated("PullFailureAlerts", name, problems -> args.validate(problems).checkAccountAndRegion(problems,
                AwsEnvironment.of(this)));
        return checked;
    }

    /**
     * Creates the rule with default component options.
     *
     * @param name the component's name
     * @param args the service watched and the topic
     */
    public PullFailureAlerts(String name, PullFailureAlertsArgs args) {
        this(name, args, ComponentResourceOptions.Empty);
    }

    /**
     * @param clusterArn  the service's cluster
     * @param serviceName the service's name
     * @return the rule's event pattern, as JSON: the service's tasks that stopped on a pull error
     */
    public static String eventPattern(String clusterArn, String serviceName) {
        List<Map<String, Object>> prefix = List.of(Map.of("prefix", PULL_ERROR));
        return GSON.toJson(OrderedJson.object(
                "source", List.of("aws.ecs"),
                "detail-type", List.of("ECS Task State Change"),
                "detail", OrderedJson.object(
                        "clusterArn", List.of(clusterArn),
                        "group", List.of("service:" + serviceName),
                        "lastStatus", List.of("STOPPED"),
                        "$or", List.of(
                                Map.of("stoppedReason", prefix),
                                Map.of("containers", Map.of("reason", prefix))))));
    }

    /** @return the EventBridge rule */
    public EventRule rule() {
        return rule;
    }

    /** @return the rule's target, the topic */
    public EventTarget target() {
        return target;
    }

    /** @return the rule's ARN */
    public Output<String> ruleArn() {
        return ruleArn;
    }
}
