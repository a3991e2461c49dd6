package io.github.fargateprivate.ecs;

import io.github.fargateprivate.ComponentHarness;
import io.github.fargateprivate.Problem;
import io.github.fargateprivate.ec2.NetworkArgs;
import io.github.fargateprivate.testing.OfflineMocks;
import io.github.fargateprivate.testing.OfflineRun;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

import static io.github.fargateprivate.Fixtures.GHCR_IMAGE;
import static io.github.fargateprivate.Fixtures.REGISTRY_SECRET;
import static io.github.fargateprivate.RunAssertions.containers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * EcsService's launch choice ({@link Launch}) and the enums that replace strings: each registers what the strings it
 * replaces registered, and the options of one launch type cannot reach the other.
 */
class EcsServiceLaunchTest {

    private static final String EXECUTION_ROLE = "arn:aws:iam::123456789012:role/exec";
    /** The resources whose inputs a launch choice decides. */
    private static final List<String> DECIDED = List.of("x-task", "x-service", "x-ec2-launch-template", "x-ec2-asg");

    private static EcsServiceArgs.Builder base() {
        return EcsServiceArgs.builder()
                .network(NetworkArgs.builder().vpcId(OfflineMocks.DEFAULT_VPC)
                        .publicSubnetIds(OfflineMocks.DEFAULT_SUBNETS).build())
                .container(ContainerArgs.builder().image(GHCR_IMAGE).build())
                .executionRoleArn(EXECUTION_ROLE);
    }

    private static OfflineRun ok(Consumer<EcsServiceArgs.Builder> configure) {
        var args = base();
        configure.accept(args);
        var built = args.build();
        return ComponentHarness.create(options -> new EcsService("x", built, options)).ok().run();
    }

    private static List<Problem> refused(Consumer<EcsServiceArgs.Builder> configure) {
        var args = base();
        configure.accept(args);
        var built = args.build();
        return ComponentHarness.refusedBeforeAnyChild(
                ComponentHarness.create(options -> new EcsService("x", built, options)).run());
    }

    /** @return each decided resource's inputs, by name, for the resources the run registered */
    private static Map<String, Map<String, Object>> decided(OfflineRun run) {
        var names = run.names();
        var inputs = new TreeMap<String, Map<String, Object>>();
        DECIDED.stream().filter(names::contains).forEach(n -> inputs.put(n, run.inputs(n)));
        return inputs;
    }

    @Test
    @SuppressWarnings("deprecation")
    void ec2InBridgeModeWithInstanceAuthenticationRegistersWhatTheStringsDid() {
        var instances = Ec2CapacityArgs.builder().instanceType("m7g.large").minInstances(2).build();
        var chosen = decided(ok(a -> a.registryCredentialsArn(REGISTRY_SECRET)
                .launch(Launch.ec2(instances).networkMode(NetworkMode.BRIDGE).registryAuth(RegistryAuth.INSTANCE))));
        assertEquals(4, chosen.size(), "the task, the service, the instances' template and group");
        assertEquals("bridge", chosen.get("x-task").get("networkMode"));
        assertFalse(containers(ok(a -> a.registryCredentialsArn(REGISTRY_SECRET)
                        .launch(Launch.ec2(instances).registryAuth(RegistryAuth.INSTANCE))), "x-task").get(0)
                .has("repositoryCredentials"), "the instance authenticates; the task names no credentials");
    }

    @Test
    void fargateWithSpotStorageAndAPlatformVersionReachesTheServiceAndTheTask() {
        var run = ok(a -> a.launch(Launch.fargate().capacityProvider(CapacityProviderStrategy.fargate(1, 1))
                .capacityProvider(CapacityProviderStrategy.fargateSpot(3)).ephemeralStorageGiB(50)
                .platformVersion("1.4.0")));
        var service = run.inputs("x-service");
        assertEquals("1.4.0", service.get("platformVersion"));
        assertEquals(List.of(Map.of("capacityProvider", "FARGATE", "base", 1.0, "weight", 1.0),
                        Map.of("capacityProvider", "FARGATE_SPOT", "base", 0.0, "weight", 3.0)),
                service.get("capacityProviderStrategies"));
        assertEquals(Map.of("sizeInGib", 50.0), run.inputs("x-task").get("ephemeralStorage"));
        assertEquals(List.of("FARGATE"), run.inputs("x-task").get("requiresCompatibilities"));
        assertFalse(run.names().contains("x-ec2-asg"));
    }

    @Test
    void withoutAPlatformVersionEcsChoosesLatest() {
        var service = ok(a -> a.launch(Launch.fargate())).inputs("x-service");
        assertNull(service.get("platformVersion"));
        assertEquals("FARGATE", service.get("launchType"));
    }

    @Test
    void aPlatformVersionIsLatestOrThreeNumbers() {
        assertEquals(List.of(new Problem("platformVersion",
                        "'1.4' is not a Fargate platform version (LATEST, or e.g. 1.4.0)", null)),
                refused(a -> a.launch(Launch.fargate().platformVersion("1.4"))));
        assertEquals("LATEST", ok(a -> a.launch(Launch.fargate().platformVersion("LATEST")))
                .inputs("x-service").get("platformVersion"));
    }

    @Test
    void aLaterChoiceReplacesTheEarlierOneWhole() {
        var args = base().launch(Launch.ec2().networkMode(NetworkMode.BRIDGE))
                .launch(Launch.fargate().ephemeralStorageGiB(30)).build();
        var launch = assertInstanceOf(Launch.Fargate.class, args.launch());
        assertEquals(new Launch.Fargate(List.of(), 30, null), launch);
        assertFalse(args.onEc2());
        var back = base().launch(Launch.fargate().platformVersion("1.4.0").ephemeralStorageGiB(30))
                .launch(Launch.ec2().networkMode(NetworkMode.BRIDGE).registryAuth(RegistryAuth.INSTANCE)).build();
        var ec2 = assertInstanceOf(Launch.Ec2.class, back.launch());
        assertEquals(NetworkMode.BRIDGE, ec2.networkMode());
        assertEquals(RegistryAuth.INSTANCE, ec2.registryAuth());
        assertEquals(Optional.empty(), back.fargate());
    }

    @Test
    void theArchitectureIsAnEnum() {
        var run = ok(a -> a.cpuArchitecture(CpuArchitecture.ARM64));
        assertEquals(Map.of("cpuArchitecture", "ARM64", "operatingSystemFamily", "LINUX"),
                run.inputs("x-task").get("runtimePlatform"));
    }

    @Test
    @SuppressWarnings("deprecation")
    void aDependencyConditionIsAnEnum() {
        var log = ContainerArgs.builder().image(GHCR_IMAGE).build();
        var byEnum = ok(a -> a.container(ContainerArgs.builder().image(GHCR_IMAGE)
                .dependsOn("log", DependencyCondition.HEALTHY).build()).sidecar(sidecar(log)));
        var byString = ok(a -> a.container(ContainerArgs.builder().image(GHCR_IMAGE)
                .dependsOn("log", "HEALTHY").build()).sidecar(sidecar(log)));
        assertEquals(List.of(Map.of("containerName", "log", "condition", "HEALTHY")),
                containers(byEnum, "x-task").get(0).get("dependsOn").getAsJsonArray().asList().stream()
                        .map(e -> Map.of("containerName", e.getAsJsonObject().get("containerName").getAsString(),
                                "condition", e.getAsJsonObject().get("condition").getAsString())).toList());
        assertEquals(byString.inputs("x-task"), byEnum.inputs("x-task"));
    }

    private static ContainerArgs sidecar(ContainerArgs image) {
        return image.toBuilder().name("log").essential(true)
                .healthCheck(ContainerHealthCheckArgs.builder().command(List.of("CMD", "true")).build()).build();
    }

    @Test
    void theEnumsReadAsTheConfigsValues() {
        assertEquals(List.of("awsvpc", "bridge"), List.of(NetworkMode.AWSVPC.value(), NetworkMode.BRIDGE.value()));
        assertEquals(List.of("task", "instance"), List.of(RegistryAuth.TASK.value(), RegistryAuth.INSTANCE.value()));
    }
}
