package io.github.fargateprivate.registry;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.github.fargateprivate.registry.FakeServer.Answer;
import io.github.fargateprivate.registry.FakeServer.Seen;
import io.github.fargateprivate.registry.PullCheck.NotFound;
import io.github.fargateprivate.registry.PullCheck.Pullable;
import io.github.fargateprivate.registry.PullCheck.Unreachable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where the password and the tokens go, and what a registry can do that the real one of {@link RegistryPreflightTest}
 * does not: redirects, token services elsewhere, other challenges, other error codes. Against {@link FakeServer}s.
 */
class RegistryPreflightSafetyTest {

    static final Optional<BasicCredentials> GOOD = Optional.of(new BasicCredentials("dev", "fake-pa55word"));
    static final String INDEX = "{\"schemaVersion\":2,\"mediaType\":\"" + PreflightCheck.OCI_INDEX + "\",\"manifests\":"
            + "[{\"mediaType\":\"" + PreflightCheck.OCI_MANIFEST + "\",\"digest\":\"sha256:" + "a".repeat(64)
            + "\",\"size\":1,\"platform\":{\"architecture\":\"arm64\",\"os\":\"linux\"}}]}";
    static final Map<String, String> INDEX_TYPE = Map.of("Content-Type", PreflightCheck.OCI_INDEX);

    private final List<FakeServer> servers = new ArrayList<>();
    private final RegistryPreflight preflight = new RegistryPreflight(Duration.ofSeconds(3));

    @AfterEach
    void stopServers() {
        servers.forEach(FakeServer::close);
    }

    private FakeServer serve(Function<Seen, Answer> answers) throws IOException {
        FakeServer server = new FakeServer(answers);
        servers.add(server);
        return server;
    }

    private PullCheck check(FakeServer registry, String image, Optional<BasicCredentials> credentials) {
        return preflight.check(ImageReference.parse(registry.host() + "/" + image), credentials, "ARM64");
    }

    private static Answer basicChallengeOr(Seen request, Answer answer) {
        return request.path().equals("/v2/") ? Answer.of(401, Map.of("WWW-Authenticate", "Basic realm=\"fake\""))
                : answer;
    }

    @Test
    void aRedirectToAnotherOriginCarriesNoAuthorization() throws IOException {
        FakeServer elsewhere = serve(request -> Answer.of(200, INDEX_TYPE, INDEX));
        FakeServer registry = serve(request -> basicChallengeOr(request,
                Answer.of(307, Map.of("Location", elsewhere.base() + "/cdn/manifest"))));
        var check = assertInstanceOf(Pullable.class, check(registry, "acme/app:1", GOOD));
        // no Docker-Content-Digest: the digest is the sha256 of what was read
        assertEquals(PreflightCheck.sha256(INDEX.getBytes(StandardCharsets.UTF_8)), check.digest());
        assertEquals(List.of("linux/arm64"), check.platforms());
        assertTrue(registry.seen().stream().filter(s -> s.path().contains("/manifests/"))
                .allMatch(s -> s.authorization().equals(Optional.of(GOOD.orElseThrow().basicAuthorization()))));
        assertEquals(List.of(new Seen("HEAD", "/cdn/manifest", Optional.empty()),
                new Seen("GET", "/cdn/manifest", Optional.empty())), elsewhere.seen());
    }

    @Test
    void aRedirectToPlainHttpElsewhereIsNotFollowed() throws IOException {
        FakeServer registry = serve(request -> basicChallengeOr(request,
                Answer.of(302, Map.of("Location", "http://cdn.example.invalid/manifest?sig=abc"))));
        var check = assertInstanceOf(Unreachable.class, check(registry, "acme/app:1", GOOD));
        assertEquals(registry.host() + " redirected to http://cdn.example.invalid, which is neither HTTPS nor on"
                + " this machine", check.reason());
    }

    @Test
    void aTokenServiceOverPlainHttpElsewhereGetsNoPassword() throws IOException {
        FakeServer registry = serve(request -> Answer.of(401, Map.of("WWW-Authenticate",
                "Bearer realm=\"http://auth.example.invalid/token\",service=\"fake\"")));
        var check = assertInstanceOf(Unreachable.class, check(registry, "acme/app:1", GOOD));
        assertEquals(registry.host() + " sends token requests to http://auth.example.invalid, which is neither HTTPS"
                + " nor on this machine; the check sends nothing there", check.reason());
        assertEquals(check.reason(), assertInstanceOf(Unreachable.class,
                check(registry, "acme/app:1", Optional.empty())).reason());
        assertEquals(List.of(new Seen("GET", "/v2/", Optional.empty()), new Seen("GET", "/v2/", Optional.empty())),
                registry.seen());
    }

    /** The token service reads the password, the registry the token; neither sees the other's. */
    @Test
    void theBearerTokenGoesOnlyToTheRegistryAndThePasswordOnlyToTheTokenService() throws IOException {
        FakeServer tokens = serve(request -> Answer.of(200, Map.of("Content-Type", "application/json"),
                "{\"access_token\":\"fake.token-123\",\"expires_in\":60}"));
        FakeServer registry = serve(request -> {
            if (request.authorization().equals(Optional.of("Bearer fake.token-123"))) {
                return Answer.of(200, INDEX_TYPE, INDEX);
            }
            // a scope that holds a comma inside quotes, as Docker Hub's challenges do
            return Answer.of(401, Map.of("WWW-Authenticate", "Bearer realm=\"" + tokens.base()
                    + "/token?client=x\",service=\"fake registry\",scope=\"repository:acme/app:pull,push\""));
        });
        assertInstanceOf(Pullable.class, check(registry, "acme/app:1", GOOD));
        assertEquals(List.of(new Seen("GET", "/token?client=x&service=fake+registry&scope=repository%3Aacme%2Fapp"
                + "%3Apull", Optional.of(GOOD.orElseThrow().basicAuthorization()))), tokens.seen());
        assertTrue(registry.seen().stream().noneMatch(s -> s.authorization().filter(a -> a.startsWith("Basic"))
                .isPresent()), registry.seen().toString());
    }

    @Test
    void aRegistryThatSaysTheRepositoryIsUnknownIsNotFoundByName() throws IOException {
        FakeServer registry = serve(request -> request.path().equals("/v2/") ? Answer.of(200, Map.of())
                : Answer.of(404, Map.of("Content-Type", "application/json"),
                "{\"errors\":[{\"code\":\"NAME_UNKNOWN\",\"message\":\"repository name not known to registry\"}]}"));
        var check = assertInstanceOf(NotFound.class, check(registry, "acme/app:1", Optional.empty()));
        assertTrue(check.repositoryUnknown());
        assertEquals(registry.host() + "/acme/app:1: " + registry.host() + " has no repository acme/app (HTTP 404):"
                + " check the image name", check.message());
    }

    @Test
    void aServerErrorIsUnreachable() throws IOException {
        FakeServer registry = serve(request -> Answer.of(503, Map.of()));
        var check = assertInstanceOf(Unreachable.class, check(registry, "acme/app:1", GOOD));
        assertEquals(registry.host() + " answered HTTP 503 to GET /v2/", check.reason());
        assertFalse(check.failure());
    }

    @Test
    void anAuthenticationSchemeOtherThanBasicOrBearerIsUnreachable() throws IOException {
        FakeServer registry = serve(request -> Answer.of(401, Map.of("WWW-Authenticate", "Negotiate")));
        var check = assertInstanceOf(Unreachable.class, check(registry, "acme/app:1", GOOD));
        assertEquals(registry.host() + " asks for negotiate authentication, which the check does not speak (only"
                + " Basic and Bearer)", check.reason());
    }

    @Test
    void anAnswerLargerThanAManifestMayBeIsNotRead() throws IOException {
        String huge = "x".repeat(RegistryHttp.MAX_BODY + 1);
        FakeServer registry = serve(request -> request.path().equals("/v2/") ? Answer.of(200, Map.of())
                : Answer.of(200, INDEX_TYPE, huge));
        var check = assertInstanceOf(Unreachable.class, check(registry, "acme/app:1", Optional.empty()));
        assertEquals("the connection to " + registry.host() + " failed (an answer larger than 4194304 bytes)",
                check.reason());
    }

    /**
     * A registry whose certificate no trust store knows (a private CA's, a self-signed one). Loopback registries are
     * asked over plain HTTP, so the TLS failure is provoked one layer down, at RegistryHttp.
     */
    @Test
    void aCertificateThatIsNotTrustedFailsTheTlsHandshake(@TempDir Path dir) throws Exception {
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(SelfSignedKey.generate(dir, "private-ca").serverContext()));
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            String host = "127.0.0.1:" + server.getAddress().getPort();
            var http = new RegistryHttp(HttpClient.newHttpClient(), Duration.ofSeconds(3));
            var failure = assertThrows(RegistryHttp.Failure.class, () -> http.send("GET",
                    URI.create("https://" + host + "/v2/"), Map.of(), RegistryHttp.Authorization.NONE));
            assertTrue(failure.getMessage().startsWith("the TLS handshake with " + host + " failed (PKIX path"),
                    failure.getMessage());
        } finally {
            server.stop(0);
        }
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
            "nginx,                                 https://registry-1.docker.io,   library/nginx",
            "docker.io/library/nginx:1.27,          https://registry-1.docker.io,   library/nginx",
            "index.docker.io/acme/app:1,            https://registry-1.docker.io,   acme/app",
            "acme/app:1,                            https://registry-1.docker.io,   acme/app",
            "ghcr.io/acme/app:1,                    https://ghcr.io,                acme/app",
            "registry.example.com:5000/team/app:2,  https://registry.example.com:5000, team/app",
            "localhost:5000/app,                    http://localhost:5000,          app",
            "127.0.0.1:5000/app,                    http://127.0.0.1:5000,          app",
            "127.0.0.2:5000/app,                    https://127.0.0.2:5000,         app",
            "localhost.example.com/app,             https://localhost.example.com,  app",
    })
    void plainHttpOnlyForThisMachineAndDockerHubAtItsApiHost(String image, String base, String repository) {
        ImageReference reference = ImageReference.parse(image);
        assertEquals(URI.create(base), RegistryPreflight.registryBase(reference));
        assertEquals(repository, RegistryPreflight.repository(reference));
    }

    @Test
    void anArchitectureOtherThanEcsNamesIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> preflight.check(
                ImageReference.parse("ghcr.io/acme/app:1"), Optional.empty(), "amd64"));
        assertEquals("the CPU architecture 'amd64' is not X86_64 or ARM64", e.getMessage());
    }

    @Test
    void challengesAreReadWithQuotedCommas() {
        var challenge = AuthChallenge.choose(List.of("Basic realm=\"Registry Realm\"",
                "Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\","
                        + "scope=\"repository:library/nginx:pull,push\"")).orElseThrow();
        assertEquals("bearer", challenge.scheme());
        assertEquals(Map.of("realm", "https://auth.docker.io/token", "service", "registry.docker.io",
                "scope", "repository:library/nginx:pull,push"), challenge.params());
        assertEquals(Map.of("realm", "a \"b\""), AuthChallenge.parse("basic realm=\"a \\\"b\\\"\"").orElseThrow()
                .params());
    }
}
