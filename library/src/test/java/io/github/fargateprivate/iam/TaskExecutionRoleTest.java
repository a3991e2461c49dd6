package io.github.fargateprivate.iam;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.pulumi.core.Output;
import io.github.fargateprivate.ComponentHarness;
import io.github.fargateprivate.ComponentHarness.Created;
import io.github.fargateprivate.Problem;
import io.github.fargateprivate.secretsmanager.RegistryCredentialsSecret;
import io.github.fargateprivate.secretsmanager.RegistryCredentialsSecretArgs;
import io.github.fargateprivate.testing.OfflineMocks;
import io.github.fargateprivate.testing.OfflineRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskExecutionRoleTest {

    private static final String POLICY_TYPE = "aws:iam/rolePolicy:RolePolicy";
    private static final String ATTACHMENT_TYPE = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";

    private static final String SECRET = "arn:aws:secretsmanager:eu-central-1:123456789012:secret:registry-AbCdEf";
    private static final String DB = "arn:aws:secretsmanager:eu-central-1:123456789012:secret:db-123456";
    private static final String PARAMETER = "arn:aws:ssm:eu-central-1:123456789012:parameter/prod/db-url";
    private static final String KEY = "arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555";
    private static final String OTHER_KEY =
            "arn:aws:kms:us-east-1:123456789012:key/mrk-0123456789abcdef0123456789abcdef";

    /** Creates a role named {@code x}, its args set by {@code configure}. */
    private static Created<TaskExecutionRole> role(Consumer<TaskExecutionRoleArgs.Builder> configure) {
        return ComponentHarness.create(options -> new TaskExecutionRole("x", args(configure), options));
    }

    private static TaskExecutionRoleArgs args(Consumer<TaskExecutionRoleArgs.Builder> configure) {
        var b = TaskExecutionRoleArgs.builder();
        configure.accept(b);
        return b.build();
    }

    /** @return the inline policy, parsed */
    private static JsonElement policy(Created<TaskExecutionRole> role) {
        return role.run().json("x-exec-policy", "policy");
    }

    /** @return a policy of the given statements, parsed */
    private static JsonElement document(String... statements) {
        return JsonParser.parseString("{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements)
                + "]}");
    }

    private static String statement(String sid, String action, String resources) {
        return "{\"Sid\":\"" + sid + "\",\"Effect\":\"Allow\",\"Action\":\"" + action + "\",\"Resource\":" + resources
                + "}";
    }

    private static String decrypt(String sid, String key, String viaService) {
        return "{\"Sid\":\"" + sid + "\",\"Effect\":\"Allow\",\"Action\":\"kms:Decrypt\",\"Resource\":\"" + key
                + "\",\"Condition\":{\"StringEquals\":{\"kms:ViaService\":" + viaService + "}}}";
    }

    private static String quoted(String... values) {
        return values.length == 1 ? "\"" + values[0] + "\"" : "[\"" + String.join("\",\"", values) + "\"]";
    }

    @Test
    void trustsEcsTasksAlone() {
        var role = role(a -> { }).ok();
        assertEquals("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                + "\"ecs-tasks.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}",
                role.inputs("x-exec-role").get("assumeRolePolicy"));
    }

    @Test
    void attachesExactlyTheTaskExecutionManagedPolicy() {
        var role = role(a -> { }).ok();
        var attachments = role.run().mocks().ofType(ATTACHMENT_TYPE);
        assertEquals(1, attachments.size());
        assertEquals(Map.of("policyArn", "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy",
                "role", "x-exec-role-1a2b3c4"), attachments.get(0).inputs());
    }

    @Test
    void theManagedPolicyAndSecretPatternsAreOfTheProvidersPartition() {
        var role = ComponentHarness.create(options -> new TaskExecutionRole("x",
                args(a -> a.registryCredentialsSecretArn("registry/ghcr").registryCredentialsKmsKeyArn(
                        "arn:aws-cn:kms:cn-north-1:123456789012:key/11111111-2222-3333-4444-555555555555")), options),
                new ChinaMocks(), false).ok();
        assertEquals("arn:aws-cn:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy",
                role.inputs("x-exec-managed").get("policyArn"));
        assertEquals(document(
                statement("ReadSecrets", "secretsmanager:GetSecretValue",
                        quoted("arn:aws-cn:secretsmanager:cn-north-1:123456789012:secret:registry/ghcr-??????")),
                decrypt("DecryptSecrets", "arn:aws-cn:kms:cn-north-1:123456789012:key/"
                        + "11111111-2222-3333-4444-555555555555", quoted("secretsmanager.cn-north-1.amazonaws.com.cn"))),
                policy(role));
    }

    @Test
    void withNothingToReadThereIsNoInlinePolicy() {
        var role = role(a -> { }).ok();
        assertEquals(List.of(), role.run().mocks().ofType(POLICY_TYPE));
        assertTrue(role.component().inlinePolicy().isEmpty());
        ComponentHarness.assertChildren(role, Set.of("x-exec-role", "x-exec-managed"));
    }

    @Test
    void aRegistrySecretAloneIsReadAndNothingElse() {
        var role = role(a -> a.registryCredentialsSecretArn(SECRET)).ok();
        assertEquals(document(statement("ReadSecrets", "secretsmanager:GetSecretValue", quoted(SECRET))), policy(role));
        assertEquals("x-exec-role-id", role.inputs("x-exec-policy").get("role"));
        ComponentHarness.assertChildren(role, Set.of("x-exec-role", "x-exec-managed", "x-exec-policy"));
    }

    @Test
    void aSecretNameBecomesTheSuffixPatternOfTheProvidersRegionAndAccount() {
        var role = ComponentHarness.createWithProvider(options -> new TaskExecutionRole("x",
                args(a -> a.registryCredentialsSecretArn("registry/ghcr")), options)).ok();
        assertEquals(document(statement("ReadSecrets", "secretsmanager:GetSecretValue",
                        quoted("arn:aws:secretsmanager:us-west-2:123456789012:secret:registry/ghcr-??????"))),
                policy(role));
        ComponentHarness.assertEverythingThroughProvider(role.run());
        assertEquals(ComponentHarness.ENVIRONMENT_INVOKES, ComponentHarness.sortedInvokes(role.run()));
    }

    @Test
    void appSecretsAreReadAsSecretsWithoutJsonKeyAndParametersWithGetParameters() {
        var role = role(a -> a.registryCredentialsSecretArn(SECRET)
                .appSecret(DB + ":password::")
                .appSecret(DB + ":username:AWSCURRENT:")
                .appSecret(PARAMETER)
                .appSecret(SECRET)).ok();
        assertEquals(document(
                statement("ReadSecrets", "secretsmanager:GetSecretValue", quoted(SECRET, DB)),
                statement("ReadParameters", "ssm:GetParameters", quoted(PARAMETER))), policy(role));
    }

    @Test
    void parametersAloneGetNoSecretsManagerStatement() {
        assertEquals(document(statement("ReadParameters", "ssm:GetParameters", quoted(PARAMETER))),
                policy(role(a -> a.appSecret(PARAMETER)).ok()));
    }

    @Test
    void registryKeysDecryptOnlyViaSecretsManagerInTheKeysRegion() {
        var role = role(a -> a.registryCredentialsSecretArn(SECRET).registryCredentialsKmsKeyArn(KEY)
                .registryCredentialsKmsKeyArn(OTHER_KEY).registryCredentialsKmsKeyArn(KEY)).ok();
        assertEquals(document(
                statement("ReadSecrets", "secretsmanager:GetSecretValue", quoted(SECRET)),
                decrypt("DecryptSecrets", KEY, quoted("secretsmanager.eu-west-1.amazonaws.com")),
                decrypt("DecryptSecrets1", OTHER_KEY, quoted("secretsmanager.us-east-1.amazonaws.com"))), policy(role));
    }

    @Test
    void appKeysDecryptViaSecretsManagerOrSsmInTheKeysRegion() {
        var role = role(a -> a.appSecret(PARAMETER).appSecretsKmsKeyArn(KEY)).ok();
        assertEquals(document(
                statement("ReadParameters", "ssm:GetParameters", quoted(PARAMETER)),
                decrypt("DecryptAppSecrets", KEY, quoted("secretsmanager.eu-west-1.amazonaws.com",
                        "ssm.eu-west-1.amazonaws.com"))), policy(role));
    }

    @Test
    void withoutAKeyThereIsNoKmsPermission() {
        var role = role(a -> a.registryCredentialsSecretArn(SECRET).appSecret(DB)).ok();
        assertFalse(String.valueOf(role.inputs("x-exec-policy").get("policy")).contains("kms:"));
    }

    @Test
    void valuesOfOtherResourcesAreRead() {
        var run = OfflineRun.of(ctx -> {
            var credentials = new RegistryCredentialsSecret("creds", RegistryCredentialsSecretArgs.builder()
                    .username("u").password(Output.of("p")).build());
            new TaskExecutionRole("x", TaskExecutionRoleArgs.builder()
                    .registryCredentialsSecretArn(credentials.arn())
                    .registryCredentialsKmsKeyArn(Output.of(KEY))
                    .appSecret(Output.of(DB + ":password::"))
                    .appSecretsKmsKeyArn(Output.of(OTHER_KEY)).build());
            ctx.export("credentials", credentials.arn());
        }, new OfflineMocks()).ok();
        String credentials = (String) run.output("credentials");
        assertEquals("arn:aws:secretsmanager:eu-central-1:123456789012:secret:creds-secret-1a2b3c4-AbCdEf",
                credentials);
        assertEquals(document(
                statement("ReadSecrets", "secretsmanager:GetSecretValue", quoted(credentials, DB)),
                decrypt("DecryptSecrets", KEY, quoted("secretsmanager.eu-west-1.amazonaws.com")),
                decrypt("DecryptAppSecrets", OTHER_KEY, quoted("secretsmanager.us-east-1.amazonaws.com",
                        "ssm.us-east-1.amazonaws.com"))), run.json("x-exec-policy", "policy"));
    }

    static Stream<Arguments> badArgs() {
        String partial = "arn:aws:secretsmanager:eu-central-1:123456789012:secret:registry";
        String alias = "arn:aws:kms:eu-central-1:123456789012:alias/registry";
        return Stream.of(
                Arguments.of("registry key without a registry secret",
                        (Consumer<TaskExecutionRoleArgs.Builder>) a -> a.appSecret(DB).registryCredentialsKmsKeyArn(KEY),
                        List.of(new Problem("registryCredentialsKmsKeyArns", "there is no registry credentials secret "
                                + "to decrypt; give the secret too, or drop the keys"))),
                Arguments.of("app key without an app secret",
                        (Consumer<TaskExecutionRoleArgs.Builder>) a -> a.registryCredentialsSecretArn(SECRET)
                                .appSecretsKmsKeyArn(KEY),
                        List.of(new Problem("appSecretsKmsKeyArns", "there are no app secrets to decrypt; give the "
                                + "secrets too, or drop the keys"))),
                Arguments.of("partial registry secret ARN",
                        (Consumer<TaskExecutionRoleArgs.Builder>) a -> a.registryCredentialsSecretArn(SECRET)
                                .registryCredentialsSecretArn(partial),
                        List.of(new Problem("registryCredentialsSecretArns[1]", "'" + partial + "' is a partial secret "
                                + "ARN: a complete one ends in '-' and the six characters Secrets Manager added (aws "
                                + "secretsmanager describe-secret --secret-id NAME --query ARN)"))),
                Arguments.of("registry secret name with a space",
                        (Consumer<TaskExecutionRoleArgs.Builder>) a -> a.registryCredentialsSecretArn("my secret"),
                        List.of(new Problem("registryCredentialsSecretArns[0]",
                                "'my secret' is neither a secret ARN nor a secret name"))),
                Arguments.of("app secret that is no ARN",
                        (Consumer<TaskExecutionRoleArgs.Builder>) a -> a.appSecret(DB).appSecret("db-password"),
                        List.of(new Problem("appSecrets[1]", "'db-password' is neither a Secrets Manager secret ARN "
                                + "nor an SSM parameter ARN"))),
                Arguments.of("alias instead of a key",
                        (Consumer<TaskExecutionRoleArgs.Builder>) a -> a.registryCredentialsSecretArn(SECRET)
                                .registryCredentialsKmsKeyArn(alias),
                        List.of(new Problem("registryCredentialsKmsKeyArns[0]", "'" + alias + "' is an alias ARN; use "
                                + "the key ARN it points to (aws kms describe-key --key-id ALIAS --query "
                                + "KeyMetadata.Arn)"))),
                Arguments.of("key without its region",
                        (Consumer<TaskExecutionRoleArgs.Builder>) a -> a.registryCredentialsSecretArn(SECRET)
                                .registryCredentialsKmsKeyArn(KEY.replace("eu-west-1", "")),
                        List.of(new Problem("registryCredentialsKmsKeyArns[0]", "'" + KEY.replace("eu-west-1", "")
                                + "' is not a KMS key ARN (arn:aws:kms:REGION:ACCOUNT:key/KEY-ID)"))),
                Arguments.of("a bare key id",
                        (Consumer<TaskExecutionRoleArgs.Builder>) a -> a.appSecret(PARAMETER)
                                .appSecretsKmsKeyArn("11111111-2222-3333-4444-555555555555"),
                        List.of(new Problem("appSecretsKmsKeyArns[0]", "'11111111-2222-3333-4444-555555555555' is not "
                                + "a KMS key ARN (arn:aws:kms:REGION:ACCOUNT:key/KEY-ID)"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badArgs")
    void badArgsRegisterNothing(String description, Consumer<TaskExecutionRoleArgs.Builder> configure,
                                List<Problem> expected) {
        assertEquals(expected, ComponentHarness.refusedBeforeAnyChild(role(configure).run()));
    }

    @Test
    void badValuesOfOtherResourcesFailWithThePlainProblem() {
        String partial = "arn:aws:secretsmanager:eu-central-1:123456789012:secret:db";
        var plain = ComponentHarness.refusedBeforeAnyChild(role(a -> a.appSecret(PARAMETER).appSecret(partial)).run());
        var run = role(a -> a.appSecret(PARAMETER).appSecret(Output.of(partial))).run();
        assertEquals(plain, ComponentHarness.argsException(run).problems());
        assertEquals("appSecrets[1]", plain.get(0).field());
    }

    @Test
    void theArnResolvesOnlyOnceEveryPolicyIsAttached() {
        var role = role(a -> a.registryCredentialsSecretArn(SECRET)).ok();
        assertEquals("arn:aws:iam::123456789012:role/x-exec-role-1a2b3c4", role.value(TaskExecutionRole::arn));
        assertEquals("x-exec-role-1a2b3c4", role.value(TaskExecutionRole::roleName));
        ComponentHarness.assertWaitsFor(role.component().arn(), "x-exec-role", "x-exec-managed", "x-exec-policy");
        var bare = role(a -> { }).ok();
        ComponentHarness.assertWaitsFor(bare.component().arn(), "x-exec-role", "x-exec-managed");
    }

    @Test
    void tagsGoOnTheRole() {
        assertEquals(Map.of("team", "platform"), role(a -> a.tags(Map.of("team", "platform"))).ok()
                .inputs("x-exec-role").get("tags"));
        assertFalse(role(a -> { }).ok().inputs("x-exec-role").containsKey("tags"));
    }

    @Test
    void everyChildAndInvokeUsesTheComponentsProvider() {
        var role = ComponentHarness.createWithProvider(options -> new TaskExecutionRole("x",
                args(a -> a.registryCredentialsSecretArn(SECRET).appSecret(PARAMETER)), options)).ok();
        ComponentHarness.assertEverythingThroughProvider(role.run());
        ComponentHarness.assertChildren(role, Set.of("x-exec-role", "x-exec-managed", "x-exec-policy"));
    }

    @Test
    void aPreviewWithUnknownOutputsSucceeds() {
        var role = ComponentHarness.create(options -> new TaskExecutionRole("x",
                args(a -> a.registryCredentialsSecretArn(SECRET)), options), new OfflineMocks().unknownOutputs(),
                false).ok();
        assertFalse(OfflineRun.isKnown(role.component().arn()));
    }
}
