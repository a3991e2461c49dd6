package io.github.fargateprivate.stack;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.fargateprivate.iam.ChinaMocks;
import io.github.fargateprivate.iam.ExecutionStatements;
import io.github.fargateprivate.testing.OfflineMocks;
import io.github.fargateprivate.testing.OfflineRun;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.github.fargateprivate.iam.ExecutionStatements.readSecrets;
import static io.github.fargateprivate.iam.ExecutionStatements.writeLogs;
import static io.github.fargateprivate.stack.StackConfigs.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AppTest {

    private static final String WEB_ACL_ASSOCIATION = "aws:wafv2/webAclAssociation:WebAclAssociation";
    private static final String WEB_ACL =
            "arn:aws:wafv2:eu-central-1:123456789012:regional/webacl/edge/11111111-2222-3333-4444-555555555555";

    /** @return the value the mocks made up for {@code resource.output} */
    private static String generated(OfflineRun run, String origin) {
        return run.mocks().generated().entrySet().stream().filter(e -> e.getValue().equals(origin))
                .map(Map.Entry::getKey).findFirst().orElseThrow(() -> new AssertionError("no " + origin));
    }

    private static JsonObject container(OfflineRun run) {
        JsonArray defs = run.json("app-ecs-task", "containerDefinitions").getAsJsonArray();
        assertEquals(1, defs.size());
        return defs.get(0).getAsJsonObject();
    }

    @Test
    void devStackRegistersTheExpectedResources() {
        var run = StackConfigs.run(StackConfigs.dev()).ok();
        assertEquals(List.of(
                        "app-credentials-secret aws:secretsmanager/secret:Secret",
                        "app-credentials-version aws:secretsmanager/secretVersion:SecretVersion",
                        "app-execution-exec-role aws:iam/role:Role",
                        "app-execution-exec-policy aws:iam/rolePolicy:RolePolicy",
                        "app-lb-alb-sg aws:ec2/securityGroup:SecurityGroup",
                        "app-lb-targets-sg aws:ec2/securityGroup:SecurityGroup",
                        "app-lb-targets-egress aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
                        "app-lb-alb aws:lb/loadBalancer:LoadBalancer",
                        "app-lb-tg aws:lb/targetGroup:TargetGroup",
                        "app-lb-http aws:lb/listener:Listener",
                        "app-alarms-5xx aws:cloudwatch/metricAlarm:MetricAlarm",
                        "app-alarms-unhealthy aws:cloudwatch/metricAlarm:MetricAlarm",
                        "app-ecs-cluster aws:ecs/cluster:Cluster",
                        "app-ecs-logs aws:cloudwatch/logGroup:LogGroup",
                        "app-ecs-exec-logs aws:iam/rolePolicy:RolePolicy",
                        "app-ecs-task-sg aws:ec2/securityGroup:SecurityGroup",
                        "app-ecs-task aws:ecs/taskDefinition:TaskDefinition",
                        "app-ecs-service aws:ecs/service:Service"),
                run.mocks().awsResources().stream().map(r -> r.name() + " " + r.type()).sorted(
                        java.util.Comparator.comparingInt(AppTest::creationRank)).toList());
        assertEquals(24, run.mocks().registrations().size(), "18 AWS resources and 6 components");
    }

    private static final List<String> CREATION_ORDER = List.of("app-credentials-secret", "app-credentials-version",
            "app-execution-exec-role", "app-execution-exec-policy", "app-lb-alb-sg", "app-lb-targets-sg",
            "app-lb-targets-egress", "app-lb-alb", "app-lb-tg", "app-lb-http", "app-alarms-5xx",
            "app-alarms-unhealthy", "app-ecs-cluster", "app-ecs-logs",
            "app-ecs-exec-logs", "app-ecs-task-sg", "app-ecs-task", "app-ecs-service");

    /** Registrations arrive in the order the engine resolves their inputs; compare them in program order. */
    private static int creationRank(String nameAndType) {
        int rank = CREATION_ORDER.indexOf(nameAndType.split(" ")[0]);
        return rank < 0 ? Integer.MAX_VALUE : rank;
    }

    @Test
    void theDeployingIdentityIsLookedUpOncePerProvider() {
        var run = StackConfigs.run(StackConfigs.dev()).ok();
        assertEquals(1, run.mocks().invokes().stream()
                .filter("aws:index/getCallerIdentity:getCallerIdentity"::equals).count(), run.mocks().invokes().toString());
    }

    @Test
    void devStackWiresCredentialsRoleAndImageTogether() {
        var run = StackConfigs.run(StackConfigs.dev()).ok();
        String secretArn = generated(run, "app-credentials-secret.arn");
        String roleArn = generated(run, "app-execution-exec-role.arn");

        JsonObject c = container(run);
        assertEquals("ghcr.io/jonashackt/microservice-api-spring-boot-private:latest", c.get("image").getAsString());
        assertEquals(secretArn, c.getAsJsonObject("repositoryCredentials").get("credentialsParameter").getAsString());
        assertEquals(8098, c.getAsJsonArray("portMappings").get(0).getAsJsonObject().get("containerPort").getAsInt());
        assertEquals(roleArn, run.mocks().named("app-ecs-task").inputs().get("executionRoleArn"));
        // Exactly the secret (no kms:* without kmsKeyArn, no ECR action for ghcr.io) and the log group's streams.
        assertEquals(List.of(readSecrets(secretArn), writeLogs(generated(run, "app-ecs-logs.arn"))),
                ExecutionStatements.roleStatements(run, List.of("app-execution-exec-policy", "app-ecs-exec-logs"),
                        List.of()));
        ExecutionStatements.assertNoEcrAction(run);
        assertEquals(generated(run, "app-execution-exec-role.name"),
                run.inputs("app-ecs-exec-logs").get("role"));

        assertEquals(secretArn, run.output("credentialsSecretArn"));
        assertEquals(roleArn, run.output("executionRoleArn"));
    }

    @Test
    void devStackUsesTheDefaultVpcWithPublicIps() {
        var run = StackConfigs.run(StackConfigs.dev()).ok();
        assertEquals(OfflineMocks.DEFAULT_SUBNETS, run.mocks().named("app-lb-alb").inputs().get("subnets"));
        @SuppressWarnings("unchecked")
        var network = (Map<String, Object>) run.mocks().named("app-ecs-service").inputs().get("networkConfiguration");
        assertEquals(OfflineMocks.DEFAULT_SUBNETS, network.get("subnets"));
        assertEquals(true, network.get("assignPublicIp"));
        assertEquals(OfflineMocks.DEFAULT_VPC, run.mocks().named("app-lb-tg").inputs().get("vpcId"));
    }

    @Test
    void everyDefaultApplies() {
        var run = StackConfigs.run(StackConfigs.minimal()).ok();
        var tg = run.mocks().named("app-lb-tg").inputs();
        assertEquals(8080.0, tg.get("port"));
        @SuppressWarnings("unchecked")
        var health = (Map<String, Object>) tg.get("healthCheck");
        assertEquals("/actuator/health", health.get("path"));
        assertEquals(80.0, run.mocks().named("app-lb-http").inputs().get("port"));
        assertEquals(2.0, run.mocks().named("app-ecs-service").inputs().get("desiredCount"));
        assertEquals("256", run.mocks().named("app-ecs-task").inputs().get("cpu"));
        assertEquals("512", run.mocks().named("app-ecs-task").inputs().get("memory"));
        assertEquals("fargate-private-registry-test", run.mocks().named("app-ecs-task").inputs().get("family"));
        assertEquals(30.0, run.mocks().named("app-ecs-logs").inputs().get("retentionInDays"));
        var service = run.mocks().named("app-ecs-service").inputs();
        assertFalse(service.containsKey("triggers") || service.containsKey("forceNewDeployment"),
                "no app secrets, nothing to redeploy on");
        assertEquals(8080, container(run).getAsJsonArray("portMappings").get(0).getAsJsonObject()
                .get("containerPort").getAsInt());
    }

    @Test
    void internalLoadBalancerAndAllowedCidrBlocksComeFromConfig() {
        var config = StackConfigs.dev();
        config.put("internalLoadBalancer", "true");
        var internal = StackConfigs.run(config).ok();
        assertEquals(true, internal.mocks().named("app-lb-alb").inputs().get("internal"));
        assertEquals(List.of(OfflineMocks.DEFAULT_VPC_CIDR, OfflineMocks.SECONDARY_VPC_CIDR), ingressCidrs(internal));
        config.put("allowedCidrBlocks", "10.1.0.0/16, 10.2.0.0/16");
        assertEquals(List.of("10.1.0.0/16", "10.2.0.0/16"), ingressCidrs(StackConfigs.run(config).ok()));
    }

    @SuppressWarnings("unchecked")
    private static Object ingressCidrs(OfflineRun run) {
        var rules = (List<Map<String, Object>>) run.mocks().named("app-lb-alb-sg").inputs().get("ingress");
        assertEquals(1, rules.size());
        return rules.get(0).get("cidrBlocks");
    }

    @Test
    void rolloutTimingIsConfigurable() {
        var config = StackConfigs.dev();
        config.putAll(Map.of("healthCheckGracePeriodSeconds", "150", "deregistrationDelaySeconds", "45",
                "slowStartSeconds", "60", "stopTimeoutSeconds", "60"));
        var run = StackConfigs.run(config).ok();
        assertEquals(150.0, run.mocks().named("app-ecs-service").inputs().get("healthCheckGracePeriodSeconds"));
        assertEquals(45.0, run.mocks().named("app-lb-tg").inputs().get("deregistrationDelay"));
        assertEquals(60.0, run.mocks().named("app-lb-tg").inputs().get("slowStart"));
        assertEquals(60, container(run).get("stopTimeout").getAsInt());
    }

    @Test
    void exportsTheUrlAndNames() {
        var run = StackConfigs.run(StackConfigs.dev()).ok();
        String dns = run.mocks().generated().entrySet().stream()
                .filter(e -> e.getValue().equals("app-lb-alb.dnsName")).findFirst().orElseThrow().getKey();
        assertEquals("http://" + dns, run.output("url"));
        assertEquals(run.mocks().named("app-ecs-logs").inputs().getOrDefault("name",
                "app-ecs-logs-1a2b3c4"), run.output("logGroupName"));
        assertEquals("app-ecs-service-1a2b3c4", run.output("serviceName"));
        assertEquals("app-ecs-cluster-1a2b3c4", run.output("clusterName"));
        assertEquals("aws ecs update-service --region eu-central-1 --cluster app-ecs-cluster-1a2b3c4 --service "
                + "app-ecs-service-1a2b3c4 --force-new-deployment", run.output("forceNewDeploymentCommand"));
    }

    @Test
    void passwordAppearsOnlyInTheSecretVersion() {
        var run = StackConfigs.run(StackConfigs.dev()).ok();
        List<String> holders = run.mocks().registrations().stream()
                .filter(r -> String.valueOf(r.inputs()).contains(PASSWORD))
                .map(OfflineMocks.Registration::name).toList();
        assertEquals(List.of("app-credentials-version"), holders);
        for (String name : run.result().outputs().keySet()) {
            boolean holds = String.valueOf(run.output(name)).contains(PASSWORD);
            assertFalse(holds && !run.outputIsSecret(name), "export " + name + " shows the password in plain text");
        }
    }

    @Test
    void deploymentAlarmsFalseLeavesTheAlarmsOut() {
        var config = StackConfigs.changed(StackConfigs.dev(), Map.of("deploymentAlarms", "false"));
        var run = StackConfigs.run(config).ok();
        assertEquals(List.of(), run.mocks().ofType("aws:cloudwatch/metricAlarm:MetricAlarm"));
        assertFalse(run.inputs("app-ecs-service").containsKey("alarms"));
        assertTrue(run.mocks().ofType("aws:cloudwatch/eventRule:EventRule").isEmpty(), "no topic, no rule");
    }

    @Test
    void childrenAreNamedFromTheirComponent() {
        var run = StackConfigs.run(StackConfigs.dev()).ok();
        assertTrue(run.mocks().registrations().stream().allMatch(r -> r.name().equals("app")
                || r.name().startsWith("app-")), "every resource is named from the stack's component");
        // Registration order is asynchronous: compare the set.
        assertEquals(List.of("app", "app-alarms", "app-credentials", "app-ecs", "app-execution", "app-lb"),
                run.mocks().registrations().stream().filter(r -> r.type().startsWith("fargate-private-registry:"))
                        .map(OfflineMocks.Registration::name).sorted().toList());
    }

    @Test
    void containerDefinitionJsonHasAFixedKeyOrder() {
        // Map.of would order these keys differently from one JVM to the next, and every pulumi up would show a diff.
        String json = (String) StackConfigs.run(StackConfigs.dev()).ok().mocks().named("app-ecs-task").inputs()
                .get("containerDefinitions");
        assertTrue(json.startsWith("[{\"name\":\"app\",\"image\":\"ghcr.io/jonashackt/"), json);
        assertTrue(json.contains("\"portMappings\":[{\"containerPort\":8098,\"hostPort\":8098,\"protocol\":\"tcp\"}]"),
                json);
        assertTrue(json.contains("\"mountPoints\":[{\"sourceVolume\":\"tmp\",\"containerPath\":\"/tmp\","
                + "\"readOnly\":false}]"), json);
        assertTrue(json.contains("\"logConfiguration\":{\"logDriver\":\"awslogs\",\"options\":{"), json);
    }

    @Test
    void aStackNameWithADotStillGivesAValidTaskFamily() {
        var run = OfflineRun.of(App::stack, StackConfigs.PROJECT, "prod.eu-central", StackConfigs.dev(),
                java.util.Set.of("registryPassword"), new OfflineMocks()).ok();
        assertEquals("fargate-private-registry-prod-eu-central", run.inputs("app-ecs-task").get("family"));
    }

    @Test
    void anAccessLogsBucketAloneTurnsTheLoadBalancersAccessLogsOn() {
        var config = StackConfigs.dev();
        config.put("accessLogsBucket", "acme-alb-logs");
        var run = StackConfigs.run(config).ok();
        assertEquals(Map.of("bucket", "acme-alb-logs", "enabled", true, "prefix", "app-lb"),
                io.github.fargateprivate.testing.OfflineRun.block(run.inputs("app-lb-alb"), "accessLogs"));
        assertTrue(run.names().stream().noneMatch(n -> n.startsWith("app-lb-access-logs")), "no bucket of its own");
    }

    @Test
    void tagsGivenOnceReachTheComposite() {
        var config = StackConfigs.dev();
        config.put("tags", "{\"team\":\"payments\"}");
        var run = StackConfigs.run(config).ok();
        for (String name : List.of("app-ecs-task", "app-lb-alb", "app-credentials-secret", "app-execution-exec-role",
                "app-lb-targets-sg", "app-lb-targets-egress", "app-lb-http")) {
            assertEquals(Map.of("team", "payments"), run.inputs(name).get("tags"), name);
        }
        config.put("tags", "{\"aws:owner\":\"me\"}");
        assertTrue(StackConfigs.run(config).failure().contains("  - tags: key 'aws:owner' starts with aws:"));
    }

    @Test
    void withoutTheNewKeysNothingIsManagedFilteredEncryptedOrRestricted() {
        var run = StackConfigs.run(StackConfigs.dev()).ok();
        assertEquals(List.of(), run.mocks().ofType(ExecutionStatements.ATTACHMENT));
        assertEquals(List.of(), run.mocks().ofType(WEB_ACL_ASSOCIATION));
        assertFalse(run.inputs("app-ecs-logs").containsKey("kmsKeyId"));
        assertEquals(List.of(Map.of("description", "Registry pulls, AWS APIs and the application's own calls",
                "protocol", "-1", "fromPort", 0.0, "toPort", 0.0, "cidrBlocks", List.of("0.0.0.0/0"))),
                run.inputs("app-ecs-task-sg").get("egress"));
    }

    @Test
    void managedExecutionPolicyAttachesExactlyTheManagedPolicyOfTheProvidersPartition() {
        var config = StackConfigs.dev();
        config.put("managedExecutionPolicy", "true");
        var run = StackConfigs.run(config).ok();
        String role = generated(run, "app-execution-exec-role.name");
        assertEquals(List.of(Map.of("policyArn", ExecutionStatements.MANAGED_POLICY_ARN, "role", role)),
                run.mocks().ofType(ExecutionStatements.ATTACHMENT).stream().map(OfflineMocks.Registration::inputs)
                        .toList());
        assertEquals(List.of(readSecrets(generated(run, "app-credentials-secret.arn")),
                        writeLogs(generated(run, "app-ecs-logs.arn"))),
                ExecutionStatements.roleStatements(run, List.of("app-execution-exec-policy", "app-ecs-exec-logs"),
                        List.of()), "the exact statements stay");

        var china = StackConfigs.run(StackConfigs.PROJECT, "test", config, Set.of("registryPassword"),
                new ChinaMocks()).ok();
        assertEquals(List.of("arn:aws-cn:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"),
                china.mocks().ofType(ExecutionStatements.ATTACHMENT).stream()
                        .map(a -> a.inputs().get("policyArn")).toList());
    }

    @Test
    void webAclArnFiltersTheLoadBalancer() {
        var config = StackConfigs.dev();
        config.put("webAclArn", WEB_ACL);
        var run = StackConfigs.run(config).ok();
        assertEquals(List.of(Map.of("resourceArn", generated(run, "app-lb-alb.arn"), "webAclArn", WEB_ACL)),
                run.mocks().ofType(WEB_ACL_ASSOCIATION).stream().map(OfflineMocks.Registration::inputs).toList());
        assertEquals("app-lb-waf", run.mocks().ofType(WEB_ACL_ASSOCIATION).get(0).name());
    }

    @Test
    void taskEgressCidrBlocksLetTheTasksReachOnlyThoseOnHttps() {
        var config = StackConfigs.dev();
        config.put("taskEgressCidrBlocks", "[\"10.0.0.0/16\",\"52.94.0.0/22\"]");
        var run = StackConfigs.run(config).ok();
        assertEquals(List.of(Map.of("description", "HTTPS to the allowed destinations only", "protocol", "tcp",
                        "fromPort", 443.0, "toPort", 443.0, "cidrBlocks", List.of("10.0.0.0/16", "52.94.0.0/22"))),
                run.inputs("app-ecs-task-sg").get("egress"));
        assertFalse(run.inputs("app-lb-alb-sg").containsKey("egress"), "the load balancer's group is untouched");
    }

    @Test
    void logKmsKeyArnEncryptsTheLogGroupAndAddsNothingToTheRole() {
        String key = "arn:aws:kms:eu-central-1:123456789012:key/33333333-4444-5555-6666-777777777777";
        var config = StackConfigs.dev();
        config.put("logKmsKeyArn", key);
        var run = StackConfigs.run(config).ok();
        assertEquals(key, run.inputs("app-ecs-logs").get("kmsKeyId"));
        assertEquals(List.of(readSecrets(generated(run, "app-credentials-secret.arn")),
                        writeLogs(generated(run, "app-ecs-logs.arn"))),
                ExecutionStatements.roleStatements(run, List.of("app-execution-exec-policy", "app-ecs-exec-logs"),
                        List.of()));
    }
}
