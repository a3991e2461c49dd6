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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A project's {@code Pulumi.yaml} and one stack's {@code Pulumi.<stack>.yaml}, read the way the Pulumi CLI hands
 * config to a program: lists and maps as JSON text, and each {@code secure:} value, which cannot be decrypted here,
 * as the secret placeholder {@value #SECRET_PLACEHOLDER}.
 *
 * @param project    the project name
 * @param stack      the stack name
 * @param config     full key ({@code namespace:key}) to value
 * @param secretKeys full keys whose values are secrets
 */
public record StackFile(String project, String stack, Map<String, String> config, Set<String> secretKeys) {

    /** What a secret value that cannot be decrypted offline becomes. */
    public static final String SECRET_PLACEHOLDER = "[secret]";

    private static final Gson GSON = new Gson();

    /**
     * Reads a stack's config.
     *
     * @param projectDir the directory holding {@code Pulumi.yaml}
     * @param stack      the stack name
     * @return the config
     * @throws IOException              when a file cannot be read
     * @throws IllegalArgumentException when a file is missing or malformed, saying which
     */
    public static StackFile read(Path projectDir, String stack) throws IOException {
        Map<String, Object> project = yaml(projectDir.resolve("Pulumi.yaml"));
        Object name = project.get("name");
        if (!(name instanceof String)) {
            throw new IllegalArgumentException(projectDir.resolve("Pulumi.yaml") + " has no project name");
        }
        Path stackPath = projectDir.resolve("Pulumi." + stack + ".yaml");
        Map<String, Object> stackYaml = yaml(stackPath);
        Object configBlock = stackYaml.getOrDefault("config", Map.of());
        if (!(configBlock instanceof Map<?, ?> raw)) {
            throw new IllegalArgumentException(stackPath + ": 'config' is not a map");
        }
        Map<String, String> config = new LinkedHashMap<>();
        Set<String> secrets = new LinkedHashSet<>();
        raw.forEach((k, v) -> {
            String key = String.valueOf(k);
            String full = key.contains(":") ? key : name + ":" + key;
            if (v instanceof Map<?, ?> m && m.size() == 1 && m.containsKey("secure")) {
                config.put(full, SECRET_PLACEHOLDER);
                secrets.add(full);
            } else if (v instanceof Map<?, ?> || v instanceof List<?>) {
                config.put(full, GSON.toJson(v));
            } else {
                config.put(full, String.valueOf(v));
            }
        });
        return new StackFile((String) name, stack, config, secrets);
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
