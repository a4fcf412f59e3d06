package org.ip4bot.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** A sample of durations; percentiles by nearest rank, as {@code eval} computes them. Immutable. */
final class Latencies {

    private final long[] sortedNanos;

    private Latencies(long[] sortedNanos) {
        this.sortedNanos = sortedNanos;
    }

    static Latencies of(List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return new Latencies(sorted);
    }

    int count() {
        return sortedNanos.length;
    }

    /** The p-th percentile in milliseconds; 0 for an empty sample. */
    double millis(int p) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, index))] / 1e6;
    }

    /** "p50 / p95 / p99 ms". */
    String p50p95p99() {
        return ms(millis(50)) + " / " + ms(millis(95)) + " / " + ms(millis(99)) + " ms";
    }

    static String ms(double millis) {
        return millis >= 100 ? String.format(Locale.ROOT, "%.0f", millis)
                : millis >= 10 ? String.format(Locale.ROOT, "%.1f", millis)
                : String.format(Locale.ROOT, "%.2f", millis);
    }
}
