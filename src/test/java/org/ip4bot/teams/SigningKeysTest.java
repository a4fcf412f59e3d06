package org.ip4bot.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The signing key cache's refresh rules, on a clock the test moves. */
class SigningKeysTest {

    private FakeBotFramework microsoft;
    private MovableClock clock;
    private SigningKeys keys;

    @BeforeEach
    void start() {
        microsoft = new FakeBotFramework();
        clock = new MovableClock();
        keys = new SigningKeys(HttpClient.newHttpClient(),
                URI.create(microsoft.environment().get("BOTFRAMEWORK_OPENID_METADATA_URL")), clock);
    }

    @AfterEach
    void stop() {
        microsoft.close();
    }

    @Test
    void keysAreFetchedOnceAndReadWithTheirEndorsementsWhileOtherKeyTypesAreSkipped() {
        // when
        var teams = keys.find("teams-key");
        var bare = keys.find("bare-key");
        var ec = keys.find("ec-key");

        // then
        assertEquals(Set.of("msteams", "skype"), teams.orElseThrow().endorsements());
        assertEquals(Set.of(), bare.orElseThrow().endorsements());
        assertTrue(ec.isEmpty());
        assertEquals(1, microsoft.keySetRequests());
    }

    @Test
    void anUnknownKidRefreshesTheSetAtMostOnceAnHour() {
        // given: the set was fetched, then a new key was published
        keys.find("teams-key");
        microsoft.rotateIn();

        // when: the new kid arrives at once, and again an hour later
        boolean foundAtOnce = keys.find("unpublished-key").isPresent();
        clock.advance(Duration.ofMinutes(61));
        boolean foundAnHourLater = keys.find("unpublished-key").isPresent();
        keys.find("no-such-key");

        // then
        assertFalse(foundAtOnce);
        assertTrue(foundAnHourLater);
        assertEquals(2, microsoft.keySetRequests());
    }

    @Test
    void aDayOldSetIsRefreshedAndTheLastGoodOneKeptWhenThatFails() {
        // given
        keys.find("teams-key");
        microsoft.breakKeySet();

        // when
        clock.advance(Duration.ofHours(25));
        var stillKnown = keys.find("teams-key");
        var stillUnknown = keys.find("unpublished-key");

        // then
        assertTrue(stillKnown.isPresent());
        assertTrue(stillUnknown.isEmpty());
        assertEquals(2, microsoft.keySetRequests());
    }

    @Test
    void withoutAnySetEveryRequestIsRefusedNeverLetThrough() {
        // given
        microsoft.breakKeySet();

        // when / then
        assertThrows(KeysUnavailableException.class, () -> keys.find("teams-key"));
        assertThrows(KeysUnavailableException.class, () -> keys.find("teams-key"));
        assertEquals(1, microsoft.keySetRequests());
    }

    private static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
