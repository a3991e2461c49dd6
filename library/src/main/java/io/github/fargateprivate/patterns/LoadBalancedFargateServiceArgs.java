package io.github.fargateprivate.patterns;

/**
 * The args of {@link LoadBalancedFargateService} by the name of versions before 2.0, which are
 * {@link LoadBalancedServiceArgs}.
 *
 * @deprecated use {@link LoadBalancedServiceArgs}; this name goes in the next release
 */
@Deprecated(forRemoval = true)
public final class LoadBalancedFargateServiceArgs {

    private LoadBalancedFargateServiceArgs() {
    }

    /** @return a builder of {@link LoadBalancedServiceArgs} */
    public static LoadBalancedServiceArgs.Builder builder() {
        return LoadBalancedServiceArgs.builder();
    }
}
