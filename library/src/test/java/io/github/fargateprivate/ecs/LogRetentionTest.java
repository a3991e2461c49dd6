package io.github.fargateprivate.ecs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LogRetentionTest {

    private static final String VALID = "1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, "
            + "2192, 2557, 2922, 3288, 3653";

    @Test
    void theValidValuesAreCloudWatchsFiniteOnesInOrder() {
        assertEquals(List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557,
                2922, 3288, 3653), LogRetention.DAYS);
        LogRetention.DAYS.forEach(d -> assertEquals(Optional.empty(), LogRetention.problem(d), "" + d));
        LogRetention.DAYS.forEach(d -> assertEquals(d, LogRetention.nearest(d)));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 2, 13, 31, 366, 3654, 9999})
    void anyOtherValueIsRefusedNamingTheValidOnes(int days) {
        assertEquals(Optional.of(days + " is not a retention CloudWatch Logs accepts; valid values: " + VALID),
                LogRetention.problem(days));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "13, 14", "0, 1", "-5, 1", "100, 90", "10000, 3653", "29, 30", "200, 180", "700, 731",
            // Ties go to the longer retention: logs lost cannot be read again.
            "2, 3", "4, 5", "105, 120", "45, 60", "638, 731",
    })
    void nearestIsTheClosestValidRetention(int days, int nearest) {
        assertEquals(nearest, LogRetention.nearest(days));
    }
}
