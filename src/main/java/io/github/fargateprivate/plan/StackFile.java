package io.github.fargateprivate.plan;

import com.google.gson.Gson;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A project's {@code Pulumi.yaml} and one stack's {@code Pulumi.<stack>.yaml}, merged the way the Pulumi CLI merges
 * them before it starts a program: a declared key missing from the stack takes its default, or is an error when it
 * has none; a declared type or {@code secret: true} is enforced, with the CLI's messages. Values reach the program as
 * the CLI hands them over: lists and maps as JSON text, and each {@code secure:} value (also one inside a list or
 * map, whose whole key is then secret) as the secret placeholder {@value #SECRET_PLACEHOLDER}, or, read with
 * {@link #readDecrypting}, as its plain text where the passphrase opens it.
 *
 * @param project    the project name
 * @param stack      the stack name
 * @param config     full key ({@code namespace:key}) to value
 * @param secretKeys full keys whose values are secrets
 * @param secrets    what became of the {@code secure:} values, and the mask for the decrypted ones
 */
public record StackFile(String project, String stack, Map<String, String> config, Set<String> secretKeys,
                        StackSecrets secrets) {

    /** What a secret value that cannot be decrypted offline becomes. */
    public static final String SECRET_PLACEHOLDER = "[secret]";

    private static final Gson GSON = new Gson();

    /**
     * Reads a stack's config, with a placeholder for each secret value.
     *
     * @param projectDir the directory holding {@code Pulumi.yaml}
     * @param stack      the stack name
     * @return the config
     * @throws IOException              when a file cannot be read
     * @throws IllegalArgumentException when a file is missing or malformed, saying which
     */
    public static StackFile read(Path projectDir, String stack) throws IOException {
        return read(projectDir, stack, null);
    }

    /**
     * Reads a stack's config and decrypts its secret values as {@code pulumi preview} does, where the stack uses the
     * passphrase secrets provider and the environment holds the passphrase ({@code PULUMI_CONFIG_PASSPHRASE} or
     * {@code PULUMI_CONFIG_PASSPHRASE_FILE}); otherwise each stays a placeholder, and {@link #secrets()} says why.
     *
     * @param projectDir  the directory holding {@code Pulumi.yaml}
     * @param stack       the stack name
     * @param environment variable name to value, null when unset (e.g. {@code System::getenv})
     * @return the config
     * @throws IOException              when a file cannot be read
     * @throws IllegalArgumentException when a file is missing or malformed, the passphrase is not the stack's, or a
     *                                  secret value does not decrypt, saying which
     */
    public static StackFile readDecrypting(Path projectDir, String stack, Function<String, String> environment)
            throws IOException {
        return read(projectDir, stack, Objects.requireNonNull(environment, "environment"));
    }

    private static StackFile read(Path projectDir, String stack, Function<String, String> environment)
            throws IOException {
        Map<String, Object> project = yaml(projectDir.resolve("Pulumi.yaml"));
        Object name = project.get("name");
        if (!(name instanceof String)) {
            throw new IllegalArgumentException(projectDir.resolve("Pulumi.yaml") + " has no project name");
        }
        Path stackPath = projectDir.resolve("Pulumi." + stack + ".yaml");
        if (!Files.exists(stackPath)) {
            throw new IllegalArgumentException(stackPath + " does not exist; the stacks here are: "
                    + String.join(", ", stacks(projectDir)));
        }
        Map<String, Object> stackYaml = yaml(stackPath);
        Object configBlock = stackYaml.getOrDefault("config", Map.of());
        if (!(configBlock instanceof Map<?, ?> raw)) {
            throw new IllegalArgumentException(stackPath + ": 'config' is not a map");
        }
        Map<String, String> config = new LinkedHashMap<>();
        Set<String> secrets = new LinkedHashSet<>();
        for (Object k : raw.keySet()) {
            if (!String.valueOf(k).contains(":")) {
                // The CLI's own message (pkg/resource/config/key.go).
                throw new IllegalArgumentException(stackPath + ": configuration keys should be of the form "
                        + "`<namespace>:<name>`: '" + k + "' (write " + name + ":" + k + ")");
            }
        }
        SecureValues secure = SecureValues.of(stackPath, stack, stackYaml, raw, environment);
        raw.forEach((k, v) -> {
            String full = String.valueOf(k);
            Object value = secure.reveal(full, v);
            if (SecureValues.holdsSecure(v)) {
                secrets.add(full);
            }
            config.put(full, value instanceof Map<?, ?> || value instanceof List<?> ? GSON.toJson(value)
                    : String.valueOf(value));
        });
        applyProjectConfig((String) name, stack, project.get("config"), config, secrets);
        return new StackFile((String) name, stack, config, secrets, secure.summary());
    }

    /**
     * The stack file's {@code secure:} values: each becomes its plain text where a decrypter is at hand, else the
     * placeholder.
     */
    private static final class SecureValues {
        private final Path stackPath;
        private final StackSecrets.State state;
        private final PassphraseDecrypter decrypter;
        private final Set<String> decrypted = new LinkedHashSet<>();

        private SecureValues(Path stackPath, StackSecrets.State state, PassphraseDecrypter decrypter) {
            this.stackPath = stackPath;
            this.state = state;
            this.decrypter = decrypter;
        }

        static SecureValues of(Path stackPath, String stack, Map<String, Object> stackYaml, Map<?, ?> raw,
                               Function<String, String> environment) {
            if (raw.values().stream().noneMatch(SecureValues::holdsSecure)) {
                return new SecureValues(stackPath, StackSecrets.State.NONE, null);
            }
            if (environment == null) {
                return new SecureValues(stackPath, StackSecrets.State.NOT_DECRYPTED, null);
            }
            if (!usesPassphrase(stackYaml)) {
                return new SecureValues(stackPath, StackSecrets.State.OTHER_PROVIDER, null);
            }
            var passphrase = PassphraseDecrypter.passphrase(environment);
            if (passphrase.isEmpty()) {
                return new SecureValues(stackPath, StackSecrets.State.NO_PASSPHRASE, null);
            }
            Optional<PassphraseDecrypter> decrypter;
            try {
                decrypter = PassphraseDecrypter.unlock(passphrase.get().value(),
                        String.valueOf(stackYaml.get("encryptionsalt")));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(stackPath + ": " + e.getMessage());
            }
            if (decrypter.isEmpty()) {
                throw new IllegalArgumentException(stackPath + ": incorrect passphrase (from "
                        + passphrase.get().source() + "): set " + PassphraseDecrypter.PASSPHRASE
                        + " to the passphrase of stack '" + stack + "', or " + PassphraseDecrypter.PASSPHRASE_FILE
                        + " to a file holding it");
            }
            return new SecureValues(stackPath, StackSecrets.State.DECRYPTED, decrypter.get());
        }

        /**
         * Which secrets provider the CLI takes (pkg/cmd/pulumi/crypto.go, getStackSecretsManager): the passphrase
         * provider when the stack names none, "default" or "passphrase", and has an encryptionsalt.
         */
        private static boolean usesPassphrase(Map<String, Object> stackYaml) {
            Object provider = stackYaml.get("secretsprovider");
            Object salt = stackYaml.get("encryptionsalt");
            return (provider == null || Set.of("", "default", "passphrase").contains(String.valueOf(provider)))
                    && salt instanceof String s && !s.isEmpty();
        }

        private static boolean isSecure(Object v) {
            return v instanceof Map<?, ?> m && m.size() == 1 && m.containsKey("secure");
        }

        private static boolean holdsSecure(Object v) {
            return isSecure(v) || v instanceof Map<?, ?> m && m.values().stream().anyMatch(SecureValues::holdsSecure)
                    || v instanceof List<?> l && l.stream().anyMatch(SecureValues::holdsSecure);
        }

        /** The value with each {@code secure:} in it replaced by its plain text or the placeholder. */
        Object reveal(String key, Object v) {
            if (isSecure(v)) {
                if (decrypter == null) {
                    return SECRET_PLACEHOLDER;
                }
                try {
                    String plain = decrypter.decrypt(String.valueOf(((Map<?, ?>) v).get("secure")));
                    decrypted.add(plain);
                    return plain;
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(stackPath + ": the secure value of " + key + " cannot be "
                            + "decrypted: " + e.getMessage() + " (copied from another stack?); set it again with "
                            + "pulumi config set --secret");
                }
            }
            if (v instanceof Map<?, ?> m) {
                Map<Object, Object> out = new LinkedHashMap<>();
                m.forEach((k, x) -> out.put(k, reveal(key, x)));
                return out;
            }
            if (v instanceof List<?> l) {
                List<Object> out = new ArrayList<>();
                l.forEach(x -> out.add(reveal(key, x)));
                return out;
            }
            return v;
        }

        StackSecrets summary() {
            return new StackSecrets(state, stackPath.getFileName().toString(), decrypted);
        }
    }

    /** What the CLI does with Pulumi.yaml's config block before the program runs. */
    private static void applyProjectConfig(String project, String stack, Object block, Map<String, String> config,
                                           Set<String> secrets) {
        if (!(block instanceof Map<?, ?> declarations)) {
            return;
        }
        List<String> missing = new ArrayList<>();
        Map<String, Map<?, ?>> typed = new TreeMap<>();
        new TreeMap<>(declarations).forEach((k, v) -> {
            String key = String.valueOf(k);
            String full = key.contains(":") ? key : project + ":" + key;
            Map<?, ?> declaration = v instanceof Map<?, ?> m ? m : Map.of();
            Object fallback = declaration.containsKey("default") ? declaration.get("default") : declaration.get("value");
            if (!config.containsKey(full)) {
                if (fallback == null) {
                    if (full.startsWith(project + ":")) {
                        missing.add(key);
                    }
                    return;
                }
                config.put(full, fallback instanceof Map<?, ?> || fallback instanceof List<?> ? GSON.toJson(fallback)
                        : String.valueOf(fallback));
            }
            typed.put(key, declaration);
        });
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("Stack '" + stack + "' is missing configuration value"
                    + (missing.size() == 1 ? " " : "s ") + quotedList(missing));
        }
        typed.forEach((key, declaration) -> {
            String full = key.contains(":") ? key : project + ":" + key;
            if (Boolean.TRUE.equals(declaration.get("secret")) && !secrets.contains(full)) {
                throw new IllegalArgumentException("Stack '" + stack + "' with configuration key '" + key
                        + "' must be encrypted as it's secret");
            }
            Object type = declaration.get("type");
            if (type != null && !secrets.contains(full) && !hasType(String.valueOf(type), config.get(full))) {
                Object items = declaration.get("items") instanceof Map<?, ?> i ? i.get("type") : null;
                throw new IllegalArgumentException("Stack '" + stack + "' with configuration key '" + key
                        + "' must be of type '" + type + (items == null ? "" : "<" + items + ">") + "'");
            }
        });
    }

    private static boolean hasType(String type, String value) {
        return switch (type) {
            case "integer" -> value.matches("-?\\d+");
            case "boolean" -> value.equals("true") || value.equals("false");
            case "array" -> value.startsWith("[");
            default -> true;
        };
    }

    /** The CLI's way of listing keys: 'a', 'b' and 'c'. */
    private static String quotedList(List<String> keys) {
        List<String> quoted = keys.stream().sorted().map(k -> "'" + k + "'").toList();
        return quoted.size() == 1 ? quoted.get(0)
                : String.join(", ", quoted.subList(0, quoted.size() - 1)) + " and " + quoted.get(quoted.size() - 1);
    }

    /**
     * @param projectDir the directory holding {@code Pulumi.yaml}
     * @return the names of the stacks that have a {@code Pulumi.<stack>.yaml} there, sorted
     * @throws IOException when the directory cannot be read
     */
    public static List<String> stacks(Path projectDir) throws IOException {
        try (var files = Files.list(projectDir)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(f -> f.startsWith("Pulumi.") && f.endsWith(".yaml") && !f.equals("Pulumi.yaml"))
                    .map(f -> f.substring("Pulumi.".length(), f.length() - ".yaml".length())).sorted().toList();
        }
    }

    /** Shows every key, but no secret value. */
    @Override
    public String toString() {
        Map<String, String> shown = new TreeMap<>(config);
        secretKeys.forEach(k -> shown.computeIfPresent(k, (key, v) -> SECRET_PLACEHOLDER));
        return "StackFile[project=" + project + ", stack=" + stack + ", config=" + shown + ", secrets=" + secrets + "]";
    }

    /** @return the {@code aws:region} of the stack, if set */
    public Optional<String> awsRegion() {
        return Optional.ofNullable(config.get("aws:region"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(Path path) throws IOException {
        try (Reader reader = Files.newBufferedReader(path)) {
            Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            if (doc == null) {
                return Map.of();
            }
            if (!(doc instanceof Map)) {
                throw new IllegalArgumentException(path + " is not a YAML map");
            }
            return (Map<String, Object>) doc;
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(path + " does not exist");
        } catch (YAMLException e) {
            throw new IllegalArgumentException(path + " is not valid YAML: " + e.getMessage().lines().findFirst()
                    .orElse("") + " (quote values that contain ': ' or end in ':')");
        }
    }
}
