package io.github.fargateprivate.plan;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;

/**
 * Decrypts the {@code secure:} values of a stack file as the Pulumi CLI does for its passphrase secrets provider (a
 * stack file with {@code encryptionsalt:}), with the JDK alone. Verified against Pulumi's source (pulumi/pulumi):
 * <ul>
 *   <li>{@code pkg/secrets/passphrase/manager.go}: {@code encryptionsalt} is {@code v1:<salt>:<value>}, the salt 8
 *       random bytes in base64 and the value the word {@code pulumi} encrypted with the key; a passphrase is right when
 *       its key decrypts that value to {@code pulumi} ({@code symmetricCrypterFromPhraseAndState}). The passphrase is
 *       {@code PULUMI_CONFIG_PASSPHRASE} when that is set, even empty; else the content of the file
 *       {@code PULUMI_CONFIG_PASSPHRASE_FILE} names, when that is set and not empty, trimmed of white space
 *       ({@code readPassphrase}).</li>
 *   <li>{@code sdk/go/common/resource/config/crypt.go}: the key is PBKDF2 with HMAC-SHA256 of the passphrase's bytes
 *       and the salt, 1,000,000 iterations, 32 bytes ({@code NewSymmetricCrypterFromPassphrase}); a value is
 *       {@code v1:<nonce>:<ciphertext>}, both base64, AES-256-GCM with a 12-byte nonce, the 16-byte tag after the
 *       ciphertext and no associated data ({@code symmetricCrypter.DecryptValue}).</li>
 * </ul>
 * Instances hold the key; nothing here prints a passphrase, a key or a decrypted value.
 */
final class PassphraseDecrypter {

    static final String PASSPHRASE = "PULUMI_CONFIG_PASSPHRASE";
    static final String PASSPHRASE_FILE = "PULUMI_CONFIG_PASSPHRASE_FILE";

    private static final int ITERATIONS = 1_000_000;
    private static final int KEY_BITS = 256;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** What {@code encryptionsalt} holds encrypted, to tell a right passphrase from a wrong one. */
    private static final String KNOWN_VALUE = "pulumi";

    private final SecretKeySpec key;

    private PassphraseDecrypter(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /**
     * A passphrase and where it came from.
     *
     * @param source {@value #PASSPHRASE}, or {@value #PASSPHRASE_FILE} with the file's path
     * @param value  the passphrase; never printed
     */
    record Passphrase(String source, String value) {
        @Override
        public String toString() {
            return "Passphrase[source=" + source + "]";
        }
    }

    /**
     * Reads the passphrase from the environment as the CLI does.
     *
     * @param environment variable name to value, null when unset (e.g. {@code System::getenv})
     * @return the passphrase; empty when neither variable is set
     * @throws IllegalArgumentException when {@value #PASSPHRASE_FILE} names a file that cannot be read
     */
    static Optional<Passphrase> passphrase(Function<String, String> environment) {
        String phrase = environment.apply(PASSPHRASE);
        if (phrase != null) {
            return Optional.of(new Passphrase(PASSPHRASE, phrase));
        }
        String file = environment.apply(PASSPHRASE_FILE);
        if (file == null || file.isEmpty()) {
            return Optional.empty();
        }
        Path path = Path.of(file).toAbsolutePath();
        try {
            return Optional.of(new Passphrase(PASSPHRASE_FILE + " (" + path + ")",
                    Files.readString(path, StandardCharsets.UTF_8).strip()));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("unable to read " + PASSPHRASE_FILE + " " + path + ": " + e);
        }
    }

    /**
     * Derives the key of a stack and checks the passphrase against it.
     *
     * @param passphrase     the passphrase
     * @param encryptionSalt the stack file's {@code encryptionsalt}
     * @return the decrypter; empty when the passphrase is not the stack's
     * @throws IllegalArgumentException when {@code encryptionsalt} is not of the form {@code v1:SALT:VALUE}
     */
    static Optional<PassphraseDecrypter> unlock(String passphrase, String encryptionSalt) {
        String[] parts = encryptionSalt.split(":", 3);
        if (parts.length != 3 || !parts[0].equals("v1")) {
            throw new IllegalArgumentException("encryptionsalt is not of the form v1:SALT:VALUE");
        }
        PassphraseDecrypter decrypter = new PassphraseDecrypter(key(passphrase, base64(parts[1], "encryptionsalt")));
        try {
            return decrypter.decrypt(parts[2]).equals(KNOWN_VALUE) ? Optional.of(decrypter) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * @param passphrase the passphrase
     * @param salt       the salt
     * @return the AES-256 key the CLI derives from them
     */
    static byte[] key(String passphrase, byte[] salt) {
        try {
            // PBEKeySpec hands the SunJCE PBKDF2 the passphrase's UTF-8 bytes, as Go's []byte(phrase) does.
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(passphrase.toCharArray(), salt, ITERATIONS, KEY_BITS)).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no PBKDF2WithHmacSHA256", e);
        }
    }

    /**
     * @param value a {@code secure:} value, {@code v1:NONCE:CIPHERTEXT}
     * @return its plain text
     * @throws IllegalArgumentException when the value is not of that form or does not decrypt with this key
     */
    String decrypt(String value) {
        String[] parts = value.split(":", -1);
        if (parts.length != 3 || !parts[0].equals("v1")) {
            throw new IllegalArgumentException("not of the form v1:NONCE:CIPHERTEXT");
        }
        byte[] nonce = base64(parts[1], "its nonce");
        if (nonce.length != NONCE_BYTES) {
            throw new IllegalArgumentException("its nonce is not " + NONCE_BYTES + " bytes");
        }
        try {
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            return new String(aes.doFinal(base64(parts[2], "its ciphertext")), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new IllegalArgumentException("it does not decrypt with this stack's key");
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("it does not decrypt: " + e.getMessage());
        }
    }

    private static byte[] base64(String text, String what) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not base64");
        }
    }

    @Override
    public String toString() {
        return "PassphraseDecrypter[key=***]";
    }
}
