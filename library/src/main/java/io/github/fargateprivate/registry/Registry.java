package io.github.fargateprivate.registry;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The kinds of container registry the stack knows, each with the credential it wants.
 *
 * <p>The config key {@code registry} takes {@link #configName()}; when it is absent the kind is inferred from the
 * image's host with {@link #of(ImageReference)}.
 */
public enum Registry {
    /** GitHub Container Registry, {@code ghcr.io}. */
    GHCR("ghcr", "a GitHub personal access token (classic) with the read:packages scope", Set.of("ghcr.io")),
    /** Docker Hub: {@code docker.io} or no host at all. */
    DOCKERHUB("dockerhub", "a Docker Hub personal access token with read-only scope (not the account password)",
            Set.of("docker.io", "index.docker.io", "registry-1.docker.io")),
    /** GitLab's container registry on gitlab.com. */
    GITLAB("gitlab", "a GitLab deploy token with the read_registry scope", Set.of("registry.gitlab.com")),
    /** Quay.io. */
    QUAY("quay", "a Quay robot account (user name org+robot) and its token", Set.of("quay.io")),
    /** Amazon ECR: pulled with the task execution role, no credentials. */
    ECR("ecr", "no credentials: the task execution role pulls from ECR", Set.of()),
    /** Amazon ECR Public, {@code public.ecr.aws}: public images, pulled without credentials. */
    ECR_PUBLIC("ecr-public", "no credentials: ECR Public serves its images to anyone", Set.of("public.ecr.aws")),
    /** Any other registry (self-hosted, with or without a port). */
    CUSTOM("custom", "a user name and password or token with pull (read) access to the registry", Set.of());

    private final String configName;
    private final String credentialHint;
    private final Set<String> hosts;

    Registry(String configName, String credentialHint, Set<String> hosts) {
        this.configName = configName;
        this.credentialHint = credentialHint;
        this.hosts = hosts;
    }

    /** @return the value of the {@code registry} config key that selects this kind */
    public String configName() {
        return configName;
    }

    /** @return what credential this registry wants, for error messages and docs */
    public String credentialHint() {
        return credentialHint;
    }

    /**
     * The upstream an ECR pull-through cache rule can mirror this registry from (ECR user guide, "Sync an upstream
     * registry with an Amazon ECR private registry"): Docker Hub, GitHub Container Registry and GitLab.com with a
     * Secrets Manager secret, Quay without; custom registries (self-managed GitLab among them) and ECR itself are not
     * upstreams.
     *
     * @return the upstream registry URL, if this registry can be one
     */
    public Optional<String> pullThroughCacheUpstream() {
        return switch (this) {
            case GHCR -> Optional.of("ghcr.io");
            case DOCKERHUB -> Optional.of("registry-1.docker.io");
            case GITLAB -> Optional.of("registry.gitlab.com");
            case QUAY -> Optional.of("quay.io");
            case ECR_PUBLIC -> Optional.of("public.ecr.aws");
            default -> Optional.empty();
        };
    }

    /** @return whether ECR needs a credentials secret to mirror this registry (Quay's public images need none) */
    public boolean pullThroughCacheNeedsCredentials() {
        return this == GHCR || this == DOCKERHUB || this == GITLAB;
    }

    /** @return the short name a default cache prefix is made of, e.g. {@code github} */
    public String pullThroughCacheName() {
        return switch (this) {
            case GHCR -> "github";
            case DOCKERHUB -> "docker-hub";
            default -> configName;
        };
    }

    /** @return whether pulling from this registry needs a user name and password (or a choice of none) */
    public boolean needsCredentials() {
        return this != ECR && this != ECR_PUBLIC;
    }

    /**
     * Infers the registry from an image's host.
     *
     * @param image a parsed image reference
     * @return the registry it lives in; {@link #CUSTOM} for any host not known
     */
    public static Registry of(ImageReference image) {
        String host = image.host().toLowerCase(Locale.ROOT);
        if (image.ecrAccountId().isPresent()) {
            return ECR;
        }
        return Arrays.stream(values()).filter(r -> r.hosts.contains(host)).findFirst().orElse(CUSTOM);
    }

    /**
     * Looks up a registry by its config name.
     *
     * @param configName e.g. {@code ghcr}
     * @return the registry, or empty when the name is unknown
     */
    public static Optional<Registry> fromConfigName(String configName) {
        return Arrays.stream(values()).filter(r -> r.configName.equals(configName)).findFirst();
    }

    /** @return the accepted config names, comma separated, for error messages */
    public static String configNames() {
        return Arrays.stream(values()).map(Registry::configName).collect(Collectors.joining(", "));
    }
}
