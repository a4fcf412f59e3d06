package org.ip4bot.server;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.ip4bot.server.LoopbackClient.API_TOKEN;
import static org.ip4bot.server.LoopbackClient.ask;
import static org.ip4bot.server.LoopbackClient.json;
import static org.ip4bot.server.Scrapes.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ip4bot.config.BotConfig;
import org.ip4bot.config.LlmSettings;
import org.ip4bot.config.OperationsSettings;
import org.ip4bot.config.ServerSettings;
import org.ip4bot.llm.FakeOpenAi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Language model calls, their failures and the extractive fallbacks, seen at {@code /metrics} after {@code /api/ask}. */
class ModelMetricsTest {

    private static final String QUESTION = "When did Japan sign its IPCP with NATO?";

    @TempDir
    Path temp;

    private final WireMockServer openAi =
            new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));

    @BeforeEach
    void startModel() {
        openAi.start();
    }

    @AfterEach
    void stopModel() {
        openAi.stop();
    }

    @Test
    void modelCallsTheirFailuresAndTheFallbacksToExtractiveTextAreCounted() throws Exception {
        Path corpus = Files.createDirectories(temp.resolve("corpus/partners"));
        Files.writeString(corpus.resolve("japan.md"), "# Japan and NATO\n\nJapan signed its Individual Partnership "
                + "and Cooperation Programme (IPCP) with NATO on 6 May 2014.\n");
        Files.writeString(corpus.resolve("australia.md"), "# Australia and NATO\n\nAustralia agreed its "
                + "Individual Partnership and Cooperation Programme with NATO on 21 February 2013.\n");
        LlmSettings model = LlmSettings.fromEnvironment(Map.of("IP4BOT_LLM_PROVIDER", "openai",
                "IP4BOT_LLM_BASE_URL", "http://127.0.0.1:" + openAi.port() + "/v1", "IP4BOT_LLM_MODEL", "gpt-4o-mini",
                "IP4BOT_LLM_RETRIES", "0", "IP4BOT_LLM_BUDGET_SECONDS", "20"));
        BotConfig config = new BotConfig(temp.resolve("corpus"), temp.resolve("data"), 1000, 20, 1).withLlm(model);
        OperationsSettings api = new OperationsSettings(Optional.empty(), Optional.of(API_TOKEN));

        try (BotServer server = BotServer.start(config, new ServerSettings(0, Set.of(), Optional.empty()),
                Optional.empty(), api)) {
            server.loadIndex();
            LoopbackClient client = new LoopbackClient(server.port());

            // when: the model answers with a cited sentence, then with an uncited one, then fails with a 500
            modelReplies(200, FakeOpenAi.reply("Japan signed its IPCP with NATO on 6 May 2014 [1][2]."));
            var modelAnswer = client.post("/api/ask", API_TOKEN, ask(QUESTION));
            modelReplies(200, FakeOpenAi.reply("Japan and NATO have a long history of friendship."));
            var uncited = client.post("/api/ask", API_TOKEN, ask(QUESTION));
            modelReplies(500, FakeOpenAi.error(500));
            var failed = client.post("/api/ask", API_TOKEN, ask(QUESTION));
            String metrics = client.get("/metrics", null).body();

            // then: all answered, the last two in extractive text
            assertEquals(200, modelAnswer.statusCode(), modelAnswer.body());
            assertEquals("llm:gpt-4o-mini", json(modelAnswer).get("composer").asText(), modelAnswer.body());
            assertEquals("extractive", json(uncited).get("composer").asText(), uncited.body());
            assertEquals(200, failed.statusCode(), failed.body());
            assertEquals("extractive", json(failed).get("composer").asText(), failed.body());
            // and: the calls by outcome, and one fallback for each reason
            assertEquals(2.0, sample(metrics, "ip4bot_llm_calls_total", "kind=\"none\",outcome=\"ok\""), metrics);
            assertEquals(1.0, sample(metrics, "ip4bot_llm_calls_total", "kind=\"server_error\",outcome=\"error\""),
                    metrics);
            assertEquals(1.0, sample(metrics, "ip4bot_llm_fallbacks_total", "reason=\"nothing_checked\""), metrics);
            assertEquals(1.0, sample(metrics, "ip4bot_llm_fallbacks_total", "reason=\"model_failed\""), metrics);
            assertEquals(1.0, sample(metrics, "ip4bot_answer_composer_total", "composer=\"llm:gpt-4o-mini\""),
                    metrics);
            // and: every search of the index timed, in a histogram
            assertEquals(3.0, sample(metrics, "ip4bot_retrieval_latency_seconds_count", ""), metrics);
            assertEquals(3.0, sample(metrics, "ip4bot_retrieval_latency_seconds_bucket", "le=\"+Inf\""), metrics);
        }
    }

    private void modelReplies(int status, String body) {
        openAi.resetAll();
        openAi.stubFor(post(urlPathEqualTo(FakeOpenAi.PATH)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }
}
