package org.ip4bot.retrieval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ip4bot.corpus.Chunk;
import org.ip4bot.index.Embedder;
import org.ip4bot.index.IndexSnapshot;
import org.ip4bot.index.SearchHit;
import org.ip4bot.index.SearchFilter;
import org.ip4bot.index.TextQuery;

/**
 * Ranks passages by a weighted fusion of BM25 (with alias expansion) and vector similarity, then collapses
 * near-duplicates and caps how many passages one document may place near the top.
 */
public final class LuceneHybridRetriever implements Retriever {

    private static final int CANDIDATES = 50;
    /** Weight of BM25 against vector similarity in the fusion, calibrated with {@code eval} on the dev set. */
    static final double KEYWORD_WEIGHT = 0.3;

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
        // Matching the alias patterns is a good share of the work; find the question's names once.
        List<QueryExpander.Expansion> expansions = expander.expansions(question);
        List<String> alternatives = QueryExpander.alternatives(expansions);
        float[] queryVector = embedder.embedQuery(QueryExpander.expandForEmbedding(question, expansions));

        Map<Integer, Candidate> candidates = new LinkedHashMap<>();
        List<SearchHit> keyword = mode == RetrievalMode.VECTOR ? List.of()
                : index.keywordHits(new TextQuery(ChatFiller.strip(question), alternatives), filter, CANDIDATES);
        List<SearchHit> vector = mode == RetrievalMode.KEYWORD ? List.of()
                : index.vectorHits(queryVector, filter, CANDIDATES);
        keyword.forEach(hit -> candidates.computeIfAbsent(hit.doc(), doc -> new Candidate(hit)).keyword = hit.score());
        vector.forEach(hit -> candidates.computeIfAbsent(hit.doc(), doc -> new Candidate(hit)));
        List<Candidate> ranked = new ArrayList<>(candidates.values());
        fuse(ranked, index.cosines(ranked.stream().map(c -> c.hit).toList(), queryVector));
        ranked.sort((a, b) -> Double.compare(b.fused, a.fused));

        List<Passage> passages = select(ranked, limit);
        List<String> words = index.analyze(ChatFiller.strip(question));
        Map<String, Double> terms = queryTerms(words, expansions);
        return new Retrieval(question, passages, terms, unknownTerms(question, words), index.corpusVersion(),
                new EmbeddingSentenceScorer(embedder, index, queryVector));
    }

    /**
     * Convex fusion of min-max normalised scores: the exact cosine of every candidate (read from the vector index,
     * so a keyword-only hit still gets its true similarity) plus a weighted BM25 share. Unlike rank fusion it keeps
     * how far apart candidates are, which matters when one list is much more confident than the other.
     */
    private void fuse(List<Candidate> candidates, float[] cosines) {
        double minCos = Double.MAX_VALUE, maxCos = -Double.MAX_VALUE, maxKeyword = 0;
        for (int i = 0; i < cosines.length; i++) {
            Candidate c = candidates.get(i);
            c.cosine = cosines[i];
            minCos = Math.min(minCos, c.cosine);
            maxCos = Math.max(maxCos, c.cosine);
            maxKeyword = Math.max(maxKeyword, c.keyword);
        }
        double cosRange = maxCos - minCos;
        for (Candidate c : candidates) {
            double semantic = mode == RetrievalMode.KEYWORD ? 0 : cosRange <= 0 ? 1 : (c.cosine - minCos) / cosRange;
            double lexical = maxKeyword <= 0 ? 0 : c.keyword / maxKeyword;
            c.fused = semantic + (mode == RetrievalMode.HYBRID ? KEYWORD_WEIGHT : 1.0) * lexical;
        }
    }

    /**
     * Walks the ranking best first, skipping near-duplicates of better passages, and lets no document place more
     * than {@code maxPerDocument} before the others. Text is read only for the candidates walked: once
     * {@code limit} passages are within their document's share, the rest cannot change the result.
     */
    private List<Passage> select(List<Candidate> ranked, int limit) {
        NearDuplicates seen = new NearDuplicates();
        List<Candidate> chosen = new ArrayList<>();
        List<Candidate> overflow = new ArrayList<>();
        Map<String, Integer> perDocument = new HashMap<>();
        for (Candidate c : ranked) {
            if (chosen.size() >= limit) {
                break;
            }
            c.chunk = index.chunk(c.hit);
            if (seen.admit(c.chunk.text())) {
                int count = perDocument.merge(c.chunk.path(), 1, Integer::sum);
                (count <= maxPerDocument ? chosen : overflow).add(c);
            }
        }
        chosen.addAll(overflow);
        List<Passage> out = new ArrayList<>();
        for (Candidate c : chosen.subList(0, Math.min(limit, chosen.size()))) {
            out.add(new Passage(c.chunk, out.size() + 1, c.fused, (float) c.cosine));
        }
        return out;
    }

    /** @param words the question's analysed terms, chat filler left out */
    private Map<String, Double> queryTerms(List<String> words, List<QueryExpander.Expansion> expansions) {
        Map<String, Double> terms = new LinkedHashMap<>();
        for (String term : words) {
            terms.put(term, index.idf(term));
        }
        // Another name counts for no more than the word the user wrote: "IP4" is in most notes, so its rarer
        // labels (AP4, IPP) must not make the notes about names look like the best evidence.
        for (QueryExpander.Expansion expansion : expansions) {
            double cap = index.analyze(expansion.trigger()).stream().mapToDouble(index::idf).max().orElse(0);
            for (String alternative : expansion.alternatives()) {
                for (String term : index.analyze(alternative)) {
                    terms.putIfAbsent(term, Math.min(index.idf(term), cap) * 0.6);
                }
            }
        }
        return terms;
    }

    /** Terms of the question the corpus has never seen; a term that has an alias (e.g. "albo") is not unknown. */
    private List<String> unknownTerms(String question, List<String> words) {
        List<String> unseen = new ArrayList<>();
        for (String term : new LinkedHashSet<>(words)) {
            if (!index.knowsTerm(term)) {
                unseen.add(term);
            }
        }
        if (unseen.isEmpty()) {
            return unseen; // the usual case, and it spares matching every word against every alias
        }
        Set<String> explained = new HashSet<>();
        for (String word : question.split("[^\\p{L}\\p{N}]+")) {
            if (!expander.alternatives(word).isEmpty()) {
                explained.addAll(index.analyze(word));
            }
        }
        unseen.removeAll(explained);
        return unseen;
    }

    private static final class Candidate {
        final SearchHit hit;
        Chunk chunk;
        double keyword;
        double cosine;
        double fused;

        Candidate(SearchHit hit) {
            this.hit = hit;
        }
    }
}
