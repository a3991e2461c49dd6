package io.github.fargateprivate.patterns;

import com.pulumi.core.Output;
import com.pulumi.resources.ResourceArgs;
import io.github.fargateprivate.Value;
import io.github.fargateprivate.cloudwatch.DeploymentAlarms;
import io.github.fargateprivate.cloudwatch.PullFailureAlerts;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Inputs of {@link LoadBalancedService}: the parts' own option types, each documented once in its part.
 * Immutable; build with {@link #builder()}; problems are reported by the component, all at once, under these
 * fields' names ({@code container.image}, {@code loadBalancer.certificateArn}, {@code service.memory}).
 */
public final class LoadBalancedServiceArgs extends ResourceArgs {

    /** The main container, behind the load balancer; see {@link ContainerArgs}. Required. */
    private ContainerArgs container;

    /** More containers in the task (a log router, an OpenTelemetry collector); see {@link ContainerArgs}. */
    private final List<ContainerArgs> sidecars = new ArrayList<>();

    /**
     * How each sidecar's image is pulled, by the sidecar's index; see {@link RegistryCredentials}. Default: the main
     * container's credentials for a sidecar on the main container's registry host, none for an ECR image; required
     * for any other, where {@link RegistryCredentials#none()} states a public image.
     */
    private final List<RegistryCredentials> sidecarRegistryCredentials = new ArrayList<>();

    /**
     * How the main container's image is pulled; see {@link RegistryCredentials}. Default: none for an ECR image;
     * required for any other, where {@link RegistryCredentials#none()} states a public image.
     */
    private RegistryCredentials registryCredentials;

    /** The VPC and subnets of the load balancer and the tasks; see {@link NetworkArgs}. Default: the default VPC. */
    private NetworkArgs network;

    /**
     * The service's own load balancer; see {@link ApplicationLoadBalancerOptions} (the service wires its network and
     * target group). Default: an internet-facing one on HTTP 80. Not with {@link #listenerRule()}.
     */
    private ApplicationLoadBalancerOptions loadBalancer;

    /**
     * A place on a load balancer shared with other services instead of an own one; see {@link ListenerRuleArgs}.
     * Default: none, an own load balancer.
     */
    private ListenerRuleArgs listenerRule;

    /**
     * The target group's health check and drain; see {@link TargetGroupArgs}. Its port is the container's; its
     * deregistration delay stays within the main container's stop timeout (the rollout budget).
     */
    private TargetGroupArgs targetGroup;

    /**
     * The service's own options (cluster, size, count, autoscaling, capacity, ECS Exec, rollout); see
     * {@link EcsServiceArgs}; its network, containers and roles are set here.
     */
    private EcsServiceOptions service;

    /**
     * A task role created with these statements; see {@link TaskRoleArgs}. Default: none (or, with ECS Exec on, one
     * that allows only ECS Exec). An existing task role goes in {@link EcsServiceArgs#taskRoleArn()} instead.
     */
    private TaskRoleArgs taskRole;

    /**
     * The execution role's own options ({@link TaskExecutionRoleOptions#managedPolicy()}); what it may read and pull
     * is derived from the containers. Default: exact statements only, no managed policy.
     */
    private TaskExecutionRoleOptions executionRole;

    /**
     * Pull the main image through an ECR pull-through cache instead of from its registry; see
     * {@link PullThroughCacheOptions}. The composite fills its upstream (the image's registry; give it for an image
     * that another resource produces), its credentials ({@link #registryCredentials()}, read by ECR, not by the task)
     * and, unset, its prefix ({@code <stack>-<upstream>}, e.g. {@code dev-github}). Default: no cache.
     */
    private PullThroughCacheOptions pullThroughCache;

    /**
     * Interface and gateway endpoints so that tasks in private subnets reach ECR, S3, CloudWatch Logs and the secrets
     * they read without a NAT gateway; see {@link VpcEndpointsOptions}. The composite wires the VPC, the private
     * subnets and the services. Needs a network with private subnets. Default: none.
     */
    private VpcEndpointsOptions vpcEndpoints;

    /**
     * Whether each container's registry is asked, when the component is built, whether its credentials can pull its
     * image (a refusal, a missing tag or a platform the task does not run then fails before any resource; no answer
     * is a warning; a pullable image is logged with its digest), and ECR whether an image is there. Default: true.
     */
    private Boolean registryPreflight;

    /**
     * Whether each image the registry answered for runs as {@code image@digest}: what runs is what was checked, and a
     * rollback returns to exactly the image before; a new digest under the same tag is a new deployment. Needs
     * {@link #registryPreflight()}. Default: false, the tag (ECS still resolves it to a digest at each deployment).
     */
    private Boolean pinImageDigests;

    /**
     * Whether ECS rolls a deployment back when the service's targets answer with 5XX or stay unhealthy: the
     * {@link DeploymentAlarms} on the service's target group, named in the service's {@code alarms} block (beside the
     * circuit breaker, which sees only tasks that fail to start or to become healthy). Default: true.
     */
    private Boolean deploymentAlarms;

    /**
     * A standard SNS topic of the stack's account and region that hears of every task of the service that stopped
     * because its image could not be pulled ({@link PullFailureAlerts}). The topic's access policy must allow
     * {@code events.amazonaws.com} to {@code sns:Publish}, and a KMS-encrypted topic's key policy must let it use the
     * key; the library changes neither. Default: none.
     */
    private Value<String> pullFailureTopicArn;

    /** Tags of every taggable resource, given once. Default: none. */
    private Map<String, String> tags = Map.of();

    private LoadBalancedServiceArgs() {
    }

    /** @return the main container */
    public ContainerArgs container() {
        return container;
    }

    /** @return the sidecars */
    public List<ContainerArgs> sidecars() {
        return List.copyOf(sidecars);
    }

    /**
     * @param index a sidecar's index
     * @return how that sidecar's image is pulled, if given
     */
    public Optional<RegistryCredentials> sidecarRegistryCredentials(int index) {
        return Optional.ofNullable(sidecarRegistryCredentials.get(index));
    }

    /** @return how the image is pulled, if set */
    public Optional<RegistryCredentials> registryCredentials() {
        return Optional.ofNullable(registryCredentials);
    }

    /** @return the network, if set */
    public Optional<NetworkArgs> network() {
        return Optional.ofNullable(network);
    }

    /** @return the own load balancer's options */
    public ApplicationLoadBalancerOptions loadBalancer() {
        return loadBalancer == null ? ApplicationLoadBalancerOptions.builder().build() : loadBalancer;
    }

    /** @return whether the own load balancer's options were given */
    public boolean hasLoadBalancer() {
        return loadBalancer != null;
    }

    /** @return the place on a shared load balancer, if any */
    public Optional<ListenerRuleArgs> listenerRule() {
        return Optional.ofNullable(listenerRule);
    }

    /** @return the target group's options */
    public TargetGroupArgs targetGroup() {
        return targetGroup == null ? TargetGroupArgs.builder().build() : targetGroup;
    }

    /** @return the service's options */
    public EcsServiceOptions service() {
        return service == null ? EcsServiceOptions.builder().build() : service;
    }

    /** @return the task role to create, if any */
    public Optional<TaskRoleArgs> taskRole() {
        return Optional.ofNullable(taskRole);
    }

    /** @return the pull-through cache, if any */
    public Optional<PullThroughCacheOptions> pullThroughCache() {
        return Optional.ofNullable(pullThroughCache);
    }

    /** @return the VPC endpoints, if any */
    public Optional<VpcEndpointsOptions> vpcEndpoints() {
        return Optional.ofNullable(vpcEndpoints);
    }

    /** @return the execution role's options */
    public TaskExecutionRoleOptions executionRole() {
        return executionRole == null ? TaskExecutionRoleOptions.builder().build() : executionRole;
    }

    /** @return whether the registries are asked before ECS pulls */
    public boolean registryPreflight() {
        return registryPreflight == null || registryPreflight;
    }

    /** @return whether images run pinned to the digest the registry answered */
    public boolean pinImageDigests() {
        return pinImageDigests != null && pinImageDigests;
    }

    /** @return whether the deployment alarms are created and roll deployments back */
    public boolean deploymentAlarms() {
        return deploymentAlarms == null || deploymentAlarms;
    }

    /** @return the topic that hears of pull failures, if any */
    public Optional<Value<String>> pullFailureTopicArn() {
        return Optional.ofNullable(pullFailureTopicArn);
    }

    /** @return the tags */
    public Map<String, String> tags() {
        return tags;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link LoadBalancedServiceArgs}. */
    public static final class Builder {
        private LoadBalancedServiceArgs args = new LoadBalancedServiceArgs();

        private Builder() {
        }

        private LoadBalancedServiceArgs args() {
            if (args == null) {
                throw new IllegalStateException("LoadBalancedServiceArgs.Builder: build() was called already; "
                        + "args are immutable, start a new builder");
            }
            return args;
        }

        /**
         * @param container the main container
         * @return this builder
         */
        public Builder container(ContainerArgs container) {
            args().container = container;
            return this;
        }

        /**
         * @param sidecar one more container in the task
         * @return this builder
         */
        public Builder sidecar(ContainerArgs sidecar) {
            args().sidecars.add(sidecar);
            args().sidecarRegistryCredentials.add(null);
            return this;
        }

        /**
         * @param sidecar     one more container in the task
         * @param credentials how its image is pulled: its own registry's credentials, or {@link
         *                    RegistryCredentials#none()} for a public image
         * @return this builder
         */
        public Builder sidecar(ContainerArgs sidecar, RegistryCredentials credentials) {
            args().sidecars.add(sidecar);
            args().sidecarRegistryCredentials.add(credentials);
            return this;
        }

        /**
         * @param credentials how the main container's image is pulled
         * @return this builder
         */
        public Builder registryCredentials(RegistryCredentials credentials) {
            args().registryCredentials = credentials;
            return this;
        }

        /**
         * @param network the VPC and subnets
         * @return this builder
         */
        public Builder network(NetworkArgs network) {
            args().network = network;
            return this;
        }

        /**
         * @param loadBalancer the own load balancer's options
         * @return this builder
         */
        public Builder loadBalancer(ApplicationLoadBalancerOptions loadBalancer) {
            args().loadBalancer = loadBalancer;
            return this;
        }

        /**
         * @param rule a place on a shared load balancer
         * @return this builder
         */
        public Builder listenerRule(ListenerRuleArgs rule) {
            args().listenerRule = rule;
            return this;
        }

        /**
         * @param targetGroup the target group's options
         * @return this builder
         */
        public Builder targetGroup(TargetGroupArgs targetGroup) {
            args().targetGroup = targetGroup;
            return this;
        }

        /**
         * @param service the service's options
         * @return this builder
         */
        public Builder service(EcsServiceOptions service) {
            args().service = service;
            return this;
        }

        /**
         * @param taskRole a task role to create
         * @return this builder
         */
        public Builder taskRole(TaskRoleArgs taskRole) {
            args().taskRole = taskRole;
            return this;
        }

        /**
         * @param cache pull the main image through an ECR pull-through cache; of {@code PullThroughCacheArgs}, only
         *     their options
         * @return this builder
         */
        public Builder pullThroughCache(PullThroughCacheOptions cache) {
            args().pullThroughCache = cache == null ? null : PullThroughCacheOptions.builder().from(cache).build();
            return this;
        }

        /**
         * @param endpoints VPC endpoints for tasks in private subnets; of {@code VpcEndpointsArgs}, only their options
         * @return this builder
         */
        public Builder vpcEndpoints(VpcEndpointsOptions endpoints) {
            args().vpcEndpoints = endpoints == null ? null : VpcEndpointsOptions.builder().from(endpoints).build();
            return this;
        }

        /**
         * @param executionRole the execution role's own options
         * @return this builder
         */
        public Builder executionRole(TaskExecutionRoleOptions executionRole) {
            // Only the options: what the role reads, pulls and writes is the composite's to wire.
            args().executionRole = TaskExecutionRoleOptions.builder().from(executionRole).build();
            return this;
        }

        /**
         * @param on whether the registries are asked before ECS pulls
         * @return this builder
         */
        public Builder registryPreflight(boolean on) {
            args().registryPreflight = on;
            return this;
        }

        /**
         * @param on whether ECS rolls a deployment back on the target group's 5XX and unhealthy-hosts alarms
         * @return this builder
         */
        public Builder deploymentAlarms(boolean on) {
            args().deploymentAlarms = on;
            return this;
        }

        /**
         * @param on whether images run as {@code image@digest}, the digest the registry answered
         * @return this builder
         */
        public Builder pinImageDigests(boolean on) {
            args().pinImageDigests = on;
            return this;
        }

        /**
         * @param topicArn the SNS topic that hears of pull failures, e.g. from a stack reference
         * @return this builder
         */
        public Builder pullFailureTopicArn(Output<String> topicArn) {
            args().pullFailureTopicArn = Value.of(topicArn);
            return this;
        }

        /**
         * @param topicArn the SNS topic that hears of pull failures
         * @return this builder
         */
        public Builder pullFailureTopicArn(String topicArn) {
            args().pullFailureTopicArn = Value.of(topicArn);
            return this;
        }

        /**
         * @param tags tags of every taggable resource
         * @return this builder
         */
        public Builder tags(Map<String, String> tags) {
            args().tags = Map.copyOf(tags);
            return this;
        }

        /** @return the immutable args */
        public LoadBalancedServiceArgs build() {
            LoadBalancedServiceArgs built = args();
            args = null;
            return built;
        }
    }
}
