package io.github.fargateprivate.lb;

import com.pulumi.aws.lb.ListenerRule;
import com.pulumi.aws.lb.TargetGroup;
import com.pulumi.aws.lb.inputs.ListenerRuleActionArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionHostHeaderArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionPathPatternArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;
import io.github.fargateprivate.ArgsException;
import io.github.fargateprivate.AwsName;
import io.github.fargateprivate.Children;
import io.github.fargateprivate.Problem;
import io.github.fargateprivate.Rules;
import io.github.fargateprivate.EngineLog;
import io.github.fargateprivate.Problems;
import io.github.fargateprivate.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A service's own target group on a shared load balancer: the target group and the listener rule that forwards the
 * service's hosts and paths to it.
 *
 * <p>Children: {@code <name>-tg} and {@code <name>-rule}.
 */
public class ListenerTarget extends ComponentResource {

    /** The Pulumi type token of this component. */
    public static final String TYPE = "fargate-private-registry:lb:ListenerTarget";

    private final TargetGroup targetGroup;
    private final ListenerRule listenerRule;
    private final Output<String> loadBalancerSecurityGroupId;
    private final Output<String> targetsSecurityGroupId;
    private final Output<String> loadBalancerArnSuffix;

    @Export(name = "targetGroupArn", refs = {String.class}, tree = "[0]")
    private final Output<String> targetGroupArn;

    /**
     * Creates the target group and the rule.
     *
     * @param name    the component's name; children are named from it
     * @param args    the VPC, the rule and the target group
     * @param options component options
     * @throws io.github.fargateprivate.ArgsException listing every problem of the args, before any child exists
     */
    public ListenerTarget(String name, ListenerTargetArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        ListenerTargetArgs checked = validate(name, args);
        ListenerRuleArgs rule = checked.listenerRule().orElseThrow();
        var children = Children.of(this, checked.tags());

        this.targetGroup = children.create(TargetGroup::new, AwsName.TARGET_GROUP.child(name, "-tg"),
                checked.targetGroup().orElseThrow().resourceArgs(checked.vpcId().orElseThrow().output()));
        Output<String> listenerArn = rule.loadBalancer().isPresent() ? rule.listenerArn().orElseThrow().output()
                : placedWhenKnown(rule, name);
        this.listenerRule = children.create(ListenerRule::new, name + "-rule", ruleArgs(rule, listenerArn));

        this.loadBalancerSecurityGroupId = rule.loadBalancerSecurityGroupId().orElseThrow().output();
        this.loadBalancerArnSuffix = listenerArn.applyValue(ListenerTarget::loadBalancerArnSuffix);
        this.targetsSecurityGroupId = rule.targetsSecurityGroupId().map(Value::output).orElse(null);
        if (targetsSecurityGroupId == null) {
            EngineLog.warn(this, "ListenerTarget '" + name + "'", "the load balancer's targets' security group is not "
                    + "given (ListenerRuleArgs.targetsSecurityGroupId), so the service adds an egress rule to the load "
                    + "balancer's own group, which takes at most " + Rules.SECURITY_GROUP_RULES + " ("
                    + Rules.SECURITY_GROUP_RULES_QUOTA_NAME + ") and which its owner must not manage with inline "
                    + "egress rules (an update would remove this one); give the targets' group: "
                    + "ApplicationLoadBalancer#targetsSecurityGroupId(), exported by the stack that owns it");
        }
        // ECS refuses a target group that no listener uses yet: the ARN waits for the rule.
        this.targetGroupArn = Output.tuple(targetGroup.arn(), listenerRule.arn()).applyValue(t -> t.t1);
        registerOutputs(Map.of("targetGroupArn", targetGroupArn));
    }

    /** The args, checked and the rule placed; every problem at once, before any child exists. */
    private ListenerTargetArgs validate(String name, ListenerTargetArgs args) {
        return Problems.validated("ListenerTarget", name, problems -> {
            ListenerTargetArgs checked = args.validate(problems);
            args.listenerRule().ifPresent(rule -> place(rule, name, problems.at("listenerRule"), this));
            return checked;
        });
    }

    /** The rule: the service's hosts and paths, forwarded to its target group. */
    private com.pulumi.aws.lb.ListenerRuleArgs ruleArgs(ListenerRuleArgs rule, Output<String> listenerArn) {
        List<ListenerRuleConditionArgs> conditions = new ArrayList<>();
        if (!rule.hostHeaders().isEmpty()) {
            conditions.add(ListenerRuleConditionArgs.builder().hostHeader(ListenerRuleConditionHostHeaderArgs.builder()
                    .values(rule.hostHeaders()).build()).build());
        }
        if (!rule.pathPatterns().isEmpty()) {
            conditions.add(ListenerRuleConditionArgs.builder().pathPattern(ListenerRuleConditionPathPatternArgs
                    .builder().values(rule.pathPatterns()).build()).build());
        }
        return com.pulumi.aws.lb.ListenerRuleArgs.builder()
                .listenerArn(listenerArn)
                .priority(rule.priority().orElseThrow())
                .conditions(conditions)
                .actions(ListenerRuleActionArgs.builder().type("forward").targetGroupArn(targetGroup.arn()).build())
                .build();
    }

    /**
     * Creates the target with default component options.
     *
     * @param name the component's name
     * @param args the VPC, the rule and the target group
     */
    public ListenerTarget(String name, ListenerTargetArgs args) {
        this(name, args, ComponentResourceOptions.Empty);
    }

    /**
     * Places the rule among the others this program puts on its load balancer, before anything is registered: a
     * load balancer of this program counts its rules and target groups against AWS's quotas; one known by its
     * listener's plain ARN counts the priorities. A listener of another resource is placed when its ARN is known.
     *
     * @param rule      the rule
     * @param owner     the rule's owner: the name of the {@link ListenerTarget} that creates it
     * @param problems  where refusals go, under the rule's fields
     * @param component the component that places it, for warnings
     */
    public static void place(ListenerRuleArgs rule, String owner, Problems problems, Resource component) {
        if (rule.priority().isEmpty()) {
            return;
        }
        int priority = rule.priority().get();
        if (rule.loadBalancer().isPresent()) {
            rule.loadBalancer().get().place(owner, priority, problems);
        } else {
            rule.listenerArn().flatMap(Value::plain).flatMap(arn -> placeOnListener(arn, owner, priority, component))
                    .ifPresent(p -> problems.add("priority", p));
        }
    }

    /** The checked rule's listener, placed once its ARN is known when it is of another resource. */
    private static Output<String> placedWhenKnown(ListenerRuleArgs rule, String owner) {
        Value<String> listenerArn = rule.listenerArn().orElseThrow();
        if (listenerArn.isPlain()) {
            return listenerArn.output();
        }
        return listenerArn.output().applyValue(arn -> {
            placeOnListener(arn, owner, rule.priority().orElseThrow(), null).ifPresent(p -> {
                throw new ArgsException("ListenerTarget '" + owner + "'", List.of(new Problem("listenerRule.priority",
                        p)), false);
            });
            return arn;
        });
    }

    /** A listener known only by its ARN: its priorities are this program's to keep apart; its quota, a warning. */
    private static Optional<String> placeOnListener(String listenerArn, String owner, int priority,
                                                    Resource component) {
        Optional<String> holder = ListenerRules.claim(listenerArn, owner, priority);
        int rules = ListenerRules.count(listenerArn);
        if (holder.isEmpty() && rules == (int) Math.ceil(ApplicationLoadBalancerOptions.DEFAULT_RULES_QUOTA
                * ListenerRules.WARN_AT) && component != null) {
            EngineLog.warn(component, "ListenerTarget '" + owner + "'", "this program places " + rules + " listener "
                    + "rules on " + listenerArn + ", whose load balancer takes " + ApplicationLoadBalancerOptions
                    .DEFAULT_RULES_QUOTA + " by default (\"Rules per Application Load Balancer\", " + ListenerRules.QUOTAS_PAGE
                    + "), its owner's own rules included");
        }
        return holder.map(h -> priority + " is taken on listener " + listenerArn + " by " + h + ", and ELB refuses a "
                + "priority twice (PriorityInUse); choose another");
    }

    /**
     * A listener's ARN continues its load balancer's: {@code ...:listener/app/NAME/LB_ID/LISTENER_ID} belongs to
     * {@code ...:loadbalancer/app/NAME/LB_ID} (ELB API reference, DescribeListeners and DescribeLoadBalancers
     * examples), whose final portion, {@code app/NAME/LB_ID}, is the load balancer's CloudWatch dimension ("Metric
     * dimensions for Application Load Balancers").
     *
     * @param listenerArn an Application Load Balancer listener's ARN
     * @return its load balancer's {@code arnSuffix}; the ARN unchanged when it is not a listener's
     */
    public static String loadBalancerArnSuffix(String listenerArn) {
        int at = listenerArn.indexOf(":listener/");
        if (at < 0) {
            return listenerArn;
        }
        String path = listenerArn.substring(at + ":listener/".length());
        int last = path.lastIndexOf('/');
        return last < 0 ? listenerArn : path.substring(0, last);
    }

    /** @return the target group */
    public TargetGroup targetGroup() {
        return targetGroup;
    }

    /** @return the listener rule */
    public ListenerRule listenerRule() {
        return listenerRule;
    }

    /** @return the target group's ARN, resolving once the rule forwards to it */
    public Output<String> targetGroupArn() {
        return targetGroupArn;
    }

    /** @return the load balancer's targets' security group, checked; empty when not given */
    public Optional<Output<String>> targetsSecurityGroupId() {
        return Optional.ofNullable(targetsSecurityGroupId);
    }

    /**
     * @return the shared load balancer's {@code arnSuffix} ({@code app/NAME/ID}), read from the listener's ARN, so
     *     also of a load balancer of another stack: its CloudWatch dimension
     */
    public Output<String> loadBalancerArnSuffix() {
        return loadBalancerArnSuffix;
    }

    /** @return the shared load balancer's security group, checked */
    public Output<String> loadBalancerSecurityGroupId() {
        return loadBalancerSecurityGroupId;
    }
}
