package io.github.fargateprivate.ecs;

import com.pulumi.core.Output;
import io.github.fargateprivate.OptionsStyle;
import io.github.fargateprivate.Problems;
import io.github.fargateprivate.Value;
import io.github.fargateprivate.ec2.NetworkArgs;
import org.immutables.value.Value.Immutable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Inputs of {@link EcsService}: its {@link EcsServiceOptions} and what a parent wires: the network, the containers, the
 * registry credentials, the execution role, the VPC endpoints and the load balancer ({@code builder().from(options)}).
 * Immutable; build with {@link #builder()}, change with {@code builder().from(args)} ({@link #toBuilder()} is the
 * options' and keeps only them); missing fields are reported by the component, with every other problem.
 */
@Immutable
@OptionsStyle
@SuppressWarnings("immutables:subtype")
public abstract class EcsServiceArgs implements EcsServiceOptions {

    /** @return where the tasks run: {@link NetworkArgs#taskSubnetIds()}, with a public IP only without private subnets. Required */
    public abstract Optional<NetworkArgs> network();

    /** @return the main container, behind the load balancer. Required */
    public abstract Optional<ContainerArgs> container();

    /** @return the sidecars, in the task after the main container. Default: none */
    public abstract List<ContainerArgs> sidecars();

    /**
     * @return the Secrets Manager secret with the registry credentials of the main container's image, its
     *     {@code repositoryCredentials.credentialsParameter}. Default: none (an ECR or public image)
     */
    public abstract Optional<Value<String>> registryCredentialsArn();

    /**
     * @return Secrets Manager secrets with the registry credentials of sidecars' images, by the sidecar's name: each
     *     its container's {@code repositoryCredentials.credentialsParameter}. Default: none
     */
    public abstract Map<String, Value<String>> sidecarRegistryCredentialsArns();

    /**
     * @return the customer managed KMS key of {@link #registryCredentialsArn()}'s secret, which the container
     *     instances' role may decrypt with registry authentication {@code instance} (per task, the execution role
     *     decrypts it). Default: none, the AWS managed key
     */
    public abstract Optional<Value<String>> registryCredentialsKmsKeyArn();

    /** @return the task execution role (image pull, secrets, logs). Required */
    public abstract Optional<Value<String>> executionRoleArn();

    /**
     * @return the execution role's name: the service then grants the role the log writes on exactly its log group's
     *     streams, in a policy of its own ({@code <name>-exec-logs}). Default: none; the role must allow them itself
     */
    public abstract Optional<Value<String>> executionRoleName();

    /**
     * @return the security group of the VPC endpoints the tasks reach AWS through: the service adds one rule to it
     *     that admits HTTPS from its tasks only; with {@link #taskEgressCidrBlocks()} the tasks may also send there,
     *     and to the S3 gateway endpoint's prefix list ({@link #vpcEndpointsS3PrefixListId()}). Default: none
     */
    public abstract Optional<Value<String>> vpcEndpointsSecurityGroupId();

    /** @return the S3 gateway endpoint's prefix list, where ECR serves image layers from. Default: none */
    public abstract Optional<Value<String>> vpcEndpointsS3PrefixListId();

    /** @return the target group the service registers its main container in. Default: none, no load balancer */
    public abstract Optional<Value<String>> targetGroupArn();

    /** @return the load balancer's security group, the only source the tasks admit; required with a target group */
    public abstract Optional<Value<String>> loadBalancerSecurityGroupId();

    /**
     * @return the load balancer's targets' security group ({@code ApplicationLoadBalancer#targetsSecurityGroupId()}),
     *     which the tasks (in bridge mode the container instances) carry, so that the load balancer's own group needs
     *     no rule for this service. Default: none, and the service adds an egress rule to the load balancer's group
     */
    public abstract Optional<Value<String>> targetsSecurityGroupId();

    /**
     * @return the name the security groups' descriptions carry, which AWS cannot change without replacing a group:
     *     that of the service as first deployed, when a later release renamed it (an alias keeps its resources).
     *     Default: the component's name
     */
    public abstract Optional<String> descriptionName();

    /** @return the containers, the main one first */
    public final List<ContainerArgs> containers() {
        List<ContainerArgs> all = new ArrayList<>();
        container().ifPresent(all::add);
        all.addAll(sidecars());
        return List.copyOf(all);
    }

    /**
     * @param componentName the component's name, the default
     * @return the name the security groups' descriptions carry
     */
    public final String descriptionName(String componentName) {
        return descriptionName().orElse(componentName);
    }

    /**
     * Checks the options; the wiring is checked by {@link EcsService}, which knows which of it the service needs.
     *
     * @param problems where problems go
     * @return these args, each option of another resource replaced by the checked one
     */
    @Override
    public EcsServiceArgs validate(Problems problems) {
        return builder().from(this).from(EcsServiceOptions.super.validate(problems)).build();
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link EcsServiceArgs}: the options' overloads ({@link EcsServiceOptions.Setters}), the wiring's. */
    public static final class Builder extends ImmutableEcsServiceArgs.Builder implements Setters<Builder> {
        Builder() {
        }

        /**
         * @param keyArn the registry credentials secret's customer managed key, from another resource
         * @return this builder
         */
        public Builder registryCredentialsKmsKeyArn(Output<String> keyArn) {
            return registryCredentialsKmsKeyArn(Value.of(keyArn));
        }

        /**
         * @param keyArn the registry credentials secret's customer managed key
         * @return this builder
         */
        public Builder registryCredentialsKmsKeyArn(String keyArn) {
            return registryCredentialsKmsKeyArn(Value.of(keyArn));
        }

        /**
         * @param secretArn the main container's registry credentials secret, from another resource
         * @return this builder
         */
        public Builder registryCredentialsArn(Output<String> secretArn) {
            return registryCredentialsArn(Value.of(secretArn));
        }

        /**
         * @param secret the main container's registry credentials secret: its ARN or name
         * @return this builder
         */
        public Builder registryCredentialsArn(String secret) {
            return registryCredentialsArn(Value.of(secret));
        }

        /**
         * @param sidecar   the sidecar's name
         * @param secretArn its registry credentials secret, from another resource
         * @return this builder
         */
        public Builder sidecarRegistryCredentialsArn(String sidecar, Output<String> secretArn) {
            return sidecarRegistryCredentialsArn(sidecar, Value.of(secretArn));
        }

        /**
         * @param sidecar the sidecar's name
         * @param secret  its registry credentials secret: its ARN or name
         * @return this builder
         */
        public Builder sidecarRegistryCredentialsArn(String sidecar, String secret) {
            return sidecarRegistryCredentialsArn(sidecar, Value.of(secret));
        }

        /**
         * @param roleArn the execution role, from another resource
         * @return this builder
         */
        public Builder executionRoleArn(Output<String> roleArn) {
            return executionRoleArn(Value.of(roleArn));
        }

        /**
         * @param roleArn the execution role's ARN
         * @return this builder
         */
        public Builder executionRoleArn(String roleArn) {
            return executionRoleArn(Value.of(roleArn));
        }

        /**
         * @param roleName the execution role's name, which the service grants its log writes
         * @return this builder
         */
        public Builder executionRoleName(Output<String> roleName) {
            return executionRoleName(Value.of(roleName));
        }

        /**
         * @param securityGroupId the VPC endpoints' security group
         * @param s3PrefixListId  the S3 gateway endpoint's prefix list
         * @return this builder
         */
        public Builder vpcEndpoints(Output<String> securityGroupId, Output<String> s3PrefixListId) {
            vpcEndpointsSecurityGroupId(Value.of(securityGroupId));
            return vpcEndpointsS3PrefixListId(Value.of(s3PrefixListId));
        }

        /**
         * @param targetGroupArn              the target group
         * @param loadBalancerSecurityGroupId the load balancer's security group
         * @return this builder
         */
        public Builder loadBalancer(Output<String> targetGroupArn, Output<String> loadBalancerSecurityGroupId) {
            targetGroupArn(Value.of(targetGroupArn));
            return loadBalancerSecurityGroupId(Value.of(loadBalancerSecurityGroupId));
        }

        /**
         * @param targetGroupArn              the target group
         * @param loadBalancerSecurityGroupId the load balancer's security group
         * @param targetsSecurityGroupId      the load balancer's targets' security group, which the tasks carry
         * @return this builder
         */
        public Builder loadBalancer(Output<String> targetGroupArn, Output<String> loadBalancerSecurityGroupId,
                                    Output<String> targetsSecurityGroupId) {
            loadBalancer(targetGroupArn, loadBalancerSecurityGroupId);
            return targetsSecurityGroupId(Value.of(targetsSecurityGroupId));
        }
    }
}
