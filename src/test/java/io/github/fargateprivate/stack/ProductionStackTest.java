package io.github.fargateprivate.stack;

import com.google.gson.JsonObject;
import io.github.fargateprivate.iam.ExecutionStatements;
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

import static io.github.fargateprivate.iam.ExecutionStatements.decryptAppSecrets;
import static io.github.fargateprivate.iam.ExecutionStatements.ecrAuthorizationToken;
import static io.github.fargateprivate.iam.ExecutionStatements.pullImages;
import static io.github.fargateprivate.iam.ExecutionStatements.readParameters;
import static io.github.fargateprivate.iam.ExecutionStatements.readSecrets;
import static io.github.fargateprivate.iam.ExecutionStatements.writeLogs;
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
        return prod.json("app-ecs-task", "containerDefinitions").getAsJsonArray().get(0).getAsJsonObject();
    }

    @Test
    void prodRollsBackOnItsAlarmsAndTellsItsTopicOfPullFailures() {
        assertEquals(List.of("app-alarms-5xx-1a2b3c4", "app-alarms-unhealthy-1a2b3c4"),
                block(prod.inputs("app-ecs-service"), "alarms").get("alarmNames"));
        assertEquals("arn:aws:sns:eu-central-1:123456789012:prod-deploy-alerts",
                prod.inputs("app-pull-failures-target").get("arn"));
        String pattern = String.valueOf(prod.inputs("app-pull-failures-rule").get("eventPattern"));
        assertTrue(pattern.contains("\"group\":[\"service:app-ecs-service-1a2b3c4\"]"), pattern);
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
        var network = block(prod.inputs("app-ecs-service"), "networkConfiguration");
        assertEquals(List.of("subnet-0bbbbbbbbbbbbbbb1", "subnet-0bbbbbbbbbbbbbbb2"), network.get("subnets"));
        assertEquals(false, network.get("assignPublicIp"));
        assertEquals("vpc-0123456789abcdef0", prod.inputs("app-lb-tg").get("vpcId"));
        assertFalse(prod.mocks().invokes().contains("aws:ec2/getSubnets:getSubnets"), "no default-VPC lookup");
    }

    @Test
    void autoscalingTracksCpuBetweenMinAndMax() {
        var target = prod.inputs("app-ecs-scaling-target");
        assertEquals(2.0, target.get("minCapacity"));
        assertEquals(6.0, target.get("maxCapacity"));
        var tracking = block(prod.inputs("app-ecs-cpu-scaling"), "targetTrackingScalingPolicyConfiguration");
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
    }

    @Test
    void theExecutionRoleHoldsExactlyWhatTheTaskNeedsAndNoManagedPolicy() {
        // No registry secret for ECR; the app secrets, their one key, the prod ECR repository, the log group.
        assertEquals(List.of(
                        readSecrets(DB_SECRET),
                        readParameters(API_KEY),
                        decryptAppSecrets("DecryptAppSecrets",
                                "arn:aws:kms:eu-central-1:123456789012:key/22222222-3333-4444-5555-666666666666"),
                        pullImages("arn:aws:ecr:eu-central-1:123456789012:repository/microservice-api-spring-boot"),
                        ecrAuthorizationToken(),
                        writeLogs("arn:aws:logs:eu-central-1:123456789012:log-group:app-ecs-logs-1a2b3c4")),
                ExecutionStatements.roleStatements(prod, List.of("app-execution-exec-policy", "app-ecs-exec-logs"),
                        List.of()));
        assertEquals(List.of(), prod.mocks().ofType(ExecutionStatements.ATTACHMENT));
        assertEquals("app-execution-exec-role-1a2b3c4", prod.inputs("app-ecs-exec-logs").get("role"));
    }

    @Test
    void theLoadBalancerMayReachOnlyTheTasksOnTheirPort() {
        assertFalse(prod.inputs("app-lb-alb-sg").containsKey("egress"), "no egress of its own, to no CIDR");
        var rules = prod.mocks().ofType("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule");
        assertEquals(List.of("app-lb-targets-egress"), rules.stream().map(OfflineMocks.Registration::name).toList());
        var rule = rules.get(0).inputs();
        assertEquals(generated("app-lb-targets-sg.id"), rule.get("referencedSecurityGroupId"));
        assertEquals(generated("app-lb-alb-sg.id"), rule.get("securityGroupId"));
        // Only the tasks carry the targets' group, and they admit the load balancer on their port only.
        assertEquals(List.of(generated("app-ecs-task-sg.id"), generated("app-lb-targets-sg.id")), OfflineRun
                .block(prod.inputs("app-ecs-service"), "networkConfiguration").get("securityGroups"));
        var ingress = OfflineRun.blocks(prod.inputs("app-ecs-task-sg"), "ingress");
        assertEquals(1, ingress.size());
        assertEquals(List.of("tcp", 8098.0, 8098.0, List.of(generated("app-lb-alb-sg.id"))), List.of(
                ingress.get(0).get("protocol"), ingress.get(0).get("fromPort"), ingress.get(0).get("toPort"),
                ingress.get(0).get("securityGroups")));
    }

    private static String generated(String origin) {
        return prod.mocks().generated().entrySet().stream().filter(e -> e.getValue().equals(origin))
                .map(Map.Entry::getKey).findFirst().orElseThrow(() -> new AssertionError("no " + origin));
    }

    @Test
    void aNewSecretVersionChangesTheServiceTriggers() {
        assertEquals(Map.of("secret-version-SPRING_DATASOURCE_PASSWORD", OfflineMocks.SECRET_VERSION,
                        "secret-version-API_KEY", String.valueOf(OfflineMocks.PARAMETER_VERSION)),
                prod.inputs("app-ecs-service").get("triggers"));
        assertEquals(true, prod.inputs("app-ecs-service").get("forceNewDeployment"),
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
        var service = prod.inputs("app-ecs-service");
        assertEquals(90.0, service.get("healthCheckGracePeriodSeconds"));
        assertEquals(100.0, service.get("deploymentMinimumHealthyPercent"));
        assertEquals(200.0, service.get("deploymentMaximumPercent"));
        assertEquals(Map.of("enable", true, "rollback", true), block(service, "deploymentCircuitBreaker"));
        assertEquals(30, container().get("stopTimeout").getAsInt());
        assertTrue(container().get("readonlyRootFilesystem").getAsBoolean());
        assertTrue(container().getAsJsonObject("linuxParameters").get("initProcessEnabled").getAsBoolean());
        assertEquals(90.0, prod.inputs("app-ecs-logs").get("retentionInDays"));
        assertEquals("awsvpc", prod.inputs("app-ecs-task").get("networkMode"));
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
