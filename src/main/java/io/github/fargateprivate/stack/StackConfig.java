package io.github.fargateprivate.stack;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.github.fargateprivate.AwsEnvironment;
import io.github.fargateprivate.Problem;
import io.github.fargateprivate.Problems;
import io.github.fargateprivate.patterns.LoadBalancedService;
import io.github.fargateprivate.patterns.LoadBalancedServiceArgs;
import io.github.fargateprivate.registry.ImageReference;
import io.github.fargateprivate.registry.Registry;
import io.github.fargateprivate.secretsmanager.RegistryCredentials;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the config through the {@link ConfigKey} table into the library's args. The stack checks only what is about
 * config itself (types, unknown keys, secrets stored in plain text, which keys go together); the library checks the
 * values, and its problems are reported under the key that fed the field, with a fix computed from the values.
 * Every problem of both kinds is reported at once, before any resource is registered.
 */
public final class StackConfig {

    private static final Pattern INDEXED = Pattern.compile("\\[(\\d+)]");

    private final ConfigSource config;
    private final Map<String, List<String>> problems = new LinkedHashMap<>();
    /** The key that chose the registry credentials, for problems of the credentials as a whole. */
    private String credentialsKey;

    private StackConfig(ConfigSource config) {
        this.config = config;
    }

    /**
     * Reads and checks the config.
     *
     * @param config the stack's config
     * @param family the task definition family
     * @param env    where the stack deploys
     * @return the composite's args
     * @throws ConfigException listing every problem, each under its key
     */
    public static LoadBalancedServiceArgs read(ConfigSource config, String family, AwsEnvironment env) {
        return new StackConfig(config).readAll(family, env);
    }

    private void problem(String key, String message) {
        problems.computeIfAbsent(key, k -> new ArrayList<>()).add(key + ": " + message);
    }

    private LoadBalancedServiceArgs readAll(String family, AwsEnvironment env) {
        unknownKeys();
        var inputs = new StackInputs();
        for (ConfigKey key : ConfigKey.ALL) {
            value(key).ifPresent(v -> key.setter().accept(inputs, v));
        }
        if (inputs.image == null) {
            problem("image", "required; set the image to run: pulumi config set image ghcr.io/OWNER/IMAGE:TAG");
        }
        if (inputs.cacheKeysWithoutCache()) {
            problem("pullThroughCache", "false, but pullThroughCachePrefix or existingPullThroughCacheRule is set; "
                    + "turn the cache on: pulumi config set pullThroughCache true");
        }
        if (inputs.endpointKeysWithoutEndpoints()) {
            problem("vpcEndpoints", "false, but privateRouteTableIds is set; turn the endpoints on: pulumi config set "
                    + "vpcEndpoints true");
        }
        RegistryCredentials credentials = credentials(inputs);
        // Credentials the keys could not settle were reported above; the library checks the rest without them.
        var keyProblems = Problems.of("LoadBalancedService", App.SERVICE_NAME);
        LoadBalancedServiceArgs args = inputs.args(family,
                credentials == null ? RegistryCredentials.none() : credentials, keyProblems);
        // A key the stack already reported (e.g. not a number) fed the library its default: not reported twice.
        Set<String> reported = Set.copyOf(problems.keySet());
        List<Problem> found = new ArrayList<>(keyProblems.list());
        found.addAll(LoadBalancedService.problems(App.SERVICE_NAME, args, env));
        for (Problem p : found) {
            Optional<ConfigKey> key = keyFeeding(p.field());
            String name = key.map(ConfigKey::key).orElse(p.field());
            if (!reported.contains(name)) {
                problem(name, p.message() + key.flatMap(k -> fix(k, p)).map(f -> ": " + f).orElse(""));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(config.stackName(), problems.values().stream().flatMap(List::stream).toList());
        }
        return args;
    }

    /**
     * The key a library field came from. The cache's credentials are the stack's registry credentials, and the
     * credentials as a whole come from whichever key chose them.
     */
    private Optional<ConfigKey> keyFeeding(String field) {
        String f = field.startsWith("pullThroughCache.credentials")
                ? "registryCredentials" + field.substring("pullThroughCache.credentials".length()) : field;
        if (f.equals("registryCredentials") && credentialsKey != null) {
            return ConfigKey.named(credentialsKey);
        }
        return ConfigKey.feeding(f);
    }

    /**
     * A fix computed from the library's suggestion, in the CLI's form for the key's type. A secret has no value to
     * suggest (e.g. a password the registry refused): its fix is the command that replaces it.
     */
    private static Optional<String> fix(ConfigKey key, Problem problem) {
        if (key.type() == ConfigKey.Type.SECRET && problem.suggestion().isEmpty()) {
            return Optional.of("pulumi config set --secret " + key.key() + " VALUE");
        }
        return problem.suggestion().map(value -> {
            String rest = problem.field().substring(key.field().length());
            Matcher index = INDEXED.matcher(rest);
            if (key.type() == ConfigKey.Type.LIST) {
                return "pulumi config set --path '" + key.key() + "[" + (index.find() ? index.group(1) : "0") + "]' "
                        + value;
            }
            if (key.type() == ConfigKey.Type.MAP && rest.startsWith(".")) {
                return "pulumi config set --path '" + key.key() + rest + "' " + value;
            }
            return "pulumi config set " + key.key() + " " + value;
        });
    }

    private void unknownKeys() {
        for (String key : config.keys()) {
            if (ConfigKey.named(key).isEmpty()) {
                String suggestion = ConfigKey.ALL.stream().map(ConfigKey::key)
                        .min((a, b) -> Integer.compare(distance(key, a), distance(key, b))).orElseThrow();
                boolean near = distance(key, suggestion) <= Math.max(2, key.length() / 4);
                problem(key, "is not a key of this stack" + (near ? "; did you mean " + suggestion + "? pulumi config "
                        + "mv " + key + " " + suggestion : "; remove it: pulumi config rm " + key
                        + " (docs/config.md lists the keys)"));
            }
        }
    }

    /** Levenshtein distance, ignoring case: how many edits turn one key into the other. */
    static int distance(String a, String b) {
        String x = a.toLowerCase(java.util.Locale.ROOT);
        String y = b.toLowerCase(java.util.Locale.ROOT);
        int[] previous = new int[y.length() + 1];
        for (int j = 0; j <= y.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= x.length(); i++) {
            int[] current = new int[y.length() + 1];
            current[0] = i;
            for (int j = 1; j <= y.length(); j++) {
                int substitution = previous[j - 1] + (x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            previous = current;
        }
        return previous[y.length()];
    }

    private Optional<String> text(ConfigKey key) {
        return config.get(key.key()).map(String::strip).filter(s -> !s.isEmpty()).or(key::defaultTo);
    }

    /** The key's value in its type, or empty when it is unset or not of its type (then a problem names it). */
    private Optional<Object> value(ConfigKey key) {
        Optional<String> text = text(key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String t = text.get();
        String k = key.key();
        switch (key.type()) {
            case INTEGER -> {
                try {
                    return Optional.of(Integer.parseInt(t));
                } catch (NumberFormatException e) {
                    problem(k, "'" + t + "' is not a whole number: pulumi config set " + k + " "
                            + key.defaultTo().orElse("NUMBER"));
                    return Optional.empty();
                }
            }
            case BOOLEAN -> {
                if (!t.equals("true") && !t.equals("false")) {
                    problem(k, "'" + t + "' is not true or false: pulumi config set " + k + " "
                            + (key.defaultTo().orElse("false").equals("true") ? "false" : "true"));
                    return Optional.empty();
                }
                return Optional.of(Boolean.parseBoolean(t));
            }
            case SECRET -> {
                if (!config.isSecret(k)) {
                    problem(k, "stored in plain text in Pulumi." + config.stackName() + ".yaml; encrypt it (this "
                            + "replaces it): pulumi config set --secret " + k + " VALUE");
                    return Optional.empty();
                }
                return Optional.of(t);
            }
            case LIST -> {
                return list(key, t);
            }
            case MAP -> {
                return map(key, t);
            }
            default -> {
                return Optional.of(t);
            }
        }
    }

    /** A list as the CLI stores it (JSON, from pulumi config set --path 'key[0]' ...) or comma separated. */
    private Optional<Object> list(ConfigKey key, String text) {
        List<String> items = new ArrayList<>();
        if (text.startsWith("[")) {
            Optional<JsonElement> json = json(text).filter(JsonElement::isJsonArray);
            if (json.isEmpty()) {
                problem(key.key(), "is not a list: pulumi config set --path '" + key.key() + "[0]' VALUE");
                return Optional.empty();
            }
            json.get().getAsJsonArray().forEach(e -> items.add(e.isJsonPrimitive() ? e.getAsString() : e.toString()));
        } else {
            Arrays.stream(text.split(",")).map(String::strip).filter(x -> !x.isEmpty()).forEach(items::add);
        }
        return Optional.of(List.copyOf(items));
    }

    private Optional<Object> map(ConfigKey key, String text) {
        Optional<JsonElement> json = json(text).filter(JsonElement::isJsonObject);
        if (json.isEmpty()) {
            problem(key.key(), "is not a map of names to values: pulumi config set --path '" + key.key()
                    + ".NAME' VALUE");
            return Optional.empty();
        }
        Map<String, String> map = new LinkedHashMap<>();
        json.get().getAsJsonObject().entrySet().forEach(e -> {
            if (e.getValue().isJsonPrimitive()) {
                map.put(e.getKey(), e.getValue().getAsString());
            } else {
                problem(key.key(), e.getKey() + " is not a plain string value: pulumi config set --path '"
                        + key.key() + "." + e.getKey() + "' VALUE");
            }
        });
        return Optional.of(map);
    }

    private static Optional<JsonElement> json(String text) {
        try {
            return Optional.of(JsonParser.parseString(text));
        } catch (JsonParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Which of the library's registry credentials the keys choose: the keys that go together, the registry key
     * against the image, and what each registry wants.
     */
    private RegistryCredentials credentials(StackInputs in) {
        Optional<Registry> inferred = Optional.ofNullable(in.image).flatMap(StackConfig::registryOf);
        Registry registry = registry(in, inferred);
        Set<String> given = new LinkedHashSet<>();
        if (in.registryUsername != null) {
            given.add("registryUsername");
        }
        if (in.registryPasswordSet || config.get("registryPassword").isPresent()) {
            given.add("registryPassword");
        }
        if (in.existingSecret != null) {
            given.add("registryCredentialsSecretArn");
        }
        if (in.kmsKeyArn != null) {
            given.add("kmsKeyArn");
        }
        credentialsKey = in.existingSecret != null ? "registryCredentialsSecretArn"
                : in.registryUsername != null ? "registryUsername" : in.publicImage ? "publicImage" : "image";
        if (!registry.needsCredentials() || in.publicImage) {
            String why = registry == Registry.ECR_PUBLIC ? "ECR Public images need no registry credentials"
                    : !registry.needsCredentials()
                    ? "ECR images need no registry credentials (the execution role pulls them)"
                    : "publicImage is true, so the image is pulled without credentials";
            given.forEach(k -> problem(k, why + "; remove it: pulumi config rm " + k));
            return RegistryCredentials.none();
        }
        if (in.pullThroughCache && in.existingCacheRule) {
            given.forEach(k -> problem(k, "existingPullThroughCacheRule is true, so ECR pulls with the credentials "
                    + "of the existing rule and the stack creates no cache secret; remove it: pulumi config rm " + k));
            return RegistryCredentials.none();
        }
        if (in.existingSecret != null) {
            if (given.contains("registryUsername") || given.contains("registryPassword")) {
                problem("registryCredentialsSecretArn", "given together with registryUsername/registryPassword; use "
                        + "one: pulumi config rm registryUsername && pulumi config rm registryPassword, or pulumi "
                        + "config rm registryCredentialsSecretArn");
                return null;
            }
            return in.existing();
        }
        String wants = "; " + registry.configName() + " wants " + registry.credentialHint();
        if (!given.contains("registryUsername") && !given.contains("registryPassword")) {
            problem("registryUsername", "required for a " + registry.configName() + " image" + wants
                    + ": pulumi config set registryUsername USER && pulumi config set --secret registryPassword TOKEN "
                    + "(or set registryCredentialsSecretArn); for a public image: pulumi config set publicImage true");
            return null;
        }
        if (!given.contains("registryUsername")) {
            problem("registryUsername", "required with registryPassword" + wants
                    + ": pulumi config set registryUsername USER");
            return null;
        }
        if (!given.contains("registryPassword")) {
            problem("registryPassword", "required with registryUsername" + wants
                    + ": pulumi config set --secret registryPassword TOKEN");
            return null;
        }
        return in.registryPasswordSet ? in.create(config.secret("registryPassword")) : null;
    }

    private Registry registry(StackInputs in, Optional<Registry> inferred) {
        if (in.registry == null) {
            return inferred.orElse(Registry.CUSTOM);
        }
        Optional<Registry> chosen = Registry.fromConfigName(in.registry);
        if (chosen.isEmpty()) {
            problem("registry", "'" + in.registry + "' is not one of " + Registry.configNames()
                    + "; pick one, or remove it to infer from the image: pulumi config rm registry");
            return inferred.orElse(Registry.CUSTOM);
        }
        if (inferred.isPresent() && inferred.get() != chosen.get()) {
            problem("registry", "'" + in.registry + "' contradicts the image host "
                    + ImageReference.parse(in.image).host() + ", which is " + inferred.get().configName()
                    + "; fix the image, or remove the key to infer it: pulumi config rm registry");
        }
        return chosen.get();
    }

    private static Optional<Registry> registryOf(String image) {
        try {
            return Optional.of(Registry.of(ImageReference.parse(image)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
