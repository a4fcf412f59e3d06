package org.ip4bot.answer;

import java.util.Objects;
import org.ip4bot.corpus.Chunk;

/**
 * One numbered source of an answer; the answer text refers to it as {@code [n]}.
 *
 * @param n         1-based, in order of first use in the answer
 * @param source    document path relative to the corpus root
 * @param section   the heading the passage sits under, or empty
 * @param page      the PDF page, or 0 when the document has no pages
 * @param snippet   the exact text from the passage that supports the claims citing it
 */
public record Citation(int n, String source, String title, String publisher, String date, String url, String section,
        int page, String snippet) {

    public Citation {
        if (n < 1) {
            throw new IllegalArgumentException("citation numbers start at 1, was " + n);
        }
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(snippet, "snippet");
    }

    static Citation of(int n, Chunk chunk, String snippet) {
        var meta = chunk.metadata();
        return new Citation(n, chunk.path(), meta.title(), meta.publisher(), meta.date(), meta.url(), chunk.heading(),
                chunk.page(), snippet);
    }
}
