package io.github.fargateprivate.plan;

import com.google.gson.JsonParser;
import io.github.fargateprivate.ecs.Ec2CapacityOptions;
import io.github.fargateprivate.testing.OfflineMocks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The monthly cost of what a program registered, at the list prices of its region: one line per priced item, each
 * with the count and unit price it comes from, and the items left out.
 *
 * @param region    the region priced
 * @param pricesOf  where the prices come from, or why there are none
 * @param lines     the priced lines
 * @param total     their sum, USD per month
 * @param notPriced what the estimate leaves out
 */
public record CostEstimate(String region, String pricesOf, List<Line> lines, double total, List<String> notPriced) {

    /**
     * One priced line.
     *
     * @param item    what is priced
     * @param monthly USD per month
     * @param basis   count x unit price, so that a reviewer can check it
     */
    public record Line(String item, double monthly, String basis) {
    }

    private static final String SERVICE = "aws:ecs/service:Service";
    private static final String TASK_DEFINITION = "aws:ecs/taskDefinition:TaskDefinition";
    private static final String CLUSTER = "aws:ecs/cluster:Cluster";
    private static final String LOAD_BALANCER = "aws:lb/loadBalancer:LoadBalancer";
    private static final String LISTENER = "aws:lb/listener:Listener";
    private static final String METRIC_ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
    private static final String EVENT_RULE = "aws:cloudwatch/eventRule:EventRule";

    /**
     * @param mocks   what the program registered
     * @param pricing the price table
     * @return the estimate
     */
    public static CostEstimate of(OfflineMocks mocks, Pricing pricing) {
        String region = mocks.region();
        List<String> notPriced = new ArrayList<>(List.of("data transfer", "CloudWatch Logs ingestion and storage",
                "API calls (Secrets Manager, KMS, SSM)"));
        var prices = pricing.in(region);
        if (prices.isEmpty()) {
            return new CostEstimate(region, "no prices for " + region + " in pricing.properties (" + pricing.date()
                    + "; priced: " + String.join(", ", pricing.regions()) + "), so no estimate", List.of(), 0,
                    notPriced);
        }
        var tally = new Tally(mocks, pricing, prices.get(), notPriced);
        tally.fargateTasks();
        tally.scaleOutTargets();
        tally.containerInstances();
        tally.loadBalancers();
        tally.publicAddresses();
        tally.containerInsights();
        tally.executeCommandLogs();
        tally.secrets();
        tally.privateNetworking();
        monitoring(mocks, tally.p, pricing.monitoringAssumed(region) ? " (assumed: us-east-1's)" : "", tally.lines,
                notPriced);
        double total = tally.lines.stream().mapToDouble(Line::monthly).sum();
        return new CostEstimate(region, region + " list prices of " + pricing.date(), tally.lines, total, notPriced);
    }

    /**
     * The estimate as it is added up, one step per kind of resource, in the order of the plan's lines: what the
     * steps price, what they leave out, and the counts a later step needs (public addresses, a NAT gateway's need).
     */
    private static final class Tally {
        private final OfflineMocks mocks;
        private final Pricing pricing;
        private final Pricing.Region p;
        private final String region;
        private final double hours;
        private final String h;
        private final Map<String, String> made;
        private final List<Line> lines = new ArrayList<>();
        private final List<String> notPriced;
        private int taskIps;
        private int instanceIps;
        private int albIps;
        private boolean needsNat;
        private int nats;
        private int endpointAzs;

        Tally(OfflineMocks mocks, Pricing pricing, Pricing.Region p, List<String> notPriced) {
            this.mocks = mocks;
            this.pricing = pricing;
            this.p = p;
            this.region = mocks.region();
            this.hours = pricing.hoursPerMonth();
            this.h = (int) hours + " h";
            this.made = mocks.generated();
            this.notPriced = notPriced;
        }

        /** Each Fargate service's tasks at its desired count; an EC2 service's instances are priced by its group. */
        void fargateTasks() {
            for (var service : mocks.ofType(SERVICE)) {
                var task = madeBy(mocks, made, service.inputs().get("taskDefinition"), TASK_DEFINITION);
                if (task == null) {
                    continue;
                }
                if (onEc2(task)) {
                    // Its container instances are priced below, by their Auto Scaling group.
                    continue;
                }
                fargateService(service, task);
            }
        }

        private void fargateService(OfflineMocks.Registration service, OfflineMocks.Registration task) {
            int count = number(service.inputs().get("desiredCount"));
            double vcpu = Integer.parseInt(String.valueOf(task.inputs().get("cpu"))) / 1024.0;
            double gb = Integer.parseInt(String.valueOf(task.inputs().get("memory"))) / 1024.0;
            boolean arm = String.valueOf(task.inputs().get("runtimePlatform")).contains("ARM64");
            double vcpuHour = arm ? p.armVcpuHour() : p.x86VcpuHour();
            double gbHour = arm ? p.armGbHour() : p.x86GbHour();
            lines.add(new Line("Fargate " + service.name() + (arm ? " (arm64)" : ""),
                    count * (vcpu * vcpuHour + gb * gbHour) * hours,
                    count + " task(s) x (" + fmt(vcpu) + " vCPU x $" + fmt(vcpuHour) + " + " + fmt(gb) + " GB x $"
                            + fmt(gbHour) + ") x " + h));
            if (String.valueOf(service.inputs().get("capacityProviderStrategies")).contains("FARGATE_SPOT")) {
                notPriced.add("the Fargate Spot share of " + service.name() + " is priced on demand (Spot costs up to "
                        + "70 % less, varying)");
            }
            @SuppressWarnings("unchecked")
            var network = (Map<String, Object>) service.inputs().getOrDefault("networkConfiguration", Map.of());
            if (Boolean.TRUE.equals(network.get("assignPublicIp"))) {
                taskIps += count;
            } else {
                needsNat = true;
            }
        }

        /** Autoscaling may run more tasks than the desired count, which the estimate counts. */
        void scaleOutTargets() {
            for (var target : mocks.ofType("aws:appautoscaling/target:Target")) {
                notPriced.add("scale-out up to " + number(target.inputs().get("maxCapacity")) + " task(s) (the "
                        + "estimate counts the desired count)");
            }
        }

        /** The EC2 launch type's instances and their root volumes, at each Auto Scaling group's minimum. */
        void containerInstances() {
            List<Object> lbSubnets = mocks.ofType(LOAD_BALANCER).stream().map(lb -> lb.inputs().get("subnets"))
                    .toList();
            for (var group : mocks.ofType("aws:autoscaling/group:Group")) {
                @SuppressWarnings("unchecked")
                var launch = (Map<String, Object>) group.inputs().getOrDefault("launchTemplate", Map.of());
                var template = madeBy(mocks, made, launch.get("id"), "aws:ec2/launchTemplate:LaunchTemplate");
                if (template != null) {
                    autoScalingGroup(group, template, lbSubnets);
                }
            }
        }

        private void autoScalingGroup(OfflineMocks.Registration group, OfflineMocks.Registration template,
                                      List<Object> lbSubnets) {
            int min = number(group.inputs().get("minSize"));
            String type = String.valueOf(template.inputs().get("instanceType"));
            var hourly = pricing.ec2Hour(region, type);
            if (hourly.isPresent()) {
                lines.add(new Line("EC2 instances " + group.name() + " (" + type + ")", min * hourly.get() * hours,
                        min + " instance(s) x $" + fmt(hourly.get()) + " x " + h));
            } else {
                notPriced.add("the " + min + " " + type + " instance(s) of " + group.name() + ": pricing.properties "
                        + "has no " + region + ".ec2." + type + ".hour");
            }
            int gib = rootVolumeGiB(template.inputs().get("blockDeviceMappings"));
            lines.add(new Line("EBS gp3 root volumes " + group.name(), min * gib * p.gp3GbMonth(),
                    min + " x " + gib + " GiB x $" + fmt(p.gp3GbMonth())));
            notPriced.add("scale-out up to " + number(group.inputs().get("maxSize")) + " instance(s) of "
                    + group.name() + " (the estimate counts minInstances)");
            if (type.startsWith("t")) {
                notPriced.add("CPU credits above the " + type + " baseline (unlimited mode, $0.05 per vCPU-hour)");
            }
            if (lbSubnets.contains(group.inputs().get("vpcZoneIdentifiers"))) {
                // The load balancer's subnets are public: the instances there get a public IPv4 address each.
                instanceIps += min;
            } else {
                needsNat = true;
            }
        }

        /** Each load balancer by the hour, with the LCUs its listeners are assumed to use. */
        void loadBalancers() {
            double lcuPerListener = pricing.assumption("lcuPerListener");
            for (var lb : mocks.ofType(LOAD_BALANCER)) {
                String arn = generatedArn(lb);
                long listeners = mocks.ofType(LISTENER).stream()
                        .filter(l -> Objects.equals(arn, l.inputs().get("loadBalancerArn"))).count();
                lines.add(new Line("Application Load Balancer " + lb.name(),
                        (p.albHour() + listeners * lcuPerListener * p.lcuHour()) * hours,
                        "(1 x $" + fmt(p.albHour()) + " + " + listeners + " listener(s) x " + fmt(lcuPerListener)
                                + " LCU x $" + fmt(p.lcuHour()) + ") x " + h));
                if (!Boolean.TRUE.equals(lb.inputs().get("internal"))) {
                    Object subnets = lb.inputs().get("subnets");
                    albIps += subnets instanceof List<?> l ? l.size() : 2;
                }
            }
        }

        /** The public IPv4 addresses the earlier steps counted: tasks, instances and internet-facing AZs. */
        void publicAddresses() {
            if (taskIps + instanceIps + albIps > 0) {
                lines.add(new Line("Public IPv4 addresses", (taskIps + instanceIps + albIps) * p.ipv4Hour() * hours,
                        "(" + (instanceIps > 0 ? instanceIps + " instance(s) + " : "") + taskIps + " task(s) + "
                                + albIps + " load balancer AZ(s)) x $" + fmt(p.ipv4Hour()) + " x " + h));
            }
        }

        /**
         * Container Insights' metrics of each cluster that has it: the standard level's as custom metrics, assumed per
         * cluster, service and task family; enhanced observability's counted from AWS's metric table
         * ({@link EnhancedInsights}) at its own per-metric rate.
         */
        void containerInsights() {
            for (var cluster : mocks.ofType(CLUSTER)) {
                String settings = String.valueOf(cluster.inputs().get("settings"));
                if (settings.contains("value=enabled")) {
                    lines.add(insightsOf(cluster));
                } else if (settings.contains("value=enhanced")) {
                    lines.add(enhancedInsightsOf(cluster));
                    notPriced.add("the per-task Container Insights metrics of tasks that replace others during the "
                            + "month (each deployment runs new tasks next to the old; metrics are prorated by the hour)");
                }
            }
        }

        private Line enhancedInsightsOf(OfflineMocks.Registration cluster) {
            var services = servicesIn(cluster).stream().map(this::insightsShape).filter(Objects::nonNull).toList();
            int metrics = EnhancedInsights.metrics(services);
            int tasks = services.stream().mapToInt(EnhancedInsights.Service::tasks).sum();
            int containers = services.stream().mapToInt(s -> s.tasks() * s.containers().size()).sum();
            return new Line("Insights (enhanced) " + cluster.name(), metrics * p.enhancedInsightsMetric(),
                    metrics + " metrics (" + services.size() + " service(s), " + tasks + " task(s), " + containers
                            + " container(s); AWS's metric table) x $" + fmt(p.enhancedInsightsMetric()) + " (quoted"
                            + (pricing.monitoringAssumed(region) ? "; assumed: us-east-1's" : "")
                            + "); standard level $" + String.format(Locale.ROOT, "%.2f", insightsOf(cluster).monthly()));
        }

        /** A service as Container Insights sees it: its family, running tasks, launch, network mode and containers. */
        private EnhancedInsights.Service insightsShape(OfflineMocks.Registration service) {
            var task = madeBy(mocks, made, service.inputs().get("taskDefinition"), TASK_DEFINITION);
            if (task == null) {
                return null;
            }
            var containers = new ArrayList<EnhancedInsights.Container>();
            for (var def : JsonParser.parseString(String.valueOf(task.inputs().get("containerDefinitions")))
                    .getAsJsonArray()) {
                var c = def.getAsJsonObject();
                var restart = c.getAsJsonObject("restartPolicy");
                containers.add(new EnhancedInsights.Container(c.get("name").getAsString(), c.has("healthCheck"),
                        restart != null && restart.has("enabled") && restart.get("enabled").getAsBoolean()));
            }
            String mode = String.valueOf(task.inputs().getOrDefault("networkMode", "bridge"));
            return new EnhancedInsights.Service(String.valueOf(task.inputs().get("family")),
                    number(service.inputs().get("desiredCount")),
                    !onEc2(task),
                    mode.equals("awsvpc") || mode.equals("bridge"), containers);
        }

        /** ECS Exec's session log groups, by the GB of session output, which the plan cannot count. */
        void executeCommandLogs() {
            for (var cluster : mocks.ofType(CLUSTER)) {
                if (block(cluster.inputs().get("configuration"), "executeCommandConfiguration") instanceof Map<?, ?> exec
                        && block(exec, "logConfiguration") instanceof Map<?, ?> log
                        && log.get("cloudWatchLogGroupName") != null) {
                    lines.add(new Line("ECS Exec session log " + log.get("cloudWatchLogGroupName"), 0,
                            "$" + fmt(p.logsIngestGb()) + " per GB of session output ingested"
                                    + (pricing.monitoringAssumed(region) ? " (assumed: us-east-1's)" : "")
                                    + ", kept as long as the containers' logs; sessions are counted by use"));
                }
            }
        }

        private static Object block(Object inputs, String key) {
            return inputs instanceof Map<?, ?> m ? m.get(key) : null;
        }

        private List<OfflineMocks.Registration> servicesIn(OfflineMocks.Registration cluster) {
            String arn = generatedArn(cluster);
            return mocks.ofType(SERVICE).stream().filter(s -> Objects.equals(arn, s.inputs().get("cluster"))).toList();
        }

        private Line insightsOf(OfflineMocks.Registration cluster) {
            var services = servicesIn(cluster);
            long families = services.stream().map(s -> madeBy(mocks, made, s.inputs().get("taskDefinition"),
                    TASK_DEFINITION)).filter(Objects::nonNull).map(t -> t.inputs().get("family")).distinct().count();
            double perCluster = pricing.assumption("insightsMetricsPerCluster");
            double perService = pricing.assumption("insightsMetricsPerService");
            double perFamily = pricing.assumption("insightsMetricsPerTaskFamily");
            double metrics = perCluster + services.size() * perService + families * perFamily;
            return new Line("Container Insights " + cluster.name(), metrics * p.metricMonth(),
                    "(" + fmt(perCluster) + " + " + services.size() + " service(s) x " + fmt(perService) + " + "
                            + families + " task famil" + (families == 1 ? "y" : "ies") + " x " + fmt(perFamily)
                            + ") metrics x $" + fmt(p.metricMonth()));
        }

        /** Secrets Manager, per secret-month. */
        void secrets() {
            int secrets = mocks.ofType("aws:secretsmanager/secret:Secret").size();
            if (secrets > 0) {
                lines.add(new Line("Secrets Manager", secrets * p.secretMonth(),
                        secrets + " secret(s) x $" + fmt(p.secretMonth())));
            }
        }

        /** The way out of private subnets: NAT gateways of the stack, interface endpoints, or NAT it relies on. */
        void privateNetworking() {
            natGateways();
            interfaceEndpoints();
            if (needsNat && nats == 0 && endpointAzs == 0) {
                notPriced.add(String.format(Locale.ROOT, "the NAT gateway(s) the private subnets route through (not "
                        + "created by this stack): $%.2f/month each, one per AZ, plus $%s/GB", p.natHour() * hours,
                        fmt(p.natGb())));
            }
        }

        private void natGateways() {
            nats = mocks.ofType("aws:ec2/natGateway:NatGateway").size();
            if (nats > 0) {
                lines.add(new Line("NAT gateways", nats * p.natHour() * hours,
                        nats + " x $" + fmt(p.natHour()) + " x " + h));
                notPriced.add("NAT data processing ($" + fmt(p.natGb()) + "/GB)");
            }
        }

        private void interfaceEndpoints() {
            var endpoints = mocks.ofType("aws:ec2/vpcEndpoint:VpcEndpoint");
            endpointAzs = endpoints.stream().filter(e -> "Interface".equals(e.inputs().get("vpcEndpointType")))
                    .mapToInt(e -> e.inputs().get("subnetIds") instanceof List<?> l ? l.size() : 0).sum();
            if (endpointAzs == 0) {
                return;
            }
            lines.add(new Line("Interface VPC endpoints", endpointAzs * p.endpointHour() * hours,
                    endpointAzs + " endpoint-AZ(s) x $" + fmt(p.endpointHour()) + " x " + h));
            int azs = endpoints.stream().map(e -> e.inputs().get("subnetIds")).filter(List.class::isInstance)
                    .mapToInt(l -> ((List<?>) l).size()).max().orElse(0);
            notPriced.add(String.format(Locale.ROOT, "endpoint data ($0.01/GB); the %d NAT gateway(s) these endpoints "
                    + "replace (one per AZ) would cost $%.2f/month (%d x $%s x %s) plus $%s/GB", azs,
                    azs * p.natHour() * hours, azs, fmt(p.natHour()), h, fmt(p.natGb())));
        }

        /** The ARN the mocks made up for a resource, which other resources' inputs carry. */
        private String generatedArn(OfflineMocks.Registration resource) {
            return made.entrySet().stream().filter(e -> e.getValue().equals(resource.name() + ".arn"))
                    .map(Map.Entry::getKey).findFirst().orElse(null);
        }
    }

    /**
     * The deployment alarms, per alarm-month; a rule on events of AWS services, free in EventBridge, and the SNS
     * publishes its matches cost, per event, since the plan cannot count them.
     */
    private static void monitoring(OfflineMocks mocks, Pricing.Region p, String assumed, List<Line> lines,
                                   List<String> notPriced) {
        var alarms = mocks.ofType(METRIC_ALARM);
        long standard = alarms.stream().filter(a -> number(a.inputs().getOrDefault("period", 60.0)) >= 60).count();
        if (standard > 0) {
            lines.add(new Line("CloudWatch alarms", standard * p.alarmMonth(), standard
                    + " standard-resolution alarm(s) x $" + fmt(p.alarmMonth()) + assumed));
        }
        if (standard < alarms.size()) {
            notPriced.add((alarms.size() - standard) + " high-resolution alarm(s)");
        }
        for (var rule : mocks.ofType(EVENT_RULE)) {
            boolean awsEvents = String.valueOf(rule.inputs().get("eventPattern")).contains("\"source\":[\"aws.");
            if (!awsEvents) {
                notPriced.add("the events of EventBridge rule " + rule.name());
                continue;
            }
            lines.add(new Line("EventBridge rule " + rule.name(), 0, "AWS service events: $"
                    + fmt(p.awsEventsMillion()) + "/million; each match published to SNS: $"
                    + perEvent(p.snsPublishMillion()) + " ($" + fmt(p.snsPublishMillion()) + "/million)" + assumed));
        }
        if (!alarms.isEmpty()) {
            notPriced.add("the free tier of CloudWatch alarms (10 per account)");
        }
        if (!mocks.ofType(EVENT_RULE).isEmpty()) {
            notPriced.add("SNS's free tier (1 million publishes per account) and its deliveries to the topic's "
                    + "subscribers");
        }
    }

    private static String perEvent(double perMillion) {
        return java.math.BigDecimal.valueOf(perMillion).movePointLeft(6).stripTrailingZeros().toPlainString();
    }

    private static OfflineMocks.Registration madeBy(OfflineMocks mocks, Map<String, String> made, Object value,
                                                    String type) {
        String origin = made.get(String.valueOf(value));
        if (origin == null) {
            return null;
        }
        String name = origin.substring(0, origin.lastIndexOf('.'));
        return mocks.ofType(type).stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
    }

    /** Whether a task definition's tasks run on EC2 instances rather than on Fargate. */
    private static boolean onEc2(OfflineMocks.Registration task) {
        return String.valueOf(task.inputs().get("requiresCompatibilities")).contains("EC2");
    }

    private static int rootVolumeGiB(Object mappings) {
        if (mappings instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> m
                && m.get("ebs") instanceof Map<?, ?> ebs && ebs.get("volumeSize") != null) {
            return number(ebs.get("volumeSize"));
        }
        return Ec2CapacityOptions.DEFAULT_ROOT_VOLUME_GIB;
    }

    private static int number(Object value) {
        return value instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(value));
    }

    private static String fmt(double value) {
        String s = String.format(Locale.ROOT, "%.5f", value).replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
