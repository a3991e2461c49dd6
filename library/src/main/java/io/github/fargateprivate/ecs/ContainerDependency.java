package io.github.fargateprivate.ecs;

import java.util.List;

/**
 * A container's start-up order: it starts once another container of the task reaches a condition.
 *
 * @param containerName the other container
 * @param condition     {@code START}, {@code COMPLETE} or {@code SUCCESS} (the other container then must not be
 *                      essential), or {@code HEALTHY} (the other container then needs a health check)
 */
public record ContainerDependency(String containerName, String condition) {

    /** The conditions ECS knows. */
    public static final List<String> CONDITIONS = List.of("START", "COMPLETE", "SUCCESS", "HEALTHY");
}
