package io.github.fargateprivate.lb;

import com.pulumi.aws.acm.Certificate;
import com.pulumi.aws.acm.CertificateValidation;
import com.pulumi.aws.ec2.Ec2Functions;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.inputs.GetVpcArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupIngressArgs;
import com.pulumi.aws.ec2.outputs.GetVpcCidrBlockAssociation;
import com.pulumi.aws.ec2.outputs.GetVpcResult;
import com.pulumi.aws.lb.Listener;
import com.pulumi.aws.lb.ListenerArgs;
import com.pulumi.aws.lb.LoadBalancer;
import com.pulumi.aws.lb.LoadBalancerArgs;
import com.pulumi.aws.lb.TargetGroup;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionFixedResponseArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionRedirectArgs;
import com.pulumi.aws.lb.inputs.LoadBalancerAccessLogsArgs;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.aws.wafv2.WebAclAssociation;
import com.pulumi.aws.wafv2.WebAclAssociationArgs;
import com.pulumi.core.Alias;
import com.pulumi.core.Output;
import com.pulumi.core.internal.Internal;
import com.pulumi.core.annotations.Export;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.github.fargateprivate.AwsName;
import io.github.fargateprivate.ArgsException;
import io.github.fargateprivate.AwsEnvironment;
import io.github.fargateprivate.Children;
import io.github.fargateprivate.Problem;
import io.github.fargateprivate.Problems;
import io.github.fargateprivate.Rules;
import io.github.fargateprivate.Value;
import io.github.fargateprivate.EngineLog;
import io.github.fargateprivate.ec2.SecurityGroupRules;
import io.github.fargateprivate.s3.AccessLogsBucket;
import io.github.fargateprivate.s3.AccessLogsBucketArgs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An Application Load Balancer with its security group and listeners, for one service or shared by several.
 *
 * <p>The security group admits the allowed CIDRs (default: the world; internal: the VPC) on the listener port (and
 * 443 with a certificate) and nothing else. Its one way out is a second group, the targets' ({@code <name>-targets-sg},
 * no rule of its own), which every service behind the load balancer puts on its tasks; each task's own group admits
 * the load balancer only on the task's port. So the load balancer's group holds the same rules however many services
 * join it (AWS allows 60 outbound rules per group), and still no CIDR egress. With a certificate, an HTTPS listener serves and the
 * HTTP listener only redirects to it. With {@link ApplicationLoadBalancerArgs#targetGroup()} the serving listener
 * forwards to that target group; without, it answers 404 to whatever no listener rule claims
 * ({@link ListenerTarget} adds one per service).
 *
 * <p>Children: {@code <name>-alb-sg}, {@code <name>-targets-sg}, {@code <name>-targets-egress}, {@code <name>-alb}, {@code <name>-access-logs} (access logs without a given
 * bucket), {@code <name>-waf} (with a web ACL), {@code <name>-tg} (with a target group),
 * {@code <name>-http} and, with a certificate, {@code <name>-https}.
 */
public class ApplicationLoadBalancer extends ComponentResource {

    /** The Pulumi type token of this component. */
    public static final String TYPE = "fargate-private-registry:lb:ApplicationLoadBalancer";
    /** The type token of versions before 2.0, kept as an alias so that deployed stacks keep their resources. */
    public static final String TYPE_BEFORE_2_0 = "fargate-private-registry:elasticloadbalancingv2:ApplicationLoadBalancer";

    private final SecurityGroup securityGroup;
    private final SecurityGroup targetsSecurityGroup;
    private final SecurityGroupEgressRule targetsEgress;
    private final LoadBalancer loadBalancer;
    private final String owner;
    private final int rulesQuota;
    private final boolean ownTargetGroup;
    private final TargetGroup targetGroup;
    private final AccessLogsBucket accessLogsBucket;
    private final WebAclAssociation webAclAssociation;
    private final Listener httpListener;
    private final Listener httpsListener;

    @Export(name = "arn", refs = {String.class}, tree = "[0]")
    private final Output<String> arn;
    @Export(name = "dnsName", refs = {String.class}, tree = "[0]")
    private final Output<String> dnsName;
    @Export(name = "zoneId", refs = {String.class}, tree = "[0]")
    private final Output<String> zoneId;
    @Export(name = "url", refs = {String.class}, tree = "[0]")
    private final Output<String> url;
    @Export(name = "listenerArn", refs = {String.class}, tree = "[0]")
    private final Output<String> listenerArn;
    @Export(name = "securityGroupId", refs = {String.class}, tree = "[0]")
    private final Output<String> securityGroupId;
    @Export(name = "targetsSecurityGroupId", refs = {String.class}, tree = "[0]")
    private final Output<String> targetsSecurityGroupId;

    /**
     * Creates the load balancer, its security group, listeners and optional target group.
     *
     * @param name    the component's name; children are named from it
     * @param args    network, listeners, TLS, access and logging
     * @param options component options
     * @throws io.github.fargateprivate.ArgsException listing every problem of the args, before any child exists
     */
    public ApplicationLoadBalancer(String name, ApplicationLoadBalancerArgs args, ComponentResourceOptions options) {
        super(TYPE, name, ComponentResourceOptions.merge(options, ComponentResourceOptions.builder()
                .aliases(Alias.builder().type(TYPE_BEFORE_2_0).build()).build()));
        this.owner = "ApplicationLoadBalancer '" + name + "'";
        ApplicationLoadBalancerArgs checked = validate(name, args);
        this.rulesQuota = checked.rulesQuota();
        this.ownTargetGroup = checked.targetGroup().isPresent();
        var children = Children.of(this, checked.tags());
        Output<String> vpcId = checked.network().orElseThrow().vpcId().orElseThrow().output();

        this.securityGroup = createSecurityGroup(name, checked, vpcId, children);
        this.targetsSecurityGroup = children.create(SecurityGroup::new, AwsName.SECURITY_GROUP.child(name,
                "-targets-sg"), SecurityGroupArgs.builder()
                .description("Targets of load balancer " + name + ": the tasks behind it carry this group")
                .vpcId(vpcId).build());
        this.targetsEgress = children.create(SecurityGroupEgressRule::new, name + "-targets-egress",
                SecurityGroupEgressRuleArgs.builder()
                        .description("To the targets; each admits the load balancer on its own port only")
                        .securityGroupId(securityGroup.id().applyValue(this::countedOwnRule))
                        .referencedSecurityGroupId(targetsSecurityGroup.id())
                        .ipProtocol("tcp").fromPort(1).toPort(65535).build());
        checked.allowedCidrBlocks().ifPresent(allowed -> warnNearRuleQuota(checked, allowed.output()));
        args.certificateArn().filter(c -> !c.isPlain()).ifPresent(c -> warnUnvalidatedCertificate(c.output()));
        this.accessLogsBucket = checked.accessLogs() && checked.accessLogsBucket().isEmpty()
                ? children.component(AccessLogsBucket::new, name + "-access-logs", AccessLogsBucketArgs.builder()
                .prefix(name).tags(checked.tags()).build()) : null;
        this.loadBalancer = createLoadBalancer(name, checked, children);
        this.webAclAssociation = checked.webAclArn().map(acl -> children.create(WebAclAssociation::new,
                name + "-waf", WebAclAssociationArgs.builder().resourceArn(loadBalancer.arn())
                        .webAclArn(acl.output()).build())).orElse(null);
        this.targetGroup = checked.targetGroup().map(tg -> children.create(TargetGroup::new,
                AwsName.TARGET_GROUP.child(name, "-tg"), tg.resourceArgs(vpcId))).orElse(null);
        this.httpListener = children.create(Listener::new, name + "-http", httpListenerArgs(checked));
        this.httpsListener = checked.certificateArn().map(certificate -> children.create(Listener::new,
                name + "-https", listenerArgs(ApplicationLoadBalancerOptions.HTTPS_PORT, "HTTPS").sslPolicy(checked.sslPolicy())
                        .certificateArn(certificate.output()).defaultActions(serve()).build())).orElse(null);

        this.arn = loadBalancer.arn();
        this.dnsName = loadBalancer.dnsName();
        this.zoneId = loadBalancer.zoneId();
        this.url = loadBalancer.dnsName().applyValue(d -> checked.certificateArn().isPresent() ? "https://" + d
                : "http://" + d + (checked.listenerPort() == 80 ? "" : ":" + checked.listenerPort()));
        this.listenerArn = listener().arn();
        this.securityGroupId = securityGroup.id();
        // A target may join once the load balancer may send to it.
        this.targetsSecurityGroupId = Output.tuple(targetsSecurityGroup.id(), targetsEgress.id()).applyValue(t -> t.t1);
        registerOutputs(Map.of("arn", arn, "dnsName", dnsName, "zoneId", zoneId, "url", url,
                "listenerArn", listenerArn, "securityGroupId", securityGroupId,
                "targetsSecurityGroupId", targetsSecurityGroupId));
    }

    /**
     * Creates the load balancer with default component options.
     *
     * @param name the component's name
     * @param args network, listeners, TLS, access and logging
     */
    public ApplicationLoadBalancer(String name, ApplicationLoadBalancerArgs args) {
        this(name, args, ComponentResourceOptions.Empty);
    }

    /** The args, checked; every problem at once, before any child exists. */
    private ApplicationLoadBalancerArgs validate(String name, ApplicationLoadBalancerArgs args) {
        ApplicationLoadBalancerArgs checked = Problems.validated("ApplicationLoadBalancer", name, problems -> args.validate(problems).checkAccountAndRegion(problems,
                AwsEnvironment.of(this)));
        return checked;
    }

    /**
     * The load balancer's group: the admitted CIDRs on the listener ports. No inline egress: the rule to the targets
     * is a resource of its own, and stacks that joined this load balancer before the targets' group existed added
     * theirs, which inline egress would remove on the next update. The AWS provider removes a new group's default
     * allow-all egress.
     */
    private SecurityGroup createSecurityGroup(String name, ApplicationLoadBalancerArgs args, Output<String> vpcId,
                                              Children children) {
        Output<List<String>> admitted = args.allowedCidrBlocks().map(Value::output)
                .orElseGet(() -> args.internalLoadBalancer() ? vpcCidrBlocks(vpcId) : Output.of(List.of("0.0.0.0/0")));
        List<SecurityGroupIngressArgs> ingress = new ArrayList<>();
        ingress.add(listenerIngress(args.listenerPort(), "HTTP", admitted));
        if (args.certificateArn().isPresent()) {
            ingress.add(listenerIngress(ApplicationLoadBalancerOptions.HTTPS_PORT, "HTTPS", admitted));
        }
        return children.create(SecurityGroup::new, AwsName.SECURITY_GROUP.child(name, "-alb-sg"),
                SecurityGroupArgs.builder()
                        .description("Load balancer " + name + ": listener ports from the admitted CIDRs, targets on "
                                + "their port only")
                        .vpcId(vpcId)
                        .ingress(ingress).build());
    }

    private LoadBalancer createLoadBalancer(String name, ApplicationLoadBalancerArgs args, Children children) {
        var lbArgs = LoadBalancerArgs.builder()
                .loadBalancerType("application")
                .internal(args.internalLoadBalancer())
                .securityGroups(securityGroup.id().applyValue(List::of))
                .subnets(args.network().orElseThrow().publicSubnetIds().orElseThrow().output())
                // Security Hub ELB.4: drop headers that are not valid HTTP (request smuggling).
                .dropInvalidHeaderFields(true)
                .enableDeletionProtection(args.deletionProtection());
        args.accessLogsBucket().map(Value::output)
                .or(() -> accessLogsBucket().map(AccessLogsBucket::bucketName))
                .ifPresent(bucket -> lbArgs.accessLogs(LoadBalancerAccessLogsArgs.builder()
                        .bucket(bucket).enabled(true).prefix(name).build()));
        return children.create(LoadBalancer::new, AwsName.LOAD_BALANCER.child(name, "-alb"), lbArgs.build());
    }

    /** The HTTP listener: it serves, or with a certificate only redirects to HTTPS (Security Hub ELB.1). */
    private ListenerArgs httpListenerArgs(ApplicationLoadBalancerArgs args) {
        return listenerArgs(args.listenerPort(), "HTTP").defaultActions(args.certificateArn().isEmpty() ? serve()
                : ListenerDefaultActionArgs.builder().type("redirect")
                .redirect(ListenerDefaultActionRedirectArgs.builder()
                        .protocol("HTTPS").port(String.valueOf(ApplicationLoadBalancerOptions.HTTPS_PORT)).statusCode("HTTP_301").build())
                .build()).build();
    }

    private ListenerArgs.Builder listenerArgs(int port, String protocol) {
        return ListenerArgs.builder().loadBalancerArn(loadBalancer.arn()).port(port).protocol(protocol);
    }

    /** What the serving listener does: forward to the default target group, or answer 404. */
    private ListenerDefaultActionArgs serve() {
        return targetGroup != null
                ? ListenerDefaultActionArgs.builder().type("forward").targetGroupArn(targetGroup.arn()).build()
                : ListenerDefaultActionArgs.builder().type("fixed-response")
                .fixedResponse(ListenerDefaultActionFixedResponseArgs.builder()
                        .statusCode("404").contentType("text/plain").messageBody("Not Found").build())
                .build();
    }

    /** The group's own rule to its targets, counted with those services of this program add to the group. */
    private String countedOwnRule(String groupId) {
        int rules = SecurityGroupRules.addOutbound(groupId);
        if (rules > Rules.SECURITY_GROUP_RULES) {
            throw new ArgsException(owner, List.of(new Problem("securityGroup", "its security group " + groupId
                    + " would hold " + rules + " outbound rules that this program adds (its own to the targets, and one "
                    + "per service that joins by listener and group instead of the targets' group), but AWS allows "
                    + Rules.SECURITY_GROUP_RULES + " (" + Rules.SECURITY_GROUP_RULES_QUOTA_NAME + "); join with "
                    + "ListenerRuleArgs.loadBalancer(alb), which adds no rule")), false);
        }
        return groupId;
    }

    /** Admitted blocks that use 80 % of the security group's inbound rules: said, before AWS refuses more. */
    private void warnNearRuleQuota(ApplicationLoadBalancerOptions args, Output<List<String>> allowed) {
        allowed.applyValue(blocks -> {
            int rules = blocks.size() * args.listenerPorts();
            if (rules >= Rules.SECURITY_GROUP_RULES * ListenerRules.WARN_AT && rules <= Rules.SECURITY_GROUP_RULES) {
                EngineLog.warn(this, owner, rules + " of the " + Rules.SECURITY_GROUP_RULES + " inbound rules its "
                        + "security group may hold are the admitted blocks on the listener ports ("
                        + Rules.SECURITY_GROUP_RULES_QUOTA_NAME + "); merge blocks before adding more");
            }
            return rules;
        });
    }

    /**
     * A certificate ACM issues in this program serves only once it is validated: a listener that names
     * {@code aws.acm.Certificate#arn()} is created first and CreateListener fails with UnsupportedCertificate on the
     * first deploy. {@code aws.acm.CertificateValidation#certificateArn()} waits for the validation: said when the
     * value depends on a certificate and not on its validation.
     */
    private void warnUnvalidatedCertificate(Output<String> certificateArn) {
        Internal.of(certificateArn).getDataAsync().thenAccept(data -> {
            var from = data.getResources();
            boolean certificate = from.stream().anyMatch(r -> r instanceof Certificate);
            boolean validated = from.stream().anyMatch(r -> r instanceof CertificateValidation);
            if (certificate && !validated) {
                EngineLog.warn(this, owner, "certificateArn comes from an aws.acm.Certificate of this program, "
                        + "which a listener takes only once ACM has validated it (UnsupportedCertificate on the first "
                        + "deploy); give aws.acm.CertificateValidation#certificateArn(), which waits for it");
            }
        });
    }

    /**
     * Places a listener rule of a service that joins this load balancer: its priority unique on the listener, and the
     * load balancer's rules and target groups within AWS's quotas ("Quotas for your Application Load Balancers",
     * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-limits.html); near a quota,
     * a warning.
     *
     * @param ruleOwner the rule's owner, e.g. the {@link ListenerTarget}'s name
     * @param priority  the rule's priority
     * @param problems  where a refusal goes, under the rule's fields
     */
    void place(String ruleOwner, int priority, Problems problems) {
        Optional<String> holder = ListenerRules.claim(this, ruleOwner, priority);
        holder.ifPresent(h -> problems.add("priority", priority + " is taken on the listener of " + owner + " by "
                + h + ", and ELB refuses a priority twice (PriorityInUse); choose another"));
        int rules = ListenerRules.count(this);
        int targetGroups = rules + (ownTargetGroup ? 1 : 0);
        if (rules > rulesQuota) {
            problems.add("priority", owner + " would have " + rules + " listener rules, but the quota \"Rules per "
                    + "Application Load Balancer\" is " + rulesQuota + " (" + ListenerRules.QUOTAS_PAGE + "): raise it in Service "
                    + "Quotas (Elastic Load Balancing) and set ApplicationLoadBalancerArgs.rulesQuota, or put the "
                    + "service on another load balancer");
        } else if (targetGroups > ListenerRules.TARGET_GROUPS_QUOTA) {
            problems.add("priority", owner + " would have " + targetGroups + " target groups, but AWS allows "
                    + ListenerRules.TARGET_GROUPS_QUOTA + " per Application Load Balancer and does not raise it ("
                    + ListenerRules.QUOTAS_PAGE + "): put the service on another load balancer");
        } else if (holder.isEmpty() && rules == (int) Math.ceil(rulesQuota * ListenerRules.WARN_AT)) {
            EngineLog.warn(this, owner, rules + " of its " + rulesQuota + " listener rules are used (\"Rules per "
                    + "Application Load Balancer\", " + ListenerRules.QUOTAS_PAGE + "); raise the quota or plan another load "
                    + "balancer before AWS refuses the next service");
        }
    }

    /** The VPC's CIDR blocks, secondary ones too, looked up through this component's provider. */
    private Output<List<String>> vpcCidrBlocks(Output<String> vpcId) {
        var options = InvokeOptions.builder().parent(this).build();
        return vpcId.apply(id -> Ec2Functions.getVpc(GetVpcArgs.builder().id(id).build(), options))
                .applyValue(ApplicationLoadBalancer::cidrBlocks);
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

    /** @return the load balancer */
    public LoadBalancer loadBalancer() {
        return loadBalancer;
    }

    /** @return the load balancer's security group, the only source the tasks admit */
    public SecurityGroup securityGroup() {
        return securityGroup;
    }

    /** @return the access-logs bucket this component created; empty without access logs or with a given bucket */
    public Optional<AccessLogsBucket> accessLogsBucket() {
        return Optional.ofNullable(accessLogsBucket);
    }

    /** @return the association with the WAF web ACL; empty without one */
    public Optional<WebAclAssociation> webAclAssociation() {
        return Optional.ofNullable(webAclAssociation);
    }

    /** @return the default target group; empty for a shared load balancer */
    public Optional<TargetGroup> targetGroup() {
        return Optional.ofNullable(targetGroup);
    }

    /** @return the HTTP listener (it only redirects when there is an HTTPS one) */
    public Listener httpListener() {
        return httpListener;
    }

    /** @return the HTTPS listener; empty without a certificate */
    public Optional<Listener> httpsListener() {
        return Optional.ofNullable(httpsListener);
    }

    /** @return the listener that serves: HTTPS with a certificate, else HTTP; where listener rules go */
    public Listener listener() {
        return httpsListener != null ? httpsListener : httpListener;
    }

    /** @return the load balancer's ARN */
    public Output<String> arn() {
        return arn;
    }

    /** @return the load balancer's DNS name, for a Route 53 alias record */
    public Output<String> dnsName() {
        return dnsName;
    }

    /** @return the load balancer's canonical hosted zone id, for a Route 53 alias record */
    public Output<String> zoneId() {
        return zoneId;
    }

    /** @return the URL clients use: https:// with a certificate, else http:// (with the port unless 80) */
    public Output<String> url() {
        return url;
    }

    /** @return the serving listener's ARN */
    public Output<String> listenerArn() {
        return listenerArn;
    }

    /** @return the security group's id */
    public Output<String> securityGroupId() {
        return securityGroupId;
    }

    /** @return the targets' security group: every service behind this load balancer puts it on its tasks */
    public SecurityGroup targetsSecurityGroup() {
        return targetsSecurityGroup;
    }

    /** @return the load balancer's one egress rule, to its targets' security group */
    public SecurityGroupEgressRule targetsEgress() {
        return targetsEgress;
    }

    /**
     * @return the targets' security group's id, resolving once the load balancer may send to it; for a service that
     *     joins this load balancer from another stack, export it with {@link #listenerArn()} and
     *     {@link #securityGroupId()}
     */
    public Output<String> targetsSecurityGroupId() {
        return targetsSecurityGroupId;
    }

    /** @return the default target group's ARN, resolving once a listener forwards to it; empty without one */
    public Optional<Output<String>> targetGroupArn() {
        // ECS refuses a target group that no listener uses yet: the ARN waits for the listeners.
        return targetGroup().map(tg -> Output.tuple(tg.arn(), listener().arn(), httpListener.arn())
                .applyValue(t -> t.t1));
    }
}
