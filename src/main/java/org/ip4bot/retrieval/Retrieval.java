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
 * @param corpusVersion version of the index that answered
 * @param scorer        scores arbitrary sentences against the question
 */
public record Retrieval(String question, List<Passage> passages, Map<String, Double> queryTerms, String corpusVersion,
        SentenceScorer scorer) {

    public Retrieval {
        Objects.requireNonNull(question, "question");
        passages = List.copyOf(passages);
        queryTerms = Map.copyOf(queryTerms);
        Objects.requireNonNull(corpusVersion, "corpusVersion");
        Objects.requireNonNull(scorer, "scorer");
    }
}
