package org.ip4bot.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.ip4bot.answer.Answer;
import org.ip4bot.answer.QuestionRejectedException;
import org.ip4bot.cli.AnswerJson;
import org.ip4bot.index.SearchFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/ask} with {@code {"question": ...}} and {@code POST /api/brief} with {@code {"topic": ...}}, for
 * intranet pages and scripts. Answers with the CLI's JSON contract ({@link AnswerJson}). Runs on the chat's bounded
 * workers: when they are full the caller gets 503 with {@code Retry-After} instead of a late answer.
 */
final class QuestionApiServlet extends HttpServlet {

    static final String ASK_PATH = "/api/ask";
    static final String BRIEF_PATH = "/api/brief";
    static final String PLATFORM = "api";
    /** Far above the question length limit, so an over-long question still gets the limit's own message. */
    private static final int MAX_BODY_BYTES = 64 * 1024;
    private static final long ANSWER_TIMEOUT_SECONDS = 120;
    private static final String RETRY_AFTER_SECONDS = "2";
    private static final Logger LOG = LoggerFactory.getLogger(QuestionApiServlet.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BearerToken token;
    private final Engine engine;
    private final ExecutorService workers;
    private final ServerMetrics metrics;

    QuestionApiServlet(BearerToken token, Engine engine, ExecutorService workers, ServerMetrics metrics) {
        this.token = token;
        this.engine = engine;
        this.workers = workers;
        this.metrics = metrics;
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!token.admits(req, resp)) {
            metrics.rejected(PLATFORM);
            return;
        }
        String field = req.getServletPath().equals(BRIEF_PATH) ? "topic" : "question";
        String text;
        try {
            text = field(req, field);
        } catch (IllegalArgumentException e) {
            write(resp, 400, error(e.getMessage()));
            return;
        }
        if (!engine.ready()) {
            resp.setHeader("Retry-After", "10");
            write(resp, 503, error("the index is still loading; try again shortly"));
            return;
        }
        answer(resp, field, text);
    }

    private void answer(HttpServletResponse resp, String field, String text) throws IOException {
        long started = System.nanoTime();
        Future<Answer> pending;
        try {
            pending = workers.submit(() -> field.equals("question")
                    ? engine.answers().ask(text, SearchFilter.NONE) : engine.answers().brief(text));
        } catch (RejectedExecutionException e) {
            metrics.busy(PLATFORM);
            resp.setHeader("Retry-After", RETRY_AFTER_SECONDS);
            write(resp, 503, error("busy answering other questions; retry in a few seconds"));
            return;
        }
        try {
            Answer answer = pending.get(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            metrics.answered(PLATFORM, field.equals("question") ? "ask" : "brief", answer,
                    Duration.ofNanos(System.nanoTime() - started));
            write(resp, 200, AnswerJson.toJson(answer));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof QuestionRejectedException rejected) {
                metrics.question(PLATFORM, "rejected", Duration.ofNanos(System.nanoTime() - started));
                write(resp, 400, AnswerJson.error(text, rejected.getMessage()));
                return;
            }
            metrics.question(PLATFORM, "error", Duration.ofNanos(System.nanoTime() - started));
            LOG.error("could not answer an API {}", field, e.getCause());
            write(resp, 500, error("could not answer: " + e.getCause().getMessage()));
        } catch (TimeoutException e) {
            pending.cancel(true);
            metrics.question(PLATFORM, "timeout", Duration.ofNanos(System.nanoTime() - started));
            write(resp, 504, error("no answer within " + ANSWER_TIMEOUT_SECONDS + " s"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.cancel(true);
            resp.setHeader("Retry-After", RETRY_AFTER_SECONDS);
            write(resp, 503, error("the server is shutting down"));
        }
    }

    /** @throws IllegalArgumentException with a message for the caller when the body is not what we take */
    private static String field(HttpServletRequest req, String field) throws IOException {
        byte[] body = req.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            throw new IllegalArgumentException("request body over " + MAX_BODY_BYTES + " bytes");
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the body must be JSON such as {\"" + field + "\": \"...\"}: "
                    + e.getOriginalMessage());
        }
        JsonNode value = json == null ? null : json.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("the body must be a JSON object with a string field \"" + field
                    + "\", such as {\"" + field + "\": \"...\"}");
        }
        return value.asText();
    }

    private static String error(String message) {
        try {
            return JSON.writeValueAsString(Map.of("error", message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(HttpServletResponse resp, int status, String json) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json;charset=utf-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.getWriter().write(json);
    }
}
