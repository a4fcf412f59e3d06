package org.ip4bot.llm;

import java.time.Duration;

/**
 * The moment by which an answer must be ready, on the monotonic clock. Every model call, wait and retry fits before
 * it. Immutable and thread-safe.
 *
 * @param expiresAtNanos the {@link System#nanoTime()} value at which the time is up
 */
public record Deadline(long expiresAtNanos) {

    /** A deadline {@code budget} from now. */
    public static Deadline after(Duration budget) {
        return new Deadline(System.nanoTime() + budget.toNanos());
    }

    /** The time left, never negative. */
    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, expiresAtNanos - System.nanoTime()));
    }

    public boolean passed() {
        return expiresAtNanos - System.nanoTime() <= 0;
    }

    /** {@code wanted}, or the time left if that is shorter. */
    public Duration cap(Duration wanted) {
        Duration left = remaining();
        return wanted.compareTo(left) <= 0 ? wanted : left;
    }
}
