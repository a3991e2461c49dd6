package io.github.fargateprivate.testing;

import com.pulumi.Context;
import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.acm.Certificate;
import com.pulumi.aws.acm.CertificateArgs;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
import com.pulumi.aws.ec2.Eip;
import com.pulumi.aws.ec2.EipArgs;
import com.pulumi.aws.ec2.InternetGateway;
import com.pulumi.aws.ec2.InternetGatewayArgs;
import com.pulumi.aws.ec2.LaunchTemplate;
import com.pulumi.aws.ec2.LaunchTemplateArgs;
import com.pulumi.aws.ec2.NatGateway;
import com.pulumi.aws.ec2.NatGatewayArgs;
import com.pulumi.aws.ec2.RouteTable;
import com.pulumi.aws.ec2.RouteTableArgs;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.Subnet;
import com.pulumi.aws.ec2.SubnetArgs;
import com.pulumi.aws.ec2.Vpc;
import com.pulumi.aws.ec2.VpcArgs;
import com.pulumi.aws.ec2.VpcEndpoint;
import com.pulumi.aws.ec2.VpcEndpointArgs;
import com.pulumi.aws.ecr.Repository;
import com.pulumi.aws.ecs.Cluster;
import com.pulumi.aws.ecs.Service;
import com.pulumi.aws.ecs.ServiceArgs;
import com.pulumi.aws.ecs.TaskDefinition;
import com.pulumi.aws.ecs.TaskDefinitionArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.inputs.GetCallerIdentityArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.lb.Listener;
import com.pulumi.aws.lb.ListenerArgs;
import com.pulumi.aws.lb.ListenerRule;
import com.pulumi.aws.lb.ListenerRuleArgs;
import com.pulumi.aws.lb.LoadBalancer;
import com.pulumi.aws.lb.TargetGroup;
import com.pulumi.aws.lb.TargetGroupArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleActionArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionPathPatternArgs;
import com.pulumi.aws.outputs.GetCallerIdentityResult;
import com.pulumi.aws.secretsmanager.Secret;
import com.pulumi.aws.ssm.Parameter;
import com.pulumi.aws.ssm.ParameterArgs;
import com.pulumi.core.Output;
import io.github.fargateprivate.ec2.NetworkArgs;
import io.github.fargateprivate.ecs.ContainerArgs;
import io.github.fargateprivate.patterns.LoadBalancedFargateService;
import io.github.fargateprivate.patterns.LoadBalancedFargateServiceArgs;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The testing kit's mocks answer as AWS and the engine do, for the library's resources and a consumer's own. */
class OfflineMocksTest {

    private static final String ELB = "arn:aws:elasticloadbalancing:eu-central-1:123456789012:";
    private static final String LOAD_BALANCER = ELB + "loadbalancer/app/alb-1a2b3c4/0000000000017997";
    private static final String TARGET_GROUP = ELB + "targetgroup/tg-1a2b3c4/0000000000000e73";
    private static final String LISTENER = ELB + "listener/app/alb-1a2b3c4/0000000000017997/0000000000310888";
    private static final String RULE =
            ELB + "listener-rule/app/alb-1a2b3c4/0000000000017997/0000000000310888/000000000586034f";
    private static final String VPC = "vpc-0000000000001a99d";
    private static final List<String> SUBNETS = List.of("subnet-000000000063dbc31", "subnet-000000000063dbc32");
    private static final String IMAGE = "123456789012.dkr.ecr.eu-central-1.amazonaws.com/orders:1.4.2";

    // Ids

    /** A consumer's own network, as the library's NetworkArgs and VpcEndpointsArgs check it. */
    private static void network(Context ctx) {
        var vpc = new Vpc("net", VpcArgs.builder().cidrBlock("10.0.0.0/16").build());
        var a = subnet("net-a", vpc, "10.0.0.0/24");
        ctx.export("subnetB", subnet("net-b", vpc, "10.0.1.0/24").id());
        var eip = new Eip("net-eip", EipArgs.builder().domain("vpc").build());
        ctx.export("vpc", vpc.id());
        ctx.export("vpcArn", vpc.arn());
        ctx.export("defaultSg", vpc.defaultSecurityGroupId());
        ctx.export("mainRtb", vpc.mainRouteTableId());
        ctx.export("subnet", a.id());
        ctx.export("rtb", new RouteTable("net-rt", RouteTableArgs.builder().vpcId(vpc.id()).build()).id());
        ctx.export("sg", new SecurityGroup("net-sg", SecurityGroupArgs.builder().vpcId(vpc.id()).build()).id());
        ctx.export("igw", new InternetGateway("net-igw", InternetGatewayArgs.builder().vpcId(vpc.id()).build()).id());
        ctx.export("eip", eip.id());
        ctx.export("allocation", eip.allocationId());
        ctx.export("nat", new NatGateway("net-nat", NatGatewayArgs.builder().subnetId(a.id())
                .allocationId(eip.id()).build()).id());
        ctx.export("vpce", new VpcEndpoint("net-s3", VpcEndpointArgs.builder().vpcId(vpc.id())
                .serviceName("com.amazonaws.eu-central-1.s3").vpcEndpointType("Gateway").build()).id());
        ctx.export("lt", new LaunchTemplate("lt", LaunchTemplateArgs.builder().imageId("ami-0abcdef01234567890")
                .build()).id());
    }

    private static Subnet subnet(String name, Vpc vpc, String cidr) {
        return new Subnet(name, SubnetArgs.builder().vpcId(vpc.id()).cidrBlock(cidr).build());
    }

    @Test
    void ec2ResourcesGetTheirPrefixAnd17HexDigitsFromTheirName() {
        var run = OfflineRun.of(OfflineMocksTest::network, new OfflineMocks()).ok();
        assertEquals(VPC, run.output("vpc"));
        assertEquals("arn:aws:ec2:eu-central-1:123456789012:vpc/" + VPC, run.output("vpcArn"));
        assertEquals("sg-000000000c1799bb7", run.output("defaultSg"));
        assertEquals("rtb-0000000006db9d95d", run.output("mainRtb"));
        assertEquals(SUBNETS.get(0), run.output("subnet"));
        assertEquals("rtb-000000000c179cc72", run.output("rtb"));
        assertEquals("sg-000000000c179cc84", run.output("sg"));
        assertEquals("igw-0000000006dbf9ee9", run.output("igw"));
        assertEquals("eipalloc-0000000006dbf901c", run.output("eip"));
        assertEquals("eipalloc-0000000006dbf901c", run.output("allocation"));
        assertEquals("nat-0000000006dbfb0f1", run.output("nat"));
        assertEquals("vpce-000000000c179cc50", run.output("vpce"));
        assertEquals("lt-00000000000000d88", run.output("lt"));
        assertEquals(SUBNETS.get(1), run.output("subnetB"));
        assertEquals(SUBNETS.get(0), run.inputs("net-nat").get("subnetId"));
        // Made up, so that the offline plan shows them as known after deploy.
        var generated = run.mocks().generated();
        assertEquals("net.id", generated.get(VPC));
        assertEquals("net-a.id", generated.get(SUBNETS.get(0)));
        assertEquals("net-sg.id", generated.get("sg-000000000c179cc84"));
        assertEquals("lt.id", generated.get("lt-00000000000000d88"));
    }

    @Test
    void resourcesWhoseIdIsTheirArnOrNameAnswerIt() {
        var run = OfflineRun.of(ctx -> {
            ctx.export("role", new Role("role", RoleArgs.builder().assumeRolePolicy("{}").build()).id());
            ctx.export("logs", new LogGroup("logs", LogGroupArgs.builder().name("/ecs/app").build()).id());
            ctx.export("repo", new Repository("repo").id());
            var secret = new Secret("secret");
            ctx.export("secret", secret.id());
            ctx.export("secretArn", secret.arn());
            var key = new Key("key");
            ctx.export("key", key.id());
            ctx.export("keyId", key.keyId());
            ctx.export("keyArn", key.arn());
            var cluster = new Cluster("cluster");
            var task = new TaskDefinition("task", TaskDefinitionArgs.builder().family("app")
                    .containerDefinitions("[]").build());
            var service = new Service("svc", ServiceArgs.builder().cluster(cluster.arn())
                    .taskDefinition(task.arn()).build());
            ctx.export("cluster", cluster.id());
            ctx.export("task", task.id());
            ctx.export("taskArn", task.arn());
            ctx.export("revision", task.revision());
            ctx.export("service", service.id());
        }, new OfflineMocks()).ok();
        assertEquals("role-1a2b3c4", run.output("role"));
        assertEquals("/ecs/app", run.output("logs"));
        assertEquals("repo-1a2b3c4", run.output("repo"));
        assertEquals("arn:aws:secretsmanager:eu-central-1:123456789012:secret:secret-1a2b3c4-AbCdEf",
                run.output("secret"));
        assertEquals(run.output("secretArn"), run.output("secret"));
        assertEquals("bc030d76-0000-4000-8000-00000000000b", run.output("key"));
        assertEquals("bc030d76-0000-4000-8000-00000000000b", run.output("keyId"));
        assertEquals("arn:aws:kms:eu-central-1:123456789012:key/bc030d76-0000-4000-8000-00000000000b",
                run.output("keyArn"));
        assertEquals("arn:aws:ecs:eu-central-1:123456789012:cluster/cluster-1a2b3c4", run.output("cluster"));
        assertEquals("app", run.output("task"));
        assertEquals("arn:aws:ecs:eu-central-1:123456789012:task-definition/app:1", run.output("taskArn"));
        assertEquals(1, run.output("revision"));
        assertEquals("arn:aws:ecs:eu-central-1:123456789012:service/cluster-1a2b3c4/svc-1a2b3c4",
                run.output("service"));
        assertEquals("key.id", run.mocks().generated().get("bc030d76-0000-4000-8000-00000000000b"));
        assertEquals("secret.arn", run.mocks().generated().get(run.output("secret")));
        assertFalse(run.mocks().generated().containsKey("/ecs/app"), "a given name is not made up");
        assertFalse(run.mocks().generated().containsKey("app"), "nor a given family");
    }

    // ARNs

    /** A load balancer with a target group, a listener, a rule and an alarm on the target group's 5XX answers. */
    private static void loadBalancer(Context ctx) {
        var vpc = new Vpc("net", VpcArgs.builder().cidrBlock("10.0.0.0/16").build());
        var alb = new LoadBalancer("alb");
        var tg = new TargetGroup("tg", TargetGroupArgs.builder().port(8080).protocol("HTTP").targetType("ip")
                .vpcId(vpc.id()).build());
        var http = new Listener("http", ListenerArgs.builder().loadBalancerArn(alb.arn()).port(80)
                .defaultActions(ListenerDefaultActionArgs.builder().type("forward").targetGroupArn(tg.arn()).build())
                .build());
        var admin = new ListenerRule("admin", ListenerRuleArgs.builder().listenerArn(http.arn()).priority(10)
                .actions(ListenerRuleActionArgs.builder().type("forward").targetGroupArn(tg.arn()).build())
                .conditions(ListenerRuleConditionArgs.builder().pathPattern(ListenerRuleConditionPathPatternArgs
                        .builder().values("/admin/*").build()).build())
                .build());
        new MetricAlarm("tg-5xx", MetricAlarmArgs.builder().namespace("AWS/ApplicationELB")
                .metricName("HTTPCode_Target_5XX_Count").statistic("Sum").period(60).evaluationPeriods(5)
                .threshold(10.0).comparisonOperator("GreaterThanThreshold")
                .dimensions(Output.tuple(tg.arnSuffix(), alb.arnSuffix())
                        .applyValue(t -> Map.of("TargetGroup", t.t1, "LoadBalancer", t.t2)))
                .build());
        ctx.export("alb", alb.arn());
        ctx.export("albId", alb.id());
        ctx.export("albSuffix", alb.arnSuffix());
        ctx.export("tg", tg.arn());
        ctx.export("tgId", tg.id());
        ctx.export("tgSuffix", tg.arnSuffix());
        ctx.export("listener", http.arn());
        ctx.export("listenerId", http.id());
        ctx.export("rule", admin.arn());
        ctx.export("ruleId", admin.id());
    }

    @Test
    void loadBalancingArnsCarryTheirSuffixesAndEachChildsContinuesItsParents() {
        var run = OfflineRun.of(OfflineMocksTest::loadBalancer, new OfflineMocks()).ok();
        assertEquals(LOAD_BALANCER, run.output("alb"));
        assertEquals(LOAD_BALANCER, run.output("albId"));
        assertEquals("app/alb-1a2b3c4/0000000000017997", run.output("albSuffix"));
        assertEquals(TARGET_GROUP, run.output("tg"));
        assertEquals(TARGET_GROUP, run.output("tgId"));
        assertEquals("targetgroup/tg-1a2b3c4/0000000000000e73", run.output("tgSuffix"));
        assertEquals(LISTENER, run.output("listener"));
        assertEquals(LISTENER, run.output("listenerId"));
        assertEquals(RULE, run.output("rule"));
        assertEquals(RULE, run.output("ruleId"));
        assertEquals("tg.arnSuffix", run.mocks().generated().get("targetgroup/tg-1a2b3c4/0000000000000e73"));
    }

    @Test
    void anAlarmOnATargetGroupReadsItsArnSuffix() {
        var run = OfflineRun.of(OfflineMocksTest::loadBalancer, new OfflineMocks()).ok();
        assertEquals(Map.of("TargetGroup", "targetgroup/tg-1a2b3c4/0000000000000e73",
                "LoadBalancer", "app/alb-1a2b3c4/0000000000017997"), run.inputs("tg-5xx").get("dimensions"));
        assertEquals("arn:aws:cloudwatch:eu-central-1:123456789012:alarm:tg-5xx-1a2b3c4",
                run.mocks().generated().entrySet().stream().filter(e -> e.getValue().equals("tg-5xx.arn"))
                        .map(Map.Entry::getKey).findFirst().orElseThrow());
    }

    @Test
    void aListenerOfALoadBalancerTheStackDoesNotCreateContinuesItsArn() {
        String shared = ELB + "loadbalancer/app/shared/50dc6c495c0c9188";
        var run = OfflineRun.of(ctx -> ctx.export("listener", new Listener("http", ListenerArgs.builder()
                .loadBalancerArn(shared).port(80).defaultActions(ListenerDefaultActionArgs.builder()
                        .type("fixed-response").build()).build()).arn()), new OfflineMocks()).ok();
        assertEquals(ELB + "listener/app/shared/50dc6c495c0c9188/0000000000310888", run.output("listener"));
    }

    @Test
    void anSsmParametersArnHasOneSlashBeforeItsName() {
        var run = OfflineRun.of(ctx -> {
            ctx.export("path", new Parameter("db", ParameterArgs.builder().name("/app/db").type("SecureString")
                    .value("x").build()).arn());
            ctx.export("plain", parameter("plain"));
        }, new OfflineMocks()).ok();
        assertEquals("arn:aws:ssm:eu-central-1:123456789012:parameter/app/db", run.output("path"));
        assertEquals("arn:aws:ssm:eu-central-1:123456789012:parameter/plain", run.output("plain"));
        assertEquals("/app/db", run.mocks().named("db").inputs().get("name"));
    }

    private static Output<String> parameter(String name) {
        return new Parameter(name, ParameterArgs.builder().name(name).type("String").value("x").build()).arn();
    }

    @Test
    void aCertificateAsksForOneCnamePerDomain() {
        var run = OfflineRun.of(ctx -> {
            var certificate = new Certificate("cert", CertificateArgs.builder().domainName("api.example.com")
                    .subjectAlternativeNames("www.example.com").validationMethod("DNS").build());
            ctx.export("records", certificate.domainValidationOptions().applyValue(options -> options.stream()
                    .map(o -> o.domainName().orElseThrow() + " " + o.resourceRecordType().orElseThrow() + " "
                            + o.resourceRecordName().orElseThrow()).toList()));
        }, new OfflineMocks()).ok();
        @SuppressWarnings("unchecked")
        var records = (List<String>) run.output("records");
        assertEquals(2, records.size());
        assertTrue(records.get(0).matches("api\\.example\\.com CNAME _[0-9a-f]{32}\\.api\\.example\\.com\\."),
                records.get(0));
        assertTrue(records.get(1).matches("www\\.example\\.com CNAME _[0-9a-f]{32}\\.www\\.example\\.com\\."),
                records.get(1));
    }

    // A consumer's own network under the library

    /** A consumer stack that creates its VPC and subnets and runs the library's composite in them. */
    private static void ownNetwork(Context ctx) {
        var vpc = new Vpc("net", VpcArgs.builder().cidrBlock("10.0.0.0/16").build());
        var a = subnet("net-a", vpc, "10.0.0.0/24");
        var b = subnet("net-b", vpc, "10.0.1.0/24");
        var orders = new LoadBalancedFargateService("orders", LoadBalancedFargateServiceArgs.builder()
                .container(ContainerArgs.builder().image(IMAGE).port(8080).build())
                .network(NetworkArgs.builder().vpcId(vpc.id()).publicSubnetIds(Output.all(a.id(), b.id())).build())
                .build());
        ctx.export("url", orders.url().orElseThrow());
    }

    @Test
    void aStackWithItsOwnVpcAndSubnetsRunsTheLibrarysServiceInThem() {
        var run = OfflineRun.of(OfflineMocksTest::ownNetwork, new OfflineMocks()).ok();
        assertEquals(VPC, run.inputs("orders-lb-tg").get("vpcId"));
        assertEquals(SUBNETS, run.inputs("orders-lb-alb").get("subnets"));
        assertEquals(SUBNETS, OfflineRun.block(run.inputs("orders-fargate-service"), "networkConfiguration")
                .get("subnets"));
        assertEquals(Set.of("net"), run.inputDependencies("orders-lb-tg", "vpcId"));
        assertEquals("http://orders-lb-alb-1a2b3c4-1234567890.eu-central-1.elb.amazonaws.com", run.output("url"));
    }

    @Test
    void aStackWithItsOwnVpcAndSubnetsPreviewsTheSameResources() {
        var up = OfflineRun.of(OfflineMocksTest::ownNetwork, new OfflineMocks()).ok();
        var preview = OfflineRun.of(OfflineMocksTest::ownNetwork, new OfflineMocks().unknownOutputs()).ok();
        assertEquals(registered(up), registered(preview));
        assertFalse(preview.inputs("orders-lb-tg").containsKey("vpcId"), "unknown in a preview");
        assertEquals(Set.of("net"), preview.inputDependencies("orders-lb-tg", "vpcId"));
        assertEquals(Set.of("net-a", "net-b"), preview.inputDependencies("orders-lb-alb", "subnets"));
    }

    private static Set<String> registered(OfflineRun run) {
        return run.mocks().registrations().stream().map(r -> r.type() + " " + r.name())
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }

    // Preview

    @Test
    void aPreviewAnswersInputsAndTheAutonamedNameAndEveryOtherOutputUnknownWithItsResource() {
        var arn = new AtomicReference<Output<String>>();
        var cidr = new AtomicReference<Output<String>>();
        var name = new AtomicReference<Output<String>>();
        var named = new AtomicReference<Output<String>>();
        var id = new AtomicReference<Output<String>>();
        var run = OfflineRun.of(ctx -> {
            var vpc = new Vpc("net", VpcArgs.builder().cidrBlock("10.0.0.0/16").build());
            var sg = new SecurityGroup("web", SecurityGroupArgs.builder().vpcId(vpc.id()).build());
            var fromId = new SecurityGroup("named", SecurityGroupArgs.builder()
                    .name(vpc.id().applyValue(v -> "web-" + v)).build());
            arn.set(vpc.arn());
            cidr.set(vpc.cidrBlock());
            id.set(vpc.id());
            name.set(sg.name());
            named.set(fromId.name());
        }, new OfflineMocks().unknownOutputs()).ok();
        assertEquals("10.0.0.0/16", OfflineRun.value(cidr.get()));
        assertEquals("web-1a2b3c4", OfflineRun.value(name.get()), "autonaming computes the name before create");
        assertFalse(OfflineRun.isKnown(named.get()), "a name built from an unknown value is unknown");
        assertFalse(OfflineRun.isKnown(arn.get()));
        assertFalse(OfflineRun.isKnown(id.get()));
        assertEquals(Set.of("net"), OfflineRun.dependencies(arn.get()), "an unknown output keeps its resource");
        assertEquals(Set.of("net"), run.inputDependencies("web", "vpcId"));
        assertFalse(run.inputs("web").containsKey("vpcId"));
    }

    @Test
    void unknownOutputsIsAModeOfTheSameMocksAndStackReferencesStillAnswer() {
        var mocks = new OfflineMocks();
        assertFalse(mocks.answersUnknown());
        assertSame(mocks, mocks.unknownOutputs());
        assertTrue(mocks.answersUnknown());
        mocks.stackReference("acme/network/prod", Map.of("vpcId", VPC));
        var run = OfflineRun.of(ctx -> ctx.export("vpc", new com.pulumi.resources.StackReference("acme/network/prod")
                .output("vpcId")), mocks).ok();
        assertEquals(VPC, run.output("vpc"));
    }

    /** A consumer's mocks: its own VPC id and another account. */
    static final class OwnMocks extends OfflineMocks {
        @Override
        public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
            if ("aws:ec2/vpc:Vpc".equals(args.type)) {
                return CompletableFuture.completedFuture(ResourceResult.of(Optional.of("vpc-0feedfacefeedface0"),
                        Map.of("cidrBlock", args.inputs.get("cidrBlock"))));
            }
            return super.newResourceAsync(args);
        }

        @Override
        public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
            return "aws:index/getCallerIdentity:getCallerIdentity".equals(args.token)
                    ? CompletableFuture.completedFuture(Map.of("accountId", "210987654321", "arn",
                    "arn:aws:iam::210987654321:user/ci", "userId", "AIDAOTHER", "id", "210987654321"))
                    : super.callAsync(args);
        }
    }

    private static void ownAccount(Context ctx) {
        ctx.export("vpc", new Vpc("net", VpcArgs.builder().cidrBlock("10.0.0.0/16").build()).id());
        ctx.export("account", AwsFunctions.getCallerIdentity(GetCallerIdentityArgs.builder().build())
                .applyValue(GetCallerIdentityResult::accountId));
    }

    @Test
    void aSubclassKeepsItsOverridesInAPreview() {
        var mocks = new OwnMocks();
        assertSame(mocks, mocks.unknownOutputs());
        var run = OfflineRun.of(OfflineMocksTest::ownAccount, mocks).ok();
        assertEquals("vpc-0feedfacefeedface0", run.output("vpc"));
        assertEquals("210987654321", run.output("account"));
    }

    /** Mocks that also answer a VPC's IPv6 block, which the kit does not make up. */
    static final class Ipv6Mocks extends OfflineMocks {
        @Override
        protected Map<String, Object> state(ResourceArgs args, Map<String, Object> state) {
            if ("aws:ec2/vpc:Vpc".equals(args.type)) {
                state.put("ipv6CidrBlock", made(args.name, "ipv6CidrBlock", "2001:db8:1234:1a00::/56"));
            }
            return state;
        }
    }

    @Test
    void theStateHookAddsAnOutputThatAPreviewAnswersUnknown() {
        var block = new AtomicReference<Output<String>>();
        Consumer<Context> program = ctx -> block.set(new Vpc("net", VpcArgs.builder().cidrBlock("10.0.0.0/16")
                .assignGeneratedIpv6CidrBlock(true).build()).ipv6CidrBlock());
        var up = OfflineRun.of(program, new Ipv6Mocks()).ok();
        assertEquals("2001:db8:1234:1a00::/56", OfflineRun.value(block.get()));
        assertEquals("net.ipv6CidrBlock", up.mocks().generated().get("2001:db8:1234:1a00::/56"));
        OfflineRun.of(program, new Ipv6Mocks().unknownOutputs()).ok();
        assertFalse(OfflineRun.isKnown(block.get()));
        assertEquals(Set.of("net"), OfflineRun.dependencies(block.get()));
    }

    // One name, two types

    @Test
    void oneNameMayStandForTwoTypesAndTheLookupAsksForTheType() {
        var run = OfflineRun.of(ctx -> {
            new Repository("orders");
            new LogGroup("orders", LogGroupArgs.builder().name("/ecs/orders").build());
        }, new OfflineMocks()).ok();
        assertEquals(Set.of("orders"), run.names());
        var e = assertThrows(IllegalStateException.class, () -> run.mocks().named("orders"));
        assertEquals("2 resources are named orders, of types aws:cloudwatch/logGroup:LogGroup, "
                + "aws:ecr/repository:Repository; ask for one with named(type, name)", e.getMessage());
        assertEquals("/ecs/orders", run.mocks().named("aws:cloudwatch/logGroup:LogGroup", "orders").inputs()
                .get("name"));
        assertEquals(Map.of("name", "/ecs/orders"), run.inputs("aws:cloudwatch/logGroup:LogGroup", "orders"));
        assertEquals(Map.of(), run.inputs("aws:ecr/repository:Repository", "orders"));
        assertThrows(IllegalStateException.class, () -> run.inputs("orders"));
        assertThrows(java.util.NoSuchElementException.class, () -> run.mocks().named("aws:sns/topic:Topic", "orders"));
    }

    @Test
    void theSameTypeAndNameTwiceIsRefused() {
        var run = OfflineRun.of(ctx -> {
            new Repository("orders");
            new Repository("orders");
        }, new OfflineMocks());
        var e = assertThrows(AssertionError.class, run::names);
        assertTrue(e.getMessage().startsWith("a (type, name) is registered twice"), e.getMessage());
        var named = assertThrows(IllegalStateException.class,
                () -> run.mocks().named("aws:ecr/repository:Repository", "orders"));
        assertEquals("aws:ecr/repository:Repository orders is registered 2 times", named.getMessage());
        assertEquals("orders is registered 2 times, as aws:ecr/repository:Repository",
                assertThrows(IllegalStateException.class, () -> run.mocks().named("orders")).getMessage());
    }

    // ECS rollbacks

    private static void service(Context ctx) {
        ctx.export("taskDefinition", new Service("svc", ServiceArgs.builder()
                .taskDefinition("arn:aws:ecs:eu-central-1:123456789012:task-definition/app:5").build())
                .taskDefinition());
    }

    @Test
    void aServiceThatEcsRolledBackAnswersThePreviousRevision() {
        assertEquals(Optional.of("arn:aws:ecs:eu-central-1:123456789012:task-definition/app:5"),
                OfflineRun.of(OfflineMocksTest::service, new OfflineMocks()).ok().output("taskDefinition"));
        assertEquals(Optional.of("arn:aws:ecs:eu-central-1:123456789012:task-definition/app:4"),
                OfflineRun.of(OfflineMocksTest::service, new OfflineMocks().rollsBack("svc")).ok()
                        .output("taskDefinition"));
        assertEquals(Optional.of("arn:aws:ecs:eu-central-1:123456789012:task-definition/app:5"),
                OfflineRun.of(OfflineMocksTest::service, new OfflineMocks().rollsBack("svc").unknownOutputs()).ok()
                        .output("taskDefinition"), "a preview knows no rollback");
    }

    @Test
    void theLibrarysServiceRolledBackAnswersTheGivenTaskDefinition() {
        String previous = "arn:aws:ecs:eu-central-1:123456789012:task-definition/orders-fargate:41";
        var service = new AtomicReference<LoadBalancedFargateService>();
        var run = OfflineRun.of(ctx -> service.set(new LoadBalancedFargateService("orders",
                LoadBalancedFargateServiceArgs.builder().container(ContainerArgs.builder().image(IMAGE).build())
                        .build())), new OfflineMocks().rollsBack("orders-fargate-service", previous));
        // The library reads it back and fails the update (FargateServiceRollbackTest); the answers are the mocks'.
        assertTrue(run.failure().contains("ECS rolled the deployment of service orders-fargate-service-1a2b3c4 back"));
        assertEquals(Optional.of(previous), OfflineRun.value(service.get().service().service().taskDefinition()));
        assertEquals("arn:aws:ecs:eu-central-1:123456789012:task-definition/orders-fargate:1",
                OfflineRun.value(service.get().service().taskDefinitionArn()));
        assertEquals("arn:aws:ecs:eu-central-1:123456789012:task-definition/orders-fargate:1",
                run.inputs("orders-fargate-service").get("taskDefinition"));
    }

    @Test
    void aFirstRevisionHasNoneToRollBackTo() {
        var failure = OfflineRun.of(ctx -> new LoadBalancedFargateService("orders",
                LoadBalancedFargateServiceArgs.builder().container(ContainerArgs.builder().image(IMAGE).build())
                        .build()), new OfflineMocks().rollsBack("orders-fargate-service")).failure();
        assertTrue(failure.contains("rollsBack(\"orders-fargate-service\"): the service's task definition "
                + "'arn:aws:ecs:eu-central-1:123456789012:task-definition/orders-fargate:1' has no earlier revision to roll "
                + "back to; give it: rollsBack(\"orders-fargate-service\", ARN)"), failure);
    }
}
