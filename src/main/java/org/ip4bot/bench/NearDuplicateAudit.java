package org.ip4bot.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Measures how many passages of a sample have a near-duplicate in it, by the measure retrieval collapses on: the
 * Jaccard overlap of word 4-grams at or above {@value #THRESHOLD} (the same shingles and threshold as
 * {@code retrieval.NearDuplicates}). Exact over the sample, through an inverted index of shingles.
 */
final class NearDuplicateAudit {

    static final double THRESHOLD = 0.5;

    private NearDuplicateAudit() {
    }

    /** The share of texts that have at least one other text at or above the threshold; 0 for fewer than two. */
    static double share(List<String> texts) {
        List<Set<Long>> shingles = new ArrayList<>(texts.size());
        Map<Long, List<Integer>> postings = new HashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            Set<Long> s = shingles(texts.get(i));
            shingles.add(s);
            for (long h : s) {
                postings.computeIfAbsent(h, k -> new ArrayList<>(2)).add(i);
            }
        }
        int withDuplicate = 0;
        for (int i = 0; i < texts.size(); i++) {
            Map<Integer, Integer> common = new HashMap<>();
            for (long h : shingles.get(i)) {
                for (int j : postings.get(h)) {
                    if (j != i) {
                        common.merge(j, 1, Integer::sum);
                    }
                }
            }
            int size = shingles.get(i).size();
            for (Map.Entry<Integer, Integer> e : common.entrySet()) {
                int union = size + shingles.get(e.getKey()).size() - e.getValue();
                if (union > 0 && (double) e.getValue() / union >= THRESHOLD) {
                    withDuplicate++;
                    break;
                }
            }
        }
        return texts.size() < 2 ? 0 : (double) withDuplicate / texts.size();
    }

    /** Word 4-grams, lower-cased and stripped of punctuation as retrieval does, hashed to 64 bits. */
    static Set<Long> shingles(String text) {
        String[] words = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\s]", " ").trim().split("\\s+");
        Set<Long> out = new HashSet<>();
        for (int i = 0; i + 4 <= words.length; i++) {
            out.add(hash(words[i] + ' ' + words[i + 1] + ' ' + words[i + 2] + ' ' + words[i + 3]));
        }
        if (out.isEmpty()) {
            out.add(hash(String.join(" ", words)));
        }
        return out;
    }

    private static long hash(String s) {
        long h = 1125899906842597L;
        for (int i = 0; i < s.length(); i++) {
            h = 31 * h + s.charAt(i);
        }
        return h;
    }
}
