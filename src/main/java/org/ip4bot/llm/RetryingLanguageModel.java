package org.ip4bot.llm;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tries again after failures that may pass (429, 5xx, timeouts, refused connections), up to a number of retries
 * and never past the deadline. It waits as long as the server's {@code Retry-After} asks, else backs off
 * exponentially; a wait that would not leave time for another attempt ends the call at once instead of sleeping
 * into the deadline. Thread-safe.
 */
final class RetryingLanguageModel implements LanguageModel {

    private static final Logger LOG = LoggerFactory.getLogger(RetryingLanguageModel.class);

    private final LanguageModel attempt;
    private final int retries;
    private final Duration firstBackoff;

    /**
     * @param retries      attempts after the first, at most
     * @param firstBackoff wait before the first retry when the server says nothing; doubled for each later one
     */
    RetryingLanguageModel(LanguageModel attempt, int retries, Duration firstBackoff) {
        this.attempt = attempt;
        this.retries = retries;
        this.firstBackoff = firstBackoff;
    }

    @Override
    public String name() {
        return attempt.name();
    }

    @Override
    public String complete(Prompt prompt, Deadline deadline) {
        for (int tried = 0; ; tried++) {
            try {
                return attempt.complete(prompt, deadline);
            } catch (LanguageModelException e) {
                if (!e.failure().retriable() || tried >= retries) {
                    throw e;
                }
                Duration wait = e.retryAfter().orElse(firstBackoff.multipliedBy(1L << Math.min(tried, 10)));
                if (wait.compareTo(deadline.remaining()) >= 0) {
                    LOG.debug("not retrying {} after {}: the wait of {} ms would outlast the budget", name(),
                            e.failure(), wait.toMillis());
                    throw e;
                }
                LOG.debug("retrying {} in {} ms after {}", name(), wait.toMillis(), e.failure());
                sleep(wait, e);
            }
        }
    }

    private static void sleep(Duration wait, LanguageModelException cause) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cause;
        }
    }
}
