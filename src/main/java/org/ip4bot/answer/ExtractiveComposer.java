package org.ip4bot.answer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.ip4bot.retrieval.Retrieval;

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
        if (Boolean.getBoolean("ip4bot.debugEvidence") && !ranked.isEmpty()) {
            System.err.printf("EVIDENCE %.3f sim=%.3f cov=%.3f | %s%n", gate.evidence(ranked), ranked.get(0).similarity(),
                    ranked.get(0).coverage(), retrieval.question());
        }
        if (!gate.strongEnough(ranked)) {
            return NotFound.answer(retrieval, NAME);
        }
        boolean summary = SUMMARY_REQUEST.matcher(retrieval.question()).find();
        List<ScoredSentence> chosen = choose(ranked, summary ? 5 : 3, summary ? 2 * MARGIN : MARGIN);

        CitationBuilder citations = new CitationBuilder();
        List<String> cited = new ArrayList<>();
        for (ScoredSentence s : coherentOrder(chosen)) {
            cited.add(citations.cite(s.passage().chunk(), s.text()));
        }
        return new Answer(retrieval.question(), AnswerStatus.ANSWERED, String.join(" ", cited),
                citations.citations(), List.of(), retrieval.corpusVersion(), NAME, 0, Optional.empty());
    }

    /** The best sentence, then others close to it that add something not already said. */
    static List<ScoredSentence> choose(List<ScoredSentence> ranked, int max, double margin) {
        List<ScoredSentence> chosen = new ArrayList<>();
        double best = ranked.get(0).score();
        for (ScoredSentence s : ranked) {
            if (chosen.size() == max || s.score() < best - margin) {
                break;
            }
            if (chosen.stream().noneMatch(c -> redundant(c.text(), s.text()))) {
                chosen.add(s);
            }
        }
        return chosen;
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

    private static boolean redundant(String a, String b) {
        var wa = List.of(a.toLowerCase(Locale.ROOT).split("\\W+"));
        var wb = List.of(b.toLowerCase(Locale.ROOT).split("\\W+"));
        long common = wb.stream().filter(wa::contains).count();
        return common > 0.7 * Math.min(wa.size(), wb.size());
    }

}
