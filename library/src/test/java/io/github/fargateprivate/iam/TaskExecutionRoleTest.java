package io.github.fargateprivate.iam;

import com.google.gson.JsonObject;
import com.pulumi.aws.ecr.Repository;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import static io.github.fargateprivate.iam.ExecutionStatements.ATTACHMENT;
import static io.github.fargateprivate.iam.ExecutionStatements.MANAGED_POLICY_ARN;
import static io.github.fargateprivate.iam.ExecutionStatements.ROLE_POLICY;
import static io.github.fargateprivate.iam.ExecutionStatements.decrypt;
import static io.github.fargateprivate.iam.ExecutionStatements.decryptAppSecrets;
import static io.github.fargateprivate.iam.ExecutionStatements.decryptSecrets;
import static io.github.fargateprivate.iam.ExecutionStatements.document;
import static io.github.fargateprivate.iam.ExecutionStatements.ecrAuthorizationToken;
import static io.github.fargateprivate.iam.ExecutionStatements.logGroup;
import static io.github.fargateprivate.iam.ExecutionStatements.noEcrImage;
import static io.github.fargateprivate.iam.ExecutionStatements.pullImages;
import static io.github.fargateprivate.iam.ExecutionStatements.readParameters;
import static io.github.fargateprivate.iam.ExecutionStatements.readSecrets;
import static io.github.fargateprivate.iam.ExecutionStatements.repository;
import static io.github.fargateprivate.iam.ExecutionStatements.writeLogs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskExecutionRoleTest {

    private static final String SECRET = "arn:aws:secretsmanager:eu-central-1:123456789012:secret:registry-AbCdEf";
    private static final String DB = "arn:aws:secretsmanager:eu-central-1:123456789012:secret:db-123456";
    private static final String PARAMETER = "arn:aws:ssm:eu-central-1:123456789012:parameter/prod/db-url";
    private static final String KEY = "arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555";
    private static final String OTHER_KEY =
            "arn:aws:kms:us-east-1:123456789012:key/mrk-0123456789abcdef0123456789abcdef";
    private static final String ECR_IMAGE = "123456789012.dkr.ecr.eu-central-1.amazonaws.com/app:1.0.0";
    private static final String LOGS = logGroup("app-logs");
    /** What the mocks name the secret of a {@link RegistryCredentialsSecret} named {@code creds}. */
    private static final String CREATED_SECRET =
            "arn:aws:secretsmanager:eu-central-1:123456789012:secret:creds-secret-1a2b3c4-AbCdEf";

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
    private static JsonObject policy(Created<TaskExecutionRole> role) {
        return role.run().json("x-exec-policy", "policy").getAsJsonObject();
    }

    @Test
    void trustsEcsTasksAlone() {
        var role = role(a -> { }).ok();
        assertEquals("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                + "\"ecs-tasks.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}",
                role.inputs("x-exec-role").get("assumeRolePolicy"));
    }

    // The managed policy

    @Test
    void noManagedPolicyIsAttachedUnlessAsked() {
        var role = role(a -> a.registryCredentialsSecretArn(SECRET).image(ECR_IMAGE)).ok();
        assertEquals(List.of(), role.run().mocks().ofType(ATTACHMENT));
        assertTrue(role.component().managedPolicy().isEmpty());
    }

    @Test
    void askedForItAttachesExactlyTheTaskExecutionManagedPolicyBesideTheExactStatements() {
        var role = role(a -> a.managedPolicy(true).registryCredentialsSecretArn(SECRET).image(ECR_IMAGE)).ok();
        var attachments = role.run().mocks().ofType(ATTACHMENT);
        assertEquals(1, attachments.size());
        assertEquals(Map.of("policyArn", MANAGED_POLICY_ARN, "role", "x-exec-role-1a2b3c4"),
                attachments.get(0).inputs());
        assertEquals("x-exec-managed", role.component().managedPolicy().orElseThrow().pulumiResourceName());
        assertEquals(document(readSecrets(SECRET), pullImages(repository("app")), ecrAuthorizationToken()),
                policy(role));
        ComponentHarness.assertChildren(role, Set.of("x-exec-role", "x-exec-managed", "x-exec-policy"));
    }

    @Test
    void theManagedPolicyEcrRepositoriesAndSecretPatternsAreOfTheProvidersPartition() {
        var role = ComponentHarness.create(options -> new TaskExecutionRole("x",
                args(a -> a.managedPolicy(true).registryCredentialsSecretArn("registry/ghcr")
                        .registryCredentialsKmsKeyArn(
                                "arn:aws-cn:kms:cn-north-1:123456789012:key/11111111-2222-3333-4444-555555555555")
                        .image("123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/app:1")), options),
                new ChinaMocks(), false).ok();
        assertEquals("arn:aws-cn:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy",
                role.inputs("x-exec-managed").get("policyArn"));
        assertEquals(document(
                readSecrets("arn:aws-cn:secretsmanager:cn-north-1:123456789012:secret:registry/ghcr-??????"),
                decrypt("DecryptSecrets", "arn:aws-cn:kms:cn-north-1:123456789012:key/"
                        + "11111111-2222-3333-4444-555555555555",
                        List.of("secretsmanager.cn-north-1.amazonaws.com.cn")),
                pullImages("arn:aws-cn:ecr:cn-north-1:123456789012:repository/app"),
                ecrAuthorizationToken()), policy(role));
    }

    // Secrets, parameters and keys

    @Test
    void withNothingToReadThereIsNoInlinePolicy() {
        var role = role(a -> { }).ok();
        assertEquals(List.of(), role.run().mocks().ofType(ROLE_POLICY));
        assertTrue(role.component().inlinePolicy().isEmpty());
        ComponentHarness.assertChildren(role, Set.of("x-exec-role"));
    }

    @Test
    void aRegistrySecretAloneIsReadAndNothingElse() {
        var role = role(a -> a.registryCredentialsSecretArn(SECRET)).ok();
        assertEquals(document(readSecrets(SECRET)), policy(role));
        assertEquals("x-exec-role-1a2b3c4", role.inputs("x-exec-policy").get("role"));
        ComponentHarness.assertChildren(role, Set.of("x-exec-role", "x-exec-policy"));
    }

    @Test
    void aSecretNameBecomesTheSuffixPatternOfTheProvidersRegionAndAccount() {
        var role = ComponentHarness.createWithProvider(options -> new TaskExecutionRole("x",
                args(a -> a.registryCredentialsSecretArn("registry/ghcr")), options)).ok();
        assertEquals(document(readSecrets("arn:aws:secretsmanager:us-west-2:123456789012:secret:registry/ghcr-??????")),
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
        assertEquals(document(readSecrets(SECRET, DB), readParameters(PARAMETER)), policy(role));
    }

    @Test
    void parametersAloneGetNoSecretsManagerStatement() {
        assertEquals(document(readParameters(PARAMETER)), policy(role(a -> a.appSecret(PARAMETER)).ok()));
    }

    @Test
    void registryKeysDecryptOnlyViaSecretsManagerInTheKeysRegion() {
        var role = role(a -> a.registryCredentialsSecretArn(SECRET).registryCredentialsKmsKeyArn(KEY)
                .registryCredentialsKmsKeyArn(OTHER_KEY).registryCredentialsKmsKeyArn(KEY)).ok();
        assertEquals(document(readSecrets(SECRET), decryptSecrets("DecryptSecrets", KEY),
                decryptSecrets("DecryptSecrets1", OTHER_KEY)), policy(role));
    }

    @Test
    void appKeysDecryptViaSecretsManagerOrSsmInTheKeysRegion() {
        var role = role(a -> a.appSecret(PARAMETER).appSecretsKmsKeyArn(KEY)).ok();
        assertEquals(document(readParameters(PARAMETER), decryptAppSecrets("DecryptAppSecrets", KEY)), policy(role));
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
                    .appSecretsKmsKeyArn(Output.of(OTHER_KEY))
                    .image(Output.of(ECR_IMAGE))
                    .logGroupArn(Output.of(LOGS)).build());
            ctx.export("credentials", credentials.arn());
        }, new OfflineMocks()).ok();
        assertEquals(CREATED_SECRET, run.output("credentials"));
        assertEquals(document(readSecrets(CREATED_SECRET, DB), decryptSecrets("DecryptSecrets", KEY),
                decryptAppSecrets("DecryptAppSecrets", OTHER_KEY), pullImages(repository("app")),
                ecrAuthorizationToken(), writeLogs(LOGS)), run.json("x-exec-policy", "policy"));
    }

    // Registry kinds: the complete policy for each registry and each way of giving its credentials

    /** A way of giving the registry credentials secret, and the resource the role then reads. */
    private record Credentials(String name, Consumer<TaskExecutionRoleArgs.Builder> give, String readable) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final List<Credentials> CREDENTIALS = List.of(
            new Credentials("created secret", null, CREATED_SECRET),
            new Credentials("existing secret by ARN", a -> a.registryCredentialsSecretArn(SECRET), SECRET),
            new Credentials("existing secret by name", a -> a.registryCredentialsSecretArn("registry/pull"),
                    "arn:aws:secretsmanager:eu-central-1:123456789012:secret:registry/pull-??????"),
            new Credentials("none (public image)", a -> { }, null));

    /** Every image of a registry that is not ECR, with each way of giving its credentials. */
    static Stream<Arguments> imagesOffEcr() {
        List<Arguments> cases = new ArrayList<>();
        for (String image : List.of("ghcr.io/acme/app:1.2.3", "acme/app:1.0", "docker.io/library/nginx:1.27",
                "index.docker.io/acme/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                "registry.gitlab.com/acme/group/app:1.0", "quay.io/acme/app:1.0",
                "registry.example.com:5000/team/app:2",
                "public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0")) {
            CREDENTIALS.forEach(c -> cases.add(Arguments.of(image, c)));
        }
        return cases.stream();
    }

    /** Runs a role of {@code configure} with the credentials given as {@code credentials} says. */
    private static OfflineRun withCredentials(Credentials credentials,
                                              Consumer<TaskExecutionRoleArgs.Builder> configure) {
        return OfflineRun.of(ctx -> {
            var args = TaskExecutionRoleArgs.builder();
            if (credentials.give() == null) {
                args.registryCredentialsSecretArn(new RegistryCredentialsSecret("creds", RegistryCredentialsSecretArgs
                        .builder().username("u").password(Output.ofSecret("p")).build()).arn());
            } else {
                credentials.give().accept(args);
            }
            configure.accept(args);
            new TaskExecutionRole("x", args.build());
        }, new OfflineMocks()).ok();
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("imagesOffEcr")
    void anImageOffEcrGetsNoEcrActionAndTheRoleReadsExactlyItsCredentials(String image, Credentials credentials) {
        var run = withCredentials(credentials, a -> a.image(image));
        if (credentials.readable() == null) {
            assertEquals(List.of(), run.mocks().ofType(ROLE_POLICY), "nothing to grant, no policy");
        } else {
            assertEquals(document(readSecrets(credentials.readable())), run.json("x-exec-policy", "policy"));
        }
        ExecutionStatements.assertNoEcrAction(run);
    }

    /** A role may also read a registry secret, for another image of the task, beside an ECR image that needs none. */
    static Stream<Credentials> ecrCredentials() {
        return CREDENTIALS.stream();
    }

    @ParameterizedTest(name = "ecr, {0}")
    @MethodSource("ecrCredentials")
    void anEcrImagePullsFromExactlyItsRepository(Credentials credentials) {
        var run = withCredentials(credentials, a -> a.image(ECR_IMAGE));
        var expected = new ArrayList<JsonObject>();
        if (credentials.readable() != null) {
            expected.add(readSecrets(credentials.readable()));
        }
        expected.add(pullImages(repository("app")));
        expected.add(ecrAuthorizationToken());
        assertEquals(document(expected.toArray(JsonObject[]::new)), run.json("x-exec-policy", "policy"));
        assertEquals(List.of(), run.mocks().ofType(ATTACHMENT));
    }

    @Test
    void anEcrImageOfAnotherAccountAndRegionNamesThatRepository() {
        var role = role(a -> a.image("210987654321.dkr.ecr.us-east-1.amazonaws.com/team/tool:2")).ok();
        assertEquals(document(pullImages(repository("team/tool", "us-east-1", "210987654321")),
                ecrAuthorizationToken()), policy(role));
    }

    @Test
    void ecrImagesNameEachRepositoryOnceWhateverTheirTagDigestOrEndpoint() {
        String digest = "@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
        var role = role(a -> a.image(ECR_IMAGE)
                .image("123456789012.dkr.ecr.eu-central-1.amazonaws.com/app" + digest)
                .image("ghcr.io/acme/app:1.2.3")
                .image("123456789012.dkr.ecr-fips.us-east-1.amazonaws.com/team/app:3")
                .image("123456789012.dkr.ecr.eu-central-1.amazonaws.com/app:2.0.0")).ok();
        assertEquals(document(pullImages(repository("app"), repository("team/app", "us-east-1", "123456789012")),
                ecrAuthorizationToken()), policy(role));
    }

    @Test
    void anEcrImageOfARepositoryOfTheStackIsPulledFromThatRepository() {
        var run = OfflineRun.of(ctx -> {
            var repository = new Repository("orders");
            new TaskExecutionRole("x", TaskExecutionRoleArgs.builder()
                    .image(repository.repositoryUrl().applyValue(u -> u + ":1.0.0")).build());
            ctx.export("repository", repository.arn());
        }, new OfflineMocks()).ok();
        assertEquals(repository("orders-1a2b3c4"), run.output("repository"));
        assertEquals(document(pullImages(repository("orders-1a2b3c4")), ecrAuthorizationToken()),
                run.json("x-exec-policy", "policy"));
    }

    @Test
    void anImageOfAnotherResourceOffEcrGrantsNothing() {
        // A policy needs a statement: when the image alone was to be granted, the one statement denies ECR.
        var alone = role(a -> a.image(Output.of("ghcr.io/acme/app:1.2.3"))).ok();
        assertEquals(document(noEcrImage()), policy(alone));
        var withSecret = role(a -> a.image(Output.of("ghcr.io/acme/app:1.2.3")).registryCredentialsSecretArn(SECRET))
                .ok();
        assertEquals(document(readSecrets(SECRET)), policy(withSecret));
        ExecutionStatements.assertNoEcrAction(withSecret.run());
    }

    @Test
    void withTheManagedPolicyAnImageOfAnotherResourceOffEcrDeniesNoEcrAction() {
        // The one statement must not take the managed policy's ECR actions away: it denies only what an execution
        // role never does.
        var role = role(a -> a.image(Output.of("ghcr.io/acme/app:1.2.3")).managedPolicy(true)).ok();
        assertEquals(document(ExecutionStatements.statement("NoInlineGrant", "Deny", List.of("iam:*"), List.of("*"),
                null)), policy(role));
        assertTrue(role.component().managedPolicy().isPresent());
    }

    @Test
    void aPlainImageOffEcrMakesNoPolicy() {
        var role = role(a -> a.image("ghcr.io/acme/app:1.2.3")).ok();
        assertTrue(role.component().inlinePolicy().isEmpty());
        ComponentHarness.assertChildren(role, Set.of("x-exec-role"));
    }

    // Log groups

    @Test
    void logGroupsAreWrittenOnExactlyTheirStreams() {
        String other = logGroup("batch-logs");
        var role = role(a -> a.logGroupArn(LOGS).logGroupArn(Output.of(other)).logGroupArn(LOGS)).ok();
        assertEquals(document(writeLogs(LOGS, other)), policy(role));
    }

    @Test
    void everyGrantTogetherInItsOrder() {
        var role = role(a -> a.logGroupArn(LOGS).image(ECR_IMAGE).appSecretsKmsKeyArn(OTHER_KEY).appSecret(PARAMETER)
                .appSecret(DB + ":password::").registryCredentialsKmsKeyArn(KEY).registryCredentialsSecretArn(SECRET))
                .ok();
        assertEquals(document(readSecrets(SECRET, DB), readParameters(PARAMETER), decryptSecrets("DecryptSecrets", KEY),
                decryptAppSecrets("DecryptAppSecrets", OTHER_KEY), pullImages(repository("app")),
                ecrAuthorizationToken(), writeLogs(LOGS)), policy(role));
    }

    // Bad args

    static Stream<Arguments> badArgs() {
        String partial = "arn:aws:secretsmanager:eu-central-1:123456789012:secret:registry";
        String alias = "arn:aws:kms:eu-central-1:123456789012:alias/registry";
        String notLogGroup = " is not a log group ARN (arn:aws:logs:REGION:ACCOUNT:log-group:NAME)";
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
                                + "a KMS key ARN (arn:aws:kms:REGION:ACCOUNT:key/KEY-ID)"))),
                Arguments.of("image with an upper-case path",
                        (Consumer<TaskExecutionRoleArgs.Builder>) a -> a.image(ECR_IMAGE).image("ghcr.io/Acme/app:1"),
                        List.of(new Problem("images[1]", "'ghcr.io/Acme/app:1' has an invalid repository path "
                                + "component 'Acme' (lower-case letters and digits, separated by '.', '_', '__' or "
                                + "'-')"))),
                Arguments.of("log group name instead of its ARN",
                        (Consumer<TaskExecutionRoleArgs.Builder>) a -> a.logGroupArn("/ecs/app"),
                        List.of(new Problem("logGroupArns[0]", "'/ecs/app'" + notLogGroup))),
                Arguments.of("every log group",
                        (Consumer<TaskExecutionRoleArgs.Builder>) a -> a.logGroupArn(LOGS)
                                .logGroupArn("arn:aws:logs:eu-central-1:123456789012:log-group:*"),
                        List.of(new Problem("logGroupArns[1]", "'arn:aws:logs:eu-central-1:123456789012:log-group:*'"
                                + notLogGroup))),
                Arguments.of("log group without its account",
                        (Consumer<TaskExecutionRoleArgs.Builder>) a -> a.logGroupArn(
                                "arn:aws:logs:eu-central-1::log-group:app"),
                        List.of(new Problem("logGroupArns[0]", "'arn:aws:logs:eu-central-1::log-group:app'"
                                + notLogGroup))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badArgs")
    void badArgsRegisterNothing(String description, Consumer<TaskExecutionRoleArgs.Builder> configure,
                                List<Problem> expected) {
        assertEquals(expected, ComponentHarness.refusedBeforeAnyChild(role(configure).run()));
    }

    static Stream<Arguments> badOutputs() {
        return Stream.of(
                Arguments.of((Function<String, Consumer<TaskExecutionRoleArgs.Builder>>) v -> a -> a.appSecret(
                        PARAMETER).appSecret(v), (Function<Output<String>, Consumer<TaskExecutionRoleArgs.Builder>>)
                        v -> a -> a.appSecret(PARAMETER).appSecret(v),
                        "arn:aws:secretsmanager:eu-central-1:123456789012:secret:db"),
                Arguments.of((Function<String, Consumer<TaskExecutionRoleArgs.Builder>>) v -> a -> a.image(v),
                        (Function<Output<String>, Consumer<TaskExecutionRoleArgs.Builder>>) v -> a -> a.image(v),
                        "ghcr.io/Acme/app:1"),
                Arguments.of((Function<String, Consumer<TaskExecutionRoleArgs.Builder>>) v -> a -> a.logGroupArn(v),
                        (Function<Output<String>, Consumer<TaskExecutionRoleArgs.Builder>>) v -> a -> a.logGroupArn(v),
                        "/ecs/app"));
    }

    @ParameterizedTest
    @MethodSource("badOutputs")
    void badValuesOfOtherResourcesFailWithThePlainProblem(
            Function<String, Consumer<TaskExecutionRoleArgs.Builder>> plain,
            Function<Output<String>, Consumer<TaskExecutionRoleArgs.Builder>> output, String value) {
        var expected = ComponentHarness.refusedBeforeAnyChild(role(plain.apply(value)).run());
        assertEquals(expected, ComponentHarness.argsException(role(output.apply(Output.of(value))).run()).problems());
    }

    // The component

    @Test
    void theArnResolvesOnlyOnceEveryPolicyIsAttached() {
        var role = role(a -> a.registryCredentialsSecretArn(SECRET)).ok();
        assertEquals("arn:aws:iam::123456789012:role/x-exec-role-1a2b3c4", role.value(TaskExecutionRole::arn));
        assertEquals("x-exec-role-1a2b3c4", role.value(TaskExecutionRole::roleName));
        ComponentHarness.assertWaitsFor(role.component().arn(), "x-exec-role", "x-exec-policy");
        var managed = role(a -> a.managedPolicy(true).image(ECR_IMAGE)).ok();
        ComponentHarness.assertWaitsFor(managed.component().arn(), "x-exec-role", "x-exec-managed", "x-exec-policy");
        var bare = role(a -> { }).ok();
        ComponentHarness.assertWaitsFor(bare.component().arn(), "x-exec-role");
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
                args(a -> a.managedPolicy(true).registryCredentialsSecretArn(SECRET).appSecret(PARAMETER)
                        .image(ECR_IMAGE)), options)).ok();
        ComponentHarness.assertEverythingThroughProvider(role.run());
        ComponentHarness.assertChildren(role, Set.of("x-exec-role", "x-exec-managed", "x-exec-policy"));
    }

    @Test
    void aPreviewWithUnknownOutputsSucceeds() {
        var role = ComponentHarness.create(options -> new TaskExecutionRole("x",
                args(a -> a.registryCredentialsSecretArn(SECRET).image(Output.of(ECR_IMAGE))), options),
                new OfflineMocks().unknownOutputs(), false).ok();
        assertFalse(OfflineRun.isKnown(role.component().arn()));
        assertEquals(Set.of("x", "x-exec-role", "x-exec-policy"), role.run().names());
    }

    @Test
    void builderFromKeepsEveryField() {
        var original = args(a -> a.registryCredentialsSecretArn(SECRET).registryCredentialsKmsKeyArn(KEY)
                .appSecret(PARAMETER).appSecretsKmsKeyArn(OTHER_KEY).image(ECR_IMAGE).logGroupArn(LOGS)
                .managedPolicy(true).tags(Map.of("a", "b")));
        var copy = TaskExecutionRoleArgs.builder().from(original).build();
        assertEquals(original.registryCredentialsSecretArns(), copy.registryCredentialsSecretArns());
        assertEquals(original.registryCredentialsKmsKeyArns(), copy.registryCredentialsKmsKeyArns());
        assertEquals(original.appSecrets(), copy.appSecrets());
        assertEquals(original.appSecretsKmsKeyArns(), copy.appSecretsKmsKeyArns());
        assertEquals(original.images(), copy.images());
        assertEquals(original.logGroupArns(), copy.logGroupArns());
        assertTrue(copy.managedPolicy());
        assertEquals(original.tags(), copy.tags());
        assertFalse(TaskExecutionRoleArgs.builder().build().managedPolicy(), "off by default");
        var options = original.toBuilder().build();
        assertFalse(options instanceof TaskExecutionRoleArgs, "toBuilder is the options': " + options);
        assertTrue(options.managedPolicy());
        assertEquals(Map.of("a", "b"), options.tags());
    }

    @Test
    void builtArgsDoNotChangeWithTheirBuilder() {
        var builder = TaskExecutionRoleArgs.builder();
        var built = builder.build();
        builder.image(ECR_IMAGE);
        assertEquals(List.of(), built.images());
        assertEquals(Optional.of(ECR_IMAGE), builder.build().images().get(0).plain());
    }
}
