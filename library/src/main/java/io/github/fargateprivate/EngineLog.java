package io.github.fargateprivate;

import com.pulumi.deployment.internal.DeploymentImpl;
import com.pulumi.deployment.internal.DeploymentInternal;
import com.pulumi.resources.Resource;

/**
 * What a component says through Pulumi's log: {@code pulumi preview} and {@code pulumi up} show it under the
 * component, the offline plan and the testing kit list it. Warnings are what a platform engineer should hear before
 * AWS says it (a quota nearly used, anonymous Docker Hub pulls); an error fails the update once the program ends, with
 * its message alone (an exception thrown where the engine serialises a value shows its stack trace). Outside a
 * program run (a component's static {@code problems()}), nothing is said.
 */
public final class EngineLog {

    private EngineLog() {
    }

    /**
     * @param component the component the warning is about
     * @param owner     how messages name it, e.g. {@code LoadBalancedFargateService 'app'}
     * @param message   what to know and what to do about it
     */
    public static void warn(Resource component, String owner, String message) {
        // The SDK's Log is the deployment's; its public handle is the stack's Context, which a component has not.
        DeploymentInternal.getInstanceOptional()
                .filter(DeploymentImpl.class::isInstance)
                .map(d -> ((DeploymentImpl) d).getLog())
                .ifPresent(log -> log.warn(owner + ": " + message, component));
    }

    /**
     * @param component the component the message is about
     * @param owner     how messages name it
     * @param message   what a reader of the program's log learns, e.g. the digest an image resolves to
     */
    public static void info(Resource component, String owner, String message) {
        DeploymentInternal.getInstanceOptional()
                .filter(DeploymentImpl.class::isInstance)
                .map(d -> ((DeploymentImpl) d).getLog())
                .ifPresent(log -> log.info(owner + ": " + message, component));
    }

    /**
     * @param component the component the error is about
     * @param owner     how messages name it, e.g. {@code FargateService 'app-fargate'}
     * @param message   what failed and what to do about it
     */
    public static void error(Resource component, String owner, String message) {
        DeploymentInternal.getInstanceOptional()
                .filter(DeploymentImpl.class::isInstance)
                .map(d -> ((DeploymentImpl) d).getLog())
                .ifPresent(log -> log.error(owner + ": " + message, component));
    }
}
