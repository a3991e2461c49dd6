package io.github.fargateprivate.patterns;

import com.google.gson.Gson;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import io.github.fargateprivate.ecs.Ec2CapacityOptions;
import io.github.fargateprivate.ecs.RegistryAuth;
import io.github.fargateprivate.ecs.NetworkMode;
import io.github.fargateprivate.ecs.EcsServiceOptions;
import io.github.fargateprivate.ecs.Launch;
import io.github.fargateprivate.ecs.EcsServiceArgs;
import io.github.fargateprivate.Problem;
import io.github.fargateprivate.RunAssertions;
import io.github.fargateprivate.ec2.NetworkArgs;
import io.github.fargateprivate.ec2.VpcEndpointsOptions;
import io.github.fargateprivate.ecr.PullThroughCacheOptions;
import io.github.fargateprivate.ecs.ContainerArgs;
import io.github.fargateprivate.ecs.Ec2CapacityArgs;
import io.github.fargateprivate.ecs.FargateServiceArgs;
import io.github.fargateprivate.lb.TargetGroupArgs;
import io.github.fargateprivate.secretsmanager.RegistryCredentials;
import io.github.fargateprivate.testing.OfflineMocks;
import io.github.fargateprivate.testing.OfflineRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static io.github.fargateprivate.Fixtures.ECR_IMAGE;
import static io.github.fargateprivate.Fixtures.GHCR_IMAGE;
import static io.github.fargateprivate.Fixtures.KEY;
import static io.github.fargateprivate.Fixtures.PRIVATE_SUBNETS;
import static io.github.fargateprivate.Fixtures.REGISTRY_SECRET;
import static io.github.fargateprivate.RunAssertions.containers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The composite on EC2 container instances: target type, who reads the registry credentials, endpoints, secrecy. */
class LoadBalancedFargateServiceEc2Test {

    private static final String PASSWORD = "ghp_Ec2NeverInPlainText0123456789";
    private static final String VPC = "vpc-0123456789abcdef0";
    private static final List<String> PUBLIC_SUBNETS = List.of("subnet-0e0e0e0e0e0e0e0e0", "subnet-0f0f0f0f0f0f0f0f0");
    /** What the mocks name the children of a composite named {@code svc}. */
    private static final String CREATED_SECRET =
            "arn:aws:secretsmanager:eu-central-1:123456789012:secret:svc-credentials-secret-1a2b3c4-AbCdEf";
    private static final String ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
    private static final String LAUNCH_TEMPLATE = "svc-fargate-ec2-launch-template";

    private static EcsServiceOptions.Builder ec2(NetworkMode networkMode, String registryAuth) {
        return EcsServiceOptions.builder().launch(Launch.ec2().networkMode(networkMode)
                .registryAuth(RegistryAuth.valueOf(registryAuth.toUpperCase(java.util.Locale.ROOT))));
    }

    private static Consumer<LoadBalancedServiceArgs.Builder> bridge(String registryAuth) {
        return a -> a.service(ec2(NetworkMode.BRIDGE, registryAuth).build());
    }

    private static Consumer<LoadBalancedServiceArgs.Builder> ghcr(RegistryCredentials credentials) {
        return a -> a.container(ContainerArgs.builder().image(GHCR_IMAGE).build()).registryCredentials(credentials);
    }

    private static RegistryCredentials.Create created() {
        return RegistryCredentials.create("octocat", Output.ofSecret(PASSWORD));
    }

    private static OfflineRun run(Consumer<LoadBalancedServiceArgs.Builder> configure) {
        return OfflineRun.of(ctx -> {
            var args = LoadBalancedFargateServiceArgs.builder()
                    .container(ContainerArgs.builder().image(ECR_IMAGE).build());
            configure.accept(args);
            new LoadBalancedFargateService("svc", args.build(), ComponentResourceOptions.Empty);
        }, new OfflineMocks());
    }

    private static OfflineRun ok(Consumer<LoadBalancedServiceArgs.Builder> configure) {
        return run(configure).ok();
    }

    private static String userData(OfflineRun run) {
        return new String(Base64.getDecoder().decode((String) run.inputs(LAUNCH_TEMPLATE).get("userData")),
                StandardCharsets.UTF_8);
    }

    /** @return the inline policies of the execution role (named by its id, which is its name), as text */
    private static List<String> executionRolePolicies(OfflineRun run) {
        var role = "svc-execution-exec-role-1a2b3c4";
        var policies = run.mocks().ofType(ROLE_POLICY).stream().filter(p -> role.equals(p.inputs().get("role")))
                .map(p -> String.valueOf(p.inputs().get("policy"))).toList();
        assertFalse(policies.isEmpty(), "the execution role writes the logs at least");
        return policies;
    }

    // Target group

    @Test
    void inBridgeModeTheInstancesCarryTheLoadBalancersTargetsGroupAndItsGroupGetsNoRulePerService() {
        var run = ok(bridge(Ec2CapacityArgs.REGISTRY_AUTH_TASK));
        String instances = generated(run, "svc-fargate-ec2-instance-sg.id");
        String targets = generated(run, "svc-lb-targets-sg.id");
        // In the default VPC's public subnets the primary interface asks for a public address and holds the groups.
        assertEquals(List.of(instances, targets), OfflineRun.blocks(run.inputs(LAUNCH_TEMPLATE), "networkInterfaces")
                .get(0).get("securityGroups"));
        assertEquals(Set.of("svc-lb-targets-egress"), run.mocks().ofType(
                "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule").stream()
                .map(OfflineMocks.Registration::name).collect(java.util.stream.Collectors.toSet()));
        // The instances admit the load balancer on the dynamic host ports only.
        var ingress = OfflineRun.blocks(run.inputs("svc-fargate-ec2-instance-sg"), "ingress");
        assertEquals(List.of(32768.0, 65535.0, List.of(generated(run, "svc-lb-alb-sg.id"))), List.of(
                ingress.get(0).get("fromPort"), ingress.get(0).get("toPort"), ingress.get(0).get("securityGroups")));
    }

    private static String generated(OfflineRun run, String origin) {
        return run.mocks().generated().entrySet().stream().filter(e -> e.getValue().equals(origin))
                .map(Map.Entry::getKey).findFirst().orElseThrow(() -> new AssertionError("no " + origin));
    }

    @Test
    void bridgeTasksAreInstanceTargetsAndAwsvpcTasksIpTargets() {
        var bridge = ok(bridge(Ec2CapacityArgs.REGISTRY_AUTH_TASK));
        assertEquals("instance", bridge.inputs("svc-lb-tg").get("targetType"));
        assertEquals(8080.0, bridge.inputs("svc-lb-tg").get("port"));
        assertEquals(List.of(Map.of("targetGroupArn",
                        "arn:aws:elasticloadbalancing:eu-central-1:123456789012:targetgroup/svc-lb-tg-1a2b3c4/00000000447ab87d",
                        "containerName", "app", "containerPort", 8080.0)),
                bridge.inputs("svc-fargate-service").get("loadBalancers"));
        var awsvpc = ok(a -> a.service(ec2(NetworkMode.AWSVPC, Ec2CapacityArgs.REGISTRY_AUTH_TASK).build()));
        assertEquals("ip", awsvpc.inputs("svc-lb-tg").get("targetType"));
    }

    @Test
    void aTargetTypeThatMatchesTheNetworkModeIsAccepted() {
        var run = ok(bridge(Ec2CapacityArgs.REGISTRY_AUTH_TASK).andThen(a -> a.targetGroup(TargetGroupArgs.builder()
                .targetType(TargetGroupArgs.INSTANCE).build())));
        assertEquals("instance", run.inputs("svc-lb-tg").get("targetType"));
    }

    @Test
    void aContradictingTargetTypeIsRefusedWithTheOneThatFits() {
        var bridge = run(bridge(Ec2CapacityArgs.REGISTRY_AUTH_TASK).andThen(a -> a.targetGroup(TargetGroupArgs
                .builder().targetType(TargetGroupArgs.IP).build())));
        Problem p = RunAssertions.refusedBeforeAnyResource(bridge, "targetGroup.targetType",
                "ip does not reach tasks of network mode bridge; leave it unset");
        assertEquals("instance", p.suggested());
        var awsvpc = run(a -> a.service(ec2(NetworkMode.AWSVPC, Ec2CapacityArgs.REGISTRY_AUTH_TASK).build())
                .targetGroup(TargetGroupArgs.builder().targetType(TargetGroupArgs.INSTANCE).build()));
        assertEquals("ip", RunAssertions.refusedBeforeAnyResource(awsvpc, "targetGroup.targetType",
                "instance does not reach tasks of network mode awsvpc").suggested());
    }

    // Registry credentials

    @Test
    void withInstanceAuthTheInstancesReadTheCreatedSecretAndTheExecutionRoleDoesNot() {
        var run = ok(ghcr(created()).andThen(bridge(Ec2CapacityArgs.REGISTRY_AUTH_INSTANCE)));
        executionRolePolicies(run).forEach(p -> assertFalse(p.contains(CREATED_SECRET), p));
        var statements = run.statements("svc-fargate-ec2-instance-secret", "policy");
        assertEquals(1, statements.size());
        assertEquals(List.of(CREATED_SECRET), OfflineRun.strings(statements.get(0).get("Resource")));
        assertFalse(containers(run, "svc-fargate-task").get(0).has("repositoryCredentials"));
        assertTrue(userData(run).contains("secret='" + CREATED_SECRET + "'\n"), userData(run));
    }

    @Test
    void withTaskAuthTheExecutionRoleReadsTheSecretAndTheInstancesDoNot() {
        var run = ok(ghcr(created()).andThen(bridge(Ec2CapacityArgs.REGISTRY_AUTH_TASK)));
        assertTrue(executionRolePolicies(run).stream().anyMatch(p -> p.contains(CREATED_SECRET)));
        assertFalse(run.names().contains("svc-fargate-ec2-instance-secret"));
        assertEquals(CREATED_SECRET, containers(run, "svc-fargate-task").get(0).getAsJsonObject("repositoryCredentials")
                .get("credentialsParameter").getAsString());
        assertFalse(userData(run).contains(CREATED_SECRET));
    }

    @Test
    void withInstanceAuthTheKeyOfAnExistingSecretIsTheInstancesToDecryptWith() {
        var run = ok(ghcr(RegistryCredentials.existing(REGISTRY_SECRET).kmsKeyArn(KEY))
                .andThen(bridge(Ec2CapacityArgs.REGISTRY_AUTH_INSTANCE)));
        executionRolePolicies(run).forEach(p -> {
            assertFalse(p.contains(REGISTRY_SECRET), p);
            assertFalse(p.contains(KEY), p);
        });
        var statements = run.statements("svc-fargate-ec2-instance-secret", "policy");
        assertEquals(List.of(REGISTRY_SECRET), OfflineRun.strings(statements.get(0).get("Resource")));
        assertEquals(List.of(KEY), OfflineRun.strings(statements.get(1).get("Resource")));
        assertEquals(2, statements.size());
    }

    @Test
    void instanceAuthWithoutCredentialsIsRefused() {
        for (var configure : List.of(ghcr(RegistryCredentials.none()), (Consumer<LoadBalancedServiceArgs.Builder>) a -> { })) {
            var run = run(configure.andThen(bridge(Ec2CapacityArgs.REGISTRY_AUTH_INSTANCE)));
            Problem p = RunAssertions.refusedBeforeAnyResource(run, "service.ec2.registryAuth",
                    "instance, but the image needs no registry credentials; use task (or give registryCredentials)");
            assertEquals("task", p.suggested());
        }
    }

    @Test
    void instanceAuthWithAPullThroughCacheIsRefused() {
        var run = run(ghcr(created()).andThen(bridge(Ec2CapacityArgs.REGISTRY_AUTH_INSTANCE))
                .andThen(a -> a.pullThroughCache(PullThroughCacheOptions.builder().build())));
        Problem p = RunAssertions.refusedBeforeAnyResource(run, "service.ec2.registryAuth",
                "instance, but the image comes through the pull-through cache, from ECR, which the execution role "
                        + "pulls from; use task");
        assertEquals("task", p.suggested());
    }

    /** The credentials' key is the composite's to wire: the instances' options have no such setter any more. */
    @Test
    void theCredentialsKeyIsTheCompositesToWire() {
        assertTrue(java.util.Arrays.stream(Ec2CapacityOptions.Builder.class.getMethods())
                .noneMatch(m -> m.getName().equals("registryCredentialsKmsKeyArn")));
    }

    @Test
    void aNameThatWouldStartTheCapacityProviderWithEcsGetsItsHashFirst() {
        var run = OfflineRun.of(ctx -> new LoadBalancedFargateService("ecs-svc", LoadBalancedFargateServiceArgs
                .builder().container(ContainerArgs.builder().image(ECR_IMAGE).build())
                .service(ec2(NetworkMode.BRIDGE, Ec2CapacityArgs.REGISTRY_AUTH_TASK).build()).build()),
                new OfflineMocks()).ok();
        String provider = run.mocks().ofType("aws:ecs/capacityProvider:CapacityProvider").get(0).name();
        assertTrue(provider.matches("[0-9a-f]{6}-ecs-svc-fargate-ec2-capacity-provider"), provider);
    }

    // VPC endpoints

    private static Consumer<LoadBalancedServiceArgs.Builder> privateNetworkWithEndpoints() {
        return a -> a.network(NetworkArgs.builder().vpcId(VPC).publicSubnetIds(PUBLIC_SUBNETS)
                        .privateSubnetIds(PRIVATE_SUBNETS).build())
                .vpcEndpoints(VpcEndpointsOptions.builder().routeTableIds(List.of("rtb-0123456789abcdef0")).build());
    }

    private static Set<String> endpointServices(OfflineRun run) {
        return run.mocks().ofType("aws:ec2/vpcEndpoint:VpcEndpoint").stream()
                .map(e -> String.valueOf(e.inputs().get("serviceName")).replace("com.amazonaws.eu-central-1.", ""))
                .collect(Collectors.toSet());
    }

    @Test
    void onEc2TheEndpointsIncludeTheEcsAgents() {
        var run = ok(privateNetworkWithEndpoints().andThen(bridge(Ec2CapacityArgs.REGISTRY_AUTH_TASK)));
        assertEquals(Set.of("ecr.api", "ecr.dkr", "logs", "s3", "ecs", "ecs-agent", "ecs-telemetry"),
                endpointServices(run));
        assertEquals("Interface", run.inputs("svc-endpoints-ecs-agent").get("vpcEndpointType"));
        assertEquals(PRIVATE_SUBNETS, run.inputs("svc-endpoints-ecs-telemetry").get("subnetIds"));
        assertEquals(PRIVATE_SUBNETS, run.inputs("svc-fargate-ec2-asg").get("vpcZoneIdentifiers"));
    }

    @Test
    void onEc2WithInstanceAuthTheInstancesReachSecretsManagerThroughItsEndpoint() {
        var run = ok(privateNetworkWithEndpoints().andThen(ghcr(created()))
                .andThen(bridge(Ec2CapacityArgs.REGISTRY_AUTH_INSTANCE)));
        assertEquals(Set.of("ecr.api", "ecr.dkr", "logs", "s3", "secretsmanager", "ecs", "ecs-agent",
                "ecs-telemetry"), endpointServices(run));
    }

    @Test
    void onFargateTheEndpointsHaveNoEcsAgentOnes() {
        var run = ok(privateNetworkWithEndpoints());
        assertEquals(Set.of("ecr.api", "ecr.dkr", "logs", "s3"), endpointServices(run));
    }

    // The password

    /**
     * @return every registration's inputs as text, the launch template's user data decoded, by resource name
     */
    private static Map<String, String> inputsAsText(OfflineRun run) {
        var gson = new Gson();
        Map<String, String> text = new HashMap<>();
        for (var r : run.mocks().registrations()) {
            Map<String, Object> inputs = new HashMap<>(r.inputs());
            if (r.type().equals("aws:ec2/launchTemplate:LaunchTemplate")) {
                inputs.put("userData", new String(Base64.getDecoder().decode((String) inputs.get("userData")),
                        StandardCharsets.UTF_8));
            }
            text.put(r.name(), gson.toJson(inputs));
        }
        return text;
    }

    @ParameterizedTest(name = "registryAuth {0}")
    @ValueSource(strings = {Ec2CapacityArgs.REGISTRY_AUTH_TASK, Ec2CapacityArgs.REGISTRY_AUTH_INSTANCE})
    void thePasswordIsInNoInputButTheSecretVersionsValue(String registryAuth) {
        for (NetworkMode networkMode : List.of(NetworkMode.BRIDGE, NetworkMode.AWSVPC)) {
            var run = ok(ghcr(created()).andThen(a -> a.service(ec2(networkMode, registryAuth).build())));
            var text = inputsAsText(run);
            assertTrue(text.containsKey(LAUNCH_TEMPLATE), text.keySet().toString());
            assertTrue(userData(run).contains("ECS_CLUSTER="), "the user data was decoded");
            var holding = text.entrySet().stream().filter(e -> e.getValue().contains(PASSWORD))
                    .map(Map.Entry::getKey).collect(Collectors.toSet());
            assertEquals(Set.of("svc-credentials-version"), holding, networkMode.value());
            assertEquals(Set.of("secretString"), run.inputs("svc-credentials-version").entrySet().stream()
                    .filter(e -> String.valueOf(e.getValue()).contains(PASSWORD)).map(Map.Entry::getKey)
                    .collect(Collectors.toSet()));
        }
    }
}
