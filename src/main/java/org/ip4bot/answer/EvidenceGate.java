package org.ip4bot.answer;

import java.util.List;
import org.ip4bot.retrieval.Retrieval;

/**
 * Decides whether retrieved evidence is strong enough to answer from. Calibrated on the development question
 * set ({@code eval}): in-scope questions score above the threshold, out-of-scope ones below.
 *
 * @param threshold minimum evidence score, see {@link #evidence}
 */
public record EvidenceGate(double threshold) {

    public static final EvidenceGate DEFAULT = new EvidenceGate(0.725);
    private static final double COVERAGE_WEIGHT = 0.35;
    private static final double UNKNOWN_WEIGHT = 0.35;
    private static final double BRIEF_ALLOWANCE = 0.08;

    /**
     * The best sentence's similarity to the question, plus a bonus for the question's rare words it contains,
     * minus a penalty for question words the corpus has never seen. All three are needed: paraphrases share few
     * words but mean the same; near-misses ("NATO and Mongolia") share words but their key word is unknown.
     */
    double evidence(List<ScoredSentence> ranked, Retrieval retrieval) {
        if (ranked.isEmpty()) {
            return 0;
        }
        ScoredSentence best = ranked.get(0);
        return best.similarity() + COVERAGE_WEIGHT * best.coverage() - UNKNOWN_WEIGHT * retrieval.unknownShare();
    }

    /** Briefs are asked about broad topics, which match single sentences less closely than questions do. */
    EvidenceGate forBriefs() {
        return new EvidenceGate(threshold - BRIEF_ALLOWANCE);
    }

    boolean strongEnough(List<ScoredSentence> ranked, Retrieval retrieval) {
        return evidence(ranked, retrieval) >= threshold;
    }
}
