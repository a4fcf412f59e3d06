package org.ip4bot.chat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * A warning that may happen in floods (a full queue refusing work), logged at most once per interval with how
 * often it happened since the last line. A flood is exactly when such warnings come fastest, and a line each would
 * serialise every request thread on the log's lock: measured, that held Slack acknowledgements for up to 0.1 s.
 * Thread-safe.
 */
public final class ThrottledWarning {

    static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final Logger log;
    private final String what;
    private final LongSupplier clock;
    private final AtomicLong count = new AtomicLong();
    private final AtomicLong lastLine;

    /** @param what what happened, e.g. "dropped a reply: the delivery queue is full" */
    public ThrottledWarning(Logger log, String what) {
        this(log, what, System::nanoTime);
    }

    ThrottledWarning(Logger log, String what, LongSupplier clock) {
        this.log = log;
        this.what = what;
        this.clock = clock;
        this.lastLine = new AtomicLong(clock.getAsLong() - INTERVAL_NANOS);
    }

    /** Counts one occurrence; returns true when this call wrote the log line. */
    public boolean happened() {
        count.incrementAndGet();
        long now = clock.getAsLong();
        long last = lastLine.get();
        if (now - last < INTERVAL_NANOS || !lastLine.compareAndSet(last, now)) {
            return false;
        }
        long since = count.getAndSet(0);
        log.warn("{} ({} time{} since the last such line)", what, since, since == 1 ? "" : "s");
        return true;
    }
}
