package org.ip4bot.corpus;

import java.util.Objects;

/**
 * A retrievable passage: a run of whole sentences from one section of one document.
 *
 * @param path     the document's path relative to the corpus root
 * @param ordinal  0-based position of the chunk within its document
 * @param metadata the document's metadata, copied onto every chunk
 * @param heading  the section heading the chunk sits under, or empty
 * @param page     the PDF page the chunk starts on, or 0
 * @param text     the chunk text (whole sentences only)
 */
public record Chunk(String path, int ordinal, DocumentMetadata metadata, String heading, int page, String text) {

    public Chunk {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(metadata, "metadata");
        heading = Objects.requireNonNullElse(heading, "");
        Objects.requireNonNull(text, "text");
    }

    /** Stable identifier within one corpus version: {@code path#ordinal}. */
    public String id() {
        return path + "#" + ordinal;
    }

    /** The text given to the embedding model: title and heading give the passage its context. */
    public String embeddingText() {
        return heading.isEmpty()
                ? metadata.title() + "\n" + text
                : metadata.title() + " - " + heading + "\n" + text;
    }

    public int wordCount() {
        return text.isBlank() ? 0 : text.trim().split("\\s+").length;
    }
}
