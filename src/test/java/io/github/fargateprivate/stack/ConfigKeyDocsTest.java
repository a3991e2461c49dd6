package io.github.fargateprivate.stack;

import io.github.fargateprivate.ecs.EcsServiceOptions;
import io.github.fargateprivate.ecs.ContainerArgs;
import io.github.fargateprivate.ecs.FargateServiceArgs;
import io.github.fargateprivate.lb.HealthCheckArgs;
import io.github.fargateprivate.lb.TargetGroupArgs;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The config keys in code, Pulumi.yaml and docs/config.md are the same, with the same defaults. */
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
        var expected = ConfigKey.ALL.stream().filter(k -> k.key().equals("image") || k.defaultTo().isPresent())
                .map(ConfigKey::key).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, new TreeSet<>(declared.keySet()));
        for (String name : expected) {
            ConfigKey key = ConfigKey.named(name).orElseThrow();
            var d = declared.get(name);
            assertEquals(key.defaultTo().orElse(null), d.containsKey("default") ? String.valueOf(d.get("default"))
                    : null, "default of " + key);
            assertEquals(key.description(), d.get("description"), "description of " + key);
            assertEquals(key.type().yamlName(), d.get("type"), "type of " + key);
        }
        String text = Files.readString(Path.of("Pulumi.yaml"));
        String comment = text.substring(text.indexOf("config:"), text.indexOf("  image:"));
        ConfigKey.ALL.stream().filter(k -> !expected.contains(k.key())).forEach(k ->
                assertTrue(Pattern.compile("\\b" + k.key() + "\\b").matcher(comment).find(),
                        k + " is named in Pulumi.yaml's comment"));
    }

    @Test
    void configReferenceListsEveryKeyWithItsDefault() throws IOException {
        Matcher row = Pattern.compile("(?m)^\\| `([A-Za-z]+)` \\|([^|]*)\\|").matcher(
                Files.readString(Path.of("docs/config.md")));
        Map<String, String> documented = new LinkedHashMap<>();
        while (row.find()) {
            documented.put(row.group(1), row.group(2).strip());
        }
        Set<String> keys = ConfigKey.ALL.stream().map(ConfigKey::key).collect(Collectors.toSet());
        assertEquals(new TreeSet<>(keys), new TreeSet<>(documented.keySet()));
        for (ConfigKey key : ConfigKey.ALL) {
            key.defaultTo().ifPresent(d -> assertEquals(d, documented.get(key.key()), "docs/config.md default of " + key));
        }
    }

    @Test
    void everyKeyFeedsOneLibraryFieldAndDefaultsEqualTheLibrarys() {
        assertEquals(ConfigKey.ALL.size(), ConfigKey.ALL.stream().map(ConfigKey::key).distinct().count());
        assertEquals("containerPort", ConfigKey.feeding("container.port").orElseThrow().key());
        assertEquals("appSecrets", ConfigKey.feeding("container.appSecrets.DB_PASSWORD").orElseThrow().key());
        assertEquals("allowedCidrBlocks", ConfigKey.feeding("loadBalancer.allowedCidrBlocks[3]").orElseThrow().key());
        assertEquals("minCount", ConfigKey.feeding("service.autoScaling.minCount").orElseThrow().key());
        assertEquals(String.valueOf(ContainerArgs.DEFAULT_PORT), ConfigKey.named("containerPort").orElseThrow()
                .defaultValue());
        assertEquals(String.valueOf(ContainerArgs.DEFAULT_STOP_TIMEOUT_SECONDS),
                ConfigKey.named("stopTimeoutSeconds").orElseThrow().defaultValue());
        assertEquals(String.valueOf(TargetGroupArgs.DEFAULT_DEREGISTRATION_DELAY_SECONDS),
                ConfigKey.named("deregistrationDelaySeconds").orElseThrow().defaultValue());
        assertEquals(HealthCheckArgs.DEFAULT_PATH, ConfigKey.named("healthCheckPath").orElseThrow().defaultValue());
        assertEquals(String.valueOf(EcsServiceOptions.DEFAULT_CPU), ConfigKey.named("cpu").orElseThrow().defaultValue());
        assertEquals(String.valueOf(EcsServiceOptions.DEFAULT_MEMORY),
                ConfigKey.named("memory").orElseThrow().defaultValue());
        var health = HealthCheckArgs.builder().build();
        assertTrue(health.intervalSeconds() * health.healthyThreshold() <= 20,
                "docs/timing.md promises <= 20 s from ready to serving");
    }

    @Test
    void didYouMeanIsTheNearestKey() {
        assertEquals(2, StackConfig.distance("contianerPort", "containerPort"));
        assertEquals(0, StackConfig.distance("CPU", "cpu"));
    }
}
