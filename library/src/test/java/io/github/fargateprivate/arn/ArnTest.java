package io.github.fargateprivate.arn;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArnTest {

    private static final String SECRET = "arn:aws:secretsmanager:eu-central-1:123456789012:secret:prod/db-AbC123";
    private static final String KEY = "arn:aws:kms:eu-central-1:123456789012:key/11111111-2222-3333-4444-555555555555";

    /** Asserts a problem was found and that its message contains the given text. */
    private static void assertProblem(Optional<String> problem, String expectedText) {
        assertTrue(problem.isPresent(), "expected a problem containing '" + expectedText + "'");
        assertTrue(problem.get().contains(expectedText), problem.get());
    }

    @Test
    void parseSplitsAllFiveParts() {
        assertEquals(new Arn("aws", "secretsmanager", "eu-central-1", "123456789012", "secret:prod/db-AbC123"),
                Arn.parse(SECRET).orElseThrow());
        assertEquals(SECRET, Arn.parse(SECRET).orElseThrow().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not-an-arn", "arn:aws:s3", "arn:other:s3:::bucket",
            "arn:aws:iam::12345:role/x"})
    void parseRejectsNonArns(String text) {
        assertTrue(Arn.parse(text).isEmpty());
    }

    @Test
    void parseRejectsNull() {
        assertTrue(Arn.parse(null).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void completeSecretArnIsFine(boolean allowJsonKey) {
        assertEquals(Optional.empty(), Arn.secretArnProblem(SECRET, allowJsonKey));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void partialSecretArnIsCalledPartial(boolean allowJsonKey) {
        assertProblem(Arn.secretArnProblem("arn:aws:secretsmanager:eu-central-1:123456789012:secret:db",
                allowJsonKey), "partial");
    }

    @Test
    void anotherServicesArnNamesThatService() {
        assertProblem(Arn.secretArnProblem("arn:aws:ssm:eu-central-1:123456789012:parameter/db", false),
                "is an ARN of ssm");
    }

    @Test
    void secretArnWithoutRegionOrAccountIsRefused() {
        assertProblem(Arn.secretArnProblem("arn:aws:secretsmanager:::secret:db-AbC123", false),
                "lacks its region or account");
    }

    @Test
    void textThatIsNoArnIsSaidToBeNone() {
        assertProblem(Arn.secretArnProblem("db-password", true), "is not an ARN");
    }

    @Test
    void jsonKeySuffixOnlyWhereAllowed() {
        String withKey = SECRET + ":password::";
        assertEquals(Optional.empty(), Arn.secretArnProblem(withKey, true));
        assertEquals(Optional.empty(), Arn.secretArnProblem(SECRET + ":password:AWSCURRENT:", true));
        assertProblem(Arn.secretArnProblem(withKey, false), "partial");
    }

    @Test
    void keyArnIsFine() {
        assertEquals(Optional.empty(), Arn.kmsKeyArnProblem(KEY));
        assertEquals(Optional.empty(), Arn.kmsKeyArnProblem(
                "arn:aws:kms:eu-central-1:123456789012:key/mrk-0123456789abcdef0123456789abcdef"));
    }

    @Test
    void aliasArnIsRefusedAsAlias() {
        assertProblem(Arn.kmsKeyArnProblem("arn:aws:kms:eu-central-1:123456789012:alias/aws/secretsmanager"),
                "alias");
    }

    @ParameterizedTest
    @ValueSource(strings = {"11111111-2222-3333-4444-555555555555",
            "arn:aws:kms:eu-central-1:123456789012:key/not-a-key",
            "arn:aws:s3:eu-central-1:123456789012:key/11111111-2222-3333-4444-555555555555",
            "arn:aws:kms::123456789012:key/11111111-2222-3333-4444-555555555555",
            "arn:aws:kms:eu-central-1::key/11111111-2222-3333-4444-555555555555"})
    void otherTextIsNoKeyArn(String text) {
        assertProblem(Arn.kmsKeyArnProblem(text), "is not a KMS key ARN");
    }

    @Test
    void parameterArnIsFine() {
        assertEquals(Optional.empty(),
                Arn.parameterArnProblem("arn:aws:ssm:eu-central-1:123456789012:parameter/prod/db_url.v1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"arn:aws:ssm:eu-central-1:123456789012:document/x",
            "arn:aws:ssm::123456789012:parameter/x", "arn:aws:ssm:eu-central-1::parameter/x",
            "arn:aws:secretsmanager:eu-central-1:123456789012:parameter/x", "/prod/db"})
    void otherTextIsNoParameterArn(String text) {
        assertProblem(Arn.parameterArnProblem(text), "is not an SSM parameter ARN");
    }

    @Test
    void certificateArnProblem() {
        assertEquals(Optional.empty(), Arn.certificateArnProblem(
                "arn:aws:acm:eu-central-1:123456789012:certificate/11111111-2222-3333-4444-555555555555"));
        assertProblem(Arn.certificateArnProblem(
                "arn:aws:iam::123456789012:server-certificate/x"), "is not an ACM certificate ARN");
        assertProblem(Arn.certificateArnProblem(
                "arn:aws:acm::123456789012:certificate/11111111-2222-3333-4444-555555555555"),
                "is not an ACM certificate ARN");
        assertProblem(Arn.certificateArnProblem(
                "arn:aws:acm:eu-central-1::certificate/11111111-2222-3333-4444-555555555555"),
                "is not an ACM certificate ARN");
    }

    @ParameterizedTest
    @CsvSource({
            SECRET + ", " + SECRET,
            SECRET + ":password::, " + SECRET,
            SECRET + ":password:AWSCURRENT:, " + SECRET,
            SECRET + "::AWSPREVIOUS:, " + SECRET,
            "arn:aws:ssm:eu-central-1:123456789012:parameter/x, arn:aws:ssm:eu-central-1:123456789012:parameter/x",
    })
    void secretWithoutJsonKey(String reference, String expected) {
        assertEquals(expected, Arn.secretWithoutJsonKey(reference));
    }
}
