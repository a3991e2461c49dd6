package io.github.fargateprivate.cloudwatch;

import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.github.fargateprivate.AwsName;
import io.github.fargateprivate.Children;
import io.github.fargateprivate.Problems;

import java.util.List;
import java.util.Map;

/**
 * The CloudWatch alarms that tell ECS a deployment behind an Application Load Balancer went wrong: one on the 5XX
 * answers of the service's targets, one on its unhealthy targets. Give their names to the service
 * ({@code EcsServiceArgs.Builder#deploymentAlarms}), which then fails a deployment while either is in {@code ALARM}
 * and rolls it back ("How CloudWatch alarms detect Amazon ECS deployment failures", ECS developer guide,
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-alarm-failure.html). The alarms have no
 * actions of their own: ECS reads their state.
 *
 * <p>Both watch the namespace {@value #NAMESPACE} with the dimensions {@code TargetGroup} and {@code LoadBalancer}
 * (the final portions of the two ARNs), in one-minute periods, the resolution at which Elastic Load Balancing reports
 * ("CloudWatch metrics for your Application Load Balancer",
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html). A missing
 * data point is not breaching: ELB reports {@value #SERVER_ERRORS_METRIC} only when it is not zero, and reports
 * nothing without requests, which is a quiet service, not a failed deployment.
 *
 * <p>Children: {@code <name>-5xx} and {@code <name>-unhealthy}.
 */
public class DeploymentAlarms extends ComponentResource {

    /** The Pulumi type token of this component. */
    public static final String TYPE = "fargate-private-registry:cloudwatch:DeploymentAlarms";
    /** Where Elastic Load Balancing files the metrics of Application Load Balancers and their targets. */
    public static final String NAMESPACE = "AWS/ApplicationELB";
    /** The HTTP 5XX answers of the targets themselves, not of the load balancer; its useful statistic is Sum. */
    public static final String SERVER_ERRORS_METRIC = "HTTPCode_Target_5XX_Count";
    /** The targets the load balancer considers unhealthy; Maximum is the most any load balancer node reported. */
    public static final String UNHEALTHY_HOSTS_METRIC = "UnHealthyHostCount";
    /** One minute: ELB sends its metrics in 60-second intervals. */
    public static final int PERIOD_SECONDS = 60;
    /**
     * 5XX answers in one minute that count as a breach: 10. A Spring Boot service answers a client's or a dependency's
     * bad moment with a few 500s now and then; a release that breaks an endpoint answers with tens a minute under the
     * lightest real traffic.
     */
    public static final int SERVER_ERRORS_THRESHOLD = 10;
    /** The 5XX alarm looks at the last 3 minutes ... */
    public static final int SERVER_ERRORS_EVALUATION_PERIODS = 3;
    /** ... and fires when 2 of them breach: one bad minute (a dependency's hiccup) is not enough. */
    public static final int SERVER_ERRORS_DATAPOINTS = 2;
    /** One unhealthy target counts as a breach: the load balancer stopped sending it requests. */
    public static final int UNHEALTHY_HOSTS_THRESHOLD = 1;
    /** The longest grace period the unhealthy-hosts alarm can wait past: its periods fit in one day. */
    public static final int MAX_GRACE_PERIOD_SECONDS = (24 * 60 - 2) * PERIOD_SECONDS;

    private final MetricAlarm serverErrors;
    private final MetricAlarm unhealthyHosts;

    @Export(name = "alarmNames", refs = {List.class, String.class}, tree = "[0,1]")
    private final Output<List<String>> alarmNames;

    /**
     * Creates both alarms.
     *
     * @param name    the component's name; children are named from it
     * @param args    the target group and load balancer watched, and the service's grace period
     * @param options component options
     * @throws io.github.fargateprivate.ArgsException listing every problem of the args, before any child exists
     */
    public DeploymentAlarms(String name, DeploymentAlarmsArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        DeploymentAlarmsArgs checked = Problems.validated("DeploymentAlarms", name, problems -> args.validate(problems));
        var children = Children.of(this, args.tags());
        Output<Map<String, String>> dimensions = Output.tuple(checked.targetGroupArnSuffix().orElseThrow().output(),
                checked.loadBalancerArnSuffix().orElseThrow().output())
                .applyValue(t -> Map.of("TargetGroup", t.t1, "LoadBalancer", t.t2));
        int unhealthyPeriods = unhealthyPeriods(args.healthCheckGracePeriodSeconds());

        this.serverErrors = children.create(MetricAlarm::new, AwsName.METRIC_ALARM.child(name, "-5xx"), alarm(dimensions)
                .alarmDescription("The service's targets answered " + SERVER_ERRORS_THRESHOLD + " or more HTTP 5XX in "
                        + SERVER_ERRORS_DATAPOINTS + " of the last " + SERVER_ERRORS_EVALUATION_PERIODS + " minutes; "
                        + "ECS rolls back a deployment while this alarm is in ALARM")
                .metricName(SERVER_ERRORS_METRIC)
                .statistic("Sum")
                .threshold((double) SERVER_ERRORS_THRESHOLD)
                .evaluationPeriods(SERVER_ERRORS_EVALUATION_PERIODS)
                .datapointsToAlarm(SERVER_ERRORS_DATAPOINTS)
                .build());
        this.unhealthyHosts = children.create(MetricAlarm::new, AwsName.METRIC_ALARM.child(name, "-unhealthy"),
                alarm(dimensions)
                        .alarmDescription("A target of the service was unhealthy in each of the last "
                                + unhealthyPeriods + " minutes, longer than a task may take to start ("
                                + args.healthCheckGracePeriodSeconds() + " s); ECS rolls back a deployment while this "
                                + "alarm is in ALARM")
                        .metricName(UNHEALTHY_HOSTS_METRIC)
                        .statistic("Maximum")
                        .threshold((double) UNHEALTHY_HOSTS_THRESHOLD)
                        .evaluationPeriods(unhealthyPeriods)
                        .datapointsToAlarm(unhealthyPeriods)
                        .build());

        this.alarmNames = Output.all(serverErrors.name(), unhealthyHosts.name());
        registerOutputs(Map.of("alarmNames", alarmNames));
    }

    /**
     * Creates both alarms with default component options.
     *
     * @param name the component's name
     * @param args the target group and load balancer watched, and the service's grace period
     */
    public DeploymentAlarms(String name, DeploymentAlarmsArgs args) {
        this(name, args, ComponentResourceOptions.Empty);
    }

    /**
     * The consecutive one-minute periods in which a target must be unhealthy before the alarm fires. A task that
     * starts well can fail the load balancer's health checks while it starts, and for less than the grace period:
     * ECS replaces a task still unhealthy after it. A stretch shorter than {@code g} seconds touches at most
     * {@code ceil(g / 60) + 1} one-minute periods, so the alarm wants one more: a task that starts within its grace
     * period never fires it, on whichever second its start falls.
     *
     * @param gracePeriodSeconds the ECS service's health-check grace period
     * @return {@code ceil(gracePeriodSeconds / 60) + 2}
     */
    public static int unhealthyPeriods(int gracePeriodSeconds) {
        return (gracePeriodSeconds + PERIOD_SECONDS - 1) / PERIOD_SECONDS + 2;
    }

    private static MetricAlarmArgs.Builder alarm(Output<Map<String, String>> dimensions) {
        return MetricAlarmArgs.builder()
                .namespace(NAMESPACE)
                .dimensions(dimensions)
                .period(PERIOD_SECONDS)
                .comparisonOperator("GreaterThanOrEqualToThreshold")
                .treatMissingData("notBreaching");
    }

    /** @return the alarm on the targets' 5XX answers */
    public MetricAlarm serverErrors() {
        return serverErrors;
    }

    /** @return the alarm on the unhealthy targets */
    public MetricAlarm unhealthyHosts() {
        return unhealthyHosts;
    }

    /** @return both alarms' names, what the ECS service's {@code alarms} block names */
    public Output<List<String>> alarmNames() {
        return alarmNames;
    }
}
