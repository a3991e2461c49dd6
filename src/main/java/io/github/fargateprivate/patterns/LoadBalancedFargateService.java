package io.github.fargateprivate.patterns;

import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.inputs.GetRegionArgs;
import com.pulumi.aws.outputs.GetRegionResult;
import com.pulumi.aws.secretsmanager.SecretsmanagerFunctions;
import com.pulumi.aws.secretsmanager.inputs.GetSecretVersionsArgs;
import com.pulumi.aws.ssm.SsmFunctions;
import com.pulumi.aws.ssm.inputs.GetParameterArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.github.fargateprivate.Rules;
import io.github.fargateprivate.arn.Arn;
import io.github.fargateprivate.ecs.FargateService;
import io.github.fargateprivate.ecs.FargateServiceArgs;
import io.github.fargateprivate.elasticloadbalancingv2.ApplicationLoadBalancer;
import io.github.fargateprivate.elasticloadbalancingv2.ApplicationLoadBalancerArgs;
import io.github.fargateprivate.iam.TaskExecutionRole;
import io.github.fargateprivate.iam.TaskExecutionRoleArgs;
import io.github.fargateprivate.secretsmanager.RegistryCredentialsSecret;
import io.github.fargateprivate.secretsmanager.RegistryCredentialsSecretArgs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A container from a private registry on ECS Fargate behind an Application Load Balancer: the one-liner another
 * stack uses. It wires the four parts and does nothing else: {@link RegistryCredentialsSecret} (unless an existing
 * secret or ECR is used), {@link TaskExecutionRole}, {@link ApplicationLoadBalancer} and {@link FargateService}.
 *
 * <p>Children: {@code <name>-credentials}, {@code <name>-execution}, {@code <name>-lb}, {@code <name>-fargate}.
 */
public class LoadBalancedFargateService extends ComponentResource {

    /** The Pulumi type token of this component. */
    public static final String TYPE = "fargate-private-registry:patterns:LoadBalancedFargateService";

    private final RegistryCredentialsSecret credentialsSecret;
    private final TaskExecutionRole executionRole;
    private final ApplicationLoadBalancer loadBalancer;
    private final FargateService service;

    @Export(name = "url", refs = {String.class}, tree = "[0]")
    private final Output<String> url;
    @Export(name = "credentialsSecretArn", refs = {String.class}, tree = "[0]")
    private final Output<String> credentialsSecretArn;

    /**
     * Creates the service and everything it needs.
     *
     * @param name    the component's name; children are named from it
     * @param args    image, credentials, network and settings
     * @param options component options
     */
    public LoadBalancedFargateService(String name, LoadBalancedFargateServiceArgs args,
                                      ComponentResourceOptions options) {
        super(TYPE, name, options);
        int drain = args.deregistrationDelaySeconds() == null
                ? ApplicationLoadBalancerArgs.DEFAULT_DEREGISTRATION_DELAY_SECONDS : args.deregistrationDelaySeconds();
        int stop = args.stopTimeoutSeconds() == null
                ? FargateServiceArgs.DEFAULT_STOP_TIMEOUT_SECONDS : args.stopTimeoutSeconds();
        Rules.require("LoadBalancedFargateServiceArgs.deregistrationDelaySeconds",
                Rules.drainWithinStopTimeout(drain, stop));
        var childOptions = ComponentResourceOptions.builder().parent(this).build();

        Output<String> credentialsArn = null;
        Output<String> credentialsPolicyResource = null;
        if (args.registryUsername().isPresent()) {
            this.credentialsSecret = new RegistryCredentialsSecret(name + "-credentials",
                    RegistryCredentialsSecretArgs.builder()
                            .username(args.registryUsername().get())
                            .password(args.registryPassword().orElseThrow())
                            .kmsKeyArn(args.kmsKeyArn().orElse(null))
                            .build(), childOptions);
            credentialsArn = credentialsSecret.arn();
            credentialsPolicyResource = credentialsArn;
        } else {
            this.credentialsSecret = null;
            if (args.existingCredentialsSecret().isPresent()) {
                credentialsArn = args.existingCredentialsSecret().get();
                credentialsPolicyResource = args.existingCredentialsSecretPolicyResource().orElseThrow();
            }
        }

        var roleArgs = TaskExecutionRoleArgs.builder().partition(args.partition());
        if (credentialsPolicyResource != null) {
            roleArgs.secretArn(credentialsPolicyResource);
        }
        List<String> secretArns = new ArrayList<>();
        List<String> parameterArns = new ArrayList<>();
        // Sorted by variable name, like the container's secrets: appSecrets is an immutable Map whose iteration
        // order changes from one JVM to the next, and the policy document must be the same on every run.
        new TreeMap<>(args.appSecrets()).values().forEach(arn -> {
            if (isParameter(arn)) {
                parameterArns.add(arn);
            } else {
                secretArns.add(Arn.secretWithoutJsonKey(arn));
            }
        });
        roleArgs.secretArns(secretArns).parameterArns(parameterArns);
        args.kmsKeyArn().ifPresent(roleArgs::kmsKeyArn);
        roleArgs.appSecretsKmsKeyArns(args.appSecretsKmsKeyArns());
        this.executionRole = new TaskExecutionRole(name + "-execution", roleArgs.build(), childOptions);

        this.loadBalancer = new ApplicationLoadBalancer(name + "-lb", ApplicationLoadBalancerArgs.builder()
                .vpcId(args.vpcId())
                .subnetIds(args.loadBalancerSubnetIds())
                .targetPort(args.containerPort() == null ? FargateServiceArgs.DEFAULT_CONTAINER_PORT : args.containerPort())
                .listenerPort(args.listenerPort())
                .healthCheckPath(args.healthCheckPath())
                .certificateArn(args.certificateArn())
                .deletionProtection(args.deletionProtection())
                .internal(args.internalLoadBalancer())
                .ingressCidrBlocks(args.ingressCidrBlocks())
                .accessLogsBucket(args.accessLogsBucket())
                .deregistrationDelaySeconds(args.deregistrationDelaySeconds())
                .build(), childOptions);

        var serviceArgs = FargateServiceArgs.builder()
                .vpcId(args.vpcId())
                .subnetIds(args.taskSubnetIds())
                .assignPublicIp(args.assignPublicIp())
                .loadBalancerSecurityGroupId(loadBalancer.securityGroupId())
                .targetGroupArn(loadBalancer.targetGroupArn())
                .image(args.image())
                .containerPort(args.containerPort())
                .cpu(args.cpu())
                .memory(args.memory())
                .desiredCount(args.desiredCount())
                .executionRoleArn(executionRole.arn())
                .logRetentionDays(args.logRetentionDays())
                .environment(args.environment())
                .secrets(args.appSecrets())
                .healthCheckGracePeriodSeconds(args.healthCheckGracePeriodSeconds())
                .stopTimeoutSeconds(args.stopTimeoutSeconds())
                .containerName(args.containerName())
                .family(args.taskFamily())
                .autoScaling(args.minCount(), args.maxCount(), args.cpuTargetPercent());
        if (credentialsArn != null) {
            serviceArgs.registryCredentialsArn(credentialsArn);
        }
        args.taskRoleArn().ifPresent(serviceArgs::taskRoleArn);
        if (args.redeployOnSecretRotation() && !args.appSecrets().isEmpty()) {
            serviceArgs.redeployTriggers(secretVersions(args.appSecrets()));
        }
        this.service = new FargateService(name + "-fargate", serviceArgs.build(), childOptions);

        this.url = loadBalancer.url();
        this.credentialsSecretArn = credentialsArn;
        var outputs = new HashMap<String, Output<?>>(Map.of("url", url,
                "serviceName", service.serviceName(), "clusterName", service.clusterName(),
                "executionRoleArn", executionRole.arn(), "logGroupName", service.logGroupName()));
        if (credentialsArn != null) {
            outputs.put("credentialsSecretArn", credentialsArn);
        }
        registerOutputs(outputs);
    }

    /**
     * Creates the service with default component options.
     *
     * @param name the component's name
     * @param args image, credentials, network and settings
     */
    public LoadBalancedFargateService(String name, LoadBalancedFargateServiceArgs args) {
        this(name, args, ComponentResourceOptions.Empty);
    }

    private static boolean isParameter(String arn) {
        return Arn.parse(arn).map(a -> a.service().equals("ssm")).orElse(false);
    }

    /**
     * The current version of each app secret in the stack's region, keyed by variable name. A rotation changes a
     * version, which changes the service's triggers, which makes {@code pulumi up} start a new deployment. Secrets in
     * other regions are not looked up (the provider is regional); the README gives the command for them.
     */
    private static Output<Map<String, String>> secretVersions(Map<String, String> appSecrets) {
        Output<String> stackRegion = AwsFunctions.getRegion(GetRegionArgs.builder().build())
                .applyValue(GetRegionResult::name);
        List<Output<Map.Entry<String, String>>> versions = new ArrayList<>();
        new TreeMap<>(appSecrets).forEach((variable, reference) -> {
            Arn arn = Arn.parse(reference).orElseThrow();
            versions.add(stackRegion.apply(region -> !region.equals(arn.region())
                    ? Output.of(Map.entry(variable, "other-region"))
                    : currentVersion(arn, reference).applyValue(v -> Map.entry(variable, v))));
        });
        return Output.all(versions).applyValue(entries -> {
            Map<String, String> triggers = new HashMap<>();
            entries.forEach(e -> triggers.put("secret-version-" + e.getKey(), e.getValue()));
            return triggers;
        });
    }

    private static Output<String> currentVersion(Arn arn, String reference) {
        if (arn.service().equals("ssm")) {
            return SsmFunctions.getParameter(GetParameterArgs.builder().name(reference).withDecryption(false).build())
                    .applyValue(p -> String.valueOf(p.version()));
        }
        return SecretsmanagerFunctions.getSecretVersions(GetSecretVersionsArgs.builder()
                        .secretId(Arn.secretWithoutJsonKey(reference)).build())
                .applyValue(r -> r.versions().stream()
                        .filter(v -> v.versionStages().contains("AWSCURRENT"))
                        .map(v -> v.versionId())
                        .findFirst().orElse("none"));
    }

    /** @return the created credentials secret; empty with an existing secret or ECR */
    public Optional<RegistryCredentialsSecret> credentialsSecret() {
        return Optional.ofNullable(credentialsSecret);
    }

    /** @return the task execution role */
    public TaskExecutionRole executionRole() {
        return executionRole;
    }

    /** @return the load balancer */
    public ApplicationLoadBalancer loadBalancer() {
        return loadBalancer;
    }

    /** @return the Fargate service */
    public FargateService service() {
        return service;
    }

    /** @return the service's URL */
    public Output<String> url() {
        return url;
    }

    /** @return the credentials secret's ARN (or name); empty when the image needs no credentials (ECR) */
    public Optional<Output<String>> credentialsSecretArn() {
        return Optional.ofNullable(credentialsSecretArn);
    }
}
