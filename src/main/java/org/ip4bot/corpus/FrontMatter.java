package org.ip4bot.corpus;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The YAML block at the top of a Markdown file, between a first line {@code ---} and the next {@code ---} line.
 * Known fields: title, publisher, date, url, source_urls, countries, topics; others are ignored. Empty strings mean
 * "not given".
 */
record FrontMatter(String title, String publisher, String date, String url,
                   List<String> sourceUrls, List<String> countries, List<String> topics) {

    static final FrontMatter NONE = new FrontMatter("", "", "", "", List.of(), List.of(), List.of());

    private static final String FENCE = "---";

    /** A Markdown file cut in two: its front matter ({@link #NONE} when absent) and the Markdown after it. */
    record Split(FrontMatter frontMatter, String body) {
    }

    /**
     * Separates the front matter (if the text starts with one) from the body.
     *
     * @param text the whole file with LF line ends
     * @throws CorpusReadException when the block is not closed, not valid YAML, or a field has the wrong shape
     */
    static Split split(String text) {
        String[] lines = text.split("\n", -1);
        if (lines.length == 0 || !lines[0].strip().equals(FENCE)) {
            return new Split(NONE, text);
        }
        int close = -1;
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].strip().equals(FENCE)) {
                close = i;
                break;
            }
        }
        if (close < 0) {
            throw new CorpusReadException("front matter starts with --- but is never closed by a --- line");
        }
        String yaml = String.join("\n", List.of(lines).subList(1, close));
        String body = String.join("\n", List.of(lines).subList(close + 1, lines.length));
        return new Split(parse(yaml), body);
    }

    /** Metadata from these fields; {@code fallbackTitle} is used when the front matter has no title. */
    DocumentMetadata toMetadata(String fallbackTitle) {
        String url = !this.url.isEmpty() ? this.url : sourceUrls.isEmpty() ? "" : sourceUrls.get(0);
        return new DocumentMetadata(title.isEmpty() ? fallbackTitle : title, publisher, date, url,
                sourceUrls, countries, topics);
    }

    private static FrontMatter parse(String yamlText) {
        Object loaded;
        try {
            loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(yamlText);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            // +2: the mark is 0-based and counts from the line after the opening ---
            String line = mark == null ? "" : " (line " + (mark.getLine() + 2) + ")";
            throw new CorpusReadException("front matter is not valid YAML" + line + ": " + e.getProblem(), e);
        } catch (YAMLException e) {
            throw new CorpusReadException("front matter is not valid YAML: " + e.getMessage(), e);
        }
        if (loaded == null) {
            return NONE;
        }
        if (!(loaded instanceof Map<?, ?> fields)) {
            throw new CorpusReadException("front matter must be 'field: value' lines (title, date, countries, ...)");
        }
        return new FrontMatter(
                text(fields, "title"),
                text(fields, "publisher"),
                date(fields),
                text(fields, "url"),
                list(fields, "source_urls", "a list of URLs or one URL"),
                list(fields, "countries", "a list of names or one name"),
                list(fields, "topics", "a list of topics or one topic").stream()
                        .map(topic -> topic.toLowerCase(Locale.ROOT)).toList());
    }

    private static String text(Map<?, ?> fields, String name) {
        Object value = fields.get(name);
        if (value == null) {
            return "";
        }
        return scalar(value).orElseThrow(() -> new CorpusReadException(
                "front matter field '" + name + "' must be text, not a list or a map"));
    }

    private static String date(Map<?, ?> fields) {
        Object value = fields.get("date");
        if (value == null || value.toString().isBlank()) {
            return "";
        }
        return IsoDates.normalise(value).orElseThrow(() -> new CorpusReadException(
                "front matter field 'date' is not a date: '" + value + "'; use " + IsoDates.ACCEPTED_FORMS));
    }

    private static List<String> list(Map<?, ?> fields, String name, String expected) {
        Object value = fields.get(name);
        if (value == null) {
            return List.of();
        }
        Collection<?> items = value instanceof Collection<?> collection ? collection : List.of(value);
        List<String> result = new ArrayList<>();
        for (Object item : items) {
            if (item == null) {
                continue;
            }
            String text = scalar(item).orElseThrow(() -> new CorpusReadException(
                    "front matter field '" + name + "' must be " + expected));
            if (!text.isEmpty()) {
                result.add(text);
            }
        }
        return result;
    }

    private static Optional<String> scalar(Object value) {
        if (value instanceof Collection<?> || value instanceof Map<?, ?>) {
            return Optional.empty();
        }
        String text = value instanceof java.util.Date ? IsoDates.normalise(value).orElse("") : value.toString();
        return Optional.of(Texts.normaliseWhitespace(text));
    }
}
