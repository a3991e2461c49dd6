package io.github.fargateprivate.ecs;

import com.google.gson.JsonParser;
import com.pulumi.core.Output;
import com.pulumi.resources.ResourceOptions;
import io.github.fargateprivate.ChildOptions;
import io.github.fargateprivate.ComponentHarness;
import io.github.fargateprivate.Problem;
import io.github.fargateprivate.RunAssertions;
import io.github.fargateprivate.testing.OfflineMocks;
import io.github.fargateprivate.testing.OfflineRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.github.fargateprivate.Fixtures.GET_PARAMETER;
import static io.github.fargateprivate.Fixtures.KEY;
import static io.github.fargateprivate.Fixtures.LB_SECURITY_GROUP;
import static io.github.fargateprivate.Fixtures.PRIVATE_SUBNETS;
import static io.github.fargateprivate.Fixtures.REGISTRY_SECRET;
import static io.github.fargateprivate.testing.OfflineRun.block;
import static io.github.fargateprivate.testing.OfflineRun.blocks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The container instances on their own, wired as a stack that uses Ec2Capacity without a service would. */
class Ec2CapacityTest {

    private static final String CLUSTER = "prod-cluster";
    private static final String VPC = "vpc-0123456789abcdef0";
    private static final String AMI = "ami-0abcdef1234567890";
    private static final String ECS_POLICY = "arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role";
    private static final String SSM_POLICY = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore";
    private static final String ATTACHMENT = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
    /** What the mocks name the children of a component named {@code pool}. */
    private static final String PROFILE_ARN =
            "arn:aws:iam::123456789012:instance-profile/pool-instance-profile-1a2b3c4";

    /** @return args with the wiring a service would set: the cluster and the network */
    private static Ec2CapacityArgs.Builder wired() {
        return Ec2CapacityArgs.builder().clusterName(Output.of(CLUSTER))
                .network(Output.of(VPC), Output.of(PRIVATE_SUBNETS));
    }

    private static ComponentHarness.Created<Ec2Capacity> create(Consumer<Ec2CapacityArgs.Builder> configure) {
        return ComponentHarness.create(options -> new Ec2Capacity("pool", args(configure), options));
    }

    private static Ec2CapacityArgs args(Consumer<Ec2CapacityArgs.Builder> configure) {
        var args = wired();
        configure.accept(args);
        return args.build();
    }

    private static OfflineRun ok(Consumer<Ec2CapacityArgs.Builder> configure) {
        return create(configure).ok().run();
    }

    private static Consumer<Ec2CapacityArgs.Builder> instanceAuth(String secret) {
        return a -> a.registryAuth(Ec2CapacityArgs.REGISTRY_AUTH_INSTANCE)
                .registryCredentials(Output.of(secret), Output.of("ghcr.io"));
    }

    /** @return the launch template's user data, base64-decoded, as lines */
    static List<String> userDataLines(Map<String, Object> launchTemplate) {
        return new String(Base64.getDecoder().decode((String) launchTemplate.get("userData")),
                StandardCharsets.UTF_8).lines().toList();
    }

    /** @return the AMI the mocks answer for a public SSM parameter */
    private static String amiOf(OfflineRun run, String parameter) {
        return run.mocks().generated().entrySet().stream().filter(e -> e.getValue().equals(parameter + ".value"))
                .map(Map.Entry::getKey).findFirst().orElseThrow(() -> new AssertionError("no " + parameter));
    }

    private static List<OfflineMocks.Call> parameterReads(OfflineRun run) {
        return run.mocks().calls().stream().filter(c -> c.token().equals(GET_PARAMETER)).toList();
    }

    // The launch template

    @Test
    void anX86TypeBootsTheEcsOptimizedAmiOfTheRegionReadThroughTheComponentsProvider() {
        var created = ComponentHarness.createWithProvider(options -> new Ec2Capacity("pool", args(a -> { }),
                options)).ok();
        var run = created.run();
        var reads = parameterReads(run);
        assertEquals(1, reads.size(), "one AMI lookup: " + reads);
        assertEquals(Map.of("name", Ec2CapacityArgs.AMI_PARAMETER), reads.get(0).args());
        ComponentHarness.assertEverythingThroughProvider(run);
        var template = run.inputs("pool-launch-template");
        assertEquals(amiOf(run, Ec2CapacityArgs.AMI_PARAMETER), template.get("imageId"));
        assertTrue(((String) template.get("imageId")).matches("ami-[0-9a-f]{17}"), template.get("imageId") + "");
        assertEquals("t3.small", template.get("instanceType"));
    }

    @Test
    void aGravitonTypeBootsTheArm64Ami() {
        var run = ok(a -> a.instanceType("m7g.large"));
        var reads = parameterReads(run);
        assertEquals(List.of(Map.of("name", Ec2CapacityArgs.AMI_PARAMETER_ARM64)),
                reads.stream().map(OfflineMocks.Call::args).toList());
        assertEquals(amiOf(run, Ec2CapacityArgs.AMI_PARAMETER_ARM64),
                run.inputs("pool-launch-template").get("imageId"));
        assertEquals("m7g.large", run.inputs("pool-launch-template").get("instanceType"));
    }

    @Test
    void aGivenAmiIsUsedAndNoParameterIsRead() {
        for (var run : List.of(ok(a -> a.amiId(AMI)), ok(a -> a.amiId(Output.of(AMI))))) {
            assertEquals(AMI, run.inputs("pool-launch-template").get("imageId"));
            assertEquals(List.of(), parameterReads(run));
        }
    }

    @Test
    void theTemplateRequiresImdsV2WithOneHopAndEncryptsItsGp3RootVolume() {
        var template = ok(a -> a.rootVolumeGiB(50)).inputs("pool-launch-template");
        assertEquals(Map.of("httpEndpoint", "enabled", "httpTokens", "required", "httpPutResponseHopLimit", 1.0),
                block(template, "metadataOptions"));
        assertEquals(List.of(Map.of("deviceName", "/dev/xvda", "ebs", Map.of("volumeType", "gp3", "volumeSize", 50.0,
                "encrypted", "true", "deleteOnTermination", "true"))), blocks(template, "blockDeviceMappings"));
        assertEquals(30.0, block(blocks(ok(a -> { }).inputs("pool-launch-template"), "blockDeviceMappings").get(0),
                "ebs").get("volumeSize"), "the default root volume");
    }

    @Test
    void theTemplateGivesTheInstancesTheirProfileAndSecurityGroup() {
        var created = create(a -> { }).ok();
        var template = created.inputs("pool-launch-template");
        assertEquals(Map.of("arn", PROFILE_ARN), block(template, "iamInstanceProfile"));
        assertEquals(List.of(created.value(Ec2Capacity::securityGroupId)), template.get("vpcSecurityGroupIds"));
        assertFalse(template.containsKey("networkInterfaces"), "the subnet decides on a public address");
        assertEquals(true, template.get("updateDefaultVersion"));
    }

    @Test
    void withAPublicIpThePrimaryInterfaceAsksForOneAndCarriesTheSecurityGroup() {
        var created = create(a -> a.assignPublicIp(true)).ok();
        var template = created.inputs("pool-launch-template");
        assertEquals(List.of(Map.of("deviceIndex", 0.0, "associatePublicIpAddress", "true",
                "deleteOnTermination", "true", "securityGroups", List.of(created.value(Ec2Capacity::securityGroupId)))),
                blocks(template, "networkInterfaces"));
        assertFalse(template.containsKey("vpcSecurityGroupIds"), "EC2 takes the groups on the interface or the "
                + "template, not both");
        assertFalse(create(a -> a.assignPublicIp(false)).ok().inputs("pool-launch-template")
                .containsKey("networkInterfaces"));
    }

    @Test
    void withTaskAuthTheUserDataOnlyJoinsTheClusterAndBlocksTheMetadataForTasks() {
        List<String> lines = userDataLines(ok(a -> { }).inputs("pool-launch-template"));
        assertEquals("#!/bin/bash", lines.get(0));
        assertTrue(lines.contains("ECS_CLUSTER=" + CLUSTER), lines.toString());
        assertTrue(lines.contains("ECS_ENABLE_TASK_IAM_ROLE=true"), lines.toString());
        assertTrue(lines.contains("ECS_AWSVPC_BLOCK_IMDS=true"), lines.toString());
        assertEquals(List.of(), lines.stream().filter(l -> l.contains("ECS_ENGINE_AUTH") || l.contains("aws ")
                || l.contains("secretsmanager")).toList());
        assertEquals(Ec2Capacity.userData(CLUSTER, null), String.join("\n", lines) + "\n");
    }

    @Test
    void withInstanceAuthTheUserDataNamesTheSecretItsRegionAndTheRegistryButHoldsNoCredentials() {
        String script = String.join("\n", userDataLines(ok(instanceAuth(REGISTRY_SECRET))
                .inputs("pool-launch-template"))) + "\n";
        assertEquals(Ec2Capacity.userData(CLUSTER, new Ec2Capacity.InstanceRegistryAuth(REGISTRY_SECRET,
                "eu-central-1", "ghcr.io")), script);
        assertTrue(script.contains("secret='" + REGISTRY_SECRET + "'\n"), script);
        assertTrue(script.contains("region='eu-central-1'\n"), script);
        assertTrue(script.contains("ECS_ENGINE_AUTH_DATA={\"%s\":%s}\\n' 'ghcr.io'"), script);
    }

    @Test
    void aSecretOfAnotherRegionIsReadInItsRegion() {
        String other = "arn:aws:secretsmanager:us-east-1:123456789012:secret:registry-AbCdEf";
        String script = String.join("\n", userDataLines(ok(instanceAuth(other)).inputs("pool-launch-template")));
        assertTrue(script.contains("region='us-east-1'\n"), script);
    }

    // Auto Scaling group and capacity provider

    @Test
    void theGroupIsProtectedFromScaleInTaggedForEcsAndSpansTheSubnets() {
        var created = create(a -> a.minInstances(2).maxInstances(5)).ok();
        var group = created.inputs("pool-asg");
        assertEquals(true, group.get("protectFromScaleIn"));
        assertEquals(2.0, group.get("minSize"));
        assertEquals(5.0, group.get("maxSize"));
        assertFalse(group.containsKey("desiredCapacity"), "managed scaling owns it");
        assertEquals(PRIVATE_SUBNETS, group.get("vpcZoneIdentifiers"));
        assertEquals(List.of(Map.of("key", "AmazonECSManaged", "value", "true", "propagateAtLaunch", true),
                Map.of("key", "Name", "value", "pool", "propagateAtLaunch", true)), blocks(group, "tags"));
        String templateId = OfflineRun.value(created.component().launchTemplate().id());
        assertEquals(Map.of("id", templateId, "version", "1"), block(group, "launchTemplate"));
    }

    @Test
    void theDefaultsAreOneToThreeInstances() {
        var group = ok(a -> { }).inputs("pool-asg");
        assertEquals(1.0, group.get("minSize"));
        assertEquals(3.0, group.get("maxSize"));
    }

    @Test
    void theCapacityProviderScalesTheGroupToFullUseAndProtectsAndDrainsItsInstances() {
        var created = create(a -> { }).ok();
        var provider = block(created.inputs("pool-capacity-provider"), "autoScalingGroupProvider");
        assertEquals(OfflineRun.value(created.component().autoScalingGroup().arn()),
                provider.get("autoScalingGroupArn"));
        assertEquals("ENABLED", provider.get("managedTerminationProtection"));
        assertEquals("ENABLED", provider.get("managedDraining"));
        var scaling = block(provider, "managedScaling");
        assertEquals("ENABLED", scaling.get("status"));
        assertEquals(100.0, scaling.get("targetCapacity"));
        assertEquals("pool-capacity-provider-1a2b3c4", created.value(Ec2Capacity::capacityProviderName));
    }

    // The instance role

    private static Set<String> attachedPolicies(OfflineRun run) {
        return run.mocks().ofType(ATTACHMENT).stream().map(r -> (String) r.inputs().get("policyArn"))
                .collect(Collectors.toSet());
    }

    @Test
    void onlyEc2MayAssumeTheInstanceRole() {
        var statements = ok(a -> { }).statements("pool-instance-role", "assumeRolePolicy");
        assertEquals(List.of(JsonParser.parseString("""
                {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}""")),
                statements);
    }

    @Test
    void theRoleHoldsTheEcsInstancePolicyAndSessionManagerOnlyWhenAsked() {
        var plain = ok(a -> { });
        assertEquals(Set.of(ECS_POLICY), attachedPolicies(plain));
        assertEquals(List.of(), plain.mocks().ofType("aws:iam/rolePolicy:RolePolicy"));
        assertEquals(Set.of(ECS_POLICY), attachedPolicies(ok(a -> a.sessionManager(false))));
        var withSsm = create(a -> a.sessionManager(true)).ok();
        assertEquals(Set.of(ECS_POLICY, SSM_POLICY), attachedPolicies(withSsm.run()));
        assertEquals(SSM_POLICY, withSsm.inputs("pool-instance-ssm").get("policyArn"));
        assertTrue(withSsm.component().ssmPolicy().isPresent());
        assertTrue(create(a -> { }).ok().component().ssmPolicy().isEmpty());
    }

    @Test
    void withInstanceAuthTheRoleReadsExactlyTheCredentialsSecret() {
        var created = create(instanceAuth(REGISTRY_SECRET)).ok();
        var statements = created.run().statements("pool-instance-secret", "policy");
        assertEquals(List.of(JsonParser.parseString("{\"Sid\": \"ReadRegistryCredentials\", \"Effect\": \"Allow\", "
                + "\"Action\": \"secretsmanager:GetSecretValue\", \"Resource\": \"" + REGISTRY_SECRET + "\"}")),
                statements);
        assertTrue(created.component().secretPolicy().isPresent());
        assertOnlyTheSecretPolicyMentionsSecretsManager(created.run());
    }

    @Test
    void aKeyOfTheSecretMayDecryptOnlyThroughSecretsManagerOfTheSecretsRegion() {
        var run = ok(instanceAuth(REGISTRY_SECRET).andThen(a -> a.registryCredentialsKmsKeyArn(KEY)));
        var statements = run.statements("pool-instance-secret", "policy");
        assertEquals(2, statements.size());
        assertEquals(List.of("secretsmanager:GetSecretValue"), OfflineRun.strings(statements.get(0).get("Action")));
        assertEquals(JsonParser.parseString("{\"Sid\": \"DecryptRegistryCredentials\", \"Effect\": \"Allow\", "
                + "\"Action\": \"kms:Decrypt\", \"Resource\": \"" + KEY + "\", \"Condition\": {\"StringEquals\": "
                + "{\"kms:ViaService\": \"secretsmanager.eu-central-1.amazonaws.com\"}}}"), statements.get(1));
        assertOnlyTheSecretPolicyMentionsSecretsManager(run);
    }

    @Test
    void aSecretByNameIsReadThroughItsArnPatternInTheRegion() {
        var statements = ok(instanceAuth("registry")).statements("pool-instance-secret", "policy");
        assertEquals(List.of("arn:aws:secretsmanager:eu-central-1:123456789012:secret:registry-??????"),
                OfflineRun.strings(statements.get(0).get("Resource")));
    }

    @Test
    void withoutInstanceAuthTheRoleReadsNoSecret() {
        var created = create(a -> { }).ok();
        assertTrue(created.component().secretPolicy().isEmpty());
        assertFalse(created.run().names().contains("pool-instance-secret"));
        assertOnlyTheSecretPolicyMentionsSecretsManager(created.run());
    }

    /** Nothing but the secret policy grants Secrets Manager: no managed policy, no other inline one. */
    private static void assertOnlyTheSecretPolicyMentionsSecretsManager(OfflineRun run) {
        var mentions = run.mocks().awsResources().stream()
                .filter(r -> !r.name().equals("pool-instance-secret") && !r.name().equals("pool-launch-template"))
                .filter(r -> r.inputs().toString().contains("secretsmanager")).map(OfflineMocks.Registration::name)
                .toList();
        assertEquals(List.of(), mentions);
    }

    private static Map<String, ResourceOptions> childOptions(Consumer<Ec2CapacityArgs.Builder> configure) {
        return ChildOptions.of(options -> new Ec2Capacity("pool", args(configure), options));
    }

    @Test
    void theInstanceProfileWaitsForEveryPolicyOfItsRole() {
        var plain = childOptions(a -> { }).get("pool-instance-profile");
        assertEquals(Set.of("pool-instance-ecs"), ChildOptions.dependencies(plain));
        var all = childOptions(instanceAuth(REGISTRY_SECRET).andThen(a -> a.sessionManager(true)));
        assertEquals(Set.of("pool-instance-ecs", "pool-instance-ssm", "pool-instance-secret"),
                ChildOptions.dependencies(all.get("pool-instance-profile")));
    }

    @Test
    void theGroupLeavesItsDesiredCountToManagedScaling() {
        assertEquals(List.of("desiredCapacity"), childOptions(a -> { }).get("pool-asg").getIgnoreChanges());
    }

    // The security group

    @Test
    void forAwsvpcTasksTheInstancesAdmitNothing() {
        var sg = ok(a -> { }).inputs("pool-instance-sg");
        assertFalse(sg.containsKey("ingress"), sg.toString());
        assertEquals(VPC, sg.get("vpcId"));
        assertEquals("Container instances of pool: no inbound traffic", sg.get("description"));
        assertEquals(List.of(Map.of("description", "The ECS agent, registry pulls and AWS APIs", "protocol", "-1",
                "fromPort", 0.0, "toPort", 0.0, "cidrBlocks", List.of("0.0.0.0/0"))), blocks(sg, "egress"));
    }

    @Test
    void inBridgeModeTheInstancesAdmitOnlyTheGivenGroupOnTheDynamicHostPorts() {
        var sg = ok(a -> a.bridgeIngressFrom(Output.of(LB_SECURITY_GROUP))).inputs("pool-instance-sg");
        assertEquals(List.of(Map.of("description", "From the load balancer, to the containers' dynamic host ports",
                "protocol", "tcp", "fromPort", 32768.0, "toPort", 65535.0,
                "securityGroups", List.of(LB_SECURITY_GROUP))), blocks(sg, "ingress"));
    }

    // The component

    @Test
    void childrenAreNamedFromTheComponentAndTheHandlesAreThem() {
        var created = create(instanceAuth(REGISTRY_SECRET).andThen(a -> a.sessionManager(true))).ok();
        ComponentHarness.assertChildren(created, Set.of("pool-instance-role", "pool-instance-ecs", "pool-instance-ssm",
                "pool-instance-secret", "pool-instance-profile", "pool-instance-sg", "pool-launch-template",
                "pool-asg", "pool-capacity-provider"));
        var c = created.component();
        assertEquals("pool-instance-role", c.instanceRole().pulumiResourceName());
        assertEquals("pool-instance-ecs", c.ecsPolicy().pulumiResourceName());
        assertEquals("pool-instance-profile", c.instanceProfile().pulumiResourceName());
        assertEquals("pool-instance-sg", c.securityGroup().pulumiResourceName());
        assertEquals("pool-launch-template", c.launchTemplate().pulumiResourceName());
        assertEquals("pool-asg", c.autoScalingGroup().pulumiResourceName());
        assertEquals("pool-capacity-provider", c.capacityProvider().pulumiResourceName());
        assertEquals(OfflineRun.value(c.securityGroup().id()), created.value(Ec2Capacity::securityGroupId));
    }

    @Test
    void tagsReachEveryTaggableChildAndTheInstancesThroughTheGroupAndTheTemplate() {
        var tags = Map.of("team", "payments");
        var run = ok(a -> a.tags(tags));
        // The group's tags are blocks of their own, checked below.
        var tagged = run.mocks().awsResources().stream().filter(r -> !r.name().equals("pool-asg"))
                .filter(r -> RunAssertions.taggable(r.type())).toList();
        assertEquals(Set.of("pool-instance-role", "pool-instance-profile", "pool-instance-sg", "pool-launch-template",
                "pool-capacity-provider"), tagged.stream().map(OfflineMocks.Registration::name)
                .collect(Collectors.toSet()));
        tagged.forEach(r -> assertEquals(tags, r.inputs().get("tags"), r.name()));
        assertEquals(List.of(Map.of("key", "AmazonECSManaged", "value", "true", "propagateAtLaunch", true),
                        Map.of("key", "Name", "value", "pool", "propagateAtLaunch", true),
                        Map.of("key", "team", "value", "payments", "propagateAtLaunch", true)),
                blocks(run.inputs("pool-asg"), "tags"));
        assertEquals(List.of(Map.of("resourceType", "instance", "tags", tags),
                        Map.of("resourceType", "volume", "tags", tags)),
                blocks(run.inputs("pool-launch-template"), "tagSpecifications"));
    }

    @Test
    void tagsCannotReplaceTheTagsManagedScalingNeeds() {
        var groupTags = blocks(ok(a -> a.tags(Map.of("AmazonECSManaged", "false", "Name", "other")))
                .inputs("pool-asg"), "tags");
        assertEquals(List.of(Map.of("key", "AmazonECSManaged", "value", "true", "propagateAtLaunch", true),
                Map.of("key", "Name", "value", "pool", "propagateAtLaunch", true)), groupTags);
    }

    // Bad args

    private static Arguments bad(String field, String fragment, Consumer<Ec2CapacityArgs.Builder> configure) {
        return Arguments.of(field, fragment, configure);
    }

    static Stream<Arguments> badArgs() {
        return Stream.of(
                bad("minInstances", "4 is above maxInstances 2; lower minInstances or raise maxInstances",
                        a -> a.minInstances(4).maxInstances(2)),
                bad("minInstances", "4 is above maxInstances 3", a -> a.minInstances(4)),
                bad("minInstances", "-1 is outside 0-1000", a -> a.minInstances(-1)),
                bad("maxInstances", "0 is outside 1-1000", a -> a.minInstances(0).maxInstances(0)),
                bad("maxInstances", "1001 is outside 1-1000", a -> a.maxInstances(1001)),
                bad("amiId", "'ami-123' is not an AMI id (ami- and 8 or 17 lower-case hex digits, e.g. "
                        + "ami-0abcdef1234567890)", a -> a.amiId("ami-123")),
                bad("amiId", "'ami-0ABCDEF1234567890' is not an AMI id", a -> a.amiId("ami-0ABCDEF1234567890")),
                bad("instanceType", "'t3' is not an EC2 instance type (FAMILY.SIZE, e.g. t3.small",
                        a -> a.instanceType("t3")),
                bad("instanceType", "'T3.small' is not an EC2 instance type", a -> a.instanceType("T3.small")),
                bad("registryAuth", "'Instance' is not task (repositoryCredentials per task) or instance (the ECS "
                        + "agent's ECS_ENGINE_AUTH_DATA)", a -> a.registryAuth("Instance")),
                bad("registryAuth", "instance needs the registry credentials secret the agent pulls with: "
                        + "registryCredentials(SECRET_ARN, REGISTRY_HOST)",
                        a -> a.registryAuth(Ec2CapacityArgs.REGISTRY_AUTH_INSTANCE)),
                bad("registryCredentials", "only with registryAuth instance",
                        a -> a.registryCredentials(Output.of(REGISTRY_SECRET), Output.of("ghcr.io"))),
                bad("registryCredentialsKmsKeyArn", "only with registryAuth instance",
                        a -> a.registryCredentialsKmsKeyArn(KEY)),
                bad("registryCredentialsKmsKeyArn", "is an alias ARN", instanceAuth(REGISTRY_SECRET)
                        .andThen(a -> a.registryCredentialsKmsKeyArn("arn:aws:kms:eu-central-1:123456789012:alias/r"))),
                bad("rootVolumeGiB", "29 is outside 30-16384 (the ECS-optimized AMI's snapshot is 30 GiB)",
                        a -> a.rootVolumeGiB(29)),
                bad("tags", "aws:", a -> a.tags(Map.of("aws:team", "payments"))));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badArgs")
    void badArgsAreRefusedUnderTheirFieldBeforeAnyAwsResource(String field, String fragment,
                                                             Consumer<Ec2CapacityArgs.Builder> configure) {
        var run = create(configure).run();
        RunAssertions.refusedBeforeAnyResource(run, field, fragment);
        assertTrue(run.failure().contains("Ec2Capacity 'pool' has "), run.failure());
    }

    @Test
    void theClusterAndTheNetworkAreRequired() {
        var noCluster = ComponentHarness.create(options -> new Ec2Capacity("pool", Ec2CapacityArgs.builder()
                .network(Output.of(VPC), Output.of(PRIVATE_SUBNETS)).build(), options)).run();
        RunAssertions.refusedBeforeAnyResource(noCluster, "clusterName", "required: the cluster the instances join");
        var noNetwork = ComponentHarness.create(options -> new Ec2Capacity("pool", Ec2CapacityArgs.builder()
                .clusterName(Output.of(CLUSTER)).build(), options)).run();
        RunAssertions.refusedBeforeAnyResource(noNetwork, "network", "required: the VPC and the subnets of the "
                + "instances");
    }

    @Test
    void aNameThatWouldStartTheCapacityProviderWithAwsEcsOrFargateGetsItsHashFirst() {
        // CreateCapacityProvider: "The name can't be prefixed with aws, ecs, or fargate."
        for (String name : List.of("ecs-pool", "AWS-pool", "fargate2")) {
            var run = ComponentHarness.create(options -> new Ec2Capacity(name, args(a -> { }), options)).ok().run();
            String provider = run.mocks().ofType("aws:ecs/capacityProvider:CapacityProvider").get(0).name();
            assertTrue(provider.matches("[0-9a-f]{6}-" + name + "-capacity-provider"), provider);
        }
        var plain = ComponentHarness.create(options -> new Ec2Capacity("pool-ecs", args(a -> { }), options)).ok();
        assertTrue(plain.run().names().contains("pool-ecs-capacity-provider"));
    }

    @Test
    void everyProblemIsReportedAtOnceBeforeAnyResource() {
        var run = ComponentHarness.create(options -> new Ec2Capacity("pool", Ec2CapacityArgs.builder()
                .instanceType("t3.huge").minInstances(4).maxInstances(2).amiId("ami-123").registryAuth("Instance")
                .build(), options)).run();
        var problems = ComponentHarness.refusedBeforeAnyChild(run);
        assertEquals(List.of("instanceType", "minInstances", "registryAuth", "amiId", "clusterName", "network"), problems.stream().map(Problem::field).toList());
        assertEquals("instance", problems.get(2).suggested(), "the fix of the case");
        assertEquals("2", problems.get(1).suggested());
    }

    @Test
    void anAmiOfAnotherResourceIsCheckedWhenKnownWithTheMessageOfAPlainOne() {
        var plain = RunAssertions.problem(create(a -> a.amiId("ami-123")).run(), "amiId", "");
        var later = RunAssertions.problem(create(a -> a.amiId(Output.of("ami-123"))).run(), "amiId", "");
        assertEquals(plain.message(), later.message());
    }
}
