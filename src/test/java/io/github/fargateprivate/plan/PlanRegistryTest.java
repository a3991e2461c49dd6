package io.github.fargateprivate.plan;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.fargateprivate.registry.LocalRegistry;
import io.github.fargateprivate.registry.LocalRegistry.Pushed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ./plan STACK --online} against a real registry on this machine ({@link LocalRegistry}: Debian's
 * {@code docker-registry} with htpasswd), as a user runs it: a stack file whose image is on that registry, with
 * {@code registryUsername} and a {@code registryPassword} encrypted with the passphrase, which the environment holds.
 * The plan shows each image with the digest it resolves to, or exits 2 with the registry's refusal under the key to
 * fix; an unreachable registry is a warning. The password appears nowhere in what the plan prints.
 */
class PlanRegistryTest {

    static final String USER = "acme-ci";
    static final String PASSWORD = "Plan-registry-s3cret-9c1d";
    static final String WRONG_PASSWORD = "Plan-registry-wrong-77aa";
    static final String PASSPHRASE = "plan registry passphrase";
    /** One stack key for the class: deriving it takes a second. */
    static final CliEncrypter CLI = CliEncrypter.newStack(PASSPHRASE);
    static final String STACK = "reg";

    static LocalRegistry registry;
    static Pushed amd64;
    static Pushed multi;
    static Pushed armOnly;

    record Result(int status, String out, String err) {
    }

    @BeforeAll
    static void startTheRegistryAndPush() throws IOException, InterruptedException {
        registry = LocalRegistry.withHtpasswd(USER, PASSWORD);
        String auth = LocalRegistry.authorization(USER, PASSWORD);
        amd64 = registry.pushImage("acme/app", "1", "amd64", auth);
        Pushed arm64 = registry.pushImage("acme/app", null, "arm64", auth);
        multi = registry.pushIndex("acme/app", "multi", List.of(amd64, arm64), List.of("linux/amd64", "linux/arm64"),
                auth);
        armOnly = registry.pushIndex("acme/app", "arm", List.of(arm64), List.of("linux/arm64"), auth);
    }

    @AfterAll
    static void stopTheRegistry() {
        registry.close();
    }

    /** Pulumi.reg.yaml of the passphrase provider: the image, its user and its password as {@code secure:}. */
    static void stack(Path dir, String image, String password) throws IOException {
        CLI.writeRegistryStack(dir, STACK, image, USER, password);
    }

    /** {@code ./plan reg --online --dir DIR [--json]} with the passphrase in the environment. */
    static Result plan(Path dir, String... more) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        String[] args = Stream.concat(Stream.of(STACK, "--online", "--dir", dir.toString()), Stream.of(more))
                .toArray(String[]::new);
        int status = Plan.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("PULUMI_CONFIG_PASSPHRASE", PASSPHRASE)::get);
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Neither password, nor the Basic header made of the good one, in anything the plan printed. */
    static void assertNoPassword(Result r) {
        String basic = LocalRegistry.authorization(USER, PASSWORD).substring("Basic ".length());
        for (String secret : List.of(PASSWORD, WRONG_PASSWORD, "s3cret-9c1d", "wrong-77aa", basic)) {
            assertFalse(r.out().contains(secret) || r.err().contains(secret), "the plan printed " + secret);
        }
    }

    /** The digest a registry reports for a manifest: the sha256 of exactly the bytes pushed. */
    static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static String image(String tag) {
        return registry.host() + "/acme/app:" + tag;
    }

    @Test
    void goodCredentialsShowTheImageWithTheDigestItResolvesTo(@TempDir Path dir) throws Exception {
        stack(dir, image("1"), PASSWORD);
        String digest = sha256(amd64.bytes());
        assertEquals(digest, amd64.digest());

        var text = plan(dir);
        assertEquals(0, text.status(), text.err());
        assertEquals("", text.err());
        assertTrue(text.out().contains("\n  registry: asked\n    container.image  " + image("1") + " -> " + digest
                + "  (linux/amd64)\n"), text.out());
        assertTrue(text.out().contains("\n  imageDigests: {app=" + registry.host() + "/acme/app@" + digest + "}\n"),
                text.out());
        assertFalse(text.out().contains("\nWarnings:"), text.out());
        assertNoPassword(text);

        var json = plan(dir, "--json");
        assertEquals(0, json.status(), json.err());
        var reg = JsonParser.parseString(json.out()).getAsJsonObject().getAsJsonObject("registry");
        assertTrue(reg.get("online").getAsBoolean());
        assertFalse(reg.get("placeholderCredentials").getAsBoolean());
        var images = reg.getAsJsonArray("images");
        assertEquals(1, images.size(), images.toString());
        assertImage(images.get(0).getAsJsonObject(), image("1"), digest,
                "application/vnd.oci.image.manifest.v1+json", "linux/amd64");
        assertNoPassword(json);
    }

    @Test
    void anIndexShowsItsDigestAndItsPlatforms(@TempDir Path dir) throws Exception {
        stack(dir, image("multi"), PASSWORD);
        var text = plan(dir);
        assertEquals(0, text.status(), text.err());
        assertTrue(text.out().contains("\n    container.image  " + image("multi") + " -> " + sha256(multi.bytes())
                + "  (index: linux/amd64, linux/arm64)\n"), text.out());
        assertTrue(Files.readString(Path.of("docs/plan.md")).contains("/acme/app:multi -> " + multi.digest()
                + "  (index: linux/amd64, linux/arm64)\n"), "docs/plan.md's example is this image's line");
        var images = JsonParser.parseString(plan(dir, "--json").out()).getAsJsonObject()
                .getAsJsonObject("registry").getAsJsonArray("images");
        assertImage(images.get(0).getAsJsonObject(), image("multi"), multi.digest(),
                "application/vnd.oci.image.index.v1+json", "linux/amd64", "linux/arm64");
    }

    private static void assertImage(JsonObject image, String reference, String digest, String mediaType,
                                    String... platforms) {
        assertEquals("container.image", image.get("field").getAsString());
        assertEquals(reference, image.get("image").getAsString());
        assertEquals(digest, image.get("digest").getAsString());
        assertEquals(mediaType, image.get("mediaType").getAsString());
        assertEquals(List.of(platforms), image.getAsJsonArray("platforms").asList().stream()
                .map(JsonElement::getAsString).toList());
    }

    /**
     * The plan of a stack with this image and password exits 2 before any resource, with exactly one problem, under
     * the key a user fixes, printing nothing else and no password.
     */
    static void assertRefused(Path dir, String image, String password, String key, String message)
            throws IOException {
        stack(dir, image, password);
        var r = plan(dir);
        assertEquals(2, r.status(), r.out() + r.err());
        assertEquals("", r.out());
        assertEquals("error: Stack 'reg' has 1 configuration problem (Pulumi.reg.yaml); nothing was deployed:\n"
                + "  - " + key + ": " + message, r.err().strip());
        assertNoPassword(r);
    }

    @Test
    void aWrongPasswordExitsTwoUnderRegistryPasswordWithTheCommandThatReplacesIt(@TempDir Path dir)
            throws IOException {
        String host = registry.host();
        assertRefused(dir, image("1"), WRONG_PASSWORD, "registryPassword", image("1") + ": " + host + " refused "
                + "the credentials of user 'acme-ci' (HTTP 401 from the registry); renew them: a user name and "
                + "password or token with pull (read) access to the registry (" + host + " may answer the same for a "
                + "repository that these credentials may not read or that does not exist): pulumi config set --secret "
                + "registryPassword VALUE");
    }

    @Test
    void aTagNeverPushedExitsTwoUnderImageNamingTheTag(@TempDir Path dir) throws IOException {
        assertRefused(dir, image("2"), PASSWORD, "image", image("2") + ": " + registry.host() + " has no tag '2' in "
                + "acme/app (HTTP 404): check the tag");
    }

    @Test
    void anIndexWithoutTheTasksArchitectureExitsTwoNamingThePlatform(@TempDir Path dir) throws Exception {
        assertRefused(dir, image("arm"), PASSWORD, "image", image("arm") + " (" + sha256(armOnly.bytes()) + ") offers "
                + "linux/arm64, not linux/amd64, which an X86_64 task runs: build it for linux/amd64 (docker buildx "
                + "build --platform linux/amd64) or run the task on ARM64");
    }

    @Test
    void aRegistryThatAnswersNothingIsAWarningAndTheResourcesArePlanned(@TempDir Path dir) throws IOException {
        String closed;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = "127.0.0.1:" + socket.getLocalPort();
        }
        String image = closed + "/acme/app:1";
        stack(dir, image, PASSWORD);
        var r = plan(dir);
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("\n  resources: 18 to create (in 6 components)\n"), r.out());
        assertTrue(r.out().contains("\nWarnings:\n  LoadBalancedService 'app': container.image: could not check "
                + image + ": " + closed + " refused the connection; ECS will try the pull anyway when a task starts\n"),
                r.out());
        assertTrue(r.out().contains("\n  registry: asked, no image resolved to a digest\n"), r.out());
        assertFalse(r.out().contains("imageDigests"), "nothing resolved, nothing exported:\n" + r.out());
        assertNoPassword(r);
    }
}
