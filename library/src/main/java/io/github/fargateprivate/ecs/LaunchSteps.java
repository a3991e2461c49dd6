package io.github.fargateprivate.ecs;

import com.pulumi.aws.ecs.ServiceArgs;
import com.pulumi.aws.ecs.inputs.ServiceOrderedPlacementStrategyArgs;
import com.pulumi.core.Output;

import java.util.List;
import java.util.Optional;

/**
 * What the launch types do differently in {@link EcsService}'s steps, so that each step states what is common and asks
 * this for the rest, as CDK's {@code FargateService} and {@code Ec2Service} state what differs from their base.
 */
abstract sealed class LaunchSteps permits LaunchSteps.OnFargate, LaunchSteps.OnEc2 {

    /**
     * @param launch where the service's tasks run
     * @return the steps of its launch type
     */
    static LaunchSteps of(Launch launch) {
        return launch instanceof Launch.Ec2 ec2 ? new OnEc2(ec2) : new OnFargate((Launch.Fargate) launch);
    }

    /** @return the task definition's {@code requiresCompatibilities} */
    abstract String compatibility();

    /** @return the task definition's network mode */
    abstract String networkMode();

    /** @return whether the containers share the instance's Docker bridge (and its security group) */
    abstract boolean bridge();

    /** @return whether the container instances pull with the registry credentials, not the task */
    abstract boolean instanceAuth();

    /**
     * @param instances the service's own container instances, or null on Fargate
     * @return the capacity provider strategy's lines; empty for launch type FARGATE
     */
    abstract List<Output<CapacityProviderStrategy>> strategy(Ec2Capacity instances);

    /**
     * @param publicSubnets whether the tasks run in public subnets (no private ones)
     * @return whether each task gets a public IP
     */
    abstract boolean assignPublicIp(boolean publicSubnets);

    /**
     * Sets what the launch type decides of the service: platform version, launch type, placement.
     *
     * @param service the service's args
     * @param strategy the capacity provider strategy's lines
     */
    abstract void place(ServiceArgs.Builder service, List<Output<CapacityProviderStrategy>> strategy);

    /** Fargate: awsvpc tasks on AWS's capacity, FARGATE and FARGATE_SPOT lines, a platform version. */
    static final class OnFargate extends LaunchSteps {
        private final Launch.Fargate fargate;

        OnFargate(Launch.Fargate fargate) {
            this.fargate = fargate;
        }

        @Override
        String compatibility() {
            return "FARGATE";
        }

        @Override
        String networkMode() {
            return NetworkMode.AWSVPC.value();
        }

        @Override
        boolean bridge() {
            return false;
        }

        @Override
        boolean instanceAuth() {
            return false;
        }

        @Override
        List<Output<CapacityProviderStrategy>> strategy(Ec2Capacity instances) {
            return fargate.capacityProviders().stream().map(Output::of).toList();
        }

        @Override
        boolean assignPublicIp(boolean publicSubnets) {
            return publicSubnets;
        }

        @Override
        void place(ServiceArgs.Builder service, List<Output<CapacityProviderStrategy>> strategy) {
            Optional.ofNullable(fargate.platformVersion()).ifPresent(service::platformVersion);
            if (strategy.isEmpty()) {
                service.launchType("FARGATE");
            }
        }
    }

    /** EC2: the service's own container instances, in awsvpc or bridge mode. */
    static final class OnEc2 extends LaunchSteps {
        private final Launch.Ec2 ec2;

        OnEc2(Launch.Ec2 ec2) {
            this.ec2 = ec2;
        }

        @Override
        String compatibility() {
            return "EC2";
        }

        @Override
        String networkMode() {
            return ec2.networkMode().value();
        }

        @Override
        boolean bridge() {
            return ec2.networkMode() == NetworkMode.BRIDGE;
        }

        @Override
        boolean instanceAuth() {
            return ec2.registryAuth() == RegistryAuth.INSTANCE;
        }

        @Override
        List<Output<CapacityProviderStrategy>> strategy(Ec2Capacity instances) {
            return List.of(instances.capacityProviderName().applyValue(p -> new CapacityProviderStrategy(p, 0, 1)));
        }

        @Override
        boolean assignPublicIp(boolean publicSubnets) {
            // ECS gives awsvpc tasks on EC2 no public IP; the instance's own reaches out.
            return false;
        }

        @Override
        void place(ServiceArgs.Builder service, List<Output<CapacityProviderStrategy>> strategy) {
            // Tasks spread over the availability zones first, then pack onto the fewest instances.
            service.orderedPlacementStrategies(
                    ServiceOrderedPlacementStrategyArgs.builder().type("spread").field("attribute:ecs.availability-zone")
                            .build(),
                    ServiceOrderedPlacementStrategyArgs.builder().type("binpack").field("memory").build());
        }
    }
}
