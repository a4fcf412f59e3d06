package org.ip4bot.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.ip4bot.llm.LanguageModelException.Failure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every provider's {@link LanguageModel} must do, run against a WireMock server on loopback that answers as that
 * provider's API does: success and error bodies, 429 with {@code Retry-After}, 5xx, slow and malformed replies.
 * Each subclass supplies the provider's endpoint, bodies and headers.
 */
abstract class LanguageModelContract {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String KEY = "test-key-not-a-secret";
    static final Prompt PROMPT = new Prompt("You follow the rules.", "<question>\nWhen did Japan sign?\n</question>");

    static WireMockServer server;

    @BeforeAll
    static void startServer() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    @BeforeEach
    void resetServer() {
        server.resetAll();
    }

    /** The model under test, talking to {@code baseUrl} (the server root, e.g. {@code http://127.0.0.1:1234}). */
    abstract LanguageModel model(String baseUrl, int retries, Duration timeout);

    /** The provider's chat endpoint, as a POST matcher. */
    abstract MappingBuilder chat();

    /** The same endpoint, for verifying requests. */
    abstract RequestPatternBuilder chatRequests();

    /** The provider's 200 body for a reply saying {@code text}. */
    abstract String success(String text);

    /** The provider's error body for {@code status}. */
    abstract String error(int status);

    /** The system and user messages of a sent request body, in order. */
    abstract JsonNode messages(JsonNode requestBody);

    String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    @Test
    void aReplyComesBackAsTextAfterTheSystemAndUserMessagesWereSent() throws IOException {
        // given
        server.stubFor(chat().willReturn(json(200, success("Japan signed its IPCP on 6 May 2014 [1]."))));

        // when
        String reply = model(baseUrl(), 0, Duration.ofSeconds(5)).complete(PROMPT, Deadline.after(Duration.ofSeconds(5)));

        // then
        assertEquals("Japan signed its IPCP on 6 May 2014 [1].", reply);
        var sent = server.findAll(chatRequests());
        assertEquals(1, sent.size());
        JsonNode messages = messages(JSON.readTree(sent.get(0).getBodyAsString()));
        assertEquals("system", messages.get(0).get("role").asText());
        assertEquals(PROMPT.system(), messages.get(0).get("content").asText());
        assertEquals("user", messages.get(1).get("role").asText());
        assertEquals(PROMPT.user(), messages.get(1).get("content").asText());
        server.verify(chatRequests().withHeader("Upgrade", absent()));
    }

    @Test
    void aRateLimitIsRetriedAfterTheWaitTheServerAskedFor() {
        // given
        server.stubFor(chat().inScenario("limited").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(429, error(429)).withHeader("Retry-After", "1"))
                .willSetStateTo("cooled down"));
        server.stubFor(chat().inScenario("limited").whenScenarioStateIs("cooled down")
                .willReturn(json(200, success("Later [1]."))));
        long started = System.nanoTime();

        // when
        String reply = model(baseUrl(), 2, Duration.ofSeconds(5)).complete(PROMPT, Deadline.after(Duration.ofSeconds(5)));

        // then
        assertEquals("Later [1].", reply);
        assertTrue(millisSince(started) >= 1000, "waited " + millisSince(started) + " ms, Retry-After said 1 s");
        server.verify(2, chatRequests());
    }

    @Test
    void aRateLimitAskingForMoreThanTheBudgetFailsAtOnce() {
        // given
        server.stubFor(chat().willReturn(json(429, error(429)).withHeader("Retry-After", "60")));
        long started = System.nanoTime();

        // when
        LanguageModelException e = assertThrows(LanguageModelException.class,
                () -> model(baseUrl(), 3, Duration.ofSeconds(5)).complete(PROMPT, Deadline.after(Duration.ofSeconds(30))));

        // then
        assertEquals(Failure.RATE_LIMITED, e.failure());
        assertEquals(Duration.ofSeconds(60), e.retryAfter().orElseThrow());
        assertTrue(millisSince(started) < 10_000, "took " + millisSince(started) + " ms: it waited instead of giving up");
        server.verify(1, chatRequests());
    }

    @Test
    void serverErrorsAreRetriedButNeverPastTheBudget() {
        // given
        server.stubFor(chat().willReturn(json(500, error(500)).withFixedDelay(300)));
        long started = System.nanoTime();

        // when
        LanguageModelException e = assertThrows(LanguageModelException.class,
                () -> model(baseUrl(), 10, Duration.ofSeconds(5)).complete(PROMPT, Deadline.after(Duration.ofSeconds(2))));

        // then
        assertTrue(e.failure() == Failure.SERVER_ERROR || e.failure() == Failure.TIMEOUT, e.failure().toString());
        assertTrue(millisSince(started) < 3000, "took " + millisSince(started) + " ms with a 2 s budget");
        int requests = server.findAll(chatRequests()).size();
        assertTrue(requests >= 2 && requests <= 11, requests + " requests");
    }

    @Test
    void aSlowReplyIsCutOffAtTheBudget() {
        // given
        server.stubFor(chat().willReturn(json(200, success("Too late [1].")).withFixedDelay(5000)));
        long started = System.nanoTime();

        // when
        LanguageModelException e = assertThrows(LanguageModelException.class,
                () -> model(baseUrl(), 2, Duration.ofSeconds(30)).complete(PROMPT, Deadline.after(Duration.ofSeconds(2))));

        // then
        assertEquals(Failure.TIMEOUT, e.failure());
        assertTrue(millisSince(started) < 3000, "took " + millisSince(started) + " ms with a 2 s budget");
    }

    @Test
    void aRefusedConnectionFailsAsUnreachable() throws IOException {
        // given
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        long started = System.nanoTime();

        // when
        LanguageModelException e = assertThrows(LanguageModelException.class,
                () -> model("http://127.0.0.1:" + closedPort, 1, Duration.ofSeconds(5))
                        .complete(PROMPT, Deadline.after(Duration.ofSeconds(2))));

        // then
        assertEquals(Failure.UNREACHABLE, e.failure());
        assertTrue(millisSince(started) < 3000, "took " + millisSince(started) + " ms with a 2 s budget");
    }

    @Test
    void anEmptyReplyIsABadReply() {
        // given
        server.stubFor(chat().willReturn(json(200, success(""))));

        // when
        LanguageModelException e = assertThrows(LanguageModelException.class,
                () -> model(baseUrl(), 2, Duration.ofSeconds(5)).complete(PROMPT, Deadline.after(Duration.ofSeconds(2))));

        // then
        assertEquals(Failure.BAD_REPLY, e.failure());
        server.verify(1, chatRequests());
    }

    @Test
    void aBodyThatIsNotAChatReplyIsABadReply() {
        // given
        server.stubFor(chat().willReturn(json(200, "{\"id\":\"x\",\"choices\":[{\"index\":0,\"mess")));

        // when
        LanguageModelException e = assertThrows(LanguageModelException.class,
                () -> model(baseUrl(), 2, Duration.ofSeconds(5)).complete(PROMPT, Deadline.after(Duration.ofSeconds(2))));

        // then
        assertEquals(Failure.BAD_REPLY, e.failure());
    }

    @Test
    void aRejectedKeyIsNotRetriedAndTheMessageHoldsNoSecret() {
        // given
        server.stubFor(chat().willReturn(json(401, error(401))));

        // when
        LanguageModelException e = assertThrows(LanguageModelException.class,
                () -> model(baseUrl(), 3, Duration.ofSeconds(5)).complete(PROMPT, Deadline.after(Duration.ofSeconds(2))));

        // then
        assertEquals(Failure.REJECTED, e.failure());
        assertTrue(e.getMessage().contains("401"), e.getMessage());
        assertTrue(!e.getMessage().contains(KEY), e.getMessage());
        server.verify(1, chatRequests());
    }

    static long millisSince(long nanoStart) {
        return (System.nanoTime() - nanoStart) / 1_000_000;
    }
}
