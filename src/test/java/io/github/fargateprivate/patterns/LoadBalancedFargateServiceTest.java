package io.github.fargateprivate.patterns;

import com.google.gson.JsonObject;
import com.pulumi.core.Output;
import io.github.fargateprivate.Harness;
import io.github.fargateprivate.plan.OfflineMocks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static io.github.fargateprivate.Harness.onlyBlock;
import static io.github.fargateprivate.Harness.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoadBalancedFargateServiceTest {

    private static final String GHCR_IMAGE = "ghcr.io/acme/app:1.2.3";
    private static final String ECR_IMAGE = "123456789012.dkr.ecr.eu-central-1.amazonaws.com/app:1";
    private static final String EXISTING =
            "arn:aws:secretsmanager:eu-central-1:123456789012:secret:registry-AbCdEf";
    private static final String DB_SECRET = "arn:aws:secretsmanager:eu-central-1:123456789012:secret:db-123456";
    private static final String PARAMETER = "arn:aws:ssm:eu-central-1:123456789012:parameter/prod/db-url";
    private static final String KEY = "arn:aws:kms:eu-central-1:123456789012:key/11111111-2222-3333-4444-555555555555";
    private static final String SECRET_TYPE = "aws:secretsmanager/secret:Secret";
    private static final String INLINE_POLICY_TYPE = "aws:iam/rolePolicy:RolePolicy";
    private static final String INLINE_POLICY = "svc-execution-exec-policy";

    /** A run and the composite it created. */
    private record Composite(Harness.Run run, LoadBalancedFargateService component) {
        /** @return the one container definition */
        JsonObject container() {
            var definitions = run.json("svc-fargate-task", "containerDefinitions").getAsJsonArray();
            assertEquals(1, definitions.size());
            return definitions.get(0).getAsJsonObject();
        }

        /** @return the resources of the inline policy's statement with that Sid, or empty without one */
        Optional<List<String>> policyResources(String sid) {
            return run.statements(INLINE_POLICY, "policy").stream()
                    .filter(s -> s.get("Sid").getAsString().equals(sid))
                    .map(s -> strings(s.get("Resource")))
                    .findFirst();
        }

        Optional<String> credentialsParameter() {
            return Optional.ofNullable(container().getAsJsonObject("repositoryCredentials"))
                    .map(r -> r.get("credentialsParameter").getAsString());
        }

        String executionRoleArn() {
            return Harness.value(component.executionRole().arn());
        }

        @SuppressWarnings("unchecked")
        Map<String, String> triggers() {
            return (Map<String, String>) run.inputs("svc-fargate-service").get("triggers");
        }
    }

    /** Creates a composite named {@code svc} in the mocks' default network, as {@code configure} sets it up. */
    private static Composite composite(String image, Consumer<LoadBalancedFargateServiceArgs.Builder> configure) {
        var created = Harness.create(() -> {
            var args = LoadBalancedFargateServiceArgs.builder()
                    .image(image)
                    .network(Output.of(OfflineMocks.DEFAULT_VPC), Output.of(OfflineMocks.DEFAULT_SUBNETS),
                            Output.of(OfflineMocks.DEFAULT_SUBNETS), null);
            configure.accept(args);
            return new LoadBalancedFargateService("svc", args.build());
        }, new OfflineMocks());
        return new Composite(created.run().ok(), created.component());
    }

    private static Consumer<LoadBalancedFargateServiceArgs.Builder> withCredentials() {
        return a -> a.registryCredentials(Output.of("octocat"), Output.of("ghp_token"));
    }

    @Test
    void createdSecretIsTheContainersCredentialsAndTheRolesOnlyReadableSecret() {
        var c = composite(GHCR_IMAGE, withCredentials());
        assertEquals(1, c.run().mocks().ofType(SECRET_TYPE).size());
        String secretArn = Harness.value(c.component().credentialsSecret().orElseThrow().arn());
        assertEquals("arn:aws:secretsmanager:eu-central-1:123456789012:secret:svc-credentials-secret-1a2b3c4-AbCdEf",
                secretArn);
        assertEquals(Optional.of(secretArn), c.credentialsParameter());
        assertEquals(Optional.of(List.of(secretArn)), c.policyResources("ReadSecrets"));
        assertEquals(Optional.empty(), c.policyResources("ReadParameters"));
        assertEquals(secretArn, Harness.value(c.component().credentialsSecretArn().orElseThrow()));
    }

    @Test
    void taskDefinitionUsesTheCreatedExecutionRole() {
        var c = composite(GHCR_IMAGE, withCredentials());
        assertEquals("arn:aws:iam::123456789012:role/svc-execution-exec-role-1a2b3c4", c.executionRoleArn());
        assertEquals(c.executionRoleArn(), c.run().inputs("svc-fargate-task").get("executionRoleArn"));
    }

    @Test
    void theKeyEncryptsTheCreatedSecretAndTheRoleMayDecryptWithIt() {
        var c = composite(GHCR_IMAGE, withCredentials().andThen(a -> a.kmsKeyArn(KEY)));
        assertEquals(KEY, c.run().inputs("svc-credentials-secret").get("kmsKeyId"));
        assertEquals(Optional.of(List.of(KEY)), c.policyResources("DecryptSecrets"));
    }

    @Test
    void existingSecretIsUsedAsIsAndNoSecretIsCreated() {
        var c = composite(GHCR_IMAGE, a -> a.existingCredentialsSecret(EXISTING));
        assertEquals(List.of(), c.run().mocks().ofType(SECRET_TYPE));
        assertTrue(c.component().credentialsSecret().isEmpty());
        assertEquals(Optional.of(EXISTING), c.credentialsParameter());
        assertEquals(Optional.of(List.of(EXISTING)), c.policyResources("ReadSecrets"));
        assertEquals(c.executionRoleArn(), c.run().inputs("svc-fargate-task").get("executionRoleArn"));
    }

    @Test
    void existingSecretByNameIsReadThroughItsArnPattern() {
        String pattern = "arn:aws:secretsmanager:eu-central-1:123456789012:secret:registry-??????";
        var c = composite(GHCR_IMAGE, a -> a.existingCredentialsSecret(Output.of("registry"), Output.of(pattern)));
        assertEquals(Optional.of("registry"), c.credentialsParameter());
        assertEquals(Optional.of(List.of(pattern)), c.policyResources("ReadSecrets"));
    }

    @Test
    void existingSecretWithoutPolicyResourceIsReadByItsOwnArn() {
        var c = composite(GHCR_IMAGE, a -> a.existingCredentialsSecret(Output.of(EXISTING), null));
        assertEquals(Optional.of(List.of(EXISTING)), c.policyResources("ReadSecrets"));
    }

    @Test
    void ecrImageNeedsNoSecretNoCredentialsAndNoInlinePolicy() {
        var c = composite(ECR_IMAGE, a -> { });
        assertEquals(List.of(), c.run().mocks().ofType(SECRET_TYPE));
        assertEquals(List.of(), c.run().mocks().ofType(INLINE_POLICY_TYPE));
        assertEquals(Optional.empty(), c.credentialsParameter());
        assertEquals(ECR_IMAGE, c.container().get("image").getAsString());
        assertEquals(Optional.empty(), c.component().credentialsSecretArn());
        assertEquals(c.executionRoleArn(), c.run().inputs("svc-fargate-task").get("executionRoleArn"));
    }

    @Test
    void appSecretsKeepTheirJsonKeyInTheContainerButNotInThePolicy() {
        var c = composite(ECR_IMAGE, a -> a.appSecrets(Map.of(
                "DB_PASSWORD", DB_SECRET + ":password::",
                "DB_URL", PARAMETER)));
        var secrets = c.container().getAsJsonArray("secrets").asList().stream()
                .map(e -> e.getAsJsonObject())
                .collect(Collectors.toMap(s -> s.get("name").getAsString(), s -> s.get("valueFrom").getAsString()));
        assertEquals(Map.of("DB_PASSWORD", DB_SECRET + ":password::", "DB_URL", PARAMETER), secrets);
        assertEquals(Optional.of(List.of(DB_SECRET)), c.policyResources("ReadSecrets"));
        assertEquals(Optional.of(List.of(PARAMETER)), c.policyResources("ReadParameters"));
    }

    @Test
    void policyListsAppSecretsInTheOrderOfTheirVariablesSoThatItIsTheSameOnEveryRun() {
        String prefix = "arn:aws:secretsmanager:eu-central-1:123456789012:secret:";
        String ssm = "arn:aws:ssm:eu-central-1:123456789012:parameter/";
        var c = composite(ECR_IMAGE, a -> a.appSecrets(Map.of(
                "A_KEY", prefix + "zeta-111111", "B_KEY", prefix + "alpha-222222:key::", "C_KEY", prefix + "mu-333333",
                "D_URL", ssm + "z", "E_URL", ssm + "a", "F_URL", ssm + "m")));
        assertEquals(Optional.of(List.of(prefix + "zeta-111111", prefix + "alpha-222222", prefix + "mu-333333")),
                c.policyResources("ReadSecrets"));
        assertEquals(Optional.of(List.of(ssm + "z", ssm + "a", ssm + "m")), c.policyResources("ReadParameters"));
    }

    @Test
    void appSecretsAndTheCreatedSecretShareOneStatement() {
        var c = composite(GHCR_IMAGE, withCredentials().andThen(a -> a.appSecrets(Map.of("DB_PASSWORD", DB_SECRET))));
        String secretArn = Harness.value(c.component().credentialsSecret().orElseThrow().arn());
        assertEquals(Optional.of(List.of(secretArn, DB_SECRET)), c.policyResources("ReadSecrets"));
    }

    @Test
    void secretVersionsInTheStacksRegionTriggerRedeployment() {
        var c = composite(ECR_IMAGE, a -> a.appSecrets(Map.of(
                "DB_PASSWORD", DB_SECRET + ":password::",
                "DB_URL", PARAMETER)));
        assertEquals(Map.of(
                        "secret-version-DB_PASSWORD", OfflineMocks.SECRET_VERSION,
                        "secret-version-DB_URL", String.valueOf(OfflineMocks.PARAMETER_VERSION)),
                c.triggers());
        assertTrue(c.run().mocks().invokes().contains("aws:secretsmanager/getSecretVersions:getSecretVersions"));
        assertTrue(c.run().mocks().invokes().contains("aws:ssm/getParameter:getParameter"));
    }

    @Test
    void secretsInAnotherRegionAreMarkedAndNotLookedUp() {
        String elsewhere = "arn:aws:secretsmanager:us-east-1:123456789012:secret:api-654321";
        var c = composite(ECR_IMAGE, a -> a.appSecrets(Map.of("API_KEY", elsewhere)));
        assertEquals(Map.of("secret-version-API_KEY", "other-region"), c.triggers());
        assertFalse(c.run().mocks().invokes().contains("aws:secretsmanager/getSecretVersions:getSecretVersions"));
        assertEquals(Optional.of(List.of(elsewhere)), c.policyResources("ReadSecrets"));
    }

    @Test
    void noTriggersWhenRotationShouldNotRedeployOrThereAreNoSecrets() {
        assertEquals(null, composite(ECR_IMAGE, a -> a.appSecrets(Map.of("DB_URL", PARAMETER))
                .redeployOnSecretRotation(false)).triggers());
        assertEquals(null, composite(ECR_IMAGE, a -> { }).triggers());
    }

    @Test
    void partsAreWiredTogether() {
        var c = composite(ECR_IMAGE, a -> a.containerPort(9000));
        String lbSecurityGroup = Harness.value(c.component().loadBalancer().securityGroupId());
        var ingress = onlyBlock(c.run().inputs("svc-fargate-task-sg"), "ingress");
        assertEquals(List.of(lbSecurityGroup), ingress.get("securityGroups"));
        assertEquals(9000.0, ingress.get("fromPort"));
        assertEquals(9000.0, c.run().inputs("svc-lb-tg").get("port"));
        var lb = onlyBlock(c.run().inputs("svc-fargate-service"), "loadBalancers");
        assertEquals(Harness.value(c.component().loadBalancer().targetGroupArn()), lb.get("targetGroupArn"));
        assertEquals(Harness.value(c.component().loadBalancer().url()), Harness.value(c.component().url()));
        assertEquals("http://svc-lb-alb-1a2b3c4-1234567890.eu-central-1.elb.amazonaws.com",
                Harness.value(c.component().url()));
    }

    @Test
    void childrenAreTheFourParts() {
        var c = composite(GHCR_IMAGE, withCredentials());
        var components = c.run().mocks().registrations().stream()
                .filter(r -> !r.type().startsWith("aws:"))
                .map(OfflineMocks.Registration::name).collect(Collectors.toSet());
        assertEquals(Set.of("svc", "svc-credentials", "svc-execution", "svc-lb", "svc-fargate"), components);
        // Every part, and every resource of a part, sits below the composite.
        c.run().assertParentedTo("svc-", LoadBalancedFargateService.TYPE);
    }

    @Test
    void credentialsCannotBeGivenTwiceOrHalf() {
        var both = assertThrows(IllegalArgumentException.class, () -> LoadBalancedFargateServiceArgs.builder()
                .image(GHCR_IMAGE)
                .network(Output.of("vpc"), Output.of(List.of()), Output.of(List.of()), null)
                .registryCredentials(Output.of("u"), Output.of("p"))
                .existingCredentialsSecret(EXISTING)
                .build());
        assertTrue(both.getMessage().contains("not both"), both.getMessage());
        var half = assertThrows(IllegalArgumentException.class, () -> LoadBalancedFargateServiceArgs.builder()
                .image(GHCR_IMAGE)
                .network(Output.of("vpc"), Output.of(List.of()), Output.of(List.of()), null)
                .registryCredentials(Output.of("u"), null)
                .build());
        assertTrue(half.getMessage().contains("LoadBalancedFargateServiceArgs.registryCredentials"),
                half.getMessage());
    }

    @Test
    void drainLongerThanTheStopTimeoutIsRefusedBeforeAnyChild() {
        var run = Harness.program(ctx -> new LoadBalancedFargateService("svc", LoadBalancedFargateServiceArgs.builder()
                .image(ECR_IMAGE)
                .network(Output.of(OfflineMocks.DEFAULT_VPC), Output.of(OfflineMocks.DEFAULT_SUBNETS),
                        Output.of(OfflineMocks.DEFAULT_SUBNETS), null)
                .timing(60, null, null)
                .build()));
        assertTrue(run.result().exitCode() != 0);
        assertTrue(run.errorText().contains("LoadBalancedFargateServiceArgs.deregistrationDelaySeconds: 60 is above "
                + "stopTimeoutSeconds 30"), run.errorText());
        assertEquals(List.of(), run.mocks().awsResources());
    }
}
