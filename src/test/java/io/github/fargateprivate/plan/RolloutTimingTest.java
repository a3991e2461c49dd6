package io.github.fargateprivate.plan;

import org.junit.jupiter.api.Test;

import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The circuit breaker's failure threshold as AWS states it, and the time a bad image runs before it. */
class RolloutTimingTest {

    private static RolloutTiming withDesired(int count) {
        return new RolloutTiming(10, 2, 30, 30, count, true);
    }

    @Test
    void theFailureThresholdIsHalfTheDesiredCountRoundedUpBetween3And200() {
        assertEquals(3, withDesired(0).circuitBreakerThreshold());
        assertEquals(3, withDesired(1).circuitBreakerThreshold(), "0.5 is below the minimum of 3");
        assertEquals(3, withDesired(6).circuitBreakerThreshold());
        assertEquals(4, withDesired(7).circuitBreakerThreshold(), "3.5 is rounded up");
        assertEquals(13, withDesired(25).circuitBreakerThreshold(), "the developer guide's example");
        assertEquals(200, withDesired(400).circuitBreakerThreshold());
        assertEquals(200, withDesired(800).circuitBreakerThreshold(), "200 at most");
    }

    @Test
    void aBadImageRunsTheThresholdTimesAFailedPullWithoutThePreflightAndForeverWithoutTheCircuitBreaker() {
        assertEquals(OptionalInt.of(3 * RolloutTiming.SECONDS_PER_FAILED_PULL),
                withDesired(2).badImageCaughtWithoutPreflightSeconds());
        assertEquals(5, withDesired(2).badImageCaughtWithPreflightSeconds(), "one preflight check's timeout");
        assertEquals(OptionalInt.empty(), RolloutTiming.awsDefaults(2).badImageCaughtWithoutPreflightSeconds());
    }
}
