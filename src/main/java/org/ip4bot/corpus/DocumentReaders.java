package org.ip4bot.corpus;

import java.util.Map;
import java.util.Objects;

/**
 * Turns a {@link CorpusEntry} into a {@link SourceDocument}, choosing the reader by file extension: Markdown
 * ({@code .md}, {@code .markdown}), plain text ({@code .txt}), HTML ({@code .html}, {@code .htm}) and PDF ({@code .pdf}).
 *
 * <p>Every document returned has a non-blank title and at least one block. Stateless and thread-safe.
 */
public final class DocumentReaders {

    private final Map<String, DocumentReader> byExtension;

    public DocumentReaders() {
        DocumentReader markdown = new MarkdownReader();
        DocumentReader html = new HtmlReader();
        this.byExtension = Map.of(
                ".md", markdown,
                ".markdown", markdown,
                ".txt", new PlainTextReader(),
                ".html", html,
                ".htm", html,
                ".pdf", new PdfReader());
    }

    /** Whether a file of this name would be read (by extension, case-insensitive). */
    public static boolean supports(String fileName) {
        return FileTypes.isSupported(Objects.requireNonNull(fileName, "fileName"));
    }

    /**
     * @throws CorpusReadException with a reason an admin can act on: unsupported type, unreadable or corrupt file,
     *                             bad front matter, or no readable text
     */
    public SourceDocument read(CorpusEntry entry) {
        Objects.requireNonNull(entry, "entry");
        String name = entry.file().getFileName().toString();
        DocumentReader reader = byExtension.get(FileTypes.extensionOf(name));
        if (reader == null) {
            throw new CorpusReadException(FileTypes.unsupportedReason(name));
        }
        return reader.read(entry);
    }
}
