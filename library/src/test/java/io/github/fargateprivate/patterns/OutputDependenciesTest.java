package io.github.fargateprivate.patterns;

import com.google.common.reflect.ClassPath;
import com.pulumi.aws.acm.Certificate;
import com.pulumi.aws.acm.CertificateArgs;
import com.pulumi.aws.acm.CertificateValidation;
import com.pulumi.aws.acm.CertificateValidationArgs;
import com.pulumi.aws.ssm.Parameter;
import com.pulumi.aws.ssm.ParameterArgs;
import com.pulumi.core.Output;
import io.github.fargateprivate.ecs.RegistryAuth;
import io.github.fargateprivate.ecs.EcsServiceOptions;
import io.github.fargateprivate.ecs.Launch;
import io.github.fargateprivate.Value;
import io.github.fargateprivate.cloudwatch.DeploymentAlarms;
import io.github.fargateprivate.cloudwatch.DeploymentAlarmsArgs;
import io.github.fargateprivate.cloudwatch.PullFailureAlerts;
import io.github.fargateprivate.cloudwatch.PullFailureAlertsArgs;
import io.github.fargateprivate.ec2.NetworkArgs;
import io.github.fargateprivate.ec2.VpcEndpoints;
import io.github.fargateprivate.ec2.VpcEndpointsArgs;
import io.github.fargateprivate.ec2.VpcEndpointsOptions;
import io.github.fargateprivate.ecr.PullThroughCacheOptions;
import io.github.fargateprivate.ecs.ContainerArgs;
import io.github.fargateprivate.ecs.Ec2Capacity;
import io.github.fargateprivate.ecs.Ec2CapacityArgs;
import io.github.fargateprivate.ecs.Ec2CapacityOptions;
import io.github.fargateprivate.ecs.FargateService;
import io.github.fargateprivate.ecs.EcsServiceArgs;
import io.github.fargateprivate.iam.PolicyStatement;
import io.github.fargateprivate.iam.TaskExecutionRole;
import io.github.fargateprivate.iam.TaskExecutionRoleArgs;
import io.github.fargateprivate.iam.TaskRoleArgs;
import io.github.fargateprivate.lb.ApplicationLoadBalancer;
import io.github.fargateprivate.lb.ApplicationLoadBalancerArgs;
import io.github.fargateprivate.lb.ApplicationLoadBalancerOptions;
import io.github.fargateprivate.lb.ListenerRuleArgs;
import io.github.fargateprivate.lb.ListenerTarget;
import io.github.fargateprivate.lb.ListenerTargetArgs;
import io.github.fargateprivate.lb.TargetGroupArgs;
import io.github.fargateprivate.registry.Registry;
import io.github.fargateprivate.secretsmanager.RegistryCredentials;
import io.github.fargateprivate.secretsmanager.RegistryCredentialsSecret;
import io.github.fargateprivate.secretsmanager.RegistryCredentialsSecretArgs;
import io.github.fargateprivate.testing.OfflineMocks;
import io.github.fargateprivate.testing.OfflineRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.github.fargateprivate.Fixtures.DB_SECRET;
import static io.github.fargateprivate.Fixtures.ECR_IMAGE;
import static io.github.fargateprivate.Fixtures.GHCR_IMAGE;
import static io.github.fargateprivate.Fixtures.KEY;
import static io.github.fargateprivate.Fixtures.LB_SECURITY_GROUP;
import static io.github.fargateprivate.Fixtures.PRIVATE_SUBNETS;
import static io.github.fargateprivate.Fixtures.REGISTRY_SECRET;
import static io.github.fargateprivate.Fixtures.TASK_ROLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every option that takes an {@code Output} keeps the resource it came from as a dependency of the inputs built from
 * it, in {@code pulumi up} and in a preview, where the value is unknown and the dependency is all the engine has to
 * order the resources by. One row per option and path: the program feeds the option a valid value of a source
 * resource of the same stack, and names the inputs that must wait for it.
 */
class OutputDependenciesTest {

    private static final String VPC = "vpc-0123456789abcdef0";
    private static final List<String> PUBLIC_SUBNETS = List.of("subnet-0e0e0e0e0e0e0e0e0", "subnet-0f0f0f0f0f0f0f0f0");
    private static final String CLUSTER = "arn:aws:ecs:eu-central-1:123456789012:cluster/shared";
    private static final String LISTENER =
            "arn:aws:elasticloadbalancing:eu-central-1:123456789012:listener/app/shared/0123456789abcdef/"
                    + "0123456789abcdef";
    private static final String TARGET_GROUP =
            "arn:aws:elasticloadbalancing:eu-central-1:123456789012:targetgroup/shared/0123456789abcdef";
    private static final String TARGETS_SECURITY_GROUP = "sg-0fedcba9876543210";
    private static final String TOPIC = "arn:aws:sns:eu-central-1:123456789012:alerts";
    private static final String[] ALARM_DIMENSIONS = {"alarms-5xx.dimensions", "alarms-unhealthy.dimensions"};
    private static final String CERTIFICATE =
            "arn:aws:acm:eu-central-1:123456789012:certificate/11111111-2222-3333-4444-555555555555";
    private static final String WEB_ACL =
            "arn:aws:wafv2:eu-central-1:123456789012:regional/webacl/edge/11111111-2222-3333-4444-555555555555";
    private static final String EXECUTION_ROLE = "arn:aws:iam::123456789012:role/exec";
    private static final String LOG_GROUP = "arn:aws:logs:eu-central-1:123456789012:log-group:app";
    private static final String CACHE_SECRET =
            "arn:aws:secretsmanager:eu-central-1:123456789012:secret:ecr-pullthroughcache/ghcr-AbCdEf";
    private static final String SIDECAR = "agent";
    private static final String SIDECAR_IMAGE = "ghcr.io/acme/agent:1.0.0";
    private static final String PUBLIC_IMAGE = "public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0";
    /** Inputs of the composite {@code svc} that many options reach. */
    private static final String TASK = "svc-fargate-task.containerDefinitions";
    private static final String EXEC_POLICY = "svc-execution-exec-policy.policy";
    private static final String SERVICE_NETWORK = "svc-fargate-service.networkConfiguration";
    /** Where the composite's VPC goes: its load balancer's groups and target group, the tasks' group. */
    private static final List<String> VPC_USERS = List.of("svc-lb-alb-sg.vpcId", "svc-lb-targets-sg.vpcId",
            "svc-lb-tg.vpcId", "svc-fargate-task-sg.vpcId");

    /** The two ways a program runs: an update, and a preview in which every output AWS assigns is unknown. */
    enum Mode {
        UP, PREVIEW;

        OfflineMocks mocks() {
            return this == UP ? new OfflineMocks() : new OfflineMocks().unknownOutputs();
        }
    }

    /** The source resource's output, as a program fragment sees it. */
    record From(Output<String> output) {
        /** @return a valid value of the option, known once the source exists */
        <T> Output<T> valid(T value) {
            return output.applyValue(ignored -> value);
        }
    }

    /** What creates the source resource. */
    enum Source {
        /** An SSM parameter {@code src}: its ARN is assigned by AWS, unknown in a preview. */
        PARAMETER("src"),
        /** The issue's case: an ACM certificate and its validation, whose {@code certificateArn} a listener takes. */
        VALIDATED_CERTIFICATE("validation");

        private final String resource;

        Source(String resource) {
            this.resource = resource;
        }

        From create() {
            if (this == PARAMETER) {
                return new From(new Parameter(resource, ParameterArgs.builder().type("String")
                        .value("source").build()).arn());
            }
            var certificate = new Certificate("cert", CertificateArgs.builder().domainName("api.example.com")
                    .validationMethod("DNS").build());
            return new From(new CertificateValidation(resource, CertificateValidationArgs.builder()
                    .certificateArn(certificate.arn()).build()).certificateArn());
        }
    }

    /**
     * One option on one path.
     *
     * @param method    the library method that takes the Output: {@code Type.method(Parameters)}, and {@code #i}
     *                  for the i-th of several Output parameters
     * @param path      where the value goes, for the test's name
     * @param source    where it comes from
     * @param program   feeds the option a value of the source
     * @param consumers the inputs that must wait for the source, each {@code resource.input}: all that do
     */
    record Option(String method, String path, Source source, Consumer<From> program, List<String> consumers) {
        @Override
        public String toString() {
            return method + " (" + path + ")";
        }
    }

    private static Option option(String method, String path, Consumer<From> program, String... consumers) {
        return new Option(method, path, Source.PARAMETER, program, List.of(consumers));
    }

    /** A load balancer {@code edge} of its own, changed as {@code configure} says. */
    private static void alb(Consumer<ApplicationLoadBalancerArgs.Builder> configure) {
        var args = ApplicationLoadBalancerArgs.builder().network(network().build());
        configure.accept(args);
        new ApplicationLoadBalancer("edge", args.build());
    }

    /** The composite {@code svc} with an ECR image, changed as {@code configure} says. */
    private static void service(Consumer<LoadBalancedServiceArgs.Builder> configure) {
        var args = LoadBalancedFargateServiceArgs.builder().container(ContainerArgs.builder().image(ECR_IMAGE).build());
        configure.accept(args);
        new LoadBalancedFargateService("svc", args.build());
    }

    /** The main container on a private registry, pulled with the given credentials. */
    private static Consumer<LoadBalancedServiceArgs.Builder> ghcr(RegistryCredentials credentials) {
        return a -> a.container(ContainerArgs.builder().image(GHCR_IMAGE).build()).registryCredentials(credentials);
    }

    /** A sidecar of another private registry, pulled with its own credentials. */
    private static Consumer<LoadBalancedServiceArgs.Builder> sidecar(RegistryCredentials credentials) {
        return a -> a.sidecar(ContainerArgs.builder().name(SIDECAR).image(SIDECAR_IMAGE).build(), credentials);
    }

    private static Consumer<LoadBalancedServiceArgs.Builder> sidecar(ContainerArgs.Builder sidecar) {
        return a -> a.sidecar(sidecar.name(SIDECAR).build());
    }

    private static Consumer<LoadBalancedServiceArgs.Builder> onEc2(Ec2CapacityOptions.Builder ec2) {
        return a -> a.service(EcsServiceOptions.builder().launch(launchOf(ec2.build())).build());
    }

    /** The instances with the registry authentication they name, as the service's launch. */
    private static Launch launchOf(Ec2CapacityOptions instances) {
        return Launch.ec2(instances).registryAuth(instances.instanceRegistryAuth() ? RegistryAuth.INSTANCE
                : RegistryAuth.TASK);
    }

    private static NetworkArgs.Builder network() {
        return NetworkArgs.builder().vpcId(VPC).publicSubnetIds(PUBLIC_SUBNETS).privateSubnetIds(PRIVATE_SUBNETS);
    }

    private static ListenerRuleArgs.Builder rule() {
        return ListenerRuleArgs.builder().listenerArn(LISTENER).loadBalancerSecurityGroupId(LB_SECURITY_GROUP)
                .hostHeader("api.example.com").priority(10);
    }

    /** The part {@code fs} alone, with its wiring: the tasks' network, one container, an execution role. */
    private static void fargate(Consumer<EcsServiceArgs.Builder> configure) {
        var args = EcsServiceArgs.builder().network(NetworkArgs.builder().vpcId(VPC).publicSubnetIds(PUBLIC_SUBNETS)
                .build()).container(ContainerArgs.builder().image(GHCR_IMAGE).build()).executionRoleArn(EXECUTION_ROLE);
        configure.accept(args);
        new FargateService("fs", args.build());
    }

    /** The part {@code pool} alone, with the wiring a service would set. */
    private static void ec2(Consumer<Ec2CapacityArgs.Builder> configure) {
        var args = Ec2CapacityArgs.builder().clusterName(Output.of("shared"))
                .network(Output.of(VPC), Output.of(PRIVATE_SUBNETS));
        configure.accept(args);
        new Ec2Capacity("pool", args.build());
    }

    private static Consumer<Ec2CapacityArgs.Builder> instanceAuth(Output<String> secret, Output<String> host) {
        return a -> a.registryAuth(Ec2CapacityArgs.REGISTRY_AUTH_INSTANCE).registryCredentials(secret, host);
    }

    /** The part {@code alarms} alone, with its wiring. */
    private static void alarms(Consumer<DeploymentAlarmsArgs.Builder> configure) {
        var args = DeploymentAlarmsArgs.builder().targetGroupArnSuffix("targetgroup/tg/0123456789abcdef")
                .loadBalancerArnSuffix("app/shared/0123456789abcdef");
        configure.accept(args);
        new DeploymentAlarms("alarms", args.build());
    }

    /** The part {@code pf} alone, with its wiring. */
    private static void pullFailures(Consumer<PullFailureAlertsArgs.Builder> configure) {
        var args = PullFailureAlertsArgs.builder().clusterArn(CLUSTER).serviceName("orders").topicArn(TOPIC);
        configure.accept(args);
        new PullFailureAlerts("pf", args.build());
    }

    /** The part {@code exec} alone. */
    private static void executionRole(Consumer<TaskExecutionRoleArgs.Builder> configure) {
        var args = TaskExecutionRoleArgs.builder();
        configure.accept(args);
        new TaskExecutionRole("exec", args.build());
    }

    /** The part {@code creds} alone. */
    private static void credentialsSecret(Consumer<RegistryCredentialsSecretArgs.Builder> configure) {
        var args = RegistryCredentialsSecretArgs.builder().username("reader").password(Output.ofSecret("token"));
        configure.accept(args);
        new RegistryCredentialsSecret("creds", args.build());
    }

    /** The part {@code vpce} alone. */
    private static void endpoints(Consumer<VpcEndpointsArgs.Builder> configure) {
        var args = VpcEndpointsArgs.builder().vpcId(Value.of(VPC)).subnetIds(Value.of(PRIVATE_SUBNETS));
        VpcEndpointsArgs.ALWAYS.forEach(args::service);
        configure.accept(args);
        new VpcEndpoints("vpce", args.build());
    }

    /** @return the consumers and more */
    private static String[] and(List<String> consumers, String... more) {
        return Stream.concat(consumers.stream(), Stream.of(more)).toArray(String[]::new);
    }

    static List<Option> options() {
        return List.of(
                // The composite's options: the containers
                option("ContainerArgs.image(Output)", "container, ECR", s -> service(a -> a.container(
                        ContainerArgs.builder().image(s.valid(ECR_IMAGE)).build())), TASK, EXEC_POLICY),
                option("ContainerArgs.image(Output)", "container, private registry", s -> service(ghcr(
                        RegistryCredentials.existing(REGISTRY_SECRET)).andThen(a -> a.container(
                        ContainerArgs.builder().image(s.valid(GHCR_IMAGE)).build()))), TASK, EXEC_POLICY),
                option("ContainerArgs.image(Output)", "container, through the pull-through cache", s -> service(ghcr(
                        RegistryCredentials.create("reader", Output.ofSecret("token"))).andThen(a -> a
                        .container(ContainerArgs.builder().image(s.valid(GHCR_IMAGE)).build())
                        .pullThroughCache(PullThroughCacheOptions.builder().registry(Registry.GHCR).build()))), TASK,
                        EXEC_POLICY),
                option("ContainerArgs.image(Output)", "sidecar", s -> service(sidecar(ContainerArgs.builder()
                        .image(s.valid(PUBLIC_IMAGE)))), TASK, EXEC_POLICY),
                option("ContainerArgs.environment(String,Output)", "container", s -> service(a -> a.container(
                        ContainerArgs.builder().image(ECR_IMAGE).environment("BUCKET", s.valid("logs")).build())),
                        TASK),
                option("ContainerArgs.environment(String,Output)", "sidecar", s -> service(sidecar(ContainerArgs
                        .builder().image(PUBLIC_IMAGE).environment("BUCKET", s.valid("logs")))), TASK),
                option("ContainerArgs.appSecret(String,Output)", "container", s -> service(a -> a.container(
                        ContainerArgs.builder().image(ECR_IMAGE).appSecret("DB", s.valid(DB_SECRET)).build())),
                        TASK, EXEC_POLICY),
                option("ContainerArgs.appSecret(String,Output)", "sidecar", s -> service(sidecar(ContainerArgs
                        .builder().image(PUBLIC_IMAGE).appSecret("DB", s.valid(DB_SECRET)))), TASK, EXEC_POLICY),
                option("ContainerArgs.appSecretsKmsKeyArn(Output)", "container", s -> service(a -> a.container(
                        ContainerArgs.builder().image(ECR_IMAGE).appSecret("DB", DB_SECRET)
                                .appSecretsKmsKeyArn(s.valid(KEY)).build())), EXEC_POLICY),
                option("ContainerArgs.appSecretsKmsKeyArn(Output)", "sidecar", s -> service(sidecar(ContainerArgs
                        .builder().image(PUBLIC_IMAGE).appSecret("DB", DB_SECRET).appSecretsKmsKeyArn(s.valid(KEY)))),
                        EXEC_POLICY),

                // The registry credentials
                option("RegistryCredentials.create(String,Output)", "container", s -> service(ghcr(
                        RegistryCredentials.create("reader", s.valid("token")))),
                        "svc-credentials-version.secretString"),
                option("RegistryCredentials.create(Output,Output)#1", "container", s -> service(ghcr(
                        RegistryCredentials.create(s.valid("reader"), Output.ofSecret("token")))),
                        "svc-credentials-version.secretString"),
                option("RegistryCredentials.create(Output,Output)#2", "container", s -> service(ghcr(
                        RegistryCredentials.create(Output.of("reader"), s.valid("token")))),
                        "svc-credentials-version.secretString"),
                option("RegistryCredentials.create(Output,Output)#1", "sidecar", s -> service(sidecar(
                        RegistryCredentials.create(s.valid("reader"), Output.ofSecret("token")))),
                        "svc-agent-credentials-version.secretString"),
                option("RegistryCredentials.create(Output,Output)#1", "the pull-through cache's", s -> service(ghcr(
                        RegistryCredentials.create(s.valid("reader"), Output.ofSecret("token"))).andThen(a -> a
                        .pullThroughCache(PullThroughCacheOptions.builder().build()))),
                        "svc-cache-secret-version.secretString"),
                option("RegistryCredentials.Create.kmsKeyArn(Output)", "container", s -> service(ghcr(
                        RegistryCredentials.create("reader", Output.ofSecret("token")).kmsKeyArn(s.valid(KEY)))),
                        "svc-credentials-secret.kmsKeyId", EXEC_POLICY),
                option("RegistryCredentials.Create.kmsKeyArn(Output)", "sidecar", s -> service(sidecar(
                        RegistryCredentials.create("reader", Output.ofSecret("token")).kmsKeyArn(s.valid(KEY)))),
                        "svc-agent-credentials-secret.kmsKeyId", EXEC_POLICY),
                option("RegistryCredentials.Create.kmsKeyArn(Output)", "container, registryAuth instance", s -> service(
                        ghcr(RegistryCredentials.create("reader", Output.ofSecret("token")).kmsKeyArn(s.valid(KEY)))
                                .andThen(onEc2(Ec2CapacityOptions.builder()
                                        .registryAuth(Ec2CapacityArgs.REGISTRY_AUTH_INSTANCE)))),
                        "svc-credentials-secret.kmsKeyId", "svc-fargate-ec2-instance-secret.policy"),
                option("RegistryCredentials.existing(Output)", "container", s -> service(ghcr(
                        RegistryCredentials.existing(s.valid(REGISTRY_SECRET)))), TASK, EXEC_POLICY),
                option("RegistryCredentials.existing(Output)", "sidecar", s -> service(sidecar(
                        RegistryCredentials.existing(s.valid(REGISTRY_SECRET)))), TASK, EXEC_POLICY),
                option("RegistryCredentials.existing(Output)", "container, registryAuth instance", s -> service(ghcr(
                        RegistryCredentials.existing(s.valid(REGISTRY_SECRET))).andThen(onEc2(Ec2CapacityOptions
                        .builder().registryAuth(Ec2CapacityArgs.REGISTRY_AUTH_INSTANCE)))),
                        "svc-fargate-ec2-instance-secret.policy", "svc-fargate-ec2-launch-template.userData"),
                option("RegistryCredentials.existing(Output)", "the pull-through cache's", s -> service(ghcr(
                        RegistryCredentials.existing(s.valid(CACHE_SECRET))).andThen(a -> a
                        .pullThroughCache(PullThroughCacheOptions.builder().build()))), "svc-cache-rule.credentialArn"),
                option("RegistryCredentials.Existing.kmsKeyArn(Output)", "container", s -> service(ghcr(
                        RegistryCredentials.existing(REGISTRY_SECRET).kmsKeyArn(s.valid(KEY)))), EXEC_POLICY),
                option("RegistryCredentials.Existing.kmsKeyArn(Output)", "sidecar", s -> service(sidecar(
                        RegistryCredentials.existing(REGISTRY_SECRET).kmsKeyArn(s.valid(KEY)))), EXEC_POLICY),

                // The network
                option("NetworkArgs.vpcId(Output)", "network", s -> service(a -> a.network(network()
                        .vpcId(s.valid(VPC)).build())), and(VPC_USERS)),
                option("NetworkArgs.vpcId(Output)", "network, internal load balancer admitting the VPC's CIDRs",
                        s -> service(a -> a.network(network().vpcId(s.valid(VPC)).build()).loadBalancer(
                                ApplicationLoadBalancerOptions.builder().internalLoadBalancer(true).build())),
                        and(VPC_USERS, "svc-lb-alb-sg.ingress")),
                option("NetworkArgs.vpcId(Output)", "network, launch type EC2", s -> service(onEc2(Ec2CapacityOptions
                        .builder()).andThen(a -> a.network(network().vpcId(s.valid(VPC)).build()))),
                        and(VPC_USERS, "svc-fargate-ec2-instance-sg.vpcId")),
                option("NetworkArgs.vpcId(Output)", "network, VPC endpoints", s -> service(a -> a
                        .network(network().vpcId(s.valid(VPC)).build()).vpcEndpoints(VpcEndpointsOptions.builder()
                                .build())), and(VPC_USERS, "svc-endpoints-sg.vpcId", "svc-endpoints-s3.vpcId",
                        "svc-endpoints-ecr-api.vpcId", "svc-endpoints-ecr-dkr.vpcId", "svc-endpoints-logs.vpcId")),
                option("NetworkArgs.publicSubnetIds(Output)", "network", s -> service(a -> a.network(network()
                        .publicSubnetIds(s.valid(PUBLIC_SUBNETS)).build())), "svc-lb-alb.subnets"),
                option("NetworkArgs.privateSubnetIds(Output)", "network", s -> service(a -> a.network(network()
                        .privateSubnetIds(s.valid(PRIVATE_SUBNETS)).build())), SERVICE_NETWORK),
                option("NetworkArgs.privateSubnetIds(Output)", "network, launch type EC2", s -> service(onEc2(
                        Ec2CapacityOptions.builder()).andThen(a -> a.network(network()
                        .privateSubnetIds(s.valid(PRIVATE_SUBNETS)).build()))), SERVICE_NETWORK,
                        "svc-fargate-ec2-asg.vpcZoneIdentifiers"),
                option("NetworkArgs.privateSubnetIds(Output)", "network, VPC endpoints' route tables looked up",
                        s -> service(a -> a.network(network().privateSubnetIds(s.valid(PRIVATE_SUBNETS)).build())
                                .vpcEndpoints(VpcEndpointsOptions.builder().build())),
                        SERVICE_NETWORK, "svc-endpoints-ecr-api.subnetIds", "svc-endpoints-ecr-dkr.subnetIds",
                        "svc-endpoints-logs.subnetIds", "svc-endpoints-s3.routeTableIds"),
                option("VpcEndpointsOptions.routeTableIds(Output)", "vpcEndpoints", s -> service(a -> a
                        .network(network().build()).vpcEndpoints(VpcEndpointsOptions.builder()
                                .routeTableIds(s.valid(List.of("rtb-0123456789abcdef0"))).build())),
                        "svc-endpoints-s3.routeTableIds"),

                // The own load balancer; the issue's case first
                new Option("ApplicationLoadBalancerArgs.certificateArn(Output)", "validation.certificateArn()",
                        Source.VALIDATED_CERTIFICATE, s -> service(a -> a.loadBalancer(ApplicationLoadBalancerOptions
                        .builder().certificateArn(s.output()).build())), List.of("svc-lb-https.certificateArn")),
                option("ApplicationLoadBalancerArgs.allowedCidrBlocks(Output)", "loadBalancer", s -> service(a -> a
                        .loadBalancer(ApplicationLoadBalancerOptions.builder()
                                .allowedCidrBlocks(s.valid(List.of("10.0.0.0/8"))).build())), "svc-lb-alb-sg.ingress"),
                option("ApplicationLoadBalancerArgs.accessLogsBucket(Output)", "loadBalancer", s -> service(a -> a
                        .loadBalancer(ApplicationLoadBalancerOptions.builder().accessLogsBucket(s.valid("access-logs"))
                                .build())), "svc-lb-alb.accessLogs"),
                option("ApplicationLoadBalancerArgs.webAclArn(Output)", "loadBalancer", s -> service(a -> a
                        .loadBalancer(ApplicationLoadBalancerOptions.builder().webAclArn(s.valid(WEB_ACL)).build())),
                        "svc-lb-waf.webAclArn"),

                // A place on a shared load balancer
                option("ListenerRuleArgs.listenerArn(Output)", "listenerRule", s -> service(a -> a.listenerRule(
                        rule().listenerArn(s.valid(LISTENER)).build())), "svc-target-rule.listenerArn",
                        "svc-alarms-5xx.dimensions", "svc-alarms-unhealthy.dimensions"),
                option("ListenerRuleArgs.loadBalancerSecurityGroupId(Output)", "listenerRule", s -> service(a -> a
                        .listenerRule(rule().loadBalancerSecurityGroupId(s.valid(LB_SECURITY_GROUP)).build())),
                        "svc-fargate-task-sg.ingress", "svc-fargate-alb-egress.securityGroupId"),
                option("ListenerRuleArgs.targetsSecurityGroupId(Output)", "listenerRule", s -> service(a -> a
                        .listenerRule(rule().targetsSecurityGroupId(s.valid(TARGETS_SECURITY_GROUP)).build())),
                        SERVICE_NETWORK),

                // The service's own options
                option("EcsServiceArgs.clusterArn(Output)", "service", s -> service(a -> a.service(
                        EcsServiceOptions.builder().clusterArn(s.valid(CLUSTER)).build())),
                        "svc-fargate-service.cluster"),
                option("EcsServiceArgs.logKmsKeyArn(Output)", "service", s -> service(a -> a.service(
                        EcsServiceOptions.builder().logKmsKeyArn(s.valid(KEY)).build())), "svc-fargate-logs.kmsKeyId"),
                option("EcsServiceArgs.ephemeralStorageKmsKeyArn(Output)", "service", s -> service(a -> a.service(
                        EcsServiceOptions.builder().ephemeralStorageKmsKeyArn(s.valid(KEY)).build())),
                        "svc-fargate-cluster.configuration"),
                option("EcsServiceArgs.executeCommandKmsKeyArn(Output)", "service", s -> service(a -> a.service(
                        EcsServiceOptions.builder().enableExecuteCommand(true).executeCommandKmsKeyArn(s.valid(KEY))
                                .build())), "svc-fargate-cluster.configuration",
                        "svc-fargate-exec-sessions-write.policy"),
                option("EcsServiceArgs.taskEgressCidrBlocks(Output)", "service", s -> service(a -> a.service(
                        EcsServiceOptions.builder().taskEgressCidrBlocks(s.valid(List.of("10.0.0.0/8"))).build())),
                        "svc-fargate-task-sg.egress"),
                option("EcsServiceArgs.taskRoleArn(Output)", "service", s -> service(a -> a.service(
                        EcsServiceOptions.builder().taskRoleArn(s.valid(TASK_ROLE)).build())),
                        "svc-fargate-task.taskRoleArn"),
                option("EcsServiceArgs.redeployTrigger(String,Output)", "service", s -> service(a -> a.service(
                        EcsServiceOptions.builder().redeployTrigger("config", s.valid("v2")).build())),
                        "svc-fargate-service.triggers"),
                option("EcsServiceArgs.deploymentAlarms(Output)", "service, beside the composite's alarms",
                        s -> service(a -> a.service(EcsServiceOptions.builder()
                                .deploymentAlarms(s.valid(List.of("latency"))).build())), "svc-fargate-service.alarms"),
                option("LoadBalancedServiceArgs.pullFailureTopicArn(Output)", "pullFailureTopicArn", s -> service(a -> a
                        .pullFailureTopicArn(s.valid(TOPIC))), "svc-pull-failures-target.arn"),
                option("Ec2CapacityArgs.amiId(Output)", "service.ec2", s -> service(onEc2(Ec2CapacityOptions
                        .builder().amiId(s.valid("ami-0abcdef1234567890")))), "svc-fargate-ec2-launch-template.imageId"),
                option("Ec2CapacityArgs.amiId(Output)", "Ec2Capacity", s -> ec2(a -> a
                        .amiId(s.valid("ami-0abcdef1234567890"))), "pool-launch-template.imageId"),
                option("EcsServiceArgs.registryCredentialsKmsKeyArn(Output)", "FargateService, launch type EC2",
                        s -> fargate(a -> a.registryCredentialsArn(REGISTRY_SECRET)
                                .registryCredentialsKmsKeyArn(s.valid(KEY))
                                .launch(Launch.ec2().registryAuth(RegistryAuth.INSTANCE))),
                        "fs-ec2-instance-secret.policy"),
                option("PolicyStatement.resource(Output)", "taskRole", s -> service(a -> a.taskRole(TaskRoleArgs
                        .builder().statement(PolicyStatement.builder().sid("Read").action("s3:GetObject")
                                .resource(s.valid("arn:aws:s3:::reports/*")).build()).build())),
                        "svc-task-policy.policy"),

                // The wiring the composite sets and refuses from users, through the parts that take it alone
                option("EcsServiceArgs.registryCredentialsArn(Output)", "FargateService", s -> fargate(a -> a
                        .registryCredentialsArn(s.valid(REGISTRY_SECRET))), "fs-task.containerDefinitions"),
                option("EcsServiceArgs.sidecarRegistryCredentialsArn(String,Output)", "FargateService",
                        s -> fargate(a -> a.sidecar(ContainerArgs.builder().name(SIDECAR).image(SIDECAR_IMAGE).build())
                                .sidecarRegistryCredentialsArn(SIDECAR, s.valid(REGISTRY_SECRET))),
                        "fs-task.containerDefinitions"),
                option("EcsServiceArgs.executionRoleArn(Output)", "FargateService", s -> fargate(a -> a
                        .executionRoleArn(s.valid(EXECUTION_ROLE))), "fs-task.executionRoleArn"),
                option("EcsServiceArgs.executionRoleName(Output)", "FargateService", s -> fargate(a -> a
                        .executionRoleName(s.valid("exec"))), "fs-exec-logs.role"),
                option("EcsServiceArgs.vpcEndpoints(Output,Output)#1", "FargateService", s -> fargate(a -> a
                        .taskEgressCidrBlocks(List.of("10.0.0.0/8"))
                        .vpcEndpoints(s.valid(TARGETS_SECURITY_GROUP), Output.of("pl-6ea54007"))),
                        "fs-task-sg.egress", "fs-endpoints-ingress.securityGroupId"),
                option("EcsServiceArgs.vpcEndpoints(Output,Output)#2", "FargateService", s -> fargate(a -> a
                        .taskEgressCidrBlocks(List.of("10.0.0.0/8"))
                        .vpcEndpoints(Output.of(TARGETS_SECURITY_GROUP), s.valid("pl-6ea54007"))), "fs-task-sg.egress"),
                option("EcsServiceArgs.loadBalancer(Output,Output)#1", "FargateService", s -> fargate(a -> a
                        .loadBalancer(s.valid(TARGET_GROUP), Output.of(LB_SECURITY_GROUP))),
                        "fs-service.loadBalancers"),
                option("EcsServiceArgs.loadBalancer(Output,Output)#2", "FargateService", s -> fargate(a -> a
                        .loadBalancer(Output.of(TARGET_GROUP), s.valid(LB_SECURITY_GROUP))),
                        "fs-task-sg.ingress", "fs-alb-egress.securityGroupId"),
                option("EcsServiceArgs.loadBalancer(Output,Output,Output)#1", "FargateService", s -> fargate(a -> a
                        .loadBalancer(s.valid(TARGET_GROUP), Output.of(LB_SECURITY_GROUP),
                                Output.of(TARGETS_SECURITY_GROUP))), "fs-service.loadBalancers"),
                option("EcsServiceArgs.loadBalancer(Output,Output,Output)#2", "FargateService", s -> fargate(a -> a
                        .loadBalancer(Output.of(TARGET_GROUP), s.valid(LB_SECURITY_GROUP),
                                Output.of(TARGETS_SECURITY_GROUP))), "fs-task-sg.ingress"),
                option("EcsServiceArgs.loadBalancer(Output,Output,Output)#3", "FargateService", s -> fargate(a -> a
                        .loadBalancer(Output.of(TARGET_GROUP), Output.of(LB_SECURITY_GROUP),
                                s.valid(TARGETS_SECURITY_GROUP))), "fs-service.networkConfiguration"),
                option("EcsServiceArgs.targetGroupArn(Value)", "FargateService", s -> fargate(a -> a
                        .targetGroupArn(Value.of(s.valid(TARGET_GROUP)))
                        .loadBalancerSecurityGroupId(Value.of(Output.of(LB_SECURITY_GROUP)))),
                        "fs-service.loadBalancers"),
                option("EcsServiceArgs.loadBalancerSecurityGroupId(Value)", "FargateService", s -> fargate(a -> a
                        .targetGroupArn(Value.of(Output.of(TARGET_GROUP)))
                        .loadBalancerSecurityGroupId(Value.of(s.valid(LB_SECURITY_GROUP)))),
                        "fs-task-sg.ingress", "fs-alb-egress.securityGroupId"),
                option("EcsServiceArgs.targetsSecurityGroupId(Value)", "FargateService", s -> fargate(a -> a
                        .loadBalancer(Output.of(TARGET_GROUP), Output.of(LB_SECURITY_GROUP))
                        .targetsSecurityGroupId(Value.of(s.valid(TARGETS_SECURITY_GROUP)))),
                        "fs-service.networkConfiguration"),
                option("EcsServiceArgs.vpcEndpointsSecurityGroupId(Value)", "FargateService", s -> fargate(a -> a
                        .taskEgressCidrBlocks(List.of("10.0.0.0/8"))
                        .vpcEndpointsSecurityGroupId(Value.of(s.valid(TARGETS_SECURITY_GROUP)))),
                        "fs-task-sg.egress", "fs-endpoints-ingress.securityGroupId"),
                option("EcsServiceArgs.vpcEndpointsS3PrefixListId(Value)", "FargateService", s -> fargate(a -> a
                        .taskEgressCidrBlocks(List.of("10.0.0.0/8"))
                        .vpcEndpointsS3PrefixListId(Value.of(s.valid("pl-6ea54007")))), "fs-task-sg.egress"),
                option("Ec2CapacityArgs.clusterName(Output)", "Ec2Capacity", s -> ec2(a -> a
                        .clusterName(s.valid("shared"))), "pool-launch-template.userData"),
                option("Ec2CapacityArgs.network(Output,Output)#1", "Ec2Capacity", s -> ec2(a -> a
                        .network(s.valid(VPC), Output.of(PRIVATE_SUBNETS))), "pool-instance-sg.vpcId"),
                option("Ec2CapacityArgs.network(Output,Output)#2", "Ec2Capacity", s -> ec2(a -> a
                        .network(Output.of(VPC), s.valid(PRIVATE_SUBNETS))), "pool-asg.vpcZoneIdentifiers"),
                option("Ec2CapacityArgs.bridgeIngressFrom(Output)", "Ec2Capacity", s -> ec2(a -> a
                        .bridgeIngressFrom(s.valid(LB_SECURITY_GROUP))), "pool-instance-sg.ingress"),
                option("Ec2CapacityArgs.targetsSecurityGroupId(Output)", "Ec2Capacity", s -> ec2(a -> a
                        .bridgeIngressFrom(Output.of(LB_SECURITY_GROUP))
                        .targetsSecurityGroupId(s.valid(TARGETS_SECURITY_GROUP))),
                        "pool-launch-template.vpcSecurityGroupIds"),
                option("Ec2CapacityArgs.registryCredentials(Output,Output)#1", "Ec2Capacity", s -> ec2(instanceAuth(
                        s.valid(REGISTRY_SECRET), Output.of("ghcr.io"))), "pool-instance-secret.policy",
                        "pool-launch-template.userData"),
                option("Ec2CapacityArgs.registryCredentials(Output,Output)#2", "Ec2Capacity", s -> ec2(instanceAuth(
                        Output.of(REGISTRY_SECRET), s.valid("ghcr.io"))), "pool-launch-template.userData"),
                option("Ec2CapacityArgs.registryCredentialsKmsKeyArn(Output)", "Ec2Capacity", s -> ec2(instanceAuth(
                        Output.of(REGISTRY_SECRET), Output.of("ghcr.io")).andThen(a -> a
                        .registryCredentialsKmsKeyArn(s.valid(KEY)))), "pool-instance-secret.policy"),
                option("Ec2CapacityArgs.vpcId(Value)", "Ec2Capacity", s -> ec2(a -> a
                        .network(Output.of(VPC), Output.of(PRIVATE_SUBNETS)).vpcId(Value.of(s.valid(VPC)))),
                        "pool-instance-sg.vpcId"),
                option("Ec2CapacityArgs.subnetIds(Value)", "Ec2Capacity", s -> ec2(a -> a
                        .network(Output.of(VPC), Output.of(PRIVATE_SUBNETS)).subnetIds(Value.of(s.valid(PRIVATE_SUBNETS)))),
                        "pool-asg.vpcZoneIdentifiers"),
                option("Ec2CapacityArgs.bridgeIngressSecurityGroupId(Value)", "Ec2Capacity", s -> ec2(a -> a
                        .bridgeIngressSecurityGroupId(Value.of(s.valid(LB_SECURITY_GROUP)))), "pool-instance-sg.ingress"),
                option("Ec2CapacityArgs.registryCredentialsArn(Value)", "Ec2Capacity", s -> ec2(instanceAuth(
                        Output.of(REGISTRY_SECRET), Output.of("ghcr.io")).andThen(a -> a
                        .registryCredentialsArn(Value.of(s.valid(REGISTRY_SECRET))))), "pool-instance-secret.policy",
                        "pool-launch-template.userData"),
                option("Ec2CapacityArgs.registryHost(Value)", "Ec2Capacity", s -> ec2(instanceAuth(
                        Output.of(REGISTRY_SECRET), Output.of("ghcr.io")).andThen(a -> a
                        .registryHost(Value.of(s.valid("ghcr.io"))))), "pool-launch-template.userData"),
                option("TaskExecutionRoleArgs.registryCredentialsSecretArn(Output)", "TaskExecutionRole",
                        s -> executionRole(a -> a.registryCredentialsSecretArn(s.valid(REGISTRY_SECRET))),
                        "exec-exec-policy.policy"),
                option("TaskExecutionRoleArgs.registryCredentialsKmsKeyArn(Output)", "TaskExecutionRole",
                        s -> executionRole(a -> a.registryCredentialsSecretArn(REGISTRY_SECRET)
                                .registryCredentialsKmsKeyArn(s.valid(KEY))), "exec-exec-policy.policy"),
                option("TaskExecutionRoleArgs.appSecret(Output)", "TaskExecutionRole", s -> executionRole(a -> a
                        .appSecret(s.valid(DB_SECRET))), "exec-exec-policy.policy"),
                option("TaskExecutionRoleArgs.appSecretsKmsKeyArn(Output)", "TaskExecutionRole", s -> executionRole(
                        a -> a.appSecret(DB_SECRET).appSecretsKmsKeyArn(s.valid(KEY))), "exec-exec-policy.policy"),
                option("TaskExecutionRoleArgs.image(Output)", "TaskExecutionRole", s -> executionRole(a -> a
                        .image(s.valid(ECR_IMAGE))), "exec-exec-policy.policy"),
                option("TaskExecutionRoleArgs.logGroupArn(Output)", "TaskExecutionRole", s -> executionRole(a -> a
                        .logGroupArn(s.valid(LOG_GROUP))), "exec-exec-policy.policy"),
                option("DeploymentAlarmsArgs.targetGroupArnSuffix(Output)", "DeploymentAlarms", s -> alarms(a -> a
                        .targetGroupArnSuffix(s.valid("targetgroup/tg/0123456789abcdef"))), ALARM_DIMENSIONS),
                option("DeploymentAlarmsArgs.loadBalancerArnSuffix(Output)", "DeploymentAlarms", s -> alarms(a -> a
                        .loadBalancerArnSuffix(s.valid("app/shared/0123456789abcdef"))), ALARM_DIMENSIONS),
                option("PullFailureAlertsArgs.clusterArn(Output)", "PullFailureAlerts", s -> pullFailures(a -> a
                        .clusterArn(s.valid(CLUSTER))), "pf-rule.eventPattern"),
                option("PullFailureAlertsArgs.serviceName(Output)", "PullFailureAlerts", s -> pullFailures(a -> a
                        .serviceName(s.valid("orders"))), "pf-rule.eventPattern", "pf-rule.description"),
                option("PullFailureAlertsArgs.topicArn(Output)", "PullFailureAlerts", s -> pullFailures(a -> a
                        .topicArn(s.valid(TOPIC))), "pf-target.arn"),
                option("ApplicationLoadBalancerArgs.certificateArn(Output)", "ApplicationLoadBalancer",
                        s -> alb(a -> a.certificateArn(s.valid(CERTIFICATE))), "edge-https.certificateArn"),
                option("ApplicationLoadBalancerArgs.allowedCidrBlocks(Output)", "ApplicationLoadBalancer",
                        s -> alb(a -> a.allowedCidrBlocks(s.valid(List.of("10.0.0.0/8")))), "edge-alb-sg.ingress"),
                option("ApplicationLoadBalancerArgs.accessLogsBucket(Output)", "ApplicationLoadBalancer",
                        s -> alb(a -> a.accessLogsBucket(s.valid("access-logs"))), "edge-alb.accessLogs"),
                option("ApplicationLoadBalancerArgs.webAclArn(Output)", "ApplicationLoadBalancer",
                        s -> alb(a -> a.webAclArn(s.valid(WEB_ACL))), "edge-waf.webAclArn"),
                option("ListenerTargetArgs.vpcId(Output)", "ListenerTarget", s -> new ListenerTarget("target",
                        ListenerTargetArgs.builder().vpcId(s.valid(VPC)).listenerRule(rule().build())
                                .targetGroup(TargetGroupArgs.builder().port(8080).build()).build()), "target-tg.vpcId"),
                option("VpcEndpointsArgs.vpcId(Value)", "VpcEndpoints", s -> endpoints(a -> a
                        .vpcId(Value.of(s.valid(VPC)))), "vpce-sg.vpcId", "vpce-s3.vpcId", "vpce-ecr-api.vpcId",
                        "vpce-ecr-dkr.vpcId", "vpce-logs.vpcId"),
                option("VpcEndpointsArgs.subnetIds(Value)", "VpcEndpoints", s -> endpoints(a -> a
                        .subnetIds(Value.of(s.valid(PRIVATE_SUBNETS)))), "vpce-ecr-api.subnetIds",
                        "vpce-ecr-dkr.subnetIds", "vpce-logs.subnetIds", "vpce-s3.routeTableIds"),
                option("VpcEndpointsArgs.routeTableIds(Output)", "VpcEndpoints", s -> endpoints(a -> a
                        .routeTableIds(s.valid(List.of("rtb-0123456789abcdef0")))), "vpce-s3.routeTableIds"),

                // The parts' own options, where the composite builds them from its own
                option("RegistryCredentialsSecretArgs.username(Output)", "RegistryCredentialsSecret",
                        s -> credentialsSecret(a -> a.username(s.valid("reader"))), "creds-version.secretString"),
                option("RegistryCredentialsSecretArgs.password(Output)", "RegistryCredentialsSecret",
                        s -> credentialsSecret(a -> a.password(s.valid("token"))), "creds-version.secretString"),
                option("RegistryCredentialsSecretArgs.kmsKeyArn(Output)", "RegistryCredentialsSecret",
                        s -> credentialsSecret(a -> a.kmsKeyArn(s.valid(KEY))), "creds-secret.kmsKeyId"));
    }

    static Stream<Arguments> optionsInBothModes() {
        return options().stream().flatMap(o -> Arrays.stream(Mode.values()).map(m -> Arguments.of(o, m)));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("optionsInBothModes")
    void theInputsBuiltFromAnOptionWaitForTheResourceItsValueCameFrom(Option option, Mode mode) {
        var run = OfflineRun.of(ctx -> option.program().accept(option.source().create()), mode.mocks()).ok();
        String source = option.source().resource;
        for (String consumer : option.consumers()) {
            int dot = consumer.lastIndexOf('.');
            Set<String> dependencies = run.inputDependencies(consumer.substring(0, dot), consumer.substring(dot + 1));
            assertTrue(dependencies.contains(source), () -> option + " in " + mode + ": " + consumer + " waits for "
                    + dependencies + ", not for " + source);
        }
        // The rows name every input that waits for the source, so a value that loses it anywhere is one fewer here.
        assertEquals(new TreeSet<>(option.consumers()), waitingFor(run, source),
                () -> option + " in " + mode + ": the inputs that wait for " + source);
    }

    /** @return every input of the run that waits for the resource, as {@code resource.input} */
    private static Set<String> waitingFor(OfflineRun run, String resource) {
        return run.registrations().stream().flatMap(r -> r.inputDependencies().entrySet().stream()
                        .filter(e -> e.getValue().contains(resource)).map(e -> r.name() + "." + e.getKey()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * The issue's case: given {@code validation.certificateArn()}, the HTTPS listener waits for the validation, so
     * that ELB gets the certificate only once ACM has issued it; in a preview too, where the ARN is unknown and the
     * dependency is all the engine has.
     */
    @ParameterizedTest
    @EnumSource(Mode.class)
    void theHttpsListenerWaitsForTheValidationOfItsCertificate(Mode mode) {
        var run = OfflineRun.of(ctx -> service(a -> a.loadBalancer(ApplicationLoadBalancerOptions.builder()
                .certificateArn(Source.VALIDATED_CERTIFICATE.create().output()).build())), mode.mocks()).ok();
        assertEquals(Set.of("validation"), run.inputDependencies("svc-lb-https", "certificateArn"));
        assertTrue(run.registered("svc-lb-https").dependencies().contains("validation"));
        if (mode == Mode.PREVIEW) {
            assertFalse(run.inputs("svc-lb-https").containsKey("certificateArn"), "unknown in a preview");
        } else {
            assertEquals(run.inputs("validation").get("certificateArn"), run.inputs("svc-lb-https")
                    .get("certificateArn"));
        }
    }

    /**
     * The table is complete: every public method of the library's components and args that takes an {@code Output}
     * (or a {@link Value}, which may hold one) has a row for each such parameter, and every row names such a method.
     */
    @Test
    void everyMethodThatTakesAnOutputHasARow() throws IOException {
        Set<String> methods = new TreeSet<>();
        for (var info : ClassPath.from(getClass().getClassLoader())
                .getTopLevelClassesRecursive("io.github.fargateprivate")) {
            // The root package holds the plumbing (Value, Problems), the testing kit no options.
            // A deprecated name delegates each method to its successor, which has the row.
            if (info.getPackageName().equals("io.github.fargateprivate")
                    || info.getPackageName().endsWith(".testing") || !isMain(info.load())
                    || info.load().isAnnotationPresent(Deprecated.class)) {
                continue;
            }
            collect(info.load(), methods);
        }
        // A generated x(Value) setter that an x(Output) overload of the same type wraps is covered by that overload's
        // row; an options type's overloads are its Setters, which its args' builder shares and under whose name they
        // are listed (see owner()).
        methods.removeIf(m -> m.endsWith("(Value)") && (methods.contains(m.replace("(Value)", "(Output)"))
                || methods.contains(m.replaceAll("^(\\w+)Options\\.", "$1Args.").replace("(Value)", "(Output)"))));
        Set<String> rows = options().stream().map(Option::method).collect(Collectors.toCollection(TreeSet::new));
        Set<String> missing = new TreeSet<>(methods);
        missing.removeAll(rows);
        Set<String> unknown = new TreeSet<>(rows);
        unknown.removeAll(methods);
        assertEquals(Set.of(), missing, "methods that take an Output without a row");
        assertEquals(Set.of(), unknown, "rows that name no method of the library taking an Output");
    }

    private static boolean isMain(Class<?> type) {
        return !type.getProtectionDomain().getCodeSource().equals(
                OutputDependenciesTest.class.getProtectionDomain().getCodeSource());
    }

    private static void collect(Class<?> type, Set<String> methods) {
        if (!Modifier.isPublic(type.getModifiers())) {
            return;
        }
        for (Method m : type.getDeclaredMethods()) {
            // An interface's abstract setters are the generated builders' own, taking the Value the overloads wrap.
            if (!Modifier.isPublic(m.getModifiers()) || m.isSynthetic()
                    || type.isInterface() && Modifier.isAbstract(m.getModifiers())) {
                continue;
            }
            List<Class<?>> parameters = List.of(m.getParameterTypes());
            long outputs = parameters.stream().filter(OutputDependenciesTest::carriesOutput).count();
            String signature = owner(type) + "." + m.getName() + "(" + parameters.stream()
                    .map(Class::getSimpleName).collect(Collectors.joining(",")) + ")";
            for (int i = 1; i <= outputs; i++) {
                methods.add(outputs == 1 ? signature : signature + "#" + i);
            }
        }
        for (Class<?> nested : type.getDeclaredClasses()) {
            collect(nested, methods);
        }
        // An options type's Builder inherits the setters Immutables generates (x(Value<T>)) from a package-private
        // class: they are the Builder's public methods too.
        Class<?> generated = type.getSuperclass();
        if (type.getSimpleName().equals("Builder") && generated != null && generated.getDeclaringClass() != null
                && !Modifier.isPublic(generated.getDeclaringClass().getModifiers())) {
            for (Method m : generated.getDeclaredMethods()) {
                List<Class<?>> parameters = List.of(m.getParameterTypes());
                if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic() && parameters.size() == 1
                        && carriesOutput(parameters.get(0))) {
                    methods.add(owner(type) + "." + m.getName() + "(" + parameters.get(0).getSimpleName() + ")");
                }
            }
        }
    }

    private static boolean carriesOutput(Class<?> parameter) {
        return parameter == Output.class || parameter == Value.class;
    }

    /**
     * {@code NetworkArgs} for {@code NetworkArgs.Builder}, {@code RegistryCredentials.Create} for that record; the
     * overloads the options share with their args' builder ({@code XOptions.Setters}) are the args builder's.
     */
    private static String owner(Class<?> type) {
        String name = type.getName().substring(type.getPackageName().length() + 1).replace('$', '.')
                .replaceAll("^(\\w+)Options\\.Setters$", "$1Args.Builder");
        return name.endsWith(".Builder") ? name.substring(0, name.length() - ".Builder".length()) : name;
    }
}
