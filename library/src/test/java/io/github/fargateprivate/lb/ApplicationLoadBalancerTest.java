package io.github.fargateprivate.lb;

import com.pulumi.core.Output;
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

import static io.github.fargateprivate.testing.OfflineRun.block;
import static io.github.fargateprivate.testing.OfflineRun.blocks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApplicationLoadBalancerTest {

    private static final String CERTIFICATE =
            "arn:aws:acm:eu-central-1:123456789012:certificate/11111111-2222-3333-4444-555555555555";
    private static final String WEB_ACL =
            "arn:aws:wafv2:eu-central-1:123456789012:regional/webacl/edge/11111111-2222-3333-4444-555555555555";
    /** A CloudFront distribution's web ACL: global, in us-east-1. */
    private static final String GLOBAL_WEB_ACL =
            "arn:aws:wafv2:us-east-1:123456789012:global/webacl/edge/11111111-2222-3333-4444-555555555555";
    private static final String GET_VPC = "aws:ec2/getVpc:getVpc";
    /** What the mocks make of the children of a component named {@code x}. */
    private static final String DNS_NAME = "x-alb-1a2b3c4-1234567890.eu-central-1.elb.amazonaws.com";
    private static final String LOAD_BALANCER_ARN =
            "arn:aws:elasticloadbalancing:eu-central-1:123456789012:loadbalancer/app/x-alb-1a2b3c4/0000000006b0f2c2";
    private static final String TARGET_GROUP_ARN =
            "arn:aws:elasticloadbalancing:eu-central-1:123456789012:targetgroup/x-tg-1a2b3c4/00000000003743e8";
    private static final Map<String, Object> FORWARD = Map.of("type", "forward", "targetGroupArn", TARGET_GROUP_ARN);
    private static final Map<String, Object> NOT_FOUND = Map.of("type", "fixed-response", "fixedResponse",
            Map.of("statusCode", "404", "contentType", "text/plain", "messageBody", "Not Found"));
    private static final Map<String, Object> REDIRECT = Map.of("type", "redirect", "redirect",
            Map.of("protocol", "HTTPS", "port", "443", "statusCode", "HTTP_301"));

    private static NetworkArgs network() {
        return NetworkArgs.builder().vpcId(OfflineMocks.DEFAULT_VPC).publicSubnetIds(OfflineMocks.DEFAULT_SUBNETS)
                .build();
    }

    private static ApplicationLoadBalancerArgs args(Consumer<ApplicationLoadBalancerArgs.Builder> configure) {
        var b = ApplicationLoadBalancerArgs.builder().network(network());
        configure.accept(b);
        return b.build();
    }

    /** A load balancer named {@code x} in the mocks' default VPC and subnets, the rest as {@code configure} sets. */
    private static Created<ApplicationLoadBalancer> alb(Consumer<ApplicationLoadBalancerArgs.Builder> configure) {
        return ComponentHarness.create(options -> new ApplicationLoadBalancer("x", args(configure), options));
    }

    private static Created<ApplicationLoadBalancer> ok(Consumer<ApplicationLoadBalancerArgs.Builder> configure) {
        return alb(configure).ok();
    }

    private static ApplicationLoadBalancerArgs.Builder withTargetGroup(ApplicationLoadBalancerArgs.Builder a) {
        return a.targetGroup(TargetGroupArgs.builder().port(8080).build());
    }

    private static Map<String, Object> ingress(int port, String protocol, List<String> cidrs) {
        return Map.of("description", protocol + " from the admitted CIDRs", "protocol", "tcp",
                "fromPort", (double) port, "toPort", (double) port, "cidrBlocks", cidrs);
    }

    @Test
    void theSecurityGroupAdmitsTheWorldOnTheListenerPortOnlyAndHasNoEgressOfItsOwn() {
        var sg = ok(a -> { }).inputs("x-alb-sg");
        assertEquals(OfflineMocks.DEFAULT_VPC, sg.get("vpcId"));
        assertEquals(List.of(ingress(80, "HTTP", List.of("0.0.0.0/0"))), blocks(sg, "ingress"));
        assertFalse(sg.containsKey("egress"), "each service adds its own egress rule");
    }

    @Test
    void aCertificateAddsPort443ToTheSameSources() {
        var sg = ok(a -> a.certificateArn(CERTIFICATE).listenerPort(8080)
                .allowedCidrBlocks(List.of("203.0.113.0/24", "198.51.100.7/32"))).inputs("x-alb-sg");
        List<String> cidrs = List.of("203.0.113.0/24", "198.51.100.7/32");
        assertEquals(List.of(ingress(8080, "HTTP", cidrs), ingress(443, "HTTPS", cidrs)), blocks(sg, "ingress"));
    }

    @Test
    void anInternalLoadBalancerAdmitsEveryCidrOfTheVpcLookedUpById() {
        var alb = ok(a -> a.internalLoadBalancer(true));
        assertEquals(true, alb.inputs("x-alb").get("internal"));
        assertEquals(List.of(ingress(80, "HTTP", List.of(OfflineMocks.DEFAULT_VPC_CIDR,
                OfflineMocks.SECONDARY_VPC_CIDR))), blocks(alb.inputs("x-alb-sg"), "ingress"));
        var lookups = alb.run().mocks().calls().stream().filter(c -> c.token().equals(GET_VPC)).toList();
        assertEquals(1, lookups.size());
        assertEquals(OfflineMocks.DEFAULT_VPC, lookups.get(0).args().get("id"));
    }

    @Test
    void givenCidrsReplaceTheVpcsOfAnInternalLoadBalancer() {
        var alb = ok(a -> a.internalLoadBalancer(true).allowedCidrBlocks(List.of("10.1.0.0/16")));
        assertEquals(List.of(ingress(80, "HTTP", List.of("10.1.0.0/16"))), blocks(alb.inputs("x-alb-sg"), "ingress"));
        assertFalse(alb.run().mocks().invokes().contains(GET_VPC));
    }

    @Test
    void cidrsOfAnotherResourceAreAdmitted() {
        var alb = ok(a -> a.allowedCidrBlocks(Output.of(List.of("10.1.0.0/16", "10.2.0.0/16"))));
        assertEquals(List.of(ingress(80, "HTTP", List.of("10.1.0.0/16", "10.2.0.0/16"))),
                blocks(alb.inputs("x-alb-sg"), "ingress"));
    }

    @Test
    void theLoadBalancerDefaults() {
        var alb = ok(a -> { });
        var lb = alb.inputs("x-alb");
        assertEquals("application", lb.get("loadBalancerType"));
        assertEquals(false, lb.get("internal"));
        assertEquals(true, lb.get("dropInvalidHeaderFields"));
        assertEquals(false, lb.get("enableDeletionProtection"));
        assertEquals(OfflineMocks.DEFAULT_SUBNETS, lb.get("subnets"));
        assertEquals(List.of(alb.value(ApplicationLoadBalancer::securityGroupId)), lb.get("securityGroups"));
        assertFalse(lb.containsKey("accessLogs"));
        assertFalse(lb.containsKey("tags"));
    }

    @Test
    void deletionProtectionCanBeTurnedOn() {
        assertEquals(true, ok(a -> a.deletionProtection(true)).inputs("x-alb").get("enableDeletionProtection"));
    }

    @Test
    void accessLogsGoToTheBucketUnderTheComponentsName() {
        assertEquals(Map.of("bucket", "acme-alb-logs", "enabled", true, "prefix", "x"),
                block(ok(a -> a.accessLogsBucket("acme-alb-logs")).inputs("x-alb"), "accessLogs"));
        assertEquals("acme-alb-logs", block(ok(a -> a.accessLogsBucket(Output.of("acme-alb-logs"))).inputs("x-alb"),
                "accessLogs").get("bucket"));
    }

    @Test
    void aWebAclOfTheStacksAccountAndRegionFiltersTheLoadBalancer() {
        var alb = ok(a -> a.webAclArn(WEB_ACL));
        var association = alb.run().mocks().named("x-waf");
        assertEquals("aws:wafv2/webAclAssociation:WebAclAssociation", association.type());
        assertEquals(Map.of("resourceArn", LOAD_BALANCER_ARN, "webAclArn", WEB_ACL), association.inputs());
        assertEquals("x-waf", alb.component().webAclAssociation().orElseThrow().pulumiResourceName());
        assertEquals(Map.of("resourceArn", LOAD_BALANCER_ARN, "webAclArn", WEB_ACL),
                ok(a -> a.webAclArn(Output.of(WEB_ACL))).inputs("x-waf"));
        var none = ok(a -> { });
        assertTrue(none.component().webAclAssociation().isEmpty());
        assertEquals(List.of(), none.run().mocks().ofType("aws:wafv2/webAclAssociation:WebAclAssociation"));
    }

    @Test
    void withoutACertificateTheHttpListenerServes() {
        var alb = ok(ApplicationLoadBalancerTest::withTargetGroup);
        var http = alb.inputs("x-http");
        assertEquals(80.0, http.get("port"));
        assertEquals("HTTP", http.get("protocol"));
        assertEquals(LOAD_BALANCER_ARN, http.get("loadBalancerArn"));
        assertEquals(List.of(FORWARD), blocks(http, "defaultActions"));
        assertFalse(alb.run().names().contains("x-https"));
        assertTrue(alb.component().httpsListener().isEmpty());
    }

    @Test
    void withACertificateHttpsServesWithTls13AndHttpOnlyRedirects() {
        var alb = ok(a -> withTargetGroup(a).certificateArn(CERTIFICATE));
        var https = alb.inputs("x-https");
        assertEquals(443.0, https.get("port"));
        assertEquals("HTTPS", https.get("protocol"));
        assertEquals("ELBSecurityPolicy-TLS13-1-3-2021-06", https.get("sslPolicy"));
        assertEquals(CERTIFICATE, https.get("certificateArn"));
        assertEquals(LOAD_BALANCER_ARN, https.get("loadBalancerArn"));
        assertEquals(List.of(FORWARD), blocks(https, "defaultActions"));
        var http = alb.inputs("x-http");
        assertEquals(80.0, http.get("port"));
        assertEquals(List.of(REDIRECT), blocks(http, "defaultActions"));
    }

    @Test
    void theTlsPolicyIsConfigurable() {
        assertEquals("ELBSecurityPolicy-TLS13-1-2-2021-06", ok(a -> a.certificateArn(CERTIFICATE)
                .sslPolicy("ELBSecurityPolicy-TLS13-1-2-2021-06")).inputs("x-https").get("sslPolicy"));
    }

    @Test
    void aCertificateOfAnotherResourceReachesTheHttpsListener() {
        assertEquals(CERTIFICATE, ok(a -> a.certificateArn(Output.of(CERTIFICATE))).inputs("x-https")
                .get("certificateArn"));
    }

    @Test
    void withoutATargetGroupTheServingListenerAnswers404() {
        var plain = ok(a -> { });
        assertEquals(List.of(NOT_FOUND), blocks(plain.inputs("x-http"), "defaultActions"));
        assertTrue(plain.component().targetGroup().isEmpty());
        assertTrue(plain.component().targetGroupArn().isEmpty());
        assertFalse(plain.run().names().contains("x-tg"));
        var https = ok(a -> a.certificateArn(CERTIFICATE));
        assertEquals(List.of(NOT_FOUND), blocks(https.inputs("x-https"), "defaultActions"));
        assertEquals(List.of(REDIRECT), blocks(https.inputs("x-http"), "defaultActions"));
    }

    @Test
    void theDefaultTargetGroupIsInTheVpcOnTheTargetsPort() {
        var tg = ok(ApplicationLoadBalancerTest::withTargetGroup).inputs("x-tg");
        assertEquals(OfflineMocks.DEFAULT_VPC, tg.get("vpcId"));
        assertEquals(8080.0, tg.get("port"));
        assertEquals("ip", tg.get("targetType"));
    }

    @Test
    void handlesPointAtTheChildren() {
        var alb = ok(a -> withTargetGroup(a).certificateArn(CERTIFICATE));
        var c = alb.component();
        assertEquals(LOAD_BALANCER_ARN, alb.value(ApplicationLoadBalancer::arn));
        assertEquals(DNS_NAME, alb.value(ApplicationLoadBalancer::dnsName));
        assertEquals(OfflineMocks.LOAD_BALANCER_ZONE_ID, alb.value(ApplicationLoadBalancer::zoneId));
        assertSame(c.httpsListener().orElseThrow(), c.listener(), "rules go on the serving listener");
        assertEquals(OfflineRun.value(c.httpsListener().orElseThrow().arn()), alb.value(ApplicationLoadBalancer::listenerArn));
        assertEquals(OfflineRun.value(c.securityGroup().id()), alb.value(ApplicationLoadBalancer::securityGroupId));
        assertTrue(alb.value(ApplicationLoadBalancer::securityGroupId).startsWith("sg-"));
        assertEquals(TARGET_GROUP_ARN, OfflineRun.value(c.targetGroup().orElseThrow().arn()));
        assertEquals(LOAD_BALANCER_ARN, OfflineRun.value(c.loadBalancer().arn()));
        assertSame(c.listener(), c.httpsListener().get());
        var plain = ok(a -> { }).component();
        assertSame(plain.httpListener(), plain.listener());
    }

    @Test
    void theTargetGroupArnResolvesOnlyOnceTheListenersForwardToIt() {
        var alb = ok(a -> withTargetGroup(a).certificateArn(CERTIFICATE));
        Output<String> arn = alb.component().targetGroupArn().orElseThrow();
        assertEquals(TARGET_GROUP_ARN, OfflineRun.value(arn));
        ComponentHarness.assertWaitsFor(arn, "x-tg", "x-http", "x-https");
    }

    @Test
    void theUrlIsHttpOnPort80() {
        assertEquals("http://" + DNS_NAME, ok(a -> { }).value(ApplicationLoadBalancer::url));
    }

    @Test
    void theUrlCarriesAnotherListenerPort() {
        var alb = ok(a -> a.listenerPort(8080));
        assertEquals("http://" + DNS_NAME + ":8080", alb.value(ApplicationLoadBalancer::url));
        assertEquals(8080.0, alb.inputs("x-http").get("port"));
    }

    @Test
    void theUrlIsHttpsWithACertificateWhateverTheHttpPort() {
        assertEquals("https://" + DNS_NAME, ok(a -> a.certificateArn(CERTIFICATE)).value(ApplicationLoadBalancer::url));
        assertEquals("https://" + DNS_NAME, ok(a -> a.certificateArn(CERTIFICATE).listenerPort(8080))
                .value(ApplicationLoadBalancer::url));
    }

    @Test
    void tagsGoOnEveryTaggableChild() {
        var alb = ok(a -> withTargetGroup(a).certificateArn(CERTIFICATE).tags(Map.of("team", "platform")));
        for (String child : List.of("x-alb-sg", "x-targets-sg", "x-targets-egress", "x-alb", "x-tg", "x-http",
                "x-https")) {
            assertEquals(Map.of("team", "platform"), alb.inputs(child).get("tags"), child);
        }
    }

    @Test
    void childrenAreNamedFromTheComponentAndParentedToIt() {
        ComponentHarness.assertChildren(ok(a -> withTargetGroup(a).certificateArn(CERTIFICATE)),
                Set.of("x-alb-sg", "x-targets-sg", "x-targets-egress", "x-alb", "x-tg", "x-http", "x-https"));
        ComponentHarness.assertChildren(ok(a -> { }), Set.of("x-alb-sg", "x-targets-sg", "x-targets-egress", "x-alb",
                "x-http"));
        ComponentHarness.assertChildren(ok(a -> a.webAclArn(WEB_ACL)), Set.of("x-alb-sg", "x-targets-sg",
                "x-targets-egress", "x-alb", "x-waf", "x-http"));
    }

    @Test
    void theComponentAnswersToItsTypeTokenBefore2() {
        var run = ok(a -> { }).run();
        var registered = run.registrations().stream().filter(r -> r.name().equals("x")).findFirst().orElseThrow();
        assertEquals(ApplicationLoadBalancer.TYPE, registered.type());
        assertEquals(List.of(Map.entry("fargate-private-registry:elasticloadbalancingv2:ApplicationLoadBalancer", "")),
                registered.aliases());
    }

    @Test
    void withAnExplicitProviderEveryChildAndLookupUsesItAndCertificatesAreOfItsRegion() {
        String westCertificate = CERTIFICATE.replace("eu-central-1", ComponentHarness.PROVIDER_REGION);
        var alb = ComponentHarness.createWithProvider(options -> new ApplicationLoadBalancer("x",
                args(a -> withTargetGroup(a).internalLoadBalancer(true).certificateArn(westCertificate)), options)).ok();
        ComponentHarness.assertEverythingThroughProvider(alb.run());
        assertEquals(Stream.concat(ComponentHarness.ENVIRONMENT_INVOKES.stream(), Stream.of(GET_VPC)).sorted().toList(),
                ComponentHarness.sortedInvokes(alb.run()));
        ComponentHarness.assertChildren(alb, Set.of("x-alb-sg", "x-targets-sg", "x-targets-egress", "x-alb", "x-tg",
                "x-http", "x-https"));
        assertEquals("https://x-alb-1a2b3c4-1234567890.us-west-2.elb.amazonaws.com",
                alb.value(ApplicationLoadBalancer::url));

        var run = ComponentHarness.createWithProvider(options -> new ApplicationLoadBalancer("x",
                args(a -> a.certificateArn(CERTIFICATE)), options)).run();
        assertEquals(List.of(new Problem("certificateArn", "the certificate is in eu-central-1 of account "
                + "123456789012, but a load balancer takes only certificates of its own account and region "
                + "(us-west-2, 123456789012); request or import it there")), ComponentHarness.refusedBeforeAnyChild(run));

        String westAcl = WEB_ACL.replace("eu-central-1", ComponentHarness.PROVIDER_REGION);
        var filtered = ComponentHarness.createWithProvider(options -> new ApplicationLoadBalancer("x",
                args(a -> a.webAclArn(westAcl)), options)).ok();
        ComponentHarness.assertEverythingThroughProvider(filtered.run());
        assertEquals(westAcl, filtered.inputs("x-waf").get("webAclArn"));
        assertEquals(List.of(new Problem("webAclArn", "the web ACL is in eu-central-1 of account 123456789012, but a "
                + "load balancer takes only web ACLs of its own account and region (us-west-2, 123456789012)")),
                ComponentHarness.refusedBeforeAnyChild(ComponentHarness.createWithProvider(options ->
                        new ApplicationLoadBalancer("x", args(a -> a.webAclArn(WEB_ACL)), options)).run()));
    }

    @Test
    void aPreviewWithUnknownOutputsSucceeds() {
        var alb = ComponentHarness.create(options -> new ApplicationLoadBalancer("x",
                args(a -> withTargetGroup(a).internalLoadBalancer(true).certificateArn(CERTIFICATE)), options),
                new OfflineMocks().unknownOutputs(), false).ok();
        assertFalse(OfflineRun.isKnown(alb.component().url()));
        assertEquals(Set.of("x", "x-alb-sg", "x-targets-sg", "x-targets-egress", "x-alb", "x-tg", "x-http",
                "x-https"), alb.run().names());
    }

    /** @return that many distinct /24 blocks */
    private static List<String> cidrBlocks(int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> "10.0." + i + ".0/24").toList();
    }

    @Test
    void sixtyInboundRulesAreAcceptedThe61stRefused() {
        ok(a -> a.allowedCidrBlocks(cidrBlocks(60)));
        ok(a -> a.certificateArn(CERTIFICATE).allowedCidrBlocks(cidrBlocks(30)));
    }

    static Stream<Arguments> badArgs() {
        String cidr = " is not an IPv4 CIDR block (e.g. 10.0.0.0/16)";
        String bucket = " is not an S3 bucket name (3-63 lower-case letters, digits, '.', '-')";
        String notWebAcl = " is not a regional WAF web ACL ARN (arn:aws:wafv2:REGION:ACCOUNT:regional/webacl/NAME/ID; "
                + "a CloudFront one is global)";
        String ownOnly = ", but a load balancer takes only web ACLs of its own account and region (eu-central-1, "
                + "123456789012)";
        String classic = "arn:aws:waf-regional:eu-central-1:123456789012:webacl/11111111-2222-3333-4444-555555555555";
        String noPartition = WEB_ACL.replace("arn:aws:", "arn:awsx:");
        return Stream.of(
                Arguments.of("listener port 0", (Consumer<ApplicationLoadBalancerArgs.Builder>) a -> a.listenerPort(0),
                        List.of(new Problem("listenerPort", "0 is not a TCP port (1-65535)"))),
                Arguments.of("listener port 65536",
                        (Consumer<ApplicationLoadBalancerArgs.Builder>) a -> a.listenerPort(65536),
                        List.of(new Problem("listenerPort", "65536 is not a TCP port (1-65535)"))),
                Arguments.of("listener port 443 with a certificate",
                        (Consumer<ApplicationLoadBalancerArgs.Builder>) a -> a.listenerPort(443)
                                .certificateArn(CERTIFICATE),
                        List.of(new Problem("listenerPort", "443 is taken by the HTTPS listener that certificateArn "
                                + "adds; keep the HTTP listener on 80", "80"))),
                Arguments.of("IAM server certificate", (Consumer<ApplicationLoadBalancerArgs.Builder>) a -> a
                                .certificateArn("arn:aws:iam::123456789012:server-certificate/x"),
                        List.of(new Problem("certificateArn", "'arn:aws:iam::123456789012:server-certificate/x' is not "
                                + "an ACM certificate ARN (arn:aws:acm:REGION:ACCOUNT:certificate/ID)"))),
                Arguments.of("certificate of us-east-1", (Consumer<ApplicationLoadBalancerArgs.Builder>) a -> a
                                .certificateArn(CERTIFICATE.replace("eu-central-1", "us-east-1")),
                        List.of(new Problem("certificateArn", "the certificate is in us-east-1 of account 123456789012, "
                                + "but a load balancer takes only certificates of its own account and region "
                                + "(eu-central-1, 123456789012); request or import it there"))),
                Arguments.of("certificate of another account", (Consumer<ApplicationLoadBalancerArgs.Builder>) a -> a
                                .certificateArn(CERTIFICATE.replace("123456789012", "210987654321")),
                        List.of(new Problem("certificateArn", "the certificate is in eu-central-1 of account "
                                + "210987654321, but a load balancer takes only certificates of its own account and "
                                + "region (eu-central-1, 123456789012); request or import it there"))),
                Arguments.of("TLS policy without prefix", (Consumer<ApplicationLoadBalancerArgs.Builder>) a -> a
                                .certificateArn(CERTIFICATE).sslPolicy("TLS13-1-2-2021-06"),
                        List.of(new Problem("sslPolicy", "'TLS13-1-2-2021-06' is not an ELB security policy "
                                + "(ELBSecurityPolicy-...)"))),
                Arguments.of("upper-case bucket", (Consumer<ApplicationLoadBalancerArgs.Builder>) a -> a
                        .accessLogsBucket("My_Logs"), List.of(new Problem("accessLogsBucket", "'My_Logs'" + bucket))),
                Arguments.of("bucket of two characters", (Consumer<ApplicationLoadBalancerArgs.Builder>) a -> a
                        .accessLogsBucket("ab"), List.of(new Problem("accessLogsBucket", "'ab'" + bucket))),
                Arguments.of("bucket with two dots", (Consumer<ApplicationLoadBalancerArgs.Builder>) a -> a
                        .accessLogsBucket("logs..acme"), List.of(new Problem("accessLogsBucket", "'logs..acme'" + bucket))),
                Arguments.of("prefix 33", (Consumer<ApplicationLoadBalancerArgs.Builder>) a -> a
                                .allowedCidrBlocks(List.of("10.0.0.0/16", "10.0.0.0/33")),
                        List.of(new Problem("allowedCidrBlocks[1]", "'10.0.0.0/33'" + cidr))),
                Arguments.of("octet 300", (Consumer<ApplicationLoadBalancerArgs.Builder>) a -> a
                        .allowedCidrBlocks(List.of("300.0.0.0/8")),
                        List.of(new Problem("allowedCidrBlocks[0]", "'300.0.0.0/8'" + cidr))),
                Arguments.of("bare IP", (Consumer<ApplicationLoadBalancerArgs.Builder>) a -> a
                                .allowedCidrBlocks(List.of("10.0.0.0/16", "203.0.113.7")),
                        List.of(new Problem("allowedCidrBlocks[1]", "'203.0.113.7'" + cidr, "203.0.113.7/32"))),
                Arguments.of("host bits set", (Consumer<ApplicationLoadBalancerArgs.Builder>) a -> a
                                .allowedCidrBlocks(List.of("203.0.113.7/24")),
                        List.of(new Problem("allowedCidrBlocks[0]", "'203.0.113.7/24' has host bits set; the AWS "
                                + "provider takes only a block's network address, here 203.0.113.0/24",
                                "203.0.113.0/24"))),
                Arguments.of("IPv6", (Consumer<ApplicationLoadBalancerArgs.Builder>) a -> a
                                .allowedCidrBlocks(List.of("2001:db8::/32")),
                        List.of(new Problem("allowedCidrBlocks[0]", "'2001:db8::/32'" + cidr))),
                Arguments.of("31 blocks on two listener ports", (Consumer<ApplicationLoadBalancerArgs.Builder>) a -> a
                                .certificateArn(CERTIFICATE).allowedCidrBlocks(cidrBlocks(31)),
                        List.of(new Problem("allowedCidrBlocks", "31 blocks on 2 listener port(s) are 62 inbound rules "
                                + "of the load balancer's security group, but AWS allows 60 (Amazon VPC quotas, "
                                + "\"Inbound or outbound rules per security group\", https://docs.aws.amazon.com/vpc/"
                                + "latest/userguide/amazon-vpc-limits.html): merge blocks into fewer, larger ones, or "
                                + "raise the quota in Service Quotas"))),
                Arguments.of("a rules quota below AWS's default", (Consumer<ApplicationLoadBalancerArgs.Builder>) a -> a
                                .rulesQuota(50),
                        List.of(new Problem("rulesQuota", "50 is outside 100-10000: AWS's default is 100, and a raised "
                                + "quota is higher"))),
                Arguments.of("no CIDR at all", (Consumer<ApplicationLoadBalancerArgs.Builder>) a -> a
                                .allowedCidrBlocks(List.of()),
                        List.of(new Problem("allowedCidrBlocks", "empty, so the listeners would admit nobody; leave it "
                                + "unset for the default"))),
                Arguments.of("target group without port", (Consumer<ApplicationLoadBalancerArgs.Builder>) a -> a
                                .targetGroup(TargetGroupArgs.builder().build()),
                        List.of(new Problem("targetGroup.port", "required: the port the targets listen on"))),
                Arguments.of("network of one subnet", (Consumer<ApplicationLoadBalancerArgs.Builder>) a -> a
                                .network(NetworkArgs.builder().vpcId(OfflineMocks.DEFAULT_VPC)
                                        .publicSubnetIds(List.of(OfflineMocks.DEFAULT_SUBNETS.get(0))).build()),
                        List.of(new Problem("network.publicSubnetIds", "needs at least two subnets in different "
                                + "availability zones, got 1"))),
                Arguments.of("web ACL name", (Consumer<ApplicationLoadBalancerArgs.Builder>) a -> a.webAclArn("edge"),
                        List.of(new Problem("webAclArn", "'edge'" + notWebAcl))),
                Arguments.of("CloudFront web ACL", (Consumer<ApplicationLoadBalancerArgs.Builder>) a -> a
                        .webAclArn(GLOBAL_WEB_ACL), List.of(new Problem("webAclArn", "'" + GLOBAL_WEB_ACL + "'"
                        + notWebAcl))),
                Arguments.of("WAF Classic web ACL", (Consumer<ApplicationLoadBalancerArgs.Builder>) a -> a
                        .webAclArn(classic), List.of(new Problem("webAclArn", "'" + classic + "'" + notWebAcl))),
                Arguments.of("web ACL of no partition", (Consumer<ApplicationLoadBalancerArgs.Builder>) a -> a
                        .webAclArn(noPartition),
                        List.of(new Problem("webAclArn", "'" + noPartition + "'" + notWebAcl))),
                Arguments.of("web ACL of us-east-1", (Consumer<ApplicationLoadBalancerArgs.Builder>) a -> a
                        .webAclArn(WEB_ACL.replace("eu-central-1", "us-east-1")),
                        List.of(new Problem("webAclArn", "the web ACL is in us-east-1 of account 123456789012"
                                + ownOnly))),
                Arguments.of("web ACL of another account", (Consumer<ApplicationLoadBalancerArgs.Builder>) a -> a
                        .webAclArn(WEB_ACL.replace("123456789012", "210987654321")),
                        List.of(new Problem("webAclArn", "the web ACL is in eu-central-1 of account 210987654321"
                                + ownOnly))),
                Arguments.of("several at once", (Consumer<ApplicationLoadBalancerArgs.Builder>) a -> a.listenerPort(0)
                                .accessLogsBucket("B").allowedCidrBlocks(List.of("x")),
                        List.of(new Problem("listenerPort", "0 is not a TCP port (1-65535)"),
                                new Problem("allowedCidrBlocks[0]", "'x'" + cidr),
                                new Problem("accessLogsBucket", "'B'" + bucket))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badArgs")
    void badArgsRegisterNothing(String description, Consumer<ApplicationLoadBalancerArgs.Builder> configure,
                                List<Problem> expected) {
        assertEquals(expected, ComponentHarness.refusedBeforeAnyChild(alb(configure).run()));
    }

    @Test
    void aMissingNetworkIsReported() {
        var run = ComponentHarness.create(options -> new ApplicationLoadBalancer("x",
                ApplicationLoadBalancerArgs.builder().build(), options)).run();
        assertEquals(List.of(new Problem("network", "required: the VPC and the load balancer's subnets")),
                ComponentHarness.refusedBeforeAnyChild(run));
    }

    /** Each value of another resource is checked in its apply, and reported as its plain form is. */
    static Stream<Arguments> badOutputs() {
        return Stream.of(
                Arguments.of((Consumer<ApplicationLoadBalancerArgs.Builder>) a -> a.certificateArn(
                                CERTIFICATE.replace("eu-central-1", "us-east-1")),
                        (Consumer<ApplicationLoadBalancerArgs.Builder>) a -> a.certificateArn(Output.of(
                                CERTIFICATE.replace("eu-central-1", "us-east-1")))),
                Arguments.of((Consumer<ApplicationLoadBalancerArgs.Builder>) a -> a.webAclArn(GLOBAL_WEB_ACL),
                        (Consumer<ApplicationLoadBalancerArgs.Builder>) a -> a.webAclArn(Output.of(GLOBAL_WEB_ACL))),
                Arguments.of((Consumer<ApplicationLoadBalancerArgs.Builder>) a -> a.accessLogsBucket("My_Logs"),
                        (Consumer<ApplicationLoadBalancerArgs.Builder>) a -> a.accessLogsBucket(Output.of("My_Logs"))),
                Arguments.of((Consumer<ApplicationLoadBalancerArgs.Builder>) a -> a.allowedCidrBlocks(List.of()),
                        (Consumer<ApplicationLoadBalancerArgs.Builder>) a -> a.allowedCidrBlocks(Output.of(List.of()))),
                Arguments.of((Consumer<ApplicationLoadBalancerArgs.Builder>) a -> a.allowedCidrBlocks(
                                List.of("10.0.0.0/16", "203.0.113.7", "10.0.0.1/8")),
                        (Consumer<ApplicationLoadBalancerArgs.Builder>) a -> a.allowedCidrBlocks(Output.of(
                                List.of("10.0.0.0/16", "203.0.113.7", "10.0.0.1/8")))));
    }

    @ParameterizedTest
    @MethodSource("badOutputs")
    void badValuesOfOtherResourcesFailWithThePlainProblems(Consumer<ApplicationLoadBalancerArgs.Builder> plain,
                                                           Consumer<ApplicationLoadBalancerArgs.Builder> output) {
        var expected = ComponentHarness.refusedBeforeAnyChild(alb(plain).run());
        var e = ComponentHarness.argsException(alb(output).run());
        assertEquals(expected, e.problems());
        assertTrue(e.getMessage().startsWith("ApplicationLoadBalancer 'x' has " + expected.size() + " problem"),
                e.getMessage());
    }

    @Test
    void toBuilderKeepsEveryField() {
        var original = args(a -> withTargetGroup(a).listenerPort(8080).certificateArn(CERTIFICATE)
                .sslPolicy("ELBSecurityPolicy-TLS13-1-2-2021-06").internalLoadBalancer(true)
                .allowedCidrBlocks(List.of("10.1.0.0/16")).deletionProtection(true).accessLogsBucket("logs")
                .webAclArn(WEB_ACL).tags(Map.of("a", "b")));
        var copy = original.toBuilder().build();
        assertSame(original.network().orElseThrow(), copy.network().orElseThrow());
        assertEquals(8080, copy.listenerPort());
        assertSame(original.certificateArn().orElseThrow(), copy.certificateArn().orElseThrow());
        assertEquals("ELBSecurityPolicy-TLS13-1-2-2021-06", copy.sslPolicy());
        assertTrue(copy.internalLoadBalancer());
        assertEquals(List.of("10.1.0.0/16"), copy.allowedCidrBlocks().orElseThrow().plain().orElseThrow());
        assertTrue(copy.deletionProtection());
        assertSame(original.accessLogsBucket().orElseThrow(), copy.accessLogsBucket().orElseThrow());
        assertSame(original.targetGroup().orElseThrow(), copy.targetGroup().orElseThrow());
        assertSame(original.webAclArn().orElseThrow(), copy.webAclArn().orElseThrow());
        assertEquals(Map.of("a", "b"), copy.tags());
    }
}
