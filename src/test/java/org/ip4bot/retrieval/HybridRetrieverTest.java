package org.ip4bot.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ip4bot.config.BotConfig;
import org.ip4bot.corpus.Chunk;
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

/** Hybrid retrieval over the real corpus; the model is loaded and the corpus embedded once for the class. */
class HybridRetrieverTest {

    private static final Path CORPUS = Path.of("corpus");
    private static final String BROAD = "How does NATO cooperate with its Indo-Pacific partners?";

    @TempDir
    static Path data;

    private static ExecutorService threads;
    private static Embedder embedder;
    private static Engine engine;

    @BeforeAll
    static void indexTheRealCorpus() {
        threads = Executors.newFixedThreadPool(2);
        embedder = new BgeSmallEmbedder(threads);
        engine = new Engine(config(CORPUS, data), embedder);
        engine.refresh(IndexProgress.SILENT);
    }

    @AfterAll
    static void close() {
        engine.close();
        threads.shutdownNow();
    }

    @Test
    void findsTheNewZealandNoteOrTheChronologyForAParaphrasedQuestion() {
        // when
        Retrieval retrieval = hybrid().retrieve("When did New Zealand first start talking to NATO?",
                SearchFilter.NONE, 5);

        // then
        String top = retrieval.passages().get(0).chunk().path();
        assertTrue(Set.of("partners/new-zealand.md", "reference/chronology.md").contains(top), paths(retrieval));
        assertTrue(retrieval.passages().stream().anyMatch(p -> p.chunk().text().contains("2001")),
                "the year of the first dialogue is in the top passages: " + paths(retrieval));
    }

    @Test
    void passagesAreNumberedFromOneAndCarryTheServingCorpusVersion() {
        // when
        Retrieval retrieval = hybrid().retrieve(BROAD, SearchFilter.NONE, 8);

        // then
        List<Passage> passages = retrieval.passages();
        assertEquals(8, passages.size());
        for (int i = 0; i < passages.size(); i++) {
            assertEquals(i + 1, passages.get(i).rank());
        }
        assertEquals(engine.snapshot().corpusVersion(), retrieval.corpusVersion());
    }

    @Test
    void anAcronymRetrievesPassagesAboutTheNamedPartner() {
        // when
        Retrieval retrieval = hybrid().retrieve("ROK mission to NATO", SearchFilter.NONE, 5);

        // then
        assertTrue(retrieval.passages().stream().anyMatch(p -> p.chunk().text().contains("Republic of Korea")),
                paths(retrieval));
        assertTrue(retrieval.queryTerms().keySet().containsAll(engine.snapshot().analyze("Republic of Korea")),
                "the long form's terms count as query terms: " + retrieval.queryTerms());
    }

    @Test
    void keywordSearchForAnAcronymFindsAPassageThatOnlySpellsTheNameOut() {
        // given a passage that says "Republic of Korea" but never "ROK" or "South Korea"
        Chunk spelledOut = engine.snapshot().allChunks().stream().map(ScoredChunk::chunk)
                .filter(c -> c.text().contains("Republic of Korea"))
                .filter(c -> Stream.of("ROK", "South Korea", "S. Korea")
                        .noneMatch(n -> (c.metadata().title() + c.heading() + c.text()).contains(n)))
                .findFirst().orElseThrow();

        // when only keywords count, within that passage's document
        Retrieval retrieval = engine.retriever(RetrievalMode.KEYWORD).retrieve("ROK",
                documents(spelledOut.path()), 50);

        // then
        assertTrue(retrieval.passages().stream().anyMatch(p -> p.chunk().id().equals(spelledOut.id())),
                spelledOut.id() + " is found only through the alias 'Republic of Korea': " + paths(retrieval));
    }

    @Test
    void anAcronymIsNotAnUnknownTerm() {
        // when
        Retrieval retrieval = hybrid().retrieve("ROK mission to NATO", SearchFilter.NONE, 5);

        // then
        assertEquals(List.of(), retrieval.unknownTerms());
    }

    @Test
    void wordsTheCorpusHasNeverSeenAreReportedUnknown() {
        // when
        Retrieval retrieval = hybrid().retrieve("What is the best recipe for bibimbap?", SearchFilter.NONE, 5);

        // then
        assertTrue(retrieval.unknownTerms().stream().anyMatch(t -> t.startsWith("bibimbap")),
                retrieval.unknownTerms().toString());
        assertTrue(retrieval.unknownShare() > 0, "unknown share " + retrieval.unknownShare());
    }

    @Test
    void nearDuplicatePassagesAreCollapsed(@TempDir Path copy, @TempDir Path copyData) throws IOException {
        // given the corpus plus a second copy of the New Zealand note, indexed from a copy of the data directory so
        // nothing needs embedding again
        copyTree(CORPUS, copy);
        Files.copy(CORPUS.resolve("partners/new-zealand.md"), copy.resolve("partners/new-zealand-2025-copy.md"));
        copyTree(data, copyData);
        try (Engine duplicated = new Engine(config(copy, copyData), embedder)) {
            duplicated.refresh(IndexProgress.SILENT);
            Map<String, Long> textCounts = duplicated.snapshot().allChunks().stream()
                    .collect(Collectors.groupingBy(c -> c.chunk().text(), Collectors.counting()));
            assertTrue(textCounts.values().stream().anyMatch(n -> n > 1), "the copy puts identical chunks in the index");

            for (String question : List.of("When did New Zealand sign its IPCP?",
                    "When did New Zealand first start talking to NATO?", "New Zealand nuclear-free policy and the ITPP",
                    BROAD)) {
                // when
                Retrieval retrieval = duplicated.retriever(RetrievalMode.HYBRID).retrieve(question,
                        SearchFilter.NONE, 8);

                // then
                List<String> texts = retrieval.passages().stream().map(p -> p.chunk().text()).toList();
                assertEquals(texts.size(), new HashSet<>(texts).size(),
                        "identical passages for '" + question + "': " + paths(retrieval));
            }
        }
    }

    @Test
    void noDocumentPlacesMoreThanTwoPassagesInTheTopFive() {
        for (String question : List.of(BROAD, "Tell me about Japan and NATO",
                "What did the Washington summit in 2024 say about the Indo-Pacific partners?")) {
            // when
            Retrieval retrieval = hybrid().retrieve(question, SearchFilter.NONE, 5);

            // then
            Map<String, Long> perDocument = retrieval.passages().stream()
                    .collect(Collectors.groupingBy(p -> p.chunk().path(), Collectors.counting()));
            assertTrue(perDocument.values().stream().allMatch(n -> n <= 2), question + ": " + perDocument);
        }
    }

    @Test
    void aLongDocumentStillFillsTheListWhenOthersRunOut() {
        // given only one document is allowed
        SearchFilter japanOnly = documents("japan.md");

        // when
        Retrieval retrieval = hybrid().retrieve("Japan and NATO", japanOnly, 5);

        // then
        long japanChunks = engine.snapshot().allChunks().stream()
                .filter(c -> c.chunk().path().equals("partners/japan.md")).count();
        assertEquals(Math.min(5, japanChunks), retrieval.passages().size(),
                "the per-document cap reorders, it does not drop: " + paths(retrieval));
    }

    @Test
    void aCountryFilterReturnsOnlyChunksOfDocumentsAboutThatCountry() {
        // given a question about another partner
        String question = "When did Japan agree its ITPP with NATO?";

        // when
        Retrieval unfiltered = hybrid().retrieve(question, SearchFilter.NONE, 8);
        Retrieval filtered = hybrid().retrieve(question, SearchFilter.country("New Zealand"), 8);

        // then
        assertTrue(unfiltered.passages().stream()
                        .anyMatch(p -> !p.chunk().metadata().countries().contains("New Zealand")),
                "without the filter other documents rank: " + paths(unfiltered));
        assertFalse(filtered.passages().isEmpty());
        for (Passage p : filtered.passages()) {
            assertTrue(p.chunk().metadata().countries().contains("New Zealand"),
                    p.chunk().path() + " has countries " + p.chunk().metadata().countries());
        }
    }

    @Test
    void aCountryFilterIgnoresCase() {
        // when
        Retrieval lower = hybrid().retrieve("ITPP", SearchFilter.country("new zealand"), 8);

        // then
        assertFalse(lower.passages().isEmpty());
        assertTrue(lower.passages().stream().allMatch(p -> p.chunk().metadata().countries().contains("New Zealand")),
                paths(lower));
    }

    @Test
    void aDocumentFilterByFileNameOrPathRestrictsToThatDocument() {
        for (String name : List.of("new-zealand.md", "partners/new-zealand.md")) {
            // when
            Retrieval retrieval = hybrid().retrieve("When did Japan agree its ITPP with NATO?", documents(name), 8);

            // then
            assertFalse(retrieval.passages().isEmpty(), name);
            assertTrue(retrieval.passages().stream().allMatch(p -> p.chunk().path().equals("partners/new-zealand.md")),
                    name + ": " + paths(retrieval));
        }
    }

    @Test
    void theLimitCapsTheNumberOfPassages() {
        // when
        Retrieval retrieval = hybrid().retrieve(BROAD, SearchFilter.NONE, 3);

        // then
        assertEquals(3, retrieval.passages().size());
    }

    private static Retriever hybrid() {
        return engine.retriever(RetrievalMode.HYBRID);
    }

    private static SearchFilter documents(String... names) {
        return new SearchFilter(Set.of(), Optional.empty(), Optional.empty(), Set.of(names));
    }

    private static String paths(Retrieval retrieval) {
        return retrieval.passages().stream().map(p -> p.chunk().id()).toList().toString();
    }

    private static BotConfig config(Path corpus, Path dataDir) {
        return BotConfig.fromEnvironment(Map.of()).withCorpusDir(corpus).withDataDir(dataDir);
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
