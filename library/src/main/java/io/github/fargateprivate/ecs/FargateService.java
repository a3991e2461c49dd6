package io.github.fargateprivate.ecs;

import com.pulumi.resources.ComponentResourceOptions;

/**
 * An {@link EcsService} under the type token of versions before 2.0 ({@value #TYPE}), so that the resources of
 * stacks that create it directly keep their URNs.
 *
 * @deprecated use {@link EcsService}, which runs both launch types; give it an alias of this type token to keep a
 *     deployed service's resources: {@code Alias.builder().type(FargateService.TYPE).build()}
 */
@Deprecated(forRemoval = true)
public class FargateService extends EcsService {

    /** The Pulumi type token of this component. */
    public static final String TYPE = "fargate-private-registry:ecs:FargateService";

    /**
     * Creates the service and what it needs.
     *
     * @param name    the component's name; children are named from it
     * @param args    containers, sizing, networking and rollout settings
     * @param options component options
     */
    public FargateService(String name, EcsServiceArgs args, ComponentResourceOptions options) {
        super(TYPE, "FargateService", name, args, options);
    }

    /**
     * Creates the service with default component options.
     *
     * @param name the component's name
     * @param args containers, sizing, networking and rollout settings
     */
    public FargateService(String name, EcsServiceArgs args) {
        this(name, args, ComponentResourceOptions.Empty);
    }
}
