package org.ip4bot.eval;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ip4bot.answer.Answer;
import org.ip4bot.answer.Citation;

/**
 * Checks an answer's citations: every {@code [n]} has a citation, every citation is used, and every snippet is
 * text that really stands in the cited document.
 */
public final class CitationCheck {

    private static final Pattern MARKER = Pattern.compile("\\[(\\d+)]");

    private final Map<String, String> documentTexts;

    /** @param documentTexts document path to its indexed text */
    public CitationCheck(Map<String, String> documentTexts) {
        this.documentTexts = documentTexts;
    }

    /** Empty when valid, else the first problem found. */
    public String problem(Answer answer) {
        Set<Integer> markers = new HashSet<>();
        Matcher m = MARKER.matcher(answer.text());
        while (m.find()) {
            markers.add(Integer.parseInt(m.group(1)));
        }
        Set<Integer> numbers = new HashSet<>();
        for (Citation c : answer.citations()) {
            numbers.add(c.n());
            String text = documentTexts.get(c.source());
            if (text == null) {
                return "citation [" + c.n() + "] names " + c.source() + ", which is not in the corpus";
            }
            if (c.snippet().isBlank()) {
                return "citation [" + c.n() + "] has an empty snippet";
            }
            for (String part : c.snippet().split(" … ")) {
                if (!normalise(text).contains(normalise(part))) {
                    return "citation [" + c.n() + "] quotes text that is not in " + c.source() + ": " + part;
                }
            }
        }
        if (!numbers.containsAll(markers)) {
            return "marker without a citation: " + markers + " vs " + numbers;
        }
        if (!markers.containsAll(numbers)) {
            return "citation never used in the text: " + numbers + " vs " + markers;
        }
        return "";
    }

    private static String normalise(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
