package org.ip4bot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.ip4bot.config.BotConfig;
import org.ip4bot.corpus.Chunk;
import org.ip4bot.eval.CitationCheck;
import org.ip4bot.index.BgeSmallEmbedder;
import org.ip4bot.index.Embedder;
import org.ip4bot.index.IndexProgress;
import org.ip4bot.index.ScoredChunk;
import org.ip4bot.index.SearchFilter;
import org.ip4bot.server.Engine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Answers and briefs from the real corpus through the engine's answer service; one engine for the class. */
class AnswerServiceTest {

    private static final Pattern MARKER = Pattern.compile("\\[(\\d+)]");
    private static final Set<String> PARTNERS = Set.of("Australia", "Japan", "Republic of Korea", "New Zealand");

    @TempDir
    static Path data;

    private static ExecutorService threads;
    private static Embedder embedder;
    private static Engine engine;
    private static AnswerService answers;
    private static List<Chunk> chunks;
    private static CitationCheck citationCheck;

    @BeforeAll
    static void indexTheRealCorpus() {
        threads = Executors.newFixedThreadPool(2);
        embedder = new BgeSmallEmbedder(threads);
        engine = new Engine(config(1000), embedder);
        engine.refresh(IndexProgress.SILENT);
        answers = engine.answers();
        chunks = engine.snapshot().allChunks().stream().map(ScoredChunk::chunk).toList();
        Map<String, StringBuilder> texts = new HashMap<>();
        chunks.forEach(c -> texts.computeIfAbsent(c.path(), p -> new StringBuilder()).append(c.text()).append('\n'));
        citationCheck = new CitationCheck(texts.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().toString())));
    }

    @AfterAll
    static void close() {
        engine.close();
        threads.shutdownNow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"When did New Zealand sign its IPCP?", "When did Japan and NATO agree their ITPP?",
        "When did the Republic of Korea join the NATO cyber defence centre in Tallinn?"})
    void anInScopeQuestionIsAnsweredWithEveryMarkerBackedByAQuotedSource(String question) {
        // when
        Answer answer = answers.ask(question, SearchFilter.NONE);

        // then
        assertEquals(AnswerStatus.ANSWERED, answer.status(), answer.text());
        assertFalse(answer.citations().isEmpty());
        assertEquals(markers(answer.text()), numbers(answer.citations()), answer.text());
        assertEquals("", citationCheck.problem(answer));
        for (Citation c : answer.citations()) {
            assertSnippetIsInTheCitedPassage(c);
        }
        assertEquals(List.of(), answer.closestDocuments());
        assertEquals(engine.snapshot().corpusVersion(), answer.corpusVersion());
        assertEquals("extractive", answer.composer());
        assertEquals(question, answer.question());
    }

    @Test
    void citationsAreNumberedFromOneInTheOrderTheTextFirstUsesThem() {
        // when
        Answer answer = answers.ask("When did New Zealand first start talking to NATO?", SearchFilter.NONE);

        // then
        List<Integer> firstUse = new ArrayList<>();
        Matcher m = MARKER.matcher(answer.text());
        while (m.find()) {
            int n = Integer.parseInt(m.group(1));
            if (!firstUse.contains(n)) {
                firstUse.add(n);
            }
        }
        List<Integer> expected = new ArrayList<>();
        for (int n = 1; n <= answer.citations().size(); n++) {
            expected.add(n);
        }
        assertEquals(expected, firstUse, answer.text());
        assertEquals(expected, answer.citations().stream().map(Citation::n).toList());
    }

    @Test
    void theAnswerToAFactQuestionContainsTheFact() {
        // when
        Answer answer = answers.ask("When did New Zealand sign its IPCP?", SearchFilter.NONE);

        // then
        assertTrue(answer.text().contains("2012"), answer.text());
        assertTrue(answer.citations().stream().anyMatch(c -> c.snippet().contains("2012")), answer.citations()
                .toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"What is the best recipe for bibimbap?", "Who won the football world cup in 2018?"})
    void anOutOfScopeQuestionIsNotFoundWithoutCitationsButNamesTheClosestDocuments(String question) {
        // when
        Answer answer = answers.ask(question, SearchFilter.NONE);

        // then
        assertEquals(AnswerStatus.NOT_FOUND, answer.status(), answer.text());
        assertEquals(List.of(), answer.citations());
        assertFalse(MARKER.matcher(answer.text()).find(), "a refusal cites nothing: " + answer.text());
        assertFalse(answer.closestDocuments().isEmpty());
        Set<String> paths = chunks.stream().map(Chunk::path).collect(Collectors.toSet());
        for (DocumentRef ref : answer.closestDocuments()) {
            assertTrue(paths.contains(ref.source()), ref.source());
            assertFalse(ref.title().isBlank(), ref.toString());
        }
        assertEquals("", citationCheck.problem(answer));
    }

    @Test
    void anOverLongQuestionIsRejectedWithAMessageThatGivesTheLimit() {
        // given
        String question = "Why ".repeat(1250);
        int limit = engine.config().maxQuestionChars();

        // when
        QuestionRejectedException e = assertThrows(QuestionRejectedException.class,
                () -> answers.ask(question, SearchFilter.NONE));

        // then
        String digits = withoutGrouping(e.getMessage());
        assertTrue(digits.contains(Integer.toString(limit)), e.getMessage());
    }

    @Test
    void aQuestionJustAtTheLimitIsAccepted() {
        // given
        String question = "When did New Zealand sign its IPCP? ".repeat(40).substring(0, engine.config()
                .maxQuestionChars());

        // when
        Answer answer = answers.ask(question, SearchFilter.NONE);

        // then
        assertEquals(question.strip(), answer.question());
    }

    @Test
    void aLongQuestionWithinAHighConfiguredLimitIsAnsweredRatherThanFailing() {
        // given the highest limit the configuration allows, and a rambling question well within it
        String question = "When did Japan sign its IPCP with NATO? ".repeat(150);
        try (Engine generous = new Engine(config(20_000), embedder)) {
            generous.refresh(IndexProgress.SILENT);

            // when
            Answer answer = generous.answers().ask(question, SearchFilter.NONE);

            // then
            assertEquals(question.strip(), answer.question());
            assertEquals("", citationCheck.problem(answer));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n\t"})
    void anEmptyQuestionIsRejected(String question) {
        // when
        QuestionRejectedException e = assertThrows(QuestionRejectedException.class,
                () -> answers.ask(question, SearchFilter.NONE));

        // then
        assertFalse(e.getMessage().isBlank());
    }

    @Test
    void anOverLongOrEmptyTopicIsRejectedForABriefToo() {
        // when
        QuestionRejectedException tooLong = assertThrows(QuestionRejectedException.class,
                () -> answers.brief("Japan ".repeat(1000)));
        QuestionRejectedException empty = assertThrows(QuestionRejectedException.class, () -> answers.brief(" "));

        // then
        assertTrue(withoutGrouping(tooLong.getMessage()).contains(Integer.toString(engine.config()
                .maxQuestionChars())), tooLong.getMessage());
        assertFalse(empty.getMessage().isBlank());
    }

    @Test
    void aBriefOnOnePartnerSinceAYearIsGroupedByThemeWithACitedTimelineFromThatYear() {
        // when
        Answer answer = answers.brief("Japan-NATO cooperation since 2022");

        // then
        assertEquals(AnswerStatus.ANSWERED, answer.status(), answer.text());
        Brief brief = answer.brief().orElseThrow();
        assertFalse(brief.overview().isEmpty());
        assertTrue(brief.overview().size() <= 2, brief.overview().toString());
        assertEquals("theme", brief.groupedBy());
        assertFalse(brief.groups().isEmpty());
        assertFalse(brief.timeline().isEmpty());
        List<String> dates = brief.timeline().stream().map(Brief.TimelineEntry::date).toList();
        assertEquals(dates.stream().sorted().toList(), dates, "oldest first");
        for (Brief.TimelineEntry entry : brief.timeline()) {
            assertTrue(Integer.parseInt(entry.date().substring(0, 4)) >= 2022, entry.toString());
        }
        assertEveryLineIsCitedAndEveryCitationUsed(answer);
    }

    @Test
    void aBriefOnAllPartnersIsGroupedByPartner() {
        // when
        Answer answer = answers.brief("NATO's Indo-Pacific partners in Afghanistan");

        // then
        assertEquals(AnswerStatus.ANSWERED, answer.status(), answer.text());
        Brief brief = answer.brief().orElseThrow();
        assertEquals("partner", brief.groupedBy());
        assertFalse(brief.groups().isEmpty());
        for (Brief.Group group : brief.groups()) {
            assertTrue(PARTNERS.contains(group.label()), group.label());
            assertFalse(group.points().isEmpty(), group.label());
        }
        assertEquals(brief.groups().size(), brief.groups().stream().map(Brief.Group::label).distinct().count(),
                "one group per partner");
        assertEveryLineIsCitedAndEveryCitationUsed(answer);
    }

    @Test
    void aBriefRequestPhrasedAsASentenceIsAnsweredLikeTheBareTopic() {
        // when
        Answer answer = answers.brief("brief me on Japan-NATO cooperation since 2022");

        // then
        Brief brief = answer.brief().orElseThrow();
        assertEquals("theme", brief.groupedBy());
        assertTrue(brief.timeline().stream().allMatch(e -> Integer.parseInt(e.date().substring(0, 4)) >= 2022),
                brief.timeline().toString());
    }

    @Test
    void aBriefOnSomethingTheCorpusDoesNotCoverIsNotFound() {
        // when
        Answer answer = answers.brief("the best recipe for bibimbap");

        // then
        assertEquals(AnswerStatus.NOT_FOUND, answer.status(), answer.text());
        assertEquals(List.of(), answer.citations());
        assertTrue(answer.brief().isEmpty());
    }

    private static BotConfig config(int maxQuestionChars) {
        BotConfig defaults = BotConfig.fromEnvironment(Map.of());
        return new BotConfig(Path.of("corpus"), data, maxQuestionChars, defaults.maxFileMb(),
                defaults.embeddingThreads());
    }

    private static void assertEveryLineIsCitedAndEveryCitationUsed(Answer answer) {
        Brief brief = answer.brief().orElseThrow();
        List<String> lines = new ArrayList<>(brief.overview());
        brief.groups().forEach(g -> lines.addAll(g.points()));
        brief.timeline().forEach(e -> lines.add(e.text()));
        Set<Integer> used = new TreeSet<>();
        for (String line : lines) {
            Set<Integer> markers = markers(line);
            assertFalse(markers.isEmpty(), "uncited line: " + line);
            used.addAll(markers);
        }
        assertEquals(numbers(answer.citations()), used, "every citation is used in the brief's lines");
        assertEquals(used, markers(answer.text()));
        assertEquals("", citationCheck.problem(answer));
        answer.citations().forEach(AnswerServiceTest::assertSnippetIsInTheCitedPassage);
    }

    /** Stronger than the document check: the quoted text stands in one passage of that document and section. */
    private static void assertSnippetIsInTheCitedPassage(Citation citation) {
        for (String part : citation.snippet().split(" … ")) {
            String quoted = normalise(part);
            assertTrue(chunks.stream()
                            .filter(c -> c.path().equals(citation.source()) && c.heading().equals(citation.section()))
                            .anyMatch(c -> normalise(c.text()).contains(quoted)),
                    "[" + citation.n() + "] " + citation.source() + " / " + citation.section() + ": " + part);
        }
    }

    private static Set<Integer> markers(String text) {
        Set<Integer> out = new TreeSet<>();
        Matcher m = MARKER.matcher(text);
        while (m.find()) {
            out.add(Integer.parseInt(m.group(1)));
        }
        return out;
    }

    private static Set<Integer> numbers(List<Citation> citations) {
        return citations.stream().map(Citation::n).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String normalise(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    /** "1,000", "1.000" or "1 000" as the locale writes it, read as 1000. */
    private static String withoutGrouping(String message) {
        return message.replaceAll("(?<=\\d)[,.\\u00a0\\u202f ](?=\\d{3})", "");
    }
}
