package org.ip4bot.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ThrottledWarningTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final ThrottledWarning warning = new ThrottledWarning(LoggerFactory.getLogger(ThrottledWarningTest.class),
            "test queue full", now::get);

    @Test
    void theFirstOccurrenceIsLoggedAtOnceAndAFloodAfterItOnlyOncePerInterval() {
        // given
        assertTrue(warning.happened());

        // when a flood comes within the interval
        long lines = IntStream.range(0, 500).filter(i -> warning.happened()).count();

        // then
        assertEquals(0, lines);
        now.addAndGet(ThrottledWarning.INTERVAL_NANOS);
        assertTrue(warning.happened(), "the next interval's first occurrence writes the summary line");
        assertFalse(warning.happened());
    }
}
