package io.github.fargateprivate.ecs;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where a service's tasks run: on Fargate, or on container instances of its own. One choice, each with only its own
 * options, so that an impossible combination (bridge mode on Fargate, instance registry authentication without
 * instances) cannot be written. The task's size and architecture are the service's ({@link EcsServiceArgs}).
 */
public sealed interface Launch permits Launch.Fargate, Launch.Ec2 {

    /** @return Fargate, with ECS's defaults: launch type FARGATE, 20 GiB of ephemeral storage */
    static Fargate fargate() {
        return new Fargate(List.of(), null, null);
    }

    /** @return container instances of the service's own with {@link Ec2CapacityOptions}' defaults, awsvpc, per task */
    static Ec2 ec2() {
        return ec2(Ec2CapacityOptions.builder().build());
    }

    /**
     * @param instances the container instances: type, count, AMI, root volume, Session Manager
     * @return container instances of the service's own, awsvpc, registry credentials per task
     */
    static Ec2 ec2(Ec2CapacityOptions instances) {
        return new Ec2(instances, NetworkMode.AWSVPC, RegistryAuth.TASK);
    }

    /**
     * Fargate.
     *
     * @param capacityProviders   the FARGATE and FARGATE_SPOT lines (the Spot mix); empty for launch type FARGATE
     * @param ephemeralStorageGiB the task's ephemeral storage, 21-200 GiB; null for Fargate's 20
     * @param platformVersion     the Fargate platform version, e.g. {@code 1.4.0}; null for {@code LATEST}
     */
    record Fargate(List<CapacityProviderStrategy> capacityProviders, Integer ephemeralStorageGiB,
                   String platformVersion) implements Launch {

        /**
         * Copies the lines.
         *
         * @param capacityProviders   the lines
         * @param ephemeralStorageGiB the storage, or null
         * @param platformVersion     the platform version, or null
         */
        public Fargate {
            capacityProviders = List.copyOf(capacityProviders);
        }

        /**
         * @param line one more FARGATE or FARGATE_SPOT line, e.g. {@link CapacityProviderStrategy#fargateSpot(int)}
         * @return this choice with the line
         */
        public Fargate capacityProvider(CapacityProviderStrategy line) {
            var lines = new ArrayList<>(capacityProviders);
            lines.add(Objects.requireNonNull(line, "line"));
            return new Fargate(lines, ephemeralStorageGiB, platformVersion);
        }

        /**
         * @param gib the task's ephemeral storage, 21-200 GiB
         * @return this choice with it
         */
        public Fargate ephemeralStorageGiB(int gib) {
            return new Fargate(capacityProviders, gib, platformVersion);
        }

        /**
         * @param version the Fargate platform version, e.g. {@code 1.4.0}
         * @return this choice with it
         */
        public Fargate platformVersion(String version) {
            return new Fargate(capacityProviders, ephemeralStorageGiB, Objects.requireNonNull(version, "version"));
        }
    }

    /**
     * Container instances of the service's own ({@link Ec2Capacity}).
     *
     * @param instances    the instances' options
     * @param networkMode  how the containers reach the network
     * @param registryAuth how images are pulled with registry credentials
     */
    record Ec2(Ec2CapacityOptions instances, NetworkMode networkMode, RegistryAuth registryAuth) implements Launch {

        /**
         * Requires every component.
         *
         * @param instances    the instances
         * @param networkMode  the network mode
         * @param registryAuth the registry authentication
         */
        public Ec2 {
            Objects.requireNonNull(instances, "instances");
            Objects.requireNonNull(networkMode, "networkMode");
            Objects.requireNonNull(registryAuth, "registryAuth");
            // The instances' options only: the service wires their cluster, network and credentials itself.
            if (instances instanceof Ec2CapacityArgs) {
                instances = Ec2CapacityOptions.builder().from(instances).build();
            }
        }

        /**
         * @param mode how the containers reach the network
         * @return this choice with it
         */
        public Ec2 networkMode(NetworkMode mode) {
            return new Ec2(instances, mode, registryAuth);
        }

        /**
         * @param auth how images are pulled with registry credentials
         * @return this choice with it
         */
        public Ec2 registryAuth(RegistryAuth auth) {
            return new Ec2(instances, networkMode, auth);
        }

        /**
         * @param args the instances' options
         * @return this choice with them
         */
        public Ec2 instances(Ec2CapacityOptions args) {
            return new Ec2(args, networkMode, registryAuth);
        }
    }
}
