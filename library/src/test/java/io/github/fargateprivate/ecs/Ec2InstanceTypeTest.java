package io.github.fargateprivate.ecs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Ec2InstanceTypeTest {

    @ParameterizedTest(name = "{0} = {1} . {2}")
    @CsvSource({
            "t3.small,         t3,        small",
            "m7g.large,        m7g,       large",
            "c6gn.16xlarge,    c6gn,      16xlarge",
            "x2gd.metal,       x2gd,      metal",
            "m7i-flex.large,   m7i-flex,  large",
            "c7i.metal-24xl,   c7i,       metal-24xl",
            "mac2-m2pro.metal, mac2-m2pro, metal",
            "u-6tb1.metal,     u-6tb1,    metal",
            "u-3tb1.56xlarge,  u-3tb1,    56xlarge",
            "u7i-12tb.224xlarge, u7i-12tb, 224xlarge",
    })
    void aTypeOfEc2sGrammarSplitsIntoFamilyAndSize(String name, String family, String size) {
        assertEquals(Optional.of(new Ec2InstanceType(name, family, size)), Ec2InstanceType.parse(name));
        assertEquals(Optional.empty(), Ec2InstanceType.problem(name));
        assertEquals(name, Ec2InstanceType.parse(name).orElseThrow().toString());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"t3", "T3.small", "t3.huge", "m7g large", "t3.", ".small", "t3.small ", "3t.small",
            "t3.Small", "u-.metal"})
    void anythingElseIsRefusedWithTheGrammarAndAnExample(String name) {
        assertEquals(Optional.empty(), Ec2InstanceType.parse(name));
        assertEquals(Optional.of("'" + name + "' is not an EC2 instance type (FAMILY.SIZE, e.g. t3.small, m7g.large "
                + "or c7i.2xlarge)"), Ec2InstanceType.problem(name));
    }

    @Test
    void noTypeIsNoType() {
        assertEquals(Optional.empty(), Ec2InstanceType.parse(null));
        assertTrue(Ec2InstanceType.problem(null).isPresent());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"m7g.large", "t4g.small", "c6gn.16xlarge", "x2gd.metal", "a1.medium", "g5g.xlarge",
            "im4gn.large", "r8g.2xlarge"})
    void gravitonTypesRunArm64(String name) {
        var type = Ec2InstanceType.parse(name).orElseThrow();
        assertTrue(type.arm64());
        assertEquals("ARM64", type.cpuArchitecture());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"g5.xlarge", "g4ad.xlarge", "m7i.large", "t3.small", "t3a.micro", "c5n.large",
            "m7i-flex.large", "u-6tb1.metal", "mac2-m2pro.metal"})
    void othersRunX86(String name) {
        var type = Ec2InstanceType.parse(name).orElseThrow();
        assertFalse(type.arm64());
        assertEquals("X86_64", type.cpuArchitecture());
    }

    @ParameterizedTest(name = "{0}: {1} MiB")
    @CsvSource({
            "t3.small,     2048",
            "t3.nano,      512",
            "t4g.2xlarge,  32768",
            "m7g.large,    8192",
            "m7g.medium,   4096",
            "c7g.xlarge,   8192",
            "c7g.medium,   2048",
            "r7g.2xlarge,  65536",
            "m6i.16xlarge, 262144",
    })
    void memoryOfTheBurstableGeneralComputeAndMemoryClasses(String name, int mib) {
        assertEquals(Optional.of(mib), Ec2InstanceType.parse(name).orElseThrow().memoryMiB());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"g5.xlarge", "x2gd.metal", "m7g.metal", "i4i.large", "u-6tb1.metal", "p4d.24xlarge"})
    void otherTypesHaveNoKnownMemory(String name) {
        assertEquals(Optional.empty(), Ec2InstanceType.parse(name).orElseThrow().memoryMiB());
        assertEquals(Optional.empty(), Ec2InstanceType.parse(name).orElseThrow().cpuUnits());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "t3.nano,      2048",
            "t3.large,     2048",
            "t3.xlarge,    4096",
            "t4g.2xlarge,  8192",
            "m7g.medium,   1024",
            "m7g.large,    2048",
            "c7i.xlarge,   4096",
            "r7g.16xlarge, 65536",
    })
    void cpuUnitsOfTheBurstableGeneralComputeAndMemoryClasses(String name, int units) {
        assertEquals(Optional.of(units), Ec2InstanceType.parse(name).orElseThrow().cpuUnits());
    }
}
