package io.github.fargateprivate.ecr;

import io.github.fargateprivate.AwsEnvironment;
import io.github.fargateprivate.OptionsStyle;
import io.github.fargateprivate.Problems;
import io.github.fargateprivate.Value;
import io.github.fargateprivate.arn.Arn;
import io.github.fargateprivate.registry.Registry;
import io.github.fargateprivate.secretsmanager.RegistryCredentials;

import java.util.Map;
import java.util.Optional;

/**
 * Inputs of {@link PullThroughCache}: its options and the upstream credentials, which a load-balanced service wires
 * from its own registry credentials ({@code builder().from(options)}). Immutable; build with {@link #builder()},
 * change with {@code builder().from(args)} ({@link #toBuilder()} is the options' and keeps only them).
 */
@org.immutables.value.Value.Immutable
@OptionsStyle
@SuppressWarnings("immutables:subtype")
public abstract class PullThroughCacheArgs implements PullThroughCacheOptions {

    /**
     * @return the upstream credentials: {@link RegistryCredentials#create} stores them in a new secret named
     *     {@value #SECRET_NAME_PREFIX}... as {@code {"username", "accessToken"}} (ECR reads it, not the task);
     *     {@link RegistryCredentials#existing} names such a secret by its complete ARN, of the rule's account and
     *     region; {@link RegistryCredentials#none()} for Quay's public images. No customer managed key: ECR reads the
     *     secret only with {@code aws/secretsmanager}. Default: none
     */
    @org.immutables.value.Value.Default
    public RegistryCredentials credentials() {
        return RegistryCredentials.none();
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
     * Checks the options and the credentials; the rules that need the rule's account and region are
     * {@link #checkAccountAndRegion(Problems, AwsEnvironment)}'s.
     *
     * @param problems where problems go
     * @return these args, an existing secret of another resource carrying its check
     */
    @Override
    public PullThroughCacheArgs validate(Problems problems) {
        if (registry().isEmpty()) {
            problems.add("registry", "required: the upstream registry");
        }
        PullThroughCacheOptions.super.validate(problems);
        if (prefix().isEmpty()) {
            problems.add("prefix", PullThroughCacheOptions.prefixProblem(null));
        }
        if (existingRule()) {
            return this;
        }
        RegistryCredentials c = credentials();
        registry().filter(r -> r.pullThroughCacheUpstream().isPresent()).ifPresent(r -> {
            if (r.pullThroughCacheNeedsCredentials() && c instanceof RegistryCredentials.None) {
                problems.add("credentials", "required for a " + r.configName() + " upstream: ECR pulls with "
                        + r.credentialHint());
            }
            if (!r.pullThroughCacheNeedsCredentials() && !(c instanceof RegistryCredentials.None)) {
                problems.add("credentials", "ECR caches only Quay's public images, without credentials; pull private "
                        + "Quay images with repositoryCredentials instead");
            }
        });
        if (c.kmsKeyArn().isPresent()) {
            problems.add("credentials.kmsKeyArn", "ECR reads a pull-through cache secret only with the AWS managed key "
                    + "aws/secretsmanager; drop the customer managed key");
        }
        return this;
    }

    /**
     * Checks the rules that need the rule's account and region: an existing secret must be a cache secret of them,
     * created credentials must fit the secret's rules there.
     *
     * @param problems where problems go
     * @param env      the rule's account and region
     * @return these args, an existing secret of another resource carrying its check
     */
    public PullThroughCacheArgs checkAccountAndRegion(Problems problems, AwsEnvironment env) {
        if (existingRule()) {
            return this;
        }
        if (credentials() instanceof RegistryCredentials.Existing existing) {
            Value<String> secret = problems.checked("credentials.secret", existing.secret(),
                    s -> secretProblem(s, env));
            return builder().from(this).credentials(new RegistryCredentials.Existing(secret, existing.kmsKey()))
                    .build();
        }
        if (credentials() instanceof RegistryCredentials.Create create) {
            create.secretArgs(Map.of()).validate(problems.at("credentials"))
                    .checkAccountAndRegion(problems.at("credentials"), env);
        }
        return this;
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

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link PullThroughCacheArgs}. */
    public static final class Builder extends ImmutablePullThroughCacheArgs.Builder {
        Builder() {
        }
    }
}
