package org.ip4bot.chat;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Remembers the delivery IDs a platform has already sent (Slack's {@code event_id}, Teams' {@code activity.id}), so a
 * retried delivery is acknowledged without being answered twice. Bounded by count and by age: the oldest IDs are
 * forgotten first. Thread-safe.
 */
public final class SeenIds {

    private final int capacity;
    private final long keepMillis;
    private final LongSupplier nowMillis;
    private final LinkedHashMap<String, Long> seen = new LinkedHashMap<>();

    /**
     * @param capacity   the most IDs kept
     * @param keepMillis how long an ID is kept; longer than the platform's retry window
     * @param nowMillis  the clock
     */
    public SeenIds(int capacity, long keepMillis, LongSupplier nowMillis) {
        if (capacity < 1 || keepMillis < 1) {
            throw new IllegalArgumentException("capacity and keepMillis must be at least 1, were " + capacity + " and "
                    + keepMillis);
        }
        this.capacity = capacity;
        this.keepMillis = keepMillis;
        this.nowMillis = nowMillis;
    }

    /** True the first time an ID is offered; false for every repeat while it is remembered. */
    public synchronized boolean firstTime(String id) {
        long now = nowMillis.getAsLong();
        Iterator<Map.Entry<String, Long>> eldest = seen.entrySet().iterator();
        while (eldest.hasNext()) {
            Map.Entry<String, Long> entry = eldest.next();
            if (seen.size() < capacity && now - entry.getValue() < keepMillis) {
                break;
            }
            eldest.remove();
        }
        return seen.putIfAbsent(id, now) == null;
    }
}
