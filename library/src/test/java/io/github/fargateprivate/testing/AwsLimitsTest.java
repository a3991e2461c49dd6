package io.github.fargateprivate.testing;

import com.pulumi.Context;
import com.pulumi.aws.appautoscaling.Policy;
import com.pulumi.aws.appautoscaling.PolicyArgs;
import com.pulumi.aws.autoscaling.Group;
import com.pulumi.aws.autoscaling.GroupArgs;
import com.pulumi.aws.cloudwatch.EventRule;
import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.ec2.LaunchTemplate;
import com.pulumi.aws.ec2.LaunchTemplateArgs;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.SecurityGroupRule;
import com.pulumi.aws.ec2.SecurityGroupRuleArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupEgressArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupIngressArgs;
import com.pulumi.aws.ecs.CapacityProvider;
import com.pulumi.aws.ecs.CapacityProviderArgs;
import com.pulumi.aws.ecs.Cluster;
import com.pulumi.aws.ecs.ClusterArgs;
import com.pulumi.aws.ecs.Service;
import com.pulumi.aws.ecs.ServiceArgs;
import com.pulumi.aws.ecs.TaskDefinition;
import com.pulumi.aws.ecs.TaskDefinitionArgs;
import com.pulumi.aws.ecs.inputs.CapacityProviderAutoScalingGroupProviderArgs;
import com.pulumi.aws.ecs.inputs.ServiceNetworkConfigurationArgs;
import com.pulumi.aws.iam.InstanceProfile;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.lb.Listener;
import com.pulumi.aws.lb.ListenerArgs;
import com.pulumi.aws.lb.ListenerRule;
import com.pulumi.aws.lb.ListenerRuleArgs;
import com.pulumi.aws.lb.LoadBalancer;
import com.pulumi.aws.lb.LoadBalancerArgs;
import com.pulumi.aws.lb.TargetGroup;
import com.pulumi.aws.lb.TargetGroupArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleActionArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleActionForwardArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleActionForwardTargetGroupArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionHostHeaderArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionPathPatternArgs;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketV2Args;
import com.pulumi.aws.secretsmanager.Secret;
import com.pulumi.aws.secretsmanager.SecretArgs;
import com.pulumi.aws.sns.Topic;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every run under {@link OfflineRun} fails on what AWS would refuse; each limit here once, and its boundary. */
class AwsLimitsTest {

    private static final String VPC = "vpc-0123456789abcdef0";
    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"ecs-tasks.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    private static final String EXISTING_LISTENER = "arn:aws:elasticloadbalancing:eu-central-1:123456789012:"
            + "listener/app/shared/0123456789abcdef/0123456789abcdef0";

    /** @return the run's AssertionError message, after asserting the run threw one */
    private static String refused(Consumer<Context> program) {
        return assertThrows(AssertionError.class, () -> OfflineRun.of(program, new OfflineMocks())).getMessage();
    }

    private static void assertRefused(Consumer<Context> program, String fragment) {
        String message = refused(program);
        assertTrue(message.contains(fragment), "expected <" + fragment + "> in:\n" + message);
    }

    private static void assertAccepted(Consumer<Context> program) {
        OfflineRun.of(program, new OfflineMocks()).ok();
    }

    private static String chars(int n) {
        return "a".repeat(n);
    }

    // --- names -------------------------------------------------------------------------------------------------

    static Stream<Arguments> refusedNames() {
        String page = "API_CreateTargetGroup.html";
        return Stream.of(
                Arguments.of("a target group autoname of 33 characters", (Consumer<Context>) ctx ->
                                new TargetGroup("tg-" + chars(22), TargetGroupArgs.builder().build()),
                        "tg-" + chars(22) + " (aws:lb/targetGroup:TargetGroup): the autoname \"tg-" + chars(22)
                                + "-\" + 7 random characters is 33 characters, over the 32 AWS allows in a target "
                                + "group name (https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/"
                                + page + ")"),
                Arguments.of("a target group prefix of 7", (Consumer<Context>) ctx -> new TargetGroup("tg",
                                TargetGroupArgs.builder().namePrefix("abcdefg").build()),
                        "namePrefix \"abcdefg\" with the 26 characters the provider appends is 33 characters, over "
                                + "the 32"),
                Arguments.of("a load balancer named internal-x", (Consumer<Context>) ctx -> new LoadBalancer("alb",
                                LoadBalancerArgs.builder().name("internal-x").build()),
                        "alb (aws:lb/loadBalancer:LoadBalancer): name \"internal-x\" begins with \"internal-\", which "
                                + "AWS refuses in a load balancer name"),
                Arguments.of("a load balancer ending in '-'", (Consumer<Context>) ctx -> new LoadBalancer("alb",
                        LoadBalancerArgs.builder().name("web-").build()), "name \"web-\" ends with '-'"),
                Arguments.of("a load balancer with '_'", (Consumer<Context>) ctx -> new LoadBalancer("my_alb",
                                LoadBalancerArgs.builder().build()),
                        "the autoname \"my_alb-\" + 7 random characters has characters AWS refuses in a load "
                                + "balancer name: '_'"),
                Arguments.of("a security group named sg-web", (Consumer<Context>) ctx -> new SecurityGroup("web",
                                SecurityGroupArgs.builder().name("sg-web").build()),
                        "name \"sg-web\" begins with \"sg-\", which AWS refuses in a security group name"),
                Arguments.of("a role autoname of 65", (Consumer<Context>) ctx -> new Role("r" + chars(56),
                                RoleArgs.builder().assumeRolePolicy(TRUST).build()),
                        "is 65 characters, over the 64 AWS allows in an IAM role name"),
                Arguments.of("a role name with a space", (Consumer<Context>) ctx -> new Role("role",
                                RoleArgs.builder().name("app role").assumeRolePolicy(TRUST).build()),
                        "name \"app role\" has characters AWS refuses in an IAM role name: ' '"),
                Arguments.of("an inline policy of 129", (Consumer<Context>) ctx -> new RolePolicy("policy",
                                RolePolicyArgs.builder().name(chars(129)).role("role").policy(TRUST).build()),
                        "is 129 characters, over the 128 AWS allows in an inline policy name"),
                Arguments.of("an instance profile autoname of 129", (Consumer<Context>) ctx ->
                                new InstanceProfile(chars(121)),
                        "is 129 characters, over the 128 AWS allows in an instance profile name"),
                Arguments.of("a log group autoname over the provider's 255", (Consumer<Context>) ctx ->
                                new LogGroup(chars(248)),
                        "is 256 characters, over the 255 the AWS provider's autoname allows"),
                Arguments.of("a log group with a space", (Consumer<Context>) ctx -> new LogGroup("logs",
                                LogGroupArgs.builder().name("/ecs/my app").build()),
                        "has characters AWS refuses in a log group name: ' '"),
                Arguments.of("a cluster with '.'", (Consumer<Context>) ctx -> new Cluster("cluster",
                                ClusterArgs.builder().name("my.cluster").build()),
                        "has characters AWS refuses in an ECS cluster name: '.'"),
                Arguments.of("a service of 256", (Consumer<Context>) ctx -> new Service("svc",
                        ServiceArgs.builder().name(chars(256)).build()), "over the 255 AWS allows in an ECS service"),
                Arguments.of("a task family with ':'", (Consumer<Context>) ctx -> new TaskDefinition("task",
                                TaskDefinitionArgs.builder().family("app:1").containerDefinitions("[]").build()),
                        "family \"app:1\" has characters AWS refuses in a task definition family: ':'"),
                Arguments.of("a capacity provider named fargate...", (Consumer<Context>) ctx ->
                                new CapacityProvider("FargateSpare", CapacityProviderArgs.builder()
                                        .autoScalingGroupProvider(CapacityProviderAutoScalingGroupProviderArgs
                                                .builder().autoScalingGroupArn("arn:asg").build()).build()),
                        "begins with \"aws\", \"ecs\" or \"fargate\" (in any case), which AWS refuses in a capacity "
                                + "provider name"),
                Arguments.of("a secret with a space", (Consumer<Context>) ctx -> new Secret("secret",
                                SecretArgs.builder().name("db password").build()),
                        "has characters AWS refuses in a secret name: ' '"),
                Arguments.of("an Auto Scaling group with ':'", (Consumer<Context>) ctx -> new Group("asg",
                                GroupArgs.builder().name("asg:web").minSize(0).maxSize(1).build()),
                        "has characters AWS refuses in an Auto Scaling group name: ':'"),
                Arguments.of("a launch template of 2", (Consumer<Context>) ctx -> new LaunchTemplate("lt",
                                LaunchTemplateArgs.builder().name("lt").build()),
                        "name \"lt\" is 2 characters; AWS requires at least 3 in a launch template name"),
                Arguments.of("a launch template with '@'", (Consumer<Context>) ctx -> new LaunchTemplate("lt",
                                LaunchTemplateArgs.builder().name("web@v1").build()),
                        "has characters AWS refuses in a launch template name: '@'"),
                Arguments.of("a bucket autoname with '_'", (Consumer<Context>) ctx -> new BucketV2("Access_Logs"),
                        "the autoname \"access_logs-\" + 7 random characters has characters AWS refuses in an S3 "
                                + "bucket name: '_'"),
                Arguments.of("a bucket autoname of 64", (Consumer<Context>) ctx -> new BucketV2(chars(56)),
                        "is 64 characters, over the 63 AWS allows in an S3 bucket name"),
                Arguments.of("a bucket prefix of 38", (Consumer<Context>) ctx -> new BucketV2("logs",
                                BucketV2Args.builder().bucketPrefix(chars(38)).build()),
                        "bucketPrefix \"" + chars(38) + "\" with the 26 characters the provider appends is 64 "
                                + "characters, over the 63"),
                Arguments.of("a bucket with '..'", (Consumer<Context>) ctx -> new BucketV2("logs",
                                BucketV2Args.builder().bucket("my..logs").build()),
                        "bucket \"my..logs\" has two adjacent periods, which AWS refuses in an S3 bucket name"),
                Arguments.of("a scaling policy of 257", (Consumer<Context>) ctx -> new Policy("cpu",
                                PolicyArgs.builder().name(chars(257)).resourceId("service/c/s")
                                        .scalableDimension("ecs:service:DesiredCount").serviceNamespace("ecs").build()),
                        "is 257 characters, over the 256 AWS allows in a scaling policy name"),
                Arguments.of("an EventBridge rule autoname of 65", (Consumer<Context>) ctx -> new EventRule(chars(57)),
                        "is 65 characters, over the 64 AWS allows in an EventBridge rule name"),
                Arguments.of("an alarm name of 256", (Consumer<Context>) ctx -> new MetricAlarm("alarm",
                                MetricAlarmArgs.builder().name(chars(256)).evaluationPeriods(1)
                                        .comparisonOperator("GreaterThanThreshold").build()),
                        "is 256 characters, over the 255 AWS allows in a CloudWatch alarm name"),
                Arguments.of("an alarm name with a tab", (Consumer<Context>) ctx -> new MetricAlarm("alarm",
                                MetricAlarmArgs.builder().name("5xx\tcount").evaluationPeriods(1)
                                        .comparisonOperator("GreaterThanThreshold").build()),
                        "has characters AWS refuses in a CloudWatch alarm name"),
                Arguments.of("an SNS topic autoname over the provider's 80", (Consumer<Context>) ctx ->
                                new Topic(chars(73)),
                        "is 81 characters, over the 80 the AWS provider's autoname allows"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedNames")
    void aNameAwsRefusesFailsTheRun(String description, Consumer<Context> program, String fragment) {
        assertRefused(program, fragment);
    }

    @Test
    void namesAtTheirLimitsPass() {
        assertAccepted(ctx -> {
            new TargetGroup("tg-" + chars(21), TargetGroupArgs.builder().build());
            new TargetGroup("tg", TargetGroupArgs.builder().namePrefix("abcdef").build());
            new LoadBalancer("alb", LoadBalancerArgs.builder().name("internal" + chars(24)).build());
            new Role("r" + chars(55), RoleArgs.builder().assumeRolePolicy(TRUST).build());
            new BucketV2(chars(55));
            new BucketV2("AccessLogs");
            new LaunchTemplate("lt", LaunchTemplateArgs.builder().name("abc").build());
            new CapacityProvider("app-capacity", CapacityProviderArgs.builder().autoScalingGroupProvider(
                    CapacityProviderAutoScalingGroupProviderArgs.builder().autoScalingGroupArn("arn:asg").build())
                    .build());
            new LogGroup(chars(247));
            new LogGroup("logs", LogGroupArgs.builder().name(chars(512)).build());
            new Topic(chars(72));
            new MetricAlarm(chars(247), MetricAlarmArgs.builder().evaluationPeriods(1)
                    .comparisonOperator("GreaterThanThreshold").build());
            new EventRule(chars(56));
        });
    }

    @Test
    void aNameAPreviewLeavesUnknownIsNotGuessedFromTheLogicalName() {
        Consumer<Context> program = ctx -> {
            var alb = new LoadBalancer("alb");
            new TargetGroup("tg-" + chars(22), TargetGroupArgs.builder().name(alb.name()).build());
        };
        OfflineRun.of(program, new OfflineMocks().unknownOutputs()).ok();
        OfflineRun.of(program, new OfflineMocks()).ok();
    }

    // --- security groups ---------------------------------------------------------------------------------------

    private static List<String> cidrs(int n) {
        return IntStream.range(0, n).mapToObj(i -> "10." + i / 256 + "." + i % 256 + ".0/24").toList();
    }

    private static List<String> ipv6Cidrs(int n) {
        return IntStream.range(0, n).mapToObj(i -> "2001:db8:" + Integer.toHexString(i) + "::/48").toList();
    }

    @Test
    void sixtyOneOutboundCidrsFailAndSixtyPass() {
        assertRefused(ctx -> new SecurityGroup("web", SecurityGroupArgs.builder().vpcId(VPC).egress(
                        SecurityGroupEgressArgs.builder().protocol("tcp").fromPort(443).toPort(443)
                                .cidrBlocks(cidrs(61)).build()).build()),
                "web (aws:ec2/securityGroup:SecurityGroup): 61 outbound IPv4 rules (inline blocks and rule "
                        + "resources; each CIDR block, referenced group and prefix list is one), over the 60 AWS "
                        + "allows per security group (https://docs.aws.amazon.com/vpc/latest/userguide/"
                        + "amazon-vpc-limits.html)");
        assertAccepted(ctx -> new SecurityGroup("web", SecurityGroupArgs.builder().vpcId(VPC).egress(
                SecurityGroupEgressArgs.builder().protocol("tcp").fromPort(443).toPort(443)
                        .cidrBlocks(cidrs(30)).build(),
                SecurityGroupEgressArgs.builder().protocol("tcp").fromPort(80).toPort(80)
                        .cidrBlocks(cidrs(30)).build()).build()));
    }

    @Test
    void ipv4AndIpv6RulesAreCountedApart() {
        assertAccepted(ctx -> new SecurityGroup("web", SecurityGroupArgs.builder().vpcId(VPC).ingress(
                SecurityGroupIngressArgs.builder().protocol("tcp").fromPort(443).toPort(443)
                        .cidrBlocks(cidrs(60)).ipv6CidrBlocks(ipv6Cidrs(60)).build()).build()));
    }

    @Test
    void separateRulesCountOnTheGroupTheirIdNames() {
        assertRefused(ctx -> {
            var group = new SecurityGroup("web", SecurityGroupArgs.builder().vpcId(VPC).ingress(
                    SecurityGroupIngressArgs.builder().protocol("tcp").fromPort(443).toPort(443)
                            .cidrBlocks(cidrs(59)).build()).build());
            for (int i = 0; i < 2; i++) {
                new SecurityGroupIngressRule("web-in-" + i, SecurityGroupIngressRuleArgs.builder()
                        .securityGroupId(group.id()).ipProtocol("tcp").fromPort(80).toPort(80)
                        .cidrIpv4("192.168." + i + ".0/24").build());
            }
        }, "web (aws:ec2/securityGroup:SecurityGroup): 61 inbound IPv4 rules");
        assertRefused(ctx -> {
            var group = new SecurityGroup("web", SecurityGroupArgs.builder().vpcId(VPC).build());
            new SecurityGroupRule("web-out", SecurityGroupRuleArgs.builder().type("egress")
                    .securityGroupId(group.id()).protocol("tcp").fromPort(443).toPort(443).cidrBlocks(cidrs(59))
                    .build());
            new SecurityGroupRule("web-to-db", SecurityGroupRuleArgs.builder().type("egress")
                    .securityGroupId(group.id()).protocol("tcp").fromPort(5432).toPort(5432)
                    .sourceSecurityGroupId("sg-0db0db0db0db0db0d").build());
            new SecurityGroupRule("web-to-cache", SecurityGroupRuleArgs.builder().type("egress")
                    .securityGroupId(group.id()).protocol("tcp").fromPort(6379).toPort(6379)
                    .sourceSecurityGroupId("sg-0cac4ecac4ecac4ec").build());
        }, "web (aws:ec2/securityGroup:SecurityGroup): 61 outbound IPv4 rules");
    }

    @Test
    void aPreviewWhoseGroupIdIsUnknownSkipsTheRule() {
        OfflineRun.of(ctx -> {
            var group = new SecurityGroup("web", SecurityGroupArgs.builder().vpcId(VPC).ingress(
                    SecurityGroupIngressArgs.builder().protocol("tcp").fromPort(443).toPort(443)
                            .cidrBlocks(cidrs(60)).build()).build());
            new SecurityGroupIngressRule("web-in", SecurityGroupIngressRuleArgs.builder()
                    .securityGroupId(group.id()).ipProtocol("tcp").fromPort(80).toPort(80)
                    .cidrIpv4("192.168.0.0/24").build());
        }, new OfflineMocks().unknownOutputs()).ok();
    }

    private static List<String> groups(int n) {
        return IntStream.range(0, n).mapToObj(i -> "sg-0" + i + "0000000000000000").toList();
    }

    @Test
    void sixSecurityGroupsOnANetworkInterfaceFailAndFivePass() {
        assertRefused(ctx -> new Service("svc", ServiceArgs.builder().networkConfiguration(
                        ServiceNetworkConfigurationArgs.builder().subnets("subnet-1").securityGroups(groups(6)).build())
                        .build()),
                "svc (aws:ecs/service:Service): networkConfiguration.securityGroups has 6 security groups, over the "
                        + "5 AWS allows per network interface");
        assertRefused(ctx -> new LaunchTemplate("lt", LaunchTemplateArgs.builder()
                        .vpcSecurityGroupIds(groups(6)).build()),
                "lt (aws:ec2/launchTemplate:LaunchTemplate): vpcSecurityGroupIds has 6 security groups");
        assertAccepted(ctx -> new Service("svc", ServiceArgs.builder().networkConfiguration(
                ServiceNetworkConfigurationArgs.builder().subnets("subnet-1").securityGroups(groups(5)).build())
                .build()));
    }

    // --- load balancers ----------------------------------------------------------------------------------------

    private static TargetGroup targetGroup(String name) {
        return new TargetGroup(name, TargetGroupArgs.builder().port(8080).protocol("HTTP").vpcId(VPC).build());
    }

    private static Listener listener(String name, LoadBalancer alb, int port, Output<String> targetGroupArn) {
        return new Listener(name, ListenerArgs.builder().loadBalancerArn(alb.arn()).port(port).protocol("HTTP")
                .defaultActions(ListenerDefaultActionArgs.builder().type("forward").targetGroupArn(targetGroupArn)
                        .build()).build());
    }

    private static ListenerRuleArgs.Builder rule(Output<String> listenerArn, int priority, Output<String> target) {
        return ListenerRuleArgs.builder().listenerArn(listenerArn).priority(priority)
                .actions(ListenerRuleActionArgs.builder().type("forward").targetGroupArn(target).build())
                .conditions(ListenerRuleConditionArgs.builder().pathPattern(
                        ListenerRuleConditionPathPatternArgs.builder().values("/p" + priority + "/*").build())
                        .build());
    }

    /** A load balancer whose listener forwards by default to target group {@code defaultTarget}, with rules. */
    private static Consumer<Context> rules(int count, int defaultTarget) {
        return ctx -> {
            var alb = new LoadBalancer("alb");
            var targets = IntStream.rangeClosed(0, Math.max(count - 1, defaultTarget))
                    .mapToObj(i -> targetGroup("tg-" + i)).toList();
            var http = listener("http", alb, 80, targets.get(defaultTarget).arn());
            for (int i = 0; i < count; i++) {
                new ListenerRule("rule-" + i, rule(http.arn(), i + 1, targets.get(i).arn()).build());
            }
        };
    }

    @Test
    void aHundredAndOneRulesOnALoadBalancerFailAndAHundredPass() {
        assertRefused(rules(101, 0), "alb (aws:lb/loadBalancer:LoadBalancer): 101 listener rules, over the 100 AWS "
                + "allows (rules per load balancer, default rules excluded, https://docs.aws.amazon.com/"
                + "elasticloadbalancing/latest/application/load-balancer-limits.html)");
        assertAccepted(rules(100, 0));
    }

    @Test
    void aHundredAndOneTargetGroupsOnALoadBalancerFail() {
        assertRefused(rules(100, 100), "alb (aws:lb/loadBalancer:LoadBalancer): 101 target groups in forward "
                + "actions, over the 100 AWS allows (target groups per load balancer");
    }

    @Test
    void rulesOnAListenerOfAnotherStackCountOnItsLoadBalancer() {
        assertRefused(ctx -> {
            for (int i = 0; i < 101; i++) {
                new ListenerRule("rule-" + i, rule(Output.of(EXISTING_LISTENER), i + 1,
                        Output.of("arn:aws:elasticloadbalancing:eu-central-1:123456789012:targetgroup/t/1")).build());
            }
        }, "load balancer app/shared/0123456789abcdef (not created by this run): 101 listener rules");
    }

    @Test
    void fiftyOneListenersFail() {
        assertRefused(ctx -> {
            var alb = new LoadBalancer("alb");
            var target = targetGroup("tg");
            for (int i = 0; i < 51; i++) {
                listener("listener-" + i, alb, 8000 + i, target.arn());
            }
        }, "alb (aws:lb/loadBalancer:LoadBalancer): 51 listeners, over the 50 AWS allows");
    }

    @Test
    void aTargetGroupOfTwoLoadBalancersFails() {
        assertRefused(ctx -> {
            var target = targetGroup("tg");
            listener("a-http", new LoadBalancer("a"), 80, target.arn());
            listener("b-http", new LoadBalancer("b"), 80, target.arn());
        }, "tg (aws:lb/targetGroup:TargetGroup): forwarded to by 2 load balancers");
    }

    @Test
    void sixTargetGroupsInOneActionFail() {
        assertRefused(ctx -> {
            var alb = new LoadBalancer("alb");
            var targets = IntStream.range(0, 6).mapToObj(i -> targetGroup("tg-" + i)).toList();
            var http = listener("http", alb, 80, targets.get(0).arn());
            new ListenerRule("weighted", rule(http.arn(), 1, targets.get(0).arn()).actions(ListenerRuleActionArgs
                    .builder().type("forward").forward(ListenerRuleActionForwardArgs.builder().targetGroups(targets
                            .stream().map(t -> ListenerRuleActionForwardTargetGroupArgs.builder().arn(t.arn())
                                    .weight(1).build()).toList()).build()).build()).build());
        }, "weighted (aws:lb/listenerRule:ListenerRule): a forward action of actions has 6 target groups, over the "
                + "5 AWS allows per action");
    }

    @Test
    void twoRulesOfOnePriorityOnOneListenerFail() {
        assertRefused(ctx -> {
            var alb = new LoadBalancer("alb");
            var target = targetGroup("tg");
            var http = listener("http", alb, 80, target.arn());
            new ListenerRule("api", rule(http.arn(), 10, target.arn()).build());
            new ListenerRule("web", rule(http.arn(), 10, target.arn()).build());
        }, "share priority 10 on listener http; AWS refuses two rules of one priority on a listener "
                + "(https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateRule.html)");
    }

    @Test
    void onePriorityOnTwoListenersPassesAndAPriorityOver50000Fails() {
        assertAccepted(ctx -> {
            var alb = new LoadBalancer("alb");
            var target = targetGroup("tg");
            new ListenerRule("http-api", rule(listener("http", alb, 80, target.arn()).arn(), 10, target.arn())
                    .build());
            new ListenerRule("admin-api", rule(listener("admin", alb, 8080, target.arn()).arn(), 10, target.arn())
                    .build());
        });
        assertRefused(ctx -> new ListenerRule("last", rule(Output.of(EXISTING_LISTENER), 50001,
                        Output.of("arn:aws:elasticloadbalancing:eu-central-1:123456789012:targetgroup/t/1")).build()),
                "last (aws:lb/listenerRule:ListenerRule): priority 50001 is outside the 1-50000 AWS allows");
    }

    // --- listener rule conditions ------------------------------------------------------------------------------

    private static Consumer<Context> conditions(List<String> hosts, List<String> paths) {
        return ctx -> {
            var conditions = new ArrayList<ListenerRuleConditionArgs>();
            if (!hosts.isEmpty()) {
                conditions.add(ListenerRuleConditionArgs.builder().hostHeader(ListenerRuleConditionHostHeaderArgs
                        .builder().values(hosts).build()).build());
            }
            if (!paths.isEmpty()) {
                conditions.add(ListenerRuleConditionArgs.builder().pathPattern(ListenerRuleConditionPathPatternArgs
                        .builder().values(paths).build()).build());
            }
            new ListenerRule("api", ListenerRuleArgs.builder().listenerArn(EXISTING_LISTENER).priority(1)
                    .actions(ListenerRuleActionArgs.builder().type("forward").targetGroupArn(
                            "arn:aws:elasticloadbalancing:eu-central-1:123456789012:targetgroup/t/1").build())
                    .conditions(conditions).build());
        };
    }

    static Stream<Arguments> refusedConditions() {
        return Stream.of(
                Arguments.of(List.of("localhost"), List.of(), "api (aws:lb/listenerRule:ListenerRule): host header "
                        + "\"localhost\" has no '.'; AWS requires at least one in a host condition "
                        + "(https://docs.aws.amazon.com/elasticloadbalancing/latest/application/"
                        + "rule-condition-types.html; '_': https://docs.aws.amazon.com/elasticloadbalancing/latest/"
                        + "application/add-rule.html)"),
                Arguments.of(List.of("api.example.123"), List.of(),
                        "host header \"api.example.123\": only letters may follow the last '.' in a host condition"),
                Arguments.of(List.of("example.*"), List.of(),
                        "host header \"example.*\": only letters may follow the last '.'"),
                Arguments.of(List.of("api example.com"), List.of(),
                        "host header \"api example.com\" has characters AWS refuses in a host condition: ' '"),
                Arguments.of(List.of("https://api.example.com"), List.of(),
                        "has characters AWS refuses in a host condition: ':', '/'"),
                Arguments.of(List.of(chars(125) + ".com"), List.of(), "is 129 characters, over the 128 AWS allows"),
                Arguments.of(List.of(), List.of("/a b"),
                        "path pattern \"/a b\" has characters AWS refuses in a path condition: ' '"),
                Arguments.of(List.of(), List.of("/app#top", "/x%20"),
                        "path pattern \"/app#top\" has characters AWS refuses in a path condition: '#'"),
                Arguments.of(List.of(), List.of("/" + chars(128)),
                        "path pattern \"/" + chars(128) + "\" is 129 characters, over the 128 AWS allows"),
                Arguments.of(List.of("a.example.com", "b.example.com"), List.of("/a", "/b", "/c", "/d"),
                        "api (aws:lb/listenerRule:ListenerRule): 6 condition values, over the 5 AWS allows per "
                                + "rule (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/"
                                + "load-balancer-limits.html)"),
                Arguments.of(List.of("*.ex?mple.com"), List.of("/a*/b*/c*/d?"),
                        "api (aws:lb/listenerRule:ListenerRule): 6 wildcards ('*', '?') in its conditions, over the "
                                + "5 AWS allows per rule"));
    }

    @ParameterizedTest(name = "hosts {0}, paths {1}")
    @MethodSource("refusedConditions")
    void aConditionAwsRefusesFailsTheRun(List<String> hosts, List<String> paths, String fragment) {
        assertRefused(conditions(hosts, paths), fragment);
    }

    @Test
    void conditionsAtTheirLimitsPass() {
        assertAccepted(conditions(List.of("my_app.example.com", "*.example.com"), List.of("/api/*", "/v?/*",
                "/" + chars(127))));
        assertAccepted(conditions(List.of(chars(124) + ".com"), List.of("/a_b-c.d$e/~\"'@:+&*")));
    }

    // --- the pure function -------------------------------------------------------------------------------------

    @Test
    void problemsReadRegistrationsAlone() {
        var registrations = List.of(
                new OfflineMocks.Registration("aws:lb/targetGroup:TargetGroup", "tg-" + chars(22), Map.of(), ""),
                new OfflineMocks.Registration("aws:lb/targetGroup:TargetGroup", "tg", Map.of("name", "ok"), ""),
                new OfflineMocks.Registration("acme:index:Service", "x".repeat(300), Map.of(), ""));
        var problems = AwsLimits.problems(registrations, Map.of(), true);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("tg-" + chars(22) + " (aws:lb/targetGroup:TargetGroup): "));
        assertEquals(List.of(), AwsLimits.problems(registrations, Map.of(), false));
    }
}
