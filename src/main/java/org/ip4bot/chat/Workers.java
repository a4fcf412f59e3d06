package org.ip4bot.chat;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The bounded pool that answers chat messages off the request thread. */
public final class Workers {

    private Workers() {
    }

    /**
     * A fixed pool with a bounded queue that refuses work when full (a
     * {@link java.util.concurrent.RejectedExecutionException}), so a flood of messages gets a "busy" reply instead
     * of an ever-growing backlog of stale answers.
     */
    public static ExecutorService bounded(int threads, int queue) {
        return bounded("chat-worker", threads, queue);
    }

    /** As {@link #bounded(int, int)}, with daemon threads named {@code <prefix>-<n>} (for a platform's own sends). */
    public static ExecutorService bounded(String prefix, int threads, int queue) {
        if (threads < 1 || queue < 1) {
            throw new IllegalArgumentException("need at least one thread and one queue slot, got " + threads + " and "
                    + queue);
        }
        return new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue),
                named(prefix), new ThreadPoolExecutor.AbortPolicy());
    }

    static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
