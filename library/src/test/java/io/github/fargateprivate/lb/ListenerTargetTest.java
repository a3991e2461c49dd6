package io.github.fargateprivate.lb;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import io.github.fargateprivate.ComponentHarness;
import io.github.fargateprivate.ComponentHarness.Created;
import io.github.fargateprivate.Problem;
import io.github.fargateprivate.ec2.NetworkArgs;
import io.github.fargateprivate.testing.OfflineMocks;
import io.github.fargateprivate.testing.OfflineRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.github.fargateprivate.lb.ListenerRuleArgsTest.LISTENER;
import static io.github.fargateprivate.lb.ListenerRuleArgsTest.SECURITY_GROUP;
import static io.github.fargateprivate.testing.OfflineRun.blocks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ListenerTargetTest {

    private static final String VPC = "vpc-0123456789abcdef0";
    private static final String TARGET_GROUP_ARN =
            "arn:aws:elasticloadbalancing:eu-central-1:123456789012:targetgroup/x-tg-1a2b3c4/00000000003743e8";

    private static ListenerRuleArgs.Builder rule() {
        return ListenerRuleArgs.builder().listenerArn(LISTENER).loadBalancerSecurityGroupId(SECURITY_GROUP)
                .priority(10);
    }

    /** A target named {@code x} in {@link #VPC} on port 8080 for api.example.com/api/*, then {@code configure}. */
    private static Created<ListenerTarget> target(Consumer<ListenerTargetArgs.Builder> configure) {
        return ComponentHarness.create(options -> new ListenerTarget("x", args(configure), options));
    }

    private static ListenerTargetArgs args(Consumer<ListenerTargetArgs.Builder> configure) {
        var b = ListenerTargetArgs.builder().vpcId(VPC)
                .listenerRule(rule().hostHeader("api.example.com").pathPattern("/api/*").build())
                .targetGroup(TargetGroupArgs.builder().port(8080).build());
        configure.accept(b);
        return b.build();
    }

    @Test
    void theLoadBalancersArnSuffixIsReadFromItsListenersArnAlsoOfAnotherStack() {
        assertEquals("app/shared/0123456789abcdef", ListenerTarget.loadBalancerArnSuffix(
                "arn:aws:elasticloadbalancing:eu-central-1:123456789012:listener/app/shared/0123456789abcdef/"
                        + "fedcba9876543210"));
        var target = target(a -> a.listenerRule(rule().pathPattern("/api/*").listenerArn(Output.of(LISTENER))
                .build())).ok();
        String listenerPath = LISTENER.substring(LISTENER.indexOf(":listener/") + ":listener/".length());
        assertEquals(listenerPath.substring(0, listenerPath.lastIndexOf('/')),
                target.value(ListenerTarget::loadBalancerArnSuffix));
    }

    @Test
    void createsATargetGroupAndARuleThatForwardsTheHostAndPathToIt() {
        var target = target(a -> { }).ok();
        var tg = target.inputs("x-tg");
        assertEquals(VPC, tg.get("vpcId"));
        assertEquals(8080.0, tg.get("port"));
        assertEquals("ip", tg.get("targetType"));
        var rule = target.inputs("x-rule");
        assertEquals(LISTENER, rule.get("listenerArn"));
        assertEquals(10.0, rule.get("priority"));
        assertEquals(List.of(Map.of("hostHeader", Map.of("values", List.of("api.example.com"))),
                Map.of("pathPattern", Map.of("values", List.of("/api/*")))), blocks(rule, "conditions"));
        assertEquals(List.of(Map.of("type", "forward", "targetGroupArn", TARGET_GROUP_ARN)), blocks(rule, "actions"));
        ComponentHarness.assertChildren(target, Set.of("x-tg", "x-rule"));
    }

    @Test
    void aRuleBeyondTheLoadBalancersQuotaIsRefusedNamingTheQuotaAndHowToRaiseIt() {
        var run = SharedLoadBalancers.targets(101, lb -> { });
        Problem p = io.github.fargateprivate.RunAssertions.problem(run, "listenerRule.priority",
                "ApplicationLoadBalancer 'shared' would have 101 listener rules, but the quota \"Rules per "
                        + "Application Load Balancer\" is 100 (https://docs.aws.amazon.com/elasticloadbalancing/latest/"
                        + "application/load-balancer-limits.html): raise it in Service Quotas (Elastic Load Balancing) "
                        + "and set ApplicationLoadBalancerArgs.rulesQuota, or put the service on another load balancer");
        assertTrue(p.message().startsWith("ApplicationLoadBalancer 'shared'"));
        assertEquals(100, run.mocks().ofType("aws:lb/listenerRule:ListenerRule").size(), "the 101st registers nothing");
        // A raised quota: then the target groups are what AWS refuses, and that quota cannot be raised.
        var raised = SharedLoadBalancers.targets(101, lb -> lb.rulesQuota(200));
        io.github.fargateprivate.RunAssertions.problem(raised, "listenerRule.priority", "ApplicationLoadBalancer "
                + "'shared' would have 101 target groups, but AWS allows 100 per Application Load Balancer and does "
                + "not raise it");
        SharedLoadBalancers.targets(100, lb -> { }).ok();
    }

    @Test
    void aHostAloneOrAPathAloneIsTheOnlyCondition() {
        var host = target(a -> a.listenerRule(rule().hostHeader("a.example.com").hostHeader("b.example.com").build()))
                .ok();
        assertEquals(List.of(Map.of("hostHeader", Map.of("values", List.of("a.example.com", "b.example.com")))),
                blocks(host.inputs("x-rule"), "conditions"));
        var path = target(a -> a.listenerRule(rule().pathPattern("/api/*").build())).ok();
        assertEquals(List.of(Map.of("pathPattern", Map.of("values", List.of("/api/*")))),
                blocks(path.inputs("x-rule"), "conditions"));
    }

    @Test
    void theTargetGroupArnResolvesOnlyOnceTheRuleForwardsToIt() {
        var target = target(a -> { }).ok();
        assertEquals(TARGET_GROUP_ARN, target.value(ListenerTarget::targetGroupArn));
        ComponentHarness.assertWaitsFor(target.component().targetGroupArn(), "x-tg", "x-rule");
        assertEquals(SECURITY_GROUP, target.value(ListenerTarget::loadBalancerSecurityGroupId));
    }

    @Test
    void tagsGoOnTheTargetGroupAndTheRule() {
        var target = target(a -> a.tags(Map.of("team", "platform"))).ok();
        assertEquals(Map.of("team", "platform"), target.inputs("x-tg").get("tags"));
        assertEquals(Map.of("team", "platform"), target.inputs("x-rule").get("tags"));
        assertFalse(target(a -> { }).ok().inputs("x-rule").containsKey("tags"));
    }

    @Test
    void joinsTheServingListenerOfASharedLoadBalancer() {
        var run = OfflineRun.of(ctx -> {
            var shared = new ApplicationLoadBalancer("shared", ApplicationLoadBalancerArgs.builder()
                    .network(NetworkArgs.builder().vpcId(OfflineMocks.DEFAULT_VPC)
                            .publicSubnetIds(OfflineMocks.DEFAULT_SUBNETS).build()).build());
            var target = new ListenerTarget("x", ListenerTargetArgs.builder().vpcId(OfflineMocks.DEFAULT_VPC)
                    .listenerRule(ListenerRuleArgs.builder().loadBalancer(shared).hostHeader("api.example.com")
                            .priority(5).build())
                    .targetGroup(TargetGroupArgs.builder().port(8080).build()).build(), ComponentResourceOptions.Empty);
            ctx.export("listener", shared.listenerArn());
            ctx.export("group", target.loadBalancerSecurityGroupId());
            ctx.export("sharedGroup", shared.securityGroupId());
        }, new OfflineMocks()).ok();
        assertEquals(run.output("listener"), run.inputs("x-rule").get("listenerArn"));
        // The listener's ARN continues its load balancer's; its last part is the shared-http listener's own.
        assertEquals("arn:aws:elasticloadbalancing:eu-central-1:123456789012:listener/app/shared-alb-1a2b3c4/"
                + "000000009593e02f/000000001ceb74f0", run.output("listener"));
        assertEquals(run.output("sharedGroup"), run.output("group"));
    }

    static Stream<Arguments> badArgs() {
        return Stream.of(
                Arguments.of("nothing", ListenerTargetArgs.builder(), List.of(
                        new Problem("listenerRule", "required: where on the shared load balancer the service goes"),
                        new Problem("targetGroup", "required: at least the targets' port"),
                        new Problem("vpcId", "required: the VPC of the target group"))),
                Arguments.of("rule and target group problems", ListenerTargetArgs.builder().vpcId(VPC)
                        .listenerRule(rule().priority(0).build()).targetGroup(TargetGroupArgs.builder().build()),
                        List.of(new Problem("listenerRule.priority", "0 is outside 1-50000"),
                                new Problem("listenerRule.hostHeaders", "give a host header or a path pattern (or "
                                        + "both): a rule without conditions would take every request from the services "
                                        + "after it"),
                                new Problem("targetGroup.port", "required: the port the targets listen on"))),
                Arguments.of("not a VPC id", ListenerTargetArgs.builder().vpcId("default")
                        .listenerRule(rule().pathPattern("/api/*").build())
                        .targetGroup(TargetGroupArgs.builder().port(8080).build()),
                        List.of(new Problem("vpcId", "'default' is not a VPC id (vpc- and 8 or 17 hex digits)"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badArgs")
    void badArgsRegisterNothing(String description, ListenerTargetArgs.Builder args, List<Problem> expected) {
        var run = ComponentHarness.create(options -> new ListenerTarget("x", args.build(), options)).run();
        assertEquals(expected, ComponentHarness.refusedBeforeAnyChild(run));
    }

    @Test
    void aListenerOfAnotherResourceIsCheckedInItsApply() {
        var run = target(a -> a.listenerRule(rule().listenerArn(Output.of("arn:aws:s3:::b")).pathPattern("/a")
                .build())).run();
        assertEquals(List.of(new Problem("listenerRule.listenerArn",
                "'arn:aws:s3:::b' is not an Application Load Balancer listener ARN; give the serving listener's ARN, "
                        + "arn:aws:elasticloadbalancing:REGION:ACCOUNT:listener/app/NAME/LB_ID/LISTENER_ID: "
                        + "ApplicationLoadBalancer#listenerArn() of this library, or aws elbv2 describe-listeners "
                        + "--load-balancer-arn LB_ARN --query 'Listeners[].ListenerArn'")),
                ComponentHarness.argsException(run).problems());
    }

    @Test
    void aVpcOfAnotherResourceIsCheckedInItsApply() {
        var run = target(a -> a.vpcId(Output.of("vpc-1"))).run();
        assertEquals(List.of(new Problem("vpcId", "'vpc-1' is not a VPC id (vpc- and 8 or 17 hex digits)")),
                ComponentHarness.argsException(run).problems());
    }

    @Test
    void everyChildUsesTheComponentsProviderAndNothingIsLookedUp() {
        var target = ComponentHarness.createWithProvider(options -> new ListenerTarget("x", args(a -> { }), options))
                .ok();
        ComponentHarness.assertEverythingThroughProvider(target.run());
        ComponentHarness.assertChildren(target, Set.of("x-tg", "x-rule"));
        assertEquals(List.of(), target.run().mocks().calls());
        assertEquals(TARGET_GROUP_ARN.replace("eu-central-1", ComponentHarness.PROVIDER_REGION),
                target.value(ListenerTarget::targetGroupArn));
    }
}
