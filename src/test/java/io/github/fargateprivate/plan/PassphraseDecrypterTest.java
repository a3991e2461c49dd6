package io.github.fargateprivate.plan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Pulumi CLI's passphrase decryption, on values the CLI itself wrote. */
class PassphraseDecrypterTest {

    /** pulumi/pulumi, pkg/secrets/passphrase/manager_test.go: the state its tests open with "password" only. */
    private static final String PULUMI_TEST_STATE =
            "v1:fozI5u6B030=:v1:F+6ZduKKd8G0/V7L:PGMFeIzwobWRKmEAzUdaQHqC5mMRIQ==";

    /**
     * mheers/pulumi-helper, stack/crypt_test.go: a stack key and a value that Pulumi's own secrets manager
     * (passphrase.GetPassphraseSecretsManager) decrypts to "test" with the passphrase "foo".
     */
    private static final String HELPER_STATE = "v1:LAQ7P6sT/+w=:v1:WejwuMb5G4TZsR/r:xZvrv45hbT2QRrHCkQrepVv3xQfMjw==";
    private static final String HELPER_VALUE = "v1:6rgJQkU0YY5NFozT:HN1XFZSfr2YW1Pi1QtMfUJjad4w=";

    @Test
    void pulumisOwnStateOpensWithItsPassphraseAndNoOther() {
        assertTrue(PassphraseDecrypter.unlock("password", PULUMI_TEST_STATE).isPresent());
        assertFalse(PassphraseDecrypter.unlock("password123", PULUMI_TEST_STATE).isPresent(), "the CLI's wrong one");
        assertFalse(PassphraseDecrypter.unlock("", PULUMI_TEST_STATE).isPresent());
    }

    @Test
    void aValueTheCliEncryptedDecryptsToItsPlainText() {
        var decrypter = PassphraseDecrypter.unlock("foo", HELPER_STATE).orElseThrow();
        assertEquals("test", decrypter.decrypt(HELPER_VALUE));
        assertEquals("PassphraseDecrypter[key=***]", decrypter.toString());
    }

    @Test
    void aMalformedStateOrValueIsRefusedAndAValueOfAnotherStackDoesNotDecrypt() {
        // pkg/secrets/passphrase/manager_test.go's broken state: no version in front.
        assertThrows(IllegalArgumentException.class, () -> PassphraseDecrypter.unlock("password",
                "fozI5u6B030=:v1:F+6ZduL:PGMFeIzwobWRKmEAzUdaQHqC5mMRIQ=="));
        var decrypter = PassphraseDecrypter.unlock("password", PULUMI_TEST_STATE).orElseThrow();
        assertEquals("it does not decrypt with this stack's key",
                assertThrows(IllegalArgumentException.class, () -> decrypter.decrypt(HELPER_VALUE)).getMessage());
        assertEquals("not of the form v1:NONCE:CIPHERTEXT",
                assertThrows(IllegalArgumentException.class, () -> decrypter.decrypt("c2VjcmV0")).getMessage());
        assertEquals("its nonce is not 12 bytes", assertThrows(IllegalArgumentException.class,
                () -> decrypter.decrypt("v1:cmVwbGFjZS1tZQ==:c2V0LWl0LXdpdGgtcHVsdW1pLWNvbmZpZy1zZXQtLXNlY3JldA==")).getMessage());
    }

    @Test
    void aValueEncryptedAsTheCliDoesRoundTrips() {
        var cli = CliEncrypter.newStack("correct horse battery staple");
        var decrypter = PassphraseDecrypter.unlock("correct horse battery staple", cli.encryptionSalt()).orElseThrow();
        assertEquals("ghp_päss\"wörd", decrypter.decrypt(cli.encrypt("ghp_päss\"wörd")));
        assertEquals("", decrypter.decrypt(cli.encrypt("")));
    }

    @Test
    void thePassphraseComesFromTheVariableFirstThenTheFileTrimmed(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("passphrase"), "  from the file\n");
        var both = PassphraseDecrypter.passphrase(Map.of("PULUMI_CONFIG_PASSPHRASE", "from the variable",
                "PULUMI_CONFIG_PASSPHRASE_FILE", file.toString())::get).orElseThrow();
        assertEquals("from the variable", both.value());
        assertEquals("PULUMI_CONFIG_PASSPHRASE", both.source());
        assertEquals("", PassphraseDecrypter.passphrase(Map.of("PULUMI_CONFIG_PASSPHRASE", "")::get).orElseThrow()
                .value(), "set but empty is a passphrase, as the CLI reads it");
        var fromFile = PassphraseDecrypter.passphrase(Map.of("PULUMI_CONFIG_PASSPHRASE_FILE", file.toString())::get)
                .orElseThrow();
        assertEquals("from the file", fromFile.value());
        assertEquals("Passphrase[source=PULUMI_CONFIG_PASSPHRASE_FILE (" + file + ")]", fromFile.toString());
        assertTrue(PassphraseDecrypter.passphrase(Map.of("PULUMI_CONFIG_PASSPHRASE_FILE", "")::get).isEmpty());
        assertTrue(PassphraseDecrypter.passphrase(Map.<String, String>of()::get).isEmpty());
        var missing = assertThrows(IllegalArgumentException.class, () -> PassphraseDecrypter.passphrase(
                Map.of("PULUMI_CONFIG_PASSPHRASE_FILE", dir.resolve("none").toString())::get));
        assertTrue(missing.getMessage().startsWith("unable to read PULUMI_CONFIG_PASSPHRASE_FILE " + dir.resolve("none")),
                missing.getMessage());
    }
}
