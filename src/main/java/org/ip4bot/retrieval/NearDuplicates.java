package org.ip4bot.retrieval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tells whether a passage says almost the same thing as one admitted before it (the same paragraph in two reports,
 * or two revisions of a note), measured by the Jaccard overlap of their word 4-grams. Passages are offered best
 * first, so the better-ranked copy is the one kept.
 *
 * <p>Shingles are 64-bit hashes, and overlaps are counted through an index from shingle to the admitted passages
 * that hold it rather than by comparing every pair (pairwise sets of strings dominated hybrid retrieval, measured
 * by {@code bench}). Not thread-safe: one instance per retrieval.
 */
final class NearDuplicates {

    static final double THRESHOLD = 0.5;

    private final List<long[]> admitted = new ArrayList<>();
    /** Which admitted passages hold each shingle. */
    private final Map<Long, List<Integer>> holders = new HashMap<>();

    /** Admits the text and returns true, or returns false if it nearly duplicates a text admitted earlier. */
    boolean admit(String text) {
        long[] shingles = shingles(text);
        int[] common = new int[admitted.size()];
        for (long s : shingles) {
            List<Integer> owners = holders.get(s);
            if (owners != null) {
                owners.forEach(k -> common[k]++);
            }
        }
        for (int k = 0; k < common.length; k++) {
            int union = admitted.get(k).length + shingles.length - common[k];
            if (union > 0 && (double) common[k] / union >= THRESHOLD) {
                return false;
            }
        }
        int index = admitted.size();
        admitted.add(shingles);
        for (long s : shingles) {
            holders.computeIfAbsent(s, h -> new ArrayList<>(1)).add(index);
        }
        return true;
    }

    /**
     * The distinct word 4-grams of a text as sorted 64-bit hashes; one hash of all its words when it has fewer
     * than four. A word is a run of letters and numbers, lower-cased; everything else separates words.
     */
    static long[] shingles(String text) {
        long[] words = new long[text.length() / 2 + 1];
        int count = 0;
        long h = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isWordChar(c)) {
                h = (inWord ? h : 1125899906842597L) * 31 + Character.toLowerCase(c);
                inWord = true;
            } else if (inWord) {
                words[count++] = h;
                inWord = false;
            }
        }
        if (inWord) {
            words[count++] = h;
        }
        long[] hashes;
        if (count < 4) {
            long all = 17;
            for (int i = 0; i < count; i++) {
                all = all * 0x9E3779B97F4A7C15L + words[i];
            }
            hashes = new long[] {all};
        } else {
            hashes = new long[count - 3];
            for (int i = 0; i < hashes.length; i++) {
                long g = words[i];
                for (int k = 1; k < 4; k++) {
                    g = g * 0x9E3779B97F4A7C15L + words[i + k];
                }
                hashes[i] = g;
            }
        }
        Arrays.sort(hashes);
        int distinct = 0;
        for (int i = 0; i < hashes.length; i++) {
            if (i == 0 || hashes[i] != hashes[i - 1]) {
                hashes[distinct++] = hashes[i];
            }
        }
        return Arrays.copyOf(hashes, distinct);
    }

    private static boolean isWordChar(char c) {
        if (c < 128) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
        }
        int type = Character.getType(c);
        return Character.isLetter(c) || type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    static double jaccard(long[] a, long[] b) {
        int common = 0;
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                common++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        int union = a.length + b.length - common;
        return union == 0 ? 0 : (double) common / union;
    }
}
