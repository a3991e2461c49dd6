package io.github.fargateprivate.plan;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The offline plan on the project's own stack files and on bad ones. */
class PlanTest {

    private record Result(int status, String out, String err) {
    }

    private static Result plan(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = Plan.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Plans a stack of the project's Pulumi.yaml whose file holds these config lines. */
    private static Result planOf(Path dir, String stack, String configLines) throws IOException {
        Files.copy(Path.of("Pulumi.yaml"), dir.resolve("Pulumi.yaml"));
        Files.writeString(dir.resolve("Pulumi." + stack + ".yaml"), "config:\n" + configLines);
        return plan(stack, "--dir", dir.toString());
    }

    @Test
    void devPlansAPublicTestImageOutOfTheBox() {
        var r = plan("dev");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("resources: 15 to create (in 5 components)"), r.out());
        // The public test image comes from Docker Hub without credentials: the plan says what pulumi preview would.
        assertTrue(r.out().contains("\nWarnings:\n  LoadBalancedService 'app': container: "
                + "docker.io/nginxinc/nginx-unprivileged:1.27-alpine is pulled from Docker Hub without credentials, "
                + "which allows 10 pulls per hour per IP address"), r.out());
        assertTrue(r.out().contains("\"image\": \"docker.io/nginxinc/nginx-unprivileged:1.27-alpine\""), r.out());
        assertFalse(r.out().contains("repositoryCredentials"), "a public image needs no credentials");
        assertFalse(r.out().contains("aws:secretsmanager/secret:Secret"), "and no secret");
        assertFalse(r.out().contains("exec-policy"), "so the execution role reads nothing");
    }

    @Test
    void theGhcrExamplePlansOutOfTheBox() {
        var r = plan("ghcr");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("resources: 18 to create (in 6 components)"), r.out());
        assertTrue(r.out().contains("+ app-credentials-version  aws:secretsmanager/secretVersion:SecretVersion"));
        assertTrue(r.out().contains("secretString: [secret]"), "the secret value is masked");
        assertTrue(r.out().contains("\"Resource\": \"(known after deploy: app-credentials-secret.arn)\""));
        assertTrue(r.out().contains("url: http://<app-lb-alb.dnsName>"));
        assertTrue(r.out().contains("\"image\": \"ghcr.io/jonashackt/microservice-api-spring-boot-private:latest\""));
        assertTrue(r.out().contains("app ready -> serving traffic:   <=  20 s  [150 s]"));
        assertTrue(r.out().contains("estimated cost: $70.17/month (eu-central-1 list prices of 2025-06-01)"), r.out());
        assertTrue(r.out().contains("Secrets Manager                            $    0.40  1 secret(s) x $0.4"), r.out());
        assertTrue(r.out().contains("Fargate app-ecs-service                    $   20.72  2 task(s) x (0.25 vCPU x "
                + "$0.04656 + 0.5 GB x $0.00511) x 730 h"), r.out());
        assertTrue(r.out().contains("Public IPv4 addresses                      $   14.60  (2 task(s) + 2 load balancer "
                + "AZ(s)) x $0.005 x 730 h"), r.out());
        assertTrue(r.out().contains("Container Insights app-ecs-cluster         $    8.70  (8 + 1 service(s) x 13 + 1 "
                + "task family x 8) metrics x $0.3"), r.out());
        assertTrue(r.out().contains("CloudWatch alarms                          $    0.20  2 standard-resolution "
                + "alarm(s) x $0.1 (assumed: us-east-1's)\n"), r.out());
        assertTrue(r.out().contains("\n    a bad image is caught after:     <=   5 s  [never]  at preview, by the "
                + "registry preflight; without it ~180 s: the circuit breaker's 3 failed tasks (0.5 x 2 desired, 3 to "
                + "200) x ~60 s each\n"), r.out());
    }

    @Test
    void theCacheExamplePullsThroughTheCacheFromPrivateSubnetsAndPricesTheEndpointsAgainstNat() {
        var r = plan("cache");
        assertEquals(0, r.status(), r.err());
        String out = r.out();
        assertTrue(out.contains("resources: 26 to create (in 7 components)"), out);
        assertTrue(out.contains("\"image\": \"123456789012.dkr.ecr.eu-central-1.amazonaws.com/cache-github/jonashackt/"
                + "microservice-api-spring-boot-private:1.0.0\""), out);
        assertFalse(out.contains("repositoryCredentials"), "the task pulls from ECR");
        assertTrue(out.contains("""
                        + app-cache-rule  aws:ecr/pullThroughCacheRule:PullThroughCacheRule
                              credentialArn: (known after deploy: app-cache-secret.arn)
                              ecrRepositoryPrefix: cache-github
                              upstreamRegistryUrl: ghcr.io
                """), out);
        assertTrue(out.contains("      namePrefix: ecr-pullthroughcache/cache-github-\n"), out);
        assertTrue(out.contains("secretString: [secret]"), "the token is masked");
        assertFalse(out.contains("cmVwbGFjZS1tZQ"), "nor is its ciphertext shown");
        assertTrue(out.contains("""
                                      "ecr:BatchImportUpstreamImage",
                                      "ecr:CreateRepository"
                                    ],
                                    "Effect": "Allow",
                                    "Resource": "arn:aws:ecr:eu-central-1:123456789012:repository/cache-github/*",
                                    "Sid": "PullThroughCache"
                """), out);
        assertFalse(out.contains("secretsmanager:GetSecretValue"), "the task reads no secret");
        // In the order the engine received them, which follows when each one's inputs resolved: compared as a set.
        var endpoints = out.lines().filter(l -> l.contains("serviceName: com.amazonaws.")).map(String::strip).sorted()
                .toList();
        assertEquals(java.util.List.of("serviceName: com.amazonaws.eu-central-1.ecr.api",
                "serviceName: com.amazonaws.eu-central-1.ecr.dkr", "serviceName: com.amazonaws.eu-central-1.logs",
                "serviceName: com.amazonaws.eu-central-1.s3"), endpoints);
        assertTrue(out.contains("""
                              routeTableIds: [
                                "(known after deploy: subnet-0bbbbbbbbbbbbbbb1 lookup.routeTableId)",
                                "(known after deploy: subnet-0bbbbbbbbbbbbbbb2 lookup.routeTableId)"
                              ]
                """), out);
        assertTrue(out.contains("Interface VPC endpoints                    $   52.56  6 endpoint-AZ(s) x $0.012 x "
                + "730 h"), out);
        assertTrue(out.contains("the 2 NAT gateway(s) these endpoints replace (one per AZ) would cost $75.92/month "
                + "(2 x $0.052 x 730 h) plus $0.052/GB"), out);
        assertTrue(out.contains("Public IPv4 addresses                      $    7.30  (0 task(s) + 2 load balancer "
                + "AZ(s))"), "tasks in private subnets have no public IP:\n" + out);
        assertTrue(out.contains("estimated cost: $115.43/month (eu-central-1 list prices of 2025-06-01)"), out);
    }

    @Test
    void prodPricesItsAlarmsAndItsPullFailureRuleWhoseEventsAreFree() {
        var r = plan("prod");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("    CloudWatch alarms                          $    0.20  2 standard-resolution "
                + "alarm(s) x $0.1 (assumed: us-east-1's)\n"), r.out());
        assertTrue(r.out().contains("    EventBridge rule app-pull-failures-rule    $    0.00  AWS service events: "
                + "$0/million; each match published to SNS: $0.0000005 ($0.5/million) (assumed: us-east-1's)\n"),
                r.out());
        assertTrue(r.out().contains("; the free tier of CloudWatch alarms (10 per account); SNS's free tier (1 million "
                + "publishes per account) and its deliveries to the topic's subscribers\n"), r.out());
    }

    @Test
    void usEast1PricesTheAlarmsFromItsOwnTable(@TempDir Path dir) throws IOException {
        var r = planOf(dir, "east", """
                  aws:region: us-east-1
                  fargate-private-registry:image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1.0
                  fargate-private-registry:desiredCount: "9"
                """);
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("    CloudWatch alarms                          $    0.20  2 standard-resolution "
                + "alarm(s) x $0.1\n"), r.out());
        // 0.5 x 9 rounds up to 5 failed tasks.
        assertTrue(r.out().contains("without it ~300 s: the circuit breaker's 5 failed tasks (0.5 x 9 desired, 3 to "
                + "200) x ~60 s each"), r.out());
    }

    @Test
    void enhancedInsightsAndEcsExecShowWhatTheyAddAndCost(@TempDir Path dir) throws IOException {
        var r = planOf(dir, "ops", """
                  aws:region: eu-central-1
                  fargate-private-registry:image: 123456789012.dkr.ecr.eu-central-1.amazonaws.com/app:1.0
                  fargate-private-registry:containerInsights: enhanced
                  fargate-private-registry:executeCommand: "true"
                """);
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("+ app-ecs-exec-sessions "), r.out());
        assertTrue(r.out().contains("+ app-ecs-exec-sessions-write "), r.out());
        assertTrue(r.out().contains("\"logging\": \"OVERRIDE\""), r.out());
        assertTrue(r.out().contains("availabilityZoneRebalancing: ENABLED"), r.out());
        assertTrue(r.out().contains("ECS Exec session log app-ecs-exec-sessions-"), r.out());
        assertTrue(r.out().contains("$0.5 per GB of session output ingested (assumed: us-east-1's)"), r.out());
        assertFalse(r.out().contains("Container Insights app-ecs-cluster "), "enhanced replaces the standard line");
        // 2 tasks of 1 container without health check (EnhancedInsightsTest): 2 + 5 + 16 x 7 + 7 x 7 = 168 metrics.
        assertTrue(r.out().contains("    Insights (enhanced) app-ecs-cluster        $   11.76  168 metrics (1 "
                + "service(s), 2 task(s), 2 container(s); AWS's metric table) x $0.07 (quoted; assumed: us-east-1's); "
                + "standard level $8.70\n"), r.out());
        assertTrue(r.out().contains("the per-task Container Insights metrics of tasks that replace others"), r.out());
    }

    @Test
    void prodPlansAsJson() {
        var r = plan("prod", "--json");
        assertEquals(0, r.status(), r.err());
        JsonObject json = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals(27, json.getAsJsonObject("summary").get("resourceCount").getAsInt(), "with the access-logs bucket");
        assertEquals("https://<app-lb-alb.dnsName>", json.getAsJsonObject("exports").get("url").getAsString());
        assertFalse(json.getAsJsonObject("exports").has("credentialsSecretArn"), "ECR needs no credentials");
        JsonObject rollout = json.getAsJsonObject("summary").getAsJsonObject("rollout");
        assertEquals(10, rollout.get("healthCheckIntervalSeconds").getAsInt());
        assertEquals(30, rollout.get("deregistrationDelaySeconds").getAsInt());
        assertEquals(2, rollout.get("desiredCount").getAsInt());
        assertTrue(rollout.get("circuitBreaker").getAsBoolean());
        assertFalse(json.getAsJsonObject("summary").getAsJsonObject("awsDefaults").get("circuitBreaker")
                .getAsBoolean(), "ECS turns the circuit breaker on only when asked");
    }

    @Test
    void aRegionWithoutPricesSaysSoInsteadOfPricingAnother(@TempDir Path dir) throws IOException {
        var r = planOf(dir, "far", """
                  aws:region: sa-east-1
                  fargate-private-registry:image: 123456789012.dkr.ecr.sa-east-1.amazonaws.com/app:1.0
                """);
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("estimated cost: no prices for sa-east-1 in pricing.properties (2025-06-01; "
                + "priced: us-east-1, us-west-2, eu-west-1, eu-central-1, ap-southeast-1), so no estimate"), r.out());
        assertFalse(r.out().contains("$"), "no price of another region:\n" + r.out());
    }

    @Test
    void badStackFileGivesTheStacksErrorsAndExitTwo(@TempDir Path dir) throws IOException {
        Files.copy(Path.of("Pulumi.yaml"), dir.resolve("Pulumi.yaml"));
        Files.writeString(dir.resolve("Pulumi.broken.yaml"), """
                config:
                  fargate-private-registry:image: ghcr.io/acme/app:1
                  fargate-private-registry:registryUsername: acme
                  fargate-private-registry:registryPassword: plain-text-token
                  fargate-private-registry:memory: "4096"
                """);
        var r = plan("broken", "--dir", dir.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("Stack 'broken' has 2 configuration problems (Pulumi.broken.yaml)"), r.err());
        assertTrue(r.err().contains("  - registryPassword: stored in plain text in Pulumi.broken.yaml"), r.err());
        assertTrue(r.err().contains("  - cpu: Fargate offers no memory 4096 MiB with cpu 256; memory 4096 MiB pairs "
                + "with cpu 512, 1024, 2048"), r.err());
        assertTrue(r.err().contains(": pulumi config set cpu 512"), "the fix keeps the memory asked for:\n" + r.err());
        assertFalse(r.err().contains("plain-text-token"), "the error does not echo the password");
        assertEquals("", r.out());
    }

    @Test
    void theCliChecksComeFirstWithItsMessages(@TempDir Path dir) throws IOException {
        Files.copy(Path.of("Pulumi.yaml"), dir.resolve("Pulumi.yaml"));
        Files.writeString(dir.resolve("Pulumi.noimage.yaml"), "config:\n  aws:region: eu-west-1\n");
        var r = plan("noimage", "--dir", dir.toString());
        assertEquals(2, r.status());
        assertEquals("error: Stack 'noimage' is missing configuration value 'image'", r.err().strip());
        Files.writeString(dir.resolve("Pulumi.typo.yaml"), "config:\n  fargate-private-registry:image: nginx\n"
                + "  fargate-private-registry:containerPort: eighty\n");
        r = plan("typo", "--dir", dir.toString());
        assertEquals("error: Stack 'typo' with configuration key 'containerPort' must be of type 'integer'",
                r.err().strip());
    }

    @Test
    void projectDefaultsReachTheProgramAsTheCliSetsThem() throws IOException {
        var file = StackFile.read(Path.of("."), "ghcr");
        assertEquals("60", file.config().get("fargate-private-registry:cpuTargetPercent"));
        assertEquals("8098", file.config().get("fargate-private-registry:containerPort"), "the stack's value wins");
        assertEquals("false", file.config().get("fargate-private-registry:internalLoadBalancer"));
    }

    @Test
    void aKeyWithoutNamespaceIsRefusedWithTheCliMessage(@TempDir Path dir) throws IOException {
        Files.copy(Path.of("Pulumi.yaml"), dir.resolve("Pulumi.yaml"));
        Files.writeString(dir.resolve("Pulumi.bare.yaml"), "config:\n  image: ghcr.io/acme/app:1\n");
        var r = plan("bare", "--dir", dir.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("configuration keys should be of the form `<namespace>:<name>`: 'image' (write "
                + "fargate-private-registry:image)"), r.err());
    }

    @Test
    void helpPrintsUsageAndExitsZero() {
        var r = plan("--help");
        assertEquals(0, r.status());
        assertTrue(r.out().startsWith("usage: plan STACK [--json] [--online] [--dir PROJECT_DIR]"), r.out());
    }

    @Test
    void missingStackFileAndUsageErrorsExitTwo() {
        assertEquals(2, plan("nope").status());
        assertTrue(plan("nope").err().contains("Pulumi.nope.yaml does not exist; the stacks here are: cache, dev, "
                + "ec2, ghcr, prod"), plan("nope").err());
        assertEquals(2, plan().status());
        assertEquals(2, plan("dev", "--bogus").status());
    }
}
