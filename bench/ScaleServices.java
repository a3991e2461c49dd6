import com.pulumi.Context;
import com.pulumi.aws.ecs.Cluster;
import com.pulumi.aws.ecs.ClusterArgs;
import com.pulumi.aws.ecs.inputs.ClusterSettingArgs;
import io.github.fargateprivate.ArgsException;
import io.github.fargateprivate.ec2.NetworkArgs;
import io.github.fargateprivate.ecs.ContainerArgs;
import io.github.fargateprivate.ecs.FargateServiceArgs;
import io.github.fargateprivate.lb.ApplicationLoadBalancer;
import io.github.fargateprivate.lb.ApplicationLoadBalancerArgs;
import io.github.fargateprivate.lb.ListenerRuleArgs;
import io.github.fargateprivate.patterns.LoadBalancedFargateService;
import io.github.fargateprivate.patterns.LoadBalancedFargateServiceArgs;
import io.github.fargateprivate.secretsmanager.RegistryCredentials;
import io.github.fargateprivate.testing.OfflineMocks;
import io.github.fargateprivate.testing.OfflineRun;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Scale-in on one ALB: N services, each on its own path and priority, behind one shared load balancer and in one
 * shared cluster. Per N: the AWS resources registered, the rules on the load balancer's security group as AWS counts
 * them, and the program's time in the mock engine (a preview's work, without the CLI, with OfflineRun's AwsLimits
 * check). Two ways to join the load balancer: through its component (the tasks carry its targets' group), for 1 to 100
 * services; and by listener ARN and security group id alone, where each service adds an egress rule to the load
 * balancer's group, for 1 to 59 services (with the group's own rule to the targets' group, 60: AWS's quota). Then what
 * is refused: 60 such services on this load balancer (by AwsLimits), 61 on another stack's (by the library).
 * Cold: the first run of each program, in the order printed (only the first in a fresh JVM). Warm: WARMUP rounds, then
 * RUNS rounds, each running every program once, so that the JIT and the machine's noise treat all alike.
 * Usage (from the project root, by bench/run): java -cp CLASSPATH bench/ScaleServices.java WARMUP RUNS
 */
public class ScaleServices {
    static final String REGION = "eu-central-1";
    static final String ALB = "shared";
    static final NetworkArgs NETWORK = NetworkArgs.builder().vpcId("vpc-0123456789abcdef0")
            .publicSubnetIds(List.of("subnet-0aaaaaaaaaaaaaaa1", "subnet-0aaaaaaaaaaaaaaa2"))
            .privateSubnetIds(List.of("subnet-0bbbbbbbbbbbbbbb1", "subnet-0bbbbbbbbbbbbbbb2")).build();

    /** How the services join the load balancer. */
    enum Join {
        /** ListenerRuleArgs.loadBalancer(alb): its targets' group, no rule per service. */
        TARGETS_GROUP,
        /** The listener's ARN and the group's id of this program's load balancer: an egress rule per service. */
        ARN_AND_GROUP_ID,
        /** The same, of a load balancer of another stack, as plain values (this program creates none). */
        OTHER_STACK
    }

    /** One program measured: its figures from the first run, and its warm run times. */
    record Program(Join join, int services, OfflineRun first, long coldNanos, List<Long> warm) {
    }

    static Consumer<Context> program(int services, Join join) {
        return ctx -> {
            var alb = join == Join.OTHER_STACK ? null : new ApplicationLoadBalancer(ALB, ApplicationLoadBalancerArgs
                    .builder().network(NETWORK).certificateArn("arn:aws:acm:" + REGION + ":" + OfflineMocks.ACCOUNT
                            + ":certificate/11111111-2222-3333-4444-555555555555").build());
            var cluster = new Cluster("shared-cluster", ClusterArgs.builder()
                    .settings(ClusterSettingArgs.builder().name("containerInsights").value("enabled").build()).build());
            for (int i = 1; i <= services; i++) {
                var rule = ListenerRuleArgs.builder().pathPattern("/svc" + i + "/*").priority(i);
                switch (join) {
                    case TARGETS_GROUP -> rule.loadBalancer(alb);
                    case ARN_AND_GROUP_ID -> rule.listenerArn(alb.listenerArn())
                            .loadBalancerSecurityGroupId(alb.securityGroupId());
                    case OTHER_STACK -> rule.listenerArn("arn:aws:elasticloadbalancing:" + REGION + ":"
                            + OfflineMocks.ACCOUNT + ":listener/app/other-alb/0123456789abcdef/0123456789abcdef")
                            .loadBalancerSecurityGroupId("sg-0123456789abcdef0");
                }
                new LoadBalancedFargateService("svc" + i, LoadBalancedFargateServiceArgs.builder()
                        .container(ContainerArgs.builder().port(8080).image(OfflineMocks.ACCOUNT + ".dkr.ecr." + REGION
                                + ".amazonaws.com/svc" + i + ":1.0.0").build())
                        .registryCredentials(RegistryCredentials.none()).network(NETWORK)
                        .listenerRule(rule.build())
                        .service(FargateServiceArgs.builder().clusterArn(cluster.arn()).desiredCount(2).build())
                        .build());
            }
        };
    }

    static OfflineRun run(int services, Join join) {
        return OfflineRun.of(program(services, join), new OfflineMocks(REGION));
    }

    /**
     * The load balancer group's rules as AWS counts them: each CIDR block, referenced group and prefix list of an
     * inline rule or an ec2 SecurityGroupRule is one, and so is each vpc SecurityGroupIngressRule/EgressRule.
     *
     * @return inbound and outbound
     */
    static int[] albGroupRules(OfflineMocks mocks) {
        String id = mocks.generated().entrySet().stream().filter(e -> e.getValue().equals(ALB + "-alb-sg.id"))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        int[] rules = new int[2];
        for (var r : mocks.registrations()) {
            var in = r.inputs();
            switch (r.type()) {
                case "aws:ec2/securityGroup:SecurityGroup" -> {
                    if (r.name().equals(ALB + "-alb-sg")) {
                        blocks(in, "ingress").forEach(b -> rules[0] += targets(b));
                        blocks(in, "egress").forEach(b -> rules[1] += targets(b));
                    }
                }
                case "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule" ->
                        rules[0] += id.equals(in.get("securityGroupId")) ? 1 : 0;
                case "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule" ->
                        rules[1] += id.equals(in.get("securityGroupId")) ? 1 : 0;
                case "aws:ec2/securityGroupRule:SecurityGroupRule" -> {
                    if (id.equals(in.get("securityGroupId"))) {
                        rules["egress".equals(in.get("type")) ? 1 : 0] += targets(in)
                                + (in.get("sourceSecurityGroupId") != null ? 1 : 0);
                    }
                }
                default -> { }
            }
        }
        return rules;
    }

    /** @return an inline rule list, empty when not given */
    static List<Map<String, Object>> blocks(Map<String, Object> inputs, String key) {
        return inputs.containsKey(key) ? OfflineRun.blocks(inputs, key) : List.of();
    }

    /** @return the CIDR blocks, groups and prefix lists one rule block names */
    static int targets(Map<String, Object> block) {
        int n = Boolean.TRUE.equals(block.get("self")) ? 1 : 0;
        for (String key : List.of("cidrBlocks", "ipv6CidrBlocks", "securityGroups", "prefixListIds")) {
            n += block.get(key) instanceof List<?> list ? list.size() : 0;
        }
        return n;
    }

    static Program first(Join join, int services) {
        long start = System.nanoTime();
        OfflineRun first = run(services, join).ok();
        return new Program(join, services, first, System.nanoTime() - start, new ArrayList<>());
    }

    /** @return whether a program passes, or who refuses it: the message's first line and the quota's */
    static String outcome(int services, Join join) {
        try {
            OfflineRun run = run(services, join);
            if (run.succeeded()) {
                return "passes";
            }
            Throwable refusal = run.result().exceptions().stream().findFirst().orElse(null);
            while (refusal != null && !(refusal instanceof ArgsException)) {
                refusal = refusal.getCause();
            }
            List<String> lines = (refusal != null ? refusal.getMessage() : run.errorText()).lines().toList();
            return "refused by the library: " + lines.get(0) + (lines.size() > 1 ? " " + lines.get(1).strip() : "");
        } catch (AssertionError refused) {
            return "refused by AwsLimits: " + refused.getMessage().lines().filter(l -> l.contains("outbound IPv4"))
                    .findFirst().orElse(refused.getMessage()).strip();
        }
    }

    public static void main(String[] args) {
        int warmup = Integer.parseInt(args[0]);
        int runs = Integer.parseInt(args[1]);
        List<Program> programs = new ArrayList<>();
        List.of(1, 10, 30, 100).forEach(n -> programs.add(first(Join.TARGETS_GROUP, n)));
        List.of(1, 10, 30, 59).forEach(n -> programs.add(first(Join.ARN_AND_GROUP_ID, n)));
        for (int round = 0; round < warmup + runs; round++) {
            for (Program p : programs) {
                long start = System.nanoTime();
                run(p.services(), p.join()).ok();
                if (round >= warmup) {
                    p.warm().add(System.nanoTime() - start);
                }
            }
        }
        for (Program p : programs) {
            List<Long> warm = new ArrayList<>(p.warm());
            Collections.sort(warm);
            double median = warm.get(warm.size() / 2) / 1e6;
            int[] rules = albGroupRules(p.first().mocks());
            System.out.printf(Locale.ROOT, "%s services=%d aws_resources=%d alb_sg_inbound=%d alb_sg_outbound=%d "
                            + "cold_ms=%.1f warm_median_ms=%.1f warm_min_ms=%.1f warm_max_ms=%.1f "
                            + "warm_ms_per_service=%.2f%n", p.join().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    p.services(), p.first().mocks().awsResources().size(), rules[0], rules[1], p.coldNanos() / 1e6,
                    median, warm.get(0) / 1e6, warm.get(warm.size() - 1) / 1e6, median / p.services());
        }
        System.out.println("arn-and-group-id services=60 " + outcome(60, Join.ARN_AND_GROUP_ID));
        System.out.println("other-stack services=60 " + outcome(60, Join.OTHER_STACK));
        System.out.println("other-stack services=61 " + outcome(61, Join.OTHER_STACK));
    }
}
