package io.github.fargateprivate.ecs;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The retention periods CloudWatch Logs accepts (PutRetentionPolicy), all finite. */
public final class LogRetention {

    /** Valid {@code retentionInDays} values, in days. */
    public static final List<Integer> DAYS = List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731,
            1096, 1827, 2192, 2557, 2922, 3288, 3653);

    private LogRetention() {
    }

    /**
     * @param days a requested retention
     * @return the valid retention nearest to it (the longer one on a tie, since logs lost cannot be read again)
     */
    public static int nearest(int days) {
        return DAYS.stream().min(java.util.Comparator.comparingInt((Integer d) -> Math.abs(d - days))
                .thenComparing(d -> -d)).orElseThrow();
    }

    /**
     * Checks a retention period.
     *
     * @param days the requested retention
     * @return a description naming the valid values, or empty when CloudWatch accepts it
     */
    public static Optional<String> problem(int days) {
        return DAYS.contains(days) ? Optional.empty()
                : Optional.of(days + " is not a retention CloudWatch Logs accepts; valid values: "
                        + DAYS.stream().map(String::valueOf).collect(Collectors.joining(", ")));
    }
}
