package io.github.fargateprivate.lb;

import com.pulumi.aws.lb.ListenerRule;
import com.pulumi.aws.lb.ListenerRuleArgs.Builder;
import com.pulumi.aws.lb.TargetGroup;
import com.pulumi.aws.lb.inputs.ListenerRuleActionArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionHostHeaderArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionPathPatternArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.github.fargateprivate.AwsName;
import io.github.fargateprivate.Problems;
import io.github.fargateprivate.ec2.NetworkArgs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
        var problems = Problems.of("ListenerTarget", name);
        ListenerRuleArgs.Checked rule = null;
        if (args.listenerRule() == null) {
            problems.add("listenerRule", "required: where on the shared load balancer the service goes");
        } else {
            rule = args.listenerRule().validate(problems.at("listenerRule"));
        }
        if (args.targetGroup() == null) {
            problems.add("targetGroup", "required: at least the targets' port");
        } else {
            args.targetGroup().validate(problems.at("targetGroup"));
        }
        Output<String> vpcId = null;
        if (args.vpcId() == null) {
            problems.add("vpcId", "required: the VPC of the target group");
        } else {
            vpcId = problems.check("vpcId", args.vpcId(), NetworkArgs::vpcIdProblem);
        }
        problems.throwIfAny();
        var childOptions = CustomResourceOptions.builder().parent(this).build();

        this.targetGroup = new TargetGroup(AwsName.TARGET_GROUP.child(name, "-tg"),
                args.targetGroup().resourceArgs(vpcId, args.tags()), childOptions);
        List<ListenerRuleConditionArgs> conditions = new ArrayList<>();
        if (!args.listenerRule().hostHeaders().isEmpty()) {
            conditions.add(ListenerRuleConditionArgs.builder().hostHeader(ListenerRuleConditionHostHeaderArgs.builder()
                    .values(args.listenerRule().hostHeaders()).build()).build());
        }
        if (!args.listenerRule().pathPatterns().isEmpty()) {
            conditions.add(ListenerRuleConditionArgs.builder().pathPattern(ListenerRuleConditionPathPatternArgs
                    .builder().values(args.listenerRule().pathPatterns()).build()).build());
        }
        Builder ruleArgs = com.pulumi.aws.lb.ListenerRuleArgs.builder()
                .listenerArn(rule.listenerArn())
                .priority(args.listenerRule().priority())
                .conditions(conditions)
                .actions(ListenerRuleActionArgs.builder().type("forward").targetGroupArn(targetGroup.arn()).build());
        if (!args.tags().isEmpty()) {
            ruleArgs.tags(args.tags());
        }
        this.listenerRule = new ListenerRule(name + "-rule", ruleArgs.build(), childOptions);

        this.loadBalancerSecurityGroupId = rule.loadBalancerSecurityGroupId();
        // ECS refuses a target group that no listener uses yet: the ARN waits for the rule.
        this.targetGroupArn = Output.tuple(targetGroup.arn(), listenerRule.arn()).applyValue(t -> t.t1);
        registerOutputs(Map.of("targetGroupArn", targetGroupArn));
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

    /** @return the shared load balancer's security group, checked */
    public Output<String> loadBalancerSecurityGroupId() {
        return loadBalancerSecurityGroupId;
    }
}
