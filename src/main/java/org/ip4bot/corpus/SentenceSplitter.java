package org.ip4bot.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits English prose into sentences with a few rules rather than a model.
 *
 * <p>A sentence ends at {@code .}, {@code !} or {@code ?} (with any closing quotes or brackets right after) when
 * whitespace follows and then an upper-case letter, a digit or an opening quote or bracket. A period does not end a
 * sentence after a known abbreviation (Mr., Dr., Amb., Gen., No., vs., etc., Jan., ...), a single capital initial
 * ("J.") or a dotted acronym (U.S., U.K., e.g., i.e.); numbers such as 1.5 are never split because no whitespace
 * follows their point. Stateless and thread-safe.
 */
public final class SentenceSplitter {

    private static final Set<String> ABBREVIATIONS = Set.of(
            "Mr", "Mrs", "Ms", "Dr", "Prof", "Amb", "Gen", "Adm", "Lt", "Col", "Maj", "Capt", "Cdr", "Sgt", "Brig",
            "Gov", "Sen", "Rep", "Pres", "Hon", "Rt", "Jr", "Sr", "St", "No", "Nos", "Art", "Vol", "Fig", "Ch",
            "Inc", "Ltd", "Co", "Corp", "vs", "etc", "cf", "al", "approx", "pp", "p",
            "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec");
    private static final Pattern INITIAL = Pattern.compile("\\p{Lu}");
    private static final Pattern DOTTED_ACRONYM = Pattern.compile("(\\p{L}\\.)+\\p{L}");
    private static final String TERMINALS = ".!?";
    private static final String CLOSERS = "\"'\u201D\u2019)]\u00BB";
    private static final String OPENERS = "\"'\u201C\u2018([\u00AB";

    private SentenceSplitter() {
    }

    /**
     * @return the sentences of {@code text} in order, trimmed and non-empty; a text without a sentence end is one
     *         sentence, a blank text none
     */
    public static List<String> split(String text) {
        List<String> sentences = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            if (TERMINALS.indexOf(text.charAt(i)) < 0) {
                i++;
                continue;
            }
            int end = i + 1;
            while (end < text.length() && (TERMINALS.indexOf(text.charAt(end)) >= 0 || CLOSERS.indexOf(text.charAt(end)) >= 0)) {
                end++;
            }
            if (startsNextSentence(text, end) && !(text.charAt(i) == '.' && end == i + 1 && isAbbreviation(text, i))) {
                add(sentences, text.substring(start, end));
                start = end;
            }
            i = end;
        }
        add(sentences, text.substring(start));
        return sentences;
    }

    private static boolean startsNextSentence(String text, int afterEnd) {
        int next = afterEnd;
        while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
            next++;
        }
        if (next == afterEnd || next == text.length()) {
            return false;
        }
        char c = text.charAt(next);
        return Character.isUpperCase(c) || Character.isDigit(c) || OPENERS.indexOf(c) >= 0;
    }

    /** Whether the word right before the period at {@code dot} is an abbreviation. */
    private static boolean isAbbreviation(String text, int dot) {
        int wordStart = dot;
        while (wordStart > 0 && !Character.isWhitespace(text.charAt(wordStart - 1))
                && OPENERS.indexOf(text.charAt(wordStart - 1)) < 0) {
            wordStart--;
        }
        String word = text.substring(wordStart, dot);
        return ABBREVIATIONS.contains(word)
                || INITIAL.matcher(word).matches()
                || DOTTED_ACRONYM.matcher(word).matches();
    }

    private static void add(List<String> sentences, String sentence) {
        String trimmed = sentence.strip();
        if (!trimmed.isEmpty()) {
            sentences.add(trimmed);
        }
    }
}
