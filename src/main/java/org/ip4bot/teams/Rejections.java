package org.ip4bot.teams;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Requests refused by the messaging endpoint's checks, counted by the check that failed. Thread-safe. */
final class Rejections {

    private final Map<Check, LongAdder> byCheck = new EnumMap<>(Check.class);

    Rejections() {
        for (Check check : Check.values()) {
            byCheck.put(check, new LongAdder());
        }
    }

    void count(Check check) {
        byCheck.get(check).increment();
    }

    long total() {
        return byCheck.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Counts by check label, in the order the checks run. */
    Map<String, Long> byLabel() {
        Map<String, Long> counts = new LinkedHashMap<>();
        byCheck.forEach((check, count) -> counts.put(check.label(), count.sum()));
        return counts;
    }
}
