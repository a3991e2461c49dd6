package io.github.fargateprivate.stack;

import com.google.gson.JsonObject;
import io.github.fargateprivate.testing.OfflineMocks;
import io.github.fargateprivate.testing.OfflineRun;
import io.github.fargateprivate.plan.StackFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.github.fargateprivate.testing.OfflineRun.block;
import static io.github.fargateprivate.testing.OfflineRun.blocks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The production hardening, read from the real Pulumi.prod.yaml and checked on what the stack registers. */
class ProductionStackTest {

    private static final String CERTIFICATE =
            "arn:aws:acm:eu-central-1:123456789012:certificate/11111111-2222-3333-4444-555555555555";
    private static final String DB_SECRET = "arn:aws:secretsmanager:eu-central-1:123456789012:secret:prod/db-AbCdEf";
    private static final String API_KEY = "arn:aws:ssm:eu-central-1:123456789012:parameter/prod/api-key";

    private static OfflineRun prod;

    @BeforeAll
    static void runTheProdStack() throws IOException {
        StackFile file = StackFile.read(Path.of("."), "prod");
        var config = new HashMap<>(file.config());
        config.put(StackConfigs.PROJECT + ":accessLogsBucket", "acme-alb-logs");
        OfflineRun run = StackConfigs.run(file.project(), "prod", config, file.secretKeys(),
                new OfflineMocks(file.awsRegion().orElseThrow()));
        prod = run.ok();
    }

    private static JsonObject container() {
        return prod.json("app-fargate-task", "containerDefinitions").getAsJsonArray().get(0).getAsJsonObject();
    }

    @Test
    void httpsWithTls13AndHttpRedirects() {
        var https = prod.inputs("app-lb-https");
        assertEquals(443.0, https.get("port"));
        assertEquals("HTTPS", https.get("protocol"));
        assertEquals("ELBSecurityPolicy-TLS13-1-3-2021-06", https.get("sslPolicy"));
        assertEquals(CERTIFICATE, https.get("certificateArn"));
        var redirect = block(blocks(prod.inputs("app-lb-http"), "defaultActions").get(0), "redirect");
        assertEquals(Map.of("protocol", "HTTPS", "port", "443", "statusCode", "HTTP_301"), redirect);
        assertEquals(Set.of(80.0, 443.0), blocks(prod.inputs("app-lb-alb-sg"), "ingress").stream()
                .map(r -> r.get("fromPort")).collect(Collectors.toSet()));
        assertTrue(String.valueOf(prod.output("url")).startsWith("https://"));
    }

    @Test
    void loadBalancerIsHardened() {
        var alb = prod.inputs("app-lb-alb");
        assertEquals(true, alb.get("dropInvalidHeaderFields"));
        assertEquals(true, alb.get("enableDeletionProtection"));
        assertEquals(Map.of("bucket", "acme-alb-logs", "enabled", true, "prefix", "app-lb"), block(alb, "accessLogs"));
    }

    @Test
    void ownNetworkPutsTasksInPrivateSubnetsWithoutPublicIp() {
        assertEquals(List.of("subnet-0aaaaaaaaaaaaaaa1", "subnet-0aaaaaaaaaaaaaaa2"), prod.inputs("app-lb-alb")
                .get("subnets"));
        var network = block(prod.inputs("app-fargate-service"), "networkConfiguration");
        assertEquals(List.of("subnet-0bbbbbbbbbbbbbbb1", "subnet-0bbbbbbbbbbbbbbb2"), network.get("subnets"));
        assertEquals(false, network.get("assignPublicIp"));
        assertEquals("vpc-0123456789abcdef0", prod.inputs("app-lb-tg").get("vpcId"));
        assertFalse(prod.mocks().invokes().contains("aws:ec2/getSubnets:getSubnets"), "no default-VPC lookup");
    }

    @Test
    void autoscalingTracksCpuBetweenMinAndMax() {
        var target = prod.inputs("app-fargate-scaling-target");
        assertEquals(2.0, target.get("minCapacity"));
        assertEquals(6.0, target.get("maxCapacity"));
        var tracking = block(prod.inputs("app-fargate-cpu-scaling"), "targetTrackingScalingPolicyConfiguration");
        assertEquals(60.0, tracking.get("targetValue"));
    }

    @Test
    void appSecretsArriveAsValueFromAndTheRoleReadsExactlyThem() {
        Map<String, String> secrets = new HashMap<>();
        container().getAsJsonArray("secrets").forEach(e -> secrets.put(
                e.getAsJsonObject().get("name").getAsString(), e.getAsJsonObject().get("valueFrom").getAsString()));
        assertEquals(Map.of("SPRING_DATASOURCE_PASSWORD", DB_SECRET + ":password::", "API_KEY", API_KEY), secrets);
        assertEquals("prod", container().getAsJsonArray("environment").get(0).getAsJsonObject()
                .get("value").getAsString());
        var statements = prod.statements("app-execution-exec-policy", "policy");
        assertEquals(List.of(DB_SECRET), OfflineRun.strings(statements.get(0).get("Resource")));
        assertEquals(List.of(API_KEY), OfflineRun.strings(statements.get(1).get("Resource")));
        var decrypt = statements.get(2);
        assertEquals("kms:Decrypt", decrypt.get("Action").getAsString());
        assertEquals(List.of("arn:aws:kms:eu-central-1:123456789012:key/22222222-3333-4444-5555-666666666666"),
                OfflineRun.strings(decrypt.get("Resource")));
        assertEquals(List.of("secretsmanager.eu-central-1.amazonaws.com", "ssm.eu-central-1.amazonaws.com"),
                OfflineRun.strings(decrypt.getAsJsonObject("Condition").getAsJsonObject("StringEquals")
                        .get("kms:ViaService")));
        assertEquals(3, statements.size(), "no registry secret for ECR, one key for the app secrets");
    }

    @Test
    void aNewSecretVersionChangesTheServiceTriggers() {
        assertEquals(Map.of("secret-version-SPRING_DATASOURCE_PASSWORD", OfflineMocks.SECRET_VERSION,
                        "secret-version-API_KEY", String.valueOf(OfflineMocks.PARAMETER_VERSION)),
                prod.inputs("app-fargate-service").get("triggers"));
        assertEquals(true, prod.inputs("app-fargate-service").get("forceNewDeployment"),
                "without it the provider ignores a change of triggers");
    }

    @Test
    void rolloutTimingAndContainerHardening() {
        var tg = prod.inputs("app-lb-tg");
        assertEquals(30.0, tg.get("deregistrationDelay"));
        var health = block(tg, "healthCheck");
        assertEquals(List.of(10.0, 2.0, 3.0, 5.0, "200"), List.of(health.get("interval"),
                health.get("healthyThreshold"), health.get("unhealthyThreshold"), health.get("timeout"),
                health.get("matcher")));
        var service = prod.inputs("app-fargate-service");
        assertEquals(90.0, service.get("healthCheckGracePeriodSeconds"));
        assertEquals(100.0, service.get("deploymentMinimumHealthyPercent"));
        assertEquals(200.0, service.get("deploymentMaximumPercent"));
        assertEquals(Map.of("enable", true, "rollback", true), block(service, "deploymentCircuitBreaker"));
        assertEquals(30, container().get("stopTimeout").getAsInt());
        assertTrue(container().get("readonlyRootFilesystem").getAsBoolean());
        assertTrue(container().getAsJsonObject("linuxParameters").get("initProcessEnabled").getAsBoolean());
        assertEquals(90.0, prod.inputs("app-fargate-logs").get("retentionInDays"));
        assertEquals("awsvpc", prod.inputs("app-fargate-task").get("networkMode"));
    }

    @Test
    void withoutAGivenBucketProdLogsIntoAHardenedBucketItCreates() throws IOException {
        StackFile file = StackFile.read(Path.of("."), "prod");
        var run = StackConfigs.run(file.project(), "prod", file.config(), file.secretKeys(),
                new OfflineMocks(file.awsRegion().orElseThrow())).ok();
        String bucket = run.mocks().generated().entrySet().stream()
                .filter(e -> e.getValue().equals("app-lb-access-logs-bucket.bucket")).map(Map.Entry::getKey)
                .findFirst().orElseThrow();
        assertEquals(Map.of("bucket", bucket, "enabled", true, "prefix", "app-lb"),
                block(run.inputs("app-lb-alb"), "accessLogs"));
        assertEquals("AES256", block(blocks(run.inputs("app-lb-access-logs-encryption"), "rules").get(0),
                "applyServerSideEncryptionByDefault").get("sseAlgorithm"));
        assertEquals(List.of(true, true, true, true), List.of("blockPublicAcls", "blockPublicPolicy",
                "ignorePublicAcls", "restrictPublicBuckets").stream()
                .map(k -> run.inputs("app-lb-access-logs-public-access").get(k)).toList());
        assertEquals(Map.of("objectOwnership", "BucketOwnerEnforced"),
                block(run.inputs("app-lb-access-logs-ownership"), "rule"));
        var statements = run.statements("app-lb-access-logs-policy", "policy");
        // eu-central-1 opened before August 2022: its Elastic Load Balancing account delivers the logs.
        assertEquals(Map.of("AWS", "arn:aws:iam::054676820928:root"),
                new com.google.gson.Gson().fromJson(statements.get(0).get("Principal"), Map.class));
        assertTrue(statements.get(0).get("Resource").getAsString().endsWith("/app-lb/AWSLogs/123456789012/*"));
        assertEquals("Deny", statements.get(1).get("Effect").getAsString());
        assertEquals("false", statements.get(1).getAsJsonObject("Condition").getAsJsonObject("Bool")
                .get("aws:SecureTransport").getAsString());
    }
}
