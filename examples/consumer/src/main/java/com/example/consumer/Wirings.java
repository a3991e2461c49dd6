package com.example.consumer;

import com.pulumi.Context;
import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.acm.Certificate;
import com.pulumi.aws.acm.CertificateArgs;
import com.pulumi.aws.acm.CertificateValidation;
import com.pulumi.aws.acm.CertificateValidationArgs;
import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
import com.pulumi.aws.ecr.Repository;
import com.pulumi.aws.ecr.RepositoryArgs;
import com.pulumi.aws.ecr.inputs.RepositoryImageScanningConfigurationArgs;
import com.pulumi.aws.ecs.Cluster;
import com.pulumi.aws.ecs.ClusterArgs;
import com.pulumi.aws.ecs.inputs.ClusterSettingArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.aws.lb.ListenerRule;
import com.pulumi.aws.lb.inputs.ListenerRuleActionArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleActionFixedResponseArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionPathPatternArgs;
import com.pulumi.aws.route53.Record;
import com.pulumi.aws.route53.RecordArgs;
import com.pulumi.aws.route53.inputs.RecordAliasArgs;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketV2Args;
import com.pulumi.aws.secretsmanager.Secret;
import com.pulumi.aws.secretsmanager.SecretArgs;
import com.pulumi.aws.sns.Topic;
import com.pulumi.aws.sns.TopicArgs;
import com.pulumi.aws.ssm.Parameter;
import com.pulumi.aws.ssm.ParameterArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.StackReference;
import io.github.fargateprivate.ecs.FargateServiceArgs;
import io.github.fargateprivate.ecs.CpuArchitecture;
import io.github.fargateprivate.ecs.RegistryAuth;
import io.github.fargateprivate.ecs.NetworkMode;
import io.github.fargateprivate.ecs.EcsServiceOptions;
import io.github.fargateprivate.ecs.Launch;
import io.github.fargateprivate.ec2.DefaultVpc;
import io.github.fargateprivate.ec2.NetworkArgs;
import io.github.fargateprivate.ec2.VpcEndpointsOptions;
import io.github.fargateprivate.ecr.PullThroughCacheOptions;
import io.github.fargateprivate.ecs.AutoScalingArgs;
import io.github.fargateprivate.ecs.CapacityProviderStrategy;
import io.github.fargateprivate.ecs.ContainerArgs;
import io.github.fargateprivate.ecs.Ec2CapacityOptions;
import io.github.fargateprivate.iam.PolicyStatement;
import io.github.fargateprivate.iam.TaskRoleArgs;
import io.github.fargateprivate.lb.ApplicationLoadBalancer;
import io.github.fargateprivate.lb.ApplicationLoadBalancerArgs;
import io.github.fargateprivate.lb.ApplicationLoadBalancerOptions;
import io.github.fargateprivate.lb.HealthCheckArgs;
import io.github.fargateprivate.lb.ListenerRuleArgs;
import io.github.fargateprivate.lb.TargetGroupArgs;
import io.github.fargateprivate.patterns.LoadBalancedFargateService;
import io.github.fargateprivate.patterns.LoadBalancedFargateServiceArgs;
import io.github.fargateprivate.patterns.LoadBalancedService;
import io.github.fargateprivate.patterns.LoadBalancedServiceArgs;
import io.github.fargateprivate.secretsmanager.RegistryCredentials;

import java.util.List;
import java.util.Map;

/**
 * The wirings another team's stack writes around the library, one Pulumi program each: the library's inputs taken
 * from resources of the stack ({@code w01}-{@code w04}, {@code w09}), from another stack ({@code w05}) or from an
 * explicit provider ({@code w06}); the composite's options ({@code w07}, {@code w08}, {@code w10}, {@code w11}); its
 * handles read by the stack's own resources ({@code w12}); the service on its own EC2 container instances, whose
 * handles the stack's alarms read ({@code w13}); the image through an ECR pull-through cache, in another stack's
 * private subnets with VPC endpoints ({@code w14}); a service on another stack's load balancer with a private
 * sidecar ({@code w15}); a program of 1.x under its deprecated names, on purpose ({@code u01}); and the mistakes
 * the library stops before AWS sees them ({@code b01}-{@code b04}).
 *
 * <p>Only {@code w03}, {@code w13} and {@code w14} read config ({@code registryUsername}, secret
 * {@code registryPassword}): they create the registry credentials; every other program runs as it is. Each registers
 * the same resources in a preview, where the outputs of new resources are unknown: no resource is created inside an
 * {@code apply}.
 */
public final class Wirings {

    /** The private image most programs run; it listens on 8080 and answers {@code /actuator/health}. */
    public static final String IMAGE = "ghcr.io/example-org/orders:1.4.2";
    /**
     * Name of the Secrets Manager secret with the ghcr.io pull credentials ({@code {"username", "password"}}), kept
     * by the platform team in each region the account deploys to; a name stands for the secret of the stack's region.
     */
    public static final String GHCR_SECRET = "ghcr-pull";
    /** The tag {@code w01} deploys from its ECR repository. */
    public static final String ECR_TAG = "1.0.0";
    /** The host name of {@code w02}'s and {@code w12}'s certificate and record. */
    public static final String DOMAIN = "orders.example.com";
    /** The edge team's stack that owns the shared load balancer, read by {@code w15}. */
    public static final String EDGE_STACK = "acme/edge/prod";
    /** {@code w15}'s log router: a private image on the main container's registry, ghcr.io. */
    public static final String LOG_ROUTER_IMAGE = "ghcr.io/example-org/log-router:2.1.0";
    /** The log router's container name. */
    public static final String LOG_ROUTER_CONTAINER = "log-router";
    /** The other team's stack that owns the VPC, read by {@code w05}, {@code w14} and {@code w15}. */
    public static final String NETWORK_STACK = "acme/network/prod";
    /** The region of {@code w06}'s explicit provider. */
    public static final String WEST_REGION = "us-west-2";
    /** Tags of {@code w10}, given once. */
    public static final Map<String, String> TAGS = Map.of("team", "payments", "env", "dev");
    /** The OpenTelemetry collector sidecar of {@code w08}: a public image, no credentials. */
    public static final String OTEL_IMAGE = "public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0";
    /** The sidecar's container name. */
    public static final String OTEL_CONTAINER = "otel-collector";
    /** The hosted zone of example.com, owned by the DNS team's stack; {@code w12} adds a record to it. */
    public static final String HOSTED_ZONE_ID = "Z0123456789EXAMPLE";
    /** The Graviton instance type of {@code w13}'s container instances: 2 vCPUs and 8 GiB. */
    public static final String EC2_INSTANCE_TYPE = "m7g.large";
    /** An image reference with upper-case letters in its path, which no registry accepts. */
    public static final String BAD_IMAGE = "ghcr.io/JonasHackt/App:latest";

    private Wirings() {
    }

    /** The main container of most programs: {@link #IMAGE}, with the composite's defaults (port 8080). */
    private static ContainerArgs orders() {
        return ContainerArgs.builder().image(IMAGE).build();
    }

    /**
     * The ghcr.io credentials of this stack's config, for the library to store in a secret it creates. A program reads
     * them before it creates anything, so a missing key fails it with nothing registered.
     *
     * @param ctx the Pulumi context; reads {@code registryUsername} and the secret {@code registryPassword}
     * @return the credentials, the password a Pulumi secret
     */
    private static RegistryCredentials.Create credentialsFromConfig(Context ctx) {
        return RegistryCredentials.create(ctx.config().require("registryUsername"),
                ctx.config().requireSecret("registryPassword"));
    }

    /**
     * A customer managed KMS key of this stack, rotated yearly.
     *
     * @param name        the key's logical name
     * @param description what it encrypts
     * @return the key
     */
    private static Key rotatedKey(String name, String description) {
        return new Key(name, KeyArgs.builder().description(description).enableKeyRotation(true).build());
    }

    /** The composite's args for {@link #orders()}, pulled with {@link #GHCR_SECRET}. */
    private static LoadBalancedServiceArgs.Builder ordersArgs() {
        return LoadBalancedServiceArgs.builder()
                .container(orders())
                .registryCredentials(RegistryCredentials.existing(GHCR_SECRET));
    }

    /**
     * w01: the image is a tag in an ECR repository of this stack. ECR needs no registry credentials: the execution
     * role may pull from exactly that repository (and get ECR's login token, which IAM grants only on {@code *}).
     *
     * @param ctx the Pulumi context
     */
    public static void w01ImageFromEcrRepository(Context ctx) {
        var repository = new Repository("w01-repo", RepositoryArgs.builder()
                // A pushed tag never changes, so a task definition names the same image on every start.
                .imageTagMutability("IMMUTABLE")
                .imageScanningConfiguration(RepositoryImageScanningConfigurationArgs.builder().scanOnPush(true).build())
                .build());
        var service = new LoadBalancedService("w01", LoadBalancedServiceArgs.builder()
                .container(ContainerArgs.builder()
                        .image(repository.repositoryUrl().applyValue(url -> url + ":" + ECR_TAG))
                        .build())
                .build());
        ctx.export("url", service.url().orElseThrow());
    }

    /**
     * w02: HTTPS on 443 with an ACM certificate of this stack; the HTTP listener on 80 only redirects to it.
     *
     * @param ctx the Pulumi context
     */
    public static void w02CertificateFromAcm(Context ctx) {
        var service = new LoadBalancedService("w02", ordersArgs()
                .loadBalancer(ApplicationLoadBalancerOptions.builder()
                        .certificateArn(issuedCertificate("w02-cert", DOMAIN))
                        .build())
                .build());
        ctx.export("url", service.url().orElseThrow());
    }

    /**
     * An ACM certificate of this stack, validated by DNS.
     *
     * @param name             the certificate's logical name; its validation is {@code <name>-validation}
     * @param domain           the domain name
     * @param alternativeNames more names the certificate covers
     * @return its ARN, once ACM has issued it: a listener takes only an issued certificate, and the validation waits
     *         until ACM has seen the DNS records (kept in the zone's own stack)
     */
    private static Output<String> issuedCertificate(String name, String domain, String... alternativeNames) {
        var args = CertificateArgs.builder().domainName(domain).validationMethod("DNS");
        if (alternativeNames.length > 0) {
            args.subjectAlternativeNames(alternativeNames);
        }
        var certificate = new Certificate(name, args.build());
        return new CertificateValidation(name + "-validation", CertificateValidationArgs.builder()
                .certificateArn(certificate.arn())
                .build()).certificateArn();
    }

    /**
     * w03: the library creates the ghcr.io credentials secret from this stack's config, encrypted with a KMS key of
     * this stack; the execution role may decrypt exactly that key, and only through Secrets Manager.
     *
     * @param ctx the Pulumi context; reads {@code registryUsername} and the secret {@code registryPassword}
     */
    public static void w03RegistryKeyFromKms(Context ctx) {
        var credentials = credentialsFromConfig(ctx);
        var key = rotatedKey("w03-key", "Encrypts the ghcr.io pull credentials of the orders service");
        new LoadBalancedService("w03", LoadBalancedServiceArgs.builder()
                .container(orders())
                .registryCredentials(credentials.kmsKeyArn(key.arn()))
                .build());
    }

    /**
     * w04: the application's secrets are resources of this stack: a Secrets Manager secret and a SecureString
     * parameter encrypted with the stack's KMS key reach the container as {@code secrets}, a bucket name as plain
     * environment.
     *
     * @param ctx the Pulumi context
     */
    public static void w04AppSecretsFromStack(Context ctx) {
        var key = rotatedKey("w04-key", "Encrypts the orders service's API token parameter");
        // The values are set outside the program (put-secret-value, put-parameter --overwrite), so they never pass
        // through the stack's state.
        var dbPassword = new Secret("w04-db-password", SecretArgs.builder()
                .description("Database password of the orders service")
                .build());
        var apiToken = new Parameter("w04-api-token", ParameterArgs.builder()
                .description("API token of the orders service")
                .type("SecureString")
                .keyId(key.arn())
                .value(Output.ofSecret("set with aws ssm put-parameter --overwrite"))
                .build(), CustomResourceOptions.builder().ignoreChanges("value").build());
        var logs = new BucketV2("w04-logs", BucketV2Args.builder().build());
        new LoadBalancedService("w04", LoadBalancedServiceArgs.builder()
                .container(ContainerArgs.builder()
                        .image(IMAGE)
                        .appSecret("DB_PASSWORD", dbPassword.arn())
                        .appSecret("API_TOKEN", apiToken.arn())
                        // The parameter's own key: without kms:Decrypt on it, the task cannot start.
                        .appSecretsKmsKeyArn(key.arn())
                        .environment("LOG_BUCKET", logs.bucket())
                        .build())
                .registryCredentials(RegistryCredentials.existing(GHCR_SECRET))
                .build());
    }

    /**
     * w05: the network is another stack's ({@value #NETWORK_STACK}): the load balancer in its public subnets admits
     * only the corporate CIDR blocks, the tasks run in its private subnets without a public IP.
     *
     * @param ctx the Pulumi context
     */
    public static void w05NetworkFromStackReference(Context ctx) {
        var network = new StackReference(NETWORK_STACK);
        new LoadBalancedService("w05", ordersArgs()
                .network(networkOf(network))
                .loadBalancer(ApplicationLoadBalancerOptions.builder()
                        .allowedCidrBlocks(strings(network, "corporateCidrBlocks"))
                        .build())
                .build());
    }

    /** The VPC and subnets of the network stack: the load balancer in the public subnets, the tasks in the private. */
    private static NetworkArgs networkOf(StackReference network) {
        return NetworkArgs.builder()
                .vpcId(network.requireOutput("vpcId").applyValue(String::valueOf))
                .publicSubnetIds(strings(network, "publicSubnetIds"))
                .privateSubnetIds(strings(network, "privateSubnetIds"))
                .build();
    }

    /** A list output of another stack, as strings. */
    private static Output<List<String>> strings(StackReference stack, String output) {
        return stack.requireOutput(output).applyValue(v -> ((List<?>) v).stream().map(String::valueOf).toList());
    }

    /**
     * w06: the service runs in {@value #WEST_REGION} through an explicit provider given to the composite: every child
     * and every lookup uses it, the default VPC is that region's, and {@link #GHCR_SECRET} names that region's secret.
     *
     * @param ctx the Pulumi context
     */
    public static void w06ExplicitProvider(Context ctx) {
        var west = new Provider("w06-" + WEST_REGION, ProviderArgs.builder().region(WEST_REGION).build());
        new LoadBalancedService("w06", ordersArgs().build(),
                ComponentResourceOptions.builder().providers(west).build());
    }

    /**
     * w07: two services, {@code api} and {@code web}, share this stack's cluster and one load balancer with one
     * HTTPS listener; each has its own target group, listener rule (by host) and service.
     *
     * @param ctx the Pulumi context
     */
    public static void w07SharedClusterAndLoadBalancer(Context ctx) {
        NetworkArgs network = DefaultVpc.lookup(null);
        var cluster = new Cluster("w07-cluster", ClusterArgs.builder()
                .settings(ClusterSettingArgs.builder().name("containerInsights").value("enabled").build())
                .build());
        // Without a target group of its own the load balancer answers 404 to whatever no service's rule claims.
        var shared = new ApplicationLoadBalancer("w07-alb", ApplicationLoadBalancerArgs.builder()
                .network(network)
                .certificateArn(issuedCertificate("w07-cert", "api.example.com", "www.example.com"))
                .build());
        onSharedLoadBalancer("api", "ghcr.io/example-org/orders-api:1.4.2", "api.example.com", 10, network, shared,
                cluster);
        onSharedLoadBalancer("web", "ghcr.io/example-org/orders-web:1.4.2", "www.example.com", 20, network, shared,
                cluster);
    }

    private static LoadBalancedService onSharedLoadBalancer(String name, String image, String host, int priority,
                                                            NetworkArgs network, ApplicationLoadBalancer shared,
                                                            Cluster cluster) {
        return new LoadBalancedService(name, LoadBalancedServiceArgs.builder()
                .container(ContainerArgs.builder().image(image).build())
                .registryCredentials(RegistryCredentials.existing(GHCR_SECRET))
                .network(network)
                .listenerRule(ListenerRuleArgs.builder()
                        .loadBalancer(shared)
                        .hostHeader(host)
                        .priority(priority)
                        .build())
                .service(EcsServiceOptions.builder().clusterArn(cluster.arn()).build())
                .build());
    }

    /**
     * w08: an OpenTelemetry collector runs beside the main container, from a public image and not essential; the
     * main container starts once the collector has started, so its first spans have somewhere to go.
     *
     * @param ctx the Pulumi context
     */
    public static void w08Sidecar(Context ctx) {
        new LoadBalancedService("w08", LoadBalancedServiceArgs.builder()
                .container(ContainerArgs.builder()
                        .image(IMAGE)
                        .environment("OTEL_EXPORTER_OTLP_ENDPOINT", "http://localhost:4317")
                        .dependsOn(OTEL_CONTAINER, "START")
                        .build())
                .sidecar(ContainerArgs.builder()
                        .name(OTEL_CONTAINER)
                        .image(OTEL_IMAGE)
                        // A collector that stops loses telemetry, not orders: the task keeps serving.
                        .essential(false)
                        .command(List.of("--config=/etc/ecs/ecs-default-config.yaml"))
                        .build())
                .registryCredentials(RegistryCredentials.existing(GHCR_SECRET))
                .build());
    }

    /**
     * w09: the application reads the objects of this stack's bucket with a task role the library creates, separate
     * from the execution role that pulls the image.
     *
     * @param ctx the Pulumi context
     */
    public static void w09TaskRoleWithStatements(Context ctx) {
        var reports = new BucketV2("w09-reports", BucketV2Args.builder().build());
        new LoadBalancedService("w09", ordersArgs()
                .taskRole(TaskRoleArgs.builder()
                        .statement(PolicyStatement.builder()
                                .sid("ReadReports")
                                .action("s3:GetObject")
                                .resource(reports.arn().applyValue(arn -> arn + "/*"))
                                .build())
                        .build())
                .build());
    }

    /**
     * w10: tags given once reach every taggable resource, with ECS Exec (a task role) and autoscaling on so that
     * those resources are tagged too.
     *
     * @param ctx the Pulumi context
     */
    public static void w10Tags(Context ctx) {
        new LoadBalancedService("w10", ordersArgs()
                .service(EcsServiceOptions.builder()
                        .enableExecuteCommand(true)
                        .autoScaling(AutoScalingArgs.builder().minCount(2).maxCount(6).build())
                        .build())
                .tags(TAGS)
                .build());
    }

    /**
     * w11: a fast health check and a capacity mix. One service runs one on-demand task first and three Spot tasks
     * for every further on-demand one, on X86_64; a second runs on ARM64 (Graviton) with on-demand Fargate only.
     * Each creates its cluster, with the strategy's capacity providers associated (ECS refuses a strategy otherwise).
     *
     * @param ctx the Pulumi context
     */
    public static void w11HealthCheckAndCapacity(Context ctx) {
        var targetGroup = TargetGroupArgs.builder()
                .healthCheck(HealthCheckArgs.builder()
                        .intervalSeconds(10)
                        .healthyThreshold(2)
                        .unhealthyThreshold(3)
                        .timeoutSeconds(5)
                        .matcher("200-299")
                        .build())
                .build();
        // "Linux tasks with the ARM64 architecture don't support the Fargate Spot capacity provider" (ECS developer
        // guide), and the library refuses ARM64 with FARGATE_SPOT: the Spot mix runs on X86_64, Graviton on demand.
        new LoadBalancedService("w11", ordersArgs()
                .targetGroup(targetGroup)
                .service(EcsServiceOptions.builder()
                        .cpuArchitecture(CpuArchitecture.X86_64)
                        .launch(Launch.fargate()
                                .capacityProvider(CapacityProviderStrategy.fargate(1, 1))
                                .capacityProvider(CapacityProviderStrategy.fargateSpot(3)))
                        .build())
                .build());
        // The image is multi-architecture, so the same tag runs on Graviton.
        new LoadBalancedService("w11-arm", ordersArgs()
                .targetGroup(targetGroup)
                .service(EcsServiceOptions.builder()
                        .cpuArchitecture(CpuArchitecture.ARM64)
                        .launch(Launch.fargate().capacityProvider(CapacityProviderStrategy.fargate(1, 1)))
                        .build())
                .build());
    }

    /**
     * w12: the stack's own resources read the composite's handles: a Route 53 alias to the load balancer, a rule on
     * the library's listener that refuses {@code /admin/*}, and exports of what operators look up.
     *
     * @param ctx the Pulumi context
     */
    public static void w12Handles(Context ctx) {
        var service = new LoadBalancedService("w12", ordersArgs().build());
        var loadBalancer = service.loadBalancer().orElseThrow();
        new Record("w12-alias", RecordArgs.builder()
                .zoneId(HOSTED_ZONE_ID)
                .name(DOMAIN)
                .type("A")
                .aliases(RecordAliasArgs.builder()
                        .name(loadBalancer.dnsName())
                        .zoneId(loadBalancer.zoneId())
                        .evaluateTargetHealth(true)
                        .build())
                .build());
        // The admin endpoints are for the VPC only; from the internet they answer 403 before reaching a task.
        new ListenerRule("w12-admin-forbidden", com.pulumi.aws.lb.ListenerRuleArgs.builder()
                .listenerArn(loadBalancer.listener().arn())
                .priority(1)
                .conditions(ListenerRuleConditionArgs.builder()
                        .pathPattern(ListenerRuleConditionPathPatternArgs.builder().values("/admin/*").build())
                        .build())
                .actions(ListenerRuleActionArgs.builder()
                        .type("fixed-response")
                        .fixedResponse(ListenerRuleActionFixedResponseArgs.builder()
                                .statusCode("403").contentType("text/plain").messageBody("Forbidden").build())
                        .build())
                .build());
        var ecs = service.service();
        ctx.export("serviceName", ecs.service().name());
        ctx.export("taskDefinitionArn", ecs.taskDefinition().arn());
        ctx.export("targetGroupArn", service.targetGroup().arn());
        ctx.export("clusterName", ecs.cluster().orElseThrow().name());
        ctx.export("logGroupName", ecs.logGroup().name());
        ctx.export("executionRoleArn", service.executionRole().arn());
        ctx.export("taskSecurityGroupId", ecs.securityGroup().id());
    }

    /**
     * w13: the service runs on Graviton container instances of its own (launch type EC2) instead of Fargate, its
     * containers on the instances' network (bridge: dynamic host ports behind the load balancer, as many tasks as fit
     * instead of one network interface each). The ECS agent holds the ghcr.io credentials ({@code registryAuth
     * instance}): created from this stack's config and encrypted with a KMS key of this stack, they are read at boot
     * by the instance role, which may decrypt exactly that key through Secrets Manager; the execution role reads no
     * secret and the task names none. The stack's alarms read the instances' handles.
     *
     * @param ctx the Pulumi context; reads {@code registryUsername} and the secret {@code registryPassword}
     */
    public static void w13Ec2LaunchType(Context ctx) {
        var credentials = credentialsFromConfig(ctx);
        var key = rotatedKey("w13-key", "Encrypts the ghcr.io pull credentials of the orders service's instances");
        var service = new LoadBalancedService("w13", LoadBalancedServiceArgs.builder()
                .container(orders())
                .registryCredentials(credentials.kmsKeyArn(key.arn()))
                .service(EcsServiceOptions.builder()
                        // The image is multi-architecture; the task's platform must match the instances'.
                        .cpuArchitecture(CpuArchitecture.ARM64)
                        .launch(Launch.ec2(Ec2CapacityOptions.builder()
                                        .instanceType(EC2_INSTANCE_TYPE)
                                        // One instance per availability zone from the start: the service spreads its
                                        // two tasks over the zones before it packs them.
                                        .minInstances(2)
                                        .maxInstances(4)
                                        .build())
                                .networkMode(NetworkMode.BRIDGE)
                                .registryAuth(RegistryAuth.INSTANCE))
                        .build())
                .build());
        var instances = service.service().ec2Capacity().orElseThrow();
        // Subscriptions (e-mail, chat) are the operators' to add; they need a confirmation outside the program.
        var alerts = new Topic("w13-alerts", TopicArgs.builder().build());
        new MetricAlarm("w13-instances-impaired", MetricAlarmArgs.builder()
                .alarmDescription("Container instances of the orders service fail their EC2 status checks; the group "
                        + "replaces them, repeated failures point at the AMI or the instance type")
                .namespace("AWS/EC2")
                .metricName("StatusCheckFailed")
                // EC2 aggregates its instance metrics by the group's name, with basic monitoring too.
                .dimensions(instances.autoScalingGroup().name().applyValue(asg -> Map.of("AutoScalingGroupName", asg)))
                .statistic("Maximum")
                .period(60)
                .evaluationPeriods(5)
                .threshold(1.0)
                .comparisonOperator("GreaterThanOrEqualToThreshold")
                .alarmActions(alerts.arn().applyValue(List::of))
                .build());
        // Managed scaling keeps the reservation at its target of 100 %; above it for 15 minutes, tasks wait for
        // instances the group cannot add (at maxInstances) or that do not join the cluster.
        new MetricAlarm("w13-capacity-short", MetricAlarmArgs.builder()
                .alarmDescription("Tasks of the orders service wait for container instances")
                .namespace("AWS/ECS/ManagedScaling")
                .metricName("CapacityProviderReservation")
                .dimensions(Output.tuple(service.service().clusterName(), instances.capacityProvider().name())
                        .applyValue(t -> Map.of("ClusterName", t.t1, "CapacityProviderName", t.t2)))
                .statistic("Average")
                .period(300)
                .evaluationPeriods(3)
                .threshold(100.0)
                .comparisonOperator("GreaterThanThreshold")
                .alarmActions(alerts.arn().applyValue(List::of))
                .build());
        ctx.export("autoScalingGroupName", instances.autoScalingGroup().name());
        ctx.export("launchTemplateId", instances.launchTemplate().id());
        ctx.export("launchTemplateVersion", instances.launchTemplate().latestVersion());
    }

    /**
     * w14: the tasks run in the private subnets of the network stack ({@value #NETWORK_STACK}), which have no NAT
     * gateway. They pull the ghcr.io image through an ECR pull-through cache of this stack (ECR fetches it from
     * ghcr.io with the credentials from config on the first pull and serves it from the region after) and reach ECR,
     * its S3 layers and CloudWatch Logs through VPC endpoints, which admit exactly the tasks' security group.
     *
     * @param ctx the Pulumi context; reads {@code registryUsername} and the secret {@code registryPassword}
     */
    public static void w14PullThroughCacheWithVpcEndpoints(Context ctx) {
        var credentials = credentialsFromConfig(ctx);
        new LoadBalancedService("w14", LoadBalancedServiceArgs.builder()
                .container(orders())
                // The cache's credentials: ECR reads them, the tasks never do.
                .registryCredentials(credentials)
                // The upstream follows from the image (ghcr.io), the prefix from the stack's name.
                .pullThroughCache(PullThroughCacheOptions.builder().build())
                .network(networkOf(new StackReference(NETWORK_STACK)))
                // The S3 gateway joins the private subnets' route tables, looked up from the subnets.
                .vpcEndpoints(VpcEndpointsOptions.builder().build())
                .build());
    }

    /**
     * w15: the service joins the load balancer of the edge team's stack ({@value #EDGE_STACK}), which exports its
     * HTTPS listener, its security group and its targets' security group: the tasks carry the targets' group and admit
     * the edge group on their port, and this stack adds no rule to the edge stack's group. A log router from the same
     * registry (ghcr.io) runs beside the main container and pulls with its credentials.
     *
     * @param ctx the Pulumi context
     */
    public static void w15LoadBalancerOfAnotherStack(Context ctx) {
        var edge = new StackReference(EDGE_STACK);
        new LoadBalancedService("w15", ordersArgs()
                .network(networkOf(new StackReference(NETWORK_STACK)))
                .listenerRule(ListenerRuleArgs.builder()
                        .listenerArn(edge.requireOutput("listenerArn").applyValue(String::valueOf))
                        .loadBalancerSecurityGroupId(edge.requireOutput("securityGroupId").applyValue(String::valueOf))
                        .targetsSecurityGroupId(edge.requireOutput("targetsSecurityGroupId")
                                .applyValue(String::valueOf))
                        .hostHeader("orders.example.com")
                        .priority(150)
                        .build())
                .sidecar(ContainerArgs.builder()
                        .name(LOG_ROUTER_CONTAINER)
                        .image(LOG_ROUTER_IMAGE)
                        .essential(false)
                        .build())
                .build());
    }

    /**
     * u01, <b>deprecated on purpose</b>: a program written for 1.x, unchanged, the one here that uses the deprecated
     * names ({@code LoadBalancedFargateService}, {@code LoadBalancedFargateServiceArgs}). It shows the upgrade path: a
     * 1.x stack still compiles against 2.x and registers its 1.x names (the component's 1.x type token, the service
     * child {@code u01-fargate}, an {@code ecs.FargateService}, and the task definition family {@code u01-fargate}),
     * so that a deployed stack keeps every URN. Every other program here is written as new code is, with
     * {@link LoadBalancedService} ({@code <name>-ecs}), which answers to these URNs through aliases when a stack moves
     * to it.
     *
     * @param ctx the Pulumi context
     */
    @SuppressWarnings("removal") // the deprecated 1.x names, on purpose: the upgrade path
    public static void u01DeprecatedFargateServiceOf1x(Context ctx) {
        new LoadBalancedFargateService("u01", LoadBalancedFargateServiceArgs.builder()
                .container(orders())
                .registryCredentials(RegistryCredentials.existing(GHCR_SECRET))
                .service(FargateServiceArgs.builder().desiredCount(1).build())
                .build());
    }

    /**
     * b01: an image reference no registry accepts (upper-case path); refused under {@code container.image} before any
     * AWS resource.
     *
     * @param ctx the Pulumi context
     */
    public static void b01BadImage(Context ctx) {
        new LoadBalancedService("b01", LoadBalancedServiceArgs.builder()
                .container(ContainerArgs.builder().image(BAD_IMAGE).build())
                .registryCredentials(RegistryCredentials.existing(GHCR_SECRET))
                .build());
    }

    /**
     * b02: a partial secret ARN (without Secrets Manager's six-character suffix), which ECS cannot resolve; refused
     * under {@code registryCredentials.secret} before any AWS resource.
     *
     * @param ctx the Pulumi context
     */
    public static void b02PartialSecretArn(Context ctx) {
        new LoadBalancedService("b02", LoadBalancedServiceArgs.builder()
                .container(orders())
                .registryCredentials(RegistryCredentials.existing(
                        "arn:aws:secretsmanager:eu-west-1:111122223333:secret:ghcr"))
                .build());
    }

    /**
     * b03: an existing secret in eu-west-1 with a key in us-east-1, of the deploying account; Secrets Manager uses a
     * key of the secret's own region, so this is refused under {@code registryCredentials.kmsKeyArn} before any AWS
     * resource.
     *
     * @param ctx the Pulumi context
     */
    public static void b03KeyInAnotherRegion(Context ctx) {
        new LoadBalancedService("b03", LoadBalancedServiceArgs.builder()
                .container(orders())
                .registryCredentials(RegistryCredentials
                        .existing("arn:aws:secretsmanager:eu-west-1:123456789012:secret:ghcr-AbCdEf")
                        .kmsKeyArn("arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"))
                .build());
    }

    /**
     * b04: the same bad image, arriving as an {@link Output} (as from another resource or stack): the library checks
     * it where the task definition consumes it, and the program fails naming {@code container.image}.
     *
     * @param ctx the Pulumi context
     */
    public static void b04BadImageFromOutput(Context ctx) {
        new LoadBalancedService("b04", LoadBalancedServiceArgs.builder()
                .container(ContainerArgs.builder().image(Output.of(BAD_IMAGE)).build())
                .registryCredentials(RegistryCredentials.existing(GHCR_SECRET))
                .build());
    }
}
