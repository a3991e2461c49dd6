package io.github.fargateprivate.ec2;

import com.pulumi.core.Output;
import io.github.fargateprivate.ComponentHarness;
import io.github.fargateprivate.ComponentHarness.Created;
import io.github.fargateprivate.RunAssertions;
import io.github.fargateprivate.Value;
import io.github.fargateprivate.iam.ChinaMocks;
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
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.github.fargateprivate.Fixtures.PRIVATE_SUBNETS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VpcEndpointsTest {

    private static final String VPC = "vpc-0123456789abcdef0";
    private static final String GET_ROUTE_TABLE = "aws:ec2/getRouteTable:getRouteTable";
    private static final String ENDPOINT = "aws:ec2/vpcEndpoint:VpcEndpoint";
    private static final List<String> ROUTE_TABLES = List.of("rtb-0123456789abcdef0", "rtb-0fedcba9876543210");

    private static Created<VpcEndpoints> endpoints(Consumer<VpcEndpointsArgs.Builder> configure) {
        return endpoints(configure, new OfflineMocks());
    }

    private static Created<VpcEndpoints> endpoints(Consumer<VpcEndpointsArgs.Builder> configure,
                                                  OfflineMocks mocks) {
        return ComponentHarness.create(options -> new VpcEndpoints("ep", args(configure), options), mocks, false);
    }

    /** @return the endpoints a task that reads no secret needs, in {@link #VPC} and its private subnets */
    private static VpcEndpointsArgs args(Consumer<VpcEndpointsArgs.Builder> configure) {
        var b = VpcEndpointsArgs.builder().vpcId(Value.of(VPC)).subnetIds(Value.of(PRIVATE_SUBNETS));
        VpcEndpointsArgs.ALWAYS.forEach(b::service);
        configure.accept(b);
        return b.build();
    }

    /** @return the endpoints' service names, by logical name */
    private static Map<String, Object> serviceNames(OfflineRun run) {
        return run.mocks().ofType(ENDPOINT).stream().collect(Collectors.toMap(OfflineMocks.Registration::name,
                r -> r.inputs().get("serviceName")));
    }

    /** @return the route table each subnet reports in {@link OfflineMocks} */
    private static List<String> lookedUp(OfflineRun run) {
        return PRIVATE_SUBNETS.stream().map(s -> run.mocks().generated().entrySet().stream()
                .filter(e -> e.getValue().equals(s + " lookup.routeTableId")).map(Map.Entry::getKey)
                .findFirst().orElseThrow()).toList();
    }

    @Test
    void ecrLogsAndTheS3GatewayAreAllATaskReadingNoSecretGets() {
        var c = endpoints(a -> { }).ok();
        ComponentHarness.assertChildren(c, Set.of("ep-sg", "ep-ecr-api", "ep-ecr-dkr", "ep-logs", "ep-s3"));
        assertEquals(Map.of("ep-ecr-api", "com.amazonaws.eu-central-1.ecr.api",
                "ep-ecr-dkr", "com.amazonaws.eu-central-1.ecr.dkr", "ep-logs", "com.amazonaws.eu-central-1.logs",
                "ep-s3", "com.amazonaws.eu-central-1.s3"), serviceNames(c.run()));
        assertEquals(Set.of("ecr.api", "ecr.dkr", "logs"), c.component().interfaceEndpoints().keySet());
    }

    @Test
    void secretsManagerAndSsmAreAddedWhenAsked() {
        var c = endpoints(a -> a.service("secretsmanager").service("ssm")).ok();
        ComponentHarness.assertChildren(c, Set.of("ep-sg", "ep-ecr-api", "ep-ecr-dkr", "ep-logs", "ep-secretsmanager",
                "ep-ssm", "ep-s3"));
        assertEquals("com.amazonaws.eu-central-1.secretsmanager", c.inputs("ep-secretsmanager").get("serviceName"));
        assertEquals("com.amazonaws.eu-central-1.ssm", c.inputs("ep-ssm").get("serviceName"));
    }

    @Test
    void everyInterfaceEndpointIsInThePrivateSubnetsWithPrivateDnsBehindTheEndpointsGroup() {
        var c = endpoints(a -> a.service("secretsmanager")).ok();
        String group = c.value(VpcEndpoints::securityGroupId);
        assertTrue(group.startsWith("sg-"), group);
        for (String service : List.of("ecr.api", "ecr.dkr", "logs", "secretsmanager")) {
            assertEquals(Map.of("vpcId", VPC, "serviceName", "com.amazonaws.eu-central-1." + service,
                    "vpcEndpointType", "Interface", "subnetIds", PRIVATE_SUBNETS, "securityGroupIds", List.of(group),
                    "privateDnsEnabled", true), c.inputs("ep-" + service.replace('.', '-')), service);
        }
    }

    @Test
    void theEndpointsGroupHasNoInlineRulesSoThatEachServiceAdmitsItsOwnTasks() {
        var inputs = endpoints(a -> { }).ok().inputs("ep-sg");
        assertEquals(Map.of("vpcId", VPC, "description",
                "VPC endpoints of ep: HTTPS from the tasks' security groups only"), inputs);
    }

    @Test
    void theS3GatewayJoinsTheRouteTableOfEachPrivateSubnetLookedUpThroughTheComponent() {
        var c = ComponentHarness.createWithProvider(options -> new VpcEndpoints("ep", args(a -> { }), options)).ok();
        var s3 = c.inputs("ep-s3");
        assertEquals(Map.of("vpcId", VPC, "serviceName", "com.amazonaws.us-west-2.s3", "vpcEndpointType", "Gateway",
                "routeTableIds", lookedUp(c.run())), s3);
        assertEquals(2, Set.copyOf(lookedUp(c.run())).size(), "one route table per subnet");
        var lookups = c.run().mocks().calls().stream().filter(call -> call.token().equals(GET_ROUTE_TABLE)).toList();
        assertEquals(Set.copyOf(PRIVATE_SUBNETS), lookups.stream().map(call -> call.args().get("subnetId"))
                .collect(Collectors.toSet()));
        assertEquals(2, lookups.size());
        ComponentHarness.assertEverythingThroughProvider(c.run());
        assertEquals("com.amazonaws.us-west-2.ecr.dkr", c.inputs("ep-ecr-dkr").get("serviceName"));
    }

    @Test
    void subnetsSharingARouteTableNameItOnce() {
        var mocks = new OfflineMocks() {
            @Override
            public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
                return GET_ROUTE_TABLE.equals(args.token)
                        ? CompletableFuture.completedFuture(Map.of("id", ROUTE_TABLES.get(0),
                        "routeTableId", ROUTE_TABLES.get(0), "subnetId", String.valueOf(args.args.get("subnetId")),
                        "vpcId", VPC, "arn", "arn", "ownerId", ACCOUNT, "gatewayId", "", "associations", List.of(),
                        "routes", List.of(), "tags", Map.of()))
                        : super.callAsync(args);
            }
        };
        assertEquals(List.of(ROUTE_TABLES.get(0)),
                endpoints(a -> { }, mocks).ok().inputs("ep-s3").get("routeTableIds"));
    }

    @Test
    void givenRouteTablesAreUsedAsIsAndNothingIsLookedUp() {
        for (var c : List.of(endpoints(a -> a.routeTableIds(ROUTE_TABLES)).ok(),
                endpoints(a -> a.routeTableIds(Output.of(ROUTE_TABLES))).ok())) {
            assertEquals(ROUTE_TABLES, c.inputs("ep-s3").get("routeTableIds"));
            assertEquals(ComponentHarness.ENVIRONMENT_INVOKES, ComponentHarness.sortedInvokes(c.run()));
        }
    }

    @Test
    void subnetsOfAnotherResourceAreLookedUpWhenKnown() {
        var c = endpoints(a -> a.vpcId(Value.of(Output.of(VPC))).subnetIds(Value.of(Output.of(PRIVATE_SUBNETS)))).ok();
        assertEquals(lookedUp(c.run()), c.inputs("ep-s3").get("routeTableIds"));
        assertEquals(PRIVATE_SUBNETS, c.inputs("ep-logs").get("subnetIds"));
    }

    @Test
    void inChinaOnlyEcrsEndpointServicesAreNamedCnComAmazonaws() {
        var c = endpoints(a -> a.service("secretsmanager").service("ssm"), new ChinaMocks()).ok();
        assertEquals(Map.of("ep-ecr-api", "cn.com.amazonaws.cn-north-1.ecr.api",
                "ep-ecr-dkr", "cn.com.amazonaws.cn-north-1.ecr.dkr", "ep-logs", "com.amazonaws.cn-north-1.logs",
                "ep-secretsmanager", "com.amazonaws.cn-north-1.secretsmanager",
                "ep-ssm", "com.amazonaws.cn-north-1.ssm", "ep-s3", "com.amazonaws.cn-north-1.s3"),
                serviceNames(c.run()));
    }

    @Test
    void theOutputsAreTheGroupAndTheGatewaysPrefixList() {
        var c = endpoints(a -> { }).ok();
        assertEquals(OfflineRun.value(c.component().securityGroup().id()), c.value(VpcEndpoints::securityGroupId));
        String prefixList = c.value(VpcEndpoints::s3PrefixListId);
        assertTrue(prefixList.startsWith("pl-"), prefixList);
        assertEquals(OfflineRun.value(c.component().s3().prefixListId()), prefixList);
    }

    @Test
    void tagsReachEveryTaggableChild() {
        var c = endpoints(a -> a.tags(Map.of("team", "platform"))).ok();
        assertEquals(Set.of("aws:ec2/securityGroup:SecurityGroup", ENDPOINT),
                RunAssertions.assertTaggedEverywhere(c.run(), Map.of("team", "platform")));
    }

    @Test
    void aPreviewWithUnknownOutputsRegistersTheSameResources() {
        var preview = endpoints(a -> { }, new OfflineMocks().unknownOutputs()).ok();
        assertEquals(RunAssertions.resourceSet(endpoints(a -> { }).ok().run().mocks()),
                RunAssertions.resourceSet(preview.run().mocks()));
    }

    // Refusals

    private static Arguments bad(String field, String fragment, VpcEndpointsArgs.Builder args) {
        return Arguments.of(field, fragment, args);
    }

    private static VpcEndpointsArgs.Builder always() {
        var b = VpcEndpointsArgs.builder().vpcId(Value.of(VPC)).subnetIds(Value.of(PRIVATE_SUBNETS));
        VpcEndpointsArgs.ALWAYS.forEach(b::service);
        return b;
    }

    static Stream<Arguments> badArgs() {
        return Stream.of(
                bad("vpcId", "required: the VPC of the endpoints", always().vpcId(Optional.empty())),
                bad("subnetIds", "required: the private subnets of the tasks", always().subnetIds(Optional.empty())),
                bad("services", "'sqs' is not one of [ecr.api, ecr.dkr, logs, secretsmanager, ssm, ecs, ecs-agent, "
                        + "ecs-telemetry]", always().service("sqs")),
                bad("services", "needs [ecr.api, ecr.dkr, logs]: without them a task in a subnet without NAT cannot "
                        + "pull or log", VpcEndpointsArgs.builder().vpcId(Value.of(VPC))
                        .subnetIds(Value.of(PRIVATE_SUBNETS)).service("ecr.api").service("ecr.dkr")),
                bad("routeTableIds", "empty; leave it unset to look the route tables up from the subnets",
                        always().routeTableIds(List.of())),
                bad("routeTableIds", "'rtb-123' is not a route table id (rtb- and 8 or 17 hex digits)",
                        always().routeTableIds(List.of(ROUTE_TABLES.get(0), "rtb-123"))),
                bad("tags", "", always().tags(Map.of("aws:team", "x"))));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badArgs")
    void badArgsAreRefusedUnderTheirFieldBeforeAnyChild(String field, String fragment, VpcEndpointsArgs.Builder args) {
        var run = ComponentHarness.create(options -> new VpcEndpoints("ep", args.build(), options)).run();
        var problems = ComponentHarness.refusedBeforeAnyChild(run);
        assertTrue(problems.stream().anyMatch(p -> p.field().equals(field) && p.message().contains(fragment)),
                field + ": ..." + fragment + "... in " + problems);
    }

    @Test
    void routeTablesOfAnotherResourceAreCheckedWhenKnownWithThePlainMessage() {
        var run = endpoints(a -> a.routeTableIds(Output.of(List.of("rtb-123")))).run();
        var problems = ComponentHarness.argsException(run).problems();
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("routeTableIds", problems.get(0).field());
        assertEquals("'rtb-123' is not a route table id (rtb- and 8 or 17 hex digits)", problems.get(0).message());
    }
}
