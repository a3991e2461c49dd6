package io.github.fargateprivate.ecs;

import com.pulumi.resources.ResourceArgs;
import io.github.fargateprivate.Problems;
import io.github.fargateprivate.Rules;

/**
 * Application Auto Scaling of the task count: a target and a CPU target-tracking policy. While it runs, the service
 * ignores drift of its desired count. Immutable; build with {@link #builder()}.
 */
public final class AutoScalingArgs extends ResourceArgs {

    /** The fewest tasks, 0-5000. Required. */
    private Integer minCount;

    /** The most tasks, 1-5000, at least {@link #minCount()}. Required. */
    private Integer maxCount;

    /** Average service CPU the policy keeps, in percent, 1-100. Default: 60, headroom for a burst before scale-out. */
    private Integer cpuTargetPercent;

    private AutoScalingArgs() {
    }

    /** @return the fewest tasks */
    public int minCount() {
        return minCount == null ? 0 : minCount;
    }

    /** @return the most tasks */
    public int maxCount() {
        return maxCount == null ? 0 : maxCount;
    }

    /** @return the CPU target */
    public int cpuTargetPercent() {
        return cpuTargetPercent == null ? 60 : cpuTargetPercent;
    }

    /**
     * Checks the bounds.
     *
     * @param problems where problems go
     */
    public void validate(Problems problems) {
        if (minCount == null) {
            problems.add("minCount", "required: the fewest tasks");
        }
        if (maxCount == null) {
            problems.add("maxCount", "required: the most tasks");
        }
        if (minCount == null || maxCount == null) {
            return;
        }
        problems.add("minCount", Rules.between(minCount, 0, 5000));
        problems.add("maxCount", Rules.between(maxCount, 1, 5000));
        if (minCount > maxCount) {
            problems.add("minCount", minCount + " is above maxCount " + maxCount + "; lower minCount or raise maxCount",
                    String.valueOf(maxCount));
        }
        problems.add("cpuTargetPercent", Rules.between(cpuTargetPercent(), 1, 100));
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link AutoScalingArgs}. */
    public static final class Builder {
        private AutoScalingArgs args = new AutoScalingArgs();

        private Builder() {
        }

        private AutoScalingArgs args() {
            if (args == null) {
                throw new IllegalStateException("AutoScalingArgs.Builder: build() was called already");
            }
            return args;
        }

        /**
         * @param count the fewest tasks
         * @return this builder
         */
        public Builder minCount(int count) {
            args().minCount = count;
            return this;
        }

        /**
         * @param count the most tasks
         * @return this builder
         */
        public Builder maxCount(int count) {
            args().maxCount = count;
            return this;
        }

        /**
         * @param percent the CPU target
         * @return this builder
         */
        public Builder cpuTargetPercent(int percent) {
            args().cpuTargetPercent = percent;
            return this;
        }

        /** @return the immutable args */
        public AutoScalingArgs build() {
            AutoScalingArgs built = args();
            args = null;
            return built;
        }
    }
}
