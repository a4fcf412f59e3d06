package org.ip4bot.answer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.ip4bot.retrieval.Retrieval;
import org.ip4bot.retrieval.SentenceScorer;

/**
 * Answers with sentences taken word for word from the best passages, each followed by its citation. Needs no
 * language model. When the evidence is weak it says the corpus does not cover the question and names the
 * closest documents instead of answering.
 */
public final class ExtractiveComposer implements AnswerComposer {

    static final String NAME = "extractive";
    private static final int PASSAGES_READ = 6;
    /** Sentences within this much of the best one are good enough to add. */
    private static final double MARGIN = 0.10;
    /** Only the best-scored sentences are considered for an answer. */
    private static final int CANDIDATES = 25;
    private static final double NOVELTY_WEIGHT = 0.25;
    private static final double REDUNDANCY_WEIGHT = 0.20;
    /** A sentence sharing more than this share of its content words with a chosen one repeats it. */
    private static final double MAX_REDUNDANCY = 0.6;
    /** Two sentences this close in meaning say the same thing, typically in two different notes. */
    private static final double SAME_MEANING = 0.9;
    private static final Pattern SUMMARY_REQUEST = Pattern.compile(
            "\\b(brief|overview|summar|explain|describe|background|tell me about|what do we know|walk me through)",
            Pattern.CASE_INSENSITIVE);

    private final SentenceRanker ranker = new SentenceRanker();
    private final EvidenceGate gate;

    public ExtractiveComposer(EvidenceGate gate) {
        this.gate = gate;
    }

    @Override
    public Answer compose(Retrieval retrieval) {
        List<ScoredSentence> ranked = ranker.rank(retrieval, PASSAGES_READ);
        if (!gate.strongEnough(ranked, retrieval)) {
            return NotFound.answer(retrieval, NAME);
        }
        boolean summary = SUMMARY_REQUEST.matcher(retrieval.question()).find();
        List<ScoredSentence> chosen = choose(ranked, retrieval.queryTerms(), retrieval.scorer(), summary ? 5 : 3,
                summary ? 2 * MARGIN : MARGIN);

        CitationBuilder citations = new CitationBuilder();
        List<String> cited = new ArrayList<>();
        for (ScoredSentence s : coherentOrder(chosen)) {
            cited.add(citations.cite(s.passage().chunk(), s.text()));
        }
        return new Answer(retrieval.question(), AnswerStatus.ANSWERED, String.join(" ", cited),
                citations.citations(), List.of(), retrieval.corpusVersion(), NAME, 0, Optional.empty());
    }

    /**
     * Greedy selection among the sentences scoring within {@code margin} of the best: each step takes the one that
     * adds most to what is already chosen. A sentence earns extra for question words not yet covered (a two-part
     * question gets both parts) and loses for repeating the content words of a chosen sentence (two notes saying
     * the same thing); a near-repeat is skipped.
     */
    static List<ScoredSentence> choose(List<ScoredSentence> ranked, Map<String, Double> queryTerms,
            SentenceScorer scorer, int max, double margin) {
        List<ScoredSentence> chosen = new ArrayList<>();
        List<Set<String>> chosenTerms = new ArrayList<>();
        Set<String> covered = new HashSet<>();
        double floor = ranked.get(0).score() - margin;
        List<ScoredSentence> candidates = new ArrayList<>(ranked.stream().filter(s -> s.score() >= floor)
                .limit(CANDIDATES).toList());
        while (chosen.size() < max && !candidates.isEmpty()) {
            ScoredSentence best = null;
            double bestGain = -Double.MAX_VALUE;
            Set<String> bestTerms = Set.of();
            for (ScoredSentence s : candidates) {
                Set<String> terms = new HashSet<>(scorer.terms(s.text()));
                double redundancy = chosenTerms.stream().mapToDouble(t -> overlap(t, terms)).max().orElse(0);
                boolean paraphrase = chosen.stream().anyMatch(c -> c.similarityTo(s) > SAME_MEANING);
                if (redundancy > MAX_REDUNDANCY || paraphrase) {
                    continue;
                }
                double gain = s.score() + NOVELTY_WEIGHT * newCoverage(queryTerms, covered, terms)
                        - REDUNDANCY_WEIGHT * redundancy;
                if (gain > bestGain) {
                    best = s;
                    bestGain = gain;
                    bestTerms = terms;
                }
            }
            if (best == null) {
                break;
            }
            chosen.add(best);
            chosenTerms.add(bestTerms);
            bestTerms.stream().filter(queryTerms::containsKey).forEach(covered::add);
            candidates.remove(best);
        }
        return chosen;
    }

    private static double newCoverage(Map<String, Double> queryTerms, Set<String> covered, Set<String> terms) {
        double total = queryTerms.values().stream().mapToDouble(Double::doubleValue).sum();
        if (total == 0) {
            return 0;
        }
        double added = 0;
        for (var term : queryTerms.entrySet()) {
            if (!covered.contains(term.getKey()) && terms.contains(term.getKey())) {
                added += term.getValue();
            }
        }
        return added / total;
    }

    /** Share of the smaller sentence's content words that the other sentence also has. */
    private static double overlap(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        long common = a.stream().filter(b::contains).count();
        return (double) common / Math.min(a.size(), b.size());
    }

    /**
     * Passages in the order of their best sentence; within a passage, sentences in reading order, so an answer
     * reads like the source rather than like a shuffled list.
     */
    static List<ScoredSentence> coherentOrder(List<ScoredSentence> chosen) {
        Map<String, List<ScoredSentence>> byPassage = new LinkedHashMap<>();
        for (ScoredSentence s : chosen) {
            byPassage.computeIfAbsent(s.passage().chunk().id(), id -> new ArrayList<>()).add(s);
        }
        List<ScoredSentence> out = new ArrayList<>();
        for (List<ScoredSentence> group : byPassage.values()) {
            group.sort(Comparator.comparingInt(ScoredSentence::position));
            out.addAll(group);
        }
        return out;
    }


}
