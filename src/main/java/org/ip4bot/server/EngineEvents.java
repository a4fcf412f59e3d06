package org.ip4bot.server;

import java.time.Duration;
import org.ip4bot.answer.Fallbacks;

/**
 * What the engine reports while it answers, for the server's metrics; {@link ServerMetrics} is the one listener.
 * Called on the answering threads: implementations are thread-safe and return at once.
 */
interface EngineEvents extends Fallbacks {

    /** One search of the index finished (or failed) after {@code took}. */
    void retrieved(Duration took);

    /** One call to the language model, retries included, returned a reply. */
    void modelAnswered();

    /**
     * One call to the language model, retries included, ended without a reply.
     *
     * @param kind why, from a small fixed set: {@code timeout}, {@code rate_limited}, {@code server_error}, {@code
     *             unreachable}, {@code rejected}, {@code bad_reply} or {@code other}
     */
    void modelFailed(String kind);
}
