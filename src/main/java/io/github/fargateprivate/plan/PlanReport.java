package io.github.fargateprivate.plan;

import com.google.gson.JsonElement;
import io.github.fargateprivate.registry.PullCheck;
import io.github.fargateprivate.registry.RegistryAccess;
import io.github.fargateprivate.testing.OfflineMocks;
import io.github.fargateprivate.testing.OfflineRun;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.pulumi.test.internal.PulumiTestInternal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a stack would create, built from an {@link OfflineRun}: the resources under their components with their
 * inputs (secrets masked, values known only after deployment marked), the exports, and a summary with a monthly
 * cost estimate and the rollout timing.
 *
 * @param project    the project
 * @param stack      the stack
 * @param region     the region the plan assumed
 * @param resources  every resource and component, in registration order
 * @param exports    export name to display value
 * @param warnings   what the program warned of, as {@code pulumi preview} shows it
 * @param registry   whether the components asked the images' registries, and with which credentials
 * @param summary    counts, cost and timing
 */
public record PlanReport(String project, String stack, String region, List<Item> resources,
                         Map<String, Object> exports, List<String> warnings, Registry registry, Summary summary) {

    /** Shown for a value that exists only once AWS has created the resource. */
    public static final String KNOWN_AFTER_DEPLOY = "(known after deploy)";
    /** Shown instead of a secret. */
    public static final String MASK = StackFile.SECRET_PLACEHOLDER;

    private static final Set<String> JSON_INPUTS = Set.of("policy", "assumeRolePolicy", "containerDefinitions",
            "lifecyclePolicy");
    private static final Set<String> SECRET_INPUTS = Set.of("secretString", "secretBinary");

    /**
     * One resource or component.
     *
     * @param name      logical name
     * @param type      type token
     * @param parent    the component it belongs to, or null at the top
     * @param component whether it is a component (no AWS resource of its own)
     * @param inputs    display values of its inputs
     */
    public record Item(String name, String type, String parent, boolean component,
                       Map<String, Object> inputs) {
    }

    /**
     * Whether the components could ask the images' registries whether a task could pull each image
     * ({@code registry.RegistryPreflight}): not in an offline plan, which asks nothing; with {@code --online}, with
     * the stack's credentials where the plan could decrypt them, else without.
     *
     * @param online                 whether the registries could be asked ({@code --online})
     * @param placeholderCredentials whether the program held placeholders instead of some secret values
     * @param note                   what was not checked and how to check it; null when nothing was left out
     * @param images                 each image a registry resolved to a digest, in the order the components asked
     */
    public record Registry(boolean online, boolean placeholderCredentials, String note, List<Image> images) {

        static Registry of(RegistryAccess access, StackFile file, List<String> infos) {
            boolean online = access.scope() != RegistryAccess.Scope.NONE;
            boolean placeholders = file.secrets().placeholders();
            if (!online) {
                return new Registry(false, placeholders, "not asked: neither the images nor the registry credentials "
                        + "were checked (./plan " + file.stack() + " --online asks each image's registry)", List.of());
            }
            return new Registry(true, placeholders, access.credentials() ? null
                    : "asked without credentials: the credentials themselves were not checked; "
                    + file.secrets().howToDecrypt(),
                    infos.stream().map(Image::fromLog).flatMap(Optional::stream).toList());
        }
    }

    /**
     * An image its registry resolved to a digest, as the component that asked logged it
     * ({@link PullCheck.Pullable#fromMessage}): once per image in a run, also where two containers run it.
     *
     * @param field     the component's field that holds the image, e.g. {@code container.image}
     * @param image     the image as the program gave it, e.g. {@code ghcr.io/acme/app:1}
     * @param digest    the digest it resolves to ({@code sha256:...}): exactly what ECS pulls now
     * @param mediaType the manifest's media type (an index's for a multi-platform image); empty where the registry
     *                  names none (ECR)
     * @param platforms the platforms it offers ({@code os/architecture[/variant]}); empty when they were not read
     */
    public record Image(String field, String image, String digest, String mediaType, List<String> platforms) {

        /** @return the image of a log line that ends with a pullable answer; empty for any other line */
        static Optional<Image> fromLog(String line) {
            return PullCheck.Pullable.fromMessage(line).map(p -> {
                // OWNER: FIELD: MESSAGE (EngineLog.info's owner, ImagePreflight's field)
                String before = line.endsWith(p.message())
                        ? line.substring(0, line.length() - p.message().length()) : "";
                String owned = before.endsWith(": ") ? before.substring(0, before.length() - 2) : before;
                String field = owned.substring(owned.lastIndexOf(": ") + 1).strip();
                return new Image(field, p.image().toString(), p.digest(), p.mediaType(), p.platforms());
            });
        }

        /** @return whether it is an index of images for several platforms (OCI image index, Docker manifest list) */
        public boolean index() {
            return mediaType.endsWith(".index.v1+json") || mediaType.endsWith(".manifest.list.v2+json");
        }
    }

    /**
     * The summary.
     *
     * @param resourceCount  AWS resources
     * @param componentCount components
     * @param cost           the monthly cost estimate, line by line
     * @param rollout        this stack's rollout timing
     * @param awsDefaults    the same with AWS's defaults
     */
    public record Summary(int resourceCount, int componentCount, CostEstimate cost, RolloutTiming rollout,
                          RolloutTiming awsDefaults) {
    }

    /**
     * Builds the report of a successful run.
     *
     * @param run     the run
     * @param file    the stack file it ran with
     * @param pricing the price table
     * @return the report
     */
    public static PlanReport of(OfflineRun run, StackFile file, Pricing pricing) {
        OfflineMocks mocks = run.mocks();
        Map<String, String> generated = mocks.generated();
        List<String> components = mocks.registrations().stream()
                .filter(r -> !r.type().startsWith("aws:")).map(OfflineMocks.Registration::name).toList();
        // The inputs the program sent as secrets, which pulumi preview shows as [secret] whatever their name.
        Map<String, Set<String>> sentAsSecret = new HashMap<>();
        run.registrations().forEach(r -> sentAsSecret.put(r.type() + "::" + r.name(), r.secretInputs()));
        List<Item> items = new ArrayList<>();
        for (var r : mocks.registrations()) {
            Set<String> secret = sentAsSecret.getOrDefault(r.type() + "::" + r.name(), Set.of());
            Map<String, Object> inputs = new TreeMap<>();
            r.inputs().forEach((k, v) -> inputs.put(k, SECRET_INPUTS.contains(k) || secret.contains(k) ? MASK
                    : display(JSON_INPUTS.contains(k) ? parseJson(v) : v, generated)));
            items.add(new Item(r.name(), r.type(), parentOf(r.name(), components), components.contains(r.name()),
                    inputs));
        }
        Map<String, Object> exports = new TreeMap<>();
        run.result().outputs().forEach((name, output) -> {
            var data = PulumiTestInternal.extractOutputData(output);
            exports.put(name, data.isSecret() ? MASK
                    : !data.isKnown() ? KNOWN_AFTER_DEPLOY : display(data.getValueNullable(), generated));
        });
        return new PlanReport(file.project(), file.stack(), mocks.region(), items, exports, run.warnings(),
                Registry.of(mocks.registryAccess(), file, run.infos()), summary(mocks, pricing, components.size()));
    }

    private static String parentOf(String name, List<String> components) {
        return components.stream().filter(c -> !c.equals(name) && name.startsWith(c + "-"))
                .max(Comparator.comparingInt(String::length)).orElse(null);
    }

    private static Object parseJson(Object value) {
        try {
            return value instanceof String s ? JsonParser.parseString(s) : value;
        } catch (JsonParseException e) {
            return value;
        }
    }

    /** Replaces made-up output values with a marker, inside strings, lists, maps and JSON. */
    private static Object display(Object value, Map<String, String> generated) {
        if (value instanceof JsonElement json) {
            return display(new com.google.gson.Gson().fromJson(json, Object.class), generated);
        }
        if (value instanceof Map<?, ?> map) {
            // Sorted: the engine hands nested blocks over in no fixed order, and a plan must read the same every run.
            Map<String, Object> out = new TreeMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), display(v, generated)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(v -> display(v, generated)).toList();
        }
        if (value instanceof Double d && d == Math.rint(d)) {
            return d.longValue();
        }
        if (value instanceof String s) {
            if (generated.containsKey(s)) {
                return KNOWN_AFTER_DEPLOY.replace(")", ": " + generated.get(s) + ")");
            }
            // Longest first, so that an ARN is replaced whole before the name inside it.
            String shown = s;
            for (String made : generated.keySet().stream()
                    .sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
                shown = shown.replace(made, "<" + generated.get(made) + ">");
            }
            return shown;
        }
        return value;
    }

    private static Summary summary(OfflineMocks mocks, Pricing pricing, int componentCount) {
        RolloutTiming rollout = rollout(mocks);
        return new Summary(mocks.awsResources().size(), componentCount, CostEstimate.of(mocks, pricing),
                rollout, rollout == null ? null : RolloutTiming.awsDefaults(rollout.desiredCount()));
    }

    @SuppressWarnings("unchecked")
    private static RolloutTiming rollout(OfflineMocks mocks) {
        var groups = mocks.ofType("aws:lb/targetGroup:TargetGroup");
        var tasks = mocks.ofType("aws:ecs/taskDefinition:TaskDefinition");
        if (groups.isEmpty() || tasks.isEmpty()) {
            return null;
        }
        var tg = groups.get(0).inputs();
        var services = mocks.ofType("aws:ecs/service:Service");
        var service = services.isEmpty() ? Map.<String, Object>of() : services.get(0).inputs();
        var breaker = (Map<String, Object>) service.getOrDefault("deploymentCircuitBreaker", Map.of());
        var health = (Map<String, Object>) tg.getOrDefault("healthCheck", Map.of());
        JsonElement defs = JsonParser.parseString(String.valueOf(tasks.get(0).inputs().get("containerDefinitions")));
        var container = defs.getAsJsonArray().get(0).getAsJsonObject();
        int stop = container.has("stopTimeout") ? container.get("stopTimeout").getAsInt() : 30;
        return new RolloutTiming(number(health.getOrDefault("interval", 30.0)),
                number(health.getOrDefault("healthyThreshold", 5.0)),
                number(tg.getOrDefault("deregistrationDelay", 300.0)), stop,
                number(service.getOrDefault("desiredCount", 1.0)), Boolean.TRUE.equals(breaker.get("enable")));
    }

    private static int number(Object value) {
        return value instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(value));
    }
}
