package org.ip4bot.teams;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps "typing..." showing in a conversation while the bot works: Teams shows one indicator for about three
 * seconds, so it is sent again every {@value #EVERY_MS} ms until stopped, for at most {@value #MAX_TICKS} times.
 * Close it to stop every indicator. Thread-safe.
 */
final class Typing implements AutoCloseable {

    static final long EVERY_MS = 3_000;
    /** A minute of typing at most, whatever happens to the work. */
    static final int MAX_TICKS = 20;

    private final ConnectorClient connector;
    private final ScheduledExecutorService ticks = Executors.newScheduledThreadPool(1, runnable -> {
        Thread thread = new Thread(runnable, "teams-typing");
        thread.setDaemon(true);
        return thread;
    });

    Typing(ConnectorClient connector) {
        this.connector = connector;
    }

    /** Starts showing the indicator now; stop it with the returned handle before the reply is posted. */
    Indicator start(ConversationRef ref) {
        AtomicInteger sent = new AtomicInteger();
        Indicator indicator = new Indicator();
        indicator.future = ticks.scheduleWithFixedDelay(() -> {
            if (indicator.stopped || sent.incrementAndGet() > MAX_TICKS) {
                indicator.stop();
                return;
            }
            connector.typing(ref);
        }, 0, EVERY_MS, TimeUnit.MILLISECONDS);
        return indicator;
    }

    @Override
    public void close() {
        ticks.shutdownNow();
    }

    /** One conversation's indicator. */
    static final class Indicator {

        private volatile ScheduledFuture<?> future;
        private volatile boolean stopped;

        void stop() {
            stopped = true;
            ScheduledFuture<?> running = future;
            if (running != null) {
                running.cancel(false);
            }
        }
    }
}
