package org.ip4bot.retrieval;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of one retrieval: ranked passages plus what a composer needs to judge sentences by the same
 * measures the ranking used.
 *
 * @param question      the question as asked
 * @param passages      best first, near-duplicates collapsed
 * @param queryTerms    the question's analysed terms (stop words removed, stemmed) with their IDF weights, alias
 *                      expansions included
 * @param unknownTerms  the question's terms that the corpus does not hold, not even as a near spelling, and that
 *                      no known alias explains: a sign the question is about something the corpus does not cover
 * @param corpusVersion version of the index that answered
 * @param scorer        scores arbitrary sentences against the question
 */
public record Retrieval(String question, List<Passage> passages, Map<String, Double> queryTerms, List<String> unknownTerms, String corpusVersion,
        SentenceScorer scorer) {

    public Retrieval {
        Objects.requireNonNull(question, "question");
        passages = List.copyOf(passages);
        queryTerms = Map.copyOf(queryTerms);
        unknownTerms = List.copyOf(unknownTerms);
        Objects.requireNonNull(corpusVersion, "corpusVersion");
        Objects.requireNonNull(scorer, "scorer");
    }

    /** The share of the question's term weight carried by unknown terms, in [0, 1]. */
    public double unknownShare() {
        double total = queryTerms.values().stream().mapToDouble(Double::doubleValue).sum();
        double unknown = unknownTerms.stream().mapToDouble(t -> queryTerms.getOrDefault(t, 0.0)).sum();
        return total == 0 ? 0 : unknown / total;
    }
}
