package io.github.fargateprivate.iam;

import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.github.fargateprivate.Rules;
import io.github.fargateprivate.arn.Arn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The ECS task execution role: the identity the ECS agent uses to pull the image, fetch secrets and write logs.
 *
 * <p>It trusts {@code ecs-tasks.amazonaws.com} alone, carries the managed {@code AmazonECSTaskExecutionRolePolicy}
 * (ECR pull and CloudWatch Logs) and no other managed policy, and an inline policy that names exact ARNs only:
 * {@code secretsmanager:GetSecretValue} on the given secrets, {@code ssm:GetParameters} on the given parameters and
 * {@code kms:Decrypt} on the given keys via Secrets Manager. With nothing to read there is no inline policy.
 *
 * <p>Children: {@code <name>-exec-role}, {@code <name>-exec-managed} and, when needed, {@code <name>-exec-policy}.
 */
public class TaskExecutionRole extends ComponentResource {

    /** The Pulumi type token of this component. */
    public static final String TYPE = "fargate-private-registry:iam:TaskExecutionRole";
    /** The only principal allowed to assume the role. */
    public static final String TRUSTED_SERVICE = "ecs-tasks.amazonaws.com";
    /** Name of the one managed policy attached. */
    public static final String MANAGED_POLICY_NAME = "AmazonECSTaskExecutionRolePolicy";

    @Export(name = "arn", refs = {String.class}, tree = "[0]")
    private final Output<String> arn;

    @Export(name = "name", refs = {String.class}, tree = "[0]")
    private final Output<String> roleName;

    /**
     * Creates the role and its policies.
     *
     * @param name    the component's name; children are named from it
     * @param args    what the role may read
     * @param options component options
     */
    public TaskExecutionRole(String name, TaskExecutionRoleArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        args.kmsKeyArns().forEach(key -> Rules.require("TaskExecutionRoleArgs.kmsKeyArns", Arn.kmsKeyArnProblem(key)));
        args.appSecretsKmsKeyArns().forEach(key ->
                Rules.require("TaskExecutionRoleArgs.appSecretsKmsKeyArns", Arn.kmsKeyArnProblem(key)));
        if (args.secretArns().isEmpty() && args.parameterArns().isEmpty()
                && !(args.kmsKeyArns().isEmpty() && args.appSecretsKmsKeyArns().isEmpty())) {
            throw new IllegalArgumentException("TaskExecutionRoleArgs.kmsKeyArns/appSecretsKmsKeyArns: no secret or "
                    + "parameter to decrypt; give the secrets too, or drop the keys");
        }
        var childOptions = CustomResourceOptions.builder().parent(this).build();

        var role = new Role(name + "-exec-role", RoleArgs.builder()
                .description("ECS task execution role: image pull, secrets and logs for " + name)
                .assumeRolePolicy(PolicyDocument.assumeRoleBy(TRUSTED_SERVICE))
                .build(), childOptions);

        var managed = new RolePolicyAttachment(name + "-exec-managed", RolePolicyAttachmentArgs.builder()
                .role(role.name())
                .policyArn("arn:" + args.partition() + ":iam::aws:policy/service-role/" + MANAGED_POLICY_NAME)
                .build(), childOptions);

        // The ARN is handed out only once every policy is attached: a task started earlier fails to pull or to read.
        Output<String> ready = managed.id();
        if (!args.secretArns().isEmpty() || !args.parameterArns().isEmpty()) {
            Output<String> policy = Output.tuple(Output.all(args.secretArns()), Output.all(args.parameterArns()))
                    .applyValue(t -> inlinePolicy(t.t1, t.t2, args.kmsKeyArns(), args.appSecretsKmsKeyArns()));
            var inline = new RolePolicy(name + "-exec-policy", RolePolicyArgs.builder()
                    .role(role.id())
                    .policy(policy)
                    .build(), childOptions);
            ready = Output.tuple(ready, inline.id()).applyValue(t -> t.t1);
        }

        this.arn = Output.tuple(role.arn(), ready).applyValue(t -> t.t1);
        this.roleName = role.name();
        registerOutputs(Map.of("arn", arn, "name", roleName));
    }

    /**
     * Creates the role with default component options.
     *
     * @param name the component's name
     * @param args what the role may read
     */
    public TaskExecutionRole(String name, TaskExecutionRoleArgs args) {
        this(name, args, ComponentResourceOptions.Empty);
    }

    static String inlinePolicy(List<String> secretArns, List<String> parameterArns, List<String> kmsKeyArns,
                               List<String> appSecretsKmsKeyArns) {
        var doc = new PolicyDocument();
        if (!secretArns.isEmpty()) {
            doc.allow("ReadSecrets", List.of("secretsmanager:GetSecretValue"), distinct(secretArns), Map.of());
        }
        if (!parameterArns.isEmpty()) {
            doc.allow("ReadParameters", List.of("ssm:GetParameters"), distinct(parameterArns), Map.of());
        }
        for (int i = 0; i < kmsKeyArns.size(); i++) {
            String key = kmsKeyArns.get(i);
            String region = Arn.parse(key).orElseThrow().region();
            // Decrypt only when Secrets Manager asks on the role's behalf, not for direct use of the key.
            doc.allow("DecryptSecrets" + (i == 0 ? "" : String.valueOf(i)), List.of("kms:Decrypt"), List.of(key),
                    Map.of("StringEquals", Map.of("kms:ViaService", "secretsmanager." + region + ".amazonaws.com")));
        }
        for (int i = 0; i < appSecretsKmsKeyArns.size(); i++) {
            String key = appSecretsKmsKeyArns.get(i);
            String region = Arn.parse(key).orElseThrow().region();
            // App secrets come from Secrets Manager or, as SecureString parameters, from SSM.
            doc.allow("DecryptAppSecrets" + (i == 0 ? "" : String.valueOf(i)), List.of("kms:Decrypt"), List.of(key),
                    Map.of("StringEquals", Map.of("kms:ViaService", List.of(
                            "secretsmanager." + region + ".amazonaws.com", "ssm." + region + ".amazonaws.com"))));
        }
        return doc.toJson();
    }

    private static List<String> distinct(List<String> values) {
        return new ArrayList<>(new java.util.LinkedHashSet<>(values));
    }

    /** @return the role's ARN, what a task definition's {@code executionRoleArn} takes */
    public Output<String> arn() {
        return arn;
    }

    /** @return the role's name */
    public Output<String> roleName() {
        return roleName;
    }
}
