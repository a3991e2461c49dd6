import com.pulumi.Context;
import com.pulumi.aws.ecs.Cluster;
import com.pulumi.aws.ecs.ClusterArgs;
import com.pulumi.aws.ecs.inputs.ClusterSettingArgs;
import io.github.fargateprivate.ec2.NetworkArgs;
import io.github.fargateprivate.ecs.ContainerArgs;
import io.github.fargateprivate.ecs.FargateServiceArgs;
import io.github.fargateprivate.lb.ApplicationLoadBalancer;
import io.github.fargateprivate.lb.ApplicationLoadBalancerArgs;
import io.github.fargateprivate.lb.ApplicationLoadBalancerOptions;
import io.github.fargateprivate.lb.ListenerRuleArgs;
import io.github.fargateprivate.patterns.LoadBalancedFargateService;
import io.github.fargateprivate.patterns.LoadBalancedFargateServiceArgs;
import io.github.fargateprivate.plan.CostEstimate;
import io.github.fargateprivate.plan.Pricing;
import io.github.fargateprivate.secretsmanager.RegistryCredentials;
import io.github.fargateprivate.testing.OfflineMocks;
import io.github.fargateprivate.testing.OfflineRun;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * A consumer stack of 10 services: sharing one cluster and one ALB, against 10 separate composites (own cluster and
 * ALB each). Times the program in the mock engine (a preview's work, without the CLI) and prices both with the plan's
 * price table. Usage (from the project root, by bench/run): java -cp CLASSPATH bench/TenServices.java WARMUP RUNS
 */
public class TenServices {
    static final int SERVICES = 10;
    static final NetworkArgs NETWORK = NetworkArgs.builder().vpcId("vpc-0123456789abcdef0")
            .publicSubnetIds(List.of("subnet-0aaaaaaaaaaaaaaa1", "subnet-0aaaaaaaaaaaaaaa2"))
            .privateSubnetIds(List.of("subnet-0bbbbbbbbbbbbbbb1", "subnet-0bbbbbbbbbbbbbbb2")).build();

    static ContainerArgs container(int i) {
        return ContainerArgs.builder().image("123456789012.dkr.ecr.eu-central-1.amazonaws.com/svc" + i + ":1.0.0")
                .port(8080).build();
    }

    static void shared(Context ctx) {
        var alb = new ApplicationLoadBalancer("shared", ApplicationLoadBalancerArgs.builder().network(NETWORK)
                .certificateArn("arn:aws:acm:eu-central-1:123456789012:certificate/11111111-2222-3333-4444-555555555555")
                .build());
        var cluster = new Cluster("shared-cluster", ClusterArgs.builder()
                .settings(ClusterSettingArgs.builder().name("containerInsights").value("enabled").build()).build());
        for (int i = 1; i <= SERVICES; i++) {
            new LoadBalancedFargateService("svc" + i, LoadBalancedFargateServiceArgs.builder()
                    .container(container(i)).registryCredentials(RegistryCredentials.none()).network(NETWORK)
                    .listenerRule(ListenerRuleArgs.builder().loadBalancer(alb).hostHeader("svc" + i + ".example.com")
                            .priority(i).build())
                    .service(FargateServiceArgs.builder().clusterArn(cluster.arn()).desiredCount(2).build())
                    .build());
        }
    }

    static void separate(Context ctx) {
        for (int i = 1; i <= SERVICES; i++) {
            new LoadBalancedFargateService("svc" + i, LoadBalancedFargateServiceArgs.builder()
                    .container(container(i)).registryCredentials(RegistryCredentials.none()).network(NETWORK)
                    .loadBalancer(ApplicationLoadBalancerOptions.builder().certificateArn(
                            "arn:aws:acm:eu-central-1:123456789012:certificate/11111111-2222-3333-4444-555555555555")
                            .build())
                    .service(FargateServiceArgs.builder().desiredCount(2).build())
                    .build());
        }
    }

    static OfflineRun once(Consumer<Context> program) {
        OfflineRun run = OfflineRun.of(program, new OfflineMocks("eu-central-1"));
        if (!run.succeeded()) {
            throw new IllegalStateException(run.errorText());
        }
        return run;
    }

    public static void main(String[] args) {
        int warmup = Integer.parseInt(args[0]);
        int runs = Integer.parseInt(args[1]);
        Pricing pricing = Pricing.load();
        for (var entry : List.<Object[]>of(new Object[] {"shared", (Consumer<Context>) TenServices::shared},
                new Object[] {"separate", (Consumer<Context>) TenServices::separate})) {
            @SuppressWarnings("unchecked")
            Consumer<Context> program = (Consumer<Context>) entry[1];
            long start = System.nanoTime();
            OfflineRun first = once(program);
            long cold = System.nanoTime() - start;
            for (int i = 0; i < warmup; i++) {
                once(program);
            }
            List<Long> warm = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                long t = System.nanoTime();
                once(program);
                warm.add(System.nanoTime() - t);
            }
            Collections.sort(warm);
            CostEstimate cost = CostEstimate.of(first.mocks(), pricing);
            System.out.printf(java.util.Locale.ROOT,
                    "%s services=%d aws_resources=%d cold_ms=%.1f warm_median_ms=%.1f warm_min_ms=%.1f "
                            + "warm_max_ms=%.1f monthly_usd=%.2f%n", entry[0], SERVICES,
                    first.mocks().awsResources().size(), cold / 1e6, warm.get(warm.size() / 2) / 1e6, warm.get(0) / 1e6,
                    warm.get(warm.size() - 1) / 1e6, cost.total());
            cost.lines().stream().filter(l -> !l.item().startsWith("Fargate ")).forEach(l ->
                    System.out.printf(java.util.Locale.ROOT, "%s   %-40s %8.2f  %s%n", entry[0], l.item(), l.monthly(),
                            l.basis()));
        }
    }
}
