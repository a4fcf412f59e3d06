package org.ip4bot.corpus;

import java.util.Objects;

/**
 * One paragraph (or list item) of a document, in reading order.
 *
 * @param heading the nearest heading above it, or empty before the first heading
 * @param page    the 1-based PDF page it starts on, or 0 for documents without pages
 * @param text    plain text, whitespace-normalised, never blank
 */
public record TextBlock(String heading, int page, String text) {

    public TextBlock {
        heading = Objects.requireNonNullElse(heading, "");
        Objects.requireNonNull(text, "text");
        if (page < 0) {
            throw new IllegalArgumentException("page must be 0 (no pages) or a 1-based page number, was " + page);
        }
    }
}
