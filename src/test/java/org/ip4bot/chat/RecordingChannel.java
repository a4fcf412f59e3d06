package org.ip4bot.chat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A reply channel that keeps everything it is given, and says on which thread busy notices came. */
final class RecordingChannel implements ReplyChannel {

    final List<String> progress = new CopyOnWriteArrayList<>();
    final BlockingQueue<Reply> replies = new LinkedBlockingQueue<>();
    final List<Reply.Notice> busy = new CopyOnWriteArrayList<>();
    final List<Thread> busyThreads = new CopyOnWriteArrayList<>();
    volatile List<String> history = List.of();

    @Override
    public void progress(String text) {
        progress.add(text);
    }

    @Override
    public void reply(Reply reply) {
        replies.add(reply);
    }

    @Override
    public void busy(Reply.Notice notice) {
        busy.add(notice);
        busyThreads.add(Thread.currentThread());
    }

    @Override
    public List<String> earlierQuestions() {
        return history;
    }

    Reply next(Duration timeout) {
        try {
            Reply reply = replies.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (reply == null) {
                throw new AssertionError("no reply within " + timeout.toSeconds() + " s");
            }
            return reply;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    Reply.Notice nextNotice(Duration timeout) {
        Reply reply = next(timeout);
        if (reply instanceof Reply.Notice notice) {
            return notice;
        }
        throw new AssertionError("expected a notice, got " + reply);
    }

    Reply.Answered nextAnswer(Duration timeout) {
        Reply reply = next(timeout);
        if (reply instanceof Reply.Answered answered) {
            return answered;
        }
        throw new AssertionError("expected an answer, got " + reply);
    }
}
