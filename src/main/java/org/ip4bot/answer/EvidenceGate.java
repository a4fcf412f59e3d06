package org.ip4bot.answer;

import java.util.List;

/**
 * Decides whether retrieved evidence is strong enough to answer from. Calibrated on the development question
 * set ({@code eval}): in-scope questions score above the threshold, out-of-scope ones below.
 *
 * @param threshold minimum evidence score, see {@link #evidence}
 */
public record EvidenceGate(double threshold) {

    public static final EvidenceGate DEFAULT = new EvidenceGate(0.80);

    /**
     * The best sentence's similarity to the question plus a bonus for the question's rare words it contains.
     * Both signals are needed: paraphrases share few words but mean the same; near-misses ("NATO and India")
     * share words but their key word is missing.
     */
    double evidence(List<ScoredSentence> ranked) {
        return ranked.isEmpty() ? 0 : ranked.get(0).similarity() + 0.35 * ranked.get(0).coverage();
    }

    boolean strongEnough(List<ScoredSentence> ranked) {
        return evidence(ranked) >= threshold;
    }
}
