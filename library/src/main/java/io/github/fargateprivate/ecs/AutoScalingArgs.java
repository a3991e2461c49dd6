package io.github.fargateprivate.ecs;

import io.github.fargateprivate.Options;
import io.github.fargateprivate.OptionsStyle;
import io.github.fargateprivate.Problems;
import io.github.fargateprivate.Rules;
import org.immutables.value.Value;

import java.util.Optional;

/**
 * Application Auto Scaling of the task count: a target and a CPU target-tracking policy. While it runs, the service
 * ignores drift of its desired count. Immutable; build with {@link #builder()}.
 */
@Value.Immutable
@OptionsStyle
public abstract class AutoScalingArgs implements Options<AutoScalingArgs> {

    /** Default of {@link #cpuTargetPercent()}. */
    public static final int DEFAULT_CPU_TARGET_PERCENT = 60;

    /** @return the fewest tasks, 0-5000. Required */
    public abstract Optional<Integer> minCount();

    /** @return the most tasks, 1-5000, at least {@link #minCount()}. Required */
    public abstract Optional<Integer> maxCount();

    /**
     * @return average service CPU the policy keeps, in percent, 1-100. Default: {@value #DEFAULT_CPU_TARGET_PERCENT},
     *     headroom for a burst before scale-out
     */
    @Value.Default
    public int cpuTargetPercent() {
        return DEFAULT_CPU_TARGET_PERCENT;
    }

    /**
     * Checks the bounds.
     *
     * @param problems where problems go
     * @return these args
     */
    @Override
    public AutoScalingArgs validate(Problems problems) {
        if (minCount().isEmpty()) {
            problems.add("minCount", "required: the fewest tasks");
        }
        if (maxCount().isEmpty()) {
            problems.add("maxCount", "required: the most tasks");
        }
        if (minCount().isEmpty() || maxCount().isEmpty()) {
            return this;
        }
        int min = minCount().get();
        int max = maxCount().get();
        problems.add("minCount", Rules.between(min, 0, 5000));
        problems.add("maxCount", Rules.between(max, 1, 5000));
        if (min > max) {
            problems.add("minCount", min + " is above maxCount " + max + "; lower minCount or raise maxCount",
                    String.valueOf(max));
        }
        problems.add("cpuTargetPercent", Rules.between(cpuTargetPercent(), 1, 100));
        return this;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these args, to change some of them */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builder of {@link AutoScalingArgs}. */
    public static final class Builder extends ImmutableAutoScalingArgs.Builder {
        Builder() {
        }
    }
}
