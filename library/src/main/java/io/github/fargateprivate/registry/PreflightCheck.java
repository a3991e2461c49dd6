package io.github.fargateprivate.registry;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.github.fargateprivate.registry.RegistryHttp.Authorization;
import io.github.fargateprivate.registry.RegistryHttp.Failure;
import io.github.fargateprivate.registry.RegistryHttp.Response;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** One run of {@link RegistryPreflight#check}: authenticate, then read the manifest and the platforms it offers. */
final class PreflightCheck {

    static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    static final String DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
    static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    private static final Map<String, String> ACCEPT = Map.of("Accept",
            String.join(", ", OCI_INDEX, DOCKER_LIST, OCI_MANIFEST, DOCKER_MANIFEST));
    private static final Set<String> IMAGE_CONFIGS = Set.of(
            "application/vnd.oci.image.config.v1+json", "application/vnd.docker.container.image.v1+json");
    // RFC 6750's b64token: what a bearer token may hold, and nothing that could break a header
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._~+/=-]+");

    /** Ends the run early with a verdict. */
    private static final class Stop extends Exception {
        private final PullCheck check;

        Stop(PullCheck check) {
            super(check.verdict().name(), null, false, false);
            this.check = check;
        }
    }

    private final ImageReference image;
    private final Optional<BasicCredentials> credentials;
    private final String architecture;
    private final RegistryHttp http;
    private final URI base;
    private final String repository;
    private final String reference;

    PreflightCheck(ImageReference image, Optional<BasicCredentials> credentials, String architecture,
                   RegistryHttp http) {
        this.image = image;
        this.credentials = credentials;
        this.architecture = architecture;
        this.http = http;
        this.base = RegistryPreflight.registryBase(image);
        this.repository = RegistryPreflight.repository(image);
        // With both, Docker and ECS pull by the digest and ignore the tag.
        this.reference = image.digest().or(image::tag).orElse("latest");
    }

    PullCheck run() {
        try {
            Authorization authorization = authorize();
            return inspect(authorization);
        } catch (Stop stop) {
            return stop.check;
        } catch (Failure failure) {
            return new PullCheck.Unreachable(image, failure.getMessage());
        }
    }

    private Authorization authorize() throws Failure, Stop {
        Response ping = http.send("GET", base.resolve("/v2/"), Map.of(), Authorization.NONE);
        if (ping.ok()) {
            return Authorization.NONE;
        }
        if (ping.status() != 401) {
            throw unexpected(ping, "GET /v2/");
        }
        AuthChallenge challenge = AuthChallenge.choose(ping.headers().allValues("WWW-Authenticate"))
                .orElseThrow(() -> unreachable(host() + " answered 401 to GET /v2/ without a challenge it can read"));
        return switch (challenge.scheme()) {
            case "basic" -> credentials.map(c -> new Authorization(base, c.basicAuthorization()))
                    .orElse(Authorization.NONE);
            case "bearer" -> bearer(challenge);
            default -> throw unreachable(host() + " asks for " + challenge.scheme()
                    + " authentication, which the check does not speak (only Basic and Bearer)");
        };
    }

    /** Docker's token authentication: ask the realm for a pull token for this repository. */
    private Authorization bearer(AuthChallenge challenge) throws Failure, Stop {
        URI realm = challenge.param("realm").flatMap(PreflightCheck::absoluteUri)
                .orElseThrow(() -> unreachable(host() + " names no token service (no realm URL in its challenge)"));
        String sendsTo = host() + " sends token requests to " + RegistryHttp.originOf(realm);
        if (!RegistryHttp.allowedScheme(realm)) {
            throw unreachable(sendsTo + ", which is neither HTTPS nor on this machine; the check sends nothing there");
        }
        // The password over plain HTTP only from a registry on this machine to a token service on this machine.
        if (credentials.isPresent() && !"https".equalsIgnoreCase(realm.getScheme())
                && !RegistryHttp.isLoopback(base.getHost())) {
            throw unreachable(sendsTo + " over plain HTTP; the check sends a password there only from a registry on"
                    + " this machine");
        }
        Authorization basic = credentials.map(c -> new Authorization(realm, c.basicAuthorization()))
                .orElse(Authorization.NONE);
        Response response = http.send("GET", tokenUri(realm, challenge.param("service")), Map.of(), basic);
        if (response.status() == 401 || response.status() == 403) {
            throw new Stop(refused(response.status(), true));
        }
        if (!response.ok()) {
            throw unexpected(response, "the token request");
        }
        String token = json(response).flatMap(o -> string(o, "token").or(() -> string(o, "access_token")))
                .filter(t -> TOKEN.matcher(t).matches())
                .orElseThrow(() -> unreachable("the token service of " + host() + " answered without a usable token"));
        return new Authorization(base, "Bearer " + token);
    }

    private URI tokenUri(URI realm, Optional<String> service) {
        StringBuilder query = new StringBuilder(realm.getRawQuery() == null ? "" : realm.getRawQuery() + "&");
        service.ifPresent(s -> query.append("service=").append(encode(s)).append('&'));
        query.append("scope=").append(encode("repository:" + repository + ":pull"));
        String raw = realm.toString();
        int cut = raw.indexOf('?') >= 0 ? raw.indexOf('?') : raw.indexOf('#') >= 0 ? raw.indexOf('#') : raw.length();
        return URI.create(raw.substring(0, cut) + "?" + query);
    }

    private PullCheck inspect(Authorization authorization) throws Failure, Stop {
        URI manifest = base.resolve("/v2/" + repository + "/manifests/" + reference);
        Response head = http.send("HEAD", manifest, ACCEPT, authorization);
        if (head.status() == 404) {
            throw new Stop(notFound(http.send("GET", manifest, ACCEPT, authorization)));
        }
        requireFound(head);
        Response get = http.send("GET", manifest, ACCEPT, authorization);
        requireFound(get);
        JsonObject body = json(get).orElseThrow(() -> unreachable(host() + " answered a manifest that is not JSON"));
        String mediaType = mediaType(head).or(() -> mediaType(get)).or(() -> string(body, "mediaType"))
                .orElse("unknown media type");
        String digest = head.header("Docker-Content-Digest").or(() -> get.header("Docker-Content-Digest"))
                .orElseGet(() -> sha256(get.body()));
        List<String> platforms = switch (mediaType) {
            case OCI_INDEX, DOCKER_LIST -> Platforms.ofIndex(body);
            case OCI_MANIFEST, DOCKER_MANIFEST -> configPlatforms(body, authorization);
            default -> List.of();
        };
        if (architecture != null && !platforms.isEmpty() && !Platforms.offers(platforms, architecture)) {
            return new PullCheck.WrongPlatform(image, digest, architecture, platforms);
        }
        return new PullCheck.Pullable(image, digest, mediaType, platforms);
    }

    /** A single-platform manifest names its platform only in its config blob; empty when that cannot be read. */
    private List<String> configPlatforms(JsonObject manifest, Authorization authorization) throws Failure {
        Optional<JsonObject> config = object(manifest, "config")
                .filter(c -> string(c, "mediaType").filter(IMAGE_CONFIGS::contains).isPresent());
        Optional<String> digest = config.flatMap(c -> string(c, "digest"))
                .filter(d -> d.matches("sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128}"));
        if (digest.isEmpty()) {
            return List.of();
        }
        Response blob = http.send("GET", base.resolve("/v2/" + repository + "/blobs/" + digest.get()), Map.of(),
                authorization);
        return blob.ok() ? json(blob).flatMap(Platforms::ofConfig).map(List::of).orElse(List.of()) : List.of();
    }

    private void requireFound(Response response) throws Stop {
        if (response.status() == 401 || response.status() == 403) {
            throw new Stop(refused(response.status(), false));
        }
        if (response.status() == 404) {
            throw new Stop(notFound(response));
        }
        if (!response.ok()) {
            throw unexpected(response, "the manifest");
        }
    }

    /** The error code of a 404's body says whether the repository or only the tag or digest is missing. */
    private PullCheck notFound(Response response) {
        boolean repositoryUnknown = json(response).map(o -> o.get("errors")).filter(JsonElement::isJsonArray)
                .map(errors -> errors.toString().contains("\"NAME_UNKNOWN\"")).orElse(false);
        return new PullCheck.NotFound(image, repository, reference, repositoryUnknown);
    }

    private PullCheck refused(int status, boolean byTokenService) {
        return new PullCheck.CredentialsRefused(image, Registry.of(image),
                credentials.map(BasicCredentials::username), status, byTokenService);
    }

    private Stop unexpected(Response response, String what) {
        return unreachable(RegistryHttp.hostOf(response.uri()) + " answered HTTP " + response.status() + " to "
                + what);
    }

    private Stop unreachable(String reason) {
        return new Stop(new PullCheck.Unreachable(image, reason));
    }

    private String host() {
        return RegistryHttp.hostOf(base);
    }

    private static Optional<String> mediaType(Response response) {
        return response.header("Content-Type").map(t -> t.split(";", 2)[0].strip()).filter(t -> !t.isEmpty())
                .filter(t -> !t.equals("application/json") && !t.equals("text/plain"));
    }

    static Optional<JsonObject> json(Response response) {
        try {
            JsonElement element = JsonParser.parseString(new String(response.body(), StandardCharsets.UTF_8));
            return element.isJsonObject() ? Optional.of(element.getAsJsonObject()) : Optional.empty();
        } catch (JsonParseException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    static Optional<String> string(JsonObject object, String name) {
        JsonElement element = object.get(name);
        return element != null && element.isJsonPrimitive() && element.getAsJsonPrimitive().isString()
                ? Optional.of(element.getAsString()) : Optional.empty();
    }

    static Optional<JsonObject> object(JsonObject object, String name) {
        JsonElement element = object.get(name);
        return element != null && element.isJsonObject() ? Optional.of(element.getAsJsonObject()) : Optional.empty();
    }

    private static Optional<URI> absoluteUri(String text) {
        try {
            URI uri = new URI(text);
            return uri.isAbsolute() && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String sha256(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The platforms an index or an image config names, as {@code os/architecture[/variant]}. */
    static final class Platforms {
        private Platforms() {
        }

        /** Entries for {@code unknown/unknown} are attestations (buildx provenance), not images: left out. */
        static List<String> ofIndex(JsonObject index) {
            List<String> platforms = new ArrayList<>();
            JsonElement manifests = index.get("manifests");
            if (manifests != null && manifests.isJsonArray()) {
                for (JsonElement entry : manifests.getAsJsonArray()) {
                    if (entry.isJsonObject()) {
                        object(entry.getAsJsonObject(), "platform").flatMap(Platforms::ofConfig)
                                .filter(p -> !p.startsWith("unknown/") && !p.contains("/unknown"))
                                .filter(p -> !platforms.contains(p)).ifPresent(platforms::add);
                    }
                }
            }
            return platforms;
        }

        /** An image config and an index entry's {@code platform} both hold {@code os}, {@code architecture}. */
        static Optional<String> ofConfig(JsonObject object) {
            Optional<String> os = string(object, "os");
            Optional<String> arch = string(object, "architecture");
            if (os.isEmpty() || arch.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(os.get() + "/" + arch.get() + string(object, "variant").map(v -> "/" + v).orElse(""));
        }

        /** ECS's arm64 is any arm64 variant (v8 or none); amd64 likewise. */
        static boolean offers(List<String> platforms, String architecture) {
            String wanted = RegistryPreflight.platformOf(architecture);
            return platforms.stream().anyMatch(p -> p.equals(wanted) || p.startsWith(wanted + "/"));
        }
    }
}
