package io.github.fargateprivate.ecs;

import com.pulumi.aws.ec2.inputs.SecurityGroupEgressArgs;
import com.pulumi.core.Output;
import io.github.fargateprivate.OptionsStyle;
import io.github.fargateprivate.Problems;
import io.github.fargateprivate.arn.Arn;
import org.immutables.value.Value;

import java.util.List;
import java.util.Optional;

/**
 * Inputs of {@link Ec2Capacity}: the instances' {@link Ec2CapacityOptions} and what a parent wires, the cluster, the
 * network, the security group rules and the registry credentials. A service builds them as
 * {@code Ec2CapacityArgs.builder().from(options).clusterName(..)...build()}; a stack that uses {@link Ec2Capacity} on
 * its own sets everything here. Immutable; build with {@link #builder()}.
 */
@Value.Immutable
@OptionsStyle
@SuppressWarnings("immutables:subtype")
public abstract class Ec2CapacityArgs implements Ec2CapacityOptions {

    /** @return the cluster the instances join ({@code ECS_CLUSTER}). Required */
    public abstract Optional<io.github.fargateprivate.Value<String>> clusterName();

    /** @return the VPC of the instances' security group. Required */
    public abstract Optional<io.github.fargateprivate.Value<String>> vpcId();

    /** @return the subnets of the instances. Required */
    public abstract Optional<io.github.fargateprivate.Value<List<String>>> subnetIds();

    /**
     * @return whether the instances get a public IPv4 address: in public subnets without a NAT gateway they reach ECS,
     *     the registry and AWS's APIs only with one, and a subnet need not hand one out (its map-public-ip-on-launch).
     *     Default: false, the subnet's own setting
     */
    @Value.Default
    public boolean assignPublicIp() {
        return false;
    }

    /** @return the load balancer's security group, admitted on the dynamic host ports (bridge mode). Default: none */
    public abstract Optional<io.github.fargateprivate.Value<String>> bridgeIngressSecurityGroupId();

    /** @return the load balancer's targets' security group, which the instances carry (bridge mode). Default: none */
    public abstract Optional<io.github.fargateprivate.Value<String>> targetsSecurityGroupId();

    /**
     * @return the name the security group's description carries, which AWS cannot change without replacing the group:
     *     that of the instances as first deployed. Default: the component's name
     */
    public abstract Optional<String> descriptionName();

    /** @return the instances' egress rules. Default: none given, anywhere */
    public abstract List<SecurityGroupEgressArgs> egress();

    /**
     * @return the registry credentials secret the instances read at boot, with
     *     {@value Ec2CapacityOptions#REGISTRY_AUTH_INSTANCE}: its ARN, or its name in the instances' region
     */
    public abstract Optional<io.github.fargateprivate.Value<String>> registryCredentialsArn();

    /** @return the image's registry host the credentials are for, with {@value Ec2CapacityOptions#REGISTRY_AUTH_INSTANCE} */
    public abstract Optional<io.github.fargateprivate.Value<String>> registryHost();

    /**
     * @return a customer managed KMS key of the registry credentials secret: with {@value #REGISTRY_AUTH_INSTANCE}
     *     the instance role may decrypt with it through Secrets Manager. Default: none, the AWS managed key
     */
    public abstract Optional<io.github.fargateprivate.Value<String>> registryCredentialsKmsKeyArn();

    /**
     * @param componentName the component's name, the default
     * @return the name the security group's description carries
     */
    public String descriptionName(String componentName) {
        return descriptionName().orElse(componentName);
    }

    /**
     * Checks the options and the wiring.
     *
     * @param problems where problems go
     * @return these args, an AMI and a key of other resources carrying their checks
     */
    @Override
    public Ec2CapacityArgs validate(Problems problems) {
        var checked = builder().from(this).from(Ec2CapacityOptions.super.validate(problems));
        registryCredentialsKmsKeyArn().ifPresent(k -> checked.registryCredentialsKmsKeyArn(
                problems.checked("registryCredentialsKmsKeyArn", k, Arn::kmsKeyArnProblem)));
        if (registryCredentialsKmsKeyArn().isPresent() && !instanceRegistryAuth()) {
            problems.add("registryCredentialsKmsKeyArn", "only with registryAuth instance: per task, the execution "
                    + "role decrypts the credentials");
        }
        if (clusterName().isEmpty()) {
            problems.add("clusterName", "required: the cluster the instances join");
        }
        if (vpcId().isEmpty() || subnetIds().isEmpty()) {
            problems.add("network", "required: the VPC and the subnets of the instances");
        }
        if (instanceRegistryAuth() && registryCredentialsArn().isEmpty()) {
            problems.add("registryAuth", "instance needs the registry credentials secret the agent pulls with: "
                    + "registryCredentials(SECRET_ARN, REGISTRY_HOST)");
        }
        if (!instanceRegistryAuth() && registryCredentialsArn().isPresent()) {
            problems.add("registryCredentials", "only with registryAuth instance; per task, the task definition "
                    + "names the credentials (repositoryCredentials)");
        }
        return checked.build();
    }

    /** @return a builder holding these args, to change some of them */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link Ec2CapacityArgs}; the options' Output overloads, and the wiring in pairs. */
    public static final class Builder extends ImmutableEc2CapacityArgs.Builder
            implements Ec2CapacityOptions.Setters<Builder> {
        Builder() {
        }

        /**
         * @param keyArn the registry credentials secret's customer managed key
         * @return this builder
         */
        public Builder registryCredentialsKmsKeyArn(String keyArn) {
            return registryCredentialsKmsKeyArn(io.github.fargateprivate.Value.of(keyArn));
        }

        /**
         * @param keyArn the registry credentials secret's customer managed key, e.g. {@code aws.kms.Key#arn()}
         * @return this builder
         */
        public Builder registryCredentialsKmsKeyArn(Output<String> keyArn) {
            return registryCredentialsKmsKeyArn(io.github.fargateprivate.Value.of(keyArn));
        }

        /**
         * @param name the cluster the instances join
         * @return this builder
         */
        public Builder clusterName(Output<String> name) {
            return clusterName(io.github.fargateprivate.Value.of(name));
        }

        /**
         * @param vpcId     the VPC of the instances' security group
         * @param subnetIds the subnets of the instances
         * @return this builder
         */
        public Builder network(Output<String> vpcId, Output<List<String>> subnetIds) {
            return vpcId(io.github.fargateprivate.Value.of(vpcId)).subnetIds(io.github.fargateprivate.Value.of(subnetIds));
        }

        /**
         * @param securityGroupId the load balancer's security group, admitted on the dynamic host ports
         * @return this builder
         */
        public Builder bridgeIngressFrom(Output<String> securityGroupId) {
            return bridgeIngressSecurityGroupId(io.github.fargateprivate.Value.of(securityGroupId));
        }

        /**
         * @param securityGroupId the load balancer's targets' security group, which the instances then carry: the
         *                        load balancer's one way to them in bridge mode
         * @return this builder
         */
        public Builder targetsSecurityGroupId(Output<String> securityGroupId) {
            return targetsSecurityGroupId(io.github.fargateprivate.Value.of(securityGroupId));
        }

        /**
         * The credentials the ECS agent pulls with, with {@value Ec2CapacityOptions#REGISTRY_AUTH_INSTANCE}.
         *
         * @param secretArn    the {username, password} secret: its ARN (or name in the instances' region)
         * @param registryHost the registry it is for, e.g. {@code ghcr.io}
         * @return this builder
         */
        public Builder registryCredentials(Output<String> secretArn, Output<String> registryHost) {
            return registryCredentialsArn(io.github.fargateprivate.Value.of(secretArn))
                    .registryHost(io.github.fargateprivate.Value.of(registryHost));
        }
    }
}
