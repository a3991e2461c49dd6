package io.github.fargateprivate.ec2;

import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.github.fargateprivate.ComponentHarness;
import io.github.fargateprivate.Problems;
import io.github.fargateprivate.testing.OfflineMocks;
import io.github.fargateprivate.testing.OfflineRun;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DefaultVpcTest {

    private static final String GET_VPC = "aws:ec2/getVpc:getVpc";
    private static final String GET_SUBNETS = "aws:ec2/getSubnets:getSubnets";

    @Test
    void findsTheDefaultVpcAndItsDefaultSubnets() {
        var run = OfflineRun.of(ctx -> {
            var network = DefaultVpc.lookup(null);
            assertTrue(network.assignPublicIp(), "the default VPC has no private subnets");
            var checked = network.validate(Problems.of("Probe", "probe"));
            ctx.export("vpc", checked.vpcId().orElseThrow().output());
            ctx.export("subnets", checked.publicSubnetIds().orElseThrow().output());
            ctx.export("tasks", checked.taskSubnetIds().output());
        }, new OfflineMocks()).ok();
        assertEquals(OfflineMocks.DEFAULT_VPC, run.output("vpc"));
        assertEquals(OfflineMocks.DEFAULT_SUBNETS, run.output("subnets"));
        assertEquals(OfflineMocks.DEFAULT_SUBNETS, run.output("tasks"));
    }

    @Test
    void asksForTheDefaultVpcAndThenItsDefaultForAzSubnets() {
        var run = OfflineRun.of(ctx -> ctx.export("subnets",
                DefaultVpc.lookup(null).publicSubnetIds().orElseThrow().output()), new OfflineMocks()).ok();
        var calls = run.mocks().calls();
        assertEquals(List.of(GET_VPC, GET_SUBNETS), calls.stream().map(OfflineMocks.Call::token).toList());
        assertEquals(Map.of("default", true), calls.get(0).args());
        assertEquals(List.of(Map.of("name", "vpc-id", "values", List.of(OfflineMocks.DEFAULT_VPC)),
                Map.of("name", "default-for-az", "values", List.of("true"))), calls.get(1).args().get("filters"));
        calls.forEach(c -> assertEquals("", c.provider(), "without a component: the default provider"));
    }

    @Test
    void looksUpThroughTheComponentsProvider() {
        var run = OfflineRun.of(ctx -> {
            var provider = new Provider(ComponentHarness.PROVIDER, ProviderArgs.builder()
                    .region(ComponentHarness.PROVIDER_REGION).build());
            var component = new ComponentResource("test:index:Probe", "probe",
                    ComponentResourceOptions.builder().providers(provider).build());
            ctx.export("subnets", DefaultVpc.lookup(component).publicSubnetIds().orElseThrow().output());
        }, new OfflineMocks()).ok();
        var calls = run.mocks().calls();
        assertEquals(List.of(GET_VPC, GET_SUBNETS), calls.stream().map(OfflineMocks.Call::token).toList());
        calls.forEach(c -> assertTrue(c.provider().endsWith("::" + ComponentHarness.PROVIDER + "::"
                + ComponentHarness.PROVIDER + "-provider-id"), c.token() + " went to " + c.provider()));
        assertEquals(OfflineMocks.DEFAULT_SUBNETS, run.output("subnets"));
    }
}
