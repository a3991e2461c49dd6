package io.github.fargateprivate.lb;

import io.github.fargateprivate.PerRun;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The listener rules this program places on each load balancer, so that what AWS refuses in the middle of
 * {@code pulumi up} is refused before: a priority taken twice on one listener (CreateRule's {@code PriorityInUse}),
 * and more rules or target groups than a load balancer takes ("Quotas for your Application Load Balancers",
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-limits.html: 100 rules, not
 * counting the default ones, a quota that can be raised; 100 target groups, one that cannot).
 *
 * <p>A load balancer is known by its component when it is one of this program ({@link ApplicationLoadBalancer}), else
 * by its listener's ARN. Rules another program places on the same load balancer are not seen.
 */
final class ListenerRules {

    /** The page that states the load balancer quotas. */
    static final String QUOTAS_PAGE =
            "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-limits.html";
    /** "Target Groups per Application Load Balancer": 100, not adjustable. */
    static final int TARGET_GROUPS_QUOTA = 100;
    /** Where a warning starts: 80 % of a quota. */
    static final double WARN_AT = 0.8;

    private static final Object KIND = new Object();

    private ListenerRules() {
    }

    /**
     * Takes a priority on a load balancer's listener for a rule; the same owner may take it again (the composite
     * checks before its part does).
     *
     * @param loadBalancer the load balancer: its component, or its listener's ARN
     * @param owner        the rule's owner, e.g. {@code ListenerTarget 'orders-target'}
     * @param priority     the rule's priority
     * @return the owner that holds the priority already, if another does
     */
    static Optional<String> claim(Object loadBalancer, String owner, int priority) {
        synchronized (KIND) {
            Map<Integer, String> taken = claims(loadBalancer);
            String holder = taken.get(priority);
            if (holder != null && !holder.equals(owner)) {
                return Optional.of(holder);
            }
            // One rule per owner: a priority changed between the composite's check and its part's moves the claim.
            taken.values().removeIf(owner::equals);
            taken.put(priority, owner);
            return Optional.empty();
        }
    }

    /**
     * @param loadBalancer the load balancer: its component, or its listener's ARN
     * @return how many rules this program places on it
     */
    static int count(Object loadBalancer) {
        synchronized (KIND) {
            return claims(loadBalancer).size();
        }
    }

    /**
     * @param loadBalancer the load balancer: its component, or its listener's ARN
     * @param owner        a rule's owner
     * @return whether that owner has a rule on it
     */
    static boolean holds(Object loadBalancer, String owner) {
        synchronized (KIND) {
            return claims(loadBalancer).containsValue(owner);
        }
    }

    /** Per load balancer, priority to the rule's owner, for this program run. */
    private static Map<Integer, String> claims(Object loadBalancer) {
        Map<Object, Map<Integer, String>> byLoadBalancer = PerRun.get(KIND, HashMap::new);
        return byLoadBalancer.computeIfAbsent(loadBalancer, l -> new TreeMap<>());
    }
}
