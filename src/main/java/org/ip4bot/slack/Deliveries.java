package org.ip4bot.slack;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.ip4bot.chat.ThrottledWarning;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Small sends that must not hold up an acknowledgement and do not need a chat worker: "busy" notices, shares,
 * thank-yous for feedback. Bounded: when even this queue is full, the send is dropped
 * and counted in a throttled log line.
 */
final class Deliveries implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Deliveries.class);

    private final ThreadPoolExecutor executor;
    private final ThrottledWarning dropped = new ThrottledWarning(LOG,
            "dropped a busy notice, share or thank-you: the delivery queue is full");

    Deliveries(int threads, int queue) {
        AtomicInteger count = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue),
                runnable -> {
                    Thread thread = new Thread(runnable, "slack-delivery-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    void send(String what, Runnable delivery) {
        try {
            executor.execute(() -> {
                try {
                    delivery.run();
                } catch (RuntimeException e) {
                    LOG.warn("could not deliver {}", what, e);
                }
            });
        } catch (RejectedExecutionException e) {
            dropped.happened();
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
