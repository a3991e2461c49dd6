package io.github.fargateprivate.testing;

import com.pulumi.Context;
import com.pulumi.aws.acm.Certificate;
import com.pulumi.aws.acm.CertificateArgs;
import com.pulumi.aws.acm.CertificateValidation;
import com.pulumi.aws.acm.CertificateValidationArgs;
import com.pulumi.aws.ec2.Vpc;
import com.pulumi.aws.ec2.VpcArgs;
import com.pulumi.aws.ecr.Repository;
import com.pulumi.aws.ssm.Parameter;
import com.pulumi.aws.ssm.ParameterArgs;
import com.pulumi.deployment.internal.DeploymentImpl;
import com.pulumi.deployment.internal.DeploymentInternal;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.CustomResourceOptions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a run keeps of the engine's requests and log, which the mocks do not see. */
class OfflineRunTest {

    // Secrets

    /** A parameter whose value is a secret of the stack's config, and whose description is not. */
    private static void secretParameter(Context ctx) {
        new Parameter("db", ParameterArgs.builder().name("/app/db").type("SecureString")
                .value(ctx.config().requireSecret("dbPassword")).description("the database password")
                .build());
    }

    private static OfflineRun withPassword(OfflineMocks mocks) {
        return OfflineRun.of(OfflineRunTest::secretParameter, "test-project", "test", Map.of("dbPassword", "hunter2"),
                Set.of("dbPassword"), mocks).ok();
    }

    @Test
    void anInputBuiltFromRequireSecretReachesTheEngineAsASecret() {
        var run = withPassword(new OfflineMocks());
        assertTrue(run.inputIsSecret("db", "value"));
        assertFalse(run.inputIsSecret("db", "description"));
        assertFalse(run.inputIsSecret("db", "name"));
        assertEquals(Set.of("value"), run.registered("db").secretInputs());
        assertEquals("hunter2", run.inputs("db").get("value"), "the mocks see it unwrapped");
    }

    @Test
    void aSecretInputIsSecretInAPreviewToo() {
        var run = withPassword(new OfflineMocks().unknownOutputs());
        assertTrue(run.inputIsSecret("db", "value"));
        assertFalse(run.inputIsSecret("db", "description"));
    }

    // Dependencies

    /** A certificate's validated ARN, as a consumer passes it on: the resource must wait for the validation. */
    private static void validatedCertificate(Context ctx) {
        var certificate = new Certificate("cert", CertificateArgs.builder().domainName("api.example.com")
                .validationMethod("DNS").build());
        var validation = new CertificateValidation("cert-validation", CertificateValidationArgs.builder()
                .certificateArn(certificate.arn()).build());
        new Parameter("cert-arn", ParameterArgs.builder().type("String").value(validation.certificateArn())
                .description("the validated certificate").build());
    }

    @Test
    void anInputWaitsForTheValidationWhoseCertificateArnItIsInAnUpdate() {
        var run = OfflineRun.of(OfflineRunTest::validatedCertificate, new OfflineMocks()).ok();
        assertEquals(Set.of("cert-validation"), run.inputDependencies("cert-arn", "value"));
        assertEquals(Set.of(), run.inputDependencies("cert-arn", "description"));
        assertEquals(Set.of("cert"), run.inputDependencies("cert-validation", "certificateArn"));
        assertEquals(Set.of("cert-validation"), run.registered("cert-arn").dependencies());
    }

    @Test
    void anInputWaitsForTheValidationWhoseCertificateArnItIsInAPreview() {
        var run = OfflineRun.of(OfflineRunTest::validatedCertificate, new OfflineMocks().unknownOutputs()).ok();
        assertEquals(Set.of("cert-validation"), run.inputDependencies("cert-arn", "value"));
        assertFalse(run.inputs("cert-arn").containsKey("value"), "unknown in a preview");
        assertEquals(Set.of("cert"), run.inputDependencies("cert-validation", "certificateArn"));
    }

    @Test
    void dependsOnIsADependencyOfTheResourceButOfNoInput() {
        var run = OfflineRun.of(ctx -> {
            var vpc = new Vpc("net", VpcArgs.builder().cidrBlock("10.0.0.0/16").build());
            new Repository("repo", null, CustomResourceOptions.builder().dependsOn(vpc).build());
        }, new OfflineMocks()).ok();
        assertEquals(Set.of("net"), run.registered("repo").dependencies());
        assertEquals(Map.of(), run.registered("repo").inputDependencies());
    }

    @Test
    void oneNameForTwoTypesIsAskedForWithItsType() {
        var run = OfflineRun.of(ctx -> {
            var component = new ComponentResource("acme:index:Orders", "orders");
            new Repository("orders", null, CustomResourceOptions.builder().parent(component).build());
        }, new OfflineMocks()).ok();
        assertEquals(Set.of("orders"), run.names());
        var e = assertThrows(IllegalStateException.class, () -> run.inputIsSecret("orders", "name"));
        assertEquals("2 resources are named orders, of types acme:index:Orders, aws:ecr/repository:Repository; ask "
                + "for one with registered(type, name)", e.getMessage());
        assertTrue(run.registered("aws:ecr/repository:Repository", "orders").parentUrn()
                .endsWith("acme:index:Orders::orders"));
    }

    // Warnings and information

    @Test
    void warningsAndInformationOfTheDeploymentsLogAreKeptInOrderAndNothingElse() {
        var run = OfflineRun.of(ctx -> {
            var vpc = new Vpc("net", VpcArgs.builder().cidrBlock("10.0.0.0/16").build());
            ctx.log().info("starting");
            ctx.log().debug("details");
            ((DeploymentImpl) DeploymentInternal.getInstance()).getLog()
                    .warn("net: 48 of 50 security group rules used", vpc);
            ctx.log().warn("anonymous Docker Hub pulls are rate limited");
            ((DeploymentImpl) DeploymentInternal.getInstance()).getLog().info("net: resolved", vpc);
        }, new OfflineMocks()).ok();
        assertEquals(List.of("net: 48 of 50 security group rules used", "anonymous Docker Hub pulls are rate limited"),
                run.warnings());
        assertEquals(List.of("starting", "net: resolved"), run.infos());
    }

    @Test
    void eachRunHasItsOwnWarnings() {
        var warned = OfflineRun.of(ctx -> ctx.log().warn("once"), new OfflineMocks()).ok();
        var quiet = OfflineRun.of(ctx -> ctx.log().info("nothing to warn about"), new OfflineMocks()).ok();
        assertEquals(List.of("once"), warned.warnings());
        assertEquals(List.of(), quiet.warnings());
        assertEquals(List.of(), warned.infos());
        assertEquals(List.of("nothing to warn about"), quiet.infos());
    }
}
