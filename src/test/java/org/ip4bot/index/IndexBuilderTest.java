package org.ip4bot.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.ip4bot.Ip4botException;
import org.ip4bot.answer.Answer;
import org.ip4bot.answer.AnswerStatus;
import org.ip4bot.config.BotConfig;
import org.ip4bot.corpus.ChunkingSettings;
import org.ip4bot.corpus.CorpusScanner;
import org.ip4bot.corpus.DocumentReaders;
import org.ip4bot.corpus.SkippedFile;
import org.ip4bot.server.Engine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Incremental index builds over a small corpus, embedded with the real bge-small model (loaded once for the class)
 * behind a decorator that counts what is embedded.
 */
class IndexBuilderTest {

    private static final String JAPAN = "partners/japan.md";
    private static final String NEW_ZEALAND = "partners/new-zealand.md";
    private static final String KOREA = "partners/korea.md";
    private static final String EMPTY = "notes/empty.md";
    private static final String BROKEN_PDF = "reports/broken.pdf";
    private static final String NZ_QUESTION = "When did New Zealand sign its IPCP with NATO?";

    private static ExecutorService threads;
    private static Embedder bge;

    @TempDir
    Path corpus;

    @TempDir
    Path data;

    @TempDir
    Path fresh;

    private CountingEmbedder counting;

    @BeforeAll
    static void loadTheModelOnce() {
        threads = Executors.newFixedThreadPool(2);
        bge = new BgeSmallEmbedder(threads);
    }

    @AfterAll
    static void stopTheModelThreads() {
        threads.shutdownNow();
    }

    @BeforeEach
    void writeTheCorpus() {
        counting = new CountingEmbedder(bge);
        write(JAPAN, note("Japan and NATO", "Japan", """
                ## Dialogue

                Japan started a dialogue with NATO in the early 1990s. Japanese officials have met the North Atlantic \
                Council many times since then.

                ## Partnership programmes

                Japan signed an Individual Partnership and Cooperation Programme with NATO in 2014. Japan and NATO \
                agreed an Individually Tailored Partnership Programme on 12 July 2023 in Vilnius.

                ## Cyber defence

                Japan joined the NATO Cooperative Cyber Defence Centre of Excellence in Tallinn in 2019. Japanese \
                experts take part in the Locked Shields exercise.
                """));
        write(NEW_ZEALAND, note("New Zealand and NATO", "New Zealand", """
                ## Dialogue

                New Zealand opened a dialogue with NATO in 2001, after New Zealand personnel had served in \
                NATO-led operations in Bosnia and Herzegovina.

                ## Partnership programmes

                New Zealand signed an Individual Partnership and Cooperation Programme (IPCP) with NATO on 4 June \
                2012. New Zealand leaders have attended every NATO summit since Madrid in 2022.
                """));
        write(KOREA, note("The Republic of Korea and NATO", "Republic of Korea", """
                ## Dialogue

                The Republic of Korea opened a dialogue with NATO in 2005. The North Atlantic Council approved a \
                Korean mission to NATO on 26 September 2022.
                """));
        write(EMPTY, "");
        byte[] noise = new byte[2048];
        new Random(42).nextBytes(noise);
        write(BROKEN_PDF, noise);
    }

    @Test
    void firstBuildReportsDocumentsChunksAndEveryFileThatFailedWithItsReason() {
        // when
        IndexReport report = build(counting);

        // then
        assertFalse(report.upToDate());
        assertEquals(3, report.documents());
        assertEquals(Set.of(JAPAN, NEW_ZEALAND, KOREA), Set.copyOf(report.added()));
        assertEquals(List.of(), report.changed());
        assertEquals(List.of(), report.removed());
        Map<String, String> failed = reasons(report);
        assertEquals(Set.of(EMPTY, BROKEN_PDF), failed.keySet());
        assertTrue(failed.get(EMPTY).toLowerCase(Locale.ROOT).contains("empty"), failed.get(EMPTY));
        assertTrue(failed.get(BROKEN_PDF).toLowerCase(Locale.ROOT).contains("pdf"), failed.get(BROKEN_PDF));
        Map<String, Integer> chunks = chunksPerDocument();
        assertEquals(Set.of(JAPAN, NEW_ZEALAND, KOREA), chunks.keySet());
        int total = chunks.values().stream().mapToInt(Integer::intValue).sum();
        assertTrue(chunks.get(JAPAN) >= 2, "each section of the Japan note is its own chunk: " + chunks);
        assertEquals(total, report.chunks());
        assertEquals(total, report.embedded());
        assertEquals(total, counting.passages.get(), "every chunk is embedded exactly once");
        assertTrue(report.summary().contains(BROKEN_PDF), report.summary());
    }

    @Test
    void progressEndsWithEveryFileReadAndEveryChunkEmbedded() {
        // given
        List<int[]> updates = new ArrayList<>();
        IndexProgress recording = (files, totalFiles, chunks, embedded, perSecond) ->
                updates.add(new int[] {files, totalFiles, chunks, embedded});

        // when
        IndexReport report = builder(counting, ChunkingSettings.DEFAULT, data).build(corpus, recording);

        // then
        assertFalse(updates.isEmpty());
        int[] last = updates.get(updates.size() - 1);
        assertEquals(last[1], last[0], "all files done");
        assertEquals(4, last[1], "the three notes and the corrupt PDF are read; the empty file is skipped unread");
        assertEquals(report.chunks(), last[2]);
        assertEquals(report.chunks(), last[3]);
        for (int i = 1; i < updates.size(); i++) {
            assertTrue(updates.get(i)[3] >= updates.get(i - 1)[3], "embedded never goes back");
        }
    }

    @Test
    void aSecondBuildOverAnUnchangedCorpusEmbedsNothingAndReportsUpToDate() {
        // given
        IndexReport first = build(counting);
        counting.passages.set(0);

        // when
        IndexReport second = build(counting);

        // then
        assertTrue(second.upToDate());
        assertEquals(0, counting.passages.get());
        assertEquals(0, second.embedded());
        assertEquals(first.corpusVersion(), second.corpusVersion());
        assertEquals(first.documents(), second.documents());
        assertEquals(first.chunks(), second.chunks());
        assertEquals(List.of(), second.added());
        assertEquals(List.of(), second.changed());
        assertEquals(List.of(), second.removed());
        assertEquals(Set.of(EMPTY, BROKEN_PDF), reasons(second).keySet(), "broken files are still reported");
    }

    @Test
    void changingOneFileReEmbedsOnlyThatFilesChunksAndReportsItChanged() {
        // given
        build(counting);
        append(JAPAN, "\n## Maritime security\n\nThe Japan Maritime Self-Defense Force exercised with a NATO "
                + "maritime group in the Gulf of Aden in September 2014.\n");
        counting.passages.set(0);

        // when
        IndexReport report = build(counting);

        // then
        assertFalse(report.upToDate());
        assertEquals(List.of(JAPAN), report.changed());
        assertEquals(List.of(), report.added());
        assertEquals(List.of(), report.removed());
        assertEquals(2, report.unchanged());
        int japanChunks = chunksPerDocument().get(JAPAN);
        assertEquals(japanChunks, counting.passages.get(), "only the Japan note is embedded again");
        assertEquals(japanChunks, report.embedded());
        assertTrue(allChunkTexts().stream().anyMatch(t -> t.contains("Gulf of Aden")), "the new text is searchable");
    }

    @Test
    void deletingAFileReportsItRemovedAndDropsItsChunksWithoutEmbeddingAnything() throws IOException {
        // given
        IndexReport first = build(counting);
        int koreaChunks = chunksPerDocument().get(KOREA);
        Files.delete(corpus.resolve(KOREA));
        counting.passages.set(0);

        // when
        IndexReport report = build(counting);

        // then
        assertEquals(List.of(KOREA), report.removed());
        assertEquals(2, report.documents());
        assertEquals(first.chunks() - koreaChunks, report.chunks());
        assertEquals(0, counting.passages.get());
        assertFalse(chunksPerDocument().containsKey(KOREA));
        assertNotEquals(first.corpusVersion(), report.corpusVersion());
    }

    @Test
    void anIncrementalReloadHoldsExactlyWhatAWholeBuildWouldAndLeavesTheServingSnapshotAlone() {
        // given a serving snapshot of the first build
        build(counting);
        String oldJapanText = String.join(" ", textsOf(JAPAN));
        try (IndexSnapshot serving = new IndexStore(data).open().orElseThrow()) {
            append(JAPAN, "\n## Maritime security\n\nThe Japan Maritime Self-Defense Force exercised with a NATO "
                    + "maritime group in the Gulf of Aden in September 2014.\n");
            Files.delete(corpus.resolve(KOREA));

            // when the reload starts from the serving generation's segments
            IndexReport report = build(counting);

            // then the new generation matches a build from nothing, chunk for chunk
            IndexReport whole = builder(bge, ChunkingSettings.DEFAULT, fresh).build(corpus, IndexProgress.SILENT);
            assertEquals(whole.chunks(), report.chunks());
            assertEquals(whole.corpusVersion(), report.corpusVersion());
            try (IndexSnapshot rebuilt = new IndexStore(fresh).open().orElseThrow()) {
                assertEquals(idsAndTexts(rebuilt), idsAndTexts(new IndexStore(data)));
            }
            // and the snapshot opened before the reload still reads the old text, Korea included
            List<ScoredChunk> old = serving.allChunks();
            assertTrue(old.stream().noneMatch(c -> c.chunk().text().contains("Gulf of Aden")));
            assertTrue(old.stream().anyMatch(c -> c.chunk().path().equals(KOREA)));
            assertEquals(oldJapanText, String.join(" ", old.stream().filter(c -> c.chunk().path().equals(JAPAN))
                    .map(c -> c.chunk().text()).toList()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void afterAnIncrementalReloadEveryHitsCosineFromTheVectorIndexMatchesItsStoredVector() {
        // given an index of several segments, with deleted chunks among them
        build(counting);
        append(JAPAN, "\nJapan also took part in the NATO Defence Ministers' meeting in 2024.\n");
        append(KOREA, "\nThe Republic of Korea joined the Cyber Defence Centre of Excellence in May 2022.\n");
        build(counting);
        float[] query = bge.embedQuery(NZ_QUESTION);

        try (IndexSnapshot snapshot = new IndexStore(data).open().orElseThrow()) {
            // when
            List<SearchHit> hits = new ArrayList<>(snapshot.vectorHits(query, SearchFilter.NONE, 50));
            hits.addAll(snapshot.keywordHits(new TextQuery("Japan Korea defence", List.of()), SearchFilter.NONE, 50));
            float[] cosines = snapshot.cosines(hits, query);

            // then
            List<ScoredChunk> loaded = snapshot.allChunks();
            for (int i = 0; i < hits.size(); i++) {
                String id = snapshot.chunk(hits.get(i)).id();
                ScoredChunk stored = loaded.stream().filter(c -> c.chunk().id().equals(id)).findFirst().orElseThrow();
                assertEquals(stored.similarityTo(query), cosines[i], 1e-5, id);
            }
            assertEquals(chunksPerDocument().values().stream().mapToInt(Integer::intValue).sum(),
                    snapshot.vectorHits(query, SearchFilter.NONE, 1_000).size(), "deleted chunks are never hits");
        }
    }

    @Test
    void aDamagedLastGenerationIsRebuiltWholeInsteadOfFailingEveryReload() throws IOException {
        // given a last generation whose commit point is garbage
        IndexReport first = build(counting);
        Path generation = data.resolve(new IndexStore(data).manifests().read().orElseThrow().indexDirectory());
        try (var files = Files.list(generation)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("segments_")).toList()) {
                Files.write(file, "not a commit point".getBytes(StandardCharsets.US_ASCII));
            }
        }
        append(JAPAN, "\nJapan also took part in the NATO Defence Ministers' meeting in 2024.\n");
        counting.passages.set(0);

        // when
        IndexReport report = build(counting);

        // then every chunk is embedded again and every document is back
        assertEquals(report.chunks(), counting.passages.get());
        assertEquals(first.documents(), report.documents());
        assertEquals(Set.of(JAPAN, NEW_ZEALAND, KOREA), chunksPerDocument().keySet());
    }

    @Test
    void theCorpusVersionChangesWithTheContentAndIsStableOtherwise() {
        // given
        String original = build(counting).corpusVersion();

        // when
        String rebuilt = build(counting).corpusVersion();
        String elsewhere = builder(counting, ChunkingSettings.DEFAULT, data.resolve("other")).build(corpus,
                IndexProgress.SILENT).corpusVersion();
        append(NEW_ZEALAND, "\nNew Zealand also contributed to the Resolute Support mission.\n");
        String edited = build(counting).corpusVersion();
        write(NEW_ZEALAND, read(NEW_ZEALAND).replace("\nNew Zealand also contributed to the Resolute Support "
                + "mission.\n", ""));
        String reverted = build(counting).corpusVersion();

        // then
        assertEquals(original, rebuilt);
        assertEquals(original, elsewhere, "the version depends on the corpus, not on where the index is kept");
        assertNotEquals(original, edited);
        assertEquals(original, reverted);
    }

    @Test
    void aBrokenFileDoesNotChangeTheCorpusVersion() {
        // given
        String before = build(counting).corpusVersion();
        byte[] noise = new byte[512];
        new Random(7).nextBytes(noise);
        write("reports/another-broken.pdf", noise);

        // when
        IndexReport report = build(counting);

        // then
        assertEquals(before, report.corpusVersion());
        assertTrue(reasons(report).containsKey("reports/another-broken.pdf"));
    }

    @Test
    void switchingTheEmbeddingModelReEmbedsEveryChunk() {
        // given
        IndexReport first = build(counting);
        counting.passages.set(0);

        // when
        IndexReport second = build(new RenamedEmbedder(counting, "another-model-v2"));

        // then
        assertFalse(second.upToDate());
        assertEquals(first.chunks(), counting.passages.get());
        assertEquals(second.chunks(), second.embedded());
        assertEquals("another-model-v2", new IndexStore(data).manifest().orElseThrow().model());
    }

    @Test
    void changingTheChunkingSettingsReEmbedsEveryChunk() {
        // given
        build(counting);
        counting.passages.set(0);
        ChunkingSettings smaller = new ChunkingSettings(5, 20, 0);

        // when
        IndexReport report = builder(counting, smaller, data).build(corpus, IndexProgress.SILENT);

        // then
        assertFalse(report.upToDate());
        assertEquals(report.chunks(), counting.passages.get());
        assertEquals(report.chunks(), report.embedded());
        assertEquals(smaller.fingerprint(), new IndexStore(data).manifest().orElseThrow().chunking());
    }

    @Test
    void identicalCopiesOfANoteKeepOneSetOfChunksEachAcrossRebuilds() {
        // given two files with the same content, and a rebuild caused by a third file
        write("partners/new-zealand-copy.md", read(NEW_ZEALAND));
        IndexReport first = build(counting);
        int perCopy = chunksPerDocument().get(NEW_ZEALAND);
        int koreaBefore = chunksPerDocument().get(KOREA);
        append(KOREA, "\nThe Republic of Korea joined the Cyber Defence Centre of Excellence in May 2022.\n");

        // when
        IndexReport second = build(counting);
        Map<String, Integer> chunks = chunksPerDocument();

        // then
        assertEquals(perCopy, chunks.get(NEW_ZEALAND), "chunks per document: " + chunks);
        assertEquals(perCopy, chunks.get("partners/new-zealand-copy.md"), "chunks per document: " + chunks);
        assertEquals(first.chunks() - koreaBefore + chunks.get(KOREA), second.chunks());
        List<String> ids = allChunkIds();
        assertEquals(ids.size(), new HashSet<>(ids).size(), "chunk ids are unique: " + ids);
    }

    @Test
    void aBuildWhereEveryFileIsBrokenFailsAndThePreviousIndexKeepsServing() throws IOException {
        // given an engine serving the good corpus
        BotConfig config = BotConfig.fromEnvironment(Map.of()).withCorpusDir(corpus).withDataDir(data);
        try (Engine engine = new Engine(config, counting)) {
            String served = engine.refresh(IndexProgress.SILENT).corpusVersion();
            for (String note : List.of(JAPAN, NEW_ZEALAND, KOREA)) {
                Files.delete(corpus.resolve(note));
            }
            write("partners/japan.pdf", "%PDF-1.7 this is not really a PDF".getBytes(StandardCharsets.US_ASCII));

            // when
            Ip4botException failure = assertThrows(Ip4botException.class,
                    () -> engine.refresh(IndexProgress.SILENT));

            // then
            assertTrue(failure.getMessage().contains("partners/japan.pdf"), failure.getMessage());
            Answer answer = engine.answers().ask(NZ_QUESTION, SearchFilter.NONE);
            assertEquals(served, answer.corpusVersion());
            assertEquals(AnswerStatus.ANSWERED, answer.status(), answer.text());
            assertTrue(answer.text().contains("2012"), answer.text());
            try (IndexSnapshot reopened = new IndexStore(data).open().orElseThrow()) {
                assertEquals(served, reopened.corpusVersion());
                assertEquals(Set.of(JAPAN, NEW_ZEALAND, KOREA), reopened.allChunks().stream()
                        .map(c -> c.chunk().path()).collect(Collectors.toSet()));
            }
        }
    }

    private IndexReport build(Embedder embedder) {
        return builder(embedder, ChunkingSettings.DEFAULT, data).build(corpus, IndexProgress.SILENT);
    }

    private static IndexBuilder builder(Embedder embedder, ChunkingSettings chunking, Path dataDir) {
        return new IndexBuilder(new CorpusScanner(20L * 1024 * 1024), new DocumentReaders(), chunking, embedder,
                new IndexStore(dataDir));
    }

    private Map<String, Integer> chunksPerDocument() {
        try (IndexSnapshot snapshot = new IndexStore(data).open().orElseThrow()) {
            return snapshot.allChunks().stream().collect(Collectors.groupingBy(c -> c.chunk().path(),
                    Collectors.summingInt(c -> 1)));
        }
    }

    private List<String> textsOf(String path) {
        try (IndexSnapshot snapshot = new IndexStore(data).open().orElseThrow()) {
            return snapshot.allChunks().stream().filter(c -> c.chunk().path().equals(path))
                    .map(c -> c.chunk().text()).toList();
        }
    }

    private static Map<String, String> idsAndTexts(IndexStore store) {
        try (IndexSnapshot snapshot = store.open().orElseThrow()) {
            return idsAndTexts(snapshot);
        }
    }

    private static Map<String, String> idsAndTexts(IndexSnapshot snapshot) {
        return snapshot.allChunks().stream().collect(Collectors.toMap(c -> c.chunk().id(), c -> c.chunk().text()));
    }

    private List<String> allChunkTexts() {
        try (IndexSnapshot snapshot = new IndexStore(data).open().orElseThrow()) {
            return snapshot.allChunks().stream().map(c -> c.chunk().text()).toList();
        }
    }

    private List<String> allChunkIds() {
        try (IndexSnapshot snapshot = new IndexStore(data).open().orElseThrow()) {
            return snapshot.allChunks().stream().map(c -> c.chunk().id()).toList();
        }
    }

    private static Map<String, String> reasons(IndexReport report) {
        return report.failed().stream().collect(Collectors.toMap(SkippedFile::path, SkippedFile::reason));
    }

    private static String note(String title, String country, String body) {
        return "---\ntitle: \"" + title + "\"\npublisher: ip4bot test notes\ndate: 2025-07-01\ncountries: ["
                + country + "]\ntopics: [partnership]\n---\n\n# " + title + "\n\n" + body;
    }

    private void write(String relativePath, String content) {
        write(relativePath, content.getBytes(StandardCharsets.UTF_8));
    }

    private void write(String relativePath, byte[] content) {
        try {
            Path file = corpus.resolve(relativePath);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void append(String relativePath, String text) {
        write(relativePath, read(relativePath) + text);
    }

    private String read(String relativePath) {
        try {
            return Files.readString(corpus.resolve(relativePath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Counts the passages sent to the model, so a test can tell what a build really embedded. */
    static final class CountingEmbedder implements Embedder {
        final AtomicInteger passages = new AtomicInteger();
        private final Embedder delegate;

        CountingEmbedder(Embedder delegate) {
            this.delegate = delegate;
        }

        @Override
        public String modelName() {
            return delegate.modelName();
        }

        @Override
        public float[] embedQuery(String query) {
            return delegate.embedQuery(query);
        }

        @Override
        public List<float[]> embedPassages(List<String> texts) {
            passages.addAndGet(texts.size());
            return delegate.embedPassages(texts);
        }
    }

    /** The same vectors under another model name, as after an upgrade of the model. */
    record RenamedEmbedder(Embedder delegate, String modelName) implements Embedder {

        @Override
        public float[] embedQuery(String query) {
            return delegate.embedQuery(query);
        }

        @Override
        public List<float[]> embedPassages(List<String> texts) {
            return delegate.embedPassages(texts);
        }
    }
}
