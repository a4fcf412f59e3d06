package org.ip4bot.teams;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.ip4bot.Ip4botException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a request again when Microsoft says "later": 429, 412, 502, 503 and 504, and a broken connection. A
 * {@code Retry-After} in seconds is honoured; otherwise the wait doubles, with jitter. Bounded both in attempts and
 * in the longest single wait, so a worker is never held for long. Other statuses come back to the caller at once.
 */
final class Retries {

    private static final Logger LOG = LoggerFactory.getLogger(Retries.class);
    private static final Set<Integer> RETRYABLE = Set.of(412, 429, 502, 503, 504);

    private final HttpClient http;
    private final int maxAttempts;
    private final Duration firstBackoff;
    private final Duration longestWait;

    /**
     * @param maxAttempts  attempts in all, the first included
     * @param firstBackoff the wait before the second attempt when the server names none
     * @param longestWait  a longer {@code Retry-After} than this ends the retries
     */
    Retries(HttpClient http, int maxAttempts, Duration firstBackoff, Duration longestWait) {
        this.http = http;
        this.maxAttempts = maxAttempts;
        this.firstBackoff = firstBackoff;
        this.longestWait = longestWait;
    }

    /**
     * @param request builds the request for each attempt (so it can carry a fresh token)
     * @param what    names the call in log lines and errors; never holds a secret
     * @return the last response, whatever its status
     * @throws Ip4botException when every attempt failed to connect
     */
    HttpResponse<String> send(Supplier<HttpRequest> request, String what) {
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response;
            try {
                response = http.send(request.get(), HttpResponse.BodyHandlers.ofString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Ip4botException(what + " was interrupted", e);
            } catch (IOException e) {
                if (attempt >= maxAttempts) {
                    throw new Ip4botException(what + " failed after " + attempt + " attempts: " + e.getMessage(), e);
                }
                pause(backoff(attempt), what, "a connection error (" + e.getMessage() + ")");
                continue;
            }
            if (!RETRYABLE.contains(response.statusCode()) || attempt >= maxAttempts) {
                return response;
            }
            Duration wait = retryAfter(response).orElse(backoff(attempt));
            if (wait.compareTo(longestWait) > 0) {
                LOG.warn("{}: HTTP {} asks to retry after {} s, longer than the {} s allowed; giving up", what,
                        response.statusCode(), wait.toSeconds(), longestWait.toSeconds());
                return response;
            }
            pause(wait, what, "HTTP " + response.statusCode());
        }
    }

    private Duration backoff(int attempt) {
        long base = firstBackoff.toMillis() << (attempt - 1);
        return Duration.ofMillis(base + ThreadLocalRandom.current().nextLong(base / 2 + 1));
    }

    /** Seconds only; an HTTP-date form falls back to the backoff. */
    static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                long seconds = Long.parseLong(value.strip());
                return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private static void pause(Duration wait, String what, String why) {
        LOG.info("{}: {}, retrying in {} ms", what, why, wait.toMillis());
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Ip4botException(what + " was interrupted while waiting to retry", e);
        }
    }
}
