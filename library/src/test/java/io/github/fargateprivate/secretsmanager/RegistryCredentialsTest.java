package io.github.fargateprivate.secretsmanager;

import com.pulumi.core.Output;
import com.pulumi.test.internal.PulumiTestInternal;
import io.github.fargateprivate.AwsEnvironment;
import io.github.fargateprivate.ComponentHarness;
import io.github.fargateprivate.Problem;
import io.github.fargateprivate.Problems;
import io.github.fargateprivate.testing.OfflineMocks;
import io.github.fargateprivate.testing.OfflineRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegistryCredentialsTest {

    private static final AwsEnvironment ENV = new AwsEnvironment(OfflineMocks.ACCOUNT, "eu-central-1", "aws",
            "amazonaws.com");
    private static final String SECRET = "arn:aws:secretsmanager:eu-central-1:123456789012:secret:registry/ghcr-AbCdEf";
    private static final String WEST_SECRET = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:registry/ghcr-AbCdEf";
    private static final String KEY = "arn:aws:kms:eu-central-1:123456789012:key/11111111-2222-3333-4444-555555555555";
    private static final String WEST_KEY = "arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555";

    private static final String PARTIAL = "arn:aws:secretsmanager:eu-central-1:123456789012:secret:registry/ghcr";
    private static final String OTHER_ACCOUNT =
            "arn:aws:secretsmanager:eu-central-1:210987654321:secret:registry/ghcr-AbCdEf";

    private static List<Problem> problems(RegistryCredentials.Existing existing) {
        var problems = Problems.of("LoadBalancedFargateService", "app");
        existing.validate(problems.at("registryCredentials"), ENV);
        return problems.list();
    }

    @Test
    void theThreeChoicesAreTheOnlyOnes() {
        assertTrue(RegistryCredentials.class.isSealed());
        assertEquals(Set.of(RegistryCredentials.Create.class, RegistryCredentials.Existing.class,
                        RegistryCredentials.None.class),
                Stream.of(RegistryCredentials.class.getPermittedSubclasses()).collect(Collectors.toSet()));
    }

    @Test
    void createBecomesTheArgsOfASecretWithASecretPassword() {
        var create = RegistryCredentials.create("octocat", Output.of("token"));
        var args = create.secretArgs(Map.of("team", "platform"));
        assertEquals(Optional.of("octocat"), args.username().orElseThrow().plain());
        assertEquals("token", OfflineRun.value(args.password().orElseThrow().output()));
        assertTrue(PulumiTestInternal.extractOutputData(args.password().orElseThrow().output()).isSecret());
        assertEquals(Map.of("team", "platform"), args.tags());
        assertTrue(args.kmsKeyArn().isEmpty());
        assertTrue(create.kmsKeyArn().isEmpty());
    }

    @Test
    void createWithAKeyKeepsTheOriginalWithout() {
        var create = RegistryCredentials.create(Output.of("octocat"), Output.of("token"));
        var withKey = create.kmsKeyArn(KEY);
        assertTrue(create.kmsKeyArn().isEmpty());
        assertEquals(Optional.of(KEY), withKey.kmsKeyArn().orElseThrow().plain());
        assertEquals(Optional.of(KEY), withKey.secretArgs(Map.of()).kmsKeyArn().orElseThrow().plain());
        assertEquals("octocat", OfflineRun.value(withKey.secretArgs(Map.of()).username().orElseThrow().output()));
    }

    @Test
    void createRefusesMissingParts() {
        assertEquals("password", assertThrows(NullPointerException.class,
                () -> RegistryCredentials.create("u", null)).getMessage());
        assertEquals("value", assertThrows(NullPointerException.class,
                () -> RegistryCredentials.create((String) null, Output.of("p"))).getMessage());
        assertThrows(NullPointerException.class, () -> RegistryCredentials.existing((String) null));
    }

    @Test
    void noneHasNoKeyAndIsOneValue() {
        assertSame(RegistryCredentials.none(), RegistryCredentials.none());
        assertTrue(RegistryCredentials.none().kmsKeyArn().isEmpty());
        assertEquals("RegistryCredentials.none()", RegistryCredentials.none().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {SECRET, WEST_SECRET, "registry/ghcr", "ghcr_pull+token=1.@-x"})
    void completeArnsOfTheAccountInAnyRegionAndBareNamesPass(String secret) {
        assertEquals(List.of(), problems(RegistryCredentials.existing(secret)));
    }

    static Stream<Arguments> badExisting() {
        String region = "the key is in eu-central-1, but the credentials secret is in eu-west-1; Secrets Manager uses "
                + "a key of the secret's own region: give a key of eu-west-1 (for an existing secret, the one that encrypts it: aws "
                + "secretsmanager describe-secret --region eu-west-1 --secret-id SECRET --query KmsKeyId)";
        return Stream.of(
                Arguments.of("partial ARN", PARTIAL, null, List.of(new Problem("registryCredentials.secret",
                        "'" + PARTIAL + "' is a partial secret ARN: a complete one ends in '-' and the six characters "
                                + "Secrets Manager added (aws secretsmanager describe-secret --secret-id NAME --query "
                                + "ARN); give the complete secret ARN"))),
                Arguments.of("other account", OTHER_ACCOUNT, null, List.of(new Problem("registryCredentials.secret",
                        "the secret belongs to account 210987654321, but the stack deploys into 123456789012; use a "
                                + "secret of account 123456789012 (ECS reads repository credentials only from the "
                                + "task's own account)"))),
                Arguments.of("ARN of a parameter", "arn:aws:ssm:eu-central-1:123456789012:parameter/registry", null,
                        List.of(new Problem("registryCredentials.secret", "'arn:aws:ssm:eu-central-1:123456789012:"
                                + "parameter/registry' is an ARN of ssm, not of a Secrets Manager secret; give the "
                                + "complete secret ARN"))),
                Arguments.of("JSON key suffix", SECRET + ":password::", null, List.of(new Problem(
                        "registryCredentials.secret", "'" + SECRET + ":password::' is a partial secret ARN: a "
                        + "complete one ends in '-' and the six characters Secrets Manager added (aws secretsmanager "
                        + "describe-secret --secret-id NAME --query ARN); give the complete secret ARN"))),
                Arguments.of("name with a space", "registry ghcr", null, List.of(new Problem(
                        "registryCredentials.secret", "'registry ghcr' is neither a secret ARN nor a secret name (a "
                        + "name holds only ASCII letters, digits and /_+=.@-)"))),
                Arguments.of("key in another region than the secret", WEST_SECRET, KEY,
                        List.of(new Problem("registryCredentials.kmsKeyArn", region))),
                Arguments.of("bare name, key in another region than the stack", "registry/ghcr", WEST_KEY,
                        List.of(new Problem("registryCredentials.kmsKeyArn", "the key is in eu-west-1, but the "
                                + "credentials secret is in eu-central-1; Secrets Manager uses a key of the secret's "
                                + "own region: give a key of eu-central-1 (for an existing secret, the one that encrypts it: aws "
                + "secretsmanager describe-secret --region eu-central-1 --secret-id SECRET --query KmsKeyId)"))),
                Arguments.of("alias", SECRET, "arn:aws:kms:eu-central-1:123456789012:alias/registry",
                        List.of(new Problem("registryCredentials.kmsKeyArn", "'arn:aws:kms:eu-central-1:123456789012:"
                                + "alias/registry' is an alias ARN; use the key ARN it points to (aws kms describe-key "
                                + "--key-id ALIAS --query KeyMetadata.Arn)"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badExisting")
    void badExistingSecretsAreReportedUnderTheirField(String description, String secret, String key,
                                                      List<Problem> expected) {
        var existing = RegistryCredentials.existing(secret);
        assertEquals(expected, problems(key == null ? existing : existing.kmsKeyArn(key)));
    }

    /** The same secret and key with either or both as values of other resources, which are checked in the apply. */
    @ParameterizedTest(name = "{0}, secret as Output {3}, key as Output {4}")
    @MethodSource("badExistingAsOutputs")
    void badExistingSecretsOfOtherResourcesFailWithThePlainProblem(String description, String secret, String key,
                                                                   boolean secretOutput, boolean keyOutput,
                                                                   List<Problem> expected) {
        var run = OfflineRun.of(ctx -> {
            var existing = secretOutput ? RegistryCredentials.existing(Output.of(secret))
                    : RegistryCredentials.existing(secret);
            if (key != null) {
                existing = keyOutput ? existing.kmsKeyArn(Output.of(key)) : existing.kmsKeyArn(key);
            }
            var problems = Problems.of("LoadBalancedFargateService", "app");
            var checked = existing.validate(problems.at("registryCredentials"), ENV);
            // Like a component: what is known now fails now, the rest in the apply.
            problems.throwIfAny();
            ctx.export("secret", checked.secret());
            if (checked.kmsKeyArn() != null) {
                ctx.export("key", checked.kmsKeyArn());
            }
        }, new OfflineMocks());
        assertEquals(expected, ComponentHarness.argsException(run).problems());
    }

    static Stream<Arguments> badExistingAsOutputs() {
        return badExisting().flatMap(a -> {
            Object[] p = a.get();
            return p[2] == null
                    ? Stream.of(Arguments.of(p[0], p[1], p[2], true, false, p[3]))
                    : Stream.of(Arguments.of(p[0], p[1], p[2], true, false, p[3]),
                    Arguments.of(p[0], p[1], p[2], false, true, p[3]),
                    Arguments.of(p[0], p[1], p[2], true, true, p[3]));
        });
    }

    @Test
    void checkedValuesAreTheGivenOnes() {
        var checked = RegistryCredentials.existing(WEST_SECRET).kmsKeyArn(WEST_KEY)
                .validate(Problems.of("X", "x"), ENV);
        assertEquals(WEST_SECRET, OfflineRun.value(checked.secret()));
        assertEquals(WEST_KEY, OfflineRun.value(checked.kmsKeyArn()));
        assertNull(RegistryCredentials.existing(SECRET).validate(Problems.of("X", "x"), ENV).kmsKeyArn());
    }

    @Test
    void goodOutputsPassTheirChecks() {
        var run = OfflineRun.of(ctx -> {
            var checked = RegistryCredentials.existing(Output.of(WEST_SECRET)).kmsKeyArn(Output.of(WEST_KEY))
                    .validate(Problems.of("X", "x"), ENV);
            ctx.export("secret", checked.secret());
            ctx.export("key", checked.kmsKeyArn());
        }, new OfflineMocks()).ok();
        assertEquals(WEST_SECRET, run.output("secret"));
        assertEquals(WEST_KEY, run.output("key"));
    }
}
