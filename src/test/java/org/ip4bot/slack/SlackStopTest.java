package org.ip4bot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.ip4bot.config.BotConfig;
import org.ip4bot.config.LlmSettings;
import org.ip4bot.config.ServerSettings;
import org.ip4bot.config.SlackSettings;
import org.ip4bot.llm.HeldOpenAi;
import org.ip4bot.server.BotServer;
import org.ip4bot.server.Refusals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stop while a Slack answer is in flight. Slack's request was acknowledged at once, so only the chat workers know
 * of the answer: the stop must let it finish and be posted before Slack's client closes.
 */
class SlackStopTest {

    private static final long WAIT_SECONDS = 30;

    @TempDir
    Path temp;

    @Test
    void anAnswerInFlightIsStillPostedWhenTheServerStops() throws Exception {
        Path corpus = Files.createDirectories(temp.resolve("corpus"));
        Files.writeString(corpus.resolve("japan.md"), "# Japan and NATO\n\nJapan signed its Individual Partnership "
                + "and Cooperation Programme (IPCP) with NATO on 6 May 2014.\n");
        try (FakeSlack slack = new FakeSlack();
                HeldOpenAi model = new HeldOpenAi("Japan signed its IPCP with NATO on 6 May 2014 [1].")) {
            BotConfig config = new BotConfig(corpus, temp.resolve("data"), 1000, 20, 1).withLlm(
                    LlmSettings.fromEnvironment(Map.of("IP4BOT_LLM_PROVIDER", "openai",
                            "IP4BOT_LLM_BASE_URL", model.baseUrl(), "IP4BOT_LLM_MODEL", "gpt-4o-mini",
                            "IP4BOT_LLM_RETRIES", "0", "IP4BOT_LLM_TIMEOUT_SECONDS", "120",
                            "IP4BOT_LLM_BUDGET_SECONDS", "120")));
            BotServer server = BotServer.start(config, new ServerSettings(0, Set.of(),
                    Optional.of(new SlackSettings("xoxb-test-token", SlackSender.SECRET, slack.apiUrl()))));
            try {
                // given: a slash command acknowledged, its answer held in the model call
                server.loadIndex();
                assertEquals(200, new SlackSender(server.port()).slash("When did Japan sign its IPCP?", "U1",
                        "CSTOP", slack.responseUrl("stop")).statusCode());
                assertTrue(model.awaitAsked(WAIT_SECONDS), "the question never reached the model");

                // when: the server stops; the model replies once new requests are refused
                CompletableFuture<Void> stopped = CompletableFuture.runAsync(server::close);
                assertTrue(Refusals.await(server.port(), WAIT_SECONDS), "requests kept being served");
                boolean stoppedBeforeTheAnswer = stopped.isDone();
                model.release();

                // then: the answer reaches Slack, and the stop ends after it
                JsonNode answer = slack.await("the answer", Duration.ofSeconds(WAIT_SECONDS),
                        () -> slack.responses("stop"), r -> r.has("blocks")
                                && FakeSlack.blockText(r.get("blocks").toString()).contains("6 May 2014"));
                assertTrue(FakeSlack.blockText(answer.get("blocks").toString()).contains("Sources"), answer.toString());
                assertFalse(stoppedBeforeTheAnswer, "the stop did not wait for the answer in flight");
                stopped.get(WAIT_SECONDS, TimeUnit.SECONDS);
            } finally {
                server.close();
            }
        }
    }
}
