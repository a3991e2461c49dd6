package io.github.fargateprivate.stack;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.fargateprivate.iam.ExecutionStatements;
import io.github.fargateprivate.testing.OfflineMocks;
import io.github.fargateprivate.testing.OfflineRun;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.github.fargateprivate.iam.ExecutionStatements.decryptSecrets;
import static io.github.fargateprivate.iam.ExecutionStatements.ecrAuthorizationToken;
import static io.github.fargateprivate.iam.ExecutionStatements.pullImages;
import static io.github.fargateprivate.iam.ExecutionStatements.readSecrets;
import static io.github.fargateprivate.iam.ExecutionStatements.repository;
import static io.github.fargateprivate.iam.ExecutionStatements.writeLogs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One test per registry kind and per way of providing credentials. */
class CredentialModesTest {

    private static final String KMS_KEY = "arn:aws:kms:eu-central-1:123456789012:key/11111111-2222-3333-4444-555555555555";

    private static JsonObject container(OfflineRun run) {
        return run.json("app-ecs-task", "containerDefinitions").getAsJsonArray().get(0).getAsJsonObject();
    }

    private static List<JsonObject> statements(OfflineRun run) {
        List<JsonObject> list = new ArrayList<>();
        run.json("app-execution-exec-policy", "policy").getAsJsonObject().getAsJsonArray("Statement")
                .forEach(s -> list.add(s.getAsJsonObject()));
        return list;
    }

    /**
     * @param run a run of the stack
     * @return the execution role's complete statement set: its inline policy (when it has one), then the service's
     *     log writes; after asserting that no other inline policy is in the run
     */
    private static List<JsonObject> roleStatements(OfflineRun run) {
        return ExecutionStatements.roleStatements(run, run.names().contains("app-execution-exec-policy")
                ? List.of("app-execution-exec-policy", "app-ecs-exec-logs") : List.of("app-ecs-exec-logs"),
                List.of());
    }

    /** @return the log writes of the stack's service, on its log group's streams */
    private static JsonObject logs(OfflineRun run) {
        return writeLogs(generated(run, "app-ecs-logs.arn"));
    }

    private static List<String> resources(JsonObject statement) {
        JsonElement r = statement.get("Resource");
        List<String> list = new ArrayList<>();
        if (r.isJsonArray()) {
            r.getAsJsonArray().forEach(e -> list.add(e.getAsString()));
        } else {
            list.add(r.getAsString());
        }
        return list;
    }

    private static String generated(OfflineRun run, String label) {
        return run.mocks().generated().entrySet().stream().filter(e -> e.getValue().equals(label))
                .findFirst().orElseThrow().getKey();
    }

    @ParameterizedTest(name = "{0} from {1}")
    @CsvSource({
            "ghcr, ghcr.io/acme/app:1.0",
            "dockerhub, docker.io/acme/app:1.0",
            "dockerhub, acme/app:1.0",
            "dockerhub, index.docker.io/acme/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
            "gitlab, registry.gitlab.com/acme/group/app:1.0",
            "quay, quay.io/acme/app:1.0",
            "custom, registry.example.com:5000/team/app:2"})
    void everyCredentialedRegistryGetsASecretAndRepositoryCredentials(String registry, String image) {
        var run = StackConfigs.run(Map.of("image", image, "registry", registry, "registryUsername", "acme+robot",
                "registryPassword", "token")).ok();
        String secretArn = generated(run, "app-credentials-secret.arn");
        assertEquals(image, container(run).get("image").getAsString());
        assertEquals(secretArn, container(run).getAsJsonObject("repositoryCredentials")
                .get("credentialsParameter").getAsString());
        assertEquals(List.of(readSecrets(secretArn), logs(run)), roleStatements(run));
        ExecutionStatements.assertNoEcrAction(run);
    }

    @Test
    void ecrNeedsNoSecretNoRepositoryCredentialsAndNoSecretsPermissionButPullsFromExactlyItsRepository() {
        var run = StackConfigs.run(Map.of("image",
                "123456789012.dkr.ecr.eu-central-1.amazonaws.com/microservice-api:1.0.0"), Set.of()).ok();
        assertTrue(run.mocks().ofType("aws:secretsmanager/secret:Secret").isEmpty());
        assertFalse(container(run).has("repositoryCredentials"));
        assertEquals(List.of(pullImages(repository("microservice-api")), ecrAuthorizationToken(), logs(run)),
                roleStatements(run));
        assertEquals(List.of(), run.mocks().ofType(ExecutionStatements.ATTACHMENT), "no managed policy");
        assertFalse(run.result().outputs().containsKey("credentialsSecretArn"));
    }

    @Test
    void anEcrImageOfAnotherAccountAndRegionIsPulledFromThatRepository() {
        var run = StackConfigs.run(Map.of("image", "210987654321.dkr.ecr.us-east-1.amazonaws.com/team/api:2",
                "registry", "ecr"), Set.of()).ok();
        assertEquals(List.of(pullImages(repository("team/api", "us-east-1", "210987654321")), ecrAuthorizationToken(),
                logs(run)), roleStatements(run));
    }

    @Test
    void aPublicImageLeavesTheRoleOnlyItsLogWrites() {
        var run = StackConfigs.run(Map.of("image", "docker.io/nginxinc/nginx-unprivileged:1.27-alpine",
                "publicImage", "true"), Set.of()).ok();
        assertEquals(List.of(logs(run)), roleStatements(run));
        ExecutionStatements.assertNoEcrAction(run);
        assertFalse(container(run).has("repositoryCredentials"));
    }

    @Test
    void existingSecretArnInAnotherRegionOfTheSameAccountIsUsedAsIs() {
        String arn = "arn:aws:secretsmanager:us-east-1:" + OfflineMocks.ACCOUNT + ":secret:shared/ghcr-Xy12Ab";
        var run = StackConfigs.run(Map.of("image", "ghcr.io/acme/app:1.0", "registryCredentialsSecretArn", arn),
                Set.of()).ok();
        assertTrue(run.mocks().ofType("aws:secretsmanager/secret:Secret").isEmpty(), "no secret created");
        assertEquals(arn, container(run).getAsJsonObject("repositoryCredentials")
                .get("credentialsParameter").getAsString());
        assertEquals(List.of(readSecrets(arn), logs(run)), roleStatements(run));
        assertEquals(arn, run.output("credentialsSecretArn"));
    }

    @Test
    void existingSecretNameBecomesAnArnPatternInThePolicy() {
        var run = StackConfigs.run(Map.of("image", "ghcr.io/acme/app:1.0", "registryCredentialsSecretArn",
                "registry/ghcr"), Set.of()).ok();
        assertEquals("registry/ghcr", container(run).getAsJsonObject("repositoryCredentials")
                .get("credentialsParameter").getAsString());
        assertEquals(List.of(readSecrets("arn:aws:secretsmanager:eu-central-1:" + OfflineMocks.ACCOUNT
                + ":secret:registry/ghcr-??????"), logs(run)), roleStatements(run));
    }

    @Test
    void existingSecretOfAnotherAccountIsRefusedBeforeAnyResource() {
        var run = StackConfigs.run(Map.of("image", "ghcr.io/acme/app:1.0", "registryCredentialsSecretArn",
                "arn:aws:secretsmanager:eu-central-1:999999999999:secret:ghcr-AbCdEf"), Set.of());
        assertNotEquals(0, run.result().exitCode());
        assertTrue(run.errorText().contains("  - registryCredentialsSecretArn: the secret belongs to account "
                + "999999999999, but the stack deploys into " + OfflineMocks.ACCOUNT), run.errorText());
        assertEquals(0, run.mocks().registrations().size());
    }

    @Test
    void customerKeyEncryptsTheCreatedSecretAndIsTheOnlyKeyTheRoleMayUse() {
        var config = new java.util.HashMap<>(StackConfigs.minimal());
        config.put("kmsKeyArn", KMS_KEY);
        var run = StackConfigs.run(config).ok();
        assertEquals(KMS_KEY, run.mocks().named("app-credentials-secret").inputs().get("kmsKeyId"));
        JsonObject decrypt = statements(run).stream()
                .filter(s -> s.get("Action").getAsString().equals("kms:Decrypt")).findFirst().orElseThrow();
        assertEquals(List.of(KMS_KEY), resources(decrypt));
        assertEquals("secretsmanager.eu-central-1.amazonaws.com", decrypt.getAsJsonObject("Condition")
                .getAsJsonObject("StringEquals").get("kms:ViaService").getAsString());
        assertEquals(List.of(readSecrets(generated(run, "app-credentials-secret.arn")),
                decryptSecrets("DecryptSecrets", KMS_KEY), logs(run)), roleStatements(run));
    }

    @Test
    void customerKeyOfAnExistingSecretIsGrantedForDecryptOnly() {
        var run = StackConfigs.run(Map.of("image", "quay.io/acme/app:1.0", "registryCredentialsSecretArn",
                "arn:aws:secretsmanager:eu-central-1:" + OfflineMocks.ACCOUNT + ":secret:quay-AbCdEf",
                "kmsKeyArn", KMS_KEY), Set.of()).ok();
        List<String> actions = statements(run).stream().map(s -> s.get("Action").getAsString()).toList();
        assertEquals(List.of("secretsmanager:GetSecretValue", "kms:Decrypt"), actions);
        assertEquals(List.of(readSecrets("arn:aws:secretsmanager:eu-central-1:" + OfflineMocks.ACCOUNT
                + ":secret:quay-AbCdEf"), decryptSecrets("DecryptSecrets", KMS_KEY), logs(run)), roleStatements(run));
    }

    @Test
    void withoutAKeyThereIsNoKmsPermission() {
        var run = StackConfigs.run(StackConfigs.minimal()).ok();
        String policy = String.valueOf(run.mocks().named("app-execution-exec-policy").inputs().get("policy"));
        assertFalse(policy.contains("kms:"), policy);
        JsonArray all = run.json("app-execution-exec-policy", "policy").getAsJsonObject().getAsJsonArray("Statement");
        assertEquals(1, all.size());
    }
}
