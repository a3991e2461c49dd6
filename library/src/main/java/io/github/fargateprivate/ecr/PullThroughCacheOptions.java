package io.github.fargateprivate.ecr;

import io.github.fargateprivate.Options;
import io.github.fargateprivate.OptionsStyle;
import io.github.fargateprivate.Problems;
import io.github.fargateprivate.Rules;
import io.github.fargateprivate.registry.Registry;
import org.immutables.value.Value;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a user sets of a {@link PullThroughCache}: the upstream, the prefix, whether the rule exists already, the expiry
 * of untagged images and the tags. The upstream credentials are wiring ({@link PullThroughCacheArgs}), which a
 * load-balanced service takes from its own registry credentials. Immutable; build with {@link #builder()}.
 *
 * <p>An interface, not an abstract class, so that {@link PullThroughCacheArgs} can have a {@code builder()} of its
 * own: Java lets a class's static method hide another's only with a compatible return type, and an interface's static
 * methods are not inherited.
 */
@Value.Immutable
@OptionsStyle
public interface PullThroughCacheOptions extends Options<PullThroughCacheOptions> {

    /** The name every pull-through cache secret must start with (ECR user guide). */
    String SECRET_NAME_PREFIX = "ecr-pullthroughcache/";

    /**
     * @return the upstream registry: GHCR, Docker Hub, GitLab.com or Quay. Required (a load-balanced service takes its
     *     image's registry, and needs it only for an image of another resource)
     */
    Optional<Registry> registry();

    /**
     * @return the ECR repository prefix the cache's repositories live under, 2-30 characters of ECR's repository
     *     grammar; two stacks of one account and region need different ones, unless they share the rule. Required (a
     *     load-balanced service defaults it to {@link PullThroughCacheArgs#defaultPrefix})
     */
    Optional<String> prefix();

    /**
     * @return whether the rule for this prefix exists already (shared by stacks of the account and region): then
     *     neither the rule nor a secret is created. Default: false
     */
    @Value.Default
    default boolean existingRule() {
        return false;
    }

    /** @return days after which untagged images of the cache's repositories expire, 1-3650. Default: 14 */
    @Value.Default
    default int untaggedExpiryDays() {
        return 14;
    }

    /**
     * @return tags of the created secret. Default: none. The repositories the cache creates are not tagged: ECR would
     *     need a custom role to tag them
     */
    Map<String, String> tags();

    /**
     * Checks the upstream and the prefix where given, the expiry and the tags.
     *
     * @param problems where problems go
     * @return these options
     */
    @Override
    default PullThroughCacheOptions validate(Problems problems) {
        registry().filter(r -> r.pullThroughCacheUpstream().isEmpty()).ifPresent(r -> problems.add("registry",
                r.configName() + " cannot be a pull-through cache upstream: ECR mirrors Docker Hub, GHCR, GitLab.com "
                        + "and Quay only (not custom or self-managed GitLab registries, and not ECR itself)"));
        prefix().ifPresent(p -> problems.add("prefix", prefixProblem(p)));
        problems.add("untaggedExpiryDays", Rules.between(untaggedExpiryDays(), 1, 3650));
        problems.add("tags", Rules.tags(tags()));
        return this;
    }

    /**
     * @param prefix a prefix, or null
     * @return a problem unless it is an ECR repository prefix
     */
    static Optional<String> prefixProblem(String prefix) {
        // ECR's repository-name grammar for the prefix, 2-30 characters.
        Pattern grammar = Pattern.compile("(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*");
        return prefix != null && prefix.length() >= 2 && prefix.length() <= 30 && grammar.matcher(prefix).matches()
                ? Optional.empty() : Optional.of("'" + prefix + "' is not an ECR repository prefix (2-30 lower-case "
                + "letters, digits, '.', '_', '-' and '/' between parts)");
    }

    /** @return a new builder */
    static Builder builder() {
        return new Builder();
    }

    /**
     * @return a builder holding these options, to change some of them; of {@link PullThroughCacheArgs}, only their
     *     options (change those with {@code PullThroughCacheArgs.builder().from(args)})
     */
    default Builder toBuilder() {
        return builder().from(this);
    }

    /** Builder of {@link PullThroughCacheOptions}. */
    final class Builder extends ImmutablePullThroughCacheOptions.Builder {
        Builder() {
        }
    }
}
