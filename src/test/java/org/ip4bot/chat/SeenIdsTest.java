package org.ip4bot.chat;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SeenIdsTest {

    private static final long HOUR = 60 * 60 * 1000L;

    private final AtomicLong now = new AtomicLong(1_000_000);

    @Test
    void anIdIsNewOnlyTheFirstTime() {
        SeenIds seen = new SeenIds(100, HOUR, now::get);

        assertTrue(seen.firstTime("Ev1"));
        assertFalse(seen.firstTime("Ev1"));
        assertTrue(seen.firstTime("Ev2"));
    }

    @Test
    void memoryIsBoundedByCountAndByAge() {
        // given
        SeenIds seen = new SeenIds(2, HOUR, now::get);
        seen.firstTime("Ev1");
        seen.firstTime("Ev2");

        // when
        seen.firstTime("Ev3");

        // then: the oldest was forgotten to make room
        assertTrue(seen.firstTime("Ev1"));
        // and once the keeping time has passed, everything is forgotten
        now.addAndGet(HOUR);
        assertTrue(seen.firstTime("Ev3"));
    }
}
