package org.ip4bot.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.ip4bot.answer.Answer;
import org.ip4bot.answer.AnswerStatus;
import org.ip4bot.answer.Citation;
import org.ip4bot.eval.CitationCheck;
import org.ip4bot.index.IndexSnapshot;
import org.ip4bot.index.IndexStore;
import org.ip4bot.llm.FakeOpenAi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ask} and {@code brief} through {@link Main#run(Map, String...)} with {@code IP4BOT_LLM_*} settings pointing
 * at a WireMock server that answers as OpenAI does: the printed answers are the model's, with citations that check.
 */
class ModelAnswersCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DATA = Path.of("target", "test-index-cli-models");
    private static final String QUESTION = "When did New Zealand sign its IPCP?";

    private static WireMockServer server;
    private static Map<String, String> env;

    record Run(int exitCode, String out, String err) {
    }

    @BeforeAll
    static void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        env = Map.of("IP4BOT_CORPUS", "corpus", "IP4BOT_DATA", DATA.toString(),
                "IP4BOT_LLM_PROVIDER", "openai",
                "IP4BOT_LLM_BASE_URL", "http://127.0.0.1:" + server.port(),
                "IP4BOT_LLM_MODEL", "gpt-4o-mini",
                "IP4BOT_LLM_API_KEY", "test-key-from-env",
                "IP4BOT_LLM_BUDGET_SECONDS", "10");
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void askJsonPrintsTheModelsAnswerWhenAProviderIsConfigured() throws IOException {
        // given: a reply citing every passage; only those that support the sentence survive
        server.stubFor(post(urlPathEqualTo(FakeOpenAi.PATH)).willReturn(json(FakeOpenAi.reply(
                "New Zealand agreed its IPCP with NATO on 4 June 2012 [1][2][3][4][5][6][7][8]. NATO also opened an "
                        + "office in Wellington."))));

        // when
        Run run = cli(env, "ask", "--json", QUESTION);

        // then
        assertEquals(0, run.exitCode(), run.err());
        JsonNode answer = JSON.readTree(run.out());
        assertEquals("llm:gpt-4o-mini", answer.get("composer").asText());
        assertEquals("answered", answer.get("status").asText());
        assertTrue(answer.get("answer").asText().startsWith("New Zealand agreed its IPCP with NATO on 4 June 2012 [1]"),
                answer.get("answer").asText());
        assertFalse(answer.get("answer").asText().contains("Wellington"), answer.get("answer").asText());
        assertEquals("", citationProblem(answer));
        server.verify(postRequestedFor(urlPathEqualTo(FakeOpenAi.PATH))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                        "Bearer test-key-from-env")));
        assertFalse(run.err().contains("test-key-from-env"), "the key is never printed: " + run.err());
    }

    @Test
    void briefJsonPrintsTheModelsBriefWithItsStructure() throws IOException {
        // given: the extractive brief, without a model, shows which sentences the model may rewrite
        Map<String, String> noModel = new HashMap<>(env);
        noModel.put("IP4BOT_LLM_PROVIDER", "none");
        Run draftRun = cli(noModel, "brief", "--json", "cyber defence cooperation");
        assertEquals(0, draftRun.exitCode(), draftRun.err());
        JsonNode draft = JSON.readTree(draftRun.out()).get("brief");
        String firstLine = draft.get("overview").get(0).asText();
        server.stubFor(post(urlPathEqualTo(FakeOpenAi.PATH)).willReturn(json(FakeOpenAi.reply(
                "OVERVIEW\nIn short, " + firstLine + "\n"))));

        // when
        Run run = cli(env, "brief", "--json", "cyber defence cooperation");

        // then
        assertEquals(0, run.exitCode(), run.err());
        JsonNode answer = JSON.readTree(run.out());
        assertEquals("llm:gpt-4o-mini", answer.get("composer").asText());
        JsonNode brief = answer.get("brief");
        assertTrue(brief.get("overview").get(0).asText().startsWith("In short, "), brief.toString());
        assertEquals(draft.get("groupedBy"), brief.get("groupedBy"));
        assertEquals(labels(draft), labels(brief));
        assertEquals(draft.get("timeline").size(), brief.get("timeline").size());
        assertEquals("", citationProblem(answer));
    }

    private static List<String> labels(JsonNode brief) {
        List<String> out = new ArrayList<>();
        brief.get("groups").forEach(g -> out.add(g.get("label").asText()));
        return out;
    }

    /** Runs {@link CitationCheck} over the printed answer, against the indexed text of the corpus. */
    private static String citationProblem(JsonNode answer) {
        List<Citation> citations = new ArrayList<>();
        for (JsonNode c : answer.get("citations")) {
            citations.add(new Citation(c.get("n").asInt(), c.get("source").asText(), c.get("title").asText(),
                    c.get("publisher").asText(), c.get("date").asText(), c.get("url").asText(),
                    c.get("section").asText(), c.get("page").isNull() ? 0 : c.get("page").asInt(),
                    c.get("snippet").asText()));
        }
        Answer parsed = new Answer(answer.get("question").asText(), AnswerStatus.ANSWERED,
                answer.get("answer").asText(), citations, List.of(), answer.get("corpusVersion").asText(),
                answer.get("composer").asText(), 0, java.util.Optional.empty());
        try (IndexSnapshot index = new IndexStore(DATA).open().orElseThrow()) {
            Map<String, String> texts = index.allChunks().stream().map(s -> s.chunk())
                    .collect(Collectors.groupingBy(c -> c.path(), Collectors.mapping(c -> c.text(),
                            Collectors.joining("\n"))));
            return new CitationCheck(texts).problem(parsed);
        }
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static Run cli(Map<String, String> environment, String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream capturedOut = new ByteArrayOutputStream();
        ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(capturedOut, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(capturedErr, true, StandardCharsets.UTF_8));
            int code = Main.run(environment, args);
            return new Run(code, capturedOut.toString(StandardCharsets.UTF_8),
                    capturedErr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
