package org.ip4bot.corpus;

import java.util.List;
import java.util.Objects;

/**
 * What a reader can tell about a document besides its text.
 *
 * @param title      never blank: front matter, first heading, or the file name
 * @param publisher  may be empty
 * @param date       ISO-8601 ({@code 2025-07-01}, {@code 2025-07} or {@code 2025}), or empty when unknown
 * @param url        the document's own address, or the first of its source URLs, or empty
 * @param sourceUrls the public sources its facts come from; may be empty
 * @param countries  canonical partner names (e.g. "Republic of Korea"); may be empty
 * @param topics     lower-case topic labels; may be empty
 */
public record DocumentMetadata(
        String title,
        String publisher,
        String date,
        String url,
        List<String> sourceUrls,
        List<String> countries,
        List<String> topics) {

    public DocumentMetadata {
        Objects.requireNonNull(title, "title");
        if (title.isBlank()) {
            throw new IllegalArgumentException("title is blank: give the document a title, a first heading or a file name");
        }
        publisher = Objects.requireNonNullElse(publisher, "");
        date = Objects.requireNonNullElse(date, "");
        url = Objects.requireNonNullElse(url, "");
        sourceUrls = List.copyOf(Objects.requireNonNullElse(sourceUrls, List.of()));
        countries = List.copyOf(Objects.requireNonNullElse(countries, List.of()));
        topics = List.copyOf(Objects.requireNonNullElse(topics, List.of()));
    }

    /** Metadata with only a title, for files that carry nothing else. */
    public static DocumentMetadata titled(String title) {
        return new DocumentMetadata(title, "", "", "", List.of(), List.of(), List.of());
    }
}
