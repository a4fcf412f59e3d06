package org.ip4bot.eval;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One line of a question set.
 *
 * @param answerKeywords strings a correct answer contains (case-insensitive)
 * @param source         the document that answers it (path relative to the corpus root, or a file name), or "none"
 * @param kind           fact, summary or out_of_scope
 */
public record EvalQuestion(String id, String question, List<String> answerKeywords, String source, String kind) {

    public static final List<String> KINDS = List.of("fact", "summary", "out_of_scope");

    public EvalQuestion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(question, "question");
        answerKeywords = List.copyOf(Objects.requireNonNullElse(answerKeywords, List.of()));
        source = Objects.requireNonNullElse(source, "none");
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("question " + id + ": kind must be one of " + KINDS + ", was " + kind);
        }
    }

    public boolean inScope() {
        return !kind.equals("out_of_scope");
    }

    /** True when a document path is this question's source, by full relative path or by file name. */
    public boolean isSource(String path) {
        if (source.equals("none")) {
            return false;
        }
        return path.equals(source) || path.endsWith("/" + source);
    }

    public boolean containsKeywords(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return answerKeywords.stream().allMatch(k -> lower.contains(k.toLowerCase(Locale.ROOT)));
    }
}
