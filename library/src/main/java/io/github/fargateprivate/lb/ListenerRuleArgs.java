package io.github.fargateprivate.lb;

import com.pulumi.core.Output;
import com.pulumi.resources.ResourceArgs;
import io.github.fargateprivate.Problems;
import io.github.fargateprivate.Rules;
import io.github.fargateprivate.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A place on a shared load balancer: the listener, the load balancer's security group (which the tasks then admit)
 * and the rule's conditions and priority. Immutable; build with {@link #builder()}.
 */
public final class ListenerRuleArgs extends ResourceArgs {

    private static final Pattern LISTENER_ARN = Pattern.compile(
            "arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\\d{12}:listener/app/[A-Za-z0-9-]+/[0-9a-f]+/[0-9a-f]+");
    private static final Pattern SECURITY_GROUP_ID = Pattern.compile("sg-[0-9a-f]{8,17}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9*?.-]{1,128}");
    /** ELB's limit of condition values per rule. */
    private static final int MAX_CONDITION_VALUES = 5;

    /** The listener the rule joins (the shared load balancer's serving listener). Required. */
    private Value<String> listenerArn;

    /** The load balancer's security group: the tasks admit it, and it gets an egress rule to them. Required. */
    private Value<String> loadBalancerSecurityGroupId;

    /** Host names the rule matches, e.g. {@code api.example.com} ({@code *} and {@code ?} allowed). Default: any host. */
    private final List<String> hostHeaders = new ArrayList<>();

    /** Paths the rule matches, e.g. {@code /api/*}. Default: any path. At least one host or path is required. */
    private final List<String> pathPatterns = new ArrayList<>();

    /** The rule's priority on the listener, 1-50000, lowest first; unique per listener. Required. */
    private Integer priority;

    private ListenerRuleArgs() {
    }

    /** @return the listener */
    public Value<String> listenerArn() {
        return listenerArn;
    }

    /** @return the load balancer's security group */
    public Value<String> loadBalancerSecurityGroupId() {
        return loadBalancerSecurityGroupId;
    }

    /** @return the host names matched */
    public List<String> hostHeaders() {
        return List.copyOf(hostHeaders);
    }

    /** @return the paths matched */
    public List<String> pathPatterns() {
        return List.copyOf(pathPatterns);
    }

    /** @return the priority */
    public Integer priority() {
        return priority;
    }

    /**
     * The args' values, checked.
     *
     * @param listenerArn                 the listener
     * @param loadBalancerSecurityGroupId the load balancer's security group
     */
    public record Checked(Output<String> listenerArn, Output<String> loadBalancerSecurityGroupId) {
    }

    /**
     * Checks the args.
     *
     * @param problems where problems go
     * @return the checked values; null when a required one is missing
     */
    public Checked validate(Problems problems) {
        if (priority == null) {
            problems.add("priority", "required: 1-50000, unique on the listener");
        } else {
            problems.add("priority", Rules.between(priority, 1, 50000));
        }
        if (hostHeaders.isEmpty() && pathPatterns.isEmpty()) {
            problems.add("hostHeaders", "give a host header or a path pattern (or both): a rule without conditions "
                    + "would take every request from the services after it");
        }
        if (hostHeaders.size() + pathPatterns.size() > MAX_CONDITION_VALUES) {
            problems.add("pathPatterns", "a rule matches at most " + MAX_CONDITION_VALUES + " hosts and paths in all, "
                    + "got " + (hostHeaders.size() + pathPatterns.size()));
        }
        hostHeaders.stream().filter(h -> !HOST.matcher(h).matches()).forEach(h -> problems.add("hostHeaders",
                "'" + h + "' is not a host name (letters, digits, '-', '.', '*', '?'; at most 128)"));
        pathPatterns.stream().filter(p -> !p.startsWith("/") || p.length() > 128 || p.contains(" ")).forEach(p ->
                problems.add("pathPatterns", "'" + p + "' is not a path pattern (starts with '/', at most 128, "
                        + "no spaces)"));
        if (listenerArn == null) {
            problems.add("listenerArn", "required: the shared load balancer's listener (ApplicationLoadBalancer#listener())");
        }
        if (loadBalancerSecurityGroupId == null) {
            problems.add("loadBalancerSecurityGroupId", "required: the shared load balancer's security group");
        }
        if (listenerArn == null || loadBalancerSecurityGroupId == null) {
            return null;
        }
        return new Checked(
                problems.check("listenerArn", listenerArn, a -> LISTENER_ARN.matcher(a).matches() ? Optional.empty()
                        : Optional.of("'" + a + "' is not an Application Load Balancer listener ARN")),
                problems.check("loadBalancerSecurityGroupId", loadBalancerSecurityGroupId, id ->
                        SECURITY_GROUP_ID.matcher(id).matches() ? Optional.empty()
                                : Optional.of("'" + id + "' is not a security group id (sg-...)")));
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link ListenerRuleArgs}. */
    public static final class Builder {
        private ListenerRuleArgs args = new ListenerRuleArgs();

        private Builder() {
        }

        private ListenerRuleArgs args() {
            if (args == null) {
                throw new IllegalStateException("ListenerRuleArgs.Builder: build() was called already; start a new builder");
            }
            return args;
        }

        /**
         * Joins the serving listener of a load balancer of this library, and admits its security group.
         *
         * @param loadBalancer the shared load balancer
         * @return this builder
         */
        public Builder loadBalancer(ApplicationLoadBalancer loadBalancer) {
            args().listenerArn = Value.of(loadBalancer.listenerArn());
            args().loadBalancerSecurityGroupId = Value.of(loadBalancer.securityGroupId());
            return this;
        }

        /**
         * @param listenerArn the listener, e.g. from a stack reference
         * @return this builder
         */
        public Builder listenerArn(Output<String> listenerArn) {
            args().listenerArn = Value.of(listenerArn);
            return this;
        }

        /**
         * @param listenerArn the listener
         * @return this builder
         */
        public Builder listenerArn(String listenerArn) {
            args().listenerArn = Value.of(listenerArn);
            return this;
        }

        /**
         * @param securityGroupId the load balancer's security group, e.g. from a stack reference
         * @return this builder
         */
        public Builder loadBalancerSecurityGroupId(Output<String> securityGroupId) {
            args().loadBalancerSecurityGroupId = Value.of(securityGroupId);
            return this;
        }

        /**
         * @param securityGroupId the load balancer's security group
         * @return this builder
         */
        public Builder loadBalancerSecurityGroupId(String securityGroupId) {
            args().loadBalancerSecurityGroupId = Value.of(securityGroupId);
            return this;
        }

        /**
         * @param host one more host name matched
         * @return this builder
         */
        public Builder hostHeader(String host) {
            args().hostHeaders.add(host);
            return this;
        }

        /**
         * @param path one more path matched
         * @return this builder
         */
        public Builder pathPattern(String path) {
            args().pathPatterns.add(path);
            return this;
        }

        /**
         * @param priority the rule's priority
         * @return this builder
         */
        public Builder priority(int priority) {
            args().priority = priority;
            return this;
        }

        /** @return the immutable args */
        public ListenerRuleArgs build() {
            ListenerRuleArgs built = args();
            args = null;
            return built;
        }
    }
}
