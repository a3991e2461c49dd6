package io.github.fargateprivate.lb;

import io.github.fargateprivate.Problem;
import io.github.fargateprivate.Problems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HealthCheckArgsTest {

    private static List<Problem> problems(Consumer<HealthCheckArgs.Builder> configure) {
        var b = HealthCheckArgs.builder();
        configure.accept(b);
        var problems = Problems.of("ApplicationLoadBalancer", "x");
        b.build().validate(problems.at("targetGroup.healthCheck"));
        return problems.list();
    }

    private static Problem problem(String field, String message) {
        return new Problem("targetGroup.healthCheck." + field, message);
    }

    private static Problem problem(String field, String message, String suggested) {
        return new Problem("targetGroup.healthCheck." + field, message, suggested);
    }

    @Test
    void defaultsSuitASpringBootService() {
        var health = HealthCheckArgs.builder().build();
        assertEquals("/actuator/health", health.path());
        assertEquals(10, health.intervalSeconds());
        assertEquals(2, health.healthyThreshold());
        assertEquals(3, health.unhealthyThreshold());
        assertEquals(5, health.timeoutSeconds());
        assertEquals("200", health.matcher());
        assertEquals(List.of(), problems(h -> { }));
    }

    @Test
    void theLimitsThemselvesPass() {
        assertEquals(List.of(), problems(h -> h.intervalSeconds(5).timeoutSeconds(2).healthyThreshold(2)
                .unhealthyThreshold(10)));
        assertEquals(List.of(), problems(h -> h.intervalSeconds(300).timeoutSeconds(120).healthyThreshold(10)
                .unhealthyThreshold(2)));
    }

    static Stream<Arguments> outOfLimits() {
        return Stream.of(
                Arguments.of((Consumer<HealthCheckArgs.Builder>) h -> h.intervalSeconds(4).timeoutSeconds(2),
                        List.of(problem("intervalSeconds", "4 is outside 5-300"))),
                Arguments.of((Consumer<HealthCheckArgs.Builder>) h -> h.intervalSeconds(301),
                        List.of(problem("intervalSeconds", "301 is outside 5-300"))),
                Arguments.of((Consumer<HealthCheckArgs.Builder>) h -> h.healthyThreshold(1),
                        List.of(problem("healthyThreshold", "1 is outside 2-10"))),
                Arguments.of((Consumer<HealthCheckArgs.Builder>) h -> h.healthyThreshold(11),
                        List.of(problem("healthyThreshold", "11 is outside 2-10"))),
                Arguments.of((Consumer<HealthCheckArgs.Builder>) h -> h.unhealthyThreshold(1),
                        List.of(problem("unhealthyThreshold", "1 is outside 2-10"))),
                Arguments.of((Consumer<HealthCheckArgs.Builder>) h -> h.unhealthyThreshold(11),
                        List.of(problem("unhealthyThreshold", "11 is outside 2-10"))),
                Arguments.of((Consumer<HealthCheckArgs.Builder>) h -> h.timeoutSeconds(1),
                        List.of(problem("timeoutSeconds", "1 is outside 2-120"))),
                Arguments.of((Consumer<HealthCheckArgs.Builder>) h -> h.intervalSeconds(300).timeoutSeconds(121),
                        List.of(problem("timeoutSeconds", "121 is outside 2-120"))),
                Arguments.of((Consumer<HealthCheckArgs.Builder>) h -> h.intervalSeconds(10).timeoutSeconds(10),
                        List.of(problem("timeoutSeconds", "10 is not less than intervalSeconds 10; a check must end "
                                + "before the next one starts", "5"))),
                Arguments.of((Consumer<HealthCheckArgs.Builder>) h -> h.intervalSeconds(30).timeoutSeconds(60),
                        List.of(problem("timeoutSeconds", "60 is not less than intervalSeconds 30; a check must end "
                                + "before the next one starts", "15"))));
    }

    @ParameterizedTest
    @MethodSource("outOfLimits")
    void valuesOutsideTheElbLimitsAreReported(Consumer<HealthCheckArgs.Builder> configure, List<Problem> expected) {
        assertEquals(expected, problems(configure));
    }

    @ParameterizedTest
    @ValueSource(strings = {"200", "200-299", "200,202", "200,300-399,404", "499"})
    void codesAndRangesWithin200To499Pass(String matcher) {
        assertEquals(List.of(), problems(h -> h.matcher(matcher)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"199", "500", "200-500", "2xx", "200-", "200, 202", "", "20"})
    void otherMatchersAreReported(String matcher) {
        assertEquals(List.of(problem("matcher", "'" + matcher + "' is not a list of HTTP codes or ranges within "
                + "200-499 (e.g. 200, 200,202 or 200-299)")), problems(h -> h.matcher(matcher)));
    }

    @Test
    void aPathWithoutSlashIsReportedWithTheFix() {
        assertEquals(List.of(problem("path", "'actuator/health' must start with '/', e.g. /actuator/health",
                "/actuator/health")), problems(h -> h.path("actuator/health")));
    }

    @Test
    void aPathWithSpaceAroundIsOfferedWithoutIt() {
        assertEquals(List.of(problem("path", "' /health' must start with '/', e.g. /actuator/health", "/health")),
                problems(h -> h.path(" /health")));
        assertEquals(List.of(problem("path", "'/health ' must have no white space and at most 1024 characters",
                "/health")), problems(h -> h.path("/health ")));
    }

    @Test
    void aPathWithWhiteSpaceInsideGetsNoSuggestion() {
        assertEquals(List.of(problem("path", "'/actuator health' must have no white space and at most 1024 "
                + "characters")), problems(h -> h.path("/actuator health")));
        assertEquals(List.of(problem("path", "'actuator health' must start with '/', e.g. /actuator/health")),
                problems(h -> h.path("actuator health")), "'/actuator health' would not fix it");
    }

    @Test
    void aPathOfMoreThan1024CharactersIsReported() {
        String path = "/" + "a".repeat(1024);
        assertEquals(List.of(problem("path", "'" + path + "' must have no white space and at most 1024 characters")),
                problems(h -> h.path(path)));
    }

    @Test
    void builtArgsDoNotChangeWithTheirBuilder() {
        var b = HealthCheckArgs.builder();
        var built = b.build();
        b.path("/x");
        assertEquals("/actuator/health", built.path());
        assertEquals("/x", b.build().path());
    }
}
