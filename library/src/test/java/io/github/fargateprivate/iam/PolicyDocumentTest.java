package io.github.fargateprivate.iam;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolicyDocumentTest {

    private static final String SECRET = "arn:aws:secretsmanager:eu-central-1:123456789012:secret:db-AbCdEf";
    private static final String PARAMETER = "arn:aws:ssm:eu-central-1:123456789012:parameter/prod/db-url";

    @Test
    void anEmptyDocumentHasTheVersionAndNoStatement() {
        var doc = new PolicyDocument();
        assertTrue(doc.isEmpty());
        assertEquals("{\"Version\":\"2012-10-17\",\"Statement\":[]}", doc.toJson());
    }

    @Test
    void oneActionAndResourceAreStringsSeveralAreArrays() {
        var doc = new PolicyDocument()
                .allow("ReadSecrets", List.of("secretsmanager:GetSecretValue"), List.of(SECRET), Map.of())
                .allow("ReadParameters", List.of("ssm:GetParameters", "ssm:GetParameter"), List.of(PARAMETER,
                        PARAMETER + "2"), Map.of());
        assertFalse(doc.isEmpty());
        assertEquals("{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Sid\":\"ReadSecrets\",\"Effect\":\"Allow\",\"Action\":\"secretsmanager:GetSecretValue\","
                + "\"Resource\":\"" + SECRET + "\"},"
                + "{\"Sid\":\"ReadParameters\",\"Effect\":\"Allow\",\"Action\":[\"ssm:GetParameters\","
                + "\"ssm:GetParameter\"],\"Resource\":[\"" + PARAMETER + "\",\"" + PARAMETER + "2\"]}]}", doc.toJson());
    }

    @Test
    void aConditionIsWrittenAsGiven() {
        String json = new PolicyDocument().allow("Decrypt", List.of("kms:Decrypt"),
                List.of("arn:aws:kms:eu-central-1:123456789012:key/11111111-2222-3333-4444-555555555555"),
                Map.of("StringEquals", Map.of("kms:ViaService", "secretsmanager.eu-central-1.amazonaws.com"))).toJson();
        assertEquals(JsonParser.parseString("{\"StringEquals\":{\"kms:ViaService\":"
                        + "\"secretsmanager.eu-central-1.amazonaws.com\"}}"),
                JsonParser.parseString(json).getAsJsonObject().getAsJsonArray("Statement").get(0).getAsJsonObject()
                        .get("Condition"));
    }

    @Test
    void theSecretNameSuffixIsTheOneWildcardAllowed() {
        String pattern = "arn:aws:secretsmanager:eu-central-1:123456789012:secret:registry/ghcr-??????";
        assertTrue(new PolicyDocument().allow("ReadSecrets", List.of("secretsmanager:GetSecretValue"),
                List.of(pattern), Map.of()).toJson().contains(pattern));
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "arn:aws:secretsmanager:eu-central-1:123456789012:secret:*",
            "arn:aws:secretsmanager:eu-central-1:123456789012:secret:db*",
            "arn:aws:secretsmanager:eu-central-1:123456789012:secret:d?-AbCdEf",
            "arn:aws:secretsmanager:eu-central-1:123456789012:secret:*-??????",
            "arn:aws:ssm:eu-central-1:123456789012:parameter/*", "my-secret", "-??????"})
    void wildcardsAndNonArnsAreRefused(String resource) {
        var e = assertThrows(IllegalArgumentException.class, () -> new PolicyDocument()
                .allow("ReadSecrets", List.of("secretsmanager:GetSecretValue"), List.of(SECRET, resource), Map.of()));
        assertEquals("statement ReadSecrets must name exact resource ARNs (no * and no ? but a secret name's "
                + "-?????? suffix), got [" + SECRET + ", " + resource + "]", e.getMessage());
    }

    @Test
    void noResourceIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PolicyDocument()
                .allow("ReadSecrets", List.of("secretsmanager:GetSecretValue"), List.of(), Map.of()));
    }

    @Test
    void onlyActionsWithoutResourceLevelMayNameEveryResource() {
        String json = new PolicyDocument().allowOnAnyResource("Login", List.of("ecr:GetAuthorizationToken")).toJson();
        assertEquals("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Login\",\"Effect\":\"Allow\","
                + "\"Action\":\"ecr:GetAuthorizationToken\",\"Resource\":\"*\"}]}", json);
        var e = assertThrows(IllegalArgumentException.class, () -> new PolicyDocument()
                .allowOnAnyResource("Pull", List.of("ecr:GetAuthorizationToken", "ecr:BatchGetImage")));
        assertTrue(e.getMessage().startsWith("statement Pull: only "), e.getMessage());
        assertTrue(e.getMessage().endsWith(" may name Resource *, got [ecr:GetAuthorizationToken, ecr:BatchGetImage]"),
                e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "*|Resource * grants the action on every resource of the account; name the ARNs",
            "arn:aws:s3:::*|'arn:aws:s3:::*' names every resource of s3; name the resources",
            "arn:aws:dynamodb:eu-central-1:123456789012:*|'arn:aws:dynamodb:eu-central-1:123456789012:*' names every "
                    + "resource of dynamodb; name the resources",
            "arn:aws:s3:::/*|'arn:aws:s3:::/*' names every resource of s3; name the resources",
            "arn:aws:s3:*:123456789012:x|'arn:aws:s3:*:123456789012:x' is not an ARN "
                    + "(arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE)",
            "reports/*|'reports/*' is not an ARN (arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE)"})
    void scopedResourcesMustNameMoreThanAWildcard(String resource, String problem) {
        assertEquals(Optional.of(problem), PolicyDocument.scopedResourceProblem(resource));
        var e = assertThrows(IllegalArgumentException.class,
                () -> new PolicyDocument().allowScoped("App", List.of("s3:GetObject"), List.of(resource)));
        assertEquals("statement App: " + problem, e.getMessage());
    }

    @Test
    void aNullResourceIsRefused() {
        assertEquals(Optional.of("Resource * grants the action on every resource of the account; name the ARNs"),
                PolicyDocument.scopedResourceProblem(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"arn:aws:s3:::reports/*", "arn:aws:s3:::reports",
            "arn:aws:dynamodb:eu-central-1:123456789012:table/orders", "arn:aws:sqs:eu-central-1:123456789012:jobs"})
    void scopedResourcesWithANamedPartPass(String resource) {
        assertEquals(Optional.empty(), PolicyDocument.scopedResourceProblem(resource));
        assertTrue(new PolicyDocument().allowScoped("App", List.of("s3:GetObject"), List.of(resource)).toJson()
                .contains("\"Resource\":\"" + resource + "\""));
    }

    @Test
    void aTrustPolicyLetsOneServiceAssumeTheRole() {
        assertEquals("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
                        + "{\"Service\":\"ecs-tasks.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}",
                PolicyDocument.assumeRoleBy("ecs-tasks.amazonaws.com"));
        assertEquals("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
                        + "{\"Service\":\"ecs-tasks.amazonaws.com\"},\"Action\":\"sts:AssumeRole\","
                        + "\"Condition\":{\"StringEquals\":{\"aws:SourceAccount\":\"123456789012\"}}}]}",
                PolicyDocument.assumeRoleBy("ecs-tasks.amazonaws.com",
                        Map.of("StringEquals", Map.of("aws:SourceAccount", "123456789012"))));
    }
}
