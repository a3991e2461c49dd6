package io.github.fargateprivate.secretsmanager;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.core.Output;
import com.pulumi.test.internal.PulumiTestInternal;
import io.github.fargateprivate.Harness;
import io.github.fargateprivate.plan.OfflineMocks;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegistryCredentialsSecretTest {

    private static Harness.Run create(String kmsKeyArn) {
        return Harness.program(ctx -> new RegistryCredentialsSecret("creds", RegistryCredentialsSecretArgs.builder()
                .username("octocat")
                .password(Output.of("ghp_s3cr\"et"))
                .kmsKeyArn(kmsKeyArn)
                .build())).ok();
    }

    @Test
    void storesExactlyUsernameAndPasswordAsJson() {
        var run = create(null);
        JsonObject json = JsonParser.parseString(
                (String) run.mocks().named("creds-version").inputs().get("secretString")).getAsJsonObject();
        assertEquals(2, json.size());
        assertEquals("octocat", json.get("username").getAsString());
        // The quote in the token survives: the JSON is built by a library, not by concatenation.
        assertEquals("ghp_s3cr\"et", json.get("password").getAsString());
    }

    @Test
    void childrenAreNamedFromTheComponentAndVersionPointsAtTheSecret() {
        var run = create(null);
        assertEquals(List.of("creds", "creds-secret", "creds-version"),
                run.mocks().registrations().stream().map(OfflineMocks.Registration::name).toList());
        assertEquals(RegistryCredentialsSecret.TYPE, run.mocks().named("creds").type());
        assertEquals("creds-secret-id", run.mocks().named("creds-version").inputs().get("secretId"));
        assertTrue(run.result().resources().stream()
                .filter(r -> r.pulumiResourceName().startsWith("creds-"))
                .allMatch(r -> Harness.value(r.urn()).contains(RegistryCredentialsSecret.TYPE + "$")),
                "children are parented to the component");
    }

    @Test
    void usesTheCustomerKeyOnlyWhenGiven() {
        String key = "arn:aws:kms:eu-central-1:123456789012:key/11111111-2222-3333-4444-555555555555";
        assertEquals(key, create(key).mocks().named("creds-secret").inputs().get("kmsKeyId"));
        assertFalse(create(null).mocks().named("creds-secret").inputs().containsKey("kmsKeyId"));
    }

    @Test
    void passwordIsAlwaysSecretEvenWhenGivenPlain() {
        var args = RegistryCredentialsSecretArgs.builder().username("u").password(Output.of("plain")).build();
        assertTrue(PulumiTestInternal.extractOutputData(args.password()).isSecret());
    }

    @Test
    void componentInputsDoNotHoldThePassword() {
        var run = create(null);
        assertTrue(run.mocks().named("creds").inputs().isEmpty());
    }

    @Test
    void usernameAndPasswordAreRequired() {
        var e = assertThrows(NullPointerException.class,
                () -> RegistryCredentialsSecretArgs.builder().username("u").build());
        assertTrue(e.getMessage().contains("RegistryCredentialsSecretArgs.password"));
    }

    @Test
    void arnIsHandedOutOnlyOnceTheValueExists() {
        var created = Harness.create(() -> new RegistryCredentialsSecret("creds", RegistryCredentialsSecretArgs.builder()
                .username("u").password(Output.of("p")).build()), new OfflineMocks());
        created.run().ok();
        assertTrue(Harness.dependencies(created.component().arn()).contains("creds-version"));
    }
}
