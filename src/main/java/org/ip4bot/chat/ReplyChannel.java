package org.ip4bot.chat;

import java.util.List;

/**
 * Where the replies to one incoming message go; each platform implements it for its own delivery (a thread, a
 * response URL). Implementations log and swallow their own delivery failures.
 */
public interface ReplyChannel {

    /**
     * Says that work has started or how it goes ("Searching 29 reports..."); the next progress or the reply replaces
     * it where the platform can. Called on a worker thread.
     */
    void progress(String text);

    /** The reply itself, at most once per incoming message. Called on a worker thread. */
    void reply(Reply reply);

    /** Every worker is busy and the queue is full. Called on the receiving thread: must not block. */
    void busy(Reply.Notice notice);

    /**
     * The earlier questions in this conversation, oldest first, for reading a follow-up when the bot has no memory
     * of them (for example after a restart). Called on a worker thread; empty when the platform cannot tell.
     */
    default List<String> earlierQuestions() {
        return List.of();
    }
}
