package io.github.fargateprivate.patterns;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import io.github.fargateprivate.ecs.CpuArchitecture;
import io.github.fargateprivate.ecs.Launch;
import io.github.fargateprivate.ecs.EcsServiceArgs;
import io.github.fargateprivate.AwsEnvironment;
import io.github.fargateprivate.Problem;
import io.github.fargateprivate.RunAssertions;
import io.github.fargateprivate.ec2.NetworkArgs;
import io.github.fargateprivate.ecs.AutoScalingArgs;
import io.github.fargateprivate.ecs.CapacityProviderStrategy;
import io.github.fargateprivate.ecs.ContainerArgs;
import io.github.fargateprivate.ecs.EcsServiceOptions;
import io.github.fargateprivate.iam.ExecutionStatements;
import io.github.fargateprivate.iam.PolicyStatement;
import io.github.fargateprivate.iam.TaskExecutionRoleArgs;
import io.github.fargateprivate.iam.TaskRoleArgs;
import io.github.fargateprivate.lb.ApplicationLoadBalancer;
import io.github.fargateprivate.lb.ApplicationLoadBalancerArgs;
import io.github.fargateprivate.lb.ApplicationLoadBalancerOptions;
import io.github.fargateprivate.lb.HealthCheckArgs;
import io.github.fargateprivate.lb.ListenerRuleArgs;
import io.github.fargateprivate.lb.TargetGroupArgs;
import io.github.fargateprivate.secretsmanager.RegistryCredentials;
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
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.github.fargateprivate.Fixtures.DB_SECRET;
import static io.github.fargateprivate.Fixtures.ECR_IMAGE;
import static io.github.fargateprivate.Fixtures.GHCR_IMAGE;
import static io.github.fargateprivate.Fixtures.KEY;
import static io.github.fargateprivate.Fixtures.LB_SECURITY_GROUP;
import static io.github.fargateprivate.Fixtures.PARAMETER;
import static io.github.fargateprivate.Fixtures.PRIVATE_SUBNETS;
import static io.github.fargateprivate.Fixtures.REGISTRY_SECRET;
import static io.github.fargateprivate.Fixtures.TASK_ROLE;
import static io.github.fargateprivate.RunAssertions.containers;
import static io.github.fargateprivate.iam.ExecutionStatements.ATTACHMENT;
import static io.github.fargateprivate.iam.ExecutionStatements.MANAGED_POLICY_ARN;
import static io.github.fargateprivate.iam.ExecutionStatements.decryptAppSecrets;
import static io.github.fargateprivate.iam.ExecutionStatements.decryptSecrets;
import static io.github.fargateprivate.iam.ExecutionStatements.ecrAuthorizationToken;
import static io.github.fargateprivate.iam.ExecutionStatements.pullImages;
import static io.github.fargateprivate.iam.ExecutionStatements.readParameters;
import static io.github.fargateprivate.iam.ExecutionStatements.readSecrets;
import static io.github.fargateprivate.iam.ExecutionStatements.repository;
import static io.github.fargateprivate.iam.ExecutionStatements.writeLogs;
import static io.github.fargateprivate.testing.OfflineRun.blocks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoadBalancedFargateServiceTest {

    private static final String SHARED_LISTENER =
            "arn:aws:elasticloadbalancing:eu-central-1:123456789012:listener/app/shared/0123456789abcdef/"
                    + "0123456789abcdef";
    private static final String VPC = "vpc-0123456789abcdef0";
    private static final List<String> PUBLIC_SUBNETS = List.of("subnet-0e0e0e0e0e0e0e0e0", "subnet-0f0f0f0f0f0f0f0f0");
    /** What the mocks name the children of a composite named {@code svc}. */
    private static final String CREATED_SECRET =
            "arn:aws:secretsmanager:eu-central-1:123456789012:secret:svc-credentials-secret-1a2b3c4-AbCdEf";
    private static final String EXECUTION_ROLE = "arn:aws:iam::123456789012:role/svc-execution-exec-role-1a2b3c4";
    private static final String CREATED_TASK_ROLE = "arn:aws:iam::123456789012:role/svc-task-role-1a2b3c4";
    private static final String OWN_TARGET_GROUP =
            "arn:aws:elasticloadbalancing:eu-central-1:123456789012:targetgroup/svc-lb-tg-1a2b3c4/00000000447ab87d";
    private static final String SHARED_TARGET_GROUP =
            "arn:aws:elasticloadbalancing:eu-central-1:123456789012:targetgroup/svc-target-tg-1a2b3c4/00000000057ab902";
    /** The service's log writes, on exactly the streams of the log group the mocks name. */
    private static final JsonObject EXEC_LOGS = writeLogs(ExecutionStatements.logGroup("svc-fargate-logs-1a2b3c4"));
    /** The login token and the pull actions on the repository of {@code ECR_IMAGE}. */
    private static final List<JsonObject> ECR_PULL = List.of(pullImages(repository("app")), ecrAuthorizationToken());
    private static final String WEB_ACL =
            "arn:aws:wafv2:eu-central-1:123456789012:regional/webacl/edge/11111111-2222-3333-4444-555555555555";
    private static final String EGRESS_RULE = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
    private static final String GET_VPC = "aws:ec2/getVpc:getVpc";
    private static final String GET_SUBNETS = "aws:ec2/getSubnets:getSubnets";
    private static final String SECRET = "aws:secretsmanager/secret:Secret";

    /** A run and the composite it created. */
    private record Created(OfflineRun run, LoadBalancedFargateService component) {
        JsonObject main() {
            return containers(run, "svc-fargate-task").get(0);
        }

        Optional<String> credentialsParameter() {
            return Optional.ofNullable(main().getAsJsonObject("repositoryCredentials"))
                    .map(r -> r.get("credentialsParameter").getAsString());
        }

        /**
         * @return the execution role's complete statement set: its inline policy (when it has one), then the service's
         *     log writes; after asserting that no other inline policy but a created task role's is in the run
         */
        List<JsonObject> roleStatements() {
            List<String> policies = run.names().contains("svc-execution-exec-policy")
                    ? List.of("svc-execution-exec-policy", "svc-fargate-exec-logs") : List.of("svc-fargate-exec-logs");
            List<String> others = run.names().contains("svc-task-policy") ? List.of("svc-task-policy") : List.of();
            return ExecutionStatements.roleStatements(run, policies, others);
        }

        String loadBalancerSecurityGroup() {
            return OfflineRun.value(component.loadBalancer().orElseThrow().securityGroupId());
        }

        String taskSecurityGroup() {
            return OfflineRun.value(component.service().securityGroupId());
        }
    }

    /** @return args that need nothing else: an ECR image, which needs no registry credentials, in the default VPC */
    private static LoadBalancedServiceArgs.Builder ecr() {
        return LoadBalancedFargateServiceArgs.builder().container(ContainerArgs.builder().image(ECR_IMAGE).build());
    }

    private static Created create(Consumer<LoadBalancedServiceArgs.Builder> configure, OfflineMocks mocks,
                                  boolean west) {
        return create(configure, mocks, west, "svc");
    }

    private static Created create(Consumer<LoadBalancedServiceArgs.Builder> configure, OfflineMocks mocks,
                                  boolean west, String name) {
        var component = new AtomicReference<LoadBalancedFargateService>();
        var run = OfflineRun.of(ctx -> {
            var args = ecr();
            configure.accept(args);
            component.set(new LoadBalancedFargateService(name, args.build(),
                    west ? RunAssertions.westProvider() : ComponentResourceOptions.Empty));
        }, mocks);
        return new Created(run, component.get());
    }

    private static Created ok(Consumer<LoadBalancedServiceArgs.Builder> configure) {
        var created = create(configure, new OfflineMocks(), false);
        created.run().ok();
        return created;
    }

    private static OfflineRun run(Consumer<LoadBalancedServiceArgs.Builder> configure) {
        return create(configure, new OfflineMocks(), false).run();
    }

    private static Consumer<LoadBalancedServiceArgs.Builder> ghcr(RegistryCredentials credentials) {
        return a -> a.container(ContainerArgs.builder().image(GHCR_IMAGE).build()).registryCredentials(credentials);
    }

    private static RegistryCredentials.Create created() {
        return RegistryCredentials.create("octocat", Output.ofSecret("ghp_token"));
    }

    private static ListenerRuleArgs sharedRule() {
        return sharedRuleBuilder().priority(10).pathPattern("/api/*").build();
    }

    /** @return a place on a load balancer of another stack, known by its listener and group; no targets' group */
    private static ListenerRuleArgs.Builder sharedRuleBuilder() {
        return ListenerRuleArgs.builder().listenerArn(SHARED_LISTENER).loadBalancerSecurityGroupId(LB_SECURITY_GROUP);
    }

    // Own and shared load balancer

    @Test
    void ownLoadBalancerInTheDefaultVpcIsWiredToTheService() {
        var c = ok(a -> { });
        var run = c.run();
        assertEquals(Set.of("svc", "svc-execution", "svc-execution-exec-role", "svc-execution-exec-policy",
                "svc-lb", "svc-lb-alb-sg", "svc-lb-targets-sg", "svc-lb-targets-egress", "svc-lb-alb", "svc-lb-tg",
                "svc-lb-http", "svc-fargate", "svc-fargate-cluster", "svc-fargate-logs", "svc-fargate-exec-logs",
                "svc-fargate-task-sg", "svc-fargate-task", "svc-fargate-service", "svc-alarms", "svc-alarms-5xx",
                "svc-alarms-unhealthy"), run.names());
        assertTrue(run.mocks().invokes().containsAll(List.of(GET_VPC, GET_SUBNETS)));
        assertEquals(OfflineMocks.DEFAULT_VPC, run.inputs("svc-lb-alb-sg").get("vpcId"));
        assertEquals(OfflineMocks.DEFAULT_VPC, run.inputs("svc-fargate-task-sg").get("vpcId"));
        assertEquals(OfflineMocks.DEFAULT_SUBNETS, run.inputs("svc-lb-alb").get("subnets"));
        String targets = OfflineRun.value(c.component().loadBalancer().orElseThrow().targetsSecurityGroupId());
        assertEquals(Map.of("subnets", OfflineMocks.DEFAULT_SUBNETS, "securityGroups", List.of(c.taskSecurityGroup(),
                targets), "assignPublicIp", true), OfflineRun.block(run.inputs("svc-fargate-service"),
                "networkConfiguration"));

        assertEquals(List.of(c.loadBalancerSecurityGroup()),
                blocks(run.inputs("svc-fargate-task-sg"), "ingress").get(0).get("securityGroups"));
        assertFalse(run.inputs("svc-lb-alb-sg").containsKey("egress"), "the load balancer's group has no egress "
                + "of its own, to no CIDR");
        assertEquals(List.of("svc-lb-targets-egress"), run.mocks().ofType(EGRESS_RULE).stream()
                .map(OfflineMocks.Registration::name).toList());
        assertEquals(Map.of("description", "To the targets; each admits the load balancer on its own port only",
                "securityGroupId", c.loadBalancerSecurityGroup(), "referencedSecurityGroupId", targets,
                "ipProtocol", "tcp", "fromPort", 1.0, "toPort", 65535.0), run.inputs("svc-lb-targets-egress"));
        assertEquals(Map.of("protocol", "tcp", "fromPort", 8080.0, "toPort", 8080.0), blocks(
                run.inputs("svc-fargate-task-sg"), "ingress").get(0).entrySet().stream().filter(e -> List.of(
                "protocol", "fromPort", "toPort").contains(e.getKey())).collect(Collectors.toMap(Map.Entry::getKey,
                Map.Entry::getValue)), "the tasks admit the load balancer on their port only");
        assertEquals(8080.0, run.inputs("svc-lb-tg").get("port"));
        assertEquals(List.of(Map.of("targetGroupArn", OWN_TARGET_GROUP, "containerName", "app",
                "containerPort", 8080.0)), run.inputs("svc-fargate-service").get("loadBalancers"));
        assertEquals(EXECUTION_ROLE, run.inputs("svc-fargate-task").get("executionRoleArn"));
        assertFalse(run.inputs("svc-fargate-task").containsKey("taskRoleArn"));
    }

    @Test
    void handlesAreTheParts() {
        var c = ok(ghcr(created()));
        var component = c.component();
        assertEquals("svc-credentials", component.credentialsSecret().orElseThrow().pulumiResourceName());
        assertEquals(CREATED_SECRET, OfflineRun.value(component.credentialsSecretArn().orElseThrow()));
        assertEquals("svc-execution", component.executionRole().pulumiResourceName());
        assertEquals(EXECUTION_ROLE, OfflineRun.value(component.executionRole().arn()));
        assertTrue(component.taskRole().isEmpty());
        assertEquals("svc-lb", component.loadBalancer().orElseThrow().pulumiResourceName());
        assertTrue(component.listenerTarget().isEmpty());
        assertEquals("svc-lb-tg", component.targetGroup().pulumiResourceName());
        assertEquals("svc-fargate", component.service().pulumiResourceName());
        assertEquals("http://svc-lb-alb-1a2b3c4-1234567890.eu-central-1.elb.amazonaws.com",
                OfflineRun.value(component.url().orElseThrow()));
        assertEquals("eu-central-1", component.region());
        assertEquals("svc-fargate-service-1a2b3c4", OfflineRun.value(component.service().serviceName()));
    }

    @Test
    void ownLoadBalancerKeepsTheTypeTokenOfVersionsBefore20AsAnAlias() {
        var registered = ok(a -> { }).run().registrations().stream().filter(r -> r.name().equals("svc-lb"))
                .findFirst().orElseThrow();
        assertEquals(ApplicationLoadBalancer.TYPE, registered.type());
        assertEquals(List.of(Map.entry(ApplicationLoadBalancer.TYPE_BEFORE_2_0, "")), registered.aliases());
    }

    @Test
    void aPlaceOnASharedLoadBalancerCreatesATargetGroupAndARuleButNoLoadBalancer() {
        var c = ok(a -> a.listenerRule(sharedRule()));
        var run = c.run();
        assertTrue(run.names().containsAll(Set.of("svc-target", "svc-target-tg", "svc-target-rule")));
        assertTrue(run.names().stream().noneMatch(n -> n.startsWith("svc-lb")), run.names().toString());
        assertEquals(List.of(), run.mocks().ofType("aws:lb/loadBalancer:LoadBalancer"));
        assertEquals(List.of(), run.mocks().ofType("aws:lb/listener:Listener"));
        var rule = run.inputs("svc-target-rule");
        assertEquals(SHARED_LISTENER, rule.get("listenerArn"));
        assertEquals(10.0, rule.get("priority"));
        assertEquals(List.of(Map.of("pathPattern", Map.of("values", List.of("/api/*")))), rule.get("conditions"));
        assertEquals(List.of(Map.of("type", "forward", "targetGroupArn", SHARED_TARGET_GROUP)), rule.get("actions"));
        assertEquals(OfflineMocks.DEFAULT_VPC, run.inputs("svc-target-tg").get("vpcId"));
        assertEquals(List.of(LB_SECURITY_GROUP),
                blocks(run.inputs("svc-fargate-task-sg"), "ingress").get(0).get("securityGroups"));
        assertEquals(LB_SECURITY_GROUP, run.inputs("svc-fargate-alb-egress").get("securityGroupId"));
        assertEquals(List.of(Map.of("targetGroupArn", SHARED_TARGET_GROUP, "containerName", "app",
                "containerPort", 8080.0)), run.inputs("svc-fargate-service").get("loadBalancers"));
        assertTrue(c.component().loadBalancer().isEmpty());
        assertTrue(c.component().url().isEmpty());
        assertEquals("svc-target", c.component().listenerTarget().orElseThrow().pulumiResourceName());
        assertEquals("svc-target-tg", c.component().targetGroup().pulumiResourceName());
    }

    @Test
    void aGivenNetworkIsUsedAsIsAndNoVpcIsLookedUp() {
        var run = ok(a -> a.network(NetworkArgs.builder().vpcId(VPC).publicSubnetIds(PUBLIC_SUBNETS)
                .privateSubnetIds(PRIVATE_SUBNETS).build())).run();
        assertFalse(run.mocks().invokes().contains(GET_VPC));
        assertFalse(run.mocks().invokes().contains(GET_SUBNETS));
        assertEquals(VPC, run.inputs("svc-lb-tg").get("vpcId"));
        assertEquals(PUBLIC_SUBNETS, run.inputs("svc-lb-alb").get("subnets"));
        var network = OfflineRun.block(run.inputs("svc-fargate-service"), "networkConfiguration");
        assertEquals(PRIVATE_SUBNETS, network.get("subnets"));
        assertEquals(false, network.get("assignPublicIp"));
    }

    @Test
    void theTargetGroupTakesTheContainersPortAndItsOwnHealthCheck() {
        var run = ok(a -> a.container(ContainerArgs.builder().image(ECR_IMAGE).port(9000).build())
                .targetGroup(TargetGroupArgs.builder().healthCheck(HealthCheckArgs.builder().path("/ready").build())
                        .deregistrationDelaySeconds(20).build())).run();
        var tg = run.inputs("svc-lb-tg");
        assertEquals(9000.0, tg.get("port"));
        assertEquals(20.0, tg.get("deregistrationDelay"));
        assertEquals("/ready", OfflineRun.block(tg, "healthCheck").get("path"));
        assertEquals(9000.0, blocks(run.inputs("svc-fargate-task-sg"), "ingress").get(0).get("fromPort"));
        assertEquals(9000.0, blocks(run.inputs("svc-fargate-task-sg"), "ingress").get(0).get("toPort"));
    }

    @Test
    void serviceOptionsReachTheService() {
        var run = ok(a -> a.service(EcsServiceOptions.builder().cpu(512).memory(1024).desiredCount(3)
                .family("acme-prod").healthCheckGracePeriodSeconds(120).waitForSteadyState(false)
                .launch(Launch.fargate().capacityProvider(CapacityProviderStrategy.fargateSpot(1))).build())).run();
        var task = run.inputs("svc-fargate-task");
        assertEquals("512", task.get("cpu"));
        assertEquals("1024", task.get("memory"));
        assertEquals("acme-prod", task.get("family"));
        var service = run.inputs("svc-fargate-service");
        assertEquals(3.0, service.get("desiredCount"));
        assertEquals(120.0, service.get("healthCheckGracePeriodSeconds"));
        assertEquals(false, service.get("waitForSteadyState"));
        assertFalse(service.containsKey("launchType"));
        assertTrue(run.names().contains("svc-fargate-capacity-providers"));
    }

    // Registry credentials

    @Test
    void createdCredentialsAreTheMainContainersOnlyAndTheRolesReadableSecret() {
        var c = ok(ghcr(created()).andThen(a -> a.sidecar(ContainerArgs.builder().name("otel")
                .image("otel/opentelemetry-collector:0.98.0").build(), RegistryCredentials.none())));
        assertEquals(1, c.run().mocks().ofType(SECRET).size());
        assertEquals(Optional.of(CREATED_SECRET), c.credentialsParameter());
        assertFalse(containers(c.run(), "svc-fargate-task").get(1).has("repositoryCredentials"));
        assertEquals(List.of(readSecrets(CREATED_SECRET), EXEC_LOGS), c.roleStatements());
        ExecutionStatements.assertNoEcrAction(c.run());
    }

    @Test
    void theCredentialsKeyEncryptsTheCreatedSecretAndTheRoleMayDecryptWithIt() {
        var c = ok(ghcr(created().kmsKeyArn(KEY)));
        assertEquals(KEY, c.run().inputs("svc-credentials-secret").get("kmsKeyId"));
        assertEquals(List.of(readSecrets(CREATED_SECRET), decryptSecrets("DecryptSecrets", KEY), EXEC_LOGS),
                c.roleStatements());
    }

    @Test
    void anExistingSecretIsUsedAsIsAndNoSecretIsCreated() {
        var c = ok(ghcr(RegistryCredentials.existing(REGISTRY_SECRET).kmsKeyArn(KEY)));
        assertEquals(List.of(), c.run().mocks().ofType(SECRET));
        assertTrue(c.component().credentialsSecret().isEmpty());
        assertEquals(Optional.of(REGISTRY_SECRET), c.credentialsParameter());
        assertEquals(List.of(readSecrets(REGISTRY_SECRET), decryptSecrets("DecryptSecrets", KEY), EXEC_LOGS),
                c.roleStatements());
        assertEquals(REGISTRY_SECRET, OfflineRun.value(c.component().credentialsSecretArn().orElseThrow()));
    }

    @Test
    void anExistingSecretByNameIsReadThroughItsArnPattern() {
        var c = ok(ghcr(RegistryCredentials.existing("registry")));
        assertEquals(Optional.of("registry"), c.credentialsParameter());
        assertEquals(List.of(readSecrets("arn:aws:secretsmanager:eu-central-1:123456789012:secret:registry-??????"),
                EXEC_LOGS), c.roleStatements());
    }

    @Test
    void aPublicImageAndAnEcrImageNeedNoCredentials() {
        for (var c : List.of(ok(ghcr(RegistryCredentials.none())), ok(a -> { }),
                ok(a -> a.registryCredentials(RegistryCredentials.none())))) {
            assertEquals(Optional.empty(), c.credentialsParameter());
            assertEquals(List.of(), c.run().mocks().ofType(SECRET));
            assertTrue(c.component().credentialsSecretArn().isEmpty());
            assertTrue(c.roleStatements().stream().noneMatch(s -> s.toString().contains("secretsmanager:")));
        }
    }

    @Test
    void appSecretsOfEveryContainerAreReadableByTheRoleAndNamedByValueFromInTheirContainer() {
        var c = ok(a -> a.container(ContainerArgs.builder().image(ECR_IMAGE)
                        .appSecret("DB_URL", PARAMETER).appSecret("DB_PASSWORD", DB_SECRET + ":password::").build())
                .sidecar(ContainerArgs.builder().name("otel").image("otel/opentelemetry-collector:0.98.0")
                        .appSecret("API_KEY", Output.of("arn:aws:secretsmanager:eu-central-1:123456789012:"
                                + "secret:api-AbCdEf")).build(), RegistryCredentials.none()));
        assertEquals(List.of(readSecrets(DB_SECRET, "arn:aws:secretsmanager:eu-central-1:123456789012:secret:"
                        + "api-AbCdEf"), readParameters(PARAMETER), ECR_PULL.get(0), ECR_PULL.get(1), EXEC_LOGS),
                c.roleStatements());
        assertEquals(JsonParser.parseString("[{\"name\": \"DB_PASSWORD\", \"valueFrom\": \"" + DB_SECRET
                + ":password::\"}, {\"name\": \"DB_URL\", \"valueFrom\": \"" + PARAMETER + "\"}]"),
                c.main().get("secrets"));
        assertEquals(Map.of("secret-version-DB_PASSWORD", OfflineMocks.SECRET_VERSION,
                        "secret-version-DB_URL", String.valueOf(OfflineMocks.PARAMETER_VERSION)),
                c.run().inputs("svc-fargate-service").get("triggers"));
    }

    // The execution role: its complete statement set for each registry kind and each optional feature

    /** A way of giving registry credentials, and the secret the role then reads (null: none). */
    private record Credentials(String name, RegistryCredentials credentials, String readable) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> registryKinds() {
        List<Credentials> ways = List.of(
                new Credentials("created secret", created(), CREATED_SECRET),
                new Credentials("existing secret by ARN", RegistryCredentials.existing(REGISTRY_SECRET),
                        REGISTRY_SECRET),
                new Credentials("existing secret by name", RegistryCredentials.existing("registry/pull"),
                        "arn:aws:secretsmanager:eu-central-1:123456789012:secret:registry/pull-??????"),
                new Credentials("none (public image)", RegistryCredentials.none(), null));
        return Stream.of("ghcr.io/acme/app:1.2.3", "acme/app:1.0", "registry.gitlab.com/acme/group/app:1.0",
                        "quay.io/acme/app:1.0", "registry.example.com:5000/team/app:2")
                .flatMap(image -> ways.stream().map(way -> Arguments.of(image, way)));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("registryKinds")
    void offEcrTheRoleReadsExactlyTheCredentialsWritesTheLogsAndHasNoEcrAction(String image, Credentials way) {
        var c = ok(a -> a.container(ContainerArgs.builder().image(image).build())
                .registryCredentials(way.credentials()));
        assertEquals(way.readable() == null ? List.of(EXEC_LOGS) : List.of(readSecrets(way.readable()), EXEC_LOGS),
                c.roleStatements());
        ExecutionStatements.assertNoEcrAction(c.run());
    }

    @Test
    void onEcrTheRolePullsFromExactlyTheImagesRepositoryAndWritesTheLogs() {
        for (var c : List.of(ok(a -> { }), ok(a -> a.registryCredentials(RegistryCredentials.none())))) {
            assertEquals(List.of(ECR_PULL.get(0), ECR_PULL.get(1), EXEC_LOGS), c.roleStatements());
            assertEquals(List.of(), c.run().mocks().ofType(ATTACHMENT));
        }
    }

    @Test
    void anEcrImageOfAnotherResourceIsPulledFromItsRepositoryAndAnImageOffEcrGetsNoEcrAction() {
        var ecr = ok(a -> a.container(ContainerArgs.builder().image(Output.of(ECR_IMAGE)).build()));
        assertEquals(List.of(ECR_PULL.get(0), ECR_PULL.get(1), EXEC_LOGS), ecr.roleStatements());
        var ghcr = ok(ghcr(created()).andThen(a -> a.container(ContainerArgs.builder().image(Output.of(GHCR_IMAGE))
                .build())));
        assertEquals(List.of(readSecrets(CREATED_SECRET), EXEC_LOGS), ghcr.roleStatements());
        ExecutionStatements.assertNoEcrAction(ghcr.run());
    }

    @Test
    void anEcrSidecarOfAnotherAccountAndRegionIsPulledFromExactlyItsRepository() {
        var c = ok(ghcr(created()).andThen(a -> a.sidecar(ContainerArgs.builder().name("tool")
                .image("210987654321.dkr.ecr.us-east-1.amazonaws.com/team/tool:2").build())));
        assertEquals(List.of(readSecrets(CREATED_SECRET), pullImages(repository("team/tool", "us-east-1",
                "210987654321")), ecrAuthorizationToken(), EXEC_LOGS), c.roleStatements());
        assertFalse(containers(c.run(), "svc-fargate-task").get(1).has("repositoryCredentials"));
    }

    @Test
    void appSecretsAndTheirKeysBesideARegistrySecretAndItsKey() {
        String apiKey = "arn:aws:secretsmanager:eu-central-1:123456789012:secret:api-AbCdEf";
        var c = ok(ghcr(RegistryCredentials.existing(REGISTRY_SECRET).kmsKeyArn(KEY)).andThen(a -> a
                .container(ContainerArgs.builder().image(GHCR_IMAGE).appSecret("DB_URL", PARAMETER)
                        .appSecret("DB_PASSWORD", DB_SECRET + ":password::").appSecretsKmsKeyArn(OTHER_REGION_KEY)
                        .build())
                .sidecar(ContainerArgs.builder().name("otel").image("otel/opentelemetry-collector:0.98.0")
                        .appSecret("API_KEY", apiKey).appSecretsKmsKeyArn(OTHER_REGION_KEY).build(),
                        RegistryCredentials.none())));
        assertEquals(List.of(readSecrets(REGISTRY_SECRET, DB_SECRET, apiKey), readParameters(PARAMETER),
                decryptSecrets("DecryptSecrets", KEY), decryptAppSecrets("DecryptAppSecrets", OTHER_REGION_KEY),
                EXEC_LOGS), c.roleStatements());
        ExecutionStatements.assertNoEcrAction(c.run());
    }

    @Test
    void theManagedPolicyIsAttachedOnlyWhenAskedBesideTheSameStatements() {
        var c = ok(ghcr(created()).andThen(a -> a.executionRole(TaskExecutionRoleArgs.builder().managedPolicy(true)
                .tags(Map.of("tier", "exec")).build()).tags(Map.of("team", "payments"))));
        var attachments = c.run().mocks().ofType(ATTACHMENT);
        assertEquals(List.of("svc-execution-exec-managed"), attachments.stream().map(OfflineMocks.Registration::name)
                .toList());
        assertEquals(Map.of("policyArn", MANAGED_POLICY_ARN, "role", "svc-execution-exec-role-1a2b3c4"),
                attachments.get(0).inputs());
        assertEquals(List.of(readSecrets(CREATED_SECRET), EXEC_LOGS), c.roleStatements());
        assertEquals(Map.of("team", "payments", "tier", "exec"), c.run().inputs("svc-execution-exec-role").get("tags"));
        assertEquals(List.of(), ok(ghcr(created())).run().mocks().ofType(ATTACHMENT), "off by default");
    }

    @Test
    void theLogWritesGoToTheExecutionRoleAndTheTaskWaitsForThem() {
        var c = ok(a -> { });
        assertEquals("svc-execution-exec-role-1a2b3c4", c.run().inputs("svc-fargate-exec-logs").get("role"));
        assertEquals("svc-fargate-exec-logs", c.component().service().logsPolicy().orElseThrow()
                .pulumiResourceName());
        assertEquals(EXECUTION_ROLE, c.run().inputs("svc-fargate-task").get("executionRoleArn"));
    }

    @Test
    void aLogGroupKeyEncryptsTheLogsAndAddsNothingToTheRole() {
        var c = ok(service(s -> s.logKmsKeyArn(KEY)));
        assertEquals(KEY, c.run().inputs("svc-fargate-logs").get("kmsKeyId"));
        assertEquals(List.of(ECR_PULL.get(0), ECR_PULL.get(1), EXEC_LOGS), c.roleStatements());
        assertFalse(ok(a -> { }).run().inputs("svc-fargate-logs").containsKey("kmsKeyId"));
    }

    // The tasks' and the load balancer's traffic

    private static Map<String, Object> https(List<String> cidrBlocks) {
        return Map.of("description", "HTTPS to the allowed destinations only", "protocol", "tcp", "fromPort", 443.0,
                "toPort", 443.0, "cidrBlocks", cidrBlocks);
    }

    @Test
    void restrictedTasksMayReachOnlyTheGivenBlocksOnHttps() {
        List<String> blocks = List.of("10.0.0.0/16", "203.0.113.0/24");
        assertEquals(List.of(https(blocks)), ok(service(s -> s.taskEgressCidrBlocks(blocks))).run()
                .inputs("svc-fargate-task-sg").get("egress"));
        assertEquals(List.of(https(blocks)), ok(service(s -> s.taskEgressCidrBlocks(Output.of(blocks)))).run()
                .inputs("svc-fargate-task-sg").get("egress"));
        assertEquals(List.of(Map.of("description", "Registry pulls, AWS APIs and the application's own calls",
                        "protocol", "-1", "fromPort", 0.0, "toPort", 0.0, "cidrBlocks", List.of("0.0.0.0/0"))),
                ok(a -> { }).run().inputs("svc-fargate-task-sg").get("egress"), "anywhere unless restricted");
    }

    /** Services named by their container port on one shared load balancer of the program, by path. */
    private static OfflineRun sharedLoadBalancer(Map<String, Integer> ports, AtomicReference<ApplicationLoadBalancer>
            shared, Map<String, LoadBalancedFargateService> services) {
        return OfflineRun.of(ctx -> {
            var network = NetworkArgs.builder().vpcId(OfflineMocks.DEFAULT_VPC)
                    .publicSubnetIds(OfflineMocks.DEFAULT_SUBNETS).build();
            shared.set(new ApplicationLoadBalancer("shared", ApplicationLoadBalancerArgs.builder().network(network)
                    .build()));
            new TreeMap<>(ports).forEach((name, port) -> services.put(name,
                    new LoadBalancedFargateService(name, LoadBalancedFargateServiceArgs.builder()
                            .container(ContainerArgs.builder().image(ECR_IMAGE).port(port).build())
                            .network(network)
                            .listenerRule(ListenerRuleArgs.builder().loadBalancer(shared.get())
                                    .pathPattern("/" + name + "/*").priority(port).build())
                            .build())));
        }, new OfflineMocks());
    }

    @Test
    void aSharedLoadBalancersGroupHoldsOneEgressRuleToItsTargetsHoweverManyServicesJoin() {
        var services = new ConcurrentHashMap<String, LoadBalancedFargateService>();
        var shared = new AtomicReference<ApplicationLoadBalancer>();
        var run = sharedLoadBalancer(Map.of("api", 8080, "web", 9000, "admin", 9100), shared, services).ok();
        String group = OfflineRun.value(shared.get().securityGroupId());
        String targets = OfflineRun.value(shared.get().targetsSecurityGroupId());
        assertFalse(run.inputs("shared-alb-sg").containsKey("egress"), "no egress of its own, to no CIDR");
        assertEquals(Set.of("shared-targets-egress"), run.mocks().ofType(EGRESS_RULE).stream()
                .map(OfflineMocks.Registration::name).collect(Collectors.toSet()), "one rule for three services");
        assertEquals(Map.of("description", "To the targets; each admits the load balancer on its own port only",
                "securityGroupId", group, "referencedSecurityGroupId", targets,
                "ipProtocol", "tcp", "fromPort", 1.0, "toPort", 65535.0), run.inputs("shared-targets-egress"));
        assertFalse(run.inputs("shared-targets-sg").containsKey("ingress"), "the targets' group admits nothing");
        Map.of("api", 8080.0, "web", 9000.0, "admin", 9100.0).forEach((name, port) -> {
            String tasks = OfflineRun.value(services.get(name).service().securityGroupId());
            assertEquals(List.of(tasks, targets), OfflineRun.block(run.inputs(name + "-fargate-service"),
                    "networkConfiguration").get("securityGroups"), name + ": its own group and the targets'");
            var ingress = OfflineRun.blocks(run.inputs(name + "-fargate-task-sg"), "ingress");
            assertEquals(List.of(Map.of("description", "From the load balancer", "protocol", "tcp",
                    "fromPort", port, "toPort", port, "securityGroups", List.of(group))), ingress.stream()
                    .map(r -> Map.of("description", r.get("description"), "protocol", r.get("protocol"),
                            "fromPort", r.get("fromPort"), "toPort", r.get("toPort"),
                            "securityGroups", r.get("securityGroups"))).toList(), name + ": on its own port only");
        });
    }

    @Test
    void aLoadBalancerKnownOnlyByItsListenerAndGroupGetsOneEgressRulePerServiceToExactlyItsTasks() {
        var services = new ConcurrentHashMap<String, LoadBalancedFargateService>();
        var run = OfflineRun.of(ctx -> Map.of("api", 8080, "web", 9000).forEach((name, port) -> services.put(name,
                new LoadBalancedFargateService(name, LoadBalancedFargateServiceArgs.builder()
                        .container(ContainerArgs.builder().image(ECR_IMAGE).port(port).build())
                        .network(NETWORK)
                        .listenerRule(sharedRuleBuilder().pathPattern("/" + name + "/*").priority(port).build())
                        .build()))), new OfflineMocks()).ok();
        assertEquals(Set.of("api-fargate-alb-egress", "web-fargate-alb-egress"), run.mocks().ofType(EGRESS_RULE)
                .stream().map(OfflineMocks.Registration::name).collect(Collectors.toSet()));
        Map.of("api", 8080.0, "web", 9000.0).forEach((name, port) -> assertEquals(Map.of(
                        "description", "Load balancer to the tasks of " + name + "-fargate and their health checks",
                        "securityGroupId", LB_SECURITY_GROUP,
                        "referencedSecurityGroupId", OfflineRun.value(services.get(name).service().securityGroupId()),
                        "ipProtocol", "tcp", "fromPort", port, "toPort", port),
                run.inputs(name + "-fargate-alb-egress"), name));
        assertNotEquals(run.inputs("api-fargate-alb-egress").get("referencedSecurityGroupId"),
                run.inputs("web-fargate-alb-egress").get("referencedSecurityGroupId"));
    }

    @Test
    void twoServicesWithOnePriorityOnOneListenerAreRefusedBeforeTheSecondRegistersAnything() {
        var shared = new AtomicReference<ApplicationLoadBalancer>();
        var onComponent = OfflineRun.of(ctx -> {
            shared.set(new ApplicationLoadBalancer("shared", ApplicationLoadBalancerArgs.builder().network(NETWORK)
                    .build()));
            for (String name : List.of("api", "web")) {
                new LoadBalancedFargateService(name, ecr().network(NETWORK).listenerRule(ListenerRuleArgs.builder()
                        .loadBalancer(shared.get()).pathPattern("/" + name + "/*").priority(10).build()).build());
            }
        }, new OfflineMocks());
        Problem p = RunAssertions.problem(onComponent, "listenerRule.priority", "10 is taken on the listener of "
                + "ApplicationLoadBalancer 'shared' by api-target, and ELB refuses a priority twice (PriorityInUse); "
                + "choose another");
        assertNotNull(p);
        assertTrue(onComponent.mocks().awsResources().stream().noneMatch(r -> r.name().startsWith("web-")),
                "the second service registers nothing");
        var onArn = OfflineRun.of(ctx -> {
            for (String name : List.of("api", "web")) {
                new LoadBalancedFargateService(name, ecr().network(NETWORK).listenerRule(sharedRuleBuilder()
                        .pathPattern("/" + name + "/*").priority(10).build()).build());
            }
        }, new OfflineMocks());
        RunAssertions.problem(onArn, "listenerRule.priority", "10 is taken on listener " + SHARED_LISTENER
                + " by api-target");
        // Two load balancers, or two listeners, may each have priority 10.
        OfflineRun.of(ctx -> {
            new LoadBalancedFargateService("api", ecr().network(NETWORK).listenerRule(sharedRuleBuilder().pathPattern("/a")
                    .priority(10).build()).build());
            new LoadBalancedFargateService("web", ecr().network(NETWORK).listenerRule(sharedRuleBuilder()
                    .listenerArn(SHARED_LISTENER.replace("0123456789abcdef", "fedcba9876543210")).pathPattern("/b")
                    .priority(10).build()).build());
        }, new OfflineMocks()).ok();
    }

    /** The composite holds the load balancer's options; its network and target group are the composite's to wire. */
    @Test
    void theCompositeWiresTheLoadBalancersNetworkAndTargetGroup() {
        var other = NetworkArgs.builder().vpcId("vpc-0fedcba9876543210")
                .publicSubnetIds(List.of("subnet-01234567", "subnet-89abcdef")).build();
        var c = ok(a -> a.network(NETWORK).loadBalancer(ApplicationLoadBalancerArgs.builder().network(other)
                .targetGroup(TargetGroupArgs.builder().port(9000).build()).listenerPort(8080).build()));
        var alb = c.run().mocks().named("svc-lb-alb").inputs();
        assertEquals(PUBLIC_SUBNETS, alb.get("subnets"));
        var targetGroup = c.run().mocks().named("svc-lb-tg").inputs();
        assertEquals(VPC, targetGroup.get("vpcId"));
        assertEquals(8080.0, targetGroup.get("port"));
        assertEquals(8080.0, c.run().mocks().named("svc-lb-http").inputs().get("port"));
    }

    @Test
    void aWebAclFiltersTheOwnLoadBalancer() {
        var c = ok(loadBalancer(lb -> lb.webAclArn(WEB_ACL)));
        var association = c.run().mocks().named("svc-lb-waf");
        assertEquals("aws:wafv2/webAclAssociation:WebAclAssociation", association.type());
        assertEquals(Map.of("resourceArn", OfflineRun.value(c.component().loadBalancer().orElseThrow().arn()),
                "webAclArn", WEB_ACL), association.inputs());
        assertFalse(ok(a -> { }).run().names().contains("svc-lb-waf"));
    }

    // Task role

    @Test
    void ecsExecWithoutATaskRoleCreatesOneThatAllowsOnlyEcsExec() {
        var c = ok(a -> a.service(EcsServiceOptions.builder().enableExecuteCommand(true).build()));
        var run = c.run();
        assertTrue(run.names().containsAll(Set.of("svc-task", "svc-task-role", "svc-task-policy")));
        var statements = run.statements("svc-task-policy", "policy");
        assertEquals(1, statements.size());
        assertEquals(JsonParser.parseString("""
                {"Sid": "EcsExecChannels", "Effect": "Allow", "Action": ["ssmmessages:CreateControlChannel",
                 "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"],
                 "Resource": "*"}"""), statements.get(0));
        assertEquals(CREATED_TASK_ROLE, run.inputs("svc-fargate-task").get("taskRoleArn"));
        assertEquals(true, run.inputs("svc-fargate-service").get("enableExecuteCommand"));
        assertEquals("svc-task", c.component().taskRole().orElseThrow().pulumiResourceName());
    }

    @Test
    void ecsExecWithAnExistingTaskRoleCreatesNone() {
        var run = ok(a -> a.service(EcsServiceOptions.builder().enableExecuteCommand(true).taskRoleArn(TASK_ROLE)
                .build())).run();
        assertFalse(run.names().contains("svc-task"));
        assertEquals(TASK_ROLE, run.inputs("svc-fargate-task").get("taskRoleArn"));
    }

    @Test
    void aTaskRoleWithStatementsGetsEcsExecToWhenItIsOn() {
        String bucket = "arn:aws:s3:::acme-assets/*";
        var run = ok(a -> a.taskRole(TaskRoleArgs.builder().statement(PolicyStatement.builder().sid("ReadAssets")
                        .action("s3:GetObject").resource(bucket).build()).build())
                .service(EcsServiceOptions.builder().enableExecuteCommand(true).build())).run();
        assertEquals(List.of("ReadAssets", "EcsExecChannels"), run.statements("svc-task-policy", "policy").stream()
                .map(s -> s.get("Sid").getAsString()).toList());
        assertEquals(CREATED_TASK_ROLE, run.inputs("svc-fargate-task").get("taskRoleArn"));
    }

    // Tags, provider, preview

    private static Consumer<LoadBalancedServiceArgs.Builder> everyPart() {
        return ghcr(created().kmsKeyArn(KEY)).andThen(a -> a
                .loadBalancer(ApplicationLoadBalancerOptions.builder()
                        .certificateArn("arn:aws:acm:eu-central-1:123456789012:certificate/"
                                + "11111111-2222-3333-4444-555555555555").build())
                .sidecar(ContainerArgs.builder().name("otel").image("otel/opentelemetry-collector:0.98.0").build(),
                        RegistryCredentials.none())
                .service(EcsServiceOptions.builder().enableExecuteCommand(true)
                        .autoScaling(AutoScalingArgs.builder().minCount(1).maxCount(4).build())
                        .launch(Launch.fargate().capacityProvider(CapacityProviderStrategy.fargate(1, 1))).build()));
    }

    @Test
    void tagsReachEveryTaggableChild() {
        Map<String, String> tags = Map.of("team", "payments", "env", "prod");
        var run = ok(everyPart().andThen(a -> a.tags(tags)
                .pullFailureTopicArn("arn:aws:sns:eu-central-1:123456789012:alerts"))).run();
        assertEquals(Set.of("aws:appautoscaling/target:Target", "aws:cloudwatch/eventRule:EventRule",
                        "aws:cloudwatch/logGroup:LogGroup", "aws:cloudwatch/metricAlarm:MetricAlarm",
                        "aws:ec2/securityGroup:SecurityGroup", "aws:ecs/cluster:Cluster", "aws:ecs/service:Service",
                        "aws:ecs/taskDefinition:TaskDefinition", "aws:iam/role:Role", "aws:lb/listener:Listener",
                        "aws:lb/loadBalancer:LoadBalancer", "aws:lb/targetGroup:TargetGroup",
                        "aws:secretsmanager/secret:Secret", "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule"),
                RunAssertions.assertTaggedEverywhere(run, tags));
    }

    @Test
    void tagsReachEveryTaggableChildOnASharedLoadBalancerToo() {
        Map<String, String> tags = Map.of("team", "payments");
        var run = ok(a -> a.listenerRule(sharedRule()).tags(tags)).run();
        assertTrue(RunAssertions.assertTaggedEverywhere(run, tags).contains("aws:lb/listenerRule:ListenerRule"));
    }

    @Test
    void aPartsOwnTagsAddToTheCommonOnesAndWinOnAClash() {
        var run = ok(a -> a.tags(Map.of("team", "payments", "tier", "app"))
                .loadBalancer(ApplicationLoadBalancerOptions.builder().tags(Map.of("tier", "edge")).build())
                .service(EcsServiceOptions.builder().tags(Map.of("cost", "42")).build())).run();
        assertEquals(Map.of("team", "payments", "tier", "edge"), run.inputs("svc-lb-alb").get("tags"));
        assertEquals(Map.of("team", "payments", "tier", "app", "cost", "42"),
                run.inputs("svc-fargate-service").get("tags"));
        assertEquals(Map.of("team", "payments", "tier", "app"), run.inputs("svc-execution-exec-role").get("tags"));
    }

    @Test
    void withAnExplicitProviderEveryChildAndLookupUsesIt() {
        var c = create(everyPart().andThen(a -> a.container(ContainerArgs.builder().image(GHCR_IMAGE)
                        .appSecret("DB", "arn:aws:secretsmanager:us-west-2:123456789012:secret:db-AbCdEf").build())
                        .registryCredentials(created())
                        .loadBalancer(ApplicationLoadBalancerOptions.builder().internalLoadBalancer(true).build())
                        .pullFailureTopicArn("arn:aws:sns:us-west-2:123456789012:alerts")),
                new OfflineMocks(), true);
        var run = c.run().ok();
        RunAssertions.assertEverythingUsesWest(run);
        assertTrue(run.mocks().invokes().containsAll(List.of(GET_VPC, GET_SUBNETS,
                "aws:secretsmanager/getSecretVersions:getSecretVersions")));
        for (JsonObject container : containers(run, "svc-fargate-task")) {
            assertEquals("us-west-2", container.getAsJsonObject("logConfiguration").getAsJsonObject("options")
                    .get("awslogs-region").getAsString());
        }
        assertEquals("us-west-2", c.component().region());
        assertTrue(OfflineRun.value(c.component().url().orElseThrow()).contains(".us-west-2.elb.amazonaws.com"));
    }

    @Test
    void aPreviewWithUnknownOutputsRegistersTheSameResources() {
        Consumer<LoadBalancedServiceArgs.Builder> newOptions = everyPart().andThen(a -> a
                .loadBalancer(ApplicationLoadBalancerOptions.builder().webAclArn(Output.of(WEB_ACL)).build())
                .executionRole(TaskExecutionRoleArgs.builder().managedPolicy(true).build())
                .service(EcsServiceOptions.builder().logKmsKeyArn(Output.of(KEY))
                        .taskEgressCidrBlocks(Output.of(List.of("10.0.0.0/8"))).build()));
        for (var configure : List.of(everyPart(), everyPart().andThen(a -> a.loadBalancer(Optional.empty())
                .listenerRule(sharedRule())), newOptions)) {
            var update = create(configure, new OfflineMocks(), false).run().ok();
            var preview = create(configure, new OfflineMocks().unknownOutputs(), false).run().ok();
            assertEquals(RunAssertions.resourceSet(update.mocks()), RunAssertions.resourceSet(preview.mocks()));
            assertTrue(update.mocks().awsResources().size() > 15, update.names().toString());
        }
    }

    // Bad args

    private static Arguments bad(String field, String fragment,
                                 Consumer<LoadBalancedServiceArgs.Builder> configure) {
        return Arguments.of(field, fragment, configure);
    }

    private static Consumer<LoadBalancedServiceArgs.Builder> service(
            Consumer<EcsServiceOptions.Builder> configure) {
        return a -> {
            var s = EcsServiceOptions.builder();
            configure.accept(s);
            a.service(s.build());
        };
    }

    private static Consumer<LoadBalancedServiceArgs.Builder> loadBalancer(
            Consumer<ApplicationLoadBalancerOptions.Builder> configure) {
        return a -> {
            var lb = ApplicationLoadBalancerOptions.builder();
            configure.accept(lb);
            a.loadBalancer(lb.build());
        };
    }

    private static final NetworkArgs NETWORK = NetworkArgs.builder().vpcId(VPC).publicSubnetIds(PUBLIC_SUBNETS).build();
    private static final String OTHER_REGION_KEY =
            "arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555";

    /**
     * What the composite wires into its service cannot be written in the service's options: their builder has no
     * setter for it (the refusals of earlier versions, "set it on the LoadBalancedFargateServiceArgs", are gone).
     */
    @Test
    void theServiceOptionsHoldNoWiring() {
        Set<String> setters = java.util.Arrays.stream(EcsServiceOptions.Builder.class.getMethods())
                .map(java.lang.reflect.Method::getName).collect(Collectors.toSet());
        for (String wiring : List.of("network", "container", "sidecar", "registryCredentialsArn",
                "sidecarRegistryCredentialsArn", "executionRoleArn", "executionRoleName", "loadBalancer",
                "targetGroupArn", "loadBalancerSecurityGroupId", "targetsSecurityGroupId", "vpcEndpoints")) {
            assertFalse(setters.contains(wiring), wiring);
        }
        assertTrue(setters.containsAll(List.of("cpu", "memory", "launch", "clusterArn", "logKmsKeyArn")), setters
                .toString());
    }

    /**
     * The 1.x path: a program of 1.x gives the service {@code FargateServiceArgs.builder()...build()}, an
     * {@link EcsServiceArgs} and so {@link EcsServiceOptions}; the composite keeps their options only and wires the
     * rest itself (its execution role, its default VPC), not what the args held.
     */
    @Test
    @SuppressWarnings("removal")
    void theServiceArgsOf1xGiveTheirOptionsAndTheCompositeWiresTheRest() {
        var of1x = io.github.fargateprivate.ecs.FargateServiceArgs.builder().desiredCount(1)
                .executionRoleArn("arn:aws:iam::123456789012:role/other").network(NETWORK).build();
        EcsServiceOptions options = LoadBalancedServiceArgs.builder().service(of1x).build().service();
        assertFalse(options instanceof EcsServiceArgs, "only the options are held");
        assertEquals(1, options.desiredCount());
        var run = ok(a -> a.service(of1x)).run();
        assertEquals(1.0, run.inputs("svc-fargate-service").get("desiredCount"));
        assertEquals(EXECUTION_ROLE, run.inputs("svc-fargate-task").get("executionRoleArn"));
        assertEquals(OfflineMocks.DEFAULT_VPC, run.inputs("svc-fargate-task-sg").get("vpcId"));
    }

    /** The composite holds the execution role's options: wiring in args given there is not taken, the composite's is. */
    @Test
    void theExecutionRoleTakesItsOptionsAndTheCompositeWiresTheRest() {
        var wired = TaskExecutionRoleArgs.builder().managedPolicy(true).tags(Map.of("role", "exec")).image(ECR_IMAGE)
                .logGroupArn("arn:aws:logs:eu-central-1:123456789012:log-group:other").appSecret(DB_SECRET).build();
        var options = LoadBalancedFargateServiceArgs.builder().executionRole(wired).build().executionRole();
        assertFalse(options instanceof TaskExecutionRoleArgs, "only the options are held");
        assertTrue(options.managedPolicy());
        assertEquals(Map.of("role", "exec"), options.tags());
        var run = ok(a -> a.executionRole(wired)).run();
        String policy = String.valueOf(run.inputs("svc-execution-exec-policy").get("policy"));
        assertFalse(policy.contains("log-group:other"), policy);
        assertFalse(policy.contains(DB_SECRET), policy);
        assertTrue(run.inputs("svc-execution-exec-managed").containsKey("policyArn"));
    }

    static Stream<Arguments> wiringSetInsideAPart() {
        return Stream.of(
                bad("listenerRule", "give loadBalancer (an own load balancer) or listenerRule",
                        loadBalancer(lb -> { }).andThen(a -> a.listenerRule(sharedRule()))),
                bad("targetGroup.port", "9000 differs from the container's port 8080",
                        a -> a.targetGroup(TargetGroupArgs.builder().port(9000).build())),
                bad("taskRole", "create a task role here or give an existing one in service.taskRoleArn",
                        service(s -> s.taskRoleArn(TASK_ROLE)).andThen(a -> a.taskRole(TaskRoleArgs.builder()
                                .build()))));
    }

    static Stream<Arguments> badArgs() {
        return Stream.of(
                bad("container", "required: the main container", a -> a.container(Optional.empty())),
                bad("container.image", "has an invalid repository path component 'Acme'",
                        a -> a.container(ContainerArgs.builder().image("ghcr.io/Acme/app:1").build())),
                bad("container.environment", "'API_TOKEN' looks like a secret",
                        a -> a.container(ContainerArgs.builder().image(ECR_IMAGE).environment("API_TOKEN", "t")
                                .build())),
                bad("sidecars[0].name", "required for a sidecar",
                        a -> a.sidecar(ContainerArgs.builder().image("otel/collector:1").build())),
                bad("sidecars[0].name", "'app' is the name of another container",
                        a -> a.sidecar(ContainerArgs.builder().name("app").image("otel/collector:1").build())),
                bad("container.dependsOn", "'otel' is essential",
                        a -> a.container(ContainerArgs.builder().image(ECR_IMAGE).dependsOn("otel", "COMPLETE")
                                .build()).sidecar(ContainerArgs.builder().name("otel").image("otel/collector:1")
                                .build())),
                bad("network.vpcId", "'vpc-1' is not a VPC id", a -> a.network(NetworkArgs.builder().vpcId("vpc-1")
                        .publicSubnetIds(PUBLIC_SUBNETS).build())),
                bad("service.memory", "Fargate offers no memory 3000 MiB with cpu 256",
                        service(s -> s.memory(3000))),
                bad("service.cpu", "memory 512 MiB pairs with cpu 256", service(s -> s.cpu(1024))),
                bad("service.capacityProviderStrategy", "Fargate Spot runs X86_64 tasks only",
                        service(s -> s.cpuArchitecture(CpuArchitecture.ARM64).launch(Launch.fargate().capacityProvider(CapacityProviderStrategy
                                .fargateSpot(1))))),
                bad("service.logRetentionDays", "13 is not a retention", service(s -> s.logRetentionDays(13))),
                bad("service.autoScaling.minCount", "5 is above maxCount 4",
                        service(s -> s.autoScaling(AutoScalingArgs.builder().minCount(5).maxCount(4).build()))),
                bad("service.clusterArn", "is not an ECS cluster ARN", service(s -> s.clusterArn("shared"))),
                bad("service.family", "'acme.prod' is not a task definition family",
                        service(s -> s.family("acme.prod"))),
                bad("service.taskEgressCidrBlocks", "empty, so the tasks could reach nothing, not even the registry; "
                        + "leave it unset to allow anywhere", service(s -> s.taskEgressCidrBlocks(List.of()))),
                bad("service.taskEgressCidrBlocks", "'10.0.0.1' is not an IPv4 CIDR block (e.g. 10.0.0.0/16)",
                        service(s -> s.taskEgressCidrBlocks(List.of("10.0.0.0/8", "10.0.0.1")))),
                bad("service.taskEgressCidrBlocks", "'10.0.0.1/8' has host bits set",
                        service(s -> s.taskEgressCidrBlocks(List.of("10.0.0.1/8")))),
                bad("service.logKmsKeyArn", "'arn:aws:kms:eu-central-1:123456789012:alias/logs' is an alias ARN; use "
                        + "the key ARN it points to", service(s -> s.logKmsKeyArn(
                        "arn:aws:kms:eu-central-1:123456789012:alias/logs"))),
                bad("service.logKmsKeyArn", "the key is in us-east-1, but the log group is in eu-central-1; "
                        + "CloudWatch Logs uses a key of its own region",
                        service(s -> s.logKmsKeyArn(OTHER_REGION_KEY))),
                bad("service.logKmsKeyArn", "is not a KMS key ARN", service(s -> s.logKmsKeyArn("logs-key"))),
                bad("loadBalancer.certificateArn", "but a load balancer takes only certificates of its own account "
                        + "and region (eu-central-1, 123456789012)", loadBalancer(lb -> lb.certificateArn(
                        "arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555"))),
                bad("loadBalancer.listenerPort", "443 is taken by the HTTPS listener", loadBalancer(lb -> lb
                        .listenerPort(443).certificateArn("arn:aws:acm:eu-central-1:123456789012:certificate/"
                                + "11111111-2222-3333-4444-555555555555"))),
                bad("loadBalancer.allowedCidrBlocks[0]", "'10.0.0.1' is not an IPv4 CIDR block",
                        loadBalancer(lb -> lb.allowedCidrBlocks(List.of("10.0.0.1")))),
                bad("loadBalancer.sslPolicy", "is not an ELB security policy",
                        loadBalancer(lb -> lb.sslPolicy("TLS13"))),
                bad("loadBalancer.webAclArn", "'edge' is not a regional WAF web ACL ARN",
                        loadBalancer(lb -> lb.webAclArn("edge"))),
                bad("loadBalancer.webAclArn", "is not a regional WAF web ACL ARN (arn:aws:wafv2:REGION:ACCOUNT:"
                        + "regional/webacl/NAME/ID; a CloudFront one is global)", loadBalancer(lb -> lb.webAclArn(
                        WEB_ACL.replace("eu-central-1", "us-east-1").replace("regional/", "global/")))),
                bad("loadBalancer.webAclArn", "the web ACL is in us-east-1 of account 123456789012, but a load "
                        + "balancer takes only web ACLs of its own account and region (eu-central-1, 123456789012)",
                        loadBalancer(lb -> lb.webAclArn(WEB_ACL.replace("eu-central-1", "us-east-1")))),
                bad("loadBalancer.webAclArn", "the web ACL is in eu-central-1 of account 210987654321",
                        loadBalancer(lb -> lb.webAclArn(WEB_ACL.replace("123456789012", "210987654321")))),
                bad("executionRole.tags", "starts with aws:", a -> a.executionRole(TaskExecutionRoleArgs.builder()
                        .tags(Map.of("aws:team", "x")).build())),
                bad("targetGroup.healthCheck.path", "must start with '/'",
                        a -> a.targetGroup(TargetGroupArgs.builder().healthCheck(HealthCheckArgs.builder()
                                .path("health").build()).build())),
                bad("targetGroup.deregistrationDelaySeconds", "3601 is outside 0-3600",
                        a -> a.targetGroup(TargetGroupArgs.builder().deregistrationDelaySeconds(3601).build())),
                bad("listenerRule.priority", "required: 1-50000",
                        a -> a.listenerRule(ListenerRuleArgs.builder().listenerArn(SHARED_LISTENER)
                                .loadBalancerSecurityGroupId(LB_SECURITY_GROUP).pathPattern("/api/*").build())),
                bad("listenerRule.hostHeaders", "give a host header or a path pattern",
                        a -> a.listenerRule(ListenerRuleArgs.builder().listenerArn(SHARED_LISTENER)
                                .loadBalancerSecurityGroupId(LB_SECURITY_GROUP).priority(1).build())),
                bad("listenerRule.listenerArn", "is not an Application Load Balancer listener ARN",
                        a -> a.listenerRule(ListenerRuleArgs.builder().listenerArn("listener")
                                .loadBalancerSecurityGroupId(LB_SECURITY_GROUP).priority(1).pathPattern("/x").build())),
                bad("taskRole.statements[0].actions", "'s3:*' allows every action of the service",
                        a -> a.taskRole(TaskRoleArgs.builder().statement(PolicyStatement.builder().sid("All")
                                .action("s3:*").resource("arn:aws:s3:::acme-assets/*").build()).build())),
                bad("registryCredentials", "required for a ghcr image: RegistryCredentials.create(USER, PASSWORD) "
                        + "with a GitHub personal access token (classic) with the read:packages scope, or "
                        + "RegistryCredentials.existing(SECRET_ARN); for a public image, RegistryCredentials.none()",
                        a -> a.container(ContainerArgs.builder().image(GHCR_IMAGE).build())),
                bad("registryCredentials", "required for a dockerhub image",
                        a -> a.container(ContainerArgs.builder().image("acme/app:1").build())),
                bad("registryCredentials", "ECR images need no registry credentials: the execution role pulls them",
                        a -> a.registryCredentials(created())),
                bad("registryCredentials", "ECR images need no registry credentials",
                        a -> a.registryCredentials(RegistryCredentials.existing(REGISTRY_SECRET))),
                bad("registryCredentials.secret", "the secret belongs to account 210987654321",
                        ghcr(RegistryCredentials.existing("arn:aws:secretsmanager:eu-central-1:210987654321:"
                                + "secret:registry-AbCdEf"))),
                bad("registryCredentials.secret", "is a partial secret ARN",
                        ghcr(RegistryCredentials.existing("arn:aws:secretsmanager:eu-central-1:123456789012:"
                                + "secret:registry"))),
                bad("registryCredentials.kmsKeyArn", "the key is in us-east-1, but the credentials secret is in "
                        + "eu-central-1", ghcr(created().kmsKeyArn(OTHER_REGION_KEY))),
                bad("registryCredentials.kmsKeyArn", "the key is in us-east-1",
                        ghcr(RegistryCredentials.existing(REGISTRY_SECRET).kmsKeyArn(OTHER_REGION_KEY))),
                bad("registryCredentials.kmsKeyArn", "is an alias ARN",
                        ghcr(created().kmsKeyArn("arn:aws:kms:eu-central-1:123456789012:alias/registry"))),
                bad("registryCredentials.username", "", ghcr(RegistryCredentials.create(" ",
                        Output.ofSecret("ghp_token")))));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource({"wiringSetInsideAPart", "badArgs"})
    void badArgsAreRefusedUnderTheCompositesFieldsBeforeAnyAwsResource(
            String field, String fragment, Consumer<LoadBalancedServiceArgs.Builder> configure) {
        var run = run(configure);
        RunAssertions.refusedBeforeAnyResource(run, field, fragment);
        assertTrue(run.failure().contains("LoadBalancedFargateService 'svc' has "), run.failure());
    }

    @Test
    void aNameThatCannotNameEcsResourcesIsRefusedBeforeAnyResource() {
        var run = OfflineRun.of(ctx -> new LoadBalancedFargateService("web.prod", ecr().build()), new OfflineMocks());
        // The name the user gave, not the child made from it.
        RunAssertions.refusedBeforeAnyResource(run, "name", "'web.prod' cannot name ECS resources");
        assertEquals(List.of("name"), LoadBalancedFargateService.problems("web.prod", ecr().network(NETWORK).build(),
                new AwsEnvironment(OfflineMocks.ACCOUNT, "eu-central-1", "aws", "amazonaws.com")).stream()
                .map(Problem::field).toList());
    }

    @Test
    void aNameTooLongForTheEcsServiceIsRefusedWithTheLongestThatFitsAndALongNameOtherwiseWorks() {
        String tooLong = "a".repeat(232);
        var run = OfflineRun.of(ctx -> new LoadBalancedFargateService(tooLong, ecr().build()), new OfflineMocks());
        Problem p = RunAssertions.refusedBeforeAnyResource(run, "name", "has 232 characters; the ECS cluster or "
                + "service is named '");
        assertTrue(p.message().endsWith("AWS takes at most 255 (https://docs.aws.amazon.com/AmazonECS/latest/"
                + "APIReference/API_CreateService.html): use a name of at most 231 characters"), p.message());
        // The name, on its own load balancer and on a shared one: every child AWS names fits.
        String name = "checkout-service-eu-production";
        var own = OfflineRun.of(ctx -> new LoadBalancedFargateService(name, ecr().build()), new OfflineMocks()).ok();
        assertTrue(own.mocks().ofType("aws:lb/loadBalancer:LoadBalancer").get(0).name()
                .matches("checkout-serv-[0-9a-f]{6}-alb"));
        assertTrue(own.names().contains(name + "-fargate-service"), "the ECS service keeps its whole name");
        var shared = create(a -> a.listenerRule(ListenerRuleArgs.builder().listenerArn(SHARED_LISTENER)
                .loadBalancerSecurityGroupId(LB_SECURITY_GROUP).hostHeader("checkout.example.com").priority(10)
                .build()), new OfflineMocks(), false, name).run().ok();
        assertTrue(shared.mocks().ofType("aws:lb/targetGroup:TargetGroup").get(0).name()
                .matches("checkout-servi-[0-9a-f]{6}-tg"));
    }

    @Test
    void everyProblemOfEveryPartIsReportedAtOnce() {
        var run = run(a -> a.container(ContainerArgs.builder().image("ghcr.io/Acme/app:1").build())
                .sidecar(ContainerArgs.builder().image("otel/collector:1").build())
                .loadBalancer(ApplicationLoadBalancerOptions.builder().certificateArn("arn:aws:acm:us-east-1:"
                        + "123456789012:certificate/11111111-2222-3333-4444-555555555555").build())
                .registryCredentials(created().kmsKeyArn("arn:aws:kms:eu-central-1:123456789012:alias/x"))
                .service(EcsServiceOptions.builder().memory(3000).build()));
        assertEquals(List.of("container.image", "sidecars[0].name", "loadBalancer.certificateArn",
                        "service.memory", "registryCredentials.kmsKeyArn",
                        "sidecars[0].registryCredentials"),
                RunAssertions.problems(run).stream().map(Problem::field).toList());
        assertTrue(run.failure().contains("LoadBalancedFargateService 'svc' has 6 problems; no AWS resource was registered:"),
                run.failure());
        assertEquals(List.of(), run.mocks().awsResources());
    }

    @Test
    void problemsAreFoundWithoutTheEngineForAStackToReportWithItsOwn() {
        var env = new AwsEnvironment(OfflineMocks.ACCOUNT, "eu-central-1", "aws", "amazonaws.com");
        var problems = LoadBalancedFargateService.problems("svc", ecr().network(NETWORK)
                .service(EcsServiceOptions.builder().memory(3000).logRetentionDays(13).build())
                .targetGroup(TargetGroupArgs.builder().port(9000).build())
                .loadBalancer(ApplicationLoadBalancerOptions.builder().allowedCidrBlocks(List.of("10.1.2.3")).build())
                .build(), env);
        assertEquals(List.of(
                        new Problem("loadBalancer.allowedCidrBlocks[0]",
                                "'10.1.2.3' is not an IPv4 CIDR block (e.g. 10.0.0.0/16)", "10.1.2.3/32"),
                        new Problem("targetGroup.port", "9000 differs from the container's port 8080, where the "
                                + "targets listen; leave it unset", "8080"),
                        new Problem("service.memory", "Fargate offers no memory 3000 MiB with cpu 256 (nor with any "
                                + "other cpu); cpu 256 pairs with memory 512, 1024, 2048 MiB", "2048"),
                        new Problem("service.logRetentionDays", "13 is not a retention CloudWatch Logs accepts; valid "
                                + "values: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, "
                                + "2192, 2557, 2922, 3288, 3653", "14")),
                problems);
        assertEquals(List.of(), LoadBalancedFargateService.problems("svc", ecr().network(NETWORK).build(), env));
    }

    /** The issue dropped 1.x's "drain within the stop timeout" rule: AWS allows any drain of 0-3600 s. */
    @Test
    void aDrainLongerThanTheStopTimeoutIsAllowedAsAwsAllowsIt() {
        var run = ok(a -> a.targetGroup(TargetGroupArgs.builder().deregistrationDelaySeconds(600).build())).run();
        assertEquals(600.0, run.inputs("svc-lb-tg").get("deregistrationDelay"));
    }

    @Test
    void problemsJudgeAgainstTheGivenEnvironment() {
        String westCertificate = "arn:aws:acm:us-west-2:123456789012:certificate/11111111-2222-3333-4444-555555555555";
        java.util.function.Function<String, List<Problem>> problemsIn = region -> LoadBalancedFargateService.problems(
                "svc", ecr().network(NETWORK).loadBalancer(ApplicationLoadBalancerOptions.builder()
                        .certificateArn(westCertificate).build()).build(),
                new AwsEnvironment(OfflineMocks.ACCOUNT, region, "aws", "amazonaws.com"));
        assertEquals(List.of(), problemsIn.apply("us-west-2"));
        assertEquals(List.of("loadBalancer.certificateArn"),
                problemsIn.apply("eu-central-1").stream().map(Problem::field).toList());
    }

    @Test
    void anImageOfAnotherResourceIsCheckedWhenKnownWithTheMessageOfAPlainOne() {
        String upperCase = "ghcr.io/Acme/app:1";
        Problem plain = RunAssertions.problem(run(a -> a.container(ContainerArgs.builder().image(upperCase).build())
                .registryCredentials(RegistryCredentials.none())), "container.image", "'Acme'");
        var run = run(a -> a.container(ContainerArgs.builder().image(Output.of(upperCase)).build())
                .registryCredentials(RegistryCredentials.none()));
        assertEquals(plain.message(), RunAssertions.problem(run, "container.image", "'Acme'").message());
        assertTrue(run.failure().contains("in a value of another resource"), run.failure());
    }

    /** Each option as a plain value and from another resource, with the child that consumes it. */
    static Stream<Arguments> optionsOfOtherResources() {
        String westAcl = WEB_ACL.replace("eu-central-1", "us-east-1");
        return Stream.of(
                Arguments.of("service.taskEgressCidrBlocks", service(s -> s.taskEgressCidrBlocks(List.of())),
                        service(s -> s.taskEgressCidrBlocks(Output.of(List.of()))), "svc-fargate-task-sg"),
                Arguments.of("service.taskEgressCidrBlocks", service(s -> s.taskEgressCidrBlocks(List.of("10.0.0.0/8",
                        "300.0.0.0/8"))), service(s -> s.taskEgressCidrBlocks(Output.of(List.of("10.0.0.0/8",
                        "300.0.0.0/8")))), "svc-fargate-task-sg"),
                Arguments.of("service.logKmsKeyArn", service(s -> s.logKmsKeyArn(OTHER_REGION_KEY)),
                        service(s -> s.logKmsKeyArn(Output.of(OTHER_REGION_KEY))), "svc-fargate-logs"),
                Arguments.of("loadBalancer.webAclArn", loadBalancer(lb -> lb.webAclArn(westAcl)),
                        loadBalancer(lb -> lb.webAclArn(Output.of(westAcl))), "svc-lb-waf"),
                Arguments.of("service.ec2.amiId", service(s -> s.launch(Launch.ec2(
                                io.github.fargateprivate.ecs.Ec2CapacityArgs.builder().amiId("ami-123").build()))),
                        service(s -> s.launch(Launch.ec2(
                                io.github.fargateprivate.ecs.Ec2CapacityArgs.builder().amiId(Output.of("ami-123"))
                                        .build()))), "svc-fargate-ec2-launch-template"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optionsOfOtherResources")
    void optionsOfOtherResourcesAreCheckedWhenKnownUnderTheCompositesFields(
            String field, Consumer<LoadBalancedServiceArgs.Builder> plain,
            Consumer<LoadBalancedServiceArgs.Builder> output, String consumer) {
        Problem expected = RunAssertions.refusedBeforeAnyResource(run(plain), field, "");
        var run = run(output);
        // The part consumes the value the composite checked: the composite's problem alone, whichever runs first.
        assertEquals(List.of(expected), RunAssertions.problems(run));
        assertTrue(run.failure().contains("LoadBalancedFargateService 'svc' has 1 problem in a value of another "
                + "resource"), run.failure());
        // The program fails on the value once it is known; children that do not consume it may exist by then.
        assertFalse(run.names().contains(consumer), consumer + " was registered with the refused value");
    }

    @Test
    void theRegistryOfAnImageOfAnotherResourceIsCheckedWhenKnownWithTheMessageOfAPlainOne() {
        Problem plain = RunAssertions.problem(run(a -> a.container(ContainerArgs.builder().image(GHCR_IMAGE)
                .build())), "registryCredentials", "required for a ghcr image");
        var run = run(a -> a.container(ContainerArgs.builder().image(Output.of(GHCR_IMAGE)).build()));
        assertEquals(plain.message(), RunAssertions.problem(run, "registryCredentials", "").message());
        assertTrue(ok(a -> a.container(ContainerArgs.builder().image(Output.of(ECR_IMAGE)).build())).run()
                .succeeded());
    }

    @Test
    void aTaskRoleStatementNamedLikeTheExecChannelsIsRefusedWhenExecIsOn() {
        var run = run(a -> a.service(EcsServiceOptions.builder().enableExecuteCommand(true).build())
                .taskRole(io.github.fargateprivate.iam.TaskRoleArgs.builder().statement(
                        io.github.fargateprivate.iam.PolicyStatement.builder()
                                .sid(io.github.fargateprivate.iam.TaskRole.EXECUTE_COMMAND_SID).action("s3:GetObject")
                                .resource("arn:aws:s3:::reports/*").build()).build()));
        assertTrue(run.failure().contains("taskRole.statements[0].sid"), run.failure());
        assertEquals(List.of(), run.mocks().awsResources());
    }
}
