package org.ip4bot.corpus;

import java.util.List;
import java.util.Objects;

/**
 * A document as read from the corpus, before chunking.
 *
 * @param path     path relative to the corpus root, with forward slashes (e.g. {@code partners/japan.md})
 * @param metadata what the file says about itself
 * @param blocks   its paragraphs in reading order; never empty
 */
public record SourceDocument(String path, DocumentMetadata metadata, List<TextBlock> blocks) {

    public SourceDocument {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(metadata, "metadata");
        blocks = List.copyOf(blocks);
    }
}
