package io.github.fargateprivate.ecr;

import com.pulumi.resources.ResourceArgs;
import io.github.fargateprivate.AwsEnvironment;
import io.github.fargateprivate.Problems;
import io.github.fargateprivate.arn.Arn;
import io.github.fargateprivate.registry.Registry;
import io.github.fargateprivate.secretsmanager.RegistryCredentials;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Inputs of {@link PullThroughCache}. Immutable; build with {@link #builder()}. */
public final class PullThroughCacheArgs extends ResourceArgs {

    /** The name every pull-through cache secret must start with (ECR user guide). */
    public static final String SECRET_NAME_PREFIX = "ecr-pullthroughcache/";
    // ECR's repository-name grammar for the prefix, 2-30 characters.
    private static final Pattern PREFIX = Pattern.compile("(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*");

    /** The upstream registry: GHCR, Docker Hub, GitLab.com or Quay. Required. */
    private Registry registry;

    /**
     * The ECR repository prefix the cache's repositories live under, 2-30 characters of ECR's repository grammar;
     * two stacks of one account and region need different ones, unless they share the rule. Required.
     */
    private String prefix;

    /**
     * The upstream credentials: {@link RegistryCredentials#create} stores them in a new secret named
     * {@value #SECRET_NAME_PREFIX}... as {@code {"username", "accessToken"}} (ECR reads it, not the task);
     * {@link RegistryCredentials#existing} names such a secret by its complete ARN, of the rule's account and
     * region; {@link RegistryCredentials#none()} for Quay's public images. No customer managed key: ECR reads the
     * secret only with {@code aws/secretsmanager}. Required.
     */
    private RegistryCredentials credentials;

    /**
     * Whether the rule for this prefix exists already (shared by stacks of the account and region): then neither the
     * rule nor a secret is created. Default: false.
     */
    private Boolean existingRule;

    /** Days after which untagged images of the cache's repositories expire. Default: 14. */
    private Integer untaggedExpiryDays;

    /**
     * Tags of the created secret. Default: none. The repositories the cache creates are not tagged: ECR would need
     * a custom role to tag them.
     */
    private Map<String, String> tags = Map.of();

    private PullThroughCacheArgs() {
    }

    /** @return the upstream registry */
    public Registry registry() {
        return registry;
    }

    /** @return the prefix */
    public String prefix() {
        return prefix;
    }

    /** @return the credentials */
    public RegistryCredentials credentials() {
        return credentials == null ? RegistryCredentials.none() : credentials;
    }

    /** @return whether the rule exists already */
    public boolean existingRule() {
        return existingRule != null && existingRule;
    }

    /** @return days until untagged images expire */
    public int untaggedExpiryDays() {
        return untaggedExpiryDays == null ? 14 : untaggedExpiryDays;
    }

    /** @return the tags */
    public Map<String, String> tags() {
        return tags;
    }

    /**
     * @param stackName the stack's name
     * @param registry  the upstream
     * @return the default prefix: the stack's name and the upstream's, e.g. {@code dev-github}, cut to 30 characters
     */
    public static String defaultPrefix(String stackName, Registry registry) {
        String stack = stackName.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        String suffix = "-" + registry.pullThroughCacheName();
        String head = stack.substring(0, Math.min(stack.length(), 30 - suffix.length())).replaceAll("-+$", "");
        return (head.isEmpty() ? "stack" : head) + suffix;
    }

    /**
     * Checks the args.
     *
     * @param problems where problems go
     * @param env      the rule's account and region
     * @return the checked existing secret, or null
     */
    public com.pulumi.core.Output<String> validate(Problems problems, AwsEnvironment env) {
        if (registry == null) {
            problems.add("registry", "required: the upstream registry");
        } else if (registry.pullThroughCacheUpstream().isEmpty()) {
            problems.add("registry", registry.configName() + " cannot be a pull-through cache upstream: ECR mirrors "
                    + "Docker Hub, GHCR, GitLab.com and Quay only (not custom or self-managed GitLab registries, and "
                    + "not ECR itself)");
        }
        if (prefix == null || prefix.length() < 2 || prefix.length() > 30 || !PREFIX.matcher(prefix).matches()) {
            problems.add("prefix", "'" + prefix + "' is not an ECR repository prefix (2-30 lower-case letters, digits, "
                    + "'.', '_', '-' and '/' between parts)");
        }
        problems.add("untaggedExpiryDays", io.github.fargateprivate.Rules.between(untaggedExpiryDays(), 1, 3650));
        problems.add("tags", io.github.fargateprivate.Rules.tags(tags));
        if (existingRule()) {
            return null;
        }
        RegistryCredentials c = credentials();
        if (registry != null && registry.pullThroughCacheUpstream().isPresent()) {
            if (registry.pullThroughCacheNeedsCredentials() && c instanceof RegistryCredentials.None) {
                problems.add("credentials", "required for a " + registry.configName() + " upstream: ECR pulls with "
                        + registry.credentialHint());
            }
            if (!registry.pullThroughCacheNeedsCredentials() && !(c instanceof RegistryCredentials.None)) {
                problems.add("credentials", "ECR caches only Quay's public images, without credentials; pull private "
                        + "Quay images with repositoryCredentials instead");
            }
        }
        if (c.kmsKeyArn().isPresent()) {
            problems.add("credentials.kmsKeyArn", "ECR reads a pull-through cache secret only with the AWS managed key "
                    + "aws/secretsmanager; drop the customer managed key");
        }
        if (c instanceof RegistryCredentials.Existing existing) {
            return problems.check("credentials.secret", existing.secret(), s -> secretProblem(s, env));
        }
        if (c instanceof RegistryCredentials.Create create) {
            create.secretArgs(Map.of()).validate(problems.at("credentials"), env);
        }
        return null;
    }

    private static Optional<String> secretProblem(String secret, AwsEnvironment env) {
        if (!secret.startsWith("arn:")) {
            return Optional.of("'" + secret + "' is not a complete secret ARN; a pull-through cache rule takes the "
                    + "ARN of a secret whose name starts with " + SECRET_NAME_PREFIX);
        }
        Optional<String> p = Arn.secretArnProblem(secret, false);
        if (p.isPresent()) {
            return p;
        }
        Arn arn = Arn.parse(secret).orElseThrow();
        if (!arn.resource().startsWith("secret:" + SECRET_NAME_PREFIX)) {
            return Optional.of("the secret's name does not start with " + SECRET_NAME_PREFIX + ", which ECR requires of "
                    + "a pull-through cache secret");
        }
        if (!arn.account().equals(env.accountId()) || !arn.region().equals(env.region())) {
            return Optional.of("the secret is in " + arn.region() + " of account " + arn.account() + ", but ECR reads a "
                    + "pull-through cache secret only in the rule's own account and region (" + env.region() + ", "
                    + env.accountId() + ")");
        }
        return Optional.empty();
    }

    /** @return a builder holding these args, to change some of them */
    public Builder toBuilder() {
        var b = new Builder();
        b.args.registry = registry;
        b.args.prefix = prefix;
        b.args.credentials = credentials;
        b.args.existingRule = existingRule;
        b.args.untaggedExpiryDays = untaggedExpiryDays;
        b.args.tags = tags;
        return b;
    }

    /** @return whether credentials were given */
    public boolean hasCredentials() {
        return credentials != null;
    }

    /** @return whether the upstream was given */
    public boolean hasRegistry() {
        return registry != null;
    }

    /** @return whether a prefix was given */
    public boolean hasPrefix() {
        return prefix != null;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link PullThroughCacheArgs}. */
    public static final class Builder {
        private PullThroughCacheArgs args = new PullThroughCacheArgs();

        private Builder() {
        }

        private PullThroughCacheArgs args() {
            if (args == null) {
                throw new IllegalStateException("PullThroughCacheArgs.Builder: build() was called already");
            }
            return args;
        }

        /**
         * @param registry the upstream registry
         * @return this builder
         */
        public Builder registry(Registry registry) {
            args().registry = registry;
            return this;
        }

        /**
         * @param prefix the ECR repository prefix
         * @return this builder
         */
        public Builder prefix(String prefix) {
            args().prefix = prefix;
            return this;
        }

        /**
         * @param credentials the upstream credentials
         * @return this builder
         */
        public Builder credentials(RegistryCredentials credentials) {
            args().credentials = credentials;
            return this;
        }

        /**
         * @param existing whether the rule for the prefix exists already
         * @return this builder
         */
        public Builder existingRule(boolean existing) {
            args().existingRule = existing;
            return this;
        }

        /**
         * @param days days until untagged images expire
         * @return this builder
         */
        public Builder untaggedExpiryDays(int days) {
            args().untaggedExpiryDays = days;
            return this;
        }

        /**
         * @param tags tags of the created secret
         * @return this builder
         */
        public Builder tags(Map<String, String> tags) {
            args().tags = Map.copyOf(tags);
            return this;
        }

        /** @return the immutable args */
        public PullThroughCacheArgs build() {
            PullThroughCacheArgs built = args();
            args = null;
            return built;
        }
    }
}
