package io.github.fargateprivate.plan;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The Pulumi CLI's passphrase encryption, for tests that need a stack file with a secret of their choosing: a new
 * stack's {@code encryptionsalt} ({@code pkg/secrets/passphrase/manager.go}, {@code NewPassphraseSecretsManager}: 8
 * random bytes of salt, then the word {@code pulumi} encrypted) and {@code pulumi config set --secret}'s value
 * ({@code sdk/go/common/resource/config/crypt.go}, {@code EncryptValue}: a random 12-byte nonce, AES-256-GCM). The
 * decryption is checked against values the CLI wrote in {@link PassphraseDecrypterTest}. Public for the benchmark
 * that times a refused password ({@code bench/RegistryRefusal.java}).
 */
public final class CliEncrypter {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String encryptionSalt;
    private final SecretKeySpec key;

    private CliEncrypter(byte[] salt, byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
        this.encryptionSalt = "v1:" + Base64.getEncoder().encodeToString(salt) + ":" + encrypt("pulumi");
    }

    /**
     * @param passphrase the passphrase of the new stack
     * @return an encrypter with a new salt, as {@code pulumi stack init} makes one
     */
    public static CliEncrypter newStack(String passphrase) {
        byte[] salt = new byte[8];
        RANDOM.nextBytes(salt);
        return new CliEncrypter(salt, PassphraseDecrypter.key(passphrase, salt));
    }

    /** @return the stack file's {@code encryptionsalt} */
    public String encryptionSalt() {
        return encryptionSalt;
    }

    /**
     * @param plain a value
     * @return its {@code secure:} value
     */
    public String encrypt(String plain) {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        try {
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            return "v1:" + Base64.getEncoder().encodeToString(nonce) + ":"
                    + Base64.getEncoder().encodeToString(aes.doFinal(plain.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes a stack of this project that runs an image from a private registry, as {@code pulumi stack init} and
     * {@code pulumi config set} would: the project's {@code Pulumi.yaml}, and {@code Pulumi.STACK.yaml} of this key
     * in eu-central-1 with the image, {@code registryUsername} and {@code registryPassword} encrypted.
     *
     * @param dir      the project directory to write
     * @param stack    the stack name
     * @param image    the image
     * @param user     the registry user
     * @param password the registry password, stored {@code secure:}
     * @throws IOException when a file cannot be written
     */
    public void writeRegistryStack(Path dir, String stack, String image, String user, String password)
            throws IOException {
        Files.copy(Path.of("Pulumi.yaml"), dir.resolve("Pulumi.yaml"));
        Files.writeString(dir.resolve("Pulumi." + stack + ".yaml"), """
                encryptionsalt: %s
                config:
                  aws:region: eu-central-1
                  fargate-private-registry:image: %s
                  fargate-private-registry:registryUsername: %s
                  fargate-private-registry:registryPassword:
                    secure: %s
                """.formatted(encryptionSalt, image, user, encrypt(password)));
    }
}
