package org.ip4bot.answer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ip4bot.corpus.SentenceSplitter;
import org.ip4bot.retrieval.Passage;
import org.ip4bot.retrieval.Retrieval;

/**
 * Scores every sentence of the top passages by meaning (embedding similarity to the question), by the share of
 * the question's rare words it contains, and by how well its passage ranked.
 */
final class SentenceRanker {

    /** Sentences this short are headings or fragments, never an answer. */
    private static final int MIN_WORDS = 5;
    static final double COVERAGE_WEIGHT = 0.35;
    static final double RANK_WEIGHT = 0.04;

    List<ScoredSentence> rank(Retrieval retrieval, int passages) {
        List<Passage> top = retrieval.passages().subList(0, Math.min(passages, retrieval.passages().size()));
        List<Passage> owners = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Passage passage : top) {
            List<String> sentences = sentences(passage.chunk().text());
            for (int i = 0; i < sentences.size(); i++) {
                String sentence = sentences.get(i);
                if (sentence.split("\\s+").length >= MIN_WORDS && !sentence.endsWith(":") && seen.add(sentence)) {
                    owners.add(passage);
                    positions.add(i);
                    texts.add(sentence);
                }
            }
        }
        List<float[]> vectors = retrieval.scorer().embed(texts);
        List<ScoredSentence> out = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            float similarity = retrieval.scorer().similarity(vectors.get(i));
            double coverage = coverage(retrieval.queryTerms(), retrieval.scorer().terms(texts.get(i)));
            double score = similarity + COVERAGE_WEIGHT * coverage + RANK_WEIGHT / owners.get(i).rank();
            out.add(new ScoredSentence(owners.get(i), positions.get(i), texts.get(i), vectors.get(i), similarity,
                    coverage, score));
        }
        out.sort((a, b) -> Double.compare(b.score(), a.score()));
        return out;
    }

    /** Sentences paragraph by paragraph, so a list's lead-in never runs into its first item. */
    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        for (String paragraph : text.split("\\n\\s*\\n")) {
            out.addAll(SentenceSplitter.split(paragraph.strip()));
        }
        return out;
    }

    static double coverage(Map<String, Double> queryTerms, List<String> sentenceTerms) {
        double total = queryTerms.values().stream().mapToDouble(Double::doubleValue).sum();
        if (total == 0) {
            return 0;
        }
        Set<String> present = new HashSet<>(sentenceTerms);
        double found = 0;
        for (var term : queryTerms.entrySet()) {
            if (present.contains(term.getKey())) {
                found += term.getValue();
            }
        }
        return Math.min(1, found / total);
    }
}
