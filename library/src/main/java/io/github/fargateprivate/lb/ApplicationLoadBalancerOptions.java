package io.github.fargateprivate.lb;

import com.pulumi.core.Output;
import io.github.fargateprivate.AwsEnvironment;
import io.github.fargateprivate.Options;
import io.github.fargateprivate.OptionsStyle;
import io.github.fargateprivate.Problems;
import io.github.fargateprivate.Rules;
import io.github.fargateprivate.Value;
import io.github.fargateprivate.arn.Arn;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a user sets on an {@link ApplicationLoadBalancer}: listeners, TLS, who is admitted, logging and protection.
 * The network and the default target group are wiring ({@link ApplicationLoadBalancerArgs}), which a load-balanced
 * service sets from its own. Immutable; build with {@link #builder()}.
 *
 * <p>An interface, not an abstract class: Java lets {@link ApplicationLoadBalancerArgs} declare its own static
 * {@code builder()} only when it does not hide this one (JLS 8.4.8.3), and an interface's static methods are not
 * inherited.
 */
@org.immutables.value.Value.Immutable
@OptionsStyle
public interface ApplicationLoadBalancerOptions extends Options<ApplicationLoadBalancerOptions> {

    /**
     * AWS's default quota of listener rules per load balancer, not counting the default rules ("Quotas for your
     * Application Load Balancers", https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-limits.html).
     */
    int DEFAULT_RULES_QUOTA = 100;
    /** Default of {@link #sslPolicy()}: TLS 1.3 only (Security Hub ELB.17). */
    String DEFAULT_SSL_POLICY = "ELBSecurityPolicy-TLS13-1-3-2021-06";
    /** Port of the HTTPS listener that a certificate adds. */
    int HTTPS_PORT = 443;

    /** @return port of the HTTP listener. Default: 80 */
    @org.immutables.value.Value.Default
    default int listenerPort() {
        return 80;
    }

    /**
     * @return ACM certificate of the stack's account and region for an HTTPS listener on 443; with it the HTTP
     *     listener only redirects to HTTPS (301, Security Hub ELB.1). Default: none, HTTP only
     */
    Optional<Value<String>> certificateArn();

    /** @return TLS policy of the HTTPS listener. Default: {@value #DEFAULT_SSL_POLICY} */
    @org.immutables.value.Value.Default
    default String sslPolicy() {
        return DEFAULT_SSL_POLICY;
    }

    /**
     * @return whether the load balancer is internal: private IPs only, reachable from the VPC and what is routed to
     *     it. Default: false, internet-facing
     */
    @org.immutables.value.Value.Default
    default boolean internalLoadBalancer() {
        return false;
    }

    /**
     * @return IPv4 CIDR blocks the listeners admit. Default: {@code 0.0.0.0/0} for an internet-facing load balancer,
     *     the VPC's CIDR blocks for an internal one
     */
    Optional<Value<List<String>>> allowedCidrBlocks();

    /**
     * @return whether the load balancer is protected from deletion (ELB.6). Default: false, so that dev stacks can be
     *     destroyed
     */
    @org.immutables.value.Value.Default
    default boolean deletionProtection() {
        return false;
    }

    /** @return S3 bucket for access logs (ELB.5); its policy must let ELB write. Default: none */
    Optional<Value<String>> accessLogsBucket();

    /**
     * @return whether the load balancer logs its requests (Security Hub ELB.5): into {@link #accessLogsBucket()}, or
     *     without one into a bucket this component creates ({@code s3.AccessLogsBucket}: encrypted, private, TLS only,
     *     expiring, writable by ELB's log delivery only). Default: false, unless a bucket is given
     */
    @org.immutables.value.Value.Default
    default boolean accessLogs() {
        return accessLogsBucket().isPresent();
    }

    /**
     * @return a regional AWS WAF web ACL of the stack's account and region that filters the load balancer's requests
     *     ({@code arn:aws:wafv2:REGION:ACCOUNT:regional/webacl/NAME/ID}). Default: none
     */
    Optional<Value<String>> webAclArn();

    /**
     * @return the account's quota of listener rules per load balancer, when raised in Service Quotas ("Rules per
     *     Application Load Balancer", excluding default rules): services that join this load balancer are counted
     *     against it. Default: {@value #DEFAULT_RULES_QUOTA}, AWS's default
     */
    @org.immutables.value.Value.Default
    default int rulesQuota() {
        return DEFAULT_RULES_QUOTA;
    }

    /** @return tags of every taggable child. Default: none */
    Map<String, String> tags();

    /** @return how many ports the listeners take: HTTP, and HTTPS with a certificate */
    default int listenerPorts() {
        return certificateArn().isPresent() ? 2 : 1;
    }

    /**
     * Checks the options; the rules that need the stack's account and region are
     * {@link #checkAccountAndRegion(Problems, AwsEnvironment)}'s.
     *
     * @param problems where problems go
     * @return these options, each value of another resource carrying its check
     */
    @Override
    default ApplicationLoadBalancerOptions validate(Problems problems) {
        problems.add("listenerPort", Rules.port(listenerPort()));
        problems.add("tags", Rules.tags(tags()));
        problems.add("rulesQuota", Rules.between(rulesQuota(), DEFAULT_RULES_QUOTA, 10_000).map(p -> p + ": AWS's "
                + "default is " + DEFAULT_RULES_QUOTA + ", and a raised quota is higher"));
        if (!accessLogs() && accessLogsBucket().isPresent()) {
            problems.add("accessLogs", "false, but accessLogsBucket is given; drop one of them");
        }
        if (!sslPolicy().startsWith("ELBSecurityPolicy-")) {
            problems.add("sslPolicy", "'" + sslPolicy() + "' is not an ELB security policy (ELBSecurityPolicy-...)");
        }
        if (certificateArn().isPresent() && listenerPort() == HTTPS_PORT) {
            problems.add("listenerPort", HTTPS_PORT + " is taken by the HTTPS listener that certificateArn adds; "
                    + "keep the HTTP listener on 80", "80");
        }
        var checked = builder().from(this);
        certificateArn().ifPresent(c -> checked.certificateArn(problems.checked("certificateArn", c,
                Arn::certificateArnProblem)));
        allowedCidrBlocks().ifPresent(c -> checked.allowedCidrBlocks(problems.checkedAll(c, this::checkCidrs)));
        accessLogsBucket().ifPresent(b -> checked.accessLogsBucket(problems.checked("accessLogsBucket", b,
                Rules::bucketName)));
        webAclArn().ifPresent(a -> checked.webAclArn(problems.checked("webAclArn", a,
                ApplicationLoadBalancerOptions::webAclProblem)));
        return checked.build();
    }

    /**
     * Checks the rules that need the stack's account and region: a load balancer takes certificates and web ACLs of
     * its own account and region only. Values that {@link #validate(Problems)} refuses are left to it.
     *
     * @param problems where problems go
     * @param env      the stack's account and region
     * @return these options, the certificate and web ACL of another resource carrying the check
     */
    default ApplicationLoadBalancerOptions checkAccountAndRegion(Problems problems, AwsEnvironment env) {
        var checked = builder().from(this);
        certificateArn().ifPresent(c -> checked.certificateArn(problems.checked("certificateArn", c,
                arn -> certificateAccountProblem(arn, env))));
        webAclArn().ifPresent(a -> checked.webAclArn(problems.checked("webAclArn", a,
                arn -> webAclAccountProblem(arn, env))));
        return checked.build();
    }

    private static Optional<String> webAclProblem(String arn) {
        // The pattern admits any partition that starts with "aws"; one that Arn does not know is refused here too.
        return webAcl(arn).isPresent() ? Optional.empty() : Optional.of("'" + arn + "' is not a regional WAF web ACL "
                + "ARN (arn:aws:wafv2:REGION:ACCOUNT:regional/webacl/NAME/ID; a CloudFront one is global)");
    }

    private static Optional<Arn> webAcl(String arn) {
        return Arn.parse(arn).filter(a -> Pattern.matches(
                "arn:aws[a-z-]*:wafv2:[a-z0-9-]+:\\d{12}:regional/webacl/[A-Za-z0-9_-]{1,128}/[a-f0-9-]{36}", arn));
    }

    private static Optional<String> webAclAccountProblem(String arn, AwsEnvironment env) {
        return webAcl(arn).filter(a -> !a.region().equals(env.region()) || !a.account().equals(env.accountId()))
                .map(a -> "the web ACL is in " + a.region() + " of account " + a.account() + ", but a load balancer "
                        + "takes only web ACLs of its own account and region (" + env.region() + ", "
                        + env.accountId() + ")");
    }

    private static Optional<String> certificateAccountProblem(String certificate, AwsEnvironment env) {
        if (Arn.certificateArnProblem(certificate).isPresent()) {
            return Optional.empty();
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
    private void checkCidrs(Problems p, List<String> blocks) {
        if (blocks.isEmpty()) {
            p.add("allowedCidrBlocks", "empty, so the listeners would admit nobody; leave it unset for the default");
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
                    + Rules.SECURITY_GROUP_RULES + " (" + Rules.SECURITY_GROUP_RULES_QUOTA_NAME + "): merge blocks into "
                    + "fewer, larger ones, or raise the quota in Service Quotas");
        }
    }

    /** @return a new builder */
    static Builder builder() {
        return new Builder();
    }

    /**
     * The overloads of the options another resource may produce, shared by this type's builder and
     * {@link ApplicationLoadBalancerArgs}'s.
     *
     * @param <B> the builder
     */
    interface Setters<B> {

        /**
         * @param certificateArn an ACM certificate ARN
         * @return this builder
         */
        B certificateArn(Value<String> certificateArn);

        /**
         * @param cidrBlocks IPv4 CIDR blocks the listeners admit
         * @return this builder
         */
        B allowedCidrBlocks(Value<List<String>> cidrBlocks);

        /**
         * @param bucket the access-log bucket
         * @return this builder
         */
        B accessLogsBucket(Value<String> bucket);

        /**
         * @param webAclArn a regional WAF web ACL's ARN
         * @return this builder
         */
        B webAclArn(Value<String> webAclArn);

        /**
         * @param certificateArn an ACM certificate ARN
         * @return this builder
         */
        default B certificateArn(String certificateArn) {
            return certificateArn(Value.of(certificateArn));
        }

        /**
         * @param certificateArn an ACM certificate ARN, e.g. {@code aws.acm.CertificateValidation#certificateArn()}
         * @return this builder
         */
        default B certificateArn(Output<String> certificateArn) {
            return certificateArn(Value.of(certificateArn));
        }

        /**
         * @param cidrBlocks IPv4 CIDR blocks the listeners admit
         * @return this builder
         */
        default B allowedCidrBlocks(List<String> cidrBlocks) {
            return allowedCidrBlocks(Value.of(List.copyOf(cidrBlocks)));
        }

        /**
         * @param cidrBlocks IPv4 CIDR blocks the listeners admit, e.g. from a stack reference
         * @return this builder
         */
        default B allowedCidrBlocks(Output<List<String>> cidrBlocks) {
            return allowedCidrBlocks(Value.of(cidrBlocks));
        }

        /**
         * @param bucket the access-log bucket
         * @return this builder
         */
        default B accessLogsBucket(String bucket) {
            return accessLogsBucket(Value.of(bucket));
        }

        /**
         * @param bucket the access-log bucket, e.g. {@code aws.s3.BucketV2#bucket()}
         * @return this builder
         */
        default B accessLogsBucket(Output<String> bucket) {
            return accessLogsBucket(Value.of(bucket));
        }

        /**
         * @param webAclArn a regional WAF web ACL's ARN
         * @return this builder
         */
        default B webAclArn(String webAclArn) {
            return webAclArn(Value.of(webAclArn));
        }

        /**
         * @param webAclArn a regional WAF web ACL's ARN, e.g. {@code aws.wafv2.WebAcl#arn()}
         * @return this builder
         */
        default B webAclArn(Output<String> webAclArn) {
            return webAclArn(Value.of(webAclArn));
        }
    }

    /** Builder of {@link ApplicationLoadBalancerOptions}. */
    final class Builder extends ImmutableApplicationLoadBalancerOptions.Builder implements Setters<Builder> {
        Builder() {
        }
    }
}
