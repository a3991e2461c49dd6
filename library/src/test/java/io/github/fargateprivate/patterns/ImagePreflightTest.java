package io.github.fargateprivate.patterns;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ImagePreflightTest {

    private static final Instant NOW = Instant.parse("2026-12-07T06:00:00Z");

    @Test
    void aGithubTokenWithin30DaysOfTheDateGithubReportsIsAWarningNamingTheDate() {
        assertEquals(Optional.of("registryCredentials.password: the GitHub token expires on 2026-12-20; ECS cannot "
                        + "pull with it after that (a new task, a scale-out): create a new classic token with "
                        + "read:packages and set it before then"),
                ImagePreflight.expiryWarning(Instant.parse("2026-12-20T12:00:00Z"), NOW, "registryCredentials.password"));
        assertEquals(Optional.empty(), ImagePreflight.expiryWarning(Instant.parse("2027-01-20T12:00:00Z"), NOW,
                "registryCredentials.password"));
    }
}
