package io.github.fargateprivate.ecs;

import com.google.gson.JsonObject;
import com.pulumi.core.Output;
import io.github.fargateprivate.ChildOptions;
import io.github.fargateprivate.ComponentHarness;
import io.github.fargateprivate.Problem;
import io.github.fargateprivate.RunAssertions;
import io.github.fargateprivate.ec2.NetworkArgs;
import io.github.fargateprivate.testing.OfflineMocks;
import io.github.fargateprivate.testing.OfflineRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static io.github.fargateprivate.Fixtures.GHCR_IMAGE;
import static io.github.fargateprivate.Fixtures.KEY;
import static io.github.fargateprivate.Fixtures.LB_SECURITY_GROUP;
import static io.github.fargateprivate.Fixtures.PRIVATE_SUBNETS;
import static io.github.fargateprivate.Fixtures.REGISTRY_SECRET;
import static io.github.fargateprivate.RunAssertions.containers;
import static io.github.fargateprivate.testing.OfflineRun.block;
import static io.github.fargateprivate.testing.OfflineRun.blocks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** FargateService with launch type EC2: on the container instances it creates, in awsvpc or bridge mode. */
class FargateServiceEc2Test {

    private static final String EXECUTION_ROLE = "arn:aws:iam::123456789012:role/exec";
    private static final String TARGET_GROUP =
            "arn:aws:elasticloadbalancing:eu-central-1:123456789012:targetgroup/app/0123456789abcdef";
    /** What the mocks name the children of a component named {@code x}. */
    private static final String CLUSTER = "x-cluster-1a2b3c4";
    private static final String CAPACITY_PROVIDER = "x-ec2-capacity-provider-1a2b3c4";

    /** @return args with every required field set and launch type EC2, in the mocks' default (public) subnets */
    private static EcsServiceArgs.Builder onEc2() {
        return EcsServiceArgs.builder()
                .launch(Launch.ec2())
                .network(NetworkArgs.builder().vpcId(OfflineMocks.DEFAULT_VPC)
                        .publicSubnetIds(OfflineMocks.DEFAULT_SUBNETS).build())
                .container(ContainerArgs.builder().image(GHCR_IMAGE).build())
                .executionRoleArn(EXECUTION_ROLE);
    }

    private static EcsServiceArgs args(Consumer<EcsServiceArgs.Builder> configure) {
        var args = onEc2();
        configure.accept(args);
        return args.build();
    }

    private static ComponentHarness.Created<FargateService> create(Consumer<EcsServiceArgs.Builder> configure) {
        return ComponentHarness.create(options -> new FargateService("x", args(configure), options));
    }

    private static OfflineRun ok(Consumer<EcsServiceArgs.Builder> configure) {
        return create(configure).ok().run();
    }

    private static void bridgeBehindALoadBalancer(EcsServiceArgs.Builder a) {
        bridge().accept(a);
        a.loadBalancer(Output.of(TARGET_GROUP), Output.of(LB_SECURITY_GROUP));
    }

    /** Changes the EC2 launch the builder holds. */
    private static Consumer<EcsServiceArgs.Builder> onLaunch(UnaryOperator<Launch.Ec2> change) {
        return a -> a.launch(change.apply((Launch.Ec2) a.build().launch()));
    }

    private static Consumer<EcsServiceArgs.Builder> bridge() {
        return onLaunch(l -> l.networkMode(NetworkMode.BRIDGE));
    }

    private static Consumer<EcsServiceArgs.Builder> ec2(Consumer<Ec2CapacityOptions.Builder> configure) {
        return onLaunch(l -> {
            var e = Ec2CapacityOptions.builder().from(l.instances());
            configure.accept(e);
            return l.instances(e.build());
        });
    }

    private static Consumer<EcsServiceArgs.Builder> instanceAuth() {
        return onLaunch(l -> l.registryAuth(RegistryAuth.INSTANCE))
                .andThen(a -> a.registryCredentialsArn(REGISTRY_SECRET));
    }

    private static JsonObject main(OfflineRun run) {
        return containers(run, "x-task").get(0);
    }

    private static String userData(OfflineRun run) {
        return String.join("\n", Ec2CapacityTest.userDataLines(run.inputs("x-ec2-launch-template")));
    }

    // Task definition, service and capacity provider

    @Test
    void theTaskDefinitionRequiresEc2InTheGivenNetworkMode() {
        var awsvpc = ok(a -> { }).inputs("x-task");
        assertEquals(List.of("EC2"), awsvpc.get("requiresCompatibilities"));
        assertEquals("awsvpc", awsvpc.get("networkMode"));
        var bridge = ok(FargateServiceEc2Test::bridgeBehindALoadBalancer).inputs("x-task");
        assertEquals(List.of("EC2"), bridge.get("requiresCompatibilities"));
        assertEquals("bridge", bridge.get("networkMode"));
    }

    @Test
    void theServiceRunsOnTheInstancesCapacityProviderWhichTheCreatedClusterAssociates() {
        var created = create(a -> { }).ok();
        var run = created.run();
        var service = run.inputs("x-service");
        assertFalse(service.containsKey("launchType"));
        var strategy = List.of(Map.of("capacityProvider", CAPACITY_PROVIDER, "base", 0.0, "weight", 1.0));
        assertEquals(strategy, service.get("capacityProviderStrategies"));
        var association = run.mocks().named("x-capacity-providers");
        assertEquals("aws:ecs/clusterCapacityProviders:ClusterCapacityProviders", association.type());
        assertEquals(CLUSTER, association.inputs().get("clusterName"));
        assertEquals(List.of(CAPACITY_PROVIDER), association.inputs().get("capacityProviders"));
        assertEquals(strategy, association.inputs().get("defaultCapacityProviderStrategies"));
        var capacity = created.component().ec2Capacity().orElseThrow();
        assertEquals("x-ec2", capacity.pulumiResourceName());
        assertEquals(CAPACITY_PROVIDER, OfflineRun.value(capacity.capacityProviderName()));
        assertTrue(userData(run).contains("ECS_CLUSTER=" + CLUSTER + "\n"), "the instances join the created cluster");
    }

    @Test
    void theServiceWaitsForTheAssociation() {
        var options = ChildOptions.of(o -> new FargateService("x", args(a -> { }), o));
        assertEquals(Set.of("x-capacity-providers"), ChildOptions.dependencies(options.get("x-service")));
    }

    @Test
    void tasksSpreadOverZonesThenPackOntoTheFewestInstances() {
        assertEquals(List.of(Map.of("type", "spread", "field", "attribute:ecs.availability-zone"),
                        Map.of("type", "binpack", "field", "memory")),
                ok(a -> { }).inputs("x-service").get("orderedPlacementStrategies"));
    }

    @Test
    void onFargateNoInstancesAreCreated() {
        var created = ComponentHarness.create(options -> new FargateService("x", onEc2()
                .launch(Launch.fargate()).build(), options)).ok();
        assertTrue(created.component().ec2Capacity().isEmpty());
        assertEquals("FARGATE", created.inputs("x-service").get("launchType"));
        assertFalse(created.run().names().contains("x-ec2"));
        assertEquals(List.of(), created.run().mocks().ofType("aws:autoscaling/group:Group"));
    }

    // awsvpc

    @Test
    void awsvpcTasksOnEc2GetNoPublicIpEvenInPublicSubnets() {
        var created = create(a -> { }).ok();
        var network = block(created.inputs("x-service"), "networkConfiguration");
        assertEquals(Map.of("subnets", OfflineMocks.DEFAULT_SUBNETS, "assignPublicIp", false,
                "securityGroups", List.of(created.value(FargateService::securityGroupId))), network);
        assertEquals(OfflineMocks.DEFAULT_SUBNETS, created.inputs("x-ec2-asg").get("vpcZoneIdentifiers"));
        assertEquals("true", blocks(created.inputs("x-ec2-launch-template"), "networkInterfaces").get(0)
                .get("associatePublicIpAddress"), "without NAT the instances reach ECS through their own address");
        assertTrue(created.run().names().contains("x-task-sg"));
        assertFalse(created.inputs("x-ec2-instance-sg").containsKey("ingress"), "awsvpc tasks have their own");
        var portMappings = main(created.run()).getAsJsonArray("portMappings").get(0).getAsJsonObject();
        assertEquals(8080, portMappings.get("hostPort").getAsInt());
    }

    @Test
    void inPrivateSubnetsTheInstancesAndTasksAreThere() {
        var run = ok(a -> a.network(NetworkArgs.builder().vpcId(OfflineMocks.DEFAULT_VPC)
                .publicSubnetIds(OfflineMocks.DEFAULT_SUBNETS).privateSubnetIds(PRIVATE_SUBNETS).build()));
        assertEquals(PRIVATE_SUBNETS, run.inputs("x-ec2-asg").get("vpcZoneIdentifiers"));
        assertEquals(PRIVATE_SUBNETS, block(run.inputs("x-service"), "networkConfiguration").get("subnets"));
        assertFalse(run.inputs("x-ec2-launch-template").containsKey("networkInterfaces"), "no public address");
    }

    @Test
    void withVpcEndpointsTheInstancesReachThemTooInAwsvpcMode() {
        var created = create(a -> a.vpcEndpoints(Output.of("sg-0eeeeeeeeeeeeeeee"), Output.of("pl-6ea54007"))).ok();
        var rule = created.inputs("x-instance-endpoints-ingress");
        assertEquals("sg-0eeeeeeeeeeeeeeee", rule.get("securityGroupId"));
        assertEquals(OfflineRun.value(created.component().ec2Capacity().orElseThrow().securityGroupId()),
                rule.get("referencedSecurityGroupId"));
        assertEquals(443.0, rule.get("fromPort"));
        assertEquals(443.0, rule.get("toPort"));
        assertTrue(created.component().instanceEndpointsIngress().isPresent());
    }

    // bridge

    @Test
    void bridgeTasksUseDynamicHostPortsAndTheInstancesSecurityGroup() {
        var created = create(FargateServiceEc2Test::bridgeBehindALoadBalancer).ok();
        var run = created.run();
        assertFalse(run.inputs("x-service").containsKey("networkConfiguration"));
        assertEquals(1, main(run).getAsJsonArray("portMappings").size());
        var mapping = main(run).getAsJsonArray("portMappings").get(0).getAsJsonObject();
        assertEquals(8080, mapping.get("containerPort").getAsInt());
        assertEquals(0, mapping.get("hostPort").getAsInt());
        assertFalse(run.names().contains("x-task-sg"));
        String instanceSg = OfflineRun.value(created.component().ec2Capacity().orElseThrow().securityGroupId());
        assertEquals(instanceSg, created.value(FargateService::securityGroupId));
        var egress = run.inputs("x-alb-egress");
        assertEquals(LB_SECURITY_GROUP, egress.get("securityGroupId"));
        assertEquals(instanceSg, egress.get("referencedSecurityGroupId"));
        assertEquals("tcp", egress.get("ipProtocol"));
        assertEquals(32768.0, egress.get("fromPort"));
        assertEquals(65535.0, egress.get("toPort"));
        assertEquals(List.of(Map.of("description", "From the load balancer, to the containers' dynamic host ports",
                        "protocol", "tcp", "fromPort", 32768.0, "toPort", 65535.0,
                        "securityGroups", List.of(LB_SECURITY_GROUP))),
                blocks(run.inputs("x-ec2-instance-sg"), "ingress"));
        assertEquals(List.of(Map.of("targetGroupArn", TARGET_GROUP, "containerName", "app", "containerPort", 8080.0)),
                run.inputs("x-service").get("loadBalancers"));
    }

    @Test
    void bridgeTasksWithoutALoadBalancerAdmitNothing() {
        var run = ok(bridge());
        assertFalse(run.inputs("x-ec2-instance-sg").containsKey("ingress"));
        assertFalse(run.names().contains("x-alb-egress"));
        assertFalse(run.names().contains("x-task-sg"));
    }

    @Test
    void inBridgeModeTheEndpointsAdmitTheInstancesOnce() {
        var created = create(bridge().andThen(a -> a
                .vpcEndpoints(Output.of("sg-0eeeeeeeeeeeeeeee"), Output.of("pl-6ea54007")))).ok();
        assertEquals(OfflineRun.value(created.component().ec2Capacity().orElseThrow().securityGroupId()),
                created.inputs("x-endpoints-ingress").get("referencedSecurityGroupId"));
        assertFalse(created.run().names().contains("x-instance-endpoints-ingress"));
    }

    @Test
    void aPreviewWithUnknownOutputsRegistersTheSameResources() {
        Consumer<EcsServiceArgs.Builder> everything = a -> {
            bridgeBehindALoadBalancer(a);
            instanceAuth().accept(a);
            a.tags(Map.of("team", "payments"));
        };
        var update = create(everything).ok().run();
        var preview = ComponentHarness.create(options -> new FargateService("x", args(everything), options),
                new OfflineMocks().unknownOutputs(), false).ok().run();
        assertEquals(RunAssertions.resourceSet(update.mocks()), RunAssertions.resourceSet(preview.mocks()));
    }

    // Registry credentials

    @Test
    void withInstanceAuthTheTaskNamesNoCredentialsAndTheInstancesReadTheSecret() {
        var run = ok(instanceAuth());
        assertFalse(main(run).has("repositoryCredentials"), main(run).toString());
        String script = userData(run);
        assertTrue(script.contains("secret='" + REGISTRY_SECRET + "'\n"), script);
        assertTrue(script.contains("' 'ghcr.io' \"$credentials\""), script);
        assertEquals(List.of(REGISTRY_SECRET), OfflineRun.strings(run.statements("x-ec2-instance-secret", "policy")
                .get(0).get("Resource")));
    }

    @Test
    void withTaskAuthTheTaskNamesTheCredentialsAndTheInstancesNone() {
        var run = ok(a -> a.registryCredentialsArn(REGISTRY_SECRET));
        assertEquals(REGISTRY_SECRET, main(run).getAsJsonObject("repositoryCredentials").get("credentialsParameter")
                .getAsString());
        assertFalse(userData(run).contains(REGISTRY_SECRET));
        assertFalse(run.names().contains("x-ec2-instance-secret"));
    }

    @Test
    void theInstancesOptionsAndTagsReachThem() {
        var run = ok(ec2(e -> e.instanceType("m7g.large").minInstances(2).maxInstances(4).sessionManager(true)
                .tags(Map.of("pool", "arm"))).andThen(a -> a.cpuArchitecture(CpuArchitecture.ARM64).memory(4096)
                .tags(Map.of("team", "payments"))));
        assertEquals("m7g.large", run.inputs("x-ec2-launch-template").get("instanceType"));
        assertEquals(2.0, run.inputs("x-ec2-asg").get("minSize"));
        assertEquals(4.0, run.inputs("x-ec2-asg").get("maxSize"));
        assertTrue(run.names().contains("x-ec2-instance-ssm"));
        assertEquals(Map.of("team", "payments", "pool", "arm"), run.inputs("x-ec2-launch-template").get("tags"));
        assertEquals(Map.of("team", "payments"), run.inputs("x-task").get("tags"));
        assertEquals(Map.of("operatingSystemFamily", "LINUX", "cpuArchitecture", "ARM64"),
                block(run.inputs("x-task"), "runtimePlatform"));
    }

    @Test
    void taskSizesNeedNotBeFargatesPairsOnEc2() {
        var task = ok(a -> a.cpu(384).memory(1536)).inputs("x-task");
        assertEquals("384", task.get("cpu"));
        assertEquals("1536", task.get("memory"));
    }

    @Test
    void theTasksEgressRulesAreTheInstancesToo() {
        var run = ok(a -> a.taskEgressCidrBlocks(List.of("10.0.0.0/8")));
        assertEquals(blocks(run.inputs("x-task-sg"), "egress"), blocks(run.inputs("x-ec2-instance-sg"), "egress"));
        assertEquals(List.of("10.0.0.0/8"), blocks(run.inputs("x-ec2-instance-sg"), "egress").get(0)
                .get("cidrBlocks"));
    }

    // Bad args

    private static Arguments bad(String field, String fragment, Consumer<EcsServiceArgs.Builder> configure) {
        return Arguments.of(field, fragment, configure);
    }

    static Stream<Arguments> badArgs() {
        return Stream.of(
                bad("clusterArn", "an EC2 service needs the cluster it creates",
                        a -> a.clusterArn("arn:aws:ecs:eu-central-1:123456789012:cluster/shared")),
                bad("memory", "2048 MiB do not fit on a t3.small (2048 MiB, of which the OS and the ECS agent keep "
                        + "about 256): ECS would never place the task", a -> a.memory(2048)),
                bad("memory", "8000 MiB do not fit on a m7g.large", ec2(e -> e.instanceType("m7g.large"))
                        .andThen(a -> a.cpuArchitecture(CpuArchitecture.ARM64).memory(8000))),
                bad("cpuArchitecture", "ARM64 does not match the instance type t3.small, which runs X86_64",
                        a -> a.cpuArchitecture(CpuArchitecture.ARM64)),
                bad("cpuArchitecture", "X86_64 does not match the instance type m7g.large, which runs ARM64",
                        ec2(e -> e.instanceType("m7g.large")).andThen(a -> a.cpuArchitecture(CpuArchitecture.X86_64))),
                bad("cpu", "100 is outside 128-196608", a -> a.cpu(100)),
                bad("cpu", "4096 CPU units do not fit on a t3.small (2048): ECS would never place the task",
                        a -> a.cpu(4096)),
                bad("ec2.registryAuth", "instance needs the registry credentials secret the agent pulls with: give "
                        + "registryCredentialsArn", onLaunch(l -> l.registryAuth(RegistryAuth.INSTANCE))),
                bad("ec2.instanceType", "'t3' is not an EC2 instance type", ec2(e -> e.instanceType("t3"))),
                bad("ec2.minInstances", "4 is above maxInstances 2", ec2(e -> e.minInstances(4).maxInstances(2))),
                bad("ec2.amiId", "'ami-123' is not an AMI id", ec2(e -> e.amiId("ami-123"))),
                bad("registryCredentialsKmsKeyArn", "only with registryAuth instance",
                        a -> a.registryCredentialsArn(REGISTRY_SECRET).registryCredentialsKmsKeyArn(KEY)));
    }

    /**
     * The instances' cluster, network, security groups and registry credentials are the service's to wire: the options
     * a service takes cannot hold them, and those of an {@link Ec2CapacityArgs} given in their place are not taken.
     */
    @Test
    void theInstancesWiringIsTheServicesOwn() {
        for (String wiring : List.of("clusterName", "network", "assignPublicIp", "bridgeIngressFrom",
                "targetsSecurityGroupId", "egress", "registryCredentials")) {
            assertTrue(Arrays.stream(Ec2CapacityOptions.Builder.class.getMethods()).noneMatch(m -> m.getName()
                    .equals(wiring)), "options cannot hold " + wiring);
            assertTrue(Arrays.stream(Ec2CapacityArgs.Builder.class.getMethods()).anyMatch(m -> m.getName()
                    .equals(wiring)), "Ec2Capacity on its own takes " + wiring);
        }
        Consumer<EcsServiceArgs.Builder> wired = onLaunch(l -> l.instances(Ec2CapacityArgs.builder()
                .clusterName(Output.of("other")).assignPublicIp(true)
                .network(Output.of(OfflineMocks.DEFAULT_VPC), Output.of(PRIVATE_SUBNETS)).build()));
        assertFalse(args(wired).ec2().orElseThrow().instances() instanceof Ec2CapacityArgs,
                "the service holds the options only");
        var run = ok(wired);
        assertFalse(userData(run).contains("other"), userData(run));
        assertTrue(userData(run).contains("ECS_CLUSTER="), userData(run));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badArgs")
    void badArgsAreRefusedUnderTheirFieldBeforeAnyAwsResource(String field, String fragment,
                                                             Consumer<EcsServiceArgs.Builder> configure) {
        var run = create(configure).run();
        RunAssertions.refusedBeforeAnyResource(run, field, fragment);
        assertTrue(run.failure().contains("FargateService 'x' has "), run.failure());
    }

    @Test
    void refusalsComeWithTheValueThatFixesThem() {
        assertEquals("1792", RunAssertions.problem(create(a -> a.memory(2048)).run(), "memory", "").suggested());
        assertEquals("2048", RunAssertions.problem(create(a -> a.cpu(4096)).run(), "cpu", "").suggested());
        assertEquals("X86_64", RunAssertions.problem(create(a -> a.cpuArchitecture(CpuArchitecture.ARM64)).run(),
                "cpuArchitecture", "").suggested());
    }

    @Test
    void aNameThatWouldStartTheCapacityProviderWithEcsGetsItsHashFirst() {
        var run = ComponentHarness.create(options -> new FargateService("ecs-web", args(a -> { }), options)).ok().run();
        String provider = run.mocks().ofType("aws:ecs/capacityProvider:CapacityProvider").get(0).name();
        assertTrue(provider.matches("[0-9a-f]{6}-ecs-web-ec2-capacity-provider"), provider);
        assertTrue(run.names().contains("ecs-web-service"), "the service keeps its name: " + run.names());
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        var run = create(ec2(e -> e.instanceType("t3.huge")).andThen(onLaunch(l -> l.registryAuth(RegistryAuth.INSTANCE)))
                .andThen(a -> a.clusterArn("arn:aws:ecs:eu-central-1:123456789012:cluster/shared"))).run();
        var fields = RunAssertions.problems(run).stream().map(Problem::field).toList();
        assertEquals(List.of("clusterArn", "ec2.instanceType", "ec2.registryAuth"), fields);
        assertEquals(List.of(), run.mocks().awsResources());
    }
}
