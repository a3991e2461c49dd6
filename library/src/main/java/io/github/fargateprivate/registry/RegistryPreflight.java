package io.github.fargateprivate.registry;

import io.github.fargateprivate.registry.RegistryHttp.Authorization;
import io.github.fargateprivate.registry.RegistryHttp.Failure;
import io.github.fargateprivate.registry.RegistryHttp.Response;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Asks an image's registry, before ECS does, whether a task could pull the image: the OCI distribution API
 * ({@code GET /v2/}, {@code HEAD} and {@code GET} of the manifest) with Basic or Docker token (Bearer)
 * authentication, answered as a {@link PullCheck}. It knows nothing of Pulumi: a caller passes plain values, e.g. a
 * password it decrypted from a {@code secure:} config value.
 *
 * <p>What it sends where:
 * <ul>
 *   <li>HTTPS to every registry; plain HTTP only to {@code localhost}, {@code 127.0.0.1} and {@code [::1]}, as Docker
 *       allows. Docker Hub ({@code docker.io}) is asked at {@code registry-1.docker.io}, its official images under
 *       {@code library/}.</li>
 *   <li>The password goes only to the image's own registry (Basic) and to the token service the registry names, and
 *       there only over HTTPS (or plain HTTP when both are on this machine). The bearer token goes only to the
 *       registry.</li>
 *   <li>The HTTP client follows no redirect; the check follows them itself, to HTTPS or this machine only, and sends
 *       the {@code Authorization} header only to the origin it was made for, never to a host a redirect names.</li>
 *   <li>No verdict, message or exception text holds the password or a token.</li>
 * </ul>
 *
 * <p>One check makes up to five requests (the ping, the token, the manifest's {@code HEAD} and {@code GET}, and for a
 * single-platform image its config blob, which names the architecture), all within one timeout. On Docker Hub the
 * manifest's {@code GET} counts as a pull against its rate limit (the {@code HEAD} does not); ECS's pulls come from the
 * tasks' addresses, not from the machine that runs the check. Instances are thread-safe.
 */
public final class RegistryPreflight {

    /** How long one check may take, all its requests together, by default. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /** How close to its expiration a GitHub token is said to expire soon: {@link #expiresWithin30Days}. */
    public static final Duration TOKEN_EXPIRY_WARNING = Duration.ofDays(30);

    static final URI GITHUB_API = URI.create("https://api.github.com/");

    private static final DateTimeFormatter GITHUB_EXPIRATION = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss xx");

    private final Duration timeout;
    private final URI githubApi;
    private final HttpClient client;

    /** A preflight with the {@link #DEFAULT_TIMEOUT} of 5 s. */
    public RegistryPreflight() {
        this(DEFAULT_TIMEOUT);
    }

    /**
     * A preflight with its own timeout.
     *
     * @param timeout how long one check may take, all its requests together; a few seconds keeps a preview fast
     * @throws IllegalArgumentException when the timeout is not positive
     */
    public RegistryPreflight(Duration timeout) {
        this(timeout, GITHUB_API);
    }

    /** For tests: GitHub's API at another base URL (HTTPS, or plain HTTP on this machine). */
    RegistryPreflight(Duration timeout, URI githubApi) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the preflight timeout must be positive, not " + timeout);
        }
        if (!RegistryHttp.allowedScheme(githubApi)) {
            throw new IllegalArgumentException("GitHub's API must be HTTPS, not " + RegistryHttp.originOf(githubApi));
        }
        this.timeout = timeout;
        this.githubApi = githubApi;
        // Redirects are followed by RegistryHttp, which drops the Authorization header on the way to another origin.
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout)
                .build();
    }

    /** @return how long one check may take */
    public Duration timeout() {
        return timeout;
    }

    /**
     * Asks the image's registry whether a task could pull the image.
     *
     * @param image the image, with a tag, a digest or neither ({@code latest}, as Docker and ECS assume)
     * @param credentials the registry user and password or token; empty to ask anonymously
     * @param architecture the task's CPU architecture as ECS names it, {@code X86_64} or {@code ARM64}; null to skip
     *                     the platform check (Fargate runs a task definition that names none on {@code X86_64}, so a
     *                     caller for Fargate passes {@code X86_64} then)
     * @return the verdict; never throws for anything the registry or the network does
     * @throws IllegalArgumentException when the architecture is neither {@code X86_64}, {@code ARM64} nor null
     */
    public PullCheck check(ImageReference image, Optional<BasicCredentials> credentials, String architecture) {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(credentials, "credentials (Optional.empty() for none)");
        if (architecture != null) {
            platformOf(architecture);
        }
        return new PreflightCheck(image, credentials, architecture, new RegistryHttp(client, timeout)).run();
    }

    /**
     * Reads when a GitHub token expires: GitHub's API answers any request made with a token that expires with the
     * header {@code github-authentication-token-expiration} (e.g. {@code 2026-12-31 12:00:00 UTC}). For a
     * {@code ghcr.io} image, whose password is such a token. This sends the token to {@code api.github.com} (over
     * HTTPS) and nowhere else.
     *
     * @param credentials the GHCR user and token
     * @return when the token expires; empty when GitHub names no expiration: for a token that does not expire, and
     *         also for a token GitHub refuses or when GitHub cannot be reached, which {@link #check} reports
     */
    public Optional<Instant> githubTokenExpiration(BasicCredentials credentials) {
        Objects.requireNonNull(credentials, "credentials");
        Authorization token = new Authorization(githubApi, "token " + credentials.password());
        try {
            Response response = new RegistryHttp(client, timeout)
                    .send("GET", githubApi, Map.of("Accept", "application/vnd.github+json"), token);
            Optional<String> header = response.header("github-authentication-token-expiration");
            return response.status() == 200 ? header.flatMap(RegistryPreflight::parseExpiration) : Optional.empty();
        } catch (Failure e) {
            return Optional.empty();
        }
    }

    /**
     * Whether a token expires within {@link #TOKEN_EXPIRY_WARNING} (30 days) of {@code now}, or has expired.
     *
     * @param expiration when the token expires, e.g. from {@link #githubTokenExpiration}
     * @param now the moment to measure from
     * @return true when the expiration is at most 30 days after {@code now}
     */
    public static boolean expiresWithin30Days(Instant expiration, Instant now) {
        return !expiration.isAfter(now.plus(TOKEN_EXPIRY_WARNING));
    }

    /** GitHub writes {@code 2026-12-31 12:00:00 UTC}, and for some tokens a numeric offset ({@code +0900}). */
    static Optional<Instant> parseExpiration(String value) {
        String text = value.strip();
        if (text.endsWith(" UTC")) {
            text = text.substring(0, text.length() - " UTC".length()) + " +0000";
        }
        try {
            return Optional.of(OffsetDateTime.parse(text, GITHUB_EXPIRATION).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The platform ECS runs a CPU architecture on.
     *
     * @param architecture {@code X86_64} or {@code ARM64}
     * @return {@code linux/amd64} or {@code linux/arm64}
     */
    static String platformOf(String architecture) {
        return switch (architecture) {
            case "X86_64" -> "linux/amd64";
            case "ARM64" -> "linux/arm64";
            default -> throw new IllegalArgumentException("the CPU architecture '" + architecture
                    + "' is not X86_64 or ARM64");
        };
    }

    /**
     * Where the registry API of an image is: HTTPS, or plain HTTP for a registry on this machine.
     *
     * @param image the image
     * @return e.g. {@code https://registry-1.docker.io} for Docker Hub, {@code http://127.0.0.1:5000}
     */
    static URI registryBase(ImageReference image) {
        String host = Registry.of(image) == Registry.DOCKERHUB ? "registry-1.docker.io" : image.host();
        int colon = host.lastIndexOf(':');
        String name = colon < 0 ? host : host.substring(0, colon);
        return URI.create((RegistryHttp.isLoopback(name) ? "http" : "https") + "://" + host);
    }

    /**
     * The repository path the registry API knows: Docker Hub's official images live under {@code library/}.
     *
     * @param image the image
     * @return e.g. {@code library/nginx} for {@code nginx}, {@code acme/app} for {@code ghcr.io/acme/app}
     */
    static String repository(ImageReference image) {
        return Registry.of(image) == Registry.DOCKERHUB && !image.path().contains("/")
                ? "library/" + image.path() : image.path();
    }
}
