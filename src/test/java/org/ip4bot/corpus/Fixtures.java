package org.ip4bot.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Writes corpus files for tests and wraps them as entries. */
final class Fixtures {

    private Fixtures() {
    }

    static Path write(Path dir, String relativePath, String content) {
        return write(dir, relativePath, content.getBytes(StandardCharsets.UTF_8));
    }

    static Path write(Path dir, String relativePath, byte[] content) {
        try {
            Path file = dir.resolve(relativePath);
            Files.createDirectories(file.getParent());
            return Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CorpusEntry entry(Path dir, Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return new CorpusEntry(dir.relativize(file).toString().replace('\\', '/'), file,
                    CorpusScanner.sha256(bytes), bytes.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a file and reads it back through {@link DocumentReaders}. */
    static SourceDocument read(Path dir, String relativePath, String content) {
        return new DocumentReaders().read(entry(dir, write(dir, relativePath, content)));
    }

    /**
     * A real PDF with one page per element of {@code pages}; each page is a list of lines in Helvetica 12 pt, and an
     * empty line leaves a gap, which PDFBox reads as a paragraph break.
     */
    static Path pdf(Path file, String title, List<List<String>> pages) {
        try (PDDocument document = new PDDocument()) {
            PDType1Font helvetica = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (List<String> lines : pages) {
                PDPage page = new PDPage();
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(helvetica, 12);
                    content.setLeading(14);
                    content.newLineAtOffset(72, 700);
                    for (String line : lines) {
                        if (!line.isEmpty()) {
                            content.showText(line);
                        }
                        content.newLine();
                    }
                    content.endText();
                }
            }
            if (title != null) {
                document.getDocumentInformation().setTitle(title);
            }
            Files.createDirectories(file.getParent());
            document.save(file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
