package org.ip4bot.retrieval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ip4bot.index.Embedder;
import org.ip4bot.index.IndexSnapshot;
import org.ip4bot.index.ScoredChunk;
import org.ip4bot.index.SearchFilter;
import org.ip4bot.index.TextQuery;

/**
 * Ranks passages by reciprocal rank fusion of BM25 (with alias expansion) and vector similarity, then collapses
 * near-duplicates and caps how many passages one document may place near the top.
 */
public final class LuceneHybridRetriever implements Retriever {

    /** The usual RRF constant: it damps the difference between rank 1 and rank 2 of one list. */
    private static final int RRF_K = 60;
    private static final int CANDIDATES = 50;

    private final IndexSnapshot index;
    private final Embedder embedder;
    private final QueryExpander expander;
    private final RetrievalMode mode;
    private final int maxPerDocument;

    public LuceneHybridRetriever(IndexSnapshot index, Embedder embedder, QueryExpander expander, RetrievalMode mode,
            int maxPerDocument) {
        if (maxPerDocument < 1) {
            throw new IllegalArgumentException("maxPerDocument must be at least 1, was " + maxPerDocument);
        }
        this.index = index;
        this.embedder = embedder;
        this.expander = expander;
        this.mode = mode;
        this.maxPerDocument = maxPerDocument;
    }

    @Override
    public String corpusVersion() {
        return index.corpusVersion();
    }

    @Override
    public Retrieval retrieve(String question, SearchFilter filter, int limit) {
        List<String> alternatives = expander.alternatives(question);
        float[] queryVector = embedder.embedQuery(expander.expandForEmbedding(question));

        Map<String, Candidate> candidates = new LinkedHashMap<>();
        if (mode != RetrievalMode.VECTOR) {
            fuse(candidates, index.keywordSearch(new TextQuery(question, alternatives), filter, CANDIDATES));
        }
        if (mode != RetrievalMode.KEYWORD) {
            fuse(candidates, index.vectorSearch(queryVector, filter, CANDIDATES));
        }
        List<Candidate> ranked = new ArrayList<>(candidates.values());
        ranked.sort((a, b) -> Double.compare(b.fused, a.fused));

        List<Passage> passages = diversify(NearDuplicates.collapse(ranked), limit, queryVector);
        return new Retrieval(question, passages, queryTerms(question, alternatives), index.corpusVersion(),
                new EmbeddingSentenceScorer(embedder, index, queryVector));
    }

    private static void fuse(Map<String, Candidate> candidates, List<ScoredChunk> ranking) {
        for (int i = 0; i < ranking.size(); i++) {
            ScoredChunk hit = ranking.get(i);
            candidates.computeIfAbsent(hit.chunk().id(), id -> new Candidate(hit)).fused += 1.0 / (RRF_K + i + 1);
        }
    }

    /** Keeps the ranking order but lets no document place more than {@code maxPerDocument} before the others. */
    private List<Passage> diversify(List<Candidate> ranked, int limit, float[] queryVector) {
        List<Candidate> chosen = new ArrayList<>();
        List<Candidate> overflow = new ArrayList<>();
        Map<String, Integer> perDocument = new HashMap<>();
        for (Candidate c : ranked) {
            int count = perDocument.merge(c.hit.chunk().path(), 1, Integer::sum);
            (count <= maxPerDocument ? chosen : overflow).add(c);
        }
        chosen.addAll(overflow);
        List<Passage> out = new ArrayList<>();
        for (Candidate c : chosen.subList(0, Math.min(limit, chosen.size()))) {
            out.add(new Passage(c.hit.chunk(), out.size() + 1, c.fused, c.hit.similarityTo(queryVector)));
        }
        return out;
    }

    private Map<String, Double> queryTerms(String question, List<String> alternatives) {
        Map<String, Double> terms = new LinkedHashMap<>();
        for (String term : index.analyze(question)) {
            terms.put(term, index.idf(term));
        }
        for (String alternative : alternatives) {
            for (String term : index.analyze(alternative)) {
                terms.putIfAbsent(term, index.idf(term) * 0.6);
            }
        }
        return terms;
    }

    static final class Candidate {
        final ScoredChunk hit;
        double fused;

        Candidate(ScoredChunk hit) {
            this.hit = hit;
        }
    }
}
