package org.ip4bot.llm;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * langchain4j's HTTP client contract over the JDK client, with three differences from langchain4j's own {@code
 * JdkHttpClient}: it speaks HTTP/1.1 only (the JDK client's {@code Upgrade: h2c} on plain http confuses some
 * servers), it never waits past the {@link Deadline} of the call it serves, and an error status keeps the server's
 * {@code Retry-After} so that a retry can honour it. ip4bot never streams, so server-sent events are not supported.
 * Thread-safe.
 */
final class DeadlineHttpClient implements HttpClient {

    private static final ThreadLocal<Deadline> DEADLINE = new ThreadLocal<>();

    private final java.net.http.HttpClient http;
    private final Duration readTimeout;

    private DeadlineHttpClient(Builder builder) {
        Duration connect = builder.connectTimeout == null ? Duration.ofSeconds(15) : builder.connectTimeout;
        this.readTimeout = builder.readTimeout == null ? Duration.ofSeconds(60) : builder.readTimeout;
        this.http = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1)
                .connectTimeout(connect).build();
    }

    /**
     * Runs {@code call} on this thread with every request it makes bounded by {@code deadline}: a request gets the
     * read timeout or the time left, whichever is shorter.
     */
    static <T> T within(Deadline deadline, Supplier<T> call) {
        Deadline outer = DEADLINE.get();
        DEADLINE.set(deadline);
        try {
            return call.get();
        } finally {
            if (outer == null) {
                DEADLINE.remove();
            } else {
                DEADLINE.set(outer);
            }
        }
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        Duration timeout = readTimeout;
        Deadline deadline = DEADLINE.get();
        if (deadline != null) {
            if (deadline.passed()) {
                throw new TimeoutException("the time budget was spent before the request could be sent");
            }
            timeout = deadline.cap(timeout);
        }
        if (!request.formDataFields().isEmpty() || !request.formDataFiles().isEmpty()) {
            throw new UnsupportedOperationException("multipart requests are not used by ip4bot");
        }
        java.net.http.HttpRequest.Builder jdk = java.net.http.HttpRequest.newBuilder(URI.create(request.url()))
                .timeout(timeout)
                .method(request.method().name(), request.body() == null ? BodyPublishers.noBody()
                        : BodyPublishers.ofString(request.body()));
        request.headers().forEach((name, values) -> {
            if (values != null) {
                values.forEach(value -> jdk.header(name, value));
            }
        });
        try {
            java.net.http.HttpResponse<String> response = http.send(jdk.build(), BodyHandlers.ofString());
            if (response.statusCode() < 200 || response.statusCode() > 299) {
                throw new StatusException(response.statusCode(), response.body(), retryAfter(response.headers()));
            }
            return SuccessfulHttpResponse.builder().statusCode(response.statusCode())
                    .headers(response.headers().map()).body(response.body()).build();
        } catch (HttpTimeoutException e) {
            throw new TimeoutException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TimeoutException(e);
        }
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        throw new UnsupportedOperationException("ip4bot does not stream replies");
    }

    /**
     * The wait a 429 or 503 asks for: Azure's {@code retry-after-ms}, else {@code Retry-After} in seconds or as an
     * HTTP date.
     */
    static Optional<Duration> retryAfter(HttpHeaders headers) {
        Optional<String> millis = headers.firstValue("retry-after-ms");
        if (millis.isPresent()) {
            try {
                return Optional.of(Duration.ofMillis(Math.max(0, Long.parseLong(millis.get().strip()))));
            } catch (NumberFormatException e) {
                // fall through to Retry-After
            }
        }
        Optional<String> value = headers.firstValue("retry-after").map(String::strip);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofMillis(Math.max(0, Math.round(Double.parseDouble(value.get()) * 1000))));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime when = ZonedDateTime.parse(value.get(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(ZonedDateTime.now(when.getZone()), when);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    /** An HTTP error status, with the wait the server asked for. */
    static final class StatusException extends HttpException {

        private final transient Optional<Duration> retryAfter;

        StatusException(int status, String body, Optional<Duration> retryAfter) {
            super(status, body);
            this.retryAfter = retryAfter;
        }

        Optional<Duration> retryAfter() {
            return retryAfter;
        }
    }

    static final class Builder implements HttpClientBuilder {

        private Duration connectTimeout;
        private Duration readTimeout;

        @Override
        public Duration connectTimeout() {
            return connectTimeout;
        }

        @Override
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        @Override
        public Duration readTimeout() {
            return readTimeout;
        }

        @Override
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        @Override
        public DeadlineHttpClient build() {
            return new DeadlineHttpClient(this);
        }
    }
}
