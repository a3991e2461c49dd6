package io.github.fargateprivate.iam;

import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.github.fargateprivate.AwsName;
import io.github.fargateprivate.Children;
import io.github.fargateprivate.AwsEnvironment;
import io.github.fargateprivate.Problems;
import io.github.fargateprivate.Value;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The task role: the application's own AWS identity, separate from the execution role that pulls the image.
 *
 * <p>It trusts {@code ecs-tasks.amazonaws.com} only for tasks of the deploying account and region (conditions
 * {@code aws:SourceAccount} and {@code aws:SourceArn}, AWS's guard against the confused deputy) and holds one inline
 * policy with the given statements, plus ECS Exec's four channel actions when asked.
 *
 * <p>Children: {@code <name>-role} and, with statements, {@code <name>-policy}.
 */
public class TaskRole extends ComponentResource {

    /** The Pulumi type token of this component. */
    public static final String TYPE = "fargate-private-registry:iam:TaskRole";
    /** The actions ECS Exec's agent calls (ECS developer guide, "Monitor Amazon ECS containers with ECS Exec"). */
    public static final List<String> EXECUTE_COMMAND_ACTIONS = List.of("ssmmessages:CreateControlChannel",
            "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel");
    /** The sid of the statement that {@link TaskRoleArgs#executeCommand()} adds; no other statement may take it. */
    public static final String EXECUTE_COMMAND_SID = "EcsExecChannels";

    private final Role role;
    private final RolePolicy policy;

    @Export(name = "arn", refs = {String.class}, tree = "[0]")
    private final Output<String> arn;

    /**
     * Creates the role and its policy.
     *
     * @param name    the component's name; children are named from it
     * @param args    what the application may do
     * @param options component options
     * @throws io.github.fargateprivate.ArgsException listing every problem of the args, before any child exists
     */
    public TaskRole(String name, TaskRoleArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var env = AwsEnvironment.of(this);
        TaskRoleArgs checked = Problems.validated("TaskRole", name, problems -> args.validate(problems));
        var children = Children.of(this, checked.tags());

        this.role = children.create(Role::new, AwsName.IAM_ROLE.child(name, "-role"), RoleArgs.builder()
                .description("ECS task role of " + name + ": the application's own permissions")
                .assumeRolePolicy(PolicyDocument.assumeRoleBy(TaskExecutionRole.TRUSTED_SERVICE, Map.of(
                        "StringEquals", Map.of("aws:SourceAccount", env.accountId()),
                        "ArnLike", Map.of("aws:SourceArn", env.arn("ecs", "*")))))
                .build());

        Output<String> ready = role.arn();
        if (!checked.statements().isEmpty() || checked.executeCommand()) {
            this.policy = children.create(RolePolicy::new, AwsName.IAM_POLICY.child(name, "-policy"),
                    RolePolicyArgs.builder().role(role.id()).policy(document(checked)).build());
            ready = Output.tuple(ready, policy.id()).applyValue(t -> t.t1);
        } else {
            this.policy = null;
        }
        // Handed out once the policy exists, so that the application never starts without its permissions.
        this.arn = ready;
        registerOutputs(Map.of("arn", arn));
    }

    /**
     * Creates the role with default component options.
     *
     * @param name the component's name
     * @param args what the application may do
     */
    public TaskRole(String name, TaskRoleArgs args) {
        this(name, args, ComponentResourceOptions.Empty);
    }

    /** The policy of the statements, once each resource is known, and of ECS Exec's channels when asked. */
    private static Output<String> document(TaskRoleArgs checked) {
        List<Output<List<String>>> all = checked.statements().stream()
                .map(s -> Output.all(s.resources().stream().map(Value::output).toList())).toList();
        return Output.all(all).applyValue(lists -> {
            var doc = new PolicyDocument();
            for (int i = 0; i < lists.size(); i++) {
                var s = checked.statements().get(i);
                doc.allowScoped(s.sid(), s.actions(), lists.get(i));
            }
            if (checked.executeCommand()) {
                doc.allowOnAnyResource(EXECUTE_COMMAND_SID, EXECUTE_COMMAND_ACTIONS);
            }
            return doc.toJson();
        });
    }

    /** @return the IAM role */
    public Role role() {
        return role;
    }

    /** @return the inline policy; empty without statements */
    public Optional<RolePolicy> policy() {
        return Optional.ofNullable(policy);
    }

    /** @return the role's ARN, what a task definition's {@code taskRoleArn} takes; resolves once its policy exists */
    public Output<String> arn() {
        return arn;
    }
}
