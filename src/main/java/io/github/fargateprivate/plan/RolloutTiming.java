package io.github.fargateprivate.plan;

/**
 * How long a rollout waits on the load balancer, from the target group's health check and deregistration delay and
 * the container's stop timeout, compared with AWS's defaults.
 *
 * @param healthCheckIntervalSeconds seconds between health checks
 * @param healthyThreshold           successes before a target is healthy
 * @param deregistrationDelaySeconds seconds a deregistered target drains
 * @param stopTimeoutSeconds         seconds between SIGTERM and SIGKILL
 */
public record RolloutTiming(int healthCheckIntervalSeconds, int healthyThreshold, int deregistrationDelaySeconds,
                            int stopTimeoutSeconds) {

    /** AWS's defaults: 30 s x 5 checks, 300 s drain, 30 s stop timeout. */
    public static final RolloutTiming AWS_DEFAULTS = new RolloutTiming(30, 5, 300, 30);

    /** @return at most this many seconds pass between the app answering its health check and it serving traffic */
    public int readyToServingSeconds() {
        return healthCheckIntervalSeconds * healthyThreshold;
    }

    /**
     * @return at most this many seconds pass between a new task's app being ready and the old task being gone:
     *     healthy, drained, stopped
     */
    public int readyToOldTaskGoneSeconds() {
        return readyToServingSeconds() + deregistrationDelaySeconds + stopTimeoutSeconds;
    }
}
