package io.github.fargateprivate.lb;

import io.github.fargateprivate.ec2.NetworkArgs;
import io.github.fargateprivate.testing.OfflineMocks;
import io.github.fargateprivate.testing.OfflineRun;

import java.util.List;
import java.util.function.Consumer;

/** Programs with many targets on one load balancer, for the tests of its quotas and their warnings. */
public final class SharedLoadBalancers {

    /** The VPC of the load balancer and its targets. */
    public static final String VPC = "vpc-0123456789abcdef0";

    private SharedLoadBalancers() {
    }

    /**
     * @param count targets on one load balancer named {@code shared}, each on its own path and priority
     * @param lb    the load balancer's options beyond its network
     * @return the run
     */
    public static OfflineRun targets(int count, Consumer<ApplicationLoadBalancerArgs.Builder> lb) {
        return OfflineRun.of(ctx -> {
            var lbArgs = ApplicationLoadBalancerArgs.builder().network(NetworkArgs.builder().vpcId(VPC)
                    .publicSubnetIds(List.of("subnet-0e0e0e0e0e0e0e0e0", "subnet-0f0f0f0f0f0f0f0f0")).build());
            lb.accept(lbArgs);
            var alb = new ApplicationLoadBalancer("shared", lbArgs.build());
            for (int i = 1; i <= count; i++) {
                new ListenerTarget("t" + i, ListenerTargetArgs.builder().vpcId(VPC)
                        .listenerRule(ListenerRuleArgs.builder().loadBalancer(alb).pathPattern("/t" + i + "/*")
                                .priority(i).build())
                        .targetGroup(TargetGroupArgs.builder().port(8080).build()).build());
            }
        }, new OfflineMocks());
    }
}
