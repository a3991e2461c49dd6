package io.github.fargateprivate.elasticloadbalancingv2;

import com.pulumi.core.Output;
import io.github.fargateprivate.Harness;
import io.github.fargateprivate.plan.OfflineMocks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.github.fargateprivate.Harness.block;
import static io.github.fargateprivate.Harness.blocks;
import static io.github.fargateprivate.Harness.onlyBlock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApplicationLoadBalancerTest {

    private static final String CERTIFICATE =
            "arn:aws:acm:eu-central-1:123456789012:certificate/11111111-2222-3333-4444-555555555555";
    private static final String LISTENER_TYPE = "aws:lb/listener:Listener";
    /** What the mocks make of the children of a component named {@code x}. */
    private static final String DNS_NAME = "x-alb-1a2b3c4-1234567890.eu-central-1.elb.amazonaws.com";
    private static final String TARGET_GROUP_ARN =
            "arn:aws:elasticloadbalancing:eu-central-1:123456789012:targetgroup/x-tg-1a2b3c4/1";
    private static final String LOAD_BALANCER_ARN =
            "arn:aws:elasticloadbalancing:eu-central-1:123456789012:loadbalancer/app/x-alb-1a2b3c4/1";

    /** A run and the component it created. */
    private record Alb(Harness.Run run, ApplicationLoadBalancer component) {
        Map<String, Object> inputs(String child) {
            return run.inputs("x-" + child);
        }

        String url() {
            return Harness.value(component.url());
        }
    }

    /**
     * Creates a load balancer named {@code x} in the mocks' default VPC and subnets with target port 8080, the rest
     * as {@code configure} sets it.
     */
    private static Alb alb(Consumer<ApplicationLoadBalancerArgs.Builder> configure) {
        var created = Harness.create(() -> {
            var args = ApplicationLoadBalancerArgs.builder()
                    .vpcId(Output.of(OfflineMocks.DEFAULT_VPC))
                    .subnetIds(Output.of(OfflineMocks.DEFAULT_SUBNETS))
                    .targetPort(8080);
            configure.accept(args);
            return new ApplicationLoadBalancer("x", args.build());
        }, new OfflineMocks());
        return new Alb(created.run(), created.component());
    }

    private static Alb ok(Consumer<ApplicationLoadBalancerArgs.Builder> configure) {
        var alb = alb(configure);
        alb.run().ok();
        return alb;
    }

    private static Set<Double> ingressPorts(Alb alb) {
        var ingress = blocks(alb.inputs("alb-sg"), "ingress");
        ingress.forEach(rule -> {
            assertEquals("tcp", rule.get("protocol"));
            assertEquals(rule.get("fromPort"), rule.get("toPort"), "one port per rule");
            assertEquals(List.of("0.0.0.0/0"), rule.get("cidrBlocks"));
        });
        return ingress.stream().map(rule -> (Double) rule.get("fromPort")).collect(Collectors.toSet());
    }

    @Test
    void httpListenerOnPort80ForwardsToTheTargetGroup() {
        var alb = ok(a -> { });
        var listeners = alb.run().mocks().ofType(LISTENER_TYPE);
        assertEquals(List.of("x-http"), listeners.stream().map(OfflineMocks.Registration::name).toList());
        var http = alb.inputs("http");
        assertEquals(80.0, http.get("port"));
        assertEquals("HTTP", http.get("protocol"));
        assertEquals(LOAD_BALANCER_ARN, http.get("loadBalancerArn"));
        assertEquals(List.of(Map.of("type", "forward", "targetGroupArn", TARGET_GROUP_ARN)),
                blocks(http, "defaultActions"));
    }

    @Test
    void targetGroupDefaults() {
        var tg = ok(a -> { }).inputs("tg");
        assertEquals(OfflineMocks.DEFAULT_VPC, tg.get("vpcId"));
        assertEquals("ip", tg.get("targetType"));
        assertEquals("HTTP", tg.get("protocol"));
        assertEquals(8080.0, tg.get("port"));
        assertEquals(30.0, tg.get("deregistrationDelay"));
        assertEquals(Map.of("enabled", true, "protocol", "HTTP", "path", "/actuator/health", "port", "traffic-port",
                        "interval", 10.0, "timeout", 5.0, "healthyThreshold", 2.0, "unhealthyThreshold", 3.0,
                        "matcher", "200"),
                block(tg, "healthCheck"));
    }

    @Test
    void healthCheckPathAndDeregistrationDelayAreConfigurable() {
        var tg = ok(a -> a.healthCheckPath("/healthz").deregistrationDelaySeconds(0)).inputs("tg");
        assertEquals("/healthz", block(tg, "healthCheck").get("path"));
        assertEquals(0.0, tg.get("deregistrationDelay"));
    }

    @Test
    void loadBalancerDefaults() {
        var alb = ok(a -> { });
        var lb = alb.inputs("alb");
        assertEquals("application", lb.get("loadBalancerType"));
        assertEquals(false, lb.get("internal"));
        assertEquals(true, lb.get("dropInvalidHeaderFields"));
        assertEquals(false, lb.get("enableDeletionProtection"));
        assertEquals(OfflineMocks.DEFAULT_SUBNETS, lb.get("subnets"));
        assertEquals(List.of(Harness.value(alb.component().securityGroupId())), lb.get("securityGroups"));
        assertFalse(lb.containsKey("accessLogs"));
    }

    @Test
    void deletionProtectionCanBeTurnedOn() {
        assertEquals(true, ok(a -> a.deletionProtection(true)).inputs("alb").get("enableDeletionProtection"));
    }

    @Test
    void securityGroupAdmitsTheWorldOnTheListenerPortOnlyAndReachesTargetsOnTheirPortOnly() {
        var sg = ok(a -> { }).inputs("alb-sg");
        assertEquals(OfflineMocks.DEFAULT_VPC, sg.get("vpcId"));
        var ingress = onlyBlock(sg, "ingress");
        assertEquals("tcp", ingress.get("protocol"));
        assertEquals(80.0, ingress.get("fromPort"));
        assertEquals(80.0, ingress.get("toPort"));
        assertEquals(List.of("0.0.0.0/0"), ingress.get("cidrBlocks"));
        var egress = onlyBlock(sg, "egress");
        assertEquals("tcp", egress.get("protocol"));
        assertEquals(8080.0, egress.get("fromPort"));
        assertEquals(8080.0, egress.get("toPort"));
        assertEquals(List.of(OfflineMocks.DEFAULT_VPC_CIDR, OfflineMocks.SECONDARY_VPC_CIDR), egress.get("cidrBlocks"),
                "only inside the VPC, secondary CIDR blocks included");
    }

    @Test
    void withACertificateHttpsForwardsAndHttpRedirects() {
        var alb = ok(a -> a.certificateArn(CERTIFICATE));
        var https = alb.inputs("https");
        assertEquals(443.0, https.get("port"));
        assertEquals("HTTPS", https.get("protocol"));
        assertEquals("ELBSecurityPolicy-TLS13-1-3-2021-06", https.get("sslPolicy"));
        assertEquals(CERTIFICATE, https.get("certificateArn"));
        assertEquals(LOAD_BALANCER_ARN, https.get("loadBalancerArn"));
        assertEquals(List.of(Map.of("type", "forward", "targetGroupArn", TARGET_GROUP_ARN)),
                blocks(https, "defaultActions"));

        var http = alb.inputs("http");
        assertEquals(80.0, http.get("port"));
        assertEquals("HTTP", http.get("protocol"));
        assertEquals(List.of(Map.of("type", "redirect",
                        "redirect", Map.of("protocol", "HTTPS", "port", "443", "statusCode", "HTTP_301"))),
                blocks(http, "defaultActions"));
        assertEquals(Set.of(80.0, 443.0), ingressPorts(alb));
        assertEquals(2, blocks(alb.inputs("alb-sg"), "ingress").size());
    }

    @Test
    void sslPolicyIsConfigurable() {
        assertEquals("ELBSecurityPolicy-TLS13-1-2-2021-06", ok(a -> a.certificateArn(CERTIFICATE)
                .sslPolicy("ELBSecurityPolicy-TLS13-1-2-2021-06")).inputs("https").get("sslPolicy"));
    }

    @Test
    void urlIsHttpOnPort80() {
        assertEquals("http://" + DNS_NAME, ok(a -> { }).url());
    }

    @Test
    void urlCarriesAnotherListenerPort() {
        var alb = ok(a -> a.listenerPort(8080));
        assertEquals("http://" + DNS_NAME + ":8080", alb.url());
        assertEquals(8080.0, alb.inputs("http").get("port"));
        assertEquals(Set.of(8080.0), ingressPorts(alb));
    }

    @Test
    void urlIsHttpsWithACertificate() {
        assertEquals("https://" + DNS_NAME, ok(a -> a.certificateArn(CERTIFICATE)).url());
    }

    @Test
    void outputsPointAtTheChildren() {
        var alb = ok(a -> { });
        assertEquals(LOAD_BALANCER_ARN, Harness.value(alb.component().arn()));
        assertEquals(DNS_NAME, Harness.value(alb.component().dnsName()));
        assertEquals(TARGET_GROUP_ARN, Harness.value(alb.component().targetGroupArn()));
        assertTrue(Harness.value(alb.component().securityGroupId()).startsWith("sg-"));
    }

    @Test
    void accessLogsGoToTheBucket() {
        assertEquals(Map.of("bucket", "acme-alb-logs", "enabled", true, "prefix", "x"),
                block(ok(a -> a.accessLogsBucket("acme-alb-logs")).inputs("alb"), "accessLogs"));
    }

    @Test
    void internalLoadBalancerAdmitsOnlyTheVpcByDefault() {
        var alb = ok(a -> a.internal(true));
        assertEquals(true, alb.inputs("alb").get("internal"));
        assertEquals(List.of(OfflineMocks.DEFAULT_VPC_CIDR, OfflineMocks.SECONDARY_VPC_CIDR),
                onlyBlock(alb.inputs("alb-sg"), "ingress").get("cidrBlocks"));
        assertEquals(false, ok(a -> { }).inputs("alb").get("internal"));
    }

    @Test
    void givenCidrBlocksAreTheOnlySourcesOnEveryListenerPort() {
        var sg = ok(a -> a.certificateArn(CERTIFICATE).ingressCidrBlocks(List.of("203.0.113.0/24", "198.51.100.7/32")))
                .inputs("alb-sg");
        for (var rule : blocks(sg, "ingress")) {
            assertEquals(List.of("203.0.113.0/24", "198.51.100.7/32"), rule.get("cidrBlocks"), "port " + rule.get("fromPort"));
        }
        assertEquals(2, blocks(sg, "ingress").size());
    }

    @Test
    void childrenAreNamedFromTheComponentAndParentedToIt() {
        var run = ok(a -> a.certificateArn(CERTIFICATE)).run();
        assertEquals(Set.of("x", "x-alb-sg", "x-alb", "x-tg", "x-http", "x-https"), run.names());
        run.assertParentedTo("x-", ApplicationLoadBalancer.TYPE);
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of("target port 0", (Consumer<ApplicationLoadBalancerArgs.Builder>) a -> a.targetPort(0),
                        "ApplicationLoadBalancerArgs.targetPort"),
                Arguments.of("listener port 0", (Consumer<ApplicationLoadBalancerArgs.Builder>) a -> a.listenerPort(0),
                        "ApplicationLoadBalancerArgs.listenerPort"),
                Arguments.of("listener port 65536",
                        (Consumer<ApplicationLoadBalancerArgs.Builder>) a -> a.listenerPort(65536),
                        "ApplicationLoadBalancerArgs.listenerPort"),
                Arguments.of("path without slash",
                        (Consumer<ApplicationLoadBalancerArgs.Builder>) a -> a.healthCheckPath("actuator/health"),
                        "ApplicationLoadBalancerArgs.healthCheckPath"),
                Arguments.of("path with a space",
                        (Consumer<ApplicationLoadBalancerArgs.Builder>) a -> a.healthCheckPath("/actuator health"),
                        "ApplicationLoadBalancerArgs.healthCheckPath"),
                Arguments.of("bad certificate ARN", (Consumer<ApplicationLoadBalancerArgs.Builder>) a ->
                                a.certificateArn("arn:aws:iam::123456789012:server-certificate/x"),
                        "ApplicationLoadBalancerArgs.certificateArn"),
                Arguments.of("listener 443 with a certificate", (Consumer<ApplicationLoadBalancerArgs.Builder>) a ->
                                a.certificateArn(CERTIFICATE).listenerPort(443),
                        "ApplicationLoadBalancerArgs.listenerPort"),
                Arguments.of("CIDR with prefix 33", (Consumer<ApplicationLoadBalancerArgs.Builder>) a ->
                        a.ingressCidrBlocks(List.of("10.0.0.0/33")), "ApplicationLoadBalancerArgs.ingressCidrBlocks"),
                Arguments.of("no CIDR at all", (Consumer<ApplicationLoadBalancerArgs.Builder>) a ->
                        a.ingressCidrBlocks(List.of()), "ApplicationLoadBalancerArgs.ingressCidrBlocks"),
                Arguments.of("bad bucket", (Consumer<ApplicationLoadBalancerArgs.Builder>) a ->
                        a.accessLogsBucket("My_Logs"), "ApplicationLoadBalancerArgs.accessLogsBucket"),
                Arguments.of("deregistration delay 3601", (Consumer<ApplicationLoadBalancerArgs.Builder>) a ->
                                a.deregistrationDelaySeconds(3601),
                        "ApplicationLoadBalancerArgs.deregistrationDelaySeconds"),
                Arguments.of("one subnet", (Consumer<ApplicationLoadBalancerArgs.Builder>) a ->
                                a.subnetIds(Output.of(List.of("subnet-0a0a0a0a0a0a0a0a0"))),
                        "ApplicationLoadBalancerArgs.subnetIds"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputFailsNamingTheField(String description, Consumer<ApplicationLoadBalancerArgs.Builder> configure,
                                     String field) {
        String error = alb(configure).run().failure();
        assertTrue(error.contains(field + ":"), error);
    }

    @Test
    void badPlainInputFailsBeforeAnyAwsResourceExists() {
        var run = alb(a -> a.healthCheckPath("health")).run();
        run.failure();
        assertEquals(List.of(), run.mocks().awsResources());
    }
}
