package io.github.fargateprivate.registry;

import io.github.fargateprivate.registry.LocalRegistry.Pushed;
import io.github.fargateprivate.registry.PullCheck.CredentialsRefused;
import io.github.fargateprivate.registry.PullCheck.NotFound;
import io.github.fargateprivate.registry.PullCheck.Pullable;
import io.github.fargateprivate.registry.PullCheck.Unreachable;
import io.github.fargateprivate.registry.PullCheck.Verdict;
import io.github.fargateprivate.registry.PullCheck.WrongPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The preflight against a real registry (distribution 2.8.2, {@link LocalRegistry}), once with Basic authentication
 * (htpasswd) and once with Docker token authentication ({@link TokenIssuer}).
 */
class RegistryPreflightTest {

    static final String USER = "ci-puller";
    static final String PASSWORD = "Preflight-s3cret-4711";
    static final String WRONG_PASSWORD = "Preflight-wrong-0815";
    static final Optional<BasicCredentials> GOOD = Optional.of(new BasicCredentials(USER, PASSWORD));
    static final Optional<BasicCredentials> WRONG = Optional.of(new BasicCredentials(USER, WRONG_PASSWORD));
    static final String BASIC = new BasicCredentials(USER, PASSWORD).basicAuthorization();

    static final RegistryPreflight PREFLIGHT = new RegistryPreflight();

    static LocalRegistry registry;
    static Pushed amd64;
    static Pushed arm64;
    static Pushed armIndex;
    static Pushed multiIndex;

    @BeforeAll
    static void startRegistryAndPush() throws IOException, InterruptedException {
        registry = LocalRegistry.withHtpasswd(USER, PASSWORD);
        amd64 = registry.pushImage("acme/app", "1", "amd64", BASIC);
        arm64 = registry.pushImage("acme/app", null, "arm64", BASIC);
        armIndex = registry.pushIndex("acme/app", "arm", List.of(arm64), List.of("linux/arm64/v8"), BASIC);
        // buildx adds an attestation manifest for the platform unknown/unknown: it is no image and is not listed
        multiIndex = registry.pushIndex("acme/app", "multi", List.of(amd64, arm64, amd64),
                List.of("linux/amd64", "linux/arm64/v8", "unknown/unknown"), BASIC);
        registry.pushImage("acme/log-router", "2", "amd64", BASIC);
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    static PullCheck check(String image, Optional<BasicCredentials> credentials, String architecture) {
        return PREFLIGHT.check(registry.image(image), credentials, architecture);
    }

    @Test
    void goodCredentialsReadTheDigestOfExactlyTheBytesPushed() {
        var check = assertInstanceOf(Pullable.class, check("acme/app:1", GOOD, "X86_64"));
        assertEquals(amd64.digest(), check.digest());
        assertEquals(PreflightCheck.sha256(amd64.bytes()), check.digest());
        assertEquals("application/vnd.oci.image.manifest.v1+json", check.mediaType());
        assertEquals(List.of("linux/amd64"), check.platforms());
        assertFalse(check.failure());
        assertEquals(registry.host() + "/acme/app:1 is pullable: " + amd64.digest()
                + " (application/vnd.oci.image.manifest.v1+json, linux/amd64)", check.message());
    }

    @Test
    void aWrongPasswordIsRefusedWithHowToRenewIt() {
        var check = assertInstanceOf(CredentialsRefused.class, check("acme/app:1", WRONG, "X86_64"));
        assertEquals(Optional.of(USER), check.username());
        assertEquals(401, check.status());
        assertFalse(check.byTokenService());
        assertTrue(check.failure());
        assertEquals(registry.host() + "/acme/app:1: " + registry.host() + " refused the credentials of user '"
                + USER + "' (HTTP 401 from the registry); renew them: a user name and password or token with pull"
                + " (read) access to the registry (" + registry.host() + " may answer the same for a repository that"
                + " these credentials may not read or that does not exist)", check.message());
    }

    @Test
    void noCredentialsOnARegistryWithAuthenticationNeedsCredentials() {
        var check = assertInstanceOf(CredentialsRefused.class, check("acme/app:1", Optional.empty(), "X86_64"));
        assertEquals(Optional.empty(), check.username());
        assertTrue(check.message().startsWith(registry.host() + "/acme/app:1: " + registry.host()
                + " needs credentials to pull it (HTTP 401 from the registry without credentials); give a user name"
                + " and password or token with pull (read) access to the registry"), check.message());
    }

    @Test
    void aMissingTagIsNotFoundAndTheMessageNamesIt() {
        var check = assertInstanceOf(NotFound.class, check("acme/app:missing", GOOD, "X86_64"));
        assertEquals("missing", check.reference());
        assertFalse(check.repositoryUnknown());
        assertEquals(registry.host() + "/acme/app:missing: " + registry.host() + " has no tag 'missing' in acme/app"
                + " (HTTP 404): check the tag", check.message());
    }

    @Test
    void aReferenceWithoutTagAsksForLatestAndSaysSo() {
        var check = assertInstanceOf(NotFound.class, check("acme/app", GOOD, "X86_64"));
        assertEquals(registry.host() + "/acme/app: " + registry.host() + " has no tag 'latest' (implied: the"
                + " reference names no tag) in acme/app (HTTP 404): check the tag", check.message());
    }

    /** distribution 2.8.2 answers MANIFEST_UNKNOWN for a repository it does not have, as for a missing tag. */
    @Test
    void aMissingRepositoryIsNotFound() {
        var check = assertInstanceOf(NotFound.class, check("acme/nope:1", GOOD, "X86_64"));
        assertFalse(check.repositoryUnknown());
        assertEquals(registry.host() + "/acme/nope:1: " + registry.host() + " has no tag '1' in acme/nope (HTTP 404):"
                + " check the tag", check.message());
    }

    @Test
    void anIndexWithoutTheTasksArchitectureIsTheWrongPlatform() {
        var check = assertInstanceOf(WrongPlatform.class, check("acme/app:arm", GOOD, "X86_64"));
        assertEquals(armIndex.digest(), check.digest());
        assertEquals(List.of("linux/arm64/v8"), check.platforms());
        assertTrue(check.failure());
        assertEquals(registry.host() + "/acme/app:arm (" + armIndex.digest() + ") offers linux/arm64/v8, not"
                + " linux/amd64, which an X86_64 task runs: build it for linux/amd64 (docker buildx build --platform"
                + " linux/amd64) or run the task on ARM64", check.message());
    }

    @Test
    void anIndexWithTheTasksArchitectureIsPullable() {
        var check = assertInstanceOf(Pullable.class, check("acme/app:arm", GOOD, "ARM64"));
        assertEquals(armIndex.digest(), check.digest());
        assertEquals(PreflightCheck.OCI_INDEX, check.mediaType());
        assertEquals(List.of("linux/arm64/v8"), check.platforms());
    }

    @Test
    void aSinglePlatformImageIsCheckedByItsConfig() {
        var check = assertInstanceOf(WrongPlatform.class, check("acme/app:1", GOOD, "ARM64"));
        assertEquals(List.of("linux/amd64"), check.platforms());
        assertTrue(check.message().endsWith("build it for linux/arm64 (docker buildx build --platform linux/arm64)"
                + " or run the task on X86_64"), check.message());
    }

    @Test
    void aMultiPlatformIndexListsItsImagesButNotItsAttestations() {
        var check = assertInstanceOf(Pullable.class, check("acme/app:multi", GOOD, "X86_64"));
        assertEquals(multiIndex.digest(), check.digest());
        assertEquals(List.of("linux/amd64", "linux/arm64/v8"), check.platforms());
    }

    @Test
    void aPullableAnswerIsReadBackFromTheLineThatQuotesItsMessage() {
        for (String image : List.of("acme/app:1", "acme/app:multi", "acme/app@" + arm64.digest())) {
            var check = assertInstanceOf(Pullable.class, check(image, GOOD, null));
            assertEquals(Optional.of(check), Pullable.fromMessage("LoadBalancedService 'app': container.image: "
                    + check.message()));
        }
        // ECR's answer (ecr.getImage) names neither a media type nor platforms.
        var ecr = new Pullable(ImageReference.parse("123456789012.dkr.ecr.eu-central-1.amazonaws.com/app:1"),
                amd64.digest(), "", List.of());
        assertEquals(Optional.of(ecr), Pullable.fromMessage(ecr.message()));
        assertEquals(Optional.empty(), Pullable.fromMessage("container.image: could not check " + registry.host()
                + "/acme/app:1"));
        assertEquals(Optional.empty(), Pullable.fromMessage("x is pullable: sha256:abc (a, b)"), "not a digest");
    }

    @Test
    void withoutAnArchitectureThePlatformIsNotChecked() {
        var check = assertInstanceOf(Pullable.class, check("acme/app:arm", GOOD, null));
        assertEquals(List.of("linux/arm64/v8"), check.platforms());
    }

    @Test
    void aDigestReferenceIsCheckedByItsDigest() {
        var check = assertInstanceOf(Pullable.class, check("acme/app@" + arm64.digest(), GOOD, "ARM64"));
        assertEquals(arm64.digest(), check.digest());
        assertEquals(List.of("linux/arm64"), check.platforms());
        var missing = assertInstanceOf(NotFound.class,
                check("acme/app@sha256:" + "0".repeat(64), GOOD, "ARM64"));
        assertTrue(missing.message().endsWith(" has no digest sha256:" + "0".repeat(64) + " in acme/app (HTTP 404):"
                + " check the digest"), missing.message());
    }

    @Test
    void aSidecarsRepositoryIsCheckedOnItsOwn() {
        var check = assertInstanceOf(Pullable.class, check("acme/log-router:2", GOOD, "X86_64"));
        assertEquals(List.of("linux/amd64"), check.platforms());
    }

    @Test
    void aRegistryThatIsDownIsUnreachableAWarningNotAFailure() throws IOException {
        int closed = FakeServer.freePort();
        long start = System.nanoTime();
        PullCheck check = PREFLIGHT.check(ImageReference.parse("127.0.0.1:" + closed + "/acme/app:1"), GOOD,
                "X86_64");
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(5)) < 0);
        assertEquals(Verdict.UNREACHABLE, check.verdict());
        assertFalse(check.failure());
        assertEquals("could not check 127.0.0.1:" + closed + "/acme/app:1: 127.0.0.1:" + closed + " refused the"
                + " connection; ECS will try the pull anyway when a task starts", check.message());
    }

    @Test
    void aRegistryThatDoesNotAnswerIsUnreachableWithinTheTimeout() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.start();
            long start = System.nanoTime();
            PullCheck check = new RegistryPreflight(Duration.ofMillis(800)).check(
                    ImageReference.parse("127.0.0.1:" + silent.getLocalPort() + "/acme/app:1"), GOOD, "X86_64");
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(took.compareTo(Duration.ofMillis(2000)) < 0, took.toString());
            assertEquals("could not check 127.0.0.1:" + silent.getLocalPort() + "/acme/app:1: 127.0.0.1:"
                    + silent.getLocalPort() + " did not answer within 800 ms; ECS will try the pull anyway when a task"
                    + " starts", check.message());
        }
    }

    /** The same image on a registry in token mode: the challenge, the token, and the manifest with the token. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class BearerTokens {

        TokenIssuer issuer;
        LocalRegistry tokenRegistry;
        Pushed image;

        @BeforeAll
        void start() throws IOException, InterruptedException, GeneralSecurityException {
            issuer = TokenIssuer.start(Map.of(USER, PASSWORD));
            tokenRegistry = LocalRegistry.withTokens(issuer.realm(), TokenIssuer.SERVICE, TokenIssuer.ISSUER,
                    issuer.rootCertBundle());
            image = tokenRegistry.pushImage("acme/app", "1", "amd64",
                    "Bearer " + issuer.token(USER, "repository:acme/app:pull,push"));
        }

        @AfterAll
        void stop() {
            tokenRegistry.close();
            issuer.close();
        }

        PullCheck check(String reference, Optional<BasicCredentials> credentials) {
            return PREFLIGHT.check(tokenRegistry.image(reference), credentials, "X86_64");
        }

        @Test
        void goodCredentialsGetAPullTokenForTheRepositoryAndReadTheDigest() {
            int before = issuer.requests().size();
            var check = assertInstanceOf(Pullable.class, check("acme/app:1", GOOD));
            assertEquals(image.digest(), check.digest());
            assertEquals(List.of("linux/amd64"), check.platforms());
            assertEquals(List.of(new TokenIssuer.Request(Optional.of(USER), TokenIssuer.SERVICE,
                    "repository:acme/app:pull")), issuer.requests().subList(before, issuer.requests().size()));
        }

        @Test
        void aWrongPasswordIsRefusedByTheTokenService() {
            var check = assertInstanceOf(CredentialsRefused.class, check("acme/app:1", WRONG));
            assertTrue(check.byTokenService());
            assertTrue(check.message().contains("refused the credentials of user '" + USER + "' (HTTP 401 from its"
                    + " token service); renew them"), check.message());
        }

        @Test
        void anAnonymousTokenWithoutAccessNeedsCredentials() {
            var check = assertInstanceOf(CredentialsRefused.class, check("acme/app:1", Optional.empty()));
            assertEquals(Optional.empty(), check.username());
            assertFalse(check.byTokenService());
            assertTrue(check.message().contains(" needs credentials to pull it (HTTP 401 from the registry without"
                    + " credentials)"), check.message());
        }

        @Test
        void aMissingTagIsNotFound() {
            var check = assertInstanceOf(NotFound.class, check("acme/app:2", GOOD));
            assertEquals("2", check.reference());
        }

        /** Every verdict, with Basic and Bearer: no message and no toString holds the password or a token. */
        @Test
        void noVerdictEverHoldsThePasswordOrAToken() throws IOException {
            List<PullCheck> checks = new ArrayList<>(List.of(
                    check("acme/app:1", GOOD), check("acme/app:1", WRONG), check("acme/app:1", Optional.empty()),
                    check("acme/app:2", GOOD),
                    RegistryPreflightTest.check("acme/app:1", GOOD, "X86_64"),
                    RegistryPreflightTest.check("acme/app:1", WRONG, "X86_64"),
                    RegistryPreflightTest.check("acme/app:1", Optional.empty(), "X86_64"),
                    RegistryPreflightTest.check("acme/app:missing", GOOD, "X86_64"),
                    RegistryPreflightTest.check("acme/app:arm", GOOD, "X86_64"),
                    PREFLIGHT.check(ImageReference.parse("127.0.0.1:" + FakeServer.freePort() + "/acme/app:1"),
                            GOOD, "X86_64")));
            assertEquals(EnumSet.allOf(Verdict.class),
                    checks.stream().map(PullCheck::verdict).collect(Collectors.toCollection(() ->
                            EnumSet.noneOf(Verdict.class))));
            Set<String> secrets = secrets();
            assertTrue(secrets.size() > 4, "tokens were issued: " + secrets.size());
            for (PullCheck check : checks) {
                for (String text : List.of(check.message(), check.toString())) {
                    secrets.forEach(secret -> assertFalse(text.contains(secret), check.verdict() + " leaks"));
                }
            }
            assertEquals("BasicCredentials[username=" + USER + ", password=***]", GOOD.orElseThrow().toString());
        }

        private Set<String> secrets() {
            Set<String> secrets = new java.util.HashSet<>(issuer.issued());
            for (String password : List.of(PASSWORD, WRONG_PASSWORD)) {
                secrets.add(password);
                secrets.add(Base64.getEncoder().encodeToString((USER + ":" + password).getBytes()));
            }
            return secrets;
        }
    }
}
