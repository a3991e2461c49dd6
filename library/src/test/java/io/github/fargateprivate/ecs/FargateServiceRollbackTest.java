package io.github.fargateprivate.ecs;

import io.github.fargateprivate.ec2.NetworkArgs;
import io.github.fargateprivate.testing.OfflineMocks;
import io.github.fargateprivate.testing.OfflineRun;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.concurrent.CompletableFuture;

import static io.github.fargateprivate.Fixtures.GHCR_IMAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code pulumi up} fails when ECS rolled the deployment back, which waitForSteadyState of aws 6.x does not see. */
class FargateServiceRollbackTest {

    /** Mocks whose ECS services answer, as DescribeServices does after a rollback, the previous task definition. */
    static final class RolledBack extends OfflineMocks {
        @Override
        public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
            return super.newResourceAsync(args).thenApply(result -> {
                if (!"aws:ecs/service:Service".equals(args.type) || answersUnknown()) {
                    return result;
                }
                @SuppressWarnings("unchecked")
                var state = new HashMap<>((java.util.Map<String, Object>) result.state);
                String registered = String.valueOf(args.inputs.get("taskDefinition"));
                int revision = Integer.parseInt(registered.substring(registered.lastIndexOf(':') + 1));
                state.put("taskDefinition", registered.substring(0, registered.lastIndexOf(':') + 1) + (revision - 1));
                return ResourceResult.of(result.id, state);
            });
        }
    }

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
        var run = run(new RolledBack());
        String failure = run.failure();
        String registered = String.valueOf(run.mocks().generated().entrySet().stream()
                .filter(e -> e.getValue().equals("web-task.arn")).findFirst().orElseThrow().getKey());
        String previous = registered.substring(0, registered.lastIndexOf(':') + 1) + "0";
        assertTrue(failure.contains("FargateService 'web': ECS rolled the deployment of service web-service-1a2b3c4 "
                + "back: it runs " + previous + ", not " + registered + ", which the circuit breaker stopped"), failure);
        assertTrue(failure.contains("aws ecs describe-services --region eu-central-1 --cluster web-cluster-1a2b3c4 "
                + "--services web-service-1a2b3c4 --query 'services[0].events[:10].message'"), failure);
        assertTrue(failure.contains("--desired-status STOPPED"), failure);
        assertTrue(!failure.contains("\tat "), "no stack trace: " + failure);
    }

    @Test
    void aServiceThatRunsTheRegisteredTaskDefinitionSucceedsAndAPreviewChecksNothing() {
        var run = run(new OfflineMocks()).ok();
        assertEquals(run.inputs("web-service").get("taskDefinition"), run.mocks().generated().entrySet().stream()
                .filter(e -> e.getValue().equals("web-task.arn")).findFirst().orElseThrow().getKey());
        run(new RolledBack().unknownOutputs()).ok();
    }
}
