package org.ip4bot.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.ToDoubleFunction;
import org.ip4bot.admin.ReloadOutcome;
import org.ip4bot.answer.Answer;
import org.ip4bot.answer.Fallbacks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's metrics in one Micrometer registry, scraped as Prometheus text at {@code /metrics}. Micrometer stays
 * inside this class. Thread-safe.
 */
final class ServerMetrics implements EngineEvents {

    private static final Logger LOG = LoggerFactory.getLogger("org.ip4bot.questions");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    /**
     * Counts an answer and logs one line for it: platform, kind, status, latency and corpus version. The question's
     * text is logged only at debug level: it may be confidential.
     */
    void answered(String platform, String kind, Answer answer, Duration latency) {
        String status = answer.status().wireName();
        question(platform, status, latency);
        // Which composer wrote the text: the language model's, or the extractive one it falls back to.
        Counter.builder("ip4bot_answer_composer").description("answers by the composer that wrote them")
                .tag("composer", answer.composer()).register(registry).increment();
        LOG.info("answered platform={} kind={} status={} latencyMs={} corpusVersion={} composer={}", platform, kind,
                status, latency.toMillis(), answer.corpusVersion(), answer.composer());
        LOG.debug("question text: {}", answer.question());
    }

    /** One answered (or refused) question: {@code platform} e.g. {@code api}, {@code status} the wire status. */
    void question(String platform, String status, Duration latency) {
        Counter.builder("ip4bot_questions").description("questions by platform and status")
                .tag("platform", platform).tag("status", status).register(registry).increment();
        Timer.builder("ip4bot_answer_latency").description("time to answer a question")
                .tag("platform", platform).publishPercentileHistogram()
                .serviceLevelObjectives(Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(1),
                        Duration.ofSeconds(5), Duration.ofSeconds(20))
                .register(registry).record(latency);
    }

    @Override
    public void retrieved(Duration took) {
        Timer.builder("ip4bot_retrieval_latency").description("time to search the index once")
                .publishPercentileHistogram()
                .serviceLevelObjectives(Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100),
                        Duration.ofMillis(250), Duration.ofSeconds(1))
                .register(registry).record(took);
    }

    @Override
    public void modelAnswered() {
        modelCall("ok", "none");
    }

    @Override
    public void modelFailed(String kind) {
        modelCall("error", kind);
    }

    private void modelCall(String outcome, String kind) {
        Counter.builder("ip4bot_llm_calls").description("language model calls, retries included, by outcome and "
                + "the kind of failure").tag("outcome", outcome).tag("kind", kind).register(registry).increment();
    }

    @Override
    public void fellBack(Fallbacks.Reason reason) {
        Counter.builder("ip4bot_llm_fallbacks").description("answers and briefs given in extractive text although "
                + "a language model is configured, by reason").tag("reason", reason.name().toLowerCase(Locale.ROOT))
                .register(registry).increment();
    }

    /** A request refused for a missing or wrong token or signature, by endpoint ({@code admin}, {@code slack}...). */
    void rejected(String endpoint) {
        Counter.builder("ip4bot_auth_rejections").description("requests refused for a missing or wrong token or "
                + "signature").tag("endpoint", endpoint).register(registry).increment();
    }

    /** Questions refused because the workers were saturated. */
    void busy(String platform) {
        Counter.builder("ip4bot_busy_rejections").description("questions refused with 503 because workers were full")
                .tag("platform", platform).register(registry).increment();
    }

    void reload(ReloadOutcome outcome) {
        String result = outcome.succeeded() ? "ok" : "failed";
        Counter.builder("ip4bot_reloads").description("corpus reloads by outcome").tag("outcome", result)
                .register(registry).increment();
        Timer.builder("ip4bot_reload_duration").description("corpus reload wall time").tag("outcome", result)
                .register(registry).record(Duration.ofMillis(outcome.durationMs()));
    }

    /** The bounded workers' queue depth and active threads, read at each scrape. */
    void workers(ExecutorService workers) {
        if (workers instanceof ThreadPoolExecutor pool) {
            Gauge.builder("ip4bot_executor_queue_depth", pool, p -> p.getQueue().size())
                    .description("questions waiting for a worker").register(registry);
            Gauge.builder("ip4bot_executor_active", pool, ThreadPoolExecutor::getActiveCount)
                    .description("workers answering now").register(registry);
        }
    }

    /** A counter kept elsewhere (e.g. the Teams endpoint's refused requests), read at each scrape. */
    <T> void gauge(String name, String description, T source, ToDoubleFunction<T> value) {
        Gauge.builder(name, source, value).description(description).register(registry);
    }

    String scrape() {
        return registry.scrape();
    }
}
