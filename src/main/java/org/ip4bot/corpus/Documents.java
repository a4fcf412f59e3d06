package org.ip4bot.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

/** What every reader does at its edges: read the bytes, and refuse a document without text. */
final class Documents {

    static final String NO_TEXT = "no readable text";

    private Documents() {
    }

    /** The file as text (see {@link Texts#decodeUtf8}). */
    static String readText(CorpusEntry entry) {
        try {
            return Texts.decodeUtf8(Files.readAllBytes(entry.file()));
        } catch (IOException e) {
            throw new CorpusReadException("cannot read file: " + e.getClass().getSimpleName() + " " + e.getMessage(), e);
        }
    }

    /** @throws CorpusReadException "no readable text" when {@code blocks} is empty */
    static SourceDocument of(CorpusEntry entry, DocumentMetadata metadata, List<TextBlock> blocks) {
        if (blocks.isEmpty()) {
            throw new CorpusReadException(NO_TEXT);
        }
        return new SourceDocument(entry.path(), metadata, blocks);
    }
}
