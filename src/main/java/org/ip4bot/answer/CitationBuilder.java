package org.ip4bot.answer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ip4bot.corpus.Chunk;

/**
 * Numbers passages in the order the answer first cites them and collects, per passage, the exact sentences used
 * as the citation's snippet. Not thread-safe: one per answer.
 */
final class CitationBuilder {

    /** Joins sentences of one passage that are not next to each other in a snippet. */
    static final String SNIPPET_GAP = " … ";

    private final Map<String, Integer> numbers = new LinkedHashMap<>();
    private final Map<String, Chunk> chunks = new LinkedHashMap<>();
    private final Map<String, List<String>> snippets = new LinkedHashMap<>();

    /** Returns the sentence with its marker, e.g. {@code "Japan signed in 2014 [2]."}. */
    String cite(Chunk chunk, String sentence) {
        return withMarker(sentence, number(chunk, sentence));
    }

    /** The number of {@code chunk}, given on first use, after adding {@code quoted} to its snippet. */
    int number(Chunk chunk, String quoted) {
        int n = numbers.computeIfAbsent(chunk.id(), id -> numbers.size() + 1);
        chunks.putIfAbsent(chunk.id(), chunk);
        List<String> used = snippets.computeIfAbsent(chunk.id(), id -> new ArrayList<>());
        if (!used.contains(quoted)) {
            used.add(quoted);
        }
        return n;
    }

    List<Citation> citations() {
        List<Citation> out = new ArrayList<>();
        numbers.forEach((id, n) -> out.add(Citation.of(n, chunks.get(id), String.join(SNIPPET_GAP, snippets.get(id)))));
        return out;
    }

    /** Puts the marker before the final full stop (or ! or ?), where readers expect it. */
    static String withMarker(String sentence, int n) {
        return withMarkers(sentence, List.of(n));
    }

    /** As {@link #withMarker}, for a sentence citing several sources: {@code "... 2014 [1][3]."}. */
    static String withMarkers(String sentence, List<Integer> ns) {
        StringBuilder markers = new StringBuilder();
        ns.forEach(n -> markers.append('[').append(n).append(']'));
        String trimmed = sentence.strip();
        int end = trimmed.length();
        while (end > 0 && ".!?".indexOf(trimmed.charAt(end - 1)) >= 0) {
            end--;
        }
        if (end == trimmed.length()) {
            return trimmed + " " + markers;
        }
        return trimmed.substring(0, end) + " " + markers + trimmed.substring(end);
    }
}
