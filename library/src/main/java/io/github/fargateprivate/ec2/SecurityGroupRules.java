package io.github.fargateprivate.ec2;

import io.github.fargateprivate.PerRun;

import java.util.HashMap;
import java.util.Map;

/**
 * The outbound rules this program adds to security groups as separate resources, by group: a load balancer's rule to
 * its targets, and the rule each service adds to a load balancer known only by its group. Counted together against
 * AWS's quota of 60 per group ({@link io.github.fargateprivate.Rules#SECURITY_GROUP_RULES}), whichever adds first.
 * Rules another program adds to the same group are not seen.
 */
public final class SecurityGroupRules {

    private static final Object KIND = new Object();

    private SecurityGroupRules() {
    }

    /**
     * @param groupId a security group's id
     * @return how many outbound rules this program adds to it, this one included
     */
    public static int addOutbound(String groupId) {
        Map<String, Integer> byGroup = PerRun.get(KIND, HashMap::new);
        synchronized (byGroup) {
            return byGroup.merge(groupId, 1, Integer::sum);
        }
    }
}
