package io.github.fargateprivate.elasticloadbalancingv2;

import com.pulumi.aws.ec2.Ec2Functions;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupEgressArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupIngressArgs;
import com.pulumi.aws.ec2.inputs.GetVpcArgs;
import com.pulumi.aws.ec2.outputs.GetVpcCidrBlockAssociation;
import com.pulumi.aws.ec2.outputs.GetVpcResult;
import com.pulumi.aws.lb.Listener;
import com.pulumi.aws.lb.ListenerArgs;
import com.pulumi.aws.lb.LoadBalancer;
import com.pulumi.aws.lb.LoadBalancerArgs;
import com.pulumi.aws.lb.TargetGroup;
import com.pulumi.aws.lb.TargetGroupArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionRedirectArgs;
import com.pulumi.aws.lb.inputs.LoadBalancerAccessLogsArgs;
import com.pulumi.aws.lb.inputs.TargetGroupHealthCheckArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.github.fargateprivate.Rules;
import io.github.fargateprivate.arn.Arn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A public Application Load Balancer in front of one IP target group.
 *
 * <p>The security group admits the world (or, internal, the VPC; or the given CIDRs) on the listener port (and 443
 * with a certificate) and nothing else, and lets
 * the load balancer reach targets only on their port and only inside the VPC's CIDR. The target group health-checks the configured path with
 * timings tuned for a Spring Boot service (see the constants). With a certificate, an HTTPS listener forwards and the
 * HTTP listener redirects to it; without one, the HTTP listener forwards.
 *
 * <p>Children: {@code <name>-alb-sg}, {@code <name>-alb}, {@code <name>-tg}, {@code <name>-http} and, with a
 * certificate, {@code <name>-https}.
 */
public class ApplicationLoadBalancer extends ComponentResource {

    /** The Pulumi type token of this component. */
    public static final String TYPE = "fargate-private-registry:elasticloadbalancingv2:ApplicationLoadBalancer";
    /** Port of the HTTPS listener. */
    public static final int HTTPS_PORT = 443;
    /** Seconds between health checks: 10 s, a third of AWS's 30 s, so a new task serves sooner. */
    public static final int HEALTH_CHECK_INTERVAL_SECONDS = 10;
    /** Consecutive successes before a target is healthy: 2 (AWS default 5). */
    public static final int HEALTHY_THRESHOLD = 2;
    /** Consecutive failures before a target is unhealthy: 3, tolerating one slow GC pause. */
    public static final int UNHEALTHY_THRESHOLD = 3;
    /** Seconds a health check may take: 5. */
    public static final int HEALTH_CHECK_TIMEOUT_SECONDS = 5;
    /** HTTP codes a healthy target answers: Actuator answers 200 when UP and 503 when DOWN. */
    public static final String HEALTH_CHECK_MATCHER = "200";

    @Export(name = "arn", refs = {String.class}, tree = "[0]")
    private final Output<String> arn;
    @Export(name = "dnsName", refs = {String.class}, tree = "[0]")
    private final Output<String> dnsName;
    @Export(name = "url", refs = {String.class}, tree = "[0]")
    private final Output<String> url;
    @Export(name = "securityGroupId", refs = {String.class}, tree = "[0]")
    private final Output<String> securityGroupId;
    @Export(name = "targetGroupArn", refs = {String.class}, tree = "[0]")
    private final Output<String> targetGroupArn;

    /**
     * Creates the load balancer, its security group, target group and listeners.
     *
     * @param name    the component's name; children are named from it
     * @param args    ports, health check, TLS and logging
     * @param options component options
     */
    public ApplicationLoadBalancer(String name, ApplicationLoadBalancerArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        Rules.require("ApplicationLoadBalancerArgs.targetPort", Rules.port(args.targetPort()));
        Rules.require("ApplicationLoadBalancerArgs.listenerPort", Rules.port(args.listenerPort()));
        Rules.require("ApplicationLoadBalancerArgs.healthCheckPath", Rules.healthCheckPath(args.healthCheckPath()));
        Rules.require("ApplicationLoadBalancerArgs.deregistrationDelaySeconds",
                Rules.between(args.deregistrationDelaySeconds(), 0, 3600));
        args.certificateArn().ifPresent(c ->
                Rules.require("ApplicationLoadBalancerArgs.certificateArn", Arn.certificateArnProblem(c)));
        args.accessLogsBucket().ifPresent(b ->
                Rules.require("ApplicationLoadBalancerArgs.accessLogsBucket", Rules.bucketName(b)));
        args.ingressCidrBlocks().ifPresent(blocks -> {
            if (blocks.isEmpty()) {
                throw new IllegalArgumentException("ApplicationLoadBalancerArgs.ingressCidrBlocks: empty; the listeners "
                        + "would admit nobody (leave it unset for the default)");
            }
            blocks.forEach(b -> Rules.require("ApplicationLoadBalancerArgs.ingressCidrBlocks", Rules.cidr(b)));
        });
        if (args.certificateArn().isPresent() && args.listenerPort() == HTTPS_PORT) {
            throw new IllegalArgumentException("ApplicationLoadBalancerArgs.listenerPort: the HTTP listener cannot use "
                    + HTTPS_PORT + " when certificateArn adds the HTTPS listener there");
        }
        var childOptions = CustomResourceOptions.builder().parent(this).build();
        boolean https = args.certificateArn().isPresent();

        // Targets live in the VPC: the load balancer needs no way out beyond its CIDR blocks (secondary ones too).
        Output<List<String>> vpcCidr = Ec2Functions.getVpc(GetVpcArgs.builder().id(args.vpcId()).build())
                .applyValue(ApplicationLoadBalancer::cidrBlocks);
        Output<List<String>> admitted = args.ingressCidrBlocks().map(Output::of)
                .orElse(args.internal() ? vpcCidr : Output.of(List.of("0.0.0.0/0")));
        List<SecurityGroupIngressArgs> ingress = new ArrayList<>();
        ingress.add(listenerIngress(args.listenerPort(), "HTTP", admitted));
        if (https) {
            ingress.add(listenerIngress(HTTPS_PORT, "HTTPS", admitted));
        }
        var securityGroup = new SecurityGroup(name + "-alb-sg", SecurityGroupArgs.builder()
                .description("Load balancer " + name + ": listener ports from the admitted CIDRs, targets on their port only")
                .vpcId(args.vpcId())
                .ingress(ingress)
                .egress(SecurityGroupEgressArgs.builder()
                        .description("To the targets and their health checks, inside the VPC")
                        .protocol("tcp").fromPort(args.targetPort()).toPort(args.targetPort())
                        .cidrBlocks(vpcCidr)
                        .build())
                .build(), childOptions);

        var lbArgs = LoadBalancerArgs.builder()
                .loadBalancerType("application")
                .internal(args.internal())
                .securityGroups(securityGroup.id().applyValue(List::of))
                .subnets(args.subnetIds().applyValue(ApplicationLoadBalancer::atLeastTwo))
                // Security Hub ELB.4: drop headers that are not valid HTTP (request smuggling).
                .dropInvalidHeaderFields(true)
                .enableDeletionProtection(args.deletionProtection());
        args.accessLogsBucket().ifPresent(bucket -> lbArgs.accessLogs(LoadBalancerAccessLogsArgs.builder()
                .bucket(bucket).enabled(true).prefix(name).build()));
        var loadBalancer = new LoadBalancer(name + "-alb", lbArgs.build(), childOptions);

        var targetGroup = new TargetGroup(name + "-tg", TargetGroupArgs.builder()
                .vpcId(args.vpcId())
                .targetType("ip")
                .protocol("HTTP")
                .port(args.targetPort())
                .deregistrationDelay(args.deregistrationDelaySeconds())
                .healthCheck(TargetGroupHealthCheckArgs.builder()
                        .enabled(true)
                        .protocol("HTTP")
                        .path(args.healthCheckPath())
                        .port("traffic-port")
                        .interval(HEALTH_CHECK_INTERVAL_SECONDS)
                        .timeout(HEALTH_CHECK_TIMEOUT_SECONDS)
                        .healthyThreshold(HEALTHY_THRESHOLD)
                        .unhealthyThreshold(UNHEALTHY_THRESHOLD)
                        .matcher(HEALTH_CHECK_MATCHER)
                        .build())
                .build(), childOptions);

        var forward = ListenerDefaultActionArgs.builder().type("forward").targetGroupArn(targetGroup.arn()).build();
        var http = new Listener(name + "-http", ListenerArgs.builder()
                .loadBalancerArn(loadBalancer.arn())
                .port(args.listenerPort())
                .protocol("HTTP")
                .defaultActions(https
                        // Security Hub ELB.1: HTTP only redirects to HTTPS.
                        ? ListenerDefaultActionArgs.builder().type("redirect")
                        .redirect(ListenerDefaultActionRedirectArgs.builder()
                                .protocol("HTTPS").port(String.valueOf(HTTPS_PORT)).statusCode("HTTP_301").build())
                        .build()
                        : forward)
                .build(), childOptions);
        Output<String> servingListenerArn = http.arn();
        if (https) {
            var httpsListener = new Listener(name + "-https", ListenerArgs.builder()
                    .loadBalancerArn(loadBalancer.arn())
                    .port(HTTPS_PORT)
                    .protocol("HTTPS")
                    .sslPolicy(args.sslPolicy())
                    .certificateArn(args.certificateArn().get())
                    .defaultActions(forward)
                    .build(), childOptions);
            servingListenerArn = httpsListener.arn();
        }

        this.arn = loadBalancer.arn();
        this.dnsName = loadBalancer.dnsName();
        this.url = https
                ? loadBalancer.dnsName().applyValue(d -> "https://" + d)
                : loadBalancer.dnsName().applyValue(d -> "http://" + d
                + (args.listenerPort() == 80 ? "" : ":" + args.listenerPort()));
        this.securityGroupId = securityGroup.id();
        // ECS refuses a target group that no listener uses yet; deriving the ARN from the listener's makes every
        // consumer of this output wait for the listener.
        this.targetGroupArn = Output.tuple(targetGroup.arn(), servingListenerArn).applyValue(t -> t.t1);
        registerOutputs(Map.of("arn", arn, "dnsName", dnsName, "url", url,
                "securityGroupId", securityGroupId, "targetGroupArn", targetGroupArn));
    }

    /**
     * Creates the load balancer with default component options.
     *
     * @param name the component's name
     * @param args ports, health check, TLS and logging
     */
    public ApplicationLoadBalancer(String name, ApplicationLoadBalancerArgs args) {
        this(name, args, ComponentResourceOptions.Empty);
    }

    private static SecurityGroupIngressArgs listenerIngress(int port, String protocol, Output<List<String>> cidrs) {
        return SecurityGroupIngressArgs.builder().description(protocol + " from the admitted CIDRs")
                .protocol("tcp").fromPort(port).toPort(port).cidrBlocks(cidrs).build();
    }

    private static List<String> cidrBlocks(GetVpcResult vpc) {
        List<String> blocks = vpc.cidrBlockAssociations().stream()
                .filter(a -> "associated".equals(a.state()))
                .map(GetVpcCidrBlockAssociation::cidrBlock)
                .distinct().toList();
        return blocks.isEmpty() ? List.of(vpc.cidrBlock()) : blocks;
    }

    private static List<String> atLeastTwo(List<String> subnetIds) {
        if (subnetIds.size() < 2) {
            throw new IllegalArgumentException("ApplicationLoadBalancerArgs.subnetIds: an Application Load Balancer "
                    + "needs at least two subnets in different availability zones, got " + subnetIds);
        }
        return subnetIds;
    }

    /** @return the load balancer's ARN */
    public Output<String> arn() {
        return arn;
    }

    /** @return the load balancer's DNS name */
    public Output<String> dnsName() {
        return dnsName;
    }

    /** @return the URL clients use: https:// with a certificate, else http:// (with the port unless 80) */
    public Output<String> url() {
        return url;
    }

    /** @return the load balancer's security group, the only source the tasks admit */
    public Output<String> securityGroupId() {
        return securityGroupId;
    }

    /** @return the target group's ARN; resolves once a listener forwards to it */
    public Output<String> targetGroupArn() {
        return targetGroupArn;
    }
}
