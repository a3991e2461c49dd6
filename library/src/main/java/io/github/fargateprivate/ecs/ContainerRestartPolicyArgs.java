package io.github.fargateprivate.ecs;

import io.github.fargateprivate.Options;
import io.github.fargateprivate.OptionsStyle;
import io.github.fargateprivate.OrderedJson;
import io.github.fargateprivate.Problems;
import io.github.fargateprivate.Rules;
import org.immutables.value.Value;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A container's restart policy (the container definition's {@code restartPolicy}): ECS restarts the container in
 * place when it exits, without replacing the task ("Restart individual containers in Amazon ECS tasks with container
 * restart policies", ECS developer guide,
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/container-restart-policy.html). Giving it turns the
 * policy on. Immutable; build with {@link #builder()}.
 */
@Value.Immutable
@OptionsStyle
public abstract class ContainerRestartPolicyArgs implements Options<ContainerRestartPolicyArgs> {

    /** The most exit codes ECS ignores (API reference, ContainerRestartPolicy). */
    public static final int MAX_IGNORED_EXIT_CODES = 50;
    /** The shortest restart attempt period ECS takes, in seconds (API reference, ContainerRestartPolicy). */
    public static final int MIN_ATTEMPT_PERIOD_SECONDS = 60;
    /** The longest restart attempt period ECS takes, in seconds (API reference, ContainerRestartPolicy). */
    public static final int MAX_ATTEMPT_PERIOD_SECONDS = 1800;

    /**
     * @return exit codes on which ECS does not restart the container, at most {@value #MAX_IGNORED_EXIT_CODES}, e.g.
     *     0 for a container that may finish. Default: none, ECS restarts on every exit
     */
    public abstract List<Integer> ignoredExitCodes();

    /**
     * @return seconds the container must have run before ECS restarts it, and so the least time between two restarts;
     *     a container that exits sooner is not restarted, which stops a crash loop. 60-1800 (ECS's range).
     *     Default: ECS's, 300
     */
    public abstract Optional<Integer> restartAttemptPeriodSeconds();

    /**
     * Checks the values against ECS's limits (API reference, ContainerRestartPolicy,
     * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerRestartPolicy.html).
     *
     * @param problems where problems go
     * @return these args
     */
    @Override
    public ContainerRestartPolicyArgs validate(Problems problems) {
        if (ignoredExitCodes().size() > MAX_IGNORED_EXIT_CODES) {
            problems.add("ignoredExitCodes", ignoredExitCodes().size() + " exit codes, but ECS ignores at most "
                    + MAX_IGNORED_EXIT_CODES);
        }
        if (ignoredExitCodes().stream().distinct().count() != ignoredExitCodes().size()) {
            problems.add("ignoredExitCodes", "names an exit code twice");
        }
        restartAttemptPeriodSeconds().ifPresent(s -> problems.add("restartAttemptPeriodSeconds",
                Rules.between(s, MIN_ATTEMPT_PERIOD_SECONDS, MAX_ATTEMPT_PERIOD_SECONDS)));
        return this;
    }

    /** @return the container definition's {@code restartPolicy} object */
    Map<String, Object> toJson() {
        var json = OrderedJson.object("enabled", true);
        if (!ignoredExitCodes().isEmpty()) {
            json.put("ignoredExitCodes", ignoredExitCodes());
        }
        restartAttemptPeriodSeconds().ifPresent(s -> json.put("restartAttemptPeriod", s));
        return json;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these args, to change some of them */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builder of {@link ContainerRestartPolicyArgs}. */
    public static final class Builder extends ImmutableContainerRestartPolicyArgs.Builder {
        Builder() {
        }
    }
}
