package io.github.fargateprivate.ecs;

import java.util.List;

/**
 * One line of a service's capacity provider strategy: which capacity runs its tasks, {@code base} tasks first and the
 * rest in proportion to {@code weight}.
 *
 * @param capacityProvider {@code FARGATE} or {@code FARGATE_SPOT}
 * @param base             tasks placed here before weights apply, 0-100000; only one line may have a base
 * @param weight           share of the tasks beyond the bases, 0-1000
 */
public record CapacityProviderStrategy(String capacityProvider, int base, int weight) {

    /** On-demand Fargate. */
    public static final String FARGATE = "FARGATE";
    /** Fargate Spot: up to 70 % cheaper, interrupted with two minutes' notice; X86_64 only. */
    public static final String FARGATE_SPOT = "FARGATE_SPOT";
    /** The capacity providers of Fargate. */
    public static final List<String> FARGATE_PROVIDERS = List.of(FARGATE, FARGATE_SPOT);

    /**
     * @param base   tasks placed on on-demand Fargate first
     * @param weight share of the rest
     * @return a line for on-demand Fargate
     */
    public static CapacityProviderStrategy fargate(int base, int weight) {
        return new CapacityProviderStrategy(FARGATE, base, weight);
    }

    /**
     * @param weight share of the tasks beyond the bases
     * @return a line for Fargate Spot
     */
    public static CapacityProviderStrategy fargateSpot(int weight) {
        return new CapacityProviderStrategy(FARGATE_SPOT, 0, weight);
    }
}
