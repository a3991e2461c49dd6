package io.github.fargateprivate.patterns;

import com.pulumi.core.Output;
import io.github.fargateprivate.Customizations;
import io.github.fargateprivate.OptionsStyle;
import io.github.fargateprivate.Value;
import io.github.fargateprivate.cloudwatch.DeploymentAlarms;
import io.github.fargateprivate.cloudwatch.PullFailureAlerts;
import io.github.fargateprivate.ec2.NetworkArgs;
import io.github.fargateprivate.ec2.VpcEndpointsArgs;
import io.github.fargateprivate.ec2.VpcEndpointsOptions;
import io.github.fargateprivate.ecr.PullThroughCacheArgs;
import io.github.fargateprivate.ecr.PullThroughCacheOptions;
import io.github.fargateprivate.ecs.ContainerArgs;
import io.github.fargateprivate.ecs.EcsServiceArgs;
import io.github.fargateprivate.ecs.EcsServiceOptions;
import io.github.fargateprivate.iam.TaskExecutionRoleArgs;
import io.github.fargateprivate.iam.TaskExecutionRoleOptions;
import io.github.fargateprivate.iam.TaskRoleArgs;
import io.github.fargateprivate.lb.ApplicationLoadBalancerArgs;
import io.github.fargateprivate.lb.ApplicationLoadBalancerOptions;
import io.github.fargateprivate.lb.ListenerRuleArgs;
import io.github.fargateprivate.lb.TargetGroupArgs;
import io.github.fargateprivate.secretsmanager.RegistryCredentials;
import org.immutables.value.Value.Check;
import org.immutables.value.Value.Default;
import org.immutables.value.Value.Immutable;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Inputs of {@link LoadBalancedService}: the parts' option types, each documented once in its part; what the composite
 * wires between them (the network into the load balancer and the service, the target group, the roles, the
 * credentials) is not among them. Immutable; build with {@link #builder()}; problems are reported by the component,
 * all at once, under these fields' names ({@code container.image}, {@code loadBalancer.certificateArn},
 * {@code service.memory}).
 */
@Immutable
@OptionsStyle
public abstract class LoadBalancedServiceArgs {

    /**
     * A sidecar and how its image is pulled.
     *
     * @param container   the sidecar
     * @param credentials its own registry credentials, or null for the default
     */
    record Sidecar(ContainerArgs container, RegistryCredentials credentials) {
    }

    /** @return the main container, behind the load balancer; see {@link ContainerArgs}. Required */
    public abstract Optional<ContainerArgs> container();

    /** @return the sidecars, each with its own registry credentials where given, in the order added */
    abstract List<Sidecar> sidecarEntries();

    /**
     * @return how the main container's image is pulled; see {@link RegistryCredentials}. Default: none for an ECR
     *     image; required for any other, where {@link RegistryCredentials#none()} states a public image
     */
    public abstract Optional<RegistryCredentials> registryCredentials();

    /** @return the VPC and subnets of the load balancer and the tasks; see {@link NetworkArgs}. Default: the default VPC */
    public abstract Optional<NetworkArgs> network();

    /**
     * @return the service's own load balancer; see {@link ApplicationLoadBalancerOptions} (the service wires its
     *     network and target group). Default: an internet-facing one on HTTP 80. Not with {@link #listenerRule()}
     */
    public abstract Optional<ApplicationLoadBalancerOptions> loadBalancer();

    /**
     * @return a place on a load balancer shared with other services instead of an own one; see
     *     {@link ListenerRuleArgs}. Default: none, an own load balancer
     */
    public abstract Optional<ListenerRuleArgs> listenerRule();

    /**
     * @return the target group's health check and drain; see {@link TargetGroupArgs}. Its port is the container's;
     *     its deregistration delay stays within the main container's stop timeout (the rollout budget)
     */
    @Default
    public TargetGroupArgs targetGroup() {
        return TargetGroupArgs.builder().build();
    }

    /**
     * @return the service's own options (cluster, size, count, autoscaling, launch, ECS Exec, rollout); see
     *     {@link EcsServiceOptions}; its network, containers and roles are the composite's to wire
     */
    @Default
    public EcsServiceOptions service() {
        return EcsServiceOptions.builder().build();
    }

    /**
     * @return a task role created with these statements; see {@link TaskRoleArgs}. Default: none (or, with ECS Exec
     *     on, one that allows only ECS Exec). An existing task role goes in {@link EcsServiceOptions#taskRoleArn()}
     *     instead
     */
    public abstract Optional<TaskRoleArgs> taskRole();

    /**
     * @return the execution role's own options ({@link TaskExecutionRoleOptions#managedPolicy()}); what it may read
     *     and pull is derived from the containers. Default: exact statements only, no managed policy
     */
    @Default
    public TaskExecutionRoleOptions executionRole() {
        return TaskExecutionRoleOptions.builder().build();
    }

    /**
     * @return pull the main image through an ECR pull-through cache instead of from its registry; see
     *     {@link PullThroughCacheOptions}. The composite fills its upstream (the image's registry; give it for an image
     *     that another resource produces), its credentials ({@link #registryCredentials()}, read by ECR, not by the
     *     task) and, unset, its prefix ({@code <stack>-<upstream>}, e.g. {@code dev-github}). Default: no cache
     */
    public abstract Optional<PullThroughCacheOptions> pullThroughCache();

    /**
     * @return interface and gateway endpoints so that tasks in private subnets reach ECR, S3, CloudWatch Logs and the
     *     secrets they read without a NAT gateway; see {@link VpcEndpointsOptions}. The composite wires the VPC, the
     *     private subnets and the services. Needs a network with private subnets. Default: none
     */
    public abstract Optional<VpcEndpointsOptions> vpcEndpoints();

    /**
     * @return whether each container's registry is asked, when the component is built, whether its credentials can
     *     pull its image (a refusal, a missing tag or a platform the task does not run then fails before any resource;
     *     no answer is a warning; a pullable image is logged with its digest), and ECR whether an image is there.
     *     Default: true
     */
    @Default
    public boolean registryPreflight() {
        return true;
    }

    /**
     * @return whether each image the registry answered for runs as {@code image@digest}: what runs is what was
     *     checked, and a rollback returns to exactly the image before; a new digest under the same tag is a new
     *     deployment. Needs {@link #registryPreflight()}. Default: false, the tag (ECS still resolves it to a digest
     *     at each deployment)
     */
    @Default
    public boolean pinImageDigests() {
        return false;
    }

    /**
     * @return whether ECS rolls a deployment back when the service's targets answer with 5XX or stay unhealthy: the
     *     {@link DeploymentAlarms} on the service's target group, named in the service's {@code alarms} block (beside
     *     the circuit breaker, which sees only tasks that fail to start or to become healthy). Default: true
     */
    @Default
    public boolean deploymentAlarms() {
        return true;
    }

    /**
     * @return a standard SNS topic of the stack's account and region that hears of every task of the service that
     *     stopped because its image could not be pulled ({@link PullFailureAlerts}). The topic's access policy must
     *     allow {@code events.amazonaws.com} to {@code sns:Publish}, and a KMS-encrypted topic's key policy must let
     *     it use the key; the library changes neither. Default: none
     */
    public abstract Optional<Value<String>> pullFailureTopicArn();

    /** @return tags of every taggable resource, given once. Default: none */
    public abstract Map<String, String> tags();

    /**
     * @return functions over the args of every AWS resource the service and its parts create, checked against the
     *     library's security controls; see {@link Customizations}. Default: none
     */
    @Default
    public Customizations customizations() {
        return Customizations.none();
    }

    /** @return the sidecars, in the order added */
    public final List<ContainerArgs> sidecars() {
        return sidecarEntries().stream().map(Sidecar::container).toList();
    }

    /**
     * @param index a sidecar's index
     * @return its own registry credentials, if given
     */
    public final Optional<RegistryCredentials> sidecarRegistryCredentials(int index) {
        return Optional.ofNullable(sidecarEntries().get(index).credentials());
    }

    /** @return the load balancer's options, the defaults when none were given */
    public final ApplicationLoadBalancerOptions loadBalancerOrDefaults() {
        return loadBalancer().orElseGet(() -> ApplicationLoadBalancerOptions.builder().build());
    }

    /** Keeps the parts' options only: what the composite wires cannot come in through a part's args. */
    @Check
    LoadBalancedServiceArgs optionsOnly() {
        boolean wired = service() instanceof EcsServiceArgs || executionRole() instanceof TaskExecutionRoleArgs
                || loadBalancer().filter(ApplicationLoadBalancerArgs.class::isInstance).isPresent()
                || pullThroughCache().filter(PullThroughCacheArgs.class::isInstance).isPresent()
                || vpcEndpoints().filter(VpcEndpointsArgs.class::isInstance).isPresent();
        if (!wired) {
            return this;
        }
        return builder().from(this)
                .service(EcsServiceOptions.builder().from(service()).build())
                .executionRole(TaskExecutionRoleOptions.builder().from(executionRole()).build())
                .loadBalancer(loadBalancer().map(lb -> ApplicationLoadBalancerOptions.builder().from(lb).build()))
                .pullThroughCache(pullThroughCache().map(c -> PullThroughCacheOptions.builder().from(c).build()))
                .vpcEndpoints(vpcEndpoints().map(e -> VpcEndpointsOptions.builder().from(e).build()))
                .build();
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these args, to change some of them */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builder of {@link LoadBalancedServiceArgs}. */
    public static final class Builder extends ImmutableLoadBalancedServiceArgs.Builder {
        Builder() {
        }

        /**
         * @param sidecar a sidecar that pulls with the main container's credentials when its image is on the same
         *                registry host, or needs none
         * @return this builder
         */
        public Builder sidecar(ContainerArgs sidecar) {
            return sidecarEntry(new Sidecar(sidecar, null));
        }

        /**
         * @param sidecar     a sidecar
         * @param credentials how its image is pulled
         * @return this builder
         */
        public Builder sidecar(ContainerArgs sidecar, RegistryCredentials credentials) {
            return sidecarEntry(new Sidecar(sidecar, credentials));
        }

        /**
         * @param topicArn the SNS topic told of pull failures
         * @return this builder
         */
        public Builder pullFailureTopicArn(String topicArn) {
            return pullFailureTopicArn(Value.of(topicArn));
        }

        /**
         * @param topicArn the SNS topic told of pull failures, from another resource
         * @return this builder
         */
        public Builder pullFailureTopicArn(Output<String> topicArn) {
            return pullFailureTopicArn(Value.of(topicArn));
        }
    }
}
