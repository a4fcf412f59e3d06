package org.ip4bot.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentReadersTest {

    @TempDir
    Path corpus;

    @Test
    void supportsTheCorpusExtensionsInAnyCase() {
        for (String name : new String[] {"a.md", "b.markdown", "c.TXT", "d.html", "e.Htm", "f.pdf", "dir.v2/g.md"}) {
            assertTrue(DocumentReaders.supports(name), name);
        }
        for (String name : new String[] {"a.docx", "README", "archive.pdf.zip", ".md", "trailing."}) {
            assertFalse(DocumentReaders.supports(name), name);
        }
    }

    @Test
    void refusesAnUnsupportedFileListingTheSupportedTypes() {
        // given
        Path file = Fixtures.write(corpus, "brief.docx", "binary");

        // when
        CorpusReadException e = assertThrows(CorpusReadException.class,
                () -> new DocumentReaders().read(Fixtures.entry(corpus, file)));

        // then
        assertEquals("unsupported file type '.docx'; supported: .md, .markdown, .txt, .html, .htm, .pdf", e.getMessage());
    }

    @Test
    void refusesAFileThatVanishedAfterTheScan() {
        // given
        CorpusEntry gone = new CorpusEntry("gone.md", corpus.resolve("gone.md"), "0", 1);

        // when
        CorpusReadException e = assertThrows(CorpusReadException.class, () -> new DocumentReaders().read(gone));

        // then
        assertTrue(e.getMessage().startsWith("cannot read file: "), e.getMessage());
    }
}
