package io.github.fargateprivate.ecr;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.pulumi.aws.ecr.PullThroughCacheRule;
import com.pulumi.aws.ecr.PullThroughCacheRuleArgs;
import com.pulumi.aws.ecr.RepositoryCreationTemplate;
import com.pulumi.aws.ecr.RepositoryCreationTemplateArgs;
import com.pulumi.aws.ecr.inputs.RepositoryCreationTemplateEncryptionConfigurationArgs;
import com.pulumi.aws.secretsmanager.Secret;
import com.pulumi.aws.secretsmanager.SecretArgs;
import com.pulumi.aws.secretsmanager.SecretVersion;
import com.pulumi.aws.secretsmanager.SecretVersionArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.github.fargateprivate.AwsEnvironment;
import io.github.fargateprivate.Children;
import io.github.fargateprivate.OrderedJson;
import io.github.fargateprivate.Problems;
import io.github.fargateprivate.registry.ImageReference;
import io.github.fargateprivate.registry.Registry;
import io.github.fargateprivate.secretsmanager.RegistryCredentials;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An ECR pull-through cache of an upstream registry: ECR pulls an image from the upstream with stored credentials on
 * its first pull and serves it from the stack's region after, so that tasks pull from ECR (through VPC endpoints,
 * without a NAT gateway) and keep scaling while the upstream is down or rate-limits.
 *
 * <p>The rule ({@code aws.ecr.PullThroughCacheRule}) mirrors the upstream under {@code <prefix>/}; a repository
 * creation template for the prefix makes every repository the cache creates AES256-encrypted, with untagged images
 * expiring (image scanning is a registry-wide setting, {@code aws.ecr.RegistryScanningConfiguration}, not the
 * template's). ECR refreshes a cached tag from upstream at most about once every 24 hours: run immutable tags or
 * digests. The credentials secret ({@code ecr-pullthroughcache/...}, {@code {"username", "accessToken"}}) is read by
 * ECR, not by the task: the execution role gets no access to it.
 *
 * <p>Children: {@code <name>-secret} and {@code <name>-secret-version} (created credentials), {@code <name>-rule} and
 * {@code <name>-template}; none when the rule exists already.
 */
public class PullThroughCache extends ComponentResource {

    /** The Pulumi type token of this component. */
    public static final String TYPE = "fargate-private-registry:ecr:PullThroughCache";

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private final String prefix;
    private final String registryHost;
    private final String repositoryArnPattern;
    private final Secret secret;
    private final PullThroughCacheRule rule;
    private final RepositoryCreationTemplate template;

    @Export(name = "ruleReady", refs = {String.class}, tree = "[0]")
    private final Output<String> ruleReady;

    /**
     * Creates the rule, its template and, for created credentials, its secret.
     *
     * @param name    the component's name; children are named from it
     * @param args    upstream, prefix and credentials
     * @param options component options
     * @throws io.github.fargateprivate.ArgsException listing every problem of the args, before any child exists
     */
    public PullThroughCache(String name, PullThroughCacheArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var env = AwsEnvironment.of(this);
        PullThroughCacheArgs checked = Problems.validated("PullThroughCache", name, problems -> args.validate(problems).checkAccountAndRegion(problems, env));
        var children = Children.of(this, checked.tags());
        this.prefix = checked.prefix().orElseThrow();
        this.registryHost = env.accountId() + ".dkr.ecr." + env.region() + "." + env.dnsSuffix();
        this.repositoryArnPattern = env.arn("ecr", "repository/" + prefix + "/*");
        if (checked.existingRule()) {
            this.secret = null;
            this.rule = null;
            this.template = null;
            this.ruleReady = Output.of(prefix);
        } else {
            var create = checked.credentials() instanceof RegistryCredentials.Create c ? c : null;
            this.secret = create == null ? null : createSecret(name, children);
            this.rule = createRule(name, checked, create == null ? null : storeCredentials(name, create, children),
                    children);
            this.template = createTemplate(name, checked, children);
            // A task may pull through the cache once the rule and the template exist.
            this.ruleReady = Output.tuple(rule.id(), template.id()).applyValue(t -> prefix);
        }
        registerOutputs(Map.of("ruleReady", ruleReady));
    }

    private Secret createSecret(String name, Children children) {
        return children.create(Secret::new, name + "-secret", SecretArgs.builder()
                // ECR finds a cache secret only under this name prefix; the suffix keeps stacks apart.
                .namePrefix(PullThroughCacheArgs.SECRET_NAME_PREFIX + prefix + "-")
                .description("Upstream credentials of the ECR pull-through cache " + prefix + "/ (read by ECR)")
                .build());
    }

    /** The created credentials in the secret, as ECR reads them; the secret's ARN once they are there. */
    private Output<String> storeCredentials(String name, RegistryCredentials.Create create, Children children) {
        var version = children.create(SecretVersion::new, name + "-secret-version", SecretVersionArgs.builder()
                .secretId(secret.id())
                .secretString(Output.tuple(create.username().output(), create.password())
                        .applyValue(t -> cacheSecretJson(t.t1, t.t2)).asSecret())
                .build());
        return Output.tuple(secret.arn(), version.id()).applyValue(t -> t.t1);
    }

    /** The rule, with the created secret's ARN, an existing secret's, or none (Quay). */
    private PullThroughCacheRule createRule(String name, PullThroughCacheArgs args, Output<String> createdSecret,
                                            Children children) {
        var ruleArgs = PullThroughCacheRuleArgs.builder()
                .ecrRepositoryPrefix(prefix)
                .upstreamRegistryUrl(args.registry().orElseThrow().pullThroughCacheUpstream().orElseThrow());
        if (createdSecret != null) {
            ruleArgs.credentialArn(createdSecret);
        } else if (args.credentials() instanceof RegistryCredentials.Existing existing) {
            ruleArgs.credentialArn(existing.secret().output());
        }
        return children.create(PullThroughCacheRule::new, name + "-rule", ruleArgs.build());
    }

    private RepositoryCreationTemplate createTemplate(String name, PullThroughCacheArgs args, Children children) {
        // No resourceTags: ECR tags the repositories it creates only through a custom role it assumes (ECR user
        // guide, "Creating a repository creation template"); without one, pulls through the cache fail
        // (aws/containers-roadmap#2398).
        return children.create(RepositoryCreationTemplate::new, name + "-template",
                RepositoryCreationTemplateArgs.builder()
                        .prefix(prefix)
                        .appliedFors("PULL_THROUGH_CACHE")
                        .description("Repositories the pull-through cache " + prefix + "/ creates")
                        .imageTagMutability("MUTABLE")
                        .encryptionConfigurations(RepositoryCreationTemplateEncryptionConfigurationArgs.builder()
                                .encryptionType("AES256").build())
                        .lifecyclePolicy(lifecyclePolicy(args.untaggedExpiryDays()))
                        .build());
    }

    /**
     * Creates the cache with default component options.
     *
     * @param name the component's name
     * @param args upstream, prefix and credentials
     */
    public PullThroughCache(String name, PullThroughCacheArgs args) {
        this(name, args, ComponentResourceOptions.Empty);
    }

    /**
     * The JSON ECR reads for a pull-through cache rule: {@code accessToken}, not the {@code password} of
     * {@code repositoryCredentials}.
     *
     * @param username the upstream user name
     * @param token    the upstream access token
     * @return {@code {"username":...,"accessToken":...}}
     */
    static String cacheSecretJson(String username, String token) {
        var o = new JsonObject();
        o.addProperty("username", username);
        o.addProperty("accessToken", token);
        return o.toString();
    }

    private static String lifecyclePolicy(int days) {
        return GSON.toJson(Map.of("rules", List.of(OrderedJson.object(
                "rulePriority", 1,
                "description", "Expire untagged images after " + days + " days",
                "selection", OrderedJson.object("tagStatus", "untagged", "countType", "sinceImagePushed",
                        "countUnit", "days", "countNumber", days),
                "action", Map.of("type", "expire")))));
    }

    /**
     * Where an upstream image is pulled from through a cache: {@code <registry host>/<prefix>/<upstream path>},
     * tag and digest kept; Docker Hub's official images gain {@code library/} ({@code nginx:1.27} becomes
     * {@code <prefix>/library/nginx:1.27}).
     *
     * @param image        the upstream image
     * @param prefix       the cache's prefix
     * @param registryHost the account's ECR registry host in the cache's region
     * @return the image reference the task pulls
     */
    public static String imageFor(ImageReference image, String prefix, String registryHost) {
        String path = Registry.of(image) == Registry.DOCKERHUB && !image.path().contains("/")
                ? "library/" + image.path() : image.path();
        return registryHost + "/" + prefix + "/" + path + image.tag().map(t -> ":" + t).orElse("")
                + image.digest().map(d -> "@" + d).orElse("");
    }

    /**
     * @param image the upstream image
     * @return the image reference the task pulls through this cache
     */
    public String imageFor(ImageReference image) {
        return imageFor(image, prefix, registryHost);
    }

    /** @return the cache's prefix */
    public String prefix() {
        return prefix;
    }

    /** @return the ARN pattern of the repositories the cache creates: {@code ...:repository/<prefix>/*} */
    public String repositoryArnPattern() {
        return repositoryArnPattern;
    }

    /** @return the created credentials secret; empty with an existing secret, none, or an existing rule */
    public Optional<Secret> secret() {
        return Optional.ofNullable(secret);
    }

    /** @return the rule; empty when it existed already */
    public Optional<PullThroughCacheRule> rule() {
        return Optional.ofNullable(rule);
    }

    /** @return the repository creation template; empty when the rule existed already */
    public Optional<RepositoryCreationTemplate> template() {
        return Optional.ofNullable(template);
    }

    /** @return the prefix, resolving once the rule and the template exist */
    public Output<String> ruleReady() {
        return ruleReady;
    }
}
