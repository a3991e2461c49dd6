package io.github.fargateprivate.plan;

import io.github.fargateprivate.registry.RegistryPreflight;

import java.util.OptionalInt;

/**
 * How long a rollout waits on the load balancer, from the target group's health check and deregistration delay and
 * the container's stop timeout, compared with AWS's defaults; and how soon a bad image (a wrong tag, credentials that
 * do not pull) is caught.
 *
 * @param healthCheckIntervalSeconds seconds between health checks
 * @param healthyThreshold           successes before a target is healthy
 * @param deregistrationDelaySeconds seconds a deregistered target drains
 * @param stopTimeoutSeconds         seconds between SIGTERM and SIGKILL
 * @param desiredCount               the service's desired task count, from which ECS computes the circuit breaker's
 *                                   failure threshold
 * @param circuitBreaker             whether the service's deployment circuit breaker is on
 */
public record RolloutTiming(int healthCheckIntervalSeconds, int healthyThreshold, int deregistrationDelaySeconds,
                            int stopTimeoutSeconds, int desiredCount, boolean circuitBreaker) {

    /**
     * How long one task takes to fail on an image it cannot pull, from launch to {@code STOPPED}: an estimate, which
     * AWS does not document. A Fargate task is provisioned and gets its network interface (tens of seconds), the agent
     * tries the pull 5 times with backoff (amazon-ecs-agent, {@code maximumPullRetries = 5} at 1.1-5 s apart in
     * agent/dockerclient/dockerapi/docker_client.go; Fargate's stopped reasons read "pull image manifest has been
     * retried 5 time(s)"), then the task is stopped and deprovisioned. A registry that does not answer (a timeout on
     * each attempt) takes longer.
     */
    public static final int SECONDS_PER_FAILED_PULL = 60;
    /** The circuit breaker's failure threshold is at least 3 failed tasks ... */
    public static final int MIN_FAILURE_THRESHOLD = 3;
    /** ... and at most 200. */
    public static final int MAX_FAILURE_THRESHOLD = 200;

    /**
     * @param desiredCount a service's desired task count
     * @return AWS's defaults for it: health checks every 30 s x 5, 300 s drain, 30 s stop timeout, and no deployment
     *     circuit breaker (CreateService turns it on only when asked, {@code deploymentCircuitBreaker.enable})
     */
    public static RolloutTiming awsDefaults(int desiredCount) {
        return new RolloutTiming(30, 5, 300, 30, desiredCount, false);
    }

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

    /**
     * The number of failed tasks after which the deployment circuit breaker fails (and rolls back) a deployment.
     * AWS: "The deployment circuit breaker has a minimum threshold of 3 and a maximum threshold of 200. and uses the
     * values in the following formula to determine the deployment failure. 0.5 * desired task count" (ECS API
     * reference, ServiceDeploymentCircuitBreaker, threshold,
     * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceDeploymentCircuitBreaker.html); the
     * developer guide's "How the Amazon ECS deployment circuit breaker detects failures"
     * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-circuit-breaker.html) writes it
     * {@code Minimum threshold <= 0.5 * desired task count => maximum threshold} and rounds up (25 tasks: 13). The
     * guide's copy readable here is an older one, with a minimum of 10; the API reference's 3 is used.
     *
     * @return {@code min(200, max(3, ceil(0.5 * desiredCount)))}
     */
    public int circuitBreakerThreshold() {
        return Math.min(MAX_FAILURE_THRESHOLD, Math.max(MIN_FAILURE_THRESHOLD, (desiredCount + 1) / 2));
    }

    /**
     * @return about how many seconds a deployment of a bad image runs before ECS fails it, without a check before
     *     deployment: the failure threshold x {@value #SECONDS_PER_FAILED_PULL} s per failed task; empty without the
     *     circuit breaker, when ECS keeps starting tasks. ECS launches up to the maximum percent at once (faster) and
     *     throttles tasks that keep failing to start, up to 15 minutes apart ("Service throttle logic", ECS developer
     *     guide; slower): an estimate
     */
    public OptionalInt badImageCaughtWithoutPreflightSeconds() {
        return circuitBreaker ? OptionalInt.of(circuitBreakerThreshold() * SECONDS_PER_FAILED_PULL)
                : OptionalInt.empty();
    }

    /**
     * @return at most this many seconds the registry preflight takes to refuse an image at preview, before anything
     *     deploys: one check's timeout ({@link RegistryPreflight#DEFAULT_TIMEOUT})
     */
    public int badImageCaughtWithPreflightSeconds() {
        return (int) RegistryPreflight.DEFAULT_TIMEOUT.toSeconds();
    }
}
