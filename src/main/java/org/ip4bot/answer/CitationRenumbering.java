package org.ip4bot.answer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renumbers an answer's citations after some of its lines were rewritten: citations are numbered again in order of
 * first use, unused ones are left out, and each snippet keeps only the sentences that lines still rely on. Lines
 * must be given in reading order. Not thread-safe: one per answer.
 */
final class CitationRenumbering {

    private static final Pattern MARKER = Pattern.compile("\\[(\\d+)]");

    private final List<Citation> old;
    private final Map<Integer, Integer> numbers = new LinkedHashMap<>();
    private final Map<Integer, List<String>> quoted = new LinkedHashMap<>();

    /** @param old the citations as numbered before, {@code old.get(i).n() == i + 1} */
    CitationRenumbering(List<Citation> old) {
        this.old = old;
    }

    /** An unchanged line, {@code "quoted sentence [n]."}, with its marker renumbered. */
    String keep(String line) {
        Matcher m = MARKER.matcher(line);
        if (!m.find()) {
            return line;
        }
        int n = Integer.parseInt(m.group(1));
        for (String part : parts(n)) {
            if (CitationBuilder.withMarker(part, n).equals(line)) {
                return CitationBuilder.withMarker(part, use(n, part));
            }
        }
        // Not a single quoted sentence after all: keep the words, renumber every marker, quote the whole snippet.
        StringBuilder out = new StringBuilder();
        m.reset();
        while (m.find()) {
            int was = Integer.parseInt(m.group(1));
            int now = was;
            for (String part : parts(was)) {
                now = use(was, part);
            }
            m.appendReplacement(out, "[" + now + "]");
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A checked model sentence, with markers for the sources that support it. */
    String claim(CitationChecker.Claim claim) {
        List<Integer> ns = new ArrayList<>();
        for (CitationChecker.Support support : claim.supports()) {
            int was = support.source() + 1;
            for (String sentence : support.sentences()) {
                int now = use(was, sentence);
                if (!ns.contains(now)) {
                    ns.add(now);
                }
            }
        }
        return CitationBuilder.withMarkers(claim.text(), ns);
    }

    List<Citation> citations() {
        List<Citation> out = new ArrayList<>();
        numbers.forEach((was, now) -> {
            Citation c = old.get(was - 1);
            out.add(new Citation(now, c.source(), c.title(), c.publisher(), c.date(), c.url(), c.section(), c.page(),
                    String.join(CitationBuilder.SNIPPET_GAP, quoted.get(was))));
        });
        return out;
    }

    private int use(int was, String sentence) {
        int now = numbers.computeIfAbsent(was, w -> numbers.size() + 1);
        List<String> sentences = quoted.computeIfAbsent(was, w -> new ArrayList<>());
        if (!sentences.contains(sentence)) {
            sentences.add(sentence);
        }
        return now;
    }

    private List<String> parts(int n) {
        if (n < 1 || n > old.size()) {
            return List.of();
        }
        return List.of(old.get(n - 1).snippet().split(Pattern.quote(CitationBuilder.SNIPPET_GAP)));
    }
}
