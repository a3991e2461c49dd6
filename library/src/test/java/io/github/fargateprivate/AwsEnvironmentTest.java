package io.github.fargateprivate;

import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.github.fargateprivate.testing.OfflineMocks;
import io.github.fargateprivate.testing.OfflineRun;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AwsEnvironmentTest {

    private static final AwsEnvironment ENV = new AwsEnvironment("123456789012", "eu-central-1", "aws",
            "amazonaws.com");

    @Test
    void theDefaultProvidersAccountRegionAndPartition() {
        var env = new AtomicReference<AwsEnvironment>();
        var run = OfflineRun.of(ctx -> env.set(AwsEnvironment.ofDefaultProvider()), new OfflineMocks()).ok();
        assertEquals(ENV, env.get());
        run.mocks().calls().forEach(c -> assertEquals("", c.provider()));
        assertEquals(ComponentHarness.ENVIRONMENT_INVOKES, ComponentHarness.sortedInvokes(run));
    }

    @Test
    void aComponentsExplicitProviderAnswers() {
        var env = new AtomicReference<AwsEnvironment>();
        var run = OfflineRun.of(ctx -> {
            var provider = new Provider(ComponentHarness.PROVIDER, ProviderArgs.builder()
                    .region(ComponentHarness.PROVIDER_REGION).build());
            env.set(AwsEnvironment.of(new ComponentResource("test:index:Probe", "probe",
                    ComponentResourceOptions.builder().providers(provider).build())));
        }, new OfflineMocks()).ok();
        assertEquals(new AwsEnvironment("123456789012", ComponentHarness.PROVIDER_REGION, "aws", "amazonaws.com"),
                env.get());
        assertEquals(ComponentHarness.ENVIRONMENT_INVOKES, ComponentHarness.sortedInvokes(run));
        run.mocks().calls().forEach(c -> assertTrue(c.provider().endsWith("::west-provider-id"), c.provider()));
    }

    @Test
    void arnsAndEndpointsAreOfThePartition() {
        assertEquals("arn:aws:logs:eu-central-1:123456789012:log-group:/ecs/app", ENV.arn("logs", "log-group:/ecs/app"));
        assertEquals("secretsmanager.eu-west-1.amazonaws.com", ENV.endpoint("secretsmanager", "eu-west-1"));
        var china = new AwsEnvironment("123456789012", "cn-north-1", "aws-cn", "amazonaws.com.cn");
        assertEquals("arn:aws-cn:ecs:cn-north-1:123456789012:*", china.arn("ecs", "*"));
        assertEquals("ssm.cn-northwest-1.amazonaws.com.cn", china.endpoint("ssm", "cn-northwest-1"));
    }
}
