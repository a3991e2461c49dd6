package io.github.fargateprivate.patterns;

import com.pulumi.resources.ComponentResourceOptions;
import io.github.fargateprivate.AwsEnvironment;
import io.github.fargateprivate.Problem;
import io.github.fargateprivate.Problems;
import io.github.fargateprivate.ecs.EcsService;
import io.github.fargateprivate.ecs.EcsServiceArgs;
import io.github.fargateprivate.ecs.FargateService;

import java.util.List;

/**
 * A {@link LoadBalancedService} under the type token and child names of versions before 2.0 ({@value #TYPE}, the
 * service child {@code <name>-fargate} of type {@link FargateService#TYPE}), so that stacks that create it keep
 * every URN as it is; its task definition family stays {@code <name>-fargate} unless given.
 *
 * @deprecated use {@link LoadBalancedService}, which runs both launch types; it answers to this component's URNs
 *     through aliases, so a deployed stack keeps its resources (its default task definition family is the
 *     component's name: give {@code family("<name>-fargate")} to keep the old one)
 */
@Deprecated(forRemoval = true)
public class LoadBalancedFargateService extends LoadBalancedService {

    /** The Pulumi type token of this component. */
    public static final String TYPE = "fargate-private-registry:patterns:LoadBalancedFargateService";
    /** The suffix of the service child's name: {@code <name>-fargate}. */
    static final String SERVICE_CHILD = "-fargate";

    /**
     * Creates the service and everything it needs.
     *
     * @param name    the component's name; children are named from it
     * @param args    container, credentials, network, load balancer and service options
     * @param options component options
     */
    public LoadBalancedFargateService(String name, LoadBalancedServiceArgs args, ComponentResourceOptions options) {
        super(TYPE, "LoadBalancedFargateService", SERVICE_CHILD, name, args, options);
    }

    /**
     * Creates the service with default component options.
     *
     * @param name the component's name
     * @param args container, credentials, network, load balancer and service options
     */
    public LoadBalancedFargateService(String name, LoadBalancedServiceArgs args) {
        this(name, args, ComponentResourceOptions.Empty);
    }

    /**
     * The problems the constructor would report, found without registering anything.
     *
     * @param name the component's name
     * @param args the args
     * @param env  where the component would deploy
     * @return the problems of plain values
     */
    public static List<Problem> problems(String name, LoadBalancedServiceArgs args, AwsEnvironment env) {
        var problems = Problems.of("LoadBalancedFargateService", name);
        validate(name, args, problems, env, null, "LoadBalancedFargateService", SERVICE_CHILD);
        return problems.list();
    }

    @Override
    protected EcsService createService(String name, EcsServiceArgs args, ComponentResourceOptions childOptions) {
        return new FargateService(name, args, childOptions);
    }

    /** @return the Fargate service */
    @Override
    public FargateService service() {
        return (FargateService) super.service();
    }
}
