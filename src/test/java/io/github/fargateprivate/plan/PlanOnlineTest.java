package io.github.fargateprivate.plan;

import com.google.gson.JsonParser;
import com.pulumi.core.Output;
import io.github.fargateprivate.ArgsException;
import io.github.fargateprivate.Problem;
import io.github.fargateprivate.registry.RegistryAccess;
import io.github.fargateprivate.stack.App;
import io.github.fargateprivate.testing.OfflineMocks;
import io.github.fargateprivate.testing.OfflineRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ./plan STACK --online}: which registry access the plan installs, and the stack's secrets decrypted with the
 * passphrase as the CLI does, never shown. The image of every stack here is on 127.0.0.1, so that no test reaches the
 * internet, whatever the components ask.
 */
class PlanOnlineTest {

    private static final String PASSPHRASE = "correct horse battery staple";
    private static final String PASSWORD = "s3cr3t-Registry-Token-7f9c";
    /** One stack key for the class: deriving it takes a second. */
    private static final CliEncrypter CLI = CliEncrypter.newStack(PASSPHRASE);
    private static final Function<String, String> NO_ENVIRONMENT = name -> null;

    private record Result(int status, String out, String err) {
    }

    private static Result plan(Function<String, String> environment, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = Plan.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), environment);
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Function<String, String> passphrase(String phrase) {
        return Map.of("PULUMI_CONFIG_PASSPHRASE", phrase)::get;
    }

    /** Stack 'secure' of the passphrase provider, whose registry password is {@link #PASSWORD}. */
    private static void secureStack(Path dir) throws IOException {
        secureStack(dir, CLI.encrypt(PASSWORD));
    }

    private static void secureStack(Path dir, String securePassword) throws IOException {
        Files.copy(Path.of("Pulumi.yaml"), dir.resolve("Pulumi.yaml"));
        Files.writeString(dir.resolve("Pulumi.secure.yaml"), """
                encryptionsalt: %s
                config:
                  aws:region: eu-central-1
                  fargate-private-registry:image: 127.0.0.1:1/acme/app:1.0
                  fargate-private-registry:registryUsername: acme
                  fargate-private-registry:registryPassword:
                    secure: %s
                """.formatted(CLI.encryptionSalt(), securePassword));
    }

    @Test
    void offlineThePlanInstallsNoAccessAndSaysTheRegistryWasNotAsked(@TempDir Path dir) throws IOException {
        secureStack(dir);
        var file = StackFile.read(dir, "secure");
        assertEquals(StackSecrets.State.NOT_DECRYPTED, file.secrets().state());
        assertEquals(RegistryAccess.Scope.NONE, Plan.mocks(file, false).registryAccess().scope());

        var r = plan(passphrase(PASSPHRASE), "secure", "--dir", dir.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("(offline: the real program under Pulumi's mock engine, no AWS calls)"), r.out());
        assertTrue(r.out().contains("\n  registry: not asked: neither the images nor the registry credentials were "
                + "checked (./plan secure --online asks each image's registry)\n"), r.out());
        var json = JsonParser.parseString(plan(NO_ENVIRONMENT, "secure", "--json", "--dir", dir.toString()).out())
                .getAsJsonObject().getAsJsonObject("registry");
        assertFalse(json.get("online").getAsBoolean());
        assertTrue(json.get("placeholderCredentials").getAsBoolean());
        assertEquals(0, json.getAsJsonArray("images").size());
    }

    @Test
    void onlineWithThePassphraseTheProgramGetsTheRealPasswordAsASecret(@TempDir Path dir) throws IOException {
        secureStack(dir);
        var file = StackFile.readDecrypting(dir, "secure", passphrase(PASSPHRASE));
        String key = "fargate-private-registry:registryPassword";
        assertEquals(StackSecrets.State.DECRYPTED, file.secrets().state());
        assertEquals(PASSWORD, file.config().get(key));
        assertTrue(file.secretKeys().contains(key));
        assertFalse(file.toString().contains(PASSWORD), file.toString());
        var access = Plan.mocks(file, true).registryAccess();
        assertEquals(RegistryAccess.Scope.ANY, access.scope());
        assertTrue(access.credentials(), "the credentials are the real ones");

        var run = OfflineRun.of(App::stack, file.project(), file.stack(), file.config(), file.secretKeys(),
                new OfflineMocks("eu-central-1").registryAccess(RegistryAccess.loopbackOnly())).ok();
        var version = run.mocks().ofType("aws:secretsmanager/secretVersion:SecretVersion").get(0);
        assertTrue(String.valueOf(version.inputs().get("secretString")).contains(PASSWORD));
        assertTrue(run.registrations().stream().filter(r -> r.name().equals(version.name())).findFirst()
                .orElseThrow().inputIsSecret("secretString"), "sent as a secret");
    }

    @Test
    void theDecryptedPasswordAppearsNowhereInThePlan(@TempDir Path dir) throws IOException {
        secureStack(dir);
        var text = plan(passphrase(PASSPHRASE), "secure", "--online", "--dir", dir.toString());
        assertEquals(0, text.status(), text.err());
        assertTrue(text.out().contains("secretString: [secret]"), text.out());
        assertTrue(text.out().contains("(the real program under Pulumi's mock engine: no AWS calls; the images' "
                + "registries asked)"), text.out());
        // Nothing left unchecked, but 127.0.0.1:1 answers nothing (PlanRegistryTest: a registry that answers).
        assertTrue(text.out().contains("\n  registry: asked, no image resolved to a digest\n"), text.out());
        var json = plan(passphrase(PASSPHRASE), "secure", "--online", "--json", "--dir", dir.toString());
        assertEquals(0, json.status(), json.err());
        var registry = JsonParser.parseString(json.out()).getAsJsonObject().getAsJsonObject("registry");
        assertTrue(registry.get("online").getAsBoolean());
        assertFalse(registry.get("placeholderCredentials").getAsBoolean());
        assertTrue(registry.get("note").isJsonNull(), "serializeNulls keeps the key");
        assertEquals(0, registry.getAsJsonArray("images").size());
        for (var r : List.of(text, json)) {
            assertFalse(r.out().contains(PASSWORD) || r.err().contains(PASSWORD), "the password is shown");
            assertFalse(r.out().contains("s3cr3t"), "nor any part of it");
        }
    }

    @Test
    void theMaskReplacesEveryDecryptedValueAsTheCliFiltersItsOutput() {
        var secrets = new StackSecrets(StackSecrets.State.DECRYPTED, "Pulumi.x.yaml",
                Set.of("hunter2", "ab", "TRUE", "quo\"te", "hunter2-and-more"));
        assertEquals("[secret] [secret] ab TRUE [secret] {\"p\": \"[secret]\"} [secret]",
                secrets.mask("hunter2 hunter2-and-more ab TRUE quo\"te {\"p\": \"quo\\\"te\"} hunter2"));
        assertEquals("StackSecrets[DECRYPTED, 4 masked]", secrets.toString(),
                "hunter2, hunter2-and-more, quo\"te and its JSON form; not ab (under 3 bytes) nor TRUE");
    }

    @Test
    void aWrongPassphraseExitsTwoNamingTheVariable(@TempDir Path dir) throws IOException {
        secureStack(dir);
        var r = plan(passphrase("Tr0ub4dor&3"), "secure", "--online", "--dir", dir.toString());
        assertEquals(2, r.status());
        assertEquals("error: " + dir.resolve("Pulumi.secure.yaml") + ": incorrect passphrase (from "
                + "PULUMI_CONFIG_PASSPHRASE): set PULUMI_CONFIG_PASSPHRASE to the passphrase of stack 'secure', or "
                + "PULUMI_CONFIG_PASSPHRASE_FILE to a file holding it", r.err().strip());
        assertEquals("", r.out());
    }

    @Test
    void aSecureValueOfAnotherStackExitsTwoNamingItsKey(@TempDir Path dir) throws IOException {
        // Encrypted by the CLI with another stack's key (PassphraseDecrypterTest's mheers/pulumi-helper vector).
        secureStack(dir, "v1:6rgJQkU0YY5NFozT:HN1XFZSfr2YW1Pi1QtMfUJjad4w=");
        var r = plan(passphrase(PASSPHRASE), "secure", "--online", "--dir", dir.toString());
        assertEquals(2, r.status());
        assertEquals("error: " + dir.resolve("Pulumi.secure.yaml") + ": the secure value of "
                + "fargate-private-registry:registryPassword cannot be decrypted: it does not decrypt with this "
                + "stack's key (copied from another stack?); set it again with pulumi config set --secret",
                r.err().strip());
    }

    @Test
    void thePassphraseMayComeFromAFile(@TempDir Path dir) throws IOException {
        secureStack(dir);
        Path phrase = Files.writeString(dir.resolve("passphrase.txt"), PASSPHRASE + "\n");
        var file = StackFile.readDecrypting(dir, "secure", Map.of("PULUMI_CONFIG_PASSPHRASE_FILE",
                phrase.toString())::get);
        assertEquals(PASSWORD, file.config().get("fargate-private-registry:registryPassword"));
    }

    @Test
    void withoutThePassphraseTheImagesAreCheckedWithoutCredentialsAndThePlanSaysSo(@TempDir Path dir)
            throws IOException {
        secureStack(dir);
        var file = StackFile.readDecrypting(dir, "secure", NO_ENVIRONMENT);
        assertEquals(StackSecrets.State.NO_PASSPHRASE, file.secrets().state());
        assertEquals(StackFile.SECRET_PLACEHOLDER, file.config().get("fargate-private-registry:registryPassword"));
        var access = Plan.mocks(file, true).registryAccess();
        assertEquals(RegistryAccess.Scope.ANY, access.scope());
        assertFalse(access.credentials(), "anyWithoutCredentials");

        var r = plan(NO_ENVIRONMENT, "secure", "--online", "--dir", dir.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("\n  registry: asked without credentials: the credentials themselves were not "
                + "checked; set PULUMI_CONFIG_PASSPHRASE (or PULUMI_CONFIG_PASSPHRASE_FILE) to let the plan decrypt "
                + "them\n"), r.out());
    }

    @Test
    void theExampleStacksAreNotPassphraseEncryptedSoOnlineChecksTheirImagesWithoutCredentials() throws IOException {
        var ghcr = StackFile.readDecrypting(Path.of("."), "ghcr", passphrase(PASSPHRASE));
        assertEquals(StackSecrets.State.OTHER_PROVIDER, ghcr.secrets().state());
        assertFalse(Plan.mocks(ghcr, true).registryAccess().credentials());
        assertEquals("Pulumi.ghcr.yaml does not use the passphrase secrets provider (encryptionsalt:), the only one "
                + "whose secrets the plan decrypts; pulumi preview checks them", ghcr.secrets().howToDecrypt());
        // A stack without secrets has nothing to decrypt: its program holds every real value.
        var dev = StackFile.readDecrypting(Path.of("."), "dev", NO_ENVIRONMENT);
        assertEquals(StackSecrets.State.NONE, dev.secrets().state());
        assertTrue(Plan.mocks(dev, true).registryAccess().credentials());
    }

    @Test
    void aSecretInsideAMapIsDecryptedAndMakesTheWholeKeySecret(@TempDir Path dir) throws IOException {
        Files.copy(Path.of("Pulumi.yaml"), dir.resolve("Pulumi.yaml"));
        Files.writeString(dir.resolve("Pulumi.nested.yaml"), """
                encryptionsalt: %s
                config:
                  fargate-private-registry:image: 127.0.0.1:1/acme/app:1.0
                  fargate-private-registry:tags:
                    team: platform
                    budget:
                      secure: %s
                """.formatted(CLI.encryptionSalt(), CLI.encrypt("cost-centre-42")));
        String key = "fargate-private-registry:tags";
        var online = StackFile.readDecrypting(dir, "nested", passphrase(PASSPHRASE));
        assertEquals("{\"team\":\"platform\",\"budget\":\"cost-centre-42\"}", online.config().get(key));
        assertTrue(online.secretKeys().contains(key));
        var offline = StackFile.read(dir, "nested");
        assertEquals("{\"team\":\"platform\",\"budget\":\"[secret]\"}", offline.config().get(key));
        assertTrue(offline.secretKeys().contains(key));
    }

    @Test
    void argsProblemsOfAComponentExitTwoWithTheirMessageAndAnythingElseOne() {
        var none = new StackSecrets(StackSecrets.State.NONE, "Pulumi.x.yaml", Set.of());
        var refused = new ArgsException("LoadBalancedService 'app'", List.of(new Problem("container.image",
                "127.0.0.1:1/acme/app:1.0: 127.0.0.1:1 refused the credentials of user 'acme'")), true);
        var err = new ByteArrayOutputStream();
        var run = OfflineRun.of(ctx -> {
            throw refused;
        }, new OfflineMocks());
        assertEquals(2, Plan.failure(run, none, new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertEquals("error: LoadBalancedService 'app' has 1 problem; no AWS resource was registered:\n"
                + "  - container.image: 127.0.0.1:1/acme/app:1.0: 127.0.0.1:1 refused the credentials of user 'acme'",
                err.toString(StandardCharsets.UTF_8).strip());

        var inApply = OfflineRun.of(ctx -> ctx.export("x", Output.of(1).applyValue(v -> {
            throw new ArgsException("EcsService 'app'", List.of(new Problem("loadBalancer", "no")), false);
        })), new OfflineMocks());
        assertEquals(2, Plan.failure(inApply, none, new PrintStream(new ByteArrayOutputStream())));

        var bug = OfflineRun.of(ctx -> {
            throw new IllegalStateException("a bug");
        }, new OfflineMocks());
        assertEquals(1, Plan.failure(bug, none, new PrintStream(new ByteArrayOutputStream())));
    }

    @Test
    void theHelpNamesOnline() {
        var r = plan(NO_ENVIRONMENT, "--help");
        assertEquals(0, r.status());
        assertTrue(r.out().startsWith("usage: plan STACK [--json] [--online] [--dir PROJECT_DIR]"), r.out());
        assertTrue(r.out().contains("--online  also let the components ask each image's registry"), r.out());
    }
}
