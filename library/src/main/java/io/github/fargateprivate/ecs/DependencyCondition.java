package io.github.fargateprivate.ecs;

/** When a container starts after another (ECS API reference, ContainerDependency). */
public enum DependencyCondition {
    /** Once the other container has started. */
    START,
    /** Once the other container has exited; the other may not be essential. */
    COMPLETE,
    /** Once the other container has exited with status 0; the other may not be essential. */
    SUCCESS,
    /** Once the other container's health check passes; the other needs one. */
    HEALTHY
}
