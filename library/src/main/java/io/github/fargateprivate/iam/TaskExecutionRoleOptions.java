package io.github.fargateprivate.iam;

import io.github.fargateprivate.Options;
import io.github.fargateprivate.OptionsStyle;
import io.github.fargateprivate.Problems;
import io.github.fargateprivate.Rules;
import org.immutables.value.Value;

import java.util.Map;

/**
 * What a user sets on a {@link TaskExecutionRole}: the managed policy and the tags. What the role reads, pulls and
 * writes is wiring ({@link TaskExecutionRoleArgs}), which a composite derives from its containers, credentials and log
 * group. Immutable; build with {@link #builder()}.
 *
 * <p>An interface, not an abstract class, so that {@link TaskExecutionRoleArgs} can have a {@code builder()} of its
 * own: Java lets a class's static method hide another's only with a compatible return type, and an interface's static
 * methods are not inherited.
 */
@Value.Immutable
@OptionsStyle
public interface TaskExecutionRoleOptions extends Options<TaskExecutionRoleOptions> {

    /**
     * @return whether the role also carries the AWS managed {@code AmazonECSTaskExecutionRolePolicy}, which allows
     *     ECR pulls and log writes on {@code *}: AWS maintains it, at the price of more than the task needs. Default:
     *     false; the role holds only the statements the task needs, on exact ARNs
     */
    @Value.Default
    default boolean managedPolicy() {
        return false;
    }

    /** @return tags of the role. Default: none */
    Map<String, String> tags();

    /**
     * Checks the tags against IAM's limits.
     *
     * @param problems where problems go
     * @return these options
     */
    @Override
    default TaskExecutionRoleOptions validate(Problems problems) {
        problems.add("tags", Rules.tags(tags()));
        return this;
    }

    /** @return a new builder */
    static Builder builder() {
        return new Builder();
    }

    /**
     * @return a builder holding these options, to change some of them; of {@link TaskExecutionRoleArgs}, only their
     *     options (change those with {@code TaskExecutionRoleArgs.builder().from(args)})
     */
    default Builder toBuilder() {
        return builder().from(this);
    }

    /** Builder of {@link TaskExecutionRoleOptions}. */
    final class Builder extends ImmutableTaskExecutionRoleOptions.Builder {
        Builder() {
        }
    }
}
