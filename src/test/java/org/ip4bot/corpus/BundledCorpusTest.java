package org.ip4bot.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Holds the bundled corpus to the standards its README promises: size, provenance, own words. */
class BundledCorpusTest {

    private static final Path CORPUS = Path.of("corpus");
    private static final int SHARED_RUN = 7;

    @Test
    void everyNoteLoadsWithFullProvenanceAndTheCorpusIsLargeEnough() throws IOException {
        // given the bundled corpus
        CorpusScanner.ScanResult scan = new CorpusScanner(20L * 1024 * 1024).scan(CORPUS);
        DocumentReaders readers = new DocumentReaders();

        // when every note is read
        int totalWords = 0;
        for (CorpusEntry entry : scan.entries()) {
            SourceDocument doc = readers.read(entry);
            DocumentMetadata meta = doc.metadata();
            String text = Files.readString(entry.file());
            int words = text.split("\\s+").length;
            totalWords += words;

            // then each has the provenance the schema asks for and a sensible length
            assertEquals("ip4bot research notes", meta.publisher(), entry.path());
            assertTrue(meta.date().matches("\\d{4}-\\d{2}-\\d{2}"), entry.path() + " date " + meta.date());
            assertFalse(meta.sourceUrls().isEmpty(), entry.path() + " has no source_urls");
            assertFalse(meta.countries().isEmpty(), entry.path() + " has no countries");
            assertFalse(meta.topics().isEmpty(), entry.path() + " has no topics");
            assertTrue(words >= 400 && words <= 1200, entry.path() + " has " + words + " words");
            assertTrue(text.contains("\n## Sources"), entry.path() + " does not end with its sources");
        }
        assertTrue(scan.skipped().isEmpty(), "skipped: " + scan.skipped());
        assertTrue(scan.entries().size() >= 24, "only " + scan.entries().size() + " notes");
        assertTrue(totalWords >= 15_000, "only " + totalWords + " words");
    }

    @Test
    void noNoteSharesASevenWordRunWithTheSeedArticle() throws IOException {
        // given the seed article, which lives outside the repository and may be absent in a clone
        Path seeds = Path.of(System.getProperty("ip4bot.shared", "../shared")).resolve("seeds");
        assumeTrue(Files.isDirectory(seeds), "../shared/seeds is not here; nothing to compare against");
        Set<String> seedRuns = new HashSet<>();
        try (Stream<Path> files = Files.list(seeds)) {
            for (Path seed : files.toList()) {
                seedRuns.addAll(runs(Files.readString(seed)));
            }
        }
        assumeTrue(!seedRuns.isEmpty(), "the seed folder is empty");

        // when every note's word runs are compared with the seed's
        List<String> shared = new ArrayList<>();
        try (Stream<Path> notes = Files.walk(CORPUS)) {
            for (Path note : notes.filter(Files::isRegularFile).toList()) {
                for (String run : runs(Files.readString(note))) {
                    if (seedRuns.contains(run)) {
                        shared.add(CORPUS.relativize(note) + ": " + run);
                    }
                }
            }
        }

        // then none is shared
        assertEquals(List.of(), shared);
    }

    /** Every run of seven words, lower-cased, punctuation and web addresses left out. */
    private static Set<String> runs(String text) {
        String plain = text.replaceAll("https?://\\S+", " ").toLowerCase(Locale.ROOT)
                .replace("’", "").replace("'", "");
        String[] words = plain.split("[^\\p{L}\\p{N}]+");
        List<String> kept = new ArrayList<>();
        for (String w : words) {
            if (!w.isEmpty()) {
                kept.add(w);
            }
        }
        Set<String> out = new HashSet<>();
        for (int i = 0; i + SHARED_RUN <= kept.size(); i++) {
            out.add(String.join(" ", kept.subList(i, i + SHARED_RUN)));
        }
        return out;
    }
}
