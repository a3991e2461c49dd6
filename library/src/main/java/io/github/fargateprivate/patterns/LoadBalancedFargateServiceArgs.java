package io.github.fargateprivate.patterns;

import com.pulumi.core.Output;
import io.github.fargateprivate.Value;
import io.github.fargateprivate.ec2.NetworkArgs;
import io.github.fargateprivate.ec2.VpcEndpointsOptions;
import io.github.fargateprivate.ecr.PullThroughCacheOptions;
import io.github.fargateprivate.ecs.ContainerArgs;
import io.github.fargateprivate.ecs.EcsServiceArgs;
import io.github.fargateprivate.ecs.EcsServiceOptions;
import io.github.fargateprivate.iam.TaskExecutionRoleOptions;
import io.github.fargateprivate.iam.TaskRoleArgs;
import io.github.fargateprivate.lb.ApplicationLoadBalancerOptions;
import io.github.fargateprivate.lb.ListenerRuleArgs;
import io.github.fargateprivate.lb.TargetGroupArgs;
import io.github.fargateprivate.secretsmanager.RegistryCredentials;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The args of {@link LoadBalancedFargateService}, by the name of versions before 2.0: a {@link LoadBalancedServiceArgs}
 * ({@link #args()}) with a builder of this type.
 *
 * @deprecated use {@link LoadBalancedServiceArgs}; this name goes in the next release
 */
@Deprecated(forRemoval = true)
public final class LoadBalancedFargateServiceArgs {


    private final LoadBalancedServiceArgs args;

    private LoadBalancedFargateServiceArgs(LoadBalancedServiceArgs args) {
        this.args = args;
    }

    /** @return these args by their new name */
    public LoadBalancedServiceArgs args() {
        return args;
    }

    /** @return the main container */
    public ContainerArgs container() {
        return args.container();
    }

    /** @return the sidecars */
    public List<ContainerArgs> sidecars() {
        return args.sidecars();
    }

    /**
     * @param index a sidecar's index
     * @return how that sidecar's image is pulled, if given
     */
    public Optional<RegistryCredentials> sidecarRegistryCredentials(int index) {
        return args.sidecarRegistryCredentials(index);
    }

    /** @return how the image is pulled, if set */
    public Optional<RegistryCredentials> registryCredentials() {
        return args.registryCredentials();
    }

    /** @return the network, if set */
    public Optional<NetworkArgs> network() {
        return args.network();
    }

    /** @return the own load balancer's options */
    public ApplicationLoadBalancerOptions loadBalancer() {
        return args.loadBalancer();
    }

    /** @return whether the own load balancer's options were given */
    public boolean hasLoadBalancer() {
        return args.hasLoadBalancer();
    }

    /** @return the place on a shared load balancer, if any */
    public Optional<ListenerRuleArgs> listenerRule() {
        return args.listenerRule();
    }

    /** @return the target group's options */
    public TargetGroupArgs targetGroup() {
        return args.targetGroup();
    }

    /** @return the service's options */
    public EcsServiceOptions service() {
        return args.service();
    }

    /** @return the task role to create, if any */
    public Optional<TaskRoleArgs> taskRole() {
        return args.taskRole();
    }

    /** @return the pull-through cache, if any */
    public Optional<PullThroughCacheOptions> pullThroughCache() {
        return args.pullThroughCache();
    }

    /** @return the VPC endpoints, if any */
    public Optional<VpcEndpointsOptions> vpcEndpoints() {
        return args.vpcEndpoints();
    }

    /** @return the execution role's options */
    public TaskExecutionRoleOptions executionRole() {
        return args.executionRole();
    }

    /** @return whether the registries are asked before ECS pulls */
    public boolean registryPreflight() {
        return args.registryPreflight();
    }

    /** @return whether images run pinned to the digest the registry answered */
    public boolean pinImageDigests() {
        return args.pinImageDigests();
    }

    /** @return whether the deployment alarms are created and roll deployments back */
    public boolean deploymentAlarms() {
        return args.deploymentAlarms();
    }

    /** @return the topic that hears of pull failures, if any */
    public Optional<Value<String>> pullFailureTopicArn() {
        return args.pullFailureTopicArn();
    }

    /** @return the tags */
    public Map<String, String> tags() {
        return args.tags();
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link LoadBalancedFargateServiceArgs}: {@link LoadBalancedServiceArgs.Builder}'s setters, returning this builder. */
    public static final class Builder {
        private final LoadBalancedServiceArgs.Builder delegate = LoadBalancedServiceArgs.builder();

        private Builder() {
        }

        /**
         * @param container the main container
         * @return this builder
         */
        public Builder container(ContainerArgs container) {
            delegate.container(container);
            return this;
        }

        /**
         * @param sidecar one more container in the task
         * @return this builder
         */
        public Builder sidecar(ContainerArgs sidecar) {
            delegate.sidecar(sidecar);
            return this;
        }

        /**
         * @param sidecar     one more container in the task
         * @param credentials how its image is pulled: its own registry's credentials, or {@link
         *                    RegistryCredentials#none()} for a public image
         * @return this builder
         */
        public Builder sidecar(ContainerArgs sidecar, RegistryCredentials credentials) {
            delegate.sidecar(sidecar, credentials);
            return this;
        }

        /**
         * @param credentials how the main container's image is pulled
         * @return this builder
         */
        public Builder registryCredentials(RegistryCredentials credentials) {
            delegate.registryCredentials(credentials);
            return this;
        }

        /**
         * @param network the VPC and subnets
         * @return this builder
         */
        public Builder network(NetworkArgs network) {
            delegate.network(network);
            return this;
        }

        /**
         * @param loadBalancer the own load balancer's options
         * @return this builder
         */
        public Builder loadBalancer(ApplicationLoadBalancerOptions loadBalancer) {
            delegate.loadBalancer(loadBalancer);
            return this;
        }

        /**
         * @param rule a place on a shared load balancer
         * @return this builder
         */
        public Builder listenerRule(ListenerRuleArgs rule) {
            delegate.listenerRule(rule);
            return this;
        }

        /**
         * @param targetGroup the target group's options
         * @return this builder
         */
        public Builder targetGroup(TargetGroupArgs targetGroup) {
            delegate.targetGroup(targetGroup);
            return this;
        }

        /**
         * @param service the service's options
         * @return this builder
         */
        public Builder service(EcsServiceOptions service) {
            delegate.service(service);
            return this;
        }

        /**
         * @param service the service's options, by the args of versions before 2.0 ({@code FargateServiceArgs})
         * @return this builder
         */
        public Builder service(EcsServiceArgs service) {
            delegate.service(EcsServiceOptions.builder().from(service).build());
            return this;
        }

        /**
         * @param taskRole a task role to create
         * @return this builder
         */
        public Builder taskRole(TaskRoleArgs taskRole) {
            delegate.taskRole(taskRole);
            return this;
        }

        /**
         * @param cache pull the main image through an ECR pull-through cache
         * @return this builder
         */
        public Builder pullThroughCache(PullThroughCacheOptions cache) {
            delegate.pullThroughCache(cache);
            return this;
        }

        /**
         * @param endpoints VPC endpoints for tasks in private subnets
         * @return this builder
         */
        public Builder vpcEndpoints(VpcEndpointsOptions endpoints) {
            delegate.vpcEndpoints(endpoints);
            return this;
        }

        /**
         * @param executionRole the execution role's own options
         * @return this builder
         */
        public Builder executionRole(TaskExecutionRoleOptions executionRole) {
            delegate.executionRole(executionRole);
            return this;
        }

        /**
         * @param on whether the registries are asked before ECS pulls
         * @return this builder
         */
        public Builder registryPreflight(boolean on) {
            delegate.registryPreflight(on);
            return this;
        }

        /**
         * @param on whether ECS rolls a deployment back on the target group's 5XX and unhealthy-hosts alarms
         * @return this builder
         */
        public Builder deploymentAlarms(boolean on) {
            delegate.deploymentAlarms(on);
            return this;
        }

        /**
         * @param on whether images run as {@code image@digest}, the digest the registry answered
         * @return this builder
         */
        public Builder pinImageDigests(boolean on) {
            delegate.pinImageDigests(on);
            return this;
        }

        /**
         * @param topicArn the SNS topic that hears of pull failures, e.g. from a stack reference
         * @return this builder
         */
        public Builder pullFailureTopicArn(Output<String> topicArn) {
            delegate.pullFailureTopicArn(topicArn);
            return this;
        }

        /**
         * @param topicArn the SNS topic that hears of pull failures
         * @return this builder
         */
        public Builder pullFailureTopicArn(String topicArn) {
            delegate.pullFailureTopicArn(topicArn);
            return this;
        }

        /**
         * @param tags tags of every taggable resource
         * @return this builder
         */
        public Builder tags(Map<String, String> tags) {
            delegate.tags(tags);
            return this;
        }

        /** @return the immutable args */
        public LoadBalancedFargateServiceArgs build() {
            return new LoadBalancedFargateServiceArgs(delegate.build());
        }
    }
}
