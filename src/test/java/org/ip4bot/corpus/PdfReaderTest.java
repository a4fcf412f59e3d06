package org.ip4bot.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfReaderTest {

    @TempDir
    Path corpus;

    @Test
    void readsParagraphsWithTheirPageNumbersAndJoinsWrappedLines() {
        // given
        Path file = Fixtures.pdf(corpus.resolve("reports/ip4.pdf"), "IP4 Report", List.of(
                List.of("Allies and partners deepen coop-", "eration in the Indo-", "Pacific region.", "",
                        "A second paragraph starts here", "and ends on this line.", "", "1"),
                List.of("Page two holds the conclusions.", "", "They are short.")));

        // when
        SourceDocument doc = new DocumentReaders().read(Fixtures.entry(corpus, file));

        // then
        assertEquals("reports/ip4.pdf", doc.path());
        assertEquals("IP4 Report", doc.metadata().title());
        assertEquals(List.of(
                new TextBlock("", 1, "Allies and partners deepen cooperation in the Indo-Pacific region."),
                new TextBlock("", 1, "A second paragraph starts here and ends on this line."),
                new TextBlock("", 2, "Page two holds the conclusions."),
                new TextBlock("", 2, "They are short.")), doc.blocks());
    }

    @Test
    void cutsAPageWithoutParagraphGapsAfterSentenceEnds() {
        // given
        Path file = Fixtures.pdf(corpus.resolve("dense.pdf"), null, List.of(
                List.of("One sentence here.", "Another one that wraps", "onto a second line.")));

        // when
        SourceDocument doc = new DocumentReaders().read(Fixtures.entry(corpus, file));

        // then
        assertEquals("Dense", doc.metadata().title());
        assertEquals(List.of(new TextBlock("", 1, "One sentence here."),
                new TextBlock("", 1, "Another one that wraps onto a second line.")), doc.blocks());
    }

    @Test
    void refusesAPdfWithoutText() {
        // given
        Path file = Fixtures.pdf(corpus.resolve("scan.pdf"), null, List.of(List.of(), List.of()));

        // when
        CorpusReadException e = assertThrows(CorpusReadException.class,
                () -> new DocumentReaders().read(Fixtures.entry(corpus, file)));

        // then
        assertEquals("no readable text (scanned PDF? OCR it first)", e.getMessage());
    }

    @Test
    void refusesAPasswordProtectedPdfSayingSo() throws Exception {
        // given
        Path file = Fixtures.pdf(corpus.resolve("locked.pdf"), null, List.of(List.of("Secret text.")));
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "user", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            pdf.protect(policy);
            pdf.save(file.toFile());
        }

        // when
        CorpusReadException e = assertThrows(CorpusReadException.class,
                () -> new DocumentReaders().read(Fixtures.entry(corpus, file)));

        // then
        assertTrue(e.getMessage().startsWith("PDF is encrypted with a password"), e.getMessage());
    }

    @Test
    void refusesRandomBytesNamedPdfAsCorrupt() {
        // given
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        Path file = Fixtures.write(corpus, "noise.pdf", noise);

        // when
        CorpusReadException e = assertThrows(CorpusReadException.class,
                () -> new DocumentReaders().read(Fixtures.entry(corpus, file)));

        // then
        assertTrue(e.getMessage().startsWith("PDF is corrupt or not a PDF: "), e.getMessage());
    }
}
