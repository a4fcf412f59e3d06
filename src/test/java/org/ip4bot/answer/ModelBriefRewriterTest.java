package org.ip4bot.answer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ip4bot.llm.DisabledLanguageModel;
import org.ip4bot.llm.FakeOpenAi;
import org.ip4bot.llm.LanguageModel;
import org.ip4bot.llm.LanguageModels;
import org.ip4bot.llm.ModelEndpoint;
import org.ip4bot.retrieval.RetrievalMode;
import org.ip4bot.retrieval.SentenceScorer;
import org.ip4bot.retrieval.Retriever;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Briefs rewritten by a model (OpenAI's wire format on WireMock) over the real corpus, checked section by section. */
class ModelBriefRewriterTest {

    private static final String TOPIC = "cyber defence cooperation";
    private static final Duration BUDGET = Duration.ofSeconds(3);
    private static final Pattern MARKER = Pattern.compile("\\[(\\d+)]");

    private static WireMockServer server;
    private static Retriever retriever;
    private static Answer extractive;
    private static SentenceScorer scorer;

    @BeforeAll
    static void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        retriever = RealCorpus.engine().retriever(RetrievalMode.HYBRID);
        extractive = new BriefComposer(EvidenceGate.DEFAULT).compose(TOPIC, retriever);
        scorer = RealCorpus.retrieve(TOPIC).scorer();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void reset() {
        server.resetAll();
    }

    @Test
    void aRewrittenBriefKeepsItsStructureAndOnlyTheLinesThatCheckOut() {
        // given
        Brief draft = extractive.brief().orElseThrow();
        assertTrue(draft.groups().size() >= 2, "the topic gives a brief with two groups or more: " + draft);
        String overview = draft.overview().get(0);
        Brief.Group first = draft.groups().get(0);
        Brief.Group second = draft.groups().get(1);
        String reply = "OVERVIEW\n"
                + "In short, " + sentenceOf(overview) + " [" + markerOf(overview) + "]\n\n"
                + "## " + first.label() + "\n"
                + "- In brief, " + sentenceOf(first.points().get(0)) + " [" + markerOf(first.points().get(0)) + "]\n"
                + "- NATO will open a cyber base in Wellington next year [99].\n"
                + "## " + second.label() + "\n"
                + "- Penguins from Antarctica have joined the alliance's cyber centre [1].\n";
        server.stubFor(post(urlPathEqualTo(FakeOpenAi.PATH)).willReturn(json(200, FakeOpenAi.reply(reply))));

        // when
        Answer answer = new BriefComposer(EvidenceGate.DEFAULT, new ModelBriefRewriter(openAi(), BUDGET))
                .compose(TOPIC, retriever);

        // then
        assertEquals("llm:gpt-4o-mini", answer.composer());
        Brief written = answer.brief().orElseThrow();
        assertEquals(List.of(CitationBuilder.withMarker("In short, " + sentenceOf(overview), 1)), written.overview());
        assertEquals(draft.groupedBy(), written.groupedBy());
        assertEquals(draft.groups().stream().map(Brief.Group::label).toList(),
                written.groups().stream().map(Brief.Group::label).toList(), "same groups, same order");
        assertEquals(1, written.groups().get(0).points().size(), written.groups().get(0).toString());
        assertTrue(written.groups().get(0).points().get(0).startsWith("In brief, "), written.toString());
        assertFalse(answer.text().contains("[99]") || answer.text().contains("Wellington"), answer.text());
        assertFalse(answer.text().contains("Penguins"), answer.text());
        assertEquals(second.points().stream().map(ModelBriefRewriterTest::sentenceOf).toList(),
                written.groups().get(1).points().stream().map(ModelBriefRewriterTest::sentenceOf).toList(),
                "a section with no line that checks out keeps its extractive lines");
        assertEquals(draft.timeline().stream().map(e -> e.date() + " " + sentenceOf(e.text())).toList(),
                written.timeline().stream().map(e -> e.date() + " " + sentenceOf(e.text())).toList());
        assertEquals(BriefText.render(written), answer.text());
        assertEquals("", RealCorpus.citationCheck().problem(answer));
        assertNumberedInOrderOfFirstUse(answer);
    }

    @Test
    void thePromptHoldsTheSourcesTheTopicAndTheDraftAsData() {
        // given
        server.stubFor(post(urlPathEqualTo(FakeOpenAi.PATH)).willReturn(json(200, FakeOpenAi.reply("OVERVIEW\nNothing."))));

        // when
        new ModelBriefRewriter(openAi(), BUDGET).rewrite(extractive, scorer);

        // then
        String body = server.findAll(postRequestedFor(urlPathEqualTo(FakeOpenAi.PATH))).get(0).getBodyAsString();
        assertEquals(ModelBriefRewriter.SYSTEM, FakeOpenAi.message(body, 0));
        String user = FakeOpenAi.message(body, 1);
        assertTrue(user.contains("<topic>\n" + TOPIC + "\n</topic>"), user);
        for (Citation c : extractive.citations()) {
            assertTrue(user.contains("<source n=\"" + c.n() + "\" title=\"" + c.title() + "\""), user);
        }
        assertTrue(user.contains("<draft>\nOVERVIEW\n"), user);
        extractive.brief().orElseThrow().groups().forEach(g -> assertTrue(user.contains("## " + g.label() + "\n"), user));
    }

    @Test
    void aFailingModelLeavesTheExtractiveBriefWithTheNote() {
        // given
        server.stubFor(post(urlPathEqualTo(FakeOpenAi.PATH)).willReturn(json(500, FakeOpenAi.error(500))));
        long started = System.nanoTime();

        // when
        Answer answer = new ModelBriefRewriter(openAi(), BUDGET).rewrite(extractive, scorer);

        // then
        assertTrue((System.nanoTime() - started) / 1_000_000 < BUDGET.toMillis() + 1000);
        assertEquals("extractive", answer.composer());
        assertEquals(ModelComposer.UNAVAILABLE_NOTE + "\n\n" + extractive.text(), answer.text());
        assertEquals(extractive.brief(), answer.brief());
        assertEquals(extractive.citations(), answer.citations());
    }

    @Test
    void withNoModelTheBriefIsTheExtractiveOne() {
        // when
        Answer answer = new ModelBriefRewriter(new DisabledLanguageModel(), BUDGET).rewrite(extractive, scorer);

        // then
        assertEquals(extractive, answer);
    }

    private static LanguageModel openAi() {
        return LanguageModels.openAi(new ModelEndpoint("http://127.0.0.1:" + server.port() + "/v1", "gpt-4o-mini",
                "test-key", 0, Duration.ofSeconds(20), 1));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** A brief line without its marker: the corpus sentence it quotes. */
    static String sentenceOf(String line) {
        return line.replaceAll(" \\[\\d+](\\[\\d+])*", "");
    }

    static int markerOf(String line) {
        Matcher m = MARKER.matcher(line);
        assertTrue(m.find(), line);
        return Integer.parseInt(m.group(1));
    }

    static void assertNumberedInOrderOfFirstUse(Answer answer) {
        Matcher m = MARKER.matcher(answer.text());
        int next = 1;
        while (m.find()) {
            int n = Integer.parseInt(m.group(1));
            assertTrue(n <= next, "[" + n + "] appears before [" + next + "] in " + answer.text());
            if (n == next) {
                next++;
            }
        }
        assertEquals(answer.citations().size(), next - 1);
    }
}
