package io.github.fargateprivate.stack;

import io.github.fargateprivate.ecs.FargateServiceArgs;
import io.github.fargateprivate.elasticloadbalancingv2.ApplicationLoadBalancer;
import io.github.fargateprivate.elasticloadbalancingv2.ApplicationLoadBalancerArgs;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The config keys in code, Pulumi.yaml and the README's config reference are the same, with the same defaults. */
class ConfigKeyDocsTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> declared() throws IOException {
        Map<String, Object> project = new Yaml().load(Files.readString(Path.of("Pulumi.yaml")));
        return (Map<String, Map<String, Object>>) project.get("config");
    }

    /**
     * The CLI requires every declared key without a default in every stack, so Pulumi.yaml declares the one required
     * key and the keys with defaults, and names the optional ones in a comment.
     */
    @Test
    void pulumiYamlDeclaresTheRequiredKeyAndEveryDefaultAndNamesTheOptionalKeys() throws IOException {
        var declared = declared();
        var expected = Arrays.stream(ConfigKey.values())
                .filter(k -> k == ConfigKey.IMAGE || k.defaultValue().isPresent())
                .map(ConfigKey::key).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, new TreeSet<>(declared.keySet()));
        for (String name : expected) {
            ConfigKey key = Arrays.stream(ConfigKey.values()).filter(k -> k.key().equals(name)).findFirst().orElseThrow();
            var d = declared.get(name);
            assertEquals(key.defaultValue().orElse(null), d.containsKey("default") ? String.valueOf(d.get("default"))
                    : null, "default of " + key);
            assertEquals(key.description(), d.get("description"), "description of " + key);
        }
        String text = Files.readString(Path.of("Pulumi.yaml"));
        String comment = text.substring(text.indexOf("config:"), text.indexOf("  image:"));
        Arrays.stream(ConfigKey.values()).filter(k -> !expected.contains(k.key())).forEach(k ->
                assertTrue(Pattern.compile("\\b" + k.key() + "\\b").matcher(comment).find(),
                        k + " is named in Pulumi.yaml's comment"));
    }

    @Test
    void readmeConfigReferenceListsEveryKeyWithItsDefault() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Matcher row = Pattern.compile("(?m)^\\| `([A-Za-z]+)` \\|([^|]*)\\|").matcher(
                readme.substring(readme.indexOf("## Config reference")));
        Map<String, String> documented = new java.util.LinkedHashMap<>();
        while (row.find()) {
            documented.put(row.group(1), row.group(2).strip());
        }
        Set<String> keys = Arrays.stream(ConfigKey.values()).map(ConfigKey::key).collect(Collectors.toSet());
        assertEquals(new TreeSet<>(keys), new TreeSet<>(documented.keySet()));
        for (ConfigKey key : ConfigKey.values()) {
            key.defaultValue().ifPresent(d -> assertEquals(d, documented.get(key.key()), "README default of " + key));
        }
    }

    @Test
    void stackDefaultsEqualTheComponentDefaults() {
        assertEquals(String.valueOf(FargateServiceArgs.DEFAULT_CONTAINER_PORT),
                ConfigKey.CONTAINER_PORT.defaultValue().orElseThrow());
        assertEquals(String.valueOf(FargateServiceArgs.DEFAULT_STOP_TIMEOUT_SECONDS),
                ConfigKey.STOP_TIMEOUT_SECONDS.defaultValue().orElseThrow());
        assertEquals(String.valueOf(ApplicationLoadBalancerArgs.DEFAULT_DEREGISTRATION_DELAY_SECONDS),
                ConfigKey.DEREGISTRATION_DELAY_SECONDS.defaultValue().orElseThrow());
        assertTrue(ApplicationLoadBalancer.HEALTH_CHECK_INTERVAL_SECONDS * ApplicationLoadBalancer.HEALTHY_THRESHOLD
                <= 20, "README promises <= 20 s from ready to serving");
    }
}
