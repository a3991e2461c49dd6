package io.github.fargateprivate.lb;

import com.pulumi.core.Output;
import com.pulumi.resources.ResourceArgs;
import io.github.fargateprivate.AwsEnvironment;
import io.github.fargateprivate.Problems;
import io.github.fargateprivate.Rules;
import io.github.fargateprivate.Value;
import io.github.fargateprivate.arn.Arn;
import io.github.fargateprivate.ec2.NetworkArgs;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Inputs of {@link ApplicationLoadBalancer}. Immutable; build with {@link #builder()}. */
public final class ApplicationLoadBalancerArgs extends ResourceArgs {

    /**
     * AWS's default quota of listener rules per load balancer, not counting the default rules ("Quotas for your
     * Application Load Balancers", https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-limits.html).
     */
    public static final int DEFAULT_RULES_QUOTA = 100;
    /** Default of {@link #sslPolicy()}: TLS 1.3 only (Security Hub ELB.17). */
    public static final String DEFAULT_SSL_POLICY = "ELBSecurityPolicy-TLS13-1-3-2021-06";
    private static final java.util.regex.Pattern WEB_ACL = java.util.regex.Pattern.compile(
            "arn:aws[a-z-]*:wafv2:[a-z0-9-]+:\\d{12}:regional/webacl/[A-Za-z0-9_-]{1,128}/[a-f0-9-]{36}");
    /** Port of the HTTPS listener that a certificate adds. */
    public static final int HTTPS_PORT = 443;

    /**
     * The VPC and the load balancer's subnets ({@link NetworkArgs#publicSubnetIds()}). Required here; the
     * load-balanced service sets its own network.
     */
    private NetworkArgs network;

    /** Port of the HTTP listener. Default: 80. */
    private Integer listenerPort;

    /**
     * ACM certificate of the stack's account and region for an HTTPS listener on 443; with it the HTTP listener only
     * redirects to HTTPS (301, Security Hub ELB.1). Default: none, HTTP only.
     */
    private Value<String> certificateArn;

    /** TLS policy of the HTTPS listener. Default: {@value #DEFAULT_SSL_POLICY}. */
    private String sslPolicy;

    /**
     * Whether the load balancer is internal: private IPs only, reachable from the VPC and what is routed to it.
     * Default: false, internet-facing.
     */
    private Boolean internalLoadBalancer;

    /**
     * IPv4 CIDR blocks the listeners admit. Default: {@code 0.0.0.0/0} for an internet-facing load balancer, the VPC's
     * CIDR blocks for an internal one.
     */
    private Value<List<String>> allowedCidrBlocks;

    /** Whether the load balancer is protected from deletion (ELB.6). Default: false, so that dev stacks can be destroyed. */
    private Boolean deletionProtection;

    /** S3 bucket for access logs (ELB.5); its policy must let ELB write. Default: none. */
    private Value<String> accessLogsBucket;

    /**
     * Whether the load balancer logs its requests (Security Hub ELB.5): into {@link #accessLogsBucket()}, or without
     * one into a bucket this component creates ({@code s3.AccessLogsBucket}: encrypted, private, TLS only, expiring,
     * writable by ELB's log delivery only). Default: false, unless a bucket is given.
     */
    private Boolean accessLogs;

    /**
     * A target group the listeners forward to by default, for a load balancer of one service. Default: none; the
     * listeners answer 404 to what no listener rule claims, for a load balancer that services share.
     */
    private TargetGroupArgs targetGroup;

    /**
     * A regional AWS WAF web ACL of the stack's account and region that filters the load balancer's requests
     * ({@code arn:aws:wafv2:REGION:ACCOUNT:regional/webacl/NAME/ID}). Default: none.
     */
    private Value<String> webAclArn;

    /**
     * The account's quota of listener rules per load balancer, when raised in Service Quotas ("Rules per Application
     * Load Balancer", excluding default rules): services that join this load balancer are counted against it.
     * Default: {@value #DEFAULT_RULES_QUOTA}, AWS's default.
     */
    private Integer rulesQuota;

    /** Tags of every taggable child. Default: none. */
    private Map<String, String> tags = Map.of();

    private ApplicationLoadBalancerArgs() {
    }

    /** @return the web ACL, if any */
    public Optional<Value<String>> webAclArn() {
        return Optional.ofNullable(webAclArn);
    }

    /** @return the network, if set */
    public Optional<NetworkArgs> network() {
        return Optional.ofNullable(network);
    }

    /** @return the HTTP listener's port */
    public int listenerPort() {
        return listenerPort == null ? 80 : listenerPort;
    }

    /** @return the HTTPS certificate, if any */
    public Optional<Value<String>> certificateArn() {
        return Optional.ofNullable(certificateArn);
    }

    /** @return the HTTPS listener's TLS policy */
    public String sslPolicy() {
        return sslPolicy == null ? DEFAULT_SSL_POLICY : sslPolicy;
    }

    /** @return whether the load balancer is internal */
    public boolean internalLoadBalancer() {
        return internalLoadBalancer != null && internalLoadBalancer;
    }

    /** @return the CIDR blocks the listeners admit, if set */
    public Optional<Value<List<String>>> allowedCidrBlocks() {
        return Optional.ofNullable(allowedCidrBlocks);
    }

    /** @return whether deletion protection is on */
    public boolean deletionProtection() {
        return deletionProtection != null && deletionProtection;
    }

    /** @return the access-log bucket, if any */
    public Optional<Value<String>> accessLogsBucket() {
        return Optional.ofNullable(accessLogsBucket);
    }

    /** @return whether the load balancer logs its requests */
    public boolean accessLogs() {
        return accessLogsBucket != null || (accessLogs != null && accessLogs);
    }

    /** @return the default target group, if any */
    public Optional<TargetGroupArgs> targetGroup() {
        return Optional.ofNullable(targetGroup);
    }

    /** @return the tags */
    public Map<String, String> tags() {
        return tags;
    }

    /** @return the quota of listener rules the services that join this load balancer are counted against */
    public int rulesQuota() {
        return rulesQuota == null ? DEFAULT_RULES_QUOTA : rulesQuota;
    }

    /**
     * The args' values, checked.
     *
     * @param network the network
     * @param options the load balancer's own options
     */
    public record Checked(NetworkArgs.Checked network, CheckedOptions options) {
    }

    /**
     * The options' values, checked.
     *
     * @param certificateArn    the certificate, or null
     * @param allowedCidrBlocks the admitted CIDRs, or null for the default
     * @param accessLogsBucket  the bucket, or null
     * @param webAclArn         the web ACL, or null
     */
    public record CheckedOptions(Output<String> certificateArn, Output<List<String>> allowedCidrBlocks,
                                 Output<String> accessLogsBucket, Output<String> webAclArn) {
    }

    /**
     * Checks the args.
     *
     * @param problems where problems go
     * @param env      the stack's account and region (a load balancer takes certificates of its own only)
     * @return the checked values; null when a required one is missing
     */
    public Checked validate(Problems problems, AwsEnvironment env) {
        CheckedOptions options = validateOptions(problems, env);
        if (targetGroup != null) {
            targetGroup.validate(problems.at("targetGroup"));
            if (targetGroup.port().isEmpty()) {
                problems.add("targetGroup.port", TargetGroupArgs.PORT_REQUIRED);
            }
        }
        if (network == null) {
            problems.add("network", "required: the VPC and the load balancer's subnets");
            return null;
        }
        NetworkArgs.Checked net = network.validate(problems.at("network"));
        return net == null ? null : new Checked(net, options);
    }

    /**
     * Checks the load balancer's own options: everything but the network and the target group, which a
     * load-balanced service sets.
     *
     * @param problems where problems go
     * @param env      the stack's account and region
     * @return the checked values
     */
    public CheckedOptions validateOptions(Problems problems, AwsEnvironment env) {
        problems.add("listenerPort", Rules.port(listenerPort()));
        problems.add("tags", Rules.tags(tags));
        if (rulesQuota != null) {
            problems.add("rulesQuota", Rules.between(rulesQuota, DEFAULT_RULES_QUOTA, 10_000).map(p -> p + ": AWS's "
                    + "default is " + DEFAULT_RULES_QUOTA + ", and a raised quota is higher"));
        }
        if (accessLogs != null && !accessLogs && accessLogsBucket != null) {
            problems.add("accessLogs", "false, but accessLogsBucket is given; drop one of them");
        }
        if (sslPolicy != null && !sslPolicy.startsWith("ELBSecurityPolicy-")) {
            problems.add("sslPolicy", "'" + sslPolicy + "' is not an ELB security policy (ELBSecurityPolicy-...)");
        }
        if (certificateArn != null && listenerPort() == HTTPS_PORT) {
            problems.add("listenerPort", HTTPS_PORT + " is taken by the HTTPS listener that certificateArn adds; "
                    + "keep the HTTP listener on 80", "80");
        }
        return new CheckedOptions(
                certificateArn == null ? null
                        : problems.check("certificateArn", certificateArn, c -> certificateProblem(c, env)),
                allowedCidrBlocks == null ? null : checkCidrs(problems),
                accessLogsBucket == null ? null
                        : problems.check("accessLogsBucket", accessLogsBucket, Rules::bucketName),
                webAclArn == null ? null : problems.check("webAclArn", webAclArn, a -> webAclProblem(a, env)));
    }

    private static Optional<String> webAclProblem(String arn, AwsEnvironment env) {
        // WEB_ACL admits any partition that starts with "aws"; one that Arn does not know is refused here too.
        Optional<Arn> webAcl = Arn.parse(arn).filter(a -> WEB_ACL.matcher(arn).matches());
        if (webAcl.isEmpty()) {
            return Optional.of("'" + arn + "' is not a regional WAF web ACL ARN "
                    + "(arn:aws:wafv2:REGION:ACCOUNT:regional/webacl/NAME/ID; a CloudFront one is global)");
        }
        Arn parsed = webAcl.get();
        return parsed.region().equals(env.region()) && parsed.account().equals(env.accountId()) ? Optional.empty()
                : Optional.of("the web ACL is in " + parsed.region() + " of account " + parsed.account() + ", but a "
                + "load balancer takes only web ACLs of its own account and region (" + env.region() + ", "
                + env.accountId() + ")");
    }

    private static Optional<String> certificateProblem(String certificate, AwsEnvironment env) {
        Optional<String> p = Arn.certificateArnProblem(certificate);
        if (p.isPresent()) {
            return p;
        }
        Arn arn = Arn.parse(certificate).orElseThrow();
        if (!arn.region().equals(env.region()) || !arn.account().equals(env.accountId())) {
            return Optional.of("the certificate is in " + arn.region() + " of account " + arn.account() + ", but a "
                    + "load balancer takes only certificates of its own account and region (" + env.region() + ", "
                    + env.accountId() + "); request or import it there");
        }
        return Optional.empty();
    }

    /**
     * Each block is checked under its own index, a bare IP offered as its /32; blocks of another resource in the
     * apply, with the same fields and suggestions.
     */
    private Output<List<String>> checkCidrs(Problems problems) {
        return problems.checkAll(allowedCidrBlocks, (p, blocks) -> {
            if (blocks.isEmpty()) {
                p.add("allowedCidrBlocks", "empty, so the listeners would admit nobody; leave it unset for the "
                        + "default");
            }
            for (int i = 0; i < blocks.size(); i++) {
                String block = blocks.get(i);
                int index = i;
                Rules.cidr(block).ifPresent(problem -> p.add("allowedCidrBlocks[" + index + "]", problem,
                        Rules.cidrSuggestion(block).orElse(null)));
            }
            int rules = blocks.size() * listenerPorts();
            if (rules > Rules.SECURITY_GROUP_RULES) {
                p.add("allowedCidrBlocks", blocks.size() + " blocks on " + listenerPorts() + " listener port(s) are "
                        + rules + " inbound rules of the load balancer's security group, but AWS allows "
                        + Rules.SECURITY_GROUP_RULES + " (" + Rules.SECURITY_GROUP_RULES_QUOTA_NAME + "): merge blocks into fewer, larger "
                        + "ones, or raise the quota in Service Quotas");
            }
        });
    }

    /** @return how many ports the listeners take: HTTP, and HTTPS with a certificate */
    int listenerPorts() {
        return certificateArn == null ? 1 : 2;
    }

    /** @return a builder holding these args, to change some of them */
    public Builder toBuilder() {
        var b = new Builder();
        var a = b.args;
        a.network = network;
        a.listenerPort = listenerPort;
        a.certificateArn = certificateArn;
        a.sslPolicy = sslPolicy;
        a.internalLoadBalancer = internalLoadBalancer;
        a.allowedCidrBlocks = allowedCidrBlocks;
        a.deletionProtection = deletionProtection;
        a.accessLogsBucket = accessLogsBucket;
        a.accessLogs = accessLogs;
        a.webAclArn = webAclArn;
        a.targetGroup = targetGroup;
        a.rulesQuota = rulesQuota;
        a.tags = tags;
        return b;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link ApplicationLoadBalancerArgs}. */
    public static final class Builder {
        private ApplicationLoadBalancerArgs args = new ApplicationLoadBalancerArgs();

        private Builder() {
        }

        private ApplicationLoadBalancerArgs args() {
            if (args == null) {
                throw new IllegalStateException("ApplicationLoadBalancerArgs.Builder: build() was called already; "
                        + "args are immutable, start a new builder");
            }
            return args;
        }

        /**
         * @param network the VPC and the load balancer's subnets
         * @return this builder
         */
        public Builder network(NetworkArgs network) {
            args().network = network;
            return this;
        }

        /**
         * @param port the HTTP listener's port
         * @return this builder
         */
        public Builder listenerPort(int port) {
            args().listenerPort = port;
            return this;
        }

        /**
         * @param certificateArn an ACM certificate ARN
         * @return this builder
         */
        public Builder certificateArn(String certificateArn) {
            args().certificateArn = Value.of(certificateArn);
            return this;
        }

        /**
         * @param certificateArn an ACM certificate ARN, e.g. {@code aws.acm.Certificate#arn()}
         * @return this builder
         */
        public Builder certificateArn(Output<String> certificateArn) {
            args().certificateArn = Value.of(certificateArn);
            return this;
        }

        /**
         * @param sslPolicy the HTTPS listener's TLS policy
         * @return this builder
         */
        public Builder sslPolicy(String sslPolicy) {
            args().sslPolicy = sslPolicy;
            return this;
        }

        /**
         * @param internal whether the load balancer is internal
         * @return this builder
         */
        public Builder internalLoadBalancer(boolean internal) {
            args().internalLoadBalancer = internal;
            return this;
        }

        /**
         * @param cidrBlocks IPv4 CIDR blocks the listeners admit
         * @return this builder
         */
        public Builder allowedCidrBlocks(List<String> cidrBlocks) {
            args().allowedCidrBlocks = Value.of(List.copyOf(cidrBlocks));
            return this;
        }

        /**
         * @param cidrBlocks IPv4 CIDR blocks the listeners admit, e.g. from a stack reference
         * @return this builder
         */
        public Builder allowedCidrBlocks(Output<List<String>> cidrBlocks) {
            args().allowedCidrBlocks = Value.of(cidrBlocks);
            return this;
        }

        /**
         * @param on whether to protect the load balancer from deletion
         * @return this builder
         */
        public Builder deletionProtection(boolean on) {
            args().deletionProtection = on;
            return this;
        }

        /**
         * @param bucket the access-log bucket
         * @return this builder
         */
        public Builder accessLogsBucket(String bucket) {
            args().accessLogsBucket = Value.of(bucket);
            return this;
        }

        /**
         * @param bucket the access-log bucket, e.g. {@code aws.s3.BucketV2#bucket()}
         * @return this builder
         */
        public Builder accessLogsBucket(Output<String> bucket) {
            args().accessLogsBucket = Value.of(bucket);
            return this;
        }

        /**
         * @param on whether the load balancer logs its requests (into a created bucket unless one is given)
         * @return this builder
         */
        public Builder accessLogs(boolean on) {
            args().accessLogs = on;
            return this;
        }

        /**
         * @param targetGroup the target group the listeners forward to by default
         * @return this builder
         */
        public Builder targetGroup(TargetGroupArgs targetGroup) {
            args().targetGroup = targetGroup;
            return this;
        }

        /**
         * @param webAclArn a regional WAF web ACL's ARN
         * @return this builder
         */
        public Builder webAclArn(String webAclArn) {
            args().webAclArn = Value.of(webAclArn);
            return this;
        }

        /**
         * @param webAclArn a regional WAF web ACL's ARN, e.g. {@code aws.wafv2.WebAcl#arn()}
         * @return this builder
         */
        public Builder webAclArn(Output<String> webAclArn) {
            args().webAclArn = Value.of(webAclArn);
            return this;
        }

        /**
         * @param quota the account's quota "Rules per Application Load Balancer", when raised in Service Quotas
         * @return this builder
         */
        public Builder rulesQuota(int quota) {
            args().rulesQuota = quota;
            return this;
        }

        /**
         * @param tags tags of every taggable child
         * @return this builder
         */
        public Builder tags(Map<String, String> tags) {
            args().tags = Map.copyOf(tags);
            return this;
        }

        /** @return the immutable args; missing fields are reported by the component, with every other problem */
        public ApplicationLoadBalancerArgs build() {
            ApplicationLoadBalancerArgs built = args();
            args = null;
            return built;
        }
    }
}
