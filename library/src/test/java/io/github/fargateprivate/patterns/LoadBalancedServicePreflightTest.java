package io.github.fargateprivate.patterns;

import com.pulumi.core.Output;
import io.github.fargateprivate.ecs.EcsServiceOptions;
import io.github.fargateprivate.ecs.CpuArchitecture;
import io.github.fargateprivate.Problem;
import io.github.fargateprivate.RunAssertions;
import io.github.fargateprivate.ecs.ContainerArgs;
import io.github.fargateprivate.ecs.EcsServiceArgs;
import io.github.fargateprivate.registry.LocalRegistry;
import io.github.fargateprivate.registry.RegistryAccess;
import io.github.fargateprivate.secretsmanager.RegistryCredentials;
import io.github.fargateprivate.testing.OfflineMocks;
import io.github.fargateprivate.testing.OfflineRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import static io.github.fargateprivate.Fixtures.ECR_IMAGE;
import static io.github.fargateprivate.RunAssertions.containers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The composite asks each container's registry before ECS does: a real registry on this machine (Debian's
 * docker-registry, with htpasswd authentication), which the testing kit lets the components reach.
 */
class LoadBalancedServicePreflightTest {

    private static final String USER = "ci-puller";
    private static final String PASSWORD = "Preflight-s3cret-4711";
    private static LocalRegistry registry;
    private static String appDigest;

    @BeforeAll
    static void startTheRegistry() throws Exception {
        registry = LocalRegistry.withHtpasswd(USER, PASSWORD);
        String auth = LocalRegistry.authorization(USER, PASSWORD);
        appDigest = registry.pushImage("acme/app", "1.0", "amd64", auth).digest();
        registry.pushImage("acme/log-router", "2.0", "amd64", auth);
        var arm = registry.pushImage("acme/arm-only", null, "arm64", auth);
        registry.pushIndex("acme/arm-only", "1", List.of(arm), List.of("linux/arm64"), auth);
    }

    @AfterAll
    static void stopTheRegistry() {
        registry.close();
    }

    private static String image(String pathAndTag) {
        return registry.host() + "/" + pathAndTag;
    }

    private static OfflineRun run(Consumer<LoadBalancedServiceArgs.Builder> configure, OfflineMocks mocks,
                                  AtomicReference<LoadBalancedService> component) {
        return OfflineRun.of(ctx -> {
            var args = LoadBalancedServiceArgs.builder()
                    .container(ContainerArgs.builder().image(image("acme/app:1.0")).build())
                    .registryCredentials(RegistryCredentials.create(USER, Output.ofSecret(PASSWORD)));
            configure.accept(args);
            component.set(new LoadBalancedService("svc", args.build()));
        }, mocks);
    }

    private static OfflineRun run(Consumer<LoadBalancedServiceArgs.Builder> configure) {
        return run(configure, new OfflineMocks(), new AtomicReference<>());
    }

    @Test
    void goodCredentialsGiveTheDigestWhichAPinnedTaskRuns() {
        var component = new AtomicReference<LoadBalancedService>();
        var run = run(a -> { }, new OfflineMocks(), component).ok();
        assertEquals(Map.of("app", image("acme/app@" + appDigest)), component.get().imageDigests());
        assertEquals(image("acme/app:1.0"), containers(run, "svc-ecs-task").get(0).get("image").getAsString(),
                "unpinned by default: the tag");
        assertEquals(List.of(), run.warnings());
        var pinned = run(a -> a.pinImageDigests(true));
        assertEquals(image("acme/app@" + appDigest), containers(pinned.ok(), "svc-ecs-task").get(0).get("image")
                .getAsString());
    }

    @Test
    void aWrongPasswordIsRefusedBeforeAnyResourceUnderTheCredentialsWithHowToRenewThem() {
        var run = run(a -> a.registryCredentials(RegistryCredentials.create(USER, Output.ofSecret("wrong-one"))));
        Problem p = RunAssertions.refusedBeforeAnyResource(run, "registryCredentials.password",
                registry.host() + " refused the credentials of user 'ci-puller' (HTTP 401");
        assertTrue(p.message().contains("renew them: a user name and password or token with pull (read) access to "
                + "the registry"), p.message());
        assertFalse(run.failure().contains("wrong-one"), "the password is in no message: " + run.failure());
    }

    @Test
    void aMissingTagIsRefusedUnderTheImageWithTheReferenceAsAsked() {
        var run = run(a -> a.container(ContainerArgs.builder().image(image("acme/app:9.9")).build()));
        RunAssertions.refusedBeforeAnyResource(run, "container.image", image("acme/app:9.9") + ": "
                + registry.host() + " has no tag '9.9' in acme/app (HTTP 404): check the tag");
    }

    @Test
    void anIndexWithoutTheTasksArchitectureIsRefusedAndWithItPasses() {
        var run = run(a -> a.container(ContainerArgs.builder().image(image("acme/arm-only:1")).build()));
        Problem p = RunAssertions.refusedBeforeAnyResource(run, "container.image", "offers linux/arm64");
        assertTrue(p.message().contains("not linux/amd64, which an X86_64 task runs"), p.message());
        run(a -> a.container(ContainerArgs.builder().image(image("acme/arm-only:1")).build())
                .service(EcsServiceOptions.builder().cpuArchitecture(CpuArchitecture.ARM64).build())).ok();
    }

    @Test
    void aSidecarOnASecondRepositoryIsCheckedWithTheMainContainersCredentials() {
        var component = new AtomicReference<LoadBalancedService>();
        run(a -> a.sidecar(ContainerArgs.builder().name("log-router").image(image("acme/log-router:2.0"))
                .essential(false).build()), new OfflineMocks(), component).ok();
        assertEquals(2, component.get().imageDigests().size(), component.get().imageDigests().toString());
        var missing = run(a -> a.sidecar(ContainerArgs.builder().name("log-router").image(image("acme/log-router:3"))
                .essential(false).build()));
        RunAssertions.refusedBeforeAnyResource(missing, "sidecars[0].image", "has no tag '3' in acme/log-router");
    }

    @Test
    void aRegistryThatDoesNotAnswerIsAWarningAndTheServiceStillDeploys() throws Exception {
        String down;
        try (var socket = new java.net.ServerSocket(0)) {
            down = "127.0.0.1:" + socket.getLocalPort();
        }
        var run = run(a -> a.container(ContainerArgs.builder().image(down + "/acme/app:1.0").build())).ok();
        assertEquals(1, run.warnings().size(), run.warnings().toString());
        assertTrue(run.warnings().get(0).startsWith("LoadBalancedService 'svc': container.image: could not check " + down
                        + "/acme/app:1.0: " + down + " refused the connection"),
                run.warnings().get(0));
        assertTrue(run.warnings().get(0).endsWith("ECS will try the pull anyway when a task starts"));
    }

    @Test
    void offTheRegistryIsNotAskedAndNoRegistryBeyondThisMachineIsAskedByTheKit() {
        run(a -> a.registryPreflight(false).container(ContainerArgs.builder().image(image("acme/app:9.9")).build()))
                .ok();
        // ghcr.io is beyond this machine: the kit's access lets nothing reach it (the password would fail there).
        var component = new AtomicReference<LoadBalancedService>();
        run(a -> a.container(ContainerArgs.builder().image("ghcr.io/acme/app:1").build()), new OfflineMocks(),
                component).ok();
        assertEquals(Map.of(), component.get().imageDigests());
        // Nor does any access in the offline plan's.
        run(a -> a.container(ContainerArgs.builder().image(image("acme/app:9.9")).build()),
                new OfflineMocks().registryAccess(RegistryAccess.none()), new AtomicReference<>()).ok();
    }

    @Test
    void anEcrImageIsAskedOfEcrThroughTheProvider() {
        var component = new AtomicReference<LoadBalancedService>();
        var run = run(a -> a.container(ContainerArgs.builder().image(ECR_IMAGE).build())
                .registryCredentials(RegistryCredentials.none()), new OfflineMocks(), component).ok();
        assertTrue(run.mocks().invokes().contains("aws:ecr/getImage:getImage"));
        assertTrue(component.get().imageDigests().get("app").startsWith(ECR_IMAGE.replace(":1.0.0", "@sha256:")));
        var missing = run(a -> a.container(ContainerArgs.builder().image(ECR_IMAGE).build())
                .registryCredentials(RegistryCredentials.none()), new OfflineMocks().missingEcrImage("app:1.0.0"),
                new AtomicReference<>());
        RunAssertions.refusedBeforeAnyResource(missing, "container.image", ECR_IMAGE + ": "
                + "123456789012.dkr.ecr.eu-central-1.amazonaws.com has no tag '1.0.0' in app");
    }
}
