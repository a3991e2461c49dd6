package io.github.fargateprivate.iam;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.core.Output;
import io.github.fargateprivate.Harness;
import io.github.fargateprivate.plan.OfflineMocks;
import io.github.fargateprivate.secretsmanager.RegistryCredentialsSecret;
import io.github.fargateprivate.secretsmanager.RegistryCredentialsSecretArgs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import static io.github.fargateprivate.Harness.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskExecutionRoleTest {

    private static final String ROLE_TYPE = "aws:iam/role:Role";
    private static final String ATTACHMENT_TYPE = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
    private static final String INLINE_TYPE = "aws:iam/rolePolicy:RolePolicy";

    private static final String SECRET_A = "arn:aws:secretsmanager:eu-central-1:123456789012:secret:registry-AbCdEf";
    private static final String SECRET_B = "arn:aws:secretsmanager:eu-central-1:123456789012:secret:db-123456";
    private static final String PARAMETER = "arn:aws:ssm:eu-central-1:123456789012:parameter/prod/db-url";
    private static final String KEY = "arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555";
    private static final String OTHER_KEY = "arn:aws:kms:us-east-1:123456789012:key/mrk-0123456789abcdef0123456789abcdef";

    /** Runs a program that creates one role named {@code x}, its args prepared by {@code configure}. */
    private static Harness.Run role(Consumer<TaskExecutionRoleArgs.Builder> configure) {
        return Harness.program(ctx -> {
            var args = TaskExecutionRoleArgs.builder();
            configure.accept(args);
            new TaskExecutionRole("x", args.build());
        });
    }

    /** @return the inline policy's statements, keyed by Sid */
    private static Map<String, JsonObject> inlineStatements(Harness.Run run) {
        var bySid = new java.util.LinkedHashMap<String, JsonObject>();
        run.statements("x-exec-policy", "policy").forEach(s -> {
            assertEquals("Allow", s.get("Effect").getAsString());
            assertTrue(bySid.put(s.get("Sid").getAsString(), s) == null, "Sids are unique");
        });
        return bySid;
    }

    private static void assertNoWildcard(Harness.Run run) {
        run.mocks().registrations().stream()
                .filter(r -> Set.of(ROLE_TYPE, INLINE_TYPE).contains(r.type()))
                .flatMap(r -> r.inputs().values().stream())
                .forEach(v -> assertFalse(String.valueOf(v).contains("*"), "wildcard in " + v));
    }

    @Test
    void trustPolicyLetsOnlyEcsTasksAssumeTheRole() {
        var run = role(a -> { }).ok();
        List<JsonObject> trust = run.statements("x-exec-role", "assumeRolePolicy");
        assertEquals(1, trust.size());
        JsonObject statement = trust.get(0);
        assertEquals(Set.of("Effect", "Principal", "Action"), statement.keySet());
        assertEquals("Allow", statement.get("Effect").getAsString());
        assertEquals(JsonParser.parseString("{\"Service\":\"ecs-tasks.amazonaws.com\"}"), statement.get("Principal"));
        assertEquals(List.of("sts:AssumeRole"), strings(statement.get("Action")));
        assertNoWildcard(run);
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws", "aws-cn"})
    void attachesExactlyTheTaskExecutionManagedPolicyOfThePartition(String partition) {
        var run = role(a -> a.partition(partition)).ok();
        var attachments = run.mocks().ofType(ATTACHMENT_TYPE);
        assertEquals(1, attachments.size());
        assertEquals("arn:" + partition + ":iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy",
                attachments.get(0).inputs().get("policyArn"));
        assertEquals("x-exec-role-1a2b3c4", attachments.get(0).inputs().get("role"), "attached to the role's name");
    }

    @Test
    void noInlinePolicyWhenThereIsNothingToRead() {
        var run = role(a -> { }).ok();
        assertEquals(List.of(), run.mocks().ofType(INLINE_TYPE));
        assertEquals(Set.of("x", "x-exec-role", "x-exec-managed"), run.names());
    }

    @Test
    void aKeyAloneIsRefusedRatherThanSilentlyUnused() {
        var run = role(a -> a.kmsKeyArn(KEY));
        assertTrue(run.result().exitCode() != 0);
        assertTrue(run.errorText().contains("no secret or parameter to decrypt"), run.errorText());
        assertEquals(List.of(), run.mocks().ofType(ROLE_TYPE), "refused before any child");
    }

    @Test
    void childrenAreNamedFromTheComponentAndParentedToIt() {
        var run = role(a -> a.secretArns(List.of(SECRET_A))).ok();
        assertEquals(Set.of("x", "x-exec-role", "x-exec-managed", "x-exec-policy"), run.names());
        assertEquals(TaskExecutionRole.TYPE, run.mocks().named("x").type());
        assertEquals(ROLE_TYPE, run.mocks().named("x-exec-role").type());
        assertEquals(INLINE_TYPE, run.mocks().named("x-exec-policy").type());
        assertEquals("x-exec-role-id", run.inputs("x-exec-policy").get("role"));
        run.assertParentedTo("x-", TaskExecutionRole.TYPE);
    }

    @Test
    void readsExactlyTheGivenSecretsAndParametersWithoutKms() {
        var run = role(a -> a.secretArns(List.of(SECRET_A, SECRET_B, SECRET_A)).parameterArns(List.of(PARAMETER)))
                .ok();
        var statements = inlineStatements(run);
        assertEquals(Set.of("ReadSecrets", "ReadParameters"), statements.keySet());
        assertEquals(List.of("secretsmanager:GetSecretValue"), strings(statements.get("ReadSecrets").get("Action")));
        assertEquals(List.of(SECRET_A, SECRET_B), strings(statements.get("ReadSecrets").get("Resource")),
                "each secret once");
        assertEquals(List.of("ssm:GetParameters"), strings(statements.get("ReadParameters").get("Action")));
        assertEquals(List.of(PARAMETER), strings(statements.get("ReadParameters").get("Resource")));
        assertTrue(statements.values().stream().noneMatch(s -> s.has("Condition")));
        assertNoWildcard(run);
    }

    @Test
    void parametersAloneGetNoSecretsManagerStatement() {
        var statements = inlineStatements(role(a -> a.parameterArns(List.of(PARAMETER))).ok());
        assertEquals(Set.of("ReadParameters"), statements.keySet());
    }

    @Test
    void readsTheSecretArnTheMocksProducedForACredentialsSecret() {
        var created = Harness.create(() -> {
            var secret = new RegistryCredentialsSecret("creds", RegistryCredentialsSecretArgs.builder()
                    .username("u").password(Output.of("p")).build());
            new TaskExecutionRole("x", TaskExecutionRoleArgs.builder().secretArn(secret.arn()).build());
            return secret;
        }, new OfflineMocks());
        var run = created.run().ok();
        String arn = Harness.value(created.component().arn());
        assertEquals("arn:aws:secretsmanager:eu-central-1:123456789012:secret:creds-secret-1a2b3c4-AbCdEf", arn);
        assertEquals(List.of(arn), strings(inlineStatements(run).get("ReadSecrets").get("Resource")));
    }

    @Test
    void decryptsOnlyWithTheGivenKeyAndOnlyViaSecretsManagerInItsRegion() {
        var run = role(a -> a.secretArns(List.of(SECRET_A)).kmsKeyArn(KEY)).ok();
        var statements = inlineStatements(run);
        assertEquals(Set.of("ReadSecrets", "DecryptSecrets"), statements.keySet());
        JsonObject decrypt = statements.get("DecryptSecrets");
        assertEquals(List.of("kms:Decrypt"), strings(decrypt.get("Action")));
        assertEquals(List.of(KEY), strings(decrypt.get("Resource")));
        assertEquals(JsonParser.parseString(
                        "{\"StringEquals\":{\"kms:ViaService\":\"secretsmanager.eu-west-1.amazonaws.com\"}}"),
                decrypt.get("Condition"));
        assertNoWildcard(run);
    }

    @Test
    void eachKeyGetsItsOwnStatementWithItsOwnRegion() {
        var statements = inlineStatements(role(a -> a.secretArns(List.of(SECRET_A)).kmsKeyArn(KEY)
                .kmsKeyArn(OTHER_KEY)).ok());
        assertEquals(Set.of("ReadSecrets", "DecryptSecrets", "DecryptSecrets1"), statements.keySet());
        assertEquals(List.of(OTHER_KEY), strings(statements.get("DecryptSecrets1").get("Resource")));
        assertEquals("secretsmanager.us-east-1.amazonaws.com", statements.get("DecryptSecrets1")
                .getAsJsonObject("Condition").getAsJsonObject("StringEquals").get("kms:ViaService").getAsString());
    }

    @Test
    void noKmsPermissionWithoutAKey() {
        var run = role(a -> a.secretArns(List.of(SECRET_A))).ok();
        assertFalse(String.valueOf(run.inputs("x-exec-policy").get("policy")).contains("kms:"));
    }

    @Test
    void arnOutputIsTheRolesArn() {
        var created = Harness.create(() -> new TaskExecutionRole("x", TaskExecutionRoleArgs.builder().build()),
                new OfflineMocks());
        created.run().ok();
        assertEquals("arn:aws:iam::123456789012:role/x-exec-role-1a2b3c4", Harness.value(created.component().arn()));
        assertEquals("x-exec-role-1a2b3c4", Harness.value(created.component().roleName()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"arn:aws:kms:eu-central-1:123456789012:alias/registry",
            "11111111-2222-3333-4444-555555555555"})
    void aBadKeyArnFailsNamingTheField(String key) {
        String error = role(a -> a.secretArns(List.of(SECRET_A)).kmsKeyArn(key)).failure();
        assertTrue(error.contains("TaskExecutionRoleArgs.kmsKeyArns"), error);
        assertTrue(error.contains(key), error);
    }

    @Test
    void anAliasArnIsCalledAnAlias() {
        String error = role(a -> a.kmsKeyArn("arn:aws:kms:eu-central-1:123456789012:alias/registry")).failure();
        assertTrue(error.contains("alias ARN"), error);
    }

    @Test
    void aBadKeyFailsBeforeAnyAwsResourceExists() {
        var run = role(a -> a.kmsKeyArn("arn:aws:kms:eu-central-1:123456789012:alias/registry"));
        run.failure();
        assertEquals(List.of(), run.mocks().awsResources());
    }

    @Test
    void arnIsHandedOutOnlyOnceEveryPolicyIsAttached() {
        var created = Harness.create(() -> new TaskExecutionRole("x", TaskExecutionRoleArgs.builder()
                .secretArns(List.of(SECRET_A)).build()), new OfflineMocks());
        created.run().ok();
        assertTrue(Harness.dependencies(created.component().arn())
                .containsAll(Set.of("x-exec-role", "x-exec-managed", "x-exec-policy")),
                String.valueOf(Harness.dependencies(created.component().arn())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"arn:aws:ssm:*:*:parameter/*", "arn:aws:secretsmanager:eu-central-1:123456789012:secret:db*",
            "arn:aws:secretsmanager:eu-central-1:123456789012:secret:d?-AbCdEf", "*", "my-secret"})
    void wildcardOrNonArnResourcesAreRefused(String resource) {
        var run = Harness.program(ctx -> new TaskExecutionRole("x", TaskExecutionRoleArgs.builder()
                .secretArns(List.of(resource)).build()));
        assertTrue(run.result().exitCode() != 0, "accepted " + resource);
        assertTrue(run.errorText().contains("statement ReadSecrets must name exact resource ARNs"), run.errorText());
    }

    @Test
    void aSecretNamesArnPatternIsTheOneWildcardAllowed() {
        String pattern = "arn:aws:secretsmanager:eu-central-1:123456789012:secret:registry/ghcr-??????";
        role(a -> a.secretArns(List.of(pattern))).ok();
    }

    @Test
    void appSecretKeysMayDecryptViaSecretsManagerOrSsmOnly() {
        var statements = inlineStatements(role(a -> a.parameterArns(List.of(PARAMETER)).appSecretsKmsKeyArns(List.of(KEY))));
        var decrypt = statements.get("DecryptAppSecrets");
        assertEquals(List.of(KEY), strings(decrypt.get("Resource")));
        assertEquals(List.of("secretsmanager.eu-west-1.amazonaws.com", "ssm.eu-west-1.amazonaws.com"),
                strings(decrypt.getAsJsonObject("Condition").getAsJsonObject("StringEquals").get("kms:ViaService")));
        assertFalse(statements.containsKey("DecryptSecrets"), "the registry key list is separate");
    }

    @Test
    void keysWithNothingToDecryptAreRefused() {
        var run = role(a -> a.appSecretsKmsKeyArns(List.of(KEY)));
        assertTrue(run.result().exitCode() != 0);
        assertTrue(run.errorText().contains("TaskExecutionRoleArgs.kmsKeyArns/appSecretsKmsKeyArns: no secret or "
                + "parameter to decrypt"), run.errorText());
    }
}
