package io.github.fargateprivate.ecs;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.pulumi.core.Output;
import io.github.fargateprivate.OrderedJson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The containers of an {@link EcsService}'s task definition: each with a read-only root file system, a writable
 * {@code /tmp}, an init process, a stop timeout, {@code awslogs} logging, secrets as {@code valueFrom} only.
 */
final class ContainerDefinitions {

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private ContainerDefinitions() {
    }

    /** The task's volumes: each container's /tmp, and with ECS Exec the SSM agent's two directories. */
    static List<String> volumeNames(EcsServiceArgs args) {
        List<String> volumes = new ArrayList<>();
        var containers = args.containers();
        for (int i = 0; i < containers.size(); i++) {
            volumes.addAll(containerVolumes(containers.get(i).name(i == 0), i == 0, args.enableExecuteCommand())
                    .keySet());
        }
        return volumes;
    }

    /** A container's volumes: name to mount path. */
    private static Map<String, String> containerVolumes(String container, boolean main, boolean executeCommand) {
        var volumes = new LinkedHashMap<String, String>();
        // The main container's volume keeps the name of versions before 2.0, so deployed task definitions stay.
        volumes.put(main ? EcsService.TMP_VOLUME : container + "-tmp", EcsService.TMP_PATH);
        if (executeCommand) {
            volumes.put(container + "-ssm-lib", EcsService.EXECUTE_COMMAND_PATHS.get(0));
            volumes.put(container + "-ssm-log", EcsService.EXECUTE_COMMAND_PATHS.get(1));
        }
        return volumes;
    }

    /**
     * @return the task's container definitions, as the task definition takes them: JSON built with Gson from typed
     *     values, once the values of other resources are known
     */
    static Output<String> of(EcsServiceArgs args, EcsService.Checked checked, LaunchSteps launch,
                             Output<String> logGroupName, String region) {
        List<Output<Map<String, Object>>> definitions = new ArrayList<>();
        var containers = args.containers();
        for (int i = 0; i < containers.size(); i++) {
            ContainerArgs c = containers.get(i);
            ContainerArgs values = checked.containers().get(i);
            Map<String, Output<String>> environment = outputs(values.environment());
            Map<String, Output<String>> appSecrets = outputs(values.appSecrets());
            boolean main = i == 0;
            // With registryAuth instance the agent holds the main image's credentials: the task names none.
            Output<String> credentials = main ? (checked.registryCredentials() != null
                    && !launch.instanceAuth() ? checked.registryCredentials() : Output.of(""))
                    : checked.sidecarRegistryCredentials().getOrDefault(c.name(false), Output.of(""));
            definitions.add(Output.tuple(values.image().orElseThrow().output(),
                            Output.all(environment.values().stream().toList()),
                            Output.all(appSecrets.values().stream().toList()), logGroupName, credentials)
                    .applyValue(t -> containerDefinition(c, main, args.enableExecuteCommand(), launch.bridge(), t.t1,
                            zip(environment.keySet(), t.t2), zip(appSecrets.keySet(), t.t3),
                            t.t4, region, t.t5.isEmpty() ? null : t.t5)));
        }
        return Output.all(definitions).applyValue(GSON::toJson);
    }

    /** The values as Outputs, sorted by name. */
    private static Map<String, Output<String>> outputs(Map<String, io.github.fargateprivate.Value<String>> values) {
        var sorted = new TreeMap<String, Output<String>>();
        values.forEach((k, v) -> sorted.put(k, v.output()));
        return sorted;
    }

    private static Map<String, String> zip(java.util.Set<String> keys, List<String> values) {
        var map = new TreeMap<String, String>();
        var it = values.iterator();
        keys.forEach(k -> map.put(k, it.next()));
        return map;
    }

    /**
     * One container's definition, built with Gson from typed values; the keys of versions before 2.0 keep their
     * order, so that a deployed task definition stays as it is.
     */
    static Map<String, Object> containerDefinition(ContainerArgs c, boolean main, boolean executeCommand,
                                                   boolean bridge, String image, Map<String, String> environment,
                                                   Map<String, String> secrets, String logGroupName, String region,
                                                   String credentialsArn) {
        String name = c.name(main);
        var d = new LinkedHashMap<String, Object>();
        d.put("name", name);
        d.put("image", image);
        d.put("essential", c.essential());
        // awsvpc maps the container port to itself; bridge to a dynamic host port (0), one per task.
        c.port(main).ifPresent(port -> d.put("portMappings", List.of(OrderedJson.object(
                "containerPort", port, "hostPort", bridge ? 0 : port, "protocol", "tcp"))));
        if (credentialsArn != null) {
            d.put("repositoryCredentials", Map.of("credentialsParameter", credentialsArn));
        }
        d.put("environment", nameValues(environment, "value"));
        d.put("secrets", nameValues(secrets, "valueFrom"));
        // Security Hub ECS.5: read-only root file system; each container gets a writable volume at /tmp.
        d.put("readonlyRootFilesystem", true);
        List<Map<String, Object>> mounts = new ArrayList<>();
        containerVolumes(name, main, executeCommand).forEach((volume, path) -> mounts.add(OrderedJson.object(
                "sourceVolume", volume, "containerPath", path, "readOnly", false)));
        d.put("mountPoints", mounts);
        d.put("privileged", false);
        // An init process reaps zombies and forwards SIGTERM to the JVM.
        d.put("linuxParameters", Map.of("initProcessEnabled", true));
        d.put("stopTimeout", c.stopTimeoutSeconds());
        c.versionConsistency().ifPresent(on -> d.put("versionConsistency", on ? "enabled" : "disabled"));
        d.put("logConfiguration", OrderedJson.object("logDriver", "awslogs", "options", new TreeMap<>(Map.of(
                "awslogs-group", logGroupName,
                "awslogs-region", region,
                "awslogs-stream-prefix", name))));
        c.command().ifPresent(x -> d.put("command", x));
        c.entryPoint().ifPresent(x -> d.put("entryPoint", x));
        c.healthCheck().ifPresent(h -> d.put("healthCheck", h.toJson()));
        c.restartPolicy().ifPresent(r -> d.put("restartPolicy", r.toJson()));
        if (!c.dependsOn().isEmpty()) {
            d.put("dependsOn", c.dependsOn().stream().map(x -> OrderedJson.object(
                    "containerName", x.containerName(), "condition", x.condition())).toList());
        }
        return d;
    }

    private static List<Map<String, String>> nameValues(Map<String, String> values, String valueKey) {
        var list = new ArrayList<Map<String, String>>();
        new TreeMap<>(values).forEach((k, v) -> {
            var m = new LinkedHashMap<String, String>();
            m.put("name", k);
            m.put(valueKey, v);
            list.add(m);
        });
        return list;
    }

}
