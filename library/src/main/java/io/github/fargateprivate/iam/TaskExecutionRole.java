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
import io.github.fargateprivate.AwsEnvironment;
import io.github.fargateprivate.Problems;
import io.github.fargateprivate.Value;
import io.github.fargateprivate.arn.Arn;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ECS task execution role: the identity the ECS agent uses to pull the image, fetch secrets and write logs.
 *
 * <p>It trusts {@code ecs-tasks.amazonaws.com} alone, carries the managed {@code AmazonECSTaskExecutionRolePolicy}
 * (ECR pull and CloudWatch Logs) and no other managed policy, and an inline policy that names exact ARNs only:
 * {@code secretsmanager:GetSecretValue} on the registry credentials and the app secrets, {@code ssm:GetParameters}
 * on the parameters, {@code kms:Decrypt} on the given keys through Secrets Manager (or SSM). With nothing to read
 * there is no inline policy. Account, region and partition come from the role's own provider.
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

    private final Role role;
    private final RolePolicyAttachment managedPolicy;
    private final RolePolicy inlinePolicy;

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
     * @throws io.github.fargateprivate.ArgsException listing every problem of the args, before any child exists
     */
    public TaskExecutionRole(String name, TaskExecutionRoleArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var env = AwsEnvironment.of(this);
        var problems = Problems.of("TaskExecutionRole", name);
        Checked checked = validate(args, problems);
        problems.throwIfAny();
        var childOptions = CustomResourceOptions.builder().parent(this).build();

        var roleArgs = RoleArgs.builder()
                .description("ECS task execution role: image pull, secrets and logs for " + name)
                .assumeRolePolicy(PolicyDocument.assumeRoleBy(TRUSTED_SERVICE));
        if (!args.tags().isEmpty()) {
            roleArgs.tags(args.tags());
        }
        this.role = new Role(name + "-exec-role", roleArgs.build(), childOptions);

        this.managedPolicy = new RolePolicyAttachment(name + "-exec-managed", RolePolicyAttachmentArgs.builder()
                .role(role.name())
                .policyArn("arn:" + env.partition() + ":iam::aws:policy/service-role/" + MANAGED_POLICY_NAME)
                .build(), childOptions);

        // The ARN is handed out only once every policy is attached: a task started earlier fails to pull or to read.
        Output<String> ready = managedPolicy.id();
        if (checked.readsSomething()) {
            Output<String> policy = Output.tuple(Output.all(checked.registrySecrets), Output.all(checked.appSecrets),
                            Output.all(checked.registryKeys), Output.all(checked.appKeys))
                    .applyValue(t -> inlinePolicy(env, t.t1, t.t2, t.t3, t.t4));
            this.inlinePolicy = new RolePolicy(name + "-exec-policy", RolePolicyArgs.builder()
                    .role(role.id())
                    .policy(policy)
                    .build(), childOptions);
            ready = Output.tuple(ready, inlinePolicy.id()).applyValue(t -> t.t1);
        } else {
            this.inlinePolicy = null;
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

    private record Checked(List<Output<String>> registrySecrets, List<Output<String>> appSecrets,
                           List<Output<String>> registryKeys, List<Output<String>> appKeys) {
        boolean readsSomething() {
            return !registrySecrets.isEmpty() || !appSecrets.isEmpty();
        }
    }

    private static Checked validate(TaskExecutionRoleArgs args, Problems problems) {
        var registrySecrets = checkAll(problems, "registryCredentialsSecretArns",
                args.registryCredentialsSecretArns(), TaskExecutionRole::registrySecretProblem);
        var appSecrets = checkAll(problems, "appSecrets", args.appSecrets(), Arn::valueFromProblem);
        var registryKeys = checkAll(problems, "registryCredentialsKmsKeyArns", args.registryCredentialsKmsKeyArns(),
                Arn::kmsKeyArnProblem);
        var appKeys = checkAll(problems, "appSecretsKmsKeyArns", args.appSecretsKmsKeyArns(), Arn::kmsKeyArnProblem);
        if (!registryKeys.isEmpty() && registrySecrets.isEmpty()) {
            problems.add("registryCredentialsKmsKeyArns", "there is no registry credentials secret to decrypt; give "
                    + "the secret too, or drop the keys");
        }
        if (!appKeys.isEmpty() && appSecrets.isEmpty()) {
            problems.add("appSecretsKmsKeyArns", "there are no app secrets to decrypt; give the secrets too, or "
                    + "drop the keys");
        }
        return new Checked(registrySecrets, appSecrets, registryKeys, appKeys);
    }

    private static List<Output<String>> checkAll(Problems problems, String field, List<Value<String>> values,
                                                 java.util.function.Function<String, Optional<String>> rule) {
        List<Output<String>> checked = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            checked.add(problems.check(field + "[" + i + "]", values.get(i), rule));
        }
        return checked;
    }

    private static Optional<String> registrySecretProblem(String secret) {
        if (secret.startsWith("arn:")) {
            return Arn.secretArnProblem(secret, false);
        }
        return Arn.SECRET_NAME.matcher(secret).matches() ? Optional.empty()
                : Optional.of("'" + secret + "' is neither a secret ARN nor a secret name");
    }

    static String inlinePolicy(AwsEnvironment env, List<String> registrySecrets, List<String> appSecrets,
                               List<String> registryKeys, List<String> appKeys) {
        List<String> secrets = new ArrayList<>();
        registrySecrets.forEach(s -> secrets.add(s.startsWith("arn:") ? s
                : env.arn("secretsmanager", "secret:" + s + "-??????")));
        List<String> parameters = new ArrayList<>();
        for (String valueFrom : appSecrets) {
            if (Arn.parse(valueFrom).map(a -> a.service().equals("ssm")).orElse(false)) {
                parameters.add(valueFrom);
            } else {
                secrets.add(Arn.secretWithoutJsonKey(valueFrom));
            }
        }
        var doc = new PolicyDocument();
        if (!secrets.isEmpty()) {
            doc.allow("ReadSecrets", List.of("secretsmanager:GetSecretValue"), distinct(secrets), Map.of());
        }
        if (!parameters.isEmpty()) {
            doc.allow("ReadParameters", List.of("ssm:GetParameters"), distinct(parameters), Map.of());
        }
        List<String> keys = distinct(registryKeys);
        for (int i = 0; i < keys.size(); i++) {
            String region = Arn.parse(keys.get(i)).orElseThrow().region();
            // Decrypt only when Secrets Manager asks on the role's behalf, not for direct use of the key.
            doc.allow("DecryptSecrets" + (i == 0 ? "" : String.valueOf(i)), List.of("kms:Decrypt"),
                    List.of(keys.get(i)), Map.of("StringEquals",
                            Map.of("kms:ViaService", env.endpoint("secretsmanager", region))));
        }
        keys = distinct(appKeys);
        for (int i = 0; i < keys.size(); i++) {
            String region = Arn.parse(keys.get(i)).orElseThrow().region();
            // App secrets come from Secrets Manager or, as SecureString parameters, from SSM.
            doc.allow("DecryptAppSecrets" + (i == 0 ? "" : String.valueOf(i)), List.of("kms:Decrypt"),
                    List.of(keys.get(i)), Map.of("StringEquals", Map.of("kms:ViaService", List.of(
                            env.endpoint("secretsmanager", region), env.endpoint("ssm", region)))));
        }
        return doc.toJson();
    }

    private static List<String> distinct(List<String> values) {
        return new ArrayList<>(new LinkedHashSet<>(values));
    }

    /** @return the IAM role */
    public Role role() {
        return role;
    }

    /** @return the attachment of {@value #MANAGED_POLICY_NAME} */
    public RolePolicyAttachment managedPolicy() {
        return managedPolicy;
    }

    /** @return the inline policy; empty when the role reads no secret */
    public Optional<RolePolicy> inlinePolicy() {
        return Optional.ofNullable(inlinePolicy);
    }

    /** @return the role's ARN, what a task definition's {@code executionRoleArn} takes; resolves once its policies exist */
    public Output<String> arn() {
        return arn;
    }

    /** @return the role's name */
    public Output<String> roleName() {
        return roleName;
    }
}
