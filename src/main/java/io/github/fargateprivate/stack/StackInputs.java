package io.github.fargateprivate.stack;

import com.pulumi.core.Output;
import io.github.fargateprivate.ec2.NetworkArgs;
import io.github.fargateprivate.ec2.VpcEndpointsArgs;
import io.github.fargateprivate.ecr.PullThroughCacheArgs;
import io.github.fargateprivate.ecs.AutoScalingArgs;
import io.github.fargateprivate.ecs.ContainerArgs;
import io.github.fargateprivate.ecs.Ec2CapacityOptions;
import io.github.fargateprivate.ecs.EcsServiceArgs;
import io.github.fargateprivate.iam.TaskExecutionRoleArgs;
import io.github.fargateprivate.lb.ApplicationLoadBalancerArgs;
import io.github.fargateprivate.lb.HealthCheckArgs;
import io.github.fargateprivate.lb.TargetGroupArgs;
import io.github.fargateprivate.patterns.LoadBalancedServiceArgs;
import io.github.fargateprivate.secretsmanager.RegistryCredentials;

import java.util.Map;

/**
 * What the config keys feed: the library's own builders, filled by the rows of {@link ConfigKey}, and the few
 * values that choose between library options (which registry credentials, an own network, autoscaling).
 */
public final class StackInputs {

    final ContainerArgs.Builder container = ContainerArgs.builder();
    final ApplicationLoadBalancerArgs.Builder loadBalancer = ApplicationLoadBalancerArgs.builder();
    final HealthCheckArgs.Builder healthCheck = HealthCheckArgs.builder();
    final TargetGroupArgs.Builder targetGroup = TargetGroupArgs.builder();
    final EcsServiceArgs.Builder service = EcsServiceArgs.builder();
    final TaskExecutionRoleArgs.Builder executionRole = TaskExecutionRoleArgs.builder();
    private NetworkArgs.Builder network;
    private PullThroughCacheArgs.Builder cache;
    private VpcEndpointsArgs.Builder endpoints;
    private Ec2CapacityOptions.Builder ec2;
    boolean pullThroughCache;
    /** Not a cache builder setting: the key's default false is fed too, and sets no cache key. */
    boolean existingCacheRule;
    boolean vpcEndpoints;
    private AutoScalingArgs.Builder autoScaling;
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

    PullThroughCacheArgs.Builder cache() {
        if (cache == null) {
            cache = PullThroughCacheArgs.builder();
        }
        return cache;
    }

    Ec2CapacityOptions.Builder ec2() {
        if (ec2 == null) {
            ec2 = Ec2CapacityOptions.builder();
        }
        return ec2;
    }

    VpcEndpointsArgs.Builder endpoints() {
        if (endpoints == null) {
            endpoints = VpcEndpointsArgs.builder();
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

    AutoScalingArgs.Builder autoScaling() {
        if (autoScaling == null) {
            autoScaling = AutoScalingArgs.builder();
        }
        return autoScaling;
    }

    /**
     * @param family      the task definition family
     * @param credentials how the image is pulled
     * @return the composite's args
     */
    LoadBalancedServiceArgs args(String family, RegistryCredentials credentials) {
        if (image != null) {
            container.image(image);
        }
        service.family(family);
        if (ec2 != null) {
            service.ec2(ec2.build());
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
