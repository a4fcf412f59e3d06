package org.ip4bot.llm;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.ip4bot.Ip4botException;

/**
 * No usable reply came from the language model. The message says what happened; it never holds the API key, the
 * prompt or the reply.
 */
public class LanguageModelException extends Ip4botException {

    /** Why a call failed, and whether trying again could help. */
    public enum Failure {
        /** No model is configured ({@code IP4BOT_LLM_PROVIDER=none}). */
        DISABLED(false),
        /** The call took longer than the timeout or the rest of the budget. */
        TIMEOUT(true),
        /** HTTP 429: too many requests or tokens; may say when to come back. */
        RATE_LIMITED(true),
        /** HTTP 5xx. */
        SERVER_ERROR(true),
        /** The server could not be reached: connection refused, unknown host, connection reset. */
        UNREACHABLE(true),
        /** Another HTTP 4xx, such as a wrong key (401), an unknown model or deployment (404) or a bad request. */
        REJECTED(false),
        /** The server answered 2xx, but the body was not a chat reply or the reply was empty. */
        BAD_REPLY(false);

        private final boolean retriable;

        Failure(boolean retriable) {
            this.retriable = retriable;
        }

        public boolean retriable() {
            return retriable;
        }
    }

    private final Failure failure;
    private final Duration retryAfter;

    public LanguageModelException(Failure failure, String message) {
        this(failure, message, null, null);
    }

    public LanguageModelException(Failure failure, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.failure = Objects.requireNonNull(failure, "failure");
        this.retryAfter = retryAfter;
    }

    public Failure failure() {
        return failure;
    }

    /** How long the server asked us to wait before trying again ({@code Retry-After}), if it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
