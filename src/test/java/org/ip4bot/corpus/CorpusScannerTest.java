package org.ip4bot.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.ip4bot.Ip4botException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusScannerTest {

    private static final long TWENTY_MB = 20L * 1024 * 1024;

    @TempDir
    Path corpus;

    @Test
    void listsSupportedFilesAtAnyDepthSortedByPathWithTheirHashes() {
        // given
        Fixtures.write(corpus, "partners/japan.md", "# Japan\n\nText.");
        Fixtures.write(corpus, "australia.txt", "Text.");
        Fixtures.write(corpus, "deep/er/still/korea.HTML", "<p>Text.</p>");

        // when
        CorpusScanner.ScanResult result = new CorpusScanner(TWENTY_MB).scan(corpus);

        // then
        assertEquals(List.of("australia.txt", "deep/er/still/korea.HTML", "partners/japan.md"),
                result.entries().stream().map(CorpusEntry::path).toList());
        CorpusEntry japan = result.entries().get(2);
        assertEquals(CorpusScanner.sha256("# Japan\n\nText.".getBytes(StandardCharsets.UTF_8)), japan.contentHash());
        assertEquals(64, japan.contentHash().length());
        assertEquals(14, japan.sizeBytes());
        assertTrue(japan.file().isAbsolute());
        assertEquals(List.of(), result.skipped());
    }

    @Test
    void reportsEmptyAndUnsupportedFilesWithReasonsAndStillListsTheOthers() {
        // given
        Fixtures.write(corpus, "good.md", "Some text.");
        Fixtures.write(corpus, "empty.txt", "");
        Fixtures.write(corpus, "blank.md", "  \n\t\n");
        Fixtures.write(corpus, "brief.docx", "PK binary");
        Fixtures.write(corpus, "README", "no extension");

        // when
        CorpusScanner.ScanResult result = new CorpusScanner(TWENTY_MB).scan(corpus);

        // then
        assertEquals(List.of("good.md"), result.entries().stream().map(CorpusEntry::path).toList());
        Map<String, String> reasons = reasons(result);
        assertEquals("empty file", reasons.get("empty.txt"));
        assertEquals("empty file", reasons.get("blank.md"));
        assertEquals("unsupported file type '.docx'; supported: .md, .markdown, .txt, .html, .htm, .pdf",
                reasons.get("brief.docx"));
        assertTrue(reasons.get("README").startsWith("unsupported file type (no extension)"), reasons.get("README"));
        assertEquals(List.of("README", "blank.md", "brief.docx", "empty.txt"),
                result.skipped().stream().map(SkippedFile::path).toList());
    }

    @Test
    void skipsAFileOverTheSizeLimitSayingHowToFixIt() {
        // given a 2.5 MB file and a 2 MB limit
        Fixtures.write(corpus, "huge.txt", "word ".repeat(524_288).getBytes(StandardCharsets.US_ASCII));
        Fixtures.write(corpus, "small.txt", "Fine.");

        // when
        CorpusScanner.ScanResult result = new CorpusScanner(2L * 1024 * 1024).scan(corpus);

        // then
        assertEquals(List.of("small.txt"), result.entries().stream().map(CorpusEntry::path).toList());
        assertEquals("file is 2.5 MB, over the 2.0 MB limit; split it or raise IP4BOT_MAX_FILE_MB",
                reasons(result).get("huge.txt"));
    }

    @Test
    void ignoresHiddenFilesAndFolders() {
        // given
        Fixtures.write(corpus, ".git/config", "[core]");
        Fixtures.write(corpus, ".DS_Store", "junk");
        Fixtures.write(corpus, "notes/.draft.md", "Draft.");
        Fixtures.write(corpus, "notes/kept.md", "Kept.");

        // when
        CorpusScanner.ScanResult result = new CorpusScanner(TWENTY_MB).scan(corpus);

        // then
        assertEquals(List.of("notes/kept.md"), result.entries().stream().map(CorpusEntry::path).toList());
        assertEquals(List.of(), result.skipped());
    }

    @Test
    void reportsSymbolicLinksInsteadOfFollowingThem(@TempDir Path elsewhere) {
        // given
        Path target = Fixtures.write(elsewhere, "japan.md", "Text.");
        try {
            Files.createSymbolicLink(corpus.resolve("linked.md"), target);
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.abort("symbolic links not available: " + e);
        }

        // when
        CorpusScanner.ScanResult result = new CorpusScanner(TWENTY_MB).scan(corpus);

        // then
        assertEquals(List.of(), result.entries());
        assertTrue(reasons(result).get("linked.md").startsWith("symbolic link, not followed"));
    }

    @Test
    void givesTheSameResultOnEveryScan() {
        // given
        for (String name : List.of("b.md", "a/c.txt", "a/b.md", "z.pdf.docx", "c.htm")) {
            Fixtures.write(corpus, name, "Text of " + name + ".");
        }
        CorpusScanner scanner = new CorpusScanner(TWENTY_MB);

        // when / then
        assertEquals(scanner.scan(corpus), scanner.scan(corpus));
        assertEquals(List.of("a/b.md", "a/c.txt", "b.md", "c.htm"),
                scanner.scan(corpus).entries().stream().map(CorpusEntry::path).toList());
    }

    @Test
    void refusesAMissingRootNamingItAndTheOption() {
        // given
        Path missing = corpus.resolve("nope");

        // when
        Ip4botException e = assertThrows(Ip4botException.class, () -> new CorpusScanner(TWENTY_MB).scan(missing));

        // then
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("--corpus DIR"), e.getMessage());
    }

    @Test
    void refusesARootThatIsAFile() {
        // given
        Path file = Fixtures.write(corpus, "file.md", "Text.");

        // when
        Ip4botException e = assertThrows(Ip4botException.class, () -> new CorpusScanner(TWENTY_MB).scan(file));

        // then
        assertTrue(e.getMessage().contains("not a folder"), e.getMessage());
        assertTrue(e.getMessage().contains("--corpus DIR"), e.getMessage());
    }

    private static Map<String, String> reasons(CorpusScanner.ScanResult result) {
        return result.skipped().stream().collect(Collectors.toMap(SkippedFile::path, SkippedFile::reason));
    }
}
