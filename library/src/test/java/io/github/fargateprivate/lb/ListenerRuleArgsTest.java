package io.github.fargateprivate.lb;

import com.pulumi.core.Output;
import io.github.fargateprivate.ComponentHarness;
import io.github.fargateprivate.Problem;
import io.github.fargateprivate.Problems;
import io.github.fargateprivate.testing.OfflineMocks;
import io.github.fargateprivate.testing.OfflineRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ListenerRuleArgsTest {

    static final String LISTENER = "arn:aws:elasticloadbalancing:eu-central-1:123456789012:listener/app/shared-alb/"
            + "0123456789abcdef/0123456789abcdef0";
    static final String SECURITY_GROUP = "sg-0123456789abcdef0";

    private static ListenerRuleArgs.Builder rule() {
        return ListenerRuleArgs.builder().listenerArn(LISTENER).loadBalancerSecurityGroupId(SECURITY_GROUP)
                .hostHeader("api.example.com").priority(10);
    }

    private static List<Problem> problems(ListenerRuleArgs.Builder rule) {
        var problems = Problems.of("ListenerTarget", "x");
        rule.build().validate(problems.at("listenerRule"));
        return problems.list();
    }

    private static Problem problem(String field, String message) {
        return new Problem("listenerRule." + field, message);
    }

    @Test
    void aRuleOnAHostOrAPathPasses() {
        assertEquals(List.of(), problems(rule()));
        assertEquals(List.of(), problems(ListenerRuleArgs.builder().listenerArn(LISTENER)
                .loadBalancerSecurityGroupId("sg-0123abcd").pathPattern("/api/*").priority(50000)));
        assertEquals(List.of(), problems(rule().hostHeader("*.example.com").hostHeader("api-?.example.com")
                .pathPattern("/v1/*").pathPattern("/v2/*").priority(1)));
        // ELB allows '_' in host names (the console's "Add a listener rule" page) and these path characters.
        assertEquals(List.of(), problems(ListenerRuleArgs.builder().listenerArn(LISTENER)
                .loadBalancerSecurityGroupId(SECURITY_GROUP).hostHeader("my_app.example.com")
                .pathPattern("/a-b_c.d$e~f\"g'h@i:j+k&l/*").pathPattern("*.jpg").priority(2)));
    }

    static Stream<Arguments> badRules() {
        String longHost = "a".repeat(129);
        String longPath = "/" + "a".repeat(128);
        String nlb = "arn:aws:elasticloadbalancing:eu-central-1:123456789012:listener/net/shared/0123456789abcdef/"
                + "0123456789abcdef";
        String loadBalancer = "arn:aws:elasticloadbalancing:eu-central-1:123456789012:loadbalancer/app/shared/"
                + "0123456789abcdef";
        return Stream.of(
                Arguments.of("no priority", ListenerRuleArgs.builder().listenerArn(LISTENER)
                        .loadBalancerSecurityGroupId(SECURITY_GROUP).hostHeader("a.example.com"),
                        List.of(problem("priority", "required: 1-50000, unique on the listener"))),
                Arguments.of("priority 0", rule().priority(0), List.of(problem("priority", "0 is outside 1-50000"))),
                Arguments.of("priority 50001", rule().priority(50001),
                        List.of(problem("priority", "50001 is outside 1-50000"))),
                Arguments.of("no condition", ListenerRuleArgs.builder().listenerArn(LISTENER)
                        .loadBalancerSecurityGroupId(SECURITY_GROUP).priority(1), List.of(problem("hostHeaders",
                        "give a host header or a path pattern (or both): a rule without conditions would take every "
                                + "request from the services after it"))),
                Arguments.of("six condition values", rule().hostHeader("b.example.com").hostHeader("c.example.com")
                        .pathPattern("/a").pathPattern("/b").pathPattern("/c"), List.of(problem("pathPatterns",
                        "a rule matches at most 5 hosts and paths in all, got 6"))),
                Arguments.of("four hosts", rule().hostHeader("b.example.com").hostHeader("c.example.com")
                        .hostHeader("d.example.com"), List.of(problem("hostHeaders",
                        "4 values, but ELB takes at most 3 per condition; split them over two rules"))),
                Arguments.of("six wildcards", rule().pathPattern("/*/*/*").pathPattern("/?/?/?"),
                        List.of(problem("pathPatterns", "6 wildcards (* and ?) in the hosts and paths, but ELB takes "
                                + "at most 5 per rule"))),
                Arguments.of("host without a dot", rule().hostHeader("localhost"), List.of(problem("hostHeaders",
                        "'localhost' needs at least one '.' and only letters after the last one (ELB's rule), e.g. "
                                + "api.example.com or *.example.com"))),
                Arguments.of("host with digits after the last dot", rule().hostHeader("api.example.123"),
                        List.of(problem("hostHeaders", "'api.example.123' needs at least one '.' and only letters "
                                + "after the last one (ELB's rule), e.g. api.example.com or *.example.com"))),
                Arguments.of("host with a space", rule().hostHeader("api example.com"), List.of(problem("hostHeaders",
                        "'api example.com' is not a host name ELB matches: at most 128 letters, digits, '-', '_', '.', '*' and '?'"))),
                Arguments.of("host of 129 characters", rule().hostHeader(longHost), List.of(problem("hostHeaders",
                        "'" + longHost + "' is not a host name ELB matches: at most 128 letters, digits, '-', '_', '.', '*' and '?'"))),
                Arguments.of("host with a scheme", rule().hostHeader("https://api.example.com"),
                        List.of(problem("hostHeaders", "'https://api.example.com' is not a host name ELB matches: at most 128 letters, digits, '-', '_', '.', '*' and '?'"))),
                Arguments.of("path without slash", rule().pathPattern("api/*"), List.of(problem("pathPatterns",
                        "'api/*' never matches: a request's path starts with '/', e.g. /api/*"))),
                Arguments.of("path with a space", rule().pathPattern("/my api"), List.of(problem("pathPatterns",
                        "'/my api' is not a path pattern ELB matches: at most 128 letters, digits, _ - . $ / ~ \" ' @ : + & and the "
                        + "wildcards * and ?, no spaces"))),
                Arguments.of("path of 129 characters", rule().pathPattern(longPath), List.of(problem("pathPatterns",
                        "'" + longPath + "' is not a path pattern ELB matches: at most 128 letters, digits, _ - . $ / ~ \" ' @ : + & and the "
                        + "wildcards * and ?, no spaces"))),
                Arguments.of("no listener", ListenerRuleArgs.builder().loadBalancerSecurityGroupId(SECURITY_GROUP)
                        .hostHeader("a.example.com").priority(1), List.of(problem("listenerArn",
                        "required: the shared load balancer's listener (ApplicationLoadBalancer#listener())"))),
                Arguments.of("no security group", ListenerRuleArgs.builder().listenerArn(LISTENER)
                        .hostHeader("a.example.com").priority(1), List.of(problem("loadBalancerSecurityGroupId",
                        "required: the shared load balancer's security group"))),
                Arguments.of("load balancer instead of listener", rule().listenerArn(loadBalancer),
                        List.of(problem("listenerArn", "the ARN of a load balancer, not of a listener; give the serving listener's ARN, arn:aws:elasticloadbalancing:REGION:ACCOUNT:listener/app/NAME/"
                                + "LB_ID/LISTENER_ID: ApplicationLoadBalancer#listenerArn() of this library, or aws elbv2 "
                                + "describe-listeners --load-balancer-arn LB_ARN --query 'Listeners[].ListenerArn'"))),
                Arguments.of("target group instead of listener", rule().listenerArn(loadBalancer.replace(
                        "loadbalancer/app", "targetgroup")), List.of(problem("listenerArn", "the ARN of a target "
                        + "group, not of a listener; give the serving listener's ARN, arn:aws:elasticloadbalancing:REGION:ACCOUNT:listener/app/NAME/"
                                + "LB_ID/LISTENER_ID: ApplicationLoadBalancer#listenerArn() of this library, or aws elbv2 "
                                + "describe-listeners --load-balancer-arn LB_ARN --query 'Listeners[].ListenerArn'"))),
                Arguments.of("listener of a network load balancer", rule().listenerArn(nlb),
                        List.of(problem("listenerArn", "'" + nlb + "' is not an Application Load Balancer listener ARN; give the serving listener's ARN, arn:aws:elasticloadbalancing:REGION:ACCOUNT:listener/app/NAME/"
                                + "LB_ID/LISTENER_ID: ApplicationLoadBalancer#listenerArn() of this library, or aws elbv2 "
                                + "describe-listeners --load-balancer-arn LB_ARN --query 'Listeners[].ListenerArn'"))),
                Arguments.of("security group name", rule().loadBalancerSecurityGroupId("shared-alb-sg"),
                        List.of(problem("loadBalancerSecurityGroupId",
                                "'shared-alb-sg' is not a security group id (sg-...)"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRules")
    void badRulesAreReportedUnderTheirField(String description, ListenerRuleArgs.Builder rule, List<Problem> expected) {
        assertEquals(expected, problems(rule));
    }

    @Test
    void aMissingListenerOrGroupStaysMissingAndIsReported() {
        var problems = Problems.of("X", "x");
        var checked = ListenerRuleArgs.builder().listenerArn(LISTENER).hostHeader("a.example.com").priority(1).build()
                .validate(problems);
        assertEquals(Optional.empty(), checked.loadBalancerSecurityGroupId());
        assertEquals(List.of("loadBalancerSecurityGroupId"), problems.list().stream().map(Problem::field).toList());
    }

    static Stream<Arguments> badOutputs() {
        return Stream.of(
                Arguments.of((Consumer<ListenerRuleArgs.Builder>) r -> r.listenerArn(Output.of("arn:aws:s3:::b")),
                        List.of(problem("listenerArn", "'arn:aws:s3:::b' is not an Application Load Balancer listener "
                                + "ARN; give the serving listener's ARN, arn:aws:elasticloadbalancing:REGION:ACCOUNT:listener/app/NAME/"
                                + "LB_ID/LISTENER_ID: ApplicationLoadBalancer#listenerArn() of this library, or aws elbv2 "
                                + "describe-listeners --load-balancer-arn LB_ARN --query 'Listeners[].ListenerArn'"))),
                Arguments.of((Consumer<ListenerRuleArgs.Builder>) r -> r.loadBalancerSecurityGroupId(Output.of("sg-1")),
                        List.of(problem("loadBalancerSecurityGroupId", "'sg-1' is not a security group id (sg-...)"))));
    }

    @ParameterizedTest
    @MethodSource("badOutputs")
    void valuesOfOtherResourcesAreCheckedInTheirApplyWithThePlainMessage(Consumer<ListenerRuleArgs.Builder> configure,
                                                                        List<Problem> expected) {
        var run = OfflineRun.of(ctx -> {
            var rule = rule();
            configure.accept(rule);
            var problems = Problems.of("ListenerTarget", "x");
            var checked = rule.build().validate(problems.at("listenerRule"));
            problems.throwIfAny();
            ctx.export("listener", checked.listenerArn().orElseThrow().output());
            ctx.export("group", checked.loadBalancerSecurityGroupId().orElseThrow().output());
        }, new OfflineMocks());
        assertEquals(expected, ComponentHarness.argsException(run).problems());
    }

    @Test
    void checkedValuesAreTheGivenOnes() {
        var checked = rule().build().validate(Problems.of("X", "x"));
        assertEquals(LISTENER, OfflineRun.value(checked.listenerArn().orElseThrow().output()));
        assertEquals(SECURITY_GROUP, OfflineRun.value(checked.loadBalancerSecurityGroupId().orElseThrow().output()));
    }

    @Test
    void conditionsKeepTheirOrderAndTheArgsAreImmutable() {
        var builder = rule().hostHeader("b.example.com").pathPattern("/a");
        var rule = builder.build();
        assertEquals(List.of("api.example.com", "b.example.com"), rule.hostHeaders());
        assertEquals(List.of("/a"), rule.pathPatterns());
        assertEquals(Optional.of(10), rule.priority());
        assertThrows(UnsupportedOperationException.class, () -> rule.hostHeaders().add("c"));
        builder.pathPattern("/b");
        assertEquals(List.of("/a"), rule.pathPatterns());
        assertEquals(List.of("/a", "/b"), builder.build().pathPatterns());
    }
}
