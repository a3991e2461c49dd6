package io.github.fargateprivate.ecs;

import io.github.fargateprivate.ec2.NetworkArgs;
import io.github.fargateprivate.testing.OfflineMocks;
import io.github.fargateprivate.testing.OfflineRun;
import org.junit.jupiter.api.Test;

import static io.github.fargateprivate.Fixtures.GHCR_IMAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code pulumi up} fails when ECS rolled the deployment back, which waitForSteadyState of aws 6.x does not see. */
class FargateServiceRollbackTest {

    private static final String REGISTERED = "arn:aws:ecs:eu-central-1:123456789012:task-definition/web:1";
    /** What DescribeServices names after the circuit breaker rolled the deployment back. */
    private static final String PREVIOUS = "arn:aws:ecs:eu-central-1:123456789012:task-definition/web:41";

    private static OfflineRun run(OfflineMocks mocks) {
        return OfflineRun.of(ctx -> new FargateService("web", FargateServiceArgs.builder()
                .network(NetworkArgs.builder().vpcId(OfflineMocks.DEFAULT_VPC)
                        .publicSubnetIds(OfflineMocks.DEFAULT_SUBNETS).build())
                .container(ContainerArgs.builder().image(GHCR_IMAGE).build())
                .executionRoleArn("arn:aws:iam::123456789012:role/exec")
                .build()), mocks);
    }

    @Test
    void aServiceThatRunsThePreviousTaskDefinitionFailsTheUpdateNamingTheServiceAndTheCommandThatSaysWhy() {
        var run = run(new OfflineMocks().rollsBack("web-service", PREVIOUS));
        String failure = run.failure();
        assertEquals(REGISTERED, run.inputs("web-service").get("taskDefinition"));
        assertTrue(failure.contains("FargateService 'web': ECS rolled the deployment of service web-service-1a2b3c4 "
                + "back: it runs " + PREVIOUS + ", not " + REGISTERED + ", which the circuit breaker stopped"), failure);
        assertTrue(failure.contains("aws ecs describe-services --region eu-central-1 --cluster web-cluster-1a2b3c4 "
                + "--services web-service-1a2b3c4 --query 'services[0].events[:10].message'"), failure);
        assertTrue(failure.contains("--desired-status STOPPED"), failure);
        assertFalse(failure.contains("\tat "), "no stack trace: " + failure);
    }

    @Test
    void aServiceThatRunsTheRegisteredTaskDefinitionSucceedsAndAPreviewChecksNothing() {
        run(new OfflineMocks()).ok();
        run(new OfflineMocks().rollsBack("web-service", PREVIOUS).unknownOutputs()).ok();
    }
}
