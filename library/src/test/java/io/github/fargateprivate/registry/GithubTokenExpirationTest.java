package io.github.fargateprivate.registry;

import io.github.fargateprivate.registry.FakeServer.Answer;
import io.github.fargateprivate.registry.FakeServer.Seen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When a GHCR token expires, read from GitHub's API; a fake API on 127.0.0.1 stands for api.github.com. */
class GithubTokenExpirationTest {

    static final BasicCredentials GHCR = new BasicCredentials("octocat", "ghp_fakeTokenForTests0123456789");

    private static Optional<Instant> expirationFrom(Answer answer, List<Seen> seen) throws IOException {
        try (FakeServer github = new FakeServer(request -> answer)) {
            Optional<Instant> expiration = new RegistryPreflight(Duration.ofSeconds(3), github.base().resolve("/"))
                    .githubTokenExpiration(GHCR);
            seen.addAll(github.seen());
            return expiration;
        }
    }

    @Test
    void aTokenThatExpiresSaysWhenInAHeader() throws IOException {
        List<Seen> seen = new ArrayList<>();
        Optional<Instant> expiration = expirationFrom(Answer.of(200,
                Map.of("github-authentication-token-expiration", "2026-12-31 12:00:00 UTC"), "{}"), seen);
        assertEquals(Optional.of(Instant.parse("2026-12-31T12:00:00Z")), expiration);
        assertEquals(List.of(new Seen("GET", "/", Optional.of("token " + GHCR.password()))), seen);
    }

    @Test
    void aTokenWithoutExpirationAnswersNoHeader() throws IOException {
        assertEquals(Optional.empty(), expirationFrom(Answer.of(200, Map.of(), "{}"), new ArrayList<>()));
    }

    @Test
    void aRefusedTokenHasNoExpiration() throws IOException {
        assertEquals(Optional.empty(), expirationFrom(Answer.of(401,
                Map.of("github-authentication-token-expiration", "2026-12-31 12:00:00 UTC"), "{}"),
                new ArrayList<>()));
    }

    @Test
    void githubOutOfReachHasNoExpiration() throws IOException {
        URI closed = URI.create("http://127.0.0.1:" + FakeServer.freePort() + "/");
        assertEquals(Optional.empty(), new RegistryPreflight(Duration.ofSeconds(2), closed)
                .githubTokenExpiration(GHCR));
    }

    @ParameterizedTest
    @CsvSource({
            "2026-12-31 12:00:00 UTC,   2026-12-31T12:00:00Z",
            "2027-03-31 00:00:00 +0900, 2027-03-30T15:00:00Z",
            "' 2026-01-02 03:04:05 UTC ', 2026-01-02T03:04:05Z",
    })
    void expirationsAreReadInBothOfGithubsFormats(String header, String instant) {
        assertEquals(Optional.of(Instant.parse(instant)), RegistryPreflight.parseExpiration(header));
    }

    @Test
    void anExpirationThatCannotBeReadIsNone() {
        assertEquals(Optional.empty(), RegistryPreflight.parseExpiration("next Tuesday"));
    }

    @Test
    void within30DaysCountsFromNowAndIncludesExpiredTokens() {
        Instant now = Instant.parse("2026-12-01T00:00:00Z");
        assertTrue(RegistryPreflight.expiresWithin30Days(now.minus(Duration.ofDays(1)), now));
        assertTrue(RegistryPreflight.expiresWithin30Days(now.plus(Duration.ofDays(29)), now));
        assertTrue(RegistryPreflight.expiresWithin30Days(now.plus(Duration.ofDays(30)), now));
        assertFalse(RegistryPreflight.expiresWithin30Days(now.plus(Duration.ofDays(30)).plusSeconds(1), now));
    }

    @Test
    void githubsApiIsReachedOverHttpsOnly() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new RegistryPreflight(Duration.ofSeconds(1), URI.create("http://api.github.example/")));
        assertEquals("GitHub's API must be HTTPS, not http://api.github.example", e.getMessage());
    }
}
