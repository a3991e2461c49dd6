package io.github.fargateprivate.stack;

import com.pulumi.core.Output;
import io.github.fargateprivate.ec2.NetworkArgs;
import io.github.fargateprivate.ec2.VpcEndpointsOptions;
import io.github.fargateprivate.ecr.PullThroughCacheOptions;
import io.github.fargateprivate.ecs.AutoScalingArgs;
import io.github.fargateprivate.ecs.ContainerArgs;
import io.github.fargateprivate.ecs.ContainerInsights;
import io.github.fargateprivate.ecs.ContainerRestartPolicyArgs;
import io.github.fargateprivate.ecs.Ec2CapacityOptions;
import io.github.fargateprivate.Problems;
import io.github.fargateprivate.ecs.EcsServiceOptions;
import io.github.fargateprivate.ecs.Launch;
import io.github.fargateprivate.ecs.LaunchChoices;
import io.github.fargateprivate.ecs.NetworkMode;
import io.github.fargateprivate.ecs.RegistryAuth;
import io.github.fargateprivate.iam.TaskExecutionRoleOptions;
import io.github.fargateprivate.lb.ApplicationLoadBalancerOptions;
import io.github.fargateprivate.lb.HealthCheckArgs;
import io.github.fargateprivate.lb.TargetGroupArgs;
import io.github.fargateprivate.patterns.LoadBalancedServiceArgs;
import io.github.fargateprivate.secretsmanager.RegistryCredentials;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the config keys feed: the library's own builders, filled by the rows of {@link ConfigKey}, and the few
 * values that choose between library options (which registry credentials, an own network, autoscaling).
 */
public final class StackInputs {

    final ContainerArgs.Builder container = ContainerArgs.builder();
    final ApplicationLoadBalancerOptions.Builder loadBalancer = ApplicationLoadBalancerOptions.builder();
    final HealthCheckArgs.Builder healthCheck = HealthCheckArgs.builder();
    final TargetGroupArgs.Builder targetGroup = TargetGroupArgs.builder();
    final EcsServiceOptions.Builder service = EcsServiceOptions.builder();
    final TaskExecutionRoleOptions.Builder executionRole = TaskExecutionRoleOptions.builder();
    private NetworkArgs.Builder network;
    private PullThroughCacheOptions.Builder cache;
    private VpcEndpointsOptions.Builder endpoints;
    private Ec2CapacityOptions.Builder ec2;
    /** The library fields of the EC2 keys set to another value than their default. */
    final Set<String> ec2Fields = new LinkedHashSet<>();
    String launchType = "FARGATE";
    String networkMode = "awsvpc";
    String registryAuth = "task";
    String cpuArchitecture;
    boolean pullThroughCache;
    /** Not a cache builder setting: the key's default false is fed too, and sets no cache key. */
    boolean existingCacheRule;
    boolean vpcEndpoints;
    private AutoScalingArgs.Builder autoScaling;
    private ContainerRestartPolicyArgs.Builder restart;
    boolean restartContainer;
    String containerInsights = ContainerInsights.ENABLED.value();
    Integer cpuTargetPercent;
    String image;
    boolean publicImage;
    String registry;
    String registryUsername;
    boolean registryPasswordSet;
    String existingSecret;
    String kmsKeyArn;
    boolean deploymentAlarms = true;
    String pullFailureTopicArn;
    Map<String, String> tags = Map.of();
    boolean registryPreflight = true;
    boolean pinImageDigests;

    StackInputs() {
    }

    NetworkArgs.Builder network() {
        if (network == null) {
            network = NetworkArgs.builder();
        }
        return network;
    }

    PullThroughCacheOptions.Builder cache() {
        if (cache == null) {
            cache = PullThroughCacheOptions.builder();
        }
        return cache;
    }

    Ec2CapacityOptions.Builder ec2() {
        if (ec2 == null) {
            ec2 = Ec2CapacityOptions.builder();
        }
        return ec2;
    }

    VpcEndpointsOptions.Builder endpoints() {
        if (endpoints == null) {
            endpoints = VpcEndpointsOptions.builder();
        }
        return endpoints;
    }

    /** @return whether cache keys were set without pullThroughCache */
    boolean cacheKeysWithoutCache() {
        return (cache != null || existingCacheRule) && !pullThroughCache;
    }

    /** @return whether endpoint keys were set without vpcEndpoints */
    boolean endpointKeysWithoutEndpoints() {
        return endpoints != null && !vpcEndpoints;
    }

    ContainerRestartPolicyArgs.Builder restart() {
        if (restart == null) {
            restart = ContainerRestartPolicyArgs.builder();
        }
        return restart;
    }

    /** The Container Insights level the key names, or a problem under the service's field. */
    private Optional<ContainerInsights> containerInsights(Problems problems) {
        var level = Arrays.stream(ContainerInsights.values()).filter(l -> l.value().equals(containerInsights))
                .findFirst();
        if (level.isEmpty()) {
            problems.add("containerInsights", "'" + containerInsights + "' is not one of "
                    + Arrays.stream(ContainerInsights.values()).map(ContainerInsights::value).toList());
        }
        return level;
    }

    AutoScalingArgs.Builder autoScaling() {
        if (autoScaling == null) {
            autoScaling = AutoScalingArgs.builder();
        }
        return autoScaling;
    }

    /**
     * @param family      the task definition family
     * @param credentials how the image is pulled
     * @param problems    where the keys' problems go, under the composite's fields
     * @return the composite's args
     */
    LoadBalancedServiceArgs args(String family, RegistryCredentials credentials, Problems problems) {
        if (image != null) {
            container.image(image);
        }
        service.family(family);
        launch(problems.at("service")).ifPresent(service::launch);
        containerInsights(problems.at("service")).ifPresent(service::containerInsights);
        if (restartContainer || restart != null) {
            container.restartPolicy(restart().build());
        }
        if (cpuArchitecture != null) {
            LaunchChoices.cpuArchitecture(cpuArchitecture, problems.at("service")).ifPresent(service::cpuArchitecture);
        }
        if (autoScaling != null) {
            if (cpuTargetPercent != null) {
                autoScaling.cpuTargetPercent(cpuTargetPercent);
            }
            service.autoScaling(autoScaling.build());
        }
        var b = LoadBalancedServiceArgs.builder()
                .container(container.build())
                .loadBalancer(loadBalancer.build())
                .targetGroup(targetGroup.healthCheck(healthCheck.build()).build())
                .service(service.build())
                .executionRole(executionRole.build())
                .registryPreflight(registryPreflight)
                .pinImageDigests(pinImageDigests)
                .deploymentAlarms(deploymentAlarms)
                .tags(tags);
        if (pullFailureTopicArn != null) {
            b.pullFailureTopicArn(pullFailureTopicArn);
        }
        if (network != null) {
            b.network(network.build());
        }
        if (pullThroughCache) {
            b.pullThroughCache(cache().existingRule(existingCacheRule).build());
        }
        if (vpcEndpoints) {
            b.vpcEndpoints(endpoints().build());
        }
        return b.registryCredentials(credentials).build();
    }

    /**
     * Where the tasks run, from the launch keys, each spelled as the library parses it.
     *
     * @param problems where problems go, under the service's fields
     * @return the launch; empty when the keys do not name one
     */
    private Optional<Launch> launch(Problems problems) {
        Optional<Boolean> onEc2 = LaunchChoices.ec2(launchType, problems);
        Optional<NetworkMode> mode = LaunchChoices.networkMode(networkMode, problems);
        Optional<RegistryAuth> auth = LaunchChoices.registryAuth(registryAuth, problems.at("ec2"));
        if (onEc2.isEmpty() || mode.isEmpty() || auth.isEmpty()) {
            return Optional.empty();
        }
        if (onEc2.get()) {
            return Optional.of(Launch.ec2(ec2().build()).networkMode(mode.get()).registryAuth(auth.get()));
        }
        ec2Fields.forEach(f -> problems.add(f.substring("service.".length()), LaunchChoices.EC2_ONLY));
        if (mode.get() == NetworkMode.BRIDGE) {
            problems.add("networkMode", LaunchChoices.BRIDGE_NEEDS_EC2);
        }
        return Optional.of(Launch.fargate());
    }

    /**
     * @param password the registry password, as a Pulumi secret
     * @return the credentials the keys choose
     */
    RegistryCredentials create(Output<String> password) {
        var create = RegistryCredentials.create(registryUsername, password);
        return kmsKeyArn == null ? create : create.kmsKeyArn(kmsKeyArn);
    }

    /** @return the existing secret the keys name */
    RegistryCredentials existing() {
        var existing = RegistryCredentials.existing(existingSecret);
        return kmsKeyArn == null ? existing : existing.kmsKeyArn(kmsKeyArn);
    }
}
