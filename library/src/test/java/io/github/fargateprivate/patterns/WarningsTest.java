package io.github.fargateprivate.patterns;

import com.pulumi.aws.acm.Certificate;
import com.pulumi.aws.acm.CertificateArgs;
import com.pulumi.aws.acm.CertificateValidation;
import com.pulumi.aws.acm.CertificateValidationArgs;
import io.github.fargateprivate.ec2.NetworkArgs;
import io.github.fargateprivate.ecs.ContainerArgs;
import io.github.fargateprivate.lb.ApplicationLoadBalancer;
import io.github.fargateprivate.lb.ApplicationLoadBalancerArgs;
import io.github.fargateprivate.lb.ListenerRuleArgs;
import io.github.fargateprivate.lb.SharedLoadBalancers;
import io.github.fargateprivate.secretsmanager.RegistryCredentials;
import io.github.fargateprivate.testing.OfflineMocks;
import io.github.fargateprivate.testing.OfflineRun;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static io.github.fargateprivate.Fixtures.ECR_IMAGE;
import static io.github.fargateprivate.Fixtures.LB_SECURITY_GROUP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a platform engineer hears through Pulumi's log before AWS refuses it. */
class WarningsTest {

    private static final String VPC = "vpc-0123456789abcdef0";
    private static final NetworkArgs NETWORK = NetworkArgs.builder().vpcId(VPC)
            .publicSubnetIds(List.of("subnet-0e0e0e0e0e0e0e0e0", "subnet-0f0f0f0f0f0f0f0f0")).build();
    private static final String LISTENER = "arn:aws:elasticloadbalancing:eu-central-1:123456789012:listener/app/"
            + "shared/0123456789abcdef/0123456789abcdef";

    private static List<String> warnings(OfflineRun run) {
        return run.ok().warnings();
    }

    @Test
    void eightyListenerRulesOnOneLoadBalancerAreSaidOnce() {
        assertEquals(List.of("ApplicationLoadBalancer 'shared': 80 of its 100 listener rules are used (\"Rules per "
                + "Application Load Balancer\", https://docs.aws.amazon.com/elasticloadbalancing/latest/application/"
                + "load-balancer-limits.html); raise the quota or plan another load balancer before AWS refuses the "
                + "next service"), warnings(SharedLoadBalancers.targets(85, lb -> { })));
        assertEquals(List.of(), warnings(SharedLoadBalancers.targets(79, lb -> { })));
    }

    @Test
    void admittedBlocksThatFillEightyPercentOfTheGroupsInboundRulesAreSaid() {
        var blocks = IntStream.range(0, 24).mapToObj(i -> "10.0." + i + ".0/24").toList();
        assertEquals(List.of("ApplicationLoadBalancer 'shared': 48 of the 60 inbound rules its security group may "
                + "hold are the admitted blocks on the listener ports (Amazon VPC quotas, \"Inbound or outbound rules "
                + "per security group\", https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html); "
                + "merge blocks before adding more"), warnings(SharedLoadBalancers.targets(0, lb -> lb.allowedCidrBlocks(blocks)
                .certificateArn("arn:aws:acm:eu-central-1:123456789012:certificate/"
                        + "11111111-2222-3333-4444-555555555555"))));
    }

    @Test
    void aCertificateOfThisProgramWithoutItsValidationIsSaid() {
        var unvalidated = OfflineRun.of(ctx -> {
            var certificate = new Certificate("cert", CertificateArgs.builder().domainName("api.example.com")
                    .validationMethod("DNS").build());
            new ApplicationLoadBalancer("edge", ApplicationLoadBalancerArgs.builder().network(NETWORK)
                    .certificateArn(certificate.arn()).build());
        }, new OfflineMocks());
        assertEquals(List.of("ApplicationLoadBalancer 'edge': certificateArn comes from an aws.acm.Certificate of "
                + "this program, which a listener takes only once ACM has validated it (UnsupportedCertificate on the "
                + "first deploy); give aws.acm.CertificateValidation#certificateArn(), which waits for it"),
                warnings(unvalidated));
        var validated = OfflineRun.of(ctx -> {
            var certificate = new Certificate("cert", CertificateArgs.builder().domainName("api.example.com")
                    .validationMethod("DNS").build());
            var validation = new CertificateValidation("cert-validation", CertificateValidationArgs.builder()
                    .certificateArn(certificate.arn()).build());
            new ApplicationLoadBalancer("edge", ApplicationLoadBalancerArgs.builder().network(NETWORK)
                    .certificateArn(validation.certificateArn()).build());
        }, new OfflineMocks());
        assertEquals(List.of(), warnings(validated));
    }

    @Test
    void dockerHubPullsWithoutCredentialsAreSaidForEachContainer() {
        var run = OfflineRun.of(ctx -> new LoadBalancedFargateService("web", LoadBalancedFargateServiceArgs.builder()
                .container(ContainerArgs.builder().image("nginxinc/nginx-unprivileged:1.27-alpine").build())
                .registryCredentials(RegistryCredentials.none())
                .sidecar(ContainerArgs.builder().name("otel").image("otel/opentelemetry-collector:0.98.0").build(),
                        RegistryCredentials.none())
                .sidecar(ContainerArgs.builder().name("bit").image("public.ecr.aws/aws-observability/"
                        + "aws-for-fluent-bit:2.32.0").build())
                .build()), new OfflineMocks());
        List<String> warnings = warnings(run);
        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("LoadBalancedFargateService 'web': container: "
                + "nginxinc/nginx-unprivileged:1.27-alpine is pulled from Docker Hub without credentials, which allows "
                + "10 pulls per hour per IP address (since 2025-04-01; https://docs.docker.com/docker-hub/usage/)"),
                warnings.get(0));
        assertTrue(warnings.get(1).startsWith("LoadBalancedFargateService 'web': sidecars[0]: "
                + "otel/opentelemetry-collector:0.98.0 is pulled from Docker Hub without credentials"), warnings.get(1));
        var withCredentials = OfflineRun.of(ctx -> new LoadBalancedFargateService("web", LoadBalancedFargateServiceArgs
                .builder().container(ContainerArgs.builder().image(ECR_IMAGE).build()).build()), new OfflineMocks());
        assertEquals(List.of(), warnings(withCredentials));
    }

    @Test
    void aServiceOnALoadBalancerKnownOnlyByItsListenerHearsOfTheRulePerServiceAndTheInlineEgressTrap() {
        var run = OfflineRun.of(ctx -> new LoadBalancedFargateService("web", LoadBalancedFargateServiceArgs.builder()
                .container(ContainerArgs.builder().image(ECR_IMAGE).build()).network(NETWORK)
                .listenerRule(ListenerRuleArgs.builder().listenerArn(LISTENER).loadBalancerSecurityGroupId(
                        LB_SECURITY_GROUP).pathPattern("/web/*").priority(10).build())
                .build()), new OfflineMocks());
        assertEquals(List.of("ListenerTarget 'web-target': the load balancer's targets' security group is not given "
                + "(ListenerRuleArgs.targetsSecurityGroupId), so the service adds an egress rule to the load balancer's "
                + "own group, which takes at most 60 (Amazon VPC quotas, \"Inbound or outbound rules per security "
                + "group\", https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html) and which its "
                + "owner must not manage with inline egress rules (an update would remove this one); give the "
                + "targets' group: ApplicationLoadBalancer#targetsSecurityGroupId(), exported by the stack that owns "
                + "it"), warnings(run));
    }
}
