package io.github.fargateprivate.secretsmanager;

import com.google.gson.JsonParser;
import com.pulumi.core.Output;
import com.pulumi.test.internal.PulumiTestInternal;
import io.github.fargateprivate.ComponentHarness;
import io.github.fargateprivate.ComponentHarness.Created;
import io.github.fargateprivate.EngineRequests;
import io.github.fargateprivate.Problem;
import io.github.fargateprivate.Value;
import io.github.fargateprivate.testing.OfflineMocks;
import io.github.fargateprivate.testing.OfflineRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegistryCredentialsSecretTest {

    /** A token with characters JSON must escape. */
    private static final String PASSWORD = "ghp_s3cr\"et\\tok€n";
    private static final String KEY = "arn:aws:kms:eu-central-1:123456789012:key/11111111-2222-3333-4444-555555555555";
    private static final String WEST_KEY = "arn:aws:kms:us-west-2:123456789012:key/11111111-2222-3333-4444-555555555555";
    private static final String EAST_KEY = "arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555";
    private static final String SECRET_ARN =
            "arn:aws:secretsmanager:eu-central-1:123456789012:secret:creds-secret-1a2b3c4-AbCdEf";

    /** Creates a secret named {@code creds} of user {@code octocat} and {@link #PASSWORD}, then {@code configure}. */
    private static Created<RegistryCredentialsSecret> secret(Consumer<RegistryCredentialsSecretArgs.Builder> configure) {
        return ComponentHarness.create(options -> new RegistryCredentialsSecret("creds", args(configure), options));
    }

    private static RegistryCredentialsSecretArgs args(Consumer<RegistryCredentialsSecretArgs.Builder> configure) {
        var b = RegistryCredentialsSecretArgs.builder().username("octocat").password(Output.of(PASSWORD));
        configure.accept(b);
        return b.build();
    }

    @Test
    void storesExactlyUsernameAndPasswordAsJson() {
        var secret = secret(a -> { }).ok();
        String json = (String) secret.inputs("creds-version").get("secretString");
        assertEquals("{\"username\":\"octocat\",\"password\":\"ghp_s3cr\\\"et\\\\tok€n\"}", json);
        var parsed = JsonParser.parseString(json).getAsJsonObject();
        assertEquals(Set.of("username", "password"), parsed.keySet());
        assertEquals(PASSWORD, parsed.get("password").getAsString());
    }

    @Test
    void theVersionBelongsToTheSecret() {
        var secret = secret(a -> { }).ok();
        assertEquals(SECRET_ARN, secret.inputs("creds-version").get("secretId"));
        assertEquals(RegistryCredentialsSecretArgs.DEFAULT_DESCRIPTION, secret.inputs("creds-secret").get("description"));
        assertEquals(SECRET_ARN, secret.value(RegistryCredentialsSecret::arn));
        assertEquals("v-creds-version", secret.value(RegistryCredentialsSecret::versionId));
    }

    @Test
    void thePasswordIsInNoInputButTheVersionsValue() {
        var secret = secret(a -> a.tags(Map.of("team", "platform")).kmsKeyArn(KEY)).ok();
        assertEquals(Map.of(), secret.inputs("creds"), "a component's inputs are stored in the state");
        for (var r : secret.run().mocks().registrations()) {
            r.inputs().forEach((key, value) -> {
                if (!(r.name().equals("creds-version") && key.equals("secretString"))) {
                    assertFalse(String.valueOf(value).contains("s3cr"), r.name() + "." + key + " holds the password");
                }
            });
        }
        assertFalse(secret.value(RegistryCredentialsSecret::arn).contains("s3cr"));
        assertFalse(secret.value(RegistryCredentialsSecret::versionId).contains("s3cr"));
    }

    @Test
    void thePasswordIsSecretEvenWhenGivenAsAPlainOutput() {
        var args = args(a -> { });
        assertTrue(PulumiTestInternal.extractOutputData(args.password().orElseThrow().output()).isSecret());
        assertEquals(PASSWORD, OfflineRun.value(args.password().orElseThrow().output()));
    }

    @Test
    void neitherThePasswordNorTheUserNameIsInToString() {
        var args = RegistryCredentialsSecretArgs.builder().username("octocat-reader")
                .password(Output.of(PASSWORD)).kmsKeyArn(KEY).build();
        assertFalse(args.toString().contains(PASSWORD), args.toString());
        assertFalse(args.toString().contains("s3cr"), args.toString());
        assertFalse(args.toString().contains("octocat-reader"), args.toString());
        var plain = RegistryCredentialsSecretArgs.builder().password(Value.of("hunter2-plain")).build();
        assertFalse(plain.toString().contains("hunter2-plain"), plain.toString());
        assertTrue(args.toString().contains(KEY), "the key is no secret: " + args);
    }

    /**
     * The mocks see secret inputs unwrapped; the registration requests show what the engine would store: the value
     * marked secret, and the password in no other property of any resource.
     */
    @Test
    void theVersionsValueIsSentToTheEngineAsASecret() {
        var requests = EngineRequests.of(ctx -> new RegistryCredentialsSecret("creds", args(a -> { })));
        var value = EngineRequests.secretValue(requests.get("creds-version"), "secretString");
        assertTrue(value.orElseThrow().contains("\"username\":\"octocat\""), "sent as a secret");
        assertEquals(Set.of("p-s", "creds", "creds-secret", "creds-version"), requests.keySet(), "the stack too");
        assertEquals(Set.of("creds-version.secretString"), EngineRequests.inputsHolding(requests, "s3cr"));
    }

    @Test
    void theArnResolvesOnlyOnceTheValueExists() {
        var secret = secret(a -> { }).ok();
        ComponentHarness.assertWaitsFor(secret.component().arn(), "creds-secret", "creds-version");
    }

    @Test
    void aCustomerKeyReachesKmsKeyIdOnlyWhenGiven() {
        assertEquals(KEY, secret(a -> a.kmsKeyArn(KEY)).ok().inputs("creds-secret").get("kmsKeyId"));
        assertFalse(secret(a -> { }).ok().inputs("creds-secret").containsKey("kmsKeyId"));
    }

    @Test
    void aKeyOfAnotherResourceReachesKmsKeyId() {
        assertEquals(KEY, secret(a -> a.kmsKeyArn(Output.of(KEY))).ok().inputs("creds-secret").get("kmsKeyId"));
    }

    @Test
    void tagsAndDescriptionGoOnTheSecret() {
        var inputs = secret(a -> a.tags(Map.of("team", "platform")).description("GHCR pull token")).ok()
                .inputs("creds-secret");
        assertEquals(Map.of("team", "platform"), inputs.get("tags"));
        assertEquals("GHCR pull token", inputs.get("description"));
        assertFalse(secret(a -> { }).ok().inputs("creds-secret").containsKey("tags"));
    }

    @Test
    void childrenAreNamedFromTheComponentAndParentedToIt() {
        var secret = secret(a -> { }).ok();
        assertEquals(RegistryCredentialsSecret.TYPE, secret.run().mocks().named("creds").type());
        ComponentHarness.assertChildren(secret, Set.of("creds-secret", "creds-version"));
    }

    static Stream<Arguments> badArgs() {
        return Stream.of(
                Arguments.of("no user name", RegistryCredentialsSecretArgs.builder().password(Output.of("p")),
                        List.of(new Problem("username", "required: the registry user name"))),
                Arguments.of("blank user name", RegistryCredentialsSecretArgs.builder().username(" ")
                        .password(Output.of("p")), List.of(new Problem("username",
                        "is empty; give the registry user name"))),
                Arguments.of("no password", RegistryCredentialsSecretArgs.builder().username("u"),
                        List.of(new Problem("password", "required: the registry password or token, as a Pulumi secret"))),
                Arguments.of("alias instead of key", RegistryCredentialsSecretArgs.builder().username("u")
                        .password(Output.of("p")).kmsKeyArn("arn:aws:kms:eu-central-1:123456789012:alias/registry"),
                        List.of(new Problem("kmsKeyArn", "'arn:aws:kms:eu-central-1:123456789012:alias/registry' is an "
                                + "alias ARN; use the key ARN it points to (aws kms describe-key --key-id ALIAS "
                                + "--query KeyMetadata.Arn)"))),
                Arguments.of("key of another region", RegistryCredentialsSecretArgs.builder().username("u")
                        .password(Output.of("p")).kmsKeyArn(EAST_KEY), List.of(new Problem("kmsKeyArn",
                        "the key is in us-east-1, but the credentials secret is in eu-central-1; Secrets Manager "
                                + "uses a key of the secret's own region: give a key of eu-central-1 (for an existing secret, the one that "
                        + "encrypts it: aws secretsmanager describe-secret --region eu-central-1 --secret-id SECRET --query "
                        + "KmsKeyId)"))),
                Arguments.of("everything missing", RegistryCredentialsSecretArgs.builder(), List.of(
                        new Problem("username", "required: the registry user name"),
                        new Problem("password", "required: the registry password or token, as a Pulumi secret"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badArgs")
    void badArgsRegisterNothing(String description, RegistryCredentialsSecretArgs.Builder args, List<Problem> expected) {
        var run = ComponentHarness.create(options -> new RegistryCredentialsSecret("creds", args.build(), options)).run();
        assertEquals(expected, ComponentHarness.refusedBeforeAnyChild(run));
    }

    @Test
    void aKeyOfAnotherResourceIsCheckedInItsApplyWithThePlainMessage() {
        var run = secret(a -> a.kmsKeyArn(Output.of(EAST_KEY))).run();
        assertEquals(List.of(new Problem("kmsKeyArn", "the key is in us-east-1, but the credentials secret is in "
                + "eu-central-1; Secrets Manager uses a key of the secret's own region: give a key of eu-central-1 (for an existing secret, the one that "
                        + "encrypts it: aws secretsmanager describe-secret --region eu-central-1 --secret-id SECRET --query "
                        + "KmsKeyId)")),
                ComponentHarness.argsException(run).problems());
    }

    @Test
    void aUserNameOfAnotherResourceIsCheckedInItsApply() {
        var run = ComponentHarness.create(options -> new RegistryCredentialsSecret("creds",
                RegistryCredentialsSecretArgs.builder().username(Output.of("")).password(Output.of("p")).build(),
                options)).run();
        assertEquals(List.of(new Problem("username", "is empty; give the registry user name")),
                ComponentHarness.argsException(run).problems());
    }

    @Test
    void withAnExplicitProviderEverythingGoesThroughItAndTheKeyMustBeOfItsRegion() {
        var secret = ComponentHarness.createWithProvider(options -> new RegistryCredentialsSecret("creds",
                args(a -> a.kmsKeyArn(WEST_KEY)), options)).ok();
        ComponentHarness.assertEverythingThroughProvider(secret.run());
        assertEquals(ComponentHarness.ENVIRONMENT_INVOKES, ComponentHarness.sortedInvokes(secret.run()));
        assertEquals(WEST_KEY, secret.inputs("creds-secret").get("kmsKeyId"));
        assertEquals(SECRET_ARN.replace("eu-central-1", "us-west-2"), secret.value(RegistryCredentialsSecret::arn));

        var run = ComponentHarness.createWithProvider(options -> new RegistryCredentialsSecret("creds",
                args(a -> a.kmsKeyArn(KEY)), options)).run();
        assertEquals(List.of(new Problem("kmsKeyArn", "the key is in eu-central-1, but the credentials secret is in "
                + "us-west-2; Secrets Manager uses a key of the secret's own region: give a key of us-west-2 (for an existing secret, the one that "
                        + "encrypts it: aws secretsmanager describe-secret --region us-west-2 --secret-id SECRET --query "
                        + "KmsKeyId)")),
                ComponentHarness.refusedBeforeAnyChild(run));
    }

    @Test
    void aPreviewWithUnknownOutputsSucceeds() {
        var secret = ComponentHarness.create(options -> new RegistryCredentialsSecret("creds", args(a -> { }), options),
                new OfflineMocks().unknownOutputs(), false).ok();
        assertFalse(OfflineRun.isKnown(secret.component().arn()));
    }

    @Test
    void argsAreImmutableOnceBuilt() {
        var builder = RegistryCredentialsSecretArgs.builder().username("u").password(Output.of("p"));
        var tags = new java.util.HashMap<>(Map.of("team", "a"));
        builder.tags(tags);
        var args = builder.build();
        tags.put("other", "b");
        assertEquals(Map.of("team", "a"), args.tags());
        builder.username("v");
        assertEquals(Optional.of("u"), args.username().orElseThrow().plain());
        assertEquals(Optional.of("v"), builder.build().username().orElseThrow().plain());
    }
}
