package io.github.fargateprivate.patterns;

import com.google.gson.JsonObject;
import com.pulumi.core.Output;
import io.github.fargateprivate.Problem;
import io.github.fargateprivate.RunAssertions;
import io.github.fargateprivate.ecs.ContainerArgs;
import io.github.fargateprivate.iam.ExecutionStatements;
import io.github.fargateprivate.secretsmanager.RegistryCredentials;
import io.github.fargateprivate.testing.OfflineMocks;
import io.github.fargateprivate.testing.OfflineRun;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static io.github.fargateprivate.Fixtures.ECR_IMAGE;
import static io.github.fargateprivate.Fixtures.GHCR_IMAGE;
import static io.github.fargateprivate.Fixtures.KEY;
import static io.github.fargateprivate.Fixtures.REGISTRY_SECRET;
import static io.github.fargateprivate.RunAssertions.containers;
import static io.github.fargateprivate.iam.ExecutionStatements.decryptSecrets;
import static io.github.fargateprivate.iam.ExecutionStatements.ecrAuthorizationToken;
import static io.github.fargateprivate.iam.ExecutionStatements.pullImages;
import static io.github.fargateprivate.iam.ExecutionStatements.readSecrets;
import static io.github.fargateprivate.iam.ExecutionStatements.repository;
import static io.github.fargateprivate.iam.ExecutionStatements.writeLogs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Registry credentials per container: a sidecar's own, the main container's on its host, or none where none is due. */
class LoadBalancedFargateServiceSidecarTest {

    private static final String LOG_ROUTER = "ghcr.io/acme/log-router:1";
    private static final String DOCKERHUB_SECRET =
            "arn:aws:secretsmanager:eu-central-1:123456789012:secret:dockerhub-XyZaBc";
    private static final JsonObject EXEC_LOGS = writeLogs(ExecutionStatements.logGroup("svc-fargate-logs-1a2b3c4"));

    private static OfflineRun run(Consumer<LoadBalancedServiceArgs.Builder> configure) {
        return OfflineRun.of(ctx -> {
            var args = LoadBalancedFargateServiceArgs.builder();
            configure.accept(args);
            new LoadBalancedFargateService("svc", args.build());
        }, new OfflineMocks());
    }

    private static Consumer<LoadBalancedServiceArgs.Builder> mainOnGhcr(RegistryCredentials credentials) {
        return a -> a.container(ContainerArgs.builder().image(GHCR_IMAGE).build()).registryCredentials(credentials);
    }

    private static ContainerArgs sidecar(String image) {
        return ContainerArgs.builder().name("log-router").image(image).essential(false).build();
    }

    private static String credentialsOf(OfflineRun run, int container) {
        JsonObject definition = containers(run, "svc-fargate-task").get(container);
        return definition.has("repositoryCredentials")
                ? definition.getAsJsonObject("repositoryCredentials").get("credentialsParameter").getAsString() : null;
    }

    private static List<JsonObject> roleStatements(OfflineRun run) {
        return ExecutionStatements.roleStatements(run, List.of("svc-execution-exec-policy", "svc-fargate-exec-logs"),
                List.of());
    }

    @Test
    void aSidecarOnTheMainContainersRegistryHostPullsWithItsCredentials() {
        var run = run(mainOnGhcr(RegistryCredentials.existing(REGISTRY_SECRET).kmsKeyArn(KEY))
                .andThen(a -> a.sidecar(sidecar(LOG_ROUTER)))).ok();
        assertEquals(REGISTRY_SECRET, credentialsOf(run, 0));
        assertEquals(REGISTRY_SECRET, credentialsOf(run, 1));
        assertEquals(List.of(readSecrets(REGISTRY_SECRET), decryptSecrets("DecryptSecrets", KEY), EXEC_LOGS),
                roleStatements(run), "the role reads the one secret once");
    }

    @Test
    void aPrivateSidecarWithoutCredentialsIsRefusedBeforeAnyResource() {
        // The case: an ECR main container and a sidecar from GHCR with no credentials.
        var run = run(a -> a.container(ContainerArgs.builder().image(ECR_IMAGE).build()).sidecar(sidecar(LOG_ROUTER)));
        Problem p = RunAssertions.refusedBeforeAnyResource(run, "sidecars[0].registryCredentials", "required for a "
                + "ghcr image on another registry than the main container's: sidecar(container, "
                + "RegistryCredentials.create(USER, PASSWORD)) with a GitHub personal access token (classic) with the "
                + "read:packages scope, or RegistryCredentials.existing(SECRET_ARN); for a public image, "
                + "RegistryCredentials.none()");
        assertTrue(p.message().startsWith("required"));
        // The same with the main container's credentials for another registry (Docker Hub's).
        var other = run(a -> a.container(ContainerArgs.builder().image("acme/app:1").build())
                .registryCredentials(RegistryCredentials.existing(DOCKERHUB_SECRET)).sidecar(sidecar(LOG_ROUTER)));
        RunAssertions.refusedBeforeAnyResource(other, "sidecars[0].registryCredentials", "required for a ghcr image");
    }

    @Test
    void aSidecarOfAnotherResourceIsCheckedWhenItsImageIsKnownWithTheSameMessage() {
        var run = run(a -> a.container(ContainerArgs.builder().image(ECR_IMAGE).build())
                .sidecar(ContainerArgs.builder().name("log-router").image(Output.of(LOG_ROUTER)).build()));
        assertTrue(run.failure().contains("sidecars[0].registryCredentials: required for a ghcr image on another "
                + "registry than the main container's"), run.failure());
        var shared = run(mainOnGhcr(RegistryCredentials.existing(REGISTRY_SECRET))
                .andThen(a -> a.sidecar(ContainerArgs.builder().name("log-router").image(Output.of(LOG_ROUTER))
                        .build()))).ok();
        assertEquals(REGISTRY_SECRET, credentialsOf(shared, 1));
    }

    @Test
    void aSidecarWithItsOwnExistingSecretAndKeyIsReadByTheRoleBesideTheMainOnes() {
        String otherKey = KEY.replace("11111111", "22222222");
        var run = run(mainOnGhcr(RegistryCredentials.existing(REGISTRY_SECRET).kmsKeyArn(KEY))
                .andThen(a -> a.sidecar(sidecar("acme/log-router:1"),
                        RegistryCredentials.existing(DOCKERHUB_SECRET).kmsKeyArn(otherKey)))).ok();
        assertEquals(REGISTRY_SECRET, credentialsOf(run, 0));
        assertEquals(DOCKERHUB_SECRET, credentialsOf(run, 1));
        assertEquals(List.of(readSecrets(REGISTRY_SECRET, DOCKERHUB_SECRET), decryptSecrets("DecryptSecrets", KEY),
                decryptSecrets("DecryptSecrets1", otherKey), EXEC_LOGS), roleStatements(run));
    }

    @Test
    void aSidecarsOwnCreatedCredentialsGetASecretOfTheirOwn() {
        var run = run(a -> a.container(ContainerArgs.builder().image(ECR_IMAGE).build())
                .sidecar(sidecar(LOG_ROUTER), RegistryCredentials.create("octocat", Output.ofSecret("ghp_side")))).ok();
        var secret = run.mocks().named("svc-log-router-credentials-secret");
        String arn = run.mocks().generated().entrySet().stream()
                .filter(e -> e.getValue().equals("svc-log-router-credentials-secret.arn")).map(Map.Entry::getKey)
                .findFirst().orElseThrow();
        assertEquals("aws:secretsmanager/secret:Secret", secret.type());
        assertEquals("{\"username\":\"octocat\",\"password\":\"ghp_side\"}",
                run.inputs("svc-log-router-credentials-version").get("secretString"));
        assertEquals(null, credentialsOf(run, 0), "the ECR main container needs none");
        assertEquals(arn, credentialsOf(run, 1));
        assertEquals(List.of(readSecrets(arn), pullImages(repository("app")), ecrAuthorizationToken(), EXEC_LOGS),
                roleStatements(run));
    }

    @Test
    void publicSidecarsNeedNoSecretEcrPublicWithoutAskingDockerHubWithNone() {
        var run = run(mainOnGhcr(RegistryCredentials.existing(REGISTRY_SECRET))
                .andThen(a -> a.sidecar(sidecar("public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.0"))
                        .sidecar(ContainerArgs.builder().name("otel").image("otel/opentelemetry-collector:0.98.0")
                                .build(), RegistryCredentials.none()))).ok();
        assertEquals(null, credentialsOf(run, 1));
        assertEquals(null, credentialsOf(run, 2));
        assertEquals(List.of(readSecrets(REGISTRY_SECRET), EXEC_LOGS), roleStatements(run));
    }

    @Test
    void aSidecarThatFollowsAMutableTagOptsOutOfVersionConsistencyAsEcsModelsIt() {
        var run = run(mainOnGhcr(RegistryCredentials.existing(REGISTRY_SECRET))
                .andThen(a -> a.sidecar(ContainerArgs.builder().name("otel").image(
                        "public.ecr.aws/aws-observability/aws-otel-collector:latest").versionConsistency(false)
                        .build()))).ok();
        assertFalse(containers(run, "svc-fargate-task").get(0).has("versionConsistency"), "ECS's default");
        assertEquals("disabled", containers(run, "svc-fargate-task").get(1).get("versionConsistency").getAsString());
        io.github.fargateprivate.models.AwsModels.assertWellFormed(run);
    }

    @Test
    void anEcrSidecarWithCredentialsIsRefused() {
        var run = run(mainOnGhcr(RegistryCredentials.existing(REGISTRY_SECRET))
                .andThen(a -> a.sidecar(sidecar(ECR_IMAGE), RegistryCredentials.existing(DOCKERHUB_SECRET))));
        RunAssertions.refusedBeforeAnyResource(run, "sidecars[0].registryCredentials", "ECR images need no registry "
                + "credentials: the execution role pulls them; use RegistryCredentials.none() or leave it unset");
        assertFalse(run.succeeded());
    }
}
