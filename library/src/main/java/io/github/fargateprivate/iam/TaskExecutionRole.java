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
import io.github.fargateprivate.AwsName;
import io.github.fargateprivate.Children;
import io.github.fargateprivate.AwsEnvironment;
import io.github.fargateprivate.Problems;
import io.github.fargateprivate.Value;
import io.github.fargateprivate.arn.Arn;
import io.github.fargateprivate.registry.ImageReference;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ECS task execution role: the identity the ECS agent uses to pull the image, fetch secrets and write logs.
 *
 * <p>It trusts {@code ecs-tasks.amazonaws.com} alone and holds one inline policy of the statements the task needs,
 * each on exact ARNs: {@code secretsmanager:GetSecretValue} on the registry credentials and the app secrets,
 * {@code ssm:GetParameters} on the parameters, {@code kms:Decrypt} on the given keys through Secrets Manager (or
 * SSM), the three ECR pull actions on exactly the repositories of ECR images (with {@code ecr:GetAuthorizationToken},
 * the one action IAM grants only on {@code *}), and the log writes on exactly the given log groups' streams. No
 * managed policy, unless {@link TaskExecutionRoleOptions#managedPolicy()} asks for AWS's
 * {@code AmazonECSTaskExecutionRolePolicy}. Account, region and partition come from the role's own provider.
 *
 * <p>Children: {@code <name>-exec-role}, {@code <name>-exec-policy} (when there is something to grant) and
 * {@code <name>-exec-managed} (when asked).
 */
public class TaskExecutionRole extends ComponentResource {

    /** The Pulumi type token of this component. */
    public static final String TYPE = "fargate-private-registry:iam:TaskExecutionRole";
    /** The only principal allowed to assume the role. */
    public static final String TRUSTED_SERVICE = "ecs-tasks.amazonaws.com";
    /** Name of the AWS managed policy attached when asked. */
    public static final String MANAGED_POLICY_NAME = "AmazonECSTaskExecutionRolePolicy";
    /** What pulling an image from an ECR repository takes, besides the login token. */
    public static final List<String> ECR_PULL_ACTIONS = List.of("ecr:BatchCheckLayerAvailability",
            "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage");
    /**
     * What pulling through an ECR pull-through cache takes beyond the pull actions (ECR user guide, "IAM permissions
     * required to sync an upstream registry"): the import of an image not cached yet, and the repository it creates.
     */
    public static final List<String> CACHE_ACTIONS = List.of("ecr:BatchImportUpstreamImage", "ecr:CreateRepository");
    /** Every ECR action a task execution role could use. */
    static final List<String> ECR_ACTIONS = List.of("ecr:GetAuthorizationToken", "ecr:BatchCheckLayerAvailability",
            "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage");
    /** What the {@code awslogs} log driver calls on a log group's streams. */
    public static final List<String> LOG_ACTIONS = List.of("logs:CreateLogStream", "logs:PutLogEvents");

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
        TaskExecutionRoleArgs checked = Problems.validated("TaskExecutionRole", name, problems -> args.validate(problems));
        var children = Children.of(this, checked.tags());

        this.role = children.create(Role::new, AwsName.IAM_ROLE.child(name, "-exec-role"), RoleArgs.builder()
                .description("ECS task execution role: image pull, secrets and logs for " + name)
                .assumeRolePolicy(PolicyDocument.assumeRoleBy(TRUSTED_SERVICE))
                .build());
        // The ARN is handed out only once every policy is attached: a task started earlier fails to pull or to read.
        Output<String> ready = role.arn();
        this.managedPolicy = checked.managedPolicy() ? children.create(RolePolicyAttachment::new,
                name + "-exec-managed", RolePolicyAttachmentArgs.builder()
                        .role(role.name())
                        .policyArn("arn:" + env.partition() + ":iam::aws:policy/service-role/" + MANAGED_POLICY_NAME)
                        .build()) : null;
        if (managedPolicy != null) {
            ready = Output.tuple(ready, managedPolicy.id()).applyValue(t -> t.t1);
        }
        this.inlinePolicy = checked.readsSomething() ? children.create(RolePolicy::new,
                AwsName.IAM_POLICY.child(name, "-exec-policy"), RolePolicyArgs.builder()
                        .role(role.id())
                        .policy(policy(env, checked))
                        .build()) : null;
        if (inlinePolicy != null) {
            ready = Output.tuple(ready, inlinePolicy.id()).applyValue(t -> t.t1);
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

    /**
     * What the role may do, once every value is known.
     *
     * @param registrySecrets registry credentials secrets (ARNs or names)
     * @param appSecrets      the containers' {@code valueFrom}s
     * @param registryKeys    keys of the registry secrets
     * @param appKeys         keys of the app secrets
     * @param images          the images the role pulls
     * @param logGroups       log groups the containers write to
     * @param caches          pull-through cache repository patterns
     */
    record Grants(List<String> registrySecrets, List<String> appSecrets, List<String> registryKeys,
                  List<String> appKeys, List<String> images, List<String> logGroups, List<String> caches) {
    }

    /** The inline policy, once every value the role reads, pulls and writes is known. */
    private static Output<String> policy(AwsEnvironment env, TaskExecutionRoleArgs checked) {
        return Output.tuple(Output.tuple(all(checked.registryCredentialsSecretArns()), all(checked.appSecrets()),
                                all(checked.registryCredentialsKmsKeyArns())),
                        Output.tuple(all(checked.appSecretsKmsKeyArns()), all(checked.images()),
                                all(checked.logGroupArns())))
                .applyValue(t -> inlinePolicy(env, new Grants(t.t1.t1, t.t1.t2, t.t1.t3, t.t2.t1, t.t2.t2,
                        t.t2.t3, checked.cacheRepositories()), checked.managedPolicy()));
    }

    private static Output<List<String>> all(List<Value<String>> values) {
        return Output.all(values.stream().map(Value::output).toList());
    }

    static String inlinePolicy(AwsEnvironment env, Grants grants, boolean managedPolicy) {
        var doc = new PolicyDocument();
        allowReads(doc, env, grants);
        allowDecrypts(doc, env, grants);
        allowPulls(doc, env, grants);
        List<String> streams = distinct(grants.logGroups().stream().map(a -> a + ":log-stream:*").toList());
        if (!streams.isEmpty()) {
            doc.allow("WriteLogs", LOG_ACTIONS, streams, Map.of());
        }
        if (doc.isEmpty() && managedPolicy) {
            // Only an image from another resource was given, and it is not on ECR. A policy needs a statement; this
            // one denies what an execution role never does, so the managed policy keeps its ECR actions.
            doc.denyOnAnyResource("NoInlineGrant", List.of("iam:*"));
        } else if (doc.isEmpty()) {
            // Only an image from another resource was given, and it is not on ECR: a policy needs a statement, and
            // this one grants nothing.
            doc.denyOnAnyResource("NoEcrImage", ECR_ACTIONS);
        }
        return doc.toJson();
    }

    /** The secrets (registry credentials and app secrets) and the SSM parameters the role reads. */
    private static void allowReads(PolicyDocument doc, AwsEnvironment env, Grants grants) {
        List<String> secrets = new ArrayList<>();
        grants.registrySecrets().forEach(s -> secrets.add(env.secretResource(s)));
        List<String> parameters = new ArrayList<>();
        for (String valueFrom : grants.appSecrets()) {
            if (Arn.parse(valueFrom).map(a -> a.service().equals("ssm")).orElse(false)) {
                parameters.add(valueFrom);
            } else {
                secrets.add(Arn.secretWithoutJsonKey(valueFrom));
            }
        }
        if (!secrets.isEmpty()) {
            doc.allow("ReadSecrets", List.of("secretsmanager:GetSecretValue"), distinct(secrets), Map.of());
        }
        if (!parameters.isEmpty()) {
            doc.allow("ReadParameters", List.of("ssm:GetParameters"), distinct(parameters), Map.of());
        }
    }

    /** {@code kms:Decrypt} on each key, only through the services that read its secrets, in the key's region. */
    private static void allowDecrypts(PolicyDocument doc, AwsEnvironment env, Grants grants) {
        List<String> keys = distinct(grants.registryKeys());
        for (int i = 0; i < keys.size(); i++) {
            String region = Arn.parse(keys.get(i)).orElseThrow().region();
            doc.allowDecryptVia("DecryptSecrets" + (i == 0 ? "" : String.valueOf(i)), keys.get(i),
                    List.of(env.endpoint("secretsmanager", region)));
        }
        keys = distinct(grants.appKeys());
        for (int i = 0; i < keys.size(); i++) {
            String region = Arn.parse(keys.get(i)).orElseThrow().region();
            // App secrets come from Secrets Manager or, as SecureString parameters, from SSM.
            doc.allowDecryptVia("DecryptAppSecrets" + (i == 0 ? "" : String.valueOf(i)), keys.get(i),
                    List.of(env.endpoint("secretsmanager", region), env.endpoint("ssm", region)));
        }
    }

    /** The ECR pulls: on exactly the repositories of ECR images, and through the pull-through caches. */
    private static void allowPulls(PolicyDocument doc, AwsEnvironment env, Grants grants) {
        List<String> caches = distinct(grants.caches());
        List<String> repositories = distinct(grants.images().stream().map(ImageReference::parse)
                .filter(i -> i.ecrAccountId().isPresent())
                .map(i -> "arn:" + env.partition() + ":ecr:" + i.ecrRegion().orElseThrow() + ":"
                        + i.ecrAccountId().orElseThrow() + ":repository/" + i.path())
                // An image pulled through a cache is covered by the cache's statement.
                .filter(r -> caches.stream().noneMatch(c -> r.startsWith(c.substring(0, c.length() - 1))))
                .toList());
        if (!repositories.isEmpty()) {
            doc.allow("PullImages", ECR_PULL_ACTIONS, repositories, Map.of());
        }
        if (!caches.isEmpty()) {
            List<String> actions = new ArrayList<>(ECR_PULL_ACTIONS);
            actions.addAll(CACHE_ACTIONS);
            doc.allow("PullThroughCache", actions, caches, Map.of());
        }
        if (!repositories.isEmpty() || !caches.isEmpty()) {
            // IAM offers no resource level for the login token (Service Authorization Reference, Amazon ECR).
            doc.allowOnAnyResource("EcrAuthorizationToken", List.of("ecr:GetAuthorizationToken"));
        }
    }

    private static List<String> distinct(List<String> values) {
        return new ArrayList<>(new LinkedHashSet<>(values));
    }

    /** @return the IAM role */
    public Role role() {
        return role;
    }

    /** @return the attachment of {@value #MANAGED_POLICY_NAME}; empty unless asked for */
    public Optional<RolePolicyAttachment> managedPolicy() {
        return Optional.ofNullable(managedPolicy);
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
