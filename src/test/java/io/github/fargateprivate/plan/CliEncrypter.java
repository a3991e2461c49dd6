package io.github.fargateprivate.plan;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The Pulumi CLI's passphrase encryption, for tests that need a stack file with a secret of their choosing: a new
 * stack's {@code encryptionsalt} ({@code pkg/secrets/passphrase/manager.go}, {@code NewPassphraseSecretsManager}: 8
 * random bytes of salt, then the word {@code pulumi} encrypted) and {@code pulumi config set --secret}'s value
 * ({@code sdk/go/common/resource/config/crypt.go}, {@code EncryptValue}: a random 12-byte nonce, AES-256-GCM). The
 * decryption is checked against values the CLI wrote in {@link PassphraseDecrypterTest}.
 */
final class CliEncrypter {

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
    static CliEncrypter newStack(String passphrase) {
        byte[] salt = new byte[8];
        RANDOM.nextBytes(salt);
        return new CliEncrypter(salt, PassphraseDecrypter.key(passphrase, salt));
    }

    /** @return the stack file's {@code encryptionsalt} */
    String encryptionSalt() {
        return encryptionSalt;
    }

    /**
     * @param plain a value
     * @return its {@code secure:} value
     */
    String encrypt(String plain) {
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
}
