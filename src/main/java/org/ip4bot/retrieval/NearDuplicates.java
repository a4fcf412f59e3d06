package org.ip4bot.retrieval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Drops passages that say almost the same thing as a better-ranked one (the same paragraph in two reports, or two
 * revisions of a note), measured by the Jaccard overlap of their word 4-grams.
 */
final class NearDuplicates {

    static final double THRESHOLD = 0.5;

    private NearDuplicates() {
    }

    static List<LuceneHybridRetriever.Candidate> collapse(List<LuceneHybridRetriever.Candidate> ranked) {
        List<LuceneHybridRetriever.Candidate> kept = new ArrayList<>();
        List<Set<String>> keptShingles = new ArrayList<>();
        for (LuceneHybridRetriever.Candidate candidate : ranked) {
            Set<String> shingles = shingles(candidate.hit.chunk().text());
            boolean duplicate = keptShingles.stream().anyMatch(s -> jaccard(s, shingles) >= THRESHOLD);
            if (!duplicate) {
                kept.add(candidate);
                keptShingles.add(shingles);
            }
        }
        return kept;
    }

    static Set<String> shingles(String text) {
        String[] words = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\s]", " ").trim().split("\\s+");
        Set<String> out = new HashSet<>();
        for (int i = 0; i + 4 <= words.length; i++) {
            out.add(words[i] + ' ' + words[i + 1] + ' ' + words[i + 2] + ' ' + words[i + 3]);
        }
        if (out.isEmpty()) {
            out.add(String.join(" ", words));
        }
        return out;
    }

    static double jaccard(Set<String> a, Set<String> b) {
        Set<String> smaller = a.size() <= b.size() ? a : b;
        Set<String> larger = smaller == a ? b : a;
        int common = 0;
        for (String s : smaller) {
            if (larger.contains(s)) {
                common++;
            }
        }
        int union = a.size() + b.size() - common;
        return union == 0 ? 0 : (double) common / union;
    }
}
