package io.github.fargateprivate.ec2;

import com.pulumi.core.Output;
import io.github.fargateprivate.ComponentHarness;
import io.github.fargateprivate.Problem;
import io.github.fargateprivate.Problems;
import io.github.fargateprivate.testing.OfflineMocks;
import io.github.fargateprivate.testing.OfflineRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NetworkArgsTest {

    private static final String VPC = "vpc-0123456789abcdef0";
    private static final String A = "subnet-0a0a0a0a0a0a0a0a0";
    private static final String B = "subnet-0b0b0b0b0b0b0b0b0";
    private static final String C = "subnet-0c0c0c0c";
    private static final String D = "subnet-0d0d0d0d";

    private static List<Problem> problems(NetworkArgs network) {
        var problems = Problems.of("LoadBalancedFargateService", "app");
        network.validate(problems.at("network"));
        return problems.list();
    }

    static Stream<Arguments> badNetworks() {
        return Stream.of(
                Arguments.of("no VPC", NetworkArgs.builder().publicSubnetIds(List.of(A, B)),
                        List.of(new Problem("network.vpcId", "required: the VPC of the load balancer and the tasks"))),
                Arguments.of("no subnets", NetworkArgs.builder().vpcId(VPC),
                        List.of(new Problem("network.publicSubnetIds",
                                "required: at least two subnets for the load balancer"))),
                Arguments.of("nothing", NetworkArgs.builder(), List.of(
                        new Problem("network.vpcId", "required: the VPC of the load balancer and the tasks"),
                        new Problem("network.publicSubnetIds", "required: at least two subnets for the load balancer"))),
                Arguments.of("VPC id too short", NetworkArgs.builder().vpcId("vpc-123").publicSubnetIds(List.of(A, B)),
                        List.of(new Problem("network.vpcId", "'vpc-123' is not a VPC id (vpc- and 8 or 17 hex digits)"))),
                Arguments.of("VPC id of 12 digits", NetworkArgs.builder().vpcId("vpc-0123456789ab")
                        .publicSubnetIds(List.of(A, B)), List.of(new Problem("network.vpcId",
                        "'vpc-0123456789ab' is not a VPC id (vpc- and 8 or 17 hex digits)"))),
                Arguments.of("subnet given as VPC", NetworkArgs.builder().vpcId(A).publicSubnetIds(List.of(A, B)),
                        List.of(new Problem("network.vpcId", "'" + A + "' is not a VPC id (vpc- and 8 or 17 hex digits)"))),
                Arguments.of("upper-case subnet id", NetworkArgs.builder().vpcId(VPC)
                        .publicSubnetIds(List.of(A, "subnet-0B0B0B0B")), List.of(new Problem("network.publicSubnetIds",
                        "'subnet-0B0B0B0B' is not a subnet id (subnet- and 8 or 17 hex digits)"))),
                Arguments.of("one subnet", NetworkArgs.builder().vpcId(VPC).publicSubnetIds(List.of(A)),
                        List.of(new Problem("network.publicSubnetIds",
                                "needs at least two subnets in different availability zones, got 1"))),
                Arguments.of("no subnet", NetworkArgs.builder().vpcId(VPC).publicSubnetIds(List.of()),
                        List.of(new Problem("network.publicSubnetIds",
                                "needs at least two subnets in different availability zones, got 0"))),
                Arguments.of("a subnet twice", NetworkArgs.builder().vpcId(VPC).publicSubnetIds(List.of(A, A)),
                        List.of(new Problem("network.publicSubnetIds", "names a subnet twice: [" + A + ", " + A + "]"))),
                Arguments.of("one private subnet", NetworkArgs.builder().vpcId(VPC).publicSubnetIds(List.of(A, B))
                        .privateSubnetIds(List.of(C)), List.of(new Problem("network.privateSubnetIds",
                        "needs at least two subnets in different availability zones, got 1"))),
                Arguments.of("bad private subnet", NetworkArgs.builder().vpcId(VPC).publicSubnetIds(List.of(A, B))
                        .privateSubnetIds(List.of(C, "sn-1")), List.of(new Problem("network.privateSubnetIds",
                        "'sn-1' is not a subnet id (subnet- and 8 or 17 hex digits)"))),
                Arguments.of("everything wrong", NetworkArgs.builder().vpcId("default").publicSubnetIds(List.of(A))
                        .privateSubnetIds(List.of(C, C)), List.of(
                        new Problem("network.vpcId", "'default' is not a VPC id (vpc- and 8 or 17 hex digits)"),
                        new Problem("network.publicSubnetIds",
                                "needs at least two subnets in different availability zones, got 1"),
                        new Problem("network.privateSubnetIds", "names a subnet twice: [" + C + ", " + C + "]"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badNetworks")
    void badNetworksAreReportedUnderTheirField(String description, NetworkArgs.Builder network,
                                               List<Problem> expected) {
        assertEquals(expected, problems(network.build()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"vpc-0d0d0d0d", "vpc-0123456789abcdef0"})
    void vpcIdsOfEightOrSeventeenDigitsPass(String vpc) {
        assertEquals(List.of(), problems(NetworkArgs.builder().vpcId(vpc).publicSubnetIds(List.of(A, C))
                .privateSubnetIds(List.of(C, D)).build()));
    }

    @Test
    void withoutPrivateSubnetsTasksRunInThePublicOnesWithAPublicIp() {
        var network = NetworkArgs.builder().vpcId(VPC).publicSubnetIds(List.of(A, B)).build();
        assertTrue(network.assignPublicIp());
        assertTrue(network.privateSubnetIds().isEmpty());
        assertSame(network.publicSubnetIds().orElseThrow(), network.taskSubnetIds());
        assertEquals(List.of(A, B), network.taskSubnetIds().plain().orElseThrow());
    }

    @Test
    void withPrivateSubnetsTasksRunThereWithoutAPublicIp() {
        var network = NetworkArgs.builder().vpcId(VPC).publicSubnetIds(List.of(A, B))
                .privateSubnetIds(List.of(C, D)).build();
        assertFalse(network.assignPublicIp());
        assertEquals(List.of(C, D), network.taskSubnetIds().plain().orElseThrow());
        assertEquals(List.of(A, B), network.publicSubnetIds().orElseThrow().plain().orElseThrow());
    }

    @Test
    void checkedValuesAreTheGivenOnesAndTheTasksGetThePrivateSubnets() {
        var withPrivate = NetworkArgs.builder().vpcId(VPC).publicSubnetIds(List.of(A, B))
                .privateSubnetIds(List.of(C, D)).build().validate(Problems.of("X", "x"));
        assertEquals(VPC, OfflineRun.value(withPrivate.vpcId().orElseThrow().output()));
        assertEquals(List.of(A, B), OfflineRun.value(withPrivate.publicSubnetIds().orElseThrow().output()));
        assertEquals(List.of(C, D), OfflineRun.value(withPrivate.taskSubnetIds().output()));

        var publicOnly = NetworkArgs.builder().vpcId(VPC).publicSubnetIds(List.of(A, B)).build()
                .validate(Problems.of("X", "x"));
        assertEquals(List.of(A, B), OfflineRun.value(publicOnly.taskSubnetIds().output()));
    }

    @Test
    void aMissingFieldStaysMissingAndPlainValuesStayPlain() {
        var problems = Problems.of("X", "x");
        var checked = NetworkArgs.builder().vpcId(VPC).build().validate(problems);
        assertTrue(checked.publicSubnetIds().isEmpty());
        assertEquals(VPC, checked.vpcId().orElseThrow().plain().orElseThrow());
        assertFalse(problems.isEmpty());
    }

    /** Outputs of another stack: each checked in its apply, failing the program with the plain check's problem. */
    static Stream<Arguments> badOutputs() {
        return Stream.of(
                Arguments.of(NetworkArgs.builder().vpcId(Output.of("vpc-123")).publicSubnetIds(List.of(A, B)),
                        NetworkArgs.builder().vpcId("vpc-123").publicSubnetIds(List.of(A, B))),
                Arguments.of(NetworkArgs.builder().vpcId(VPC).publicSubnetIds(Output.of(List.of(A))),
                        NetworkArgs.builder().vpcId(VPC).publicSubnetIds(List.of(A))),
                Arguments.of(NetworkArgs.builder().vpcId(VPC).publicSubnetIds(List.of(A, B))
                                .privateSubnetIds(Output.of(List.of(C, C))),
                        NetworkArgs.builder().vpcId(VPC).publicSubnetIds(List.of(A, B)).privateSubnetIds(List.of(C, C))));
    }

    @ParameterizedTest
    @MethodSource("badOutputs")
    void outputsAreCheckedInTheirApplyWithThePlainMessage(NetworkArgs.Builder output, NetworkArgs.Builder plain) {
        var run = OfflineRun.of(ctx -> {
            var problems = Problems.of("LoadBalancedFargateService", "app");
            var checked = output.build().validate(problems.at("network"));
            assertTrue(problems.isEmpty());
            ctx.export("vpc", checked.vpcId().orElseThrow().output());
            ctx.export("public", checked.publicSubnetIds().orElseThrow().output());
            ctx.export("tasks", checked.taskSubnetIds().output());
        }, new OfflineMocks());
        assertEquals(problems(plain.build()), ComponentHarness.argsException(run).problems());
    }

    @Test
    void goodOutputsPassThroughTheirChecks() {
        var run = OfflineRun.of(ctx -> {
            var checked = NetworkArgs.builder().vpcId(Output.of(VPC)).publicSubnetIds(Output.of(List.of(A, B)))
                    .privateSubnetIds(Output.of(List.of(C, D))).build().validate(Problems.of("X", "x"));
            ctx.export("vpc", checked.vpcId().orElseThrow().output());
            ctx.export("tasks", checked.taskSubnetIds().output());
        }, new OfflineMocks()).ok();
        assertEquals(VPC, run.output("vpc"));
        assertEquals(List.of(C, D), run.output("tasks"));
    }

    @Test
    void argsAreImmutableOnceBuilt() {
        var subnets = new ArrayList<>(List.of(A, B));
        var builder = NetworkArgs.builder().vpcId(VPC).publicSubnetIds(subnets);
        var network = builder.build();
        subnets.add(C);
        assertEquals(List.of(A, B), network.publicSubnetIds().orElseThrow().plain().orElseThrow());
        builder.vpcId("vpc-0d0d0d0d");
        assertEquals(VPC, network.vpcId().orElseThrow().plain().orElseThrow());
        assertEquals("vpc-0d0d0d0d", builder.build().vpcId().orElseThrow().plain().orElseThrow());
    }
}
