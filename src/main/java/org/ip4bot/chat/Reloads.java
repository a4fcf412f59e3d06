package org.ip4bot.chat;

import java.util.concurrent.atomic.AtomicBoolean;
import org.ip4bot.admin.CorpusReloader;
import org.ip4bot.index.IndexProgress;
import org.ip4bot.index.IndexReport;

/** Admin reloads from a chat: checks who asks, runs one at a time, reports progress and the result. */
final class Reloads {

    /** Progress messages are edits of one message; more often than this is noise and risks rate limits. */
    private static final long PROGRESS_EVERY_MS = 3_000;

    private final CorpusReloader reloader;
    private final Admins admins;
    private final AtomicBoolean running = new AtomicBoolean();

    Reloads(CorpusReloader reloader, Admins admins) {
        this.reloader = reloader;
        this.admins = admins;
    }

    /** Runs on a worker thread; failures propagate to the caller, which apologises with an error id. */
    Reply reload(Incoming message, ReplyChannel channel) {
        if (!admins.includes(message.userId())) {
            return new Reply.Notice(Reply.Kind.REFUSED, Texts.reloadRefused());
        }
        if (!running.compareAndSet(false, true)) {
            return new Reply.Notice(Reply.Kind.REFUSED, Texts.reloadRunning());
        }
        try {
            channel.progress(Texts.reloadStarted());
            IndexReport report = reloader.reload(throttled(channel));
            return new Reply.Notice(Reply.Kind.REPORT, Texts.reloadDone(report.summary()));
        } finally {
            running.set(false);
        }
    }

    private static IndexProgress throttled(ReplyChannel channel) {
        long[] last = {System.currentTimeMillis()};
        return (filesDone, totalFiles, chunks, embedded, chunksPerSecond) -> {
            long now = System.currentTimeMillis();
            if (embedded > 0 && now - last[0] >= PROGRESS_EVERY_MS) {
                last[0] = now;
                channel.progress(Texts.reloadProgress(filesDone, totalFiles, chunks, embedded));
            }
        };
    }
}
