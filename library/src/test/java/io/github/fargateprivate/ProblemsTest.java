package io.github.fargateprivate;

import com.pulumi.core.Output;
import com.pulumi.exceptions.RunException;
import io.github.fargateprivate.testing.OfflineMocks;
import io.github.fargateprivate.testing.OfflineRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProblemsTest {

    /** A rule of the kind components pass to {@link Problems#check}. */
    private static final Function<String, Optional<String>> LOWER_CASE = v -> v.equals(v.toLowerCase())
            ? Optional.empty() : Optional.of("'" + v + "' is not lower case");

    @Test
    void startsEmptyAndThrowsNothing() {
        var problems = Problems.of("FargateService", "app");
        assertTrue(problems.isEmpty());
        assertEquals(List.of(), problems.list());
        assertDoesNotThrow(problems::throwIfAny);
    }

    @Test
    void addCollectsUnderTheFieldWithOrWithoutASuggestion() {
        var problems = Problems.of("FargateService", "app");
        problems.add("memory", "600 is not a Fargate size", "1024");
        problems.add("cpu", "too small");
        assertEquals(List.of(new Problem("memory", "600 is not a Fargate size", "1024"), new Problem("cpu", "too small")),
                problems.list());
        assertEquals(Optional.of("1024"), problems.list().get(0).suggestion());
        assertEquals(Optional.empty(), problems.list().get(1).suggestion());
        assertEquals("memory: 600 is not a Fargate size (suggested: 1024)", problems.list().get(0).toString());
        assertEquals("cpu: too small", problems.list().get(1).toString());
    }

    @Test
    void addOfARuleResultCollectsOnlyAProblem() {
        var problems = Problems.of("FargateService", "app");
        problems.add("port", Rules.port(80));
        assertTrue(problems.isEmpty());
        problems.add("port", Rules.port(0));
        assertEquals(List.of(new Problem("port", "0 is not a TCP port (1-65535)")), problems.list());
    }

    @Test
    void viewsPrefixTheirFieldsAndShareOneList() {
        var problems = Problems.of("LoadBalancedFargateService", "app");
        var sidecar = problems.at("sidecars[0]").at("healthCheck");
        assertEquals("sidecars[0].healthCheck.retries", sidecar.path("retries"));
        sidecar.add("retries", "0 is outside 1-10");
        problems.add("cpu", "too small");
        assertEquals(List.of(new Problem("sidecars[0].healthCheck.retries", "0 is outside 1-10"),
                new Problem("cpu", "too small")), problems.list());
        assertEquals(problems.list(), sidecar.list());
    }

    @Test
    void listIsASnapshot() {
        var problems = Problems.of("FargateService", "app");
        List<Problem> before = problems.list();
        problems.add("cpu", "too small");
        assertEquals(List.of(), before);
        assertThrows(UnsupportedOperationException.class, () -> problems.list().clear());
    }

    @Test
    void throwIfAnyReportsEveryProblemAtOnceAsARunException() {
        var problems = Problems.of("FargateService", "app");
        problems.add("cpu", "too small");
        problems.at("container").add("image", "missing");
        ArgsException e = assertThrows(ArgsException.class, problems::throwIfAny);
        assertTrue(RunException.class.isInstance(e), "pulumi shows a RunException without a stack trace");
        assertEquals("FargateService 'app' has 2 problems; no AWS resource was registered:\n"
                + "  - cpu: too small\n  - container.image: missing", e.getMessage());
        assertEquals(List.of(new Problem("cpu", "too small"), new Problem("container.image", "missing")),
                e.problems());
    }

    @Test
    void oneProblemIsSingular() {
        var problems = Problems.of("TaskRole", "x");
        problems.add("sid", "bad");
        assertEquals("TaskRole 'x' has 1 problem; no AWS resource was registered:\n  - sid: bad",
                assertThrows(ArgsException.class, problems::throwIfAny).getMessage());
    }

    @Test
    void checkOfAPlainValueCollectsItsProblemNowAndPassesTheValueOn() {
        var problems = Problems.of("FargateService", "app").at("container");
        Output<String> checked = problems.check("image", Value.of("Nginx"), LOWER_CASE);
        assertEquals(List.of(new Problem("container.image", "'Nginx' is not lower case")), problems.list());
        assertEquals("Nginx", OfflineRun.value(checked));
        problems.check("name", Value.of("web"), LOWER_CASE);
        assertEquals(1, problems.list().size(), "a good value adds nothing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Nginx", "APP"})
    void checkOfAnOutputFailsTheProgramWithTheSameFieldAndMessageAsThePlainCheck(String bad) {
        var plain = Problems.of("FargateService", "app").at("container");
        plain.check("image", Value.of(bad), LOWER_CASE);

        var collected = new java.util.concurrent.atomic.AtomicReference<Problems>();
        var run = OfflineRun.of(ctx -> {
            var problems = Problems.of("FargateService", "app").at("container");
            collected.set(problems);
            ctx.export("image", problems.check("image", Value.of(Output.of(bad)), LOWER_CASE));
        }, new OfflineMocks());

        ArgsException e = ComponentHarness.argsException(run);
        assertEquals(plain.list(), e.problems());
        assertEquals("FargateService 'app' has 1 problem in a value of another resource:\n"
                + "  - container.image: '" + bad + "' is not lower case", e.getMessage());
        assertTrue(collected.get().isEmpty(), "an Output's problem is thrown in its apply, not collected");
    }

    @Test
    void checkOfAGoodOutputPassesItsValueOn() {
        var run = OfflineRun.of(ctx -> ctx.export("image", Problems.of("FargateService", "app")
                .check("image", Value.of(Output.of("nginx")), LOWER_CASE)), new OfflineMocks()).ok();
        assertEquals("nginx", run.output("image"));
    }

    /** Reports every upper-case entry under its index, offering the lower-case form. */
    private static void lowerCaseEntries(Problems problems, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            int index = i;
            LOWER_CASE.apply(values.get(i)).ifPresent(p -> problems.add("hosts[" + index + "]", p,
                    values.get(index).toLowerCase()));
        }
    }

    @Test
    void checkAllOfAPlainValueCollectsEveryProblemUnderItsField() {
        var problems = Problems.of("ListenerTarget", "x").at("listenerRule");
        Output<List<String>> checked = problems.checkAll(Value.of(List.of("A", "b", "C")),
                ProblemsTest::lowerCaseEntries);
        assertEquals(List.of(new Problem("listenerRule.hosts[0]", "'A' is not lower case", "a"),
                new Problem("listenerRule.hosts[2]", "'C' is not lower case", "c")), problems.list());
        assertEquals(List.of("A", "b", "C"), OfflineRun.value(checked));
    }

    @Test
    void checkAllOfAnOutputFailsTheProgramWithEveryProblemOfThePlainCheck() {
        var plain = Problems.of("ListenerTarget", "x").at("listenerRule");
        plain.checkAll(Value.of(List.of("A", "b", "C")), ProblemsTest::lowerCaseEntries);
        var run = OfflineRun.of(ctx -> ctx.export("hosts", Problems.of("ListenerTarget", "x").at("listenerRule")
                .checkAll(Value.of(Output.of(List.of("A", "b", "C"))), ProblemsTest::lowerCaseEntries)),
                new OfflineMocks());
        ArgsException e = ComponentHarness.argsException(run);
        assertEquals(plain.list(), e.problems());
        assertTrue(e.getMessage().startsWith("ListenerTarget 'x' has 2 problems in a value of another resource:"),
                e.getMessage());
    }

    @Test
    void checkAllOfAGoodOutputPassesItsValueOn() {
        var run = OfflineRun.of(ctx -> ctx.export("hosts", Problems.of("ListenerTarget", "x")
                .checkAll(Value.of(Output.of(List.of("a", "b"))), ProblemsTest::lowerCaseEntries)),
                new OfflineMocks()).ok();
        assertEquals(List.of("a", "b"), run.output("hosts"));
    }

    @Test
    void argsExceptionKeepsACopyOfTheProblems() {
        var list = new java.util.ArrayList<>(List.of(new Problem("a", "b")));
        var e = new ArgsException("X 'y'", list, true);
        list.clear();
        assertEquals(List.of(new Problem("a", "b")), e.problems());
        assertFalse(e.getMessage().isEmpty());
    }
}
