package org.ip4bot.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import org.ip4bot.corpus.Chunk;
import org.ip4bot.corpus.Chunker;
import org.ip4bot.corpus.ChunkingSettings;
import org.ip4bot.corpus.CorpusEntry;
import org.ip4bot.corpus.DocumentReaders;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The synthetic corpus generator, over chunks of the bundled corpus with stand-in vectors (no model needed). */
class SyntheticCorpusTest {

    private static final List<String> NOTES = List.of("partners/japan.md", "partners/new-zealand.md",
            "summits/madrid-2022.md", "summits/washington-2024.md", "cooperation/cyber-defence.md");
    private static final int DIMENSIONS = 384;

    private static List<RealPassage> real;

    @TempDir
    Path dir;

    @BeforeAll
    static void readSomeRealChunks() {
        DocumentReaders readers = new DocumentReaders();
        Chunker chunker = new Chunker(ChunkingSettings.DEFAULT);
        SplittableRandom random = new SplittableRandom(7);
        List<RealPassage> passages = new ArrayList<>();
        for (String note : NOTES) {
            Path file = Path.of("corpus", note).toAbsolutePath();
            for (Chunk chunk : chunker.chunk(readers.read(new CorpusEntry(note, file, "hash", 0)))) {
                passages.add(RealPassage.of(chunk, unitVector(random)));
            }
        }
        real = passages;
    }

    @Test
    void theSameSeedGivesTheSameNotesAndVectors() {
        // given
        SyntheticCorpus first = new SyntheticCorpus(real, 42);
        SyntheticCorpus second = new SyntheticCorpus(real, 42);
        SyntheticCorpus otherSeed = new SyntheticCorpus(real, 43);

        for (int n = 0; n < 5; n++) {
            // when
            SyntheticCorpus.Note a = first.note(n, 30);
            SyntheticCorpus.Note b = second.note(n, 30);

            // then
            assertEquals(a.markdown(), b.markdown());
            assertEquals(a.path(), b.path());
            assertNotEquals(a.markdown(), otherSeed.note(n, 30).markdown());
            SyntheticCorpus.Recipe recipe = a.recipes().values().iterator().next();
            float[] v1 = first.vector(recipe, a.path() + "#0");
            float[] v2 = second.vector(recipe, b.path() + "#0");
            assertEquals(java.util.Arrays.toString(v1), java.util.Arrays.toString(v2));
            assertEquals(1.0, norm(v1), 1e-4);
        }
    }

    @Test
    void generatedChunksAreOnePerSectionAllDifferentAndRarelyNearDuplicates() throws IOException {
        // given
        SyntheticCorpus generator = new SyntheticCorpus(real, 42);
        DocumentReaders readers = new DocumentReaders();
        Chunker chunker = new Chunker(ChunkingSettings.DEFAULT);
        List<String> texts = new ArrayList<>();

        // when: ten notes of 30 sections go through the real reader and chunker
        for (int n = 0; n < 10; n++) {
            SyntheticCorpus.Note note = generator.note(n, 30);
            Path file = dir.resolve("note-" + n + ".md");
            Files.writeString(file, note.markdown(), StandardCharsets.UTF_8);
            List<Chunk> chunks = chunker.chunk(readers.read(new CorpusEntry(note.path(), file, "h" + n, 0)));
            assertEquals(30, chunks.size(), "one chunk per section in " + note.path());
            for (Chunk chunk : chunks) {
                assertTrue(note.recipes().containsKey(chunk.heading()), "no recipe for heading " + chunk.heading());
                texts.add(chunk.text());
            }
        }

        // then
        assertEquals(300, texts.size());
        assertEquals(300, new HashSet<>(texts).size(), "two generated chunks are identical");
        double share = NearDuplicateAudit.share(texts);
        assertTrue(share < 0.02, "near-duplicate share " + share);
        assertTrue(texts.stream().allMatch(t -> RealPassage.words(t) <= 350), "a chunk is over 350 words");
    }

    @Test
    void theAuditFindsNearDuplicatesWhenThereAreSome() {
        // given: the same passage twice with one word changed, and an unrelated one
        String text = real.get(0).sentences().stream().reduce((a, b) -> a + " " + b).orElseThrow();
        String edited = text.replaceFirst("\\b(\\w+)\\b", "Meanwhile");
        String other = real.get(real.size() - 1).sentences().stream().reduce((a, b) -> a + " " + b).orElseThrow();

        // when
        double share = NearDuplicateAudit.share(List.of(text, edited, other));

        // then
        assertEquals(2.0 / 3, share, 1e-9);
    }

    private static float[] unitVector(SplittableRandom random) {
        float[] v = new float[DIMENSIONS];
        double norm = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (random.nextDouble() - 0.5);
            norm += v[i] * v[i];
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }

    private static double norm(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        return Math.sqrt(sum);
    }
}
