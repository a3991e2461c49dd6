package io.github.fargateprivate;

import com.pulumi.deployment.internal.DeploymentInstanceHolder;

import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Supplier;

/**
 * State that components of one program run share, such as the listener rules placed on each load balancer: kept per
 * run of the Pulumi engine (its deployment instance), so that runs in one JVM (tests, the offline plan) see only their
 * own. Outside a run each call gets fresh state, which no other call sees.
 */
public final class PerRun {

    private static final Map<Object, Map<Object, Object>> STATE = new WeakHashMap<>();

    private PerRun() {
    }

    /**
     * @param kind    what the state is, e.g. a class's token object
     * @param initial makes the state the first time it is asked for in a run
     * @param <T>     the state's type; the caller synchronises on the state it gets
     * @return the run's state of that kind
     */
    @SuppressWarnings("unchecked")
    public static <T> T get(Object kind, Supplier<T> initial) {
        Object run = DeploymentInstanceHolder.getInstanceNoThrow();
        if (run == null) {
            return initial.get();
        }
        synchronized (STATE) {
            return (T) STATE.computeIfAbsent(run, r -> new HashMap<>()).computeIfAbsent(kind, k -> initial.get());
        }
    }
}
