package org.ip4bot.server;

import static org.ip4bot.server.LoopbackClient.API_TOKEN;
import static org.ip4bot.server.LoopbackClient.ask;
import static org.ip4bot.server.LoopbackClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.ip4bot.config.BotConfig;
import org.ip4bot.config.LlmSettings;
import org.ip4bot.config.OperationsSettings;
import org.ip4bot.config.ServerSettings;
import org.ip4bot.llm.HeldOpenAi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stop, as the SIGTERM handler triggers it ({@link BotServer#close()}), while an answer is in flight: the answer is
 * held inside its language model call by a fake OpenAI server that replies only when the test says so.
 */
class GracefulStopTest {

    static final long WAIT_SECONDS = 30;
    static final String REPLY = "Japan signed its IPCP with NATO on 6 May 2014 [1][2].";

    @TempDir
    Path temp;

    @Test
    void aStopRefusesNewRequestsButLetsTheAnswerInFlightFinish() throws Exception {
        try (HeldOpenAi model = new HeldOpenAi(REPLY)) {
            // given: an answer in flight, held in the model call
            BotServer server = BotServer.start(config(temp, model), new ServerSettings(0, Set.of(), Optional.empty()),
                    Optional.empty(), new OperationsSettings(Optional.empty(), Optional.of(API_TOKEN)));
            try {
                server.loadIndex();
                LoopbackClient client = new LoopbackClient(server.port());
                CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(() -> {
                    try {
                        return client.post("/api/ask", API_TOKEN, ask("When did Japan sign its IPCP with NATO?"));
                    } catch (IOException | InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });
                assertTrue(model.awaitAsked(WAIT_SECONDS), "the question never reached the model");

                // when: the server is told to stop, and new requests come in while it stops
                CompletableFuture<Void> stopped = CompletableFuture.runAsync(server::close);
                boolean refused = Refusals.await(server.port(), WAIT_SECONDS);
                boolean stoppedBeforeTheAnswer = stopped.isDone();
                model.release();

                // then: they are refused, and the stop waits for the answer in flight, which arrives whole
                assertTrue(refused, "requests kept being served after the stop began");
                assertFalse(stoppedBeforeTheAnswer, "the stop did not wait for the answer in flight");
                HttpResponse<String> answer = inFlight.get(WAIT_SECONDS, TimeUnit.SECONDS);
                assertEquals(200, answer.statusCode(), answer.body());
                assertEquals("answered", json(answer).get("status").asText(), answer.body());
                assertEquals("llm:gpt-4o-mini", json(answer).get("composer").asText(), answer.body());
                assertTrue(json(answer).get("answer").asText().contains("6 May 2014"), answer.body());
                stopped.get(WAIT_SECONDS, TimeUnit.SECONDS);
            } finally {
                server.close();
            }
        }
    }

    /** A one-document corpus, answered through {@code model} with a budget far above the test's waits. */
    static BotConfig config(Path temp, HeldOpenAi model) throws IOException {
        Path corpus = Files.createDirectories(temp.resolve("corpus"));
        Files.writeString(corpus.resolve("japan.md"), "# Japan and NATO\n\nJapan signed its Individual Partnership "
                + "and Cooperation Programme (IPCP) with NATO on 6 May 2014.\n");
        return new BotConfig(corpus, temp.resolve("data"), 1000, 20, 1).withLlm(LlmSettings.fromEnvironment(
                Map.of("IP4BOT_LLM_PROVIDER", "openai", "IP4BOT_LLM_BASE_URL", model.baseUrl(),
                        "IP4BOT_LLM_MODEL", "gpt-4o-mini", "IP4BOT_LLM_RETRIES", "0",
                        "IP4BOT_LLM_TIMEOUT_SECONDS", "120", "IP4BOT_LLM_BUDGET_SECONDS", "120")));
    }
}
