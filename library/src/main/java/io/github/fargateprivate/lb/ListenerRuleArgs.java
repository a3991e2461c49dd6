package io.github.fargateprivate.lb;

import com.pulumi.core.Output;
import io.github.fargateprivate.Options;
import io.github.fargateprivate.OptionsStyle;
import io.github.fargateprivate.Problems;
import io.github.fargateprivate.Rules;
import io.github.fargateprivate.Value;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A place on a shared load balancer: the listener, the load balancer's security groups (the tasks admit its own, and
 * carry its targets' group) and the rule's conditions and priority. Immutable; build with {@link #builder()}.
 *
 * <p>The conditions follow ELB's rules ("Condition types for listener rules", ELB user guide for Application Load
 * Balancers, https://docs.aws.amazon.com/elasticloadbalancing/latest/application/rule-condition-types.html): a host
 * name of at most 128 letters, digits, {@code -}, {@code _} (allowed since the console's "Add a listener rule" page,
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/add-rule.html), {@code .} and the wildcards
 * {@code *} and {@code ?}, with at least one {@code .} and only letters after the last; a path pattern of at most 128
 * of {@code A-Z a-z 0-9 _ - . $ / ~ " ' @ : + &} and the wildcards; at most three values per condition, five in all
 * ("Condition values per rule") and five wildcards per rule ("Quotas for your Application Load Balancers",
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-limits.html).
 */
@org.immutables.value.Value.Immutable
@OptionsStyle
public abstract class ListenerRuleArgs implements Options<ListenerRuleArgs> {

    private static final Pattern LISTENER_ARN = Pattern.compile(
            "arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\\d{12}:listener/app/[A-Za-z0-9-]+/[0-9a-f]+/[0-9a-f]+");
    private static final Pattern ELB_ARN = Pattern.compile(
            "arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\\d{12}:(loadbalancer|targetgroup|listener-rule)/.*");
    private static final Pattern SECURITY_GROUP_ID = Pattern.compile("sg-[0-9a-f]{8,17}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9_*?.-]+");
    private static final Pattern HOST_TOP_LABEL = Pattern.compile(".*\\.[A-Za-z]+");
    private static final Pattern PATH = Pattern.compile("[A-Za-z0-9_.$/~\"'@:+&*?-]+");
    /** ELB's longest host name or path pattern. */
    private static final int MAX_CONDITION_LENGTH = 128;
    /** ELB's limit of values per condition ("up to three match evaluations per condition"). */
    private static final int MAX_VALUES_PER_CONDITION = 3;
    /** ELB's limit of condition values per rule. */
    private static final int MAX_CONDITION_VALUES = 5;
    /** ELB's limit of wildcards per rule. */
    private static final int MAX_WILDCARDS = 5;

    /**
     * @return the listener the rule joins: the shared load balancer's serving listener. Required, unless
     *     {@link #loadBalancer()} is given
     */
    public abstract Optional<Value<String>> listenerArn();

    /** @return the load balancer's security group: the tasks admit it. Required, unless {@link #loadBalancer()} is given */
    public abstract Optional<Value<String>> loadBalancerSecurityGroupId();

    /**
     * @return the load balancer's targets' security group ({@link ApplicationLoadBalancer#targetsSecurityGroupId()}),
     *     the only destination its own group sends to: the tasks carry it, and the load balancer's group needs no rule
     *     per service. Default: the load balancer's, with {@link #loadBalancer()}; else none, and each service adds an
     *     egress rule to the load balancer's group, which counts against its quota of 60 and which the owner of that
     *     group must not manage inline
     */
    public abstract Optional<Value<String>> targetsSecurityGroupId();

    /**
     * @return the shared load balancer, when it is a component of this program: its serving listener, its security
     *     group and its targets' group, where those are not given. Default: none
     */
    @org.immutables.value.Value.Auxiliary
    public abstract Optional<ApplicationLoadBalancer> loadBalancer();

    /** @return host names the rule matches, e.g. {@code api.example.com} ({@code *} and {@code ?} allowed). Default: any host */
    public abstract List<String> hostHeaders();

    /**
     * @return paths the rule matches, e.g. {@code /api/*}. Default: any path. At least one host or path is required
     */
    public abstract List<String> pathPatterns();

    /** @return the rule's priority on the listener, 1-50000, lowest first; unique per listener. Required */
    public abstract Optional<Integer> priority();

    /**
     * @return these args with the load balancer's listener and groups where they are not given
     */
    @org.immutables.value.Value.Check
    protected ListenerRuleArgs withTheLoadBalancers() {
        if (loadBalancer().isEmpty() || listenerArn().isPresent() && loadBalancerSecurityGroupId().isPresent()
                && targetsSecurityGroupId().isPresent()) {
            return this;
        }
        ApplicationLoadBalancer lb = loadBalancer().get();
        return builder().from(this)
                .listenerArn(listenerArn().orElse(Value.of(lb.listenerArn())))
                .loadBalancerSecurityGroupId(loadBalancerSecurityGroupId().orElse(Value.of(lb.securityGroupId())))
                .targetsSecurityGroupId(targetsSecurityGroupId().orElse(Value.of(lb.targetsSecurityGroupId())))
                .build();
    }

    /**
     * Checks the args.
     *
     * @param problems where problems go
     * @return these args, each value of another resource carrying its check
     */
    @Override
    public ListenerRuleArgs validate(Problems problems) {
        priority().ifPresentOrElse(p -> problems.add("priority", Rules.between(p, 1, 50000)),
                () -> problems.add("priority", "required: 1-50000, unique on the listener"));
        checkConditions(problems);
        if (listenerArn().isEmpty()) {
            problems.add("listenerArn", "required: the shared load balancer's listener (ApplicationLoadBalancer#listener())");
        }
        if (loadBalancerSecurityGroupId().isEmpty()) {
            problems.add("loadBalancerSecurityGroupId", "required: the shared load balancer's security group");
        }
        var checked = builder().from(this);
        listenerArn().ifPresent(a -> checked.listenerArn(problems.checked("listenerArn", a,
                ListenerRuleArgs::listenerArnProblem)));
        loadBalancerSecurityGroupId().ifPresent(g -> checked.loadBalancerSecurityGroupId(problems.checked(
                "loadBalancerSecurityGroupId", g, ListenerRuleArgs::securityGroupProblem)));
        targetsSecurityGroupId().ifPresent(g -> checked.targetsSecurityGroupId(problems.checked(
                "targetsSecurityGroupId", g, ListenerRuleArgs::securityGroupProblem)));
        return checked.build();
    }

    private void checkConditions(Problems problems) {
        List<String> hostHeaders = hostHeaders();
        List<String> pathPatterns = pathPatterns();
        if (hostHeaders.isEmpty() && pathPatterns.isEmpty()) {
            problems.add("hostHeaders", "give a host header or a path pattern (or both): a rule without conditions "
                    + "would take every request from the services after it");
        }
        if (hostHeaders.size() + pathPatterns.size() > MAX_CONDITION_VALUES) {
            problems.add("pathPatterns", "a rule matches at most " + MAX_CONDITION_VALUES + " hosts and paths in all, "
                    + "got " + (hostHeaders.size() + pathPatterns.size()));
        }
        for (var values : List.of(Map.entry("hostHeaders", hostHeaders), Map.entry("pathPatterns", pathPatterns))) {
            if (values.getValue().size() > MAX_VALUES_PER_CONDITION) {
                problems.add(values.getKey(), values.getValue().size() + " values, but ELB takes at most "
                        + MAX_VALUES_PER_CONDITION + " per condition; split them over two rules");
            }
        }
        hostHeaders.forEach(h -> problems.add("hostHeaders", hostProblem(h)));
        pathPatterns.forEach(p -> problems.add("pathPatterns", pathProblem(p)));
        long wildcards = java.util.stream.Stream.concat(hostHeaders.stream(), pathPatterns.stream())
                .flatMapToInt(String::chars).filter(c -> c == '*' || c == '?').count();
        if (wildcards > MAX_WILDCARDS) {
            problems.add("pathPatterns", wildcards + " wildcards (* and ?) in the hosts and paths, but ELB takes at "
                    + "most " + MAX_WILDCARDS + " per rule");
        }
    }

    /**
     * @param host a host header condition value
     * @return a problem unless ELB takes it
     */
    static Optional<String> hostProblem(String host) {
        if (host.length() > MAX_CONDITION_LENGTH || !HOST.matcher(host).matches()) {
            return Optional.of("'" + host + "' is not a host name ELB matches: at most " + MAX_CONDITION_LENGTH
                    + " letters, digits, '-', '_', '.', '*' and '?'");
        }
        if (!HOST_TOP_LABEL.matcher(host).matches()) {
            return Optional.of("'" + host + "' needs at least one '.' and only letters after the last one (ELB's "
                    + "rule), e.g. api.example.com or *.example.com");
        }
        return Optional.empty();
    }

    /**
     * @param path a path pattern condition value
     * @return a problem unless ELB takes it
     */
    static Optional<String> pathProblem(String path) {
        if (path.length() > MAX_CONDITION_LENGTH || !PATH.matcher(path).matches()) {
            return Optional.of("'" + path + "' is not a path pattern ELB matches: at most " + MAX_CONDITION_LENGTH
                    + " letters, digits, _ - . $ / ~ \" ' @ : + & and the wildcards * and ?, no spaces");
        }
        if (!path.startsWith("/") && !path.startsWith("*")) {
            return Optional.of("'" + path + "' never matches: a request's path starts with '/', e.g. /api/*");
        }
        return Optional.empty();
    }

    private static Optional<String> listenerArnProblem(String arn) {
        if (LISTENER_ARN.matcher(arn).matches()) {
            return Optional.empty();
        }
        var other = ELB_ARN.matcher(arn);
        String given = other.matches() ? "the ARN of a " + other.group(1).replace("loadbalancer", "load balancer")
                .replace("targetgroup", "target group").replace("listener-rule", "listener rule") + ", not of a "
                + "listener" : "'" + arn + "' is not an Application Load Balancer listener ARN";
        return Optional.of(given + "; give the serving listener's ARN, arn:aws:elasticloadbalancing:REGION:ACCOUNT:"
                + "listener/app/NAME/LB_ID/LISTENER_ID: ApplicationLoadBalancer#listenerArn() of this library, or "
                + "aws elbv2 describe-listeners --load-balancer-arn LB_ARN --query 'Listeners[].ListenerArn'");
    }

    private static Optional<String> securityGroupProblem(String id) {
        return SECURITY_GROUP_ID.matcher(id).matches() ? Optional.empty()
                : Optional.of("'" + id + "' is not a security group id (sg-...)");
    }

    /** @return a builder holding these args, to change some of them */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link ListenerRuleArgs}. */
    public static final class Builder extends ImmutableListenerRuleArgs.Builder {
        Builder() {
        }

        /**
         * @param listenerArn the listener, e.g. from a stack reference
         * @return this builder
         */
        public Builder listenerArn(Output<String> listenerArn) {
            return listenerArn(Value.of(listenerArn));
        }

        /**
         * @param listenerArn the listener
         * @return this builder
         */
        public Builder listenerArn(String listenerArn) {
            return listenerArn(Value.of(listenerArn));
        }

        /**
         * @param securityGroupId the load balancer's security group, e.g. from a stack reference
         * @return this builder
         */
        public Builder loadBalancerSecurityGroupId(Output<String> securityGroupId) {
            return loadBalancerSecurityGroupId(Value.of(securityGroupId));
        }

        /**
         * @param securityGroupId the load balancer's security group
         * @return this builder
         */
        public Builder loadBalancerSecurityGroupId(String securityGroupId) {
            return loadBalancerSecurityGroupId(Value.of(securityGroupId));
        }

        /**
         * @param securityGroupId the load balancer's targets' security group, e.g. from a stack reference to the stack
         *                        that owns the load balancer ({@link ApplicationLoadBalancer#targetsSecurityGroupId()})
         * @return this builder
         */
        public Builder targetsSecurityGroupId(Output<String> securityGroupId) {
            return targetsSecurityGroupId(Value.of(securityGroupId));
        }

        /**
         * @param securityGroupId the load balancer's targets' security group
         * @return this builder
         */
        public Builder targetsSecurityGroupId(String securityGroupId) {
            return targetsSecurityGroupId(Value.of(securityGroupId));
        }
    }
}
