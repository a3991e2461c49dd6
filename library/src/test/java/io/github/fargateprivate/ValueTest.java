package io.github.fargateprivate;

import com.pulumi.core.Output;
import com.pulumi.test.internal.PulumiTestInternal;
import io.github.fargateprivate.testing.OfflineRun;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValueTest {

    private static boolean isSecret(Output<?> output) {
        return PulumiTestInternal.extractOutputData(output).isSecret();
    }

    @Test
    void aPlainValueIsKnownNow() {
        Value<String> v = Value.of("vpc-0d0d0d0d");
        assertTrue(v.isPlain());
        assertEquals(Optional.of("vpc-0d0d0d0d"), v.plain());
        assertEquals("vpc-0d0d0d0d", OfflineRun.value(v.output()));
        assertEquals("vpc-0d0d0d0d", v.toString());
    }

    @Test
    void anOutputIsNotPlainAndIsHandedBackAsItIs() {
        Output<String> output = Output.of("vpc-0d0d0d0d");
        Value<String> v = Value.of(output);
        assertFalse(v.isPlain());
        assertEquals(Optional.empty(), v.plain());
        assertSame(output, v.output());
        assertEquals("Output", v.toString(), "an Output's value is never printed");
    }

    @Test
    void nullIsRefusedInBothForms() {
        assertEquals("value", assertThrows(NullPointerException.class, () -> Value.of((String) null)).getMessage());
        assertEquals("output", assertThrows(NullPointerException.class,
                () -> Value.of((Output<String>) null)).getMessage());
    }

    @Test
    void mapAppliesNowToAPlainValue() {
        Value<Integer> length = Value.of("abc").map(String::length);
        assertTrue(length.isPlain());
        assertEquals(Optional.of(3), length.plain());
    }

    @Test
    void mapAppliesInsideTheApplyOfAnOutputAndKeepsItSecret() {
        Value<Integer> length = Value.of(Output.ofSecret("abcd")).map(String::length);
        assertFalse(length.isPlain());
        assertEquals(4, OfflineRun.value(length.output()));
        assertTrue(isSecret(length.output()));
    }

    @Test
    void combineOfTwoPlainValuesIsPlain() {
        Value<String> both = Value.combine(Value.of("a"), Value.of(1), (a, b) -> a + b);
        assertTrue(both.isPlain());
        assertEquals(Optional.of("a1"), both.plain());
    }

    @Test
    void combineWithAnOutputIsAnOutputWhicheverSideItIs() {
        Value<String> left = Value.combine(Value.of(Output.of("a")), Value.of(1), (a, b) -> a + b);
        Value<String> right = Value.combine(Value.of("a"), Value.of(Output.ofSecret(2)), (a, b) -> a + b);
        assertFalse(left.isPlain());
        assertFalse(right.isPlain());
        assertEquals("a1", OfflineRun.value(left.output()));
        assertEquals("a2", OfflineRun.value(right.output()));
        assertTrue(isSecret(right.output()), "a secret input keeps the combination secret");
    }
}
