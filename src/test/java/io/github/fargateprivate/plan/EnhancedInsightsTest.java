package io.github.fargateprivate.plan;

import io.github.fargateprivate.plan.EnhancedInsights.Container;
import io.github.fargateprivate.plan.EnhancedInsights.Service;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The metrics enhanced observability publishes, counted by hand from AWS's table ("Amazon ECS Container Insights with
 * enhanced observability metrics"): 2 cluster-only metrics (3 with EC2 instances), 5 service-only, 9 task-level under
 * five dimension sets (plus 4 network ones in awsvpc or bridge mode and 3 ephemeral storage ones on Fargate), 7
 * container-level under five sets, UnHealthyContainerHealthStatus for health-checked containers and RestartCount for
 * containers with a restart policy.
 */
class EnhancedInsightsTest {

    private static final Container APP = new Container("app", true, false);

    @Test
    void oneFargateTaskWithOneHealthCheckedContainer() {
        // Task-level sets: cluster 1 + service 1 + family 1 + task 2 = 5; container-level the same with one container.
        // 2 + 5 + (9 + 4 + 3) x 5 + 7 x 5 + 5 (health check) = 127.
        assertEquals(127, EnhancedInsights.metrics(List.of(new Service("app", 1, true, true, List.of(APP)))));
    }

    @Test
    void ec2InHostModeHasNoNetworkOrEphemeralMetricsButCountsInstancesAndRestarts() {
        var sidecar = new Container("proxy", false, true);
        // 3 + 5 + 9 x (1 + 1 + 1 + 2 x 2) + 7 x (1 + 2 + 2 + 2 x 4) + health (1 + 1 + 1 + 2 x 2)
        // + RestartCount (task-level sets but the cluster's: 6, container-level: 7) = 3 + 5 + 63 + 91 + 7 + 13 = 182.
        assertEquals(182, EnhancedInsights.metrics(List.of(new Service("app", 2, false, false, List.of(APP, sidecar)))));
    }

    @Test
    void twoServicesOfOneFamilyShareItsSeries() {
        var plain = new Container("app", false, false);
        var services = List.of(new Service("app", 1, true, true, List.of(plain)),
                new Service("app", 1, true, true, List.of(plain)));
        // Task-level sets: 1 + 2 services + 1 family + 2 x 2 tasks = 8; container-level: 1 + 2 + 1 + 2 x 2 = 8.
        // 2 + 5 x 2 + (9 + 4 + 3) x 8 + 7 x 8 = 196.
        assertEquals(196, EnhancedInsights.metrics(services));
    }

    @Test
    void aServiceWithoutRunningTasksPublishesNothing() {
        assertEquals(0, EnhancedInsights.metrics(List.of(new Service("app", 0, true, true, List.of(APP)))));
        assertEquals(127, EnhancedInsights.metrics(List.of(new Service("app", 1, true, true, List.of(APP)),
                new Service("idle", 0, true, true, List.of(APP)))), "the idle service adds no series");
    }
}
