package org.ip4bot.server;

import java.time.Duration;
import java.util.List;
import org.ip4bot.answer.QuestionRejectedException;
import org.ip4bot.answer.Answer;
import org.ip4bot.answer.DocumentRef;
import org.ip4bot.chat.Library;
import org.ip4bot.index.SearchFilter;

/**
 * The engine as the chat platforms see it; counts and logs every answer under the platform it was asked on
 * ({@code slack}, {@code teams}). Those names are the platform packages' constants, so the metric labels stay few.
 */
final class EngineLibrary implements Library {

    private final Engine engine;
    private final ServerMetrics metrics;

    EngineLibrary(Engine engine, ServerMetrics metrics) {
        this.engine = engine;
        this.metrics = metrics;
    }

    @Override
    public boolean ready() {
        return engine.ready();
    }

    @Override
    public Answer ask(String platform, String question) {
        long started = System.nanoTime();
        try {
            Answer answer = engine.answers().ask(question, SearchFilter.NONE);
            metrics.answered(platform, "ask", answer, Duration.ofNanos(System.nanoTime() - started));
            return answer;
        } catch (QuestionRejectedException e) {
            metrics.question(platform, "rejected", Duration.ofNanos(System.nanoTime() - started));
            throw e;
        }
    }

    @Override
    public Answer brief(String platform, String topic) {
        long started = System.nanoTime();
        try {
            Answer answer = engine.answers().brief(topic);
            metrics.answered(platform, "brief", answer, Duration.ofNanos(System.nanoTime() - started));
            return answer;
        } catch (QuestionRejectedException e) {
            metrics.question(platform, "rejected", Duration.ofNanos(System.nanoTime() - started));
            throw e;
        }
    }

    @Override
    public List<DocumentRef> documents() {
        return engine.documents();
    }
}
