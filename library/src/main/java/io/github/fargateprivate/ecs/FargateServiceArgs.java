package io.github.fargateprivate.ecs;

/**
 * The args of {@link FargateService} by the name of versions before 2.0, which are {@link EcsServiceArgs}.
 *
 * @deprecated use {@link EcsServiceArgs}; this name goes in the next release
 */
@Deprecated(forRemoval = true)
public final class FargateServiceArgs {

    private FargateServiceArgs() {
    }

    /** @return a builder of {@link EcsServiceArgs} */
    public static EcsServiceArgs.Builder builder() {
        return EcsServiceArgs.builder();
    }
}
