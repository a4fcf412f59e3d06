package org.ip4bot.index;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.util.QueryBuilder;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.VectorUtil;
import org.ip4bot.Ip4botException;
import org.ip4bot.corpus.Chunk;

/**
 * One opened, immutable version of the index. Thread-safe for searching; close it when no search uses it.
 */
public final class IndexSnapshot implements Closeable {

    /** Alternative names count for less than the user's own words. */
    private static final float ALTERNATIVE_BOOST = 0.6f;
    /** Lucene refuses queries of over 1,024 clauses; a long question's first distinct words are plenty. */
    private static final int MAX_TERMS = 200;
    /** A question word in the title or heading says more about a passage than the same word in its text. */
    private static final float LABEL_BOOST = 1.5f;

    private final IndexManifest manifest;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final Analyzer analyzer = new EnglishAnalyzer();

    private IndexSnapshot(IndexManifest manifest, DirectoryReader reader) {
        this.manifest = manifest;
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
    }

    static IndexSnapshot open(Path dataDir, IndexManifest manifest) {
        Path dir = dataDir.resolve(manifest.indexDirectory());
        try {
            return new IndexSnapshot(manifest, DirectoryReader.open(FSDirectory.open(dir)));
        } catch (IOException e) {
            throw new Ip4botException("could not open the index in " + dir + " (run the 'index' command to rebuild it): "
                    + e.getMessage(), e);
        }
    }

    public IndexManifest manifest() {
        return manifest;
    }

    public String corpusVersion() {
        return manifest.corpusVersion();
    }

    public int chunkCount() {
        return reader.numDocs();
    }

    /** BM25 over title, heading and text; the user's words are optional clauses, so partial matches still rank. */
    public List<ScoredChunk> keywordSearch(TextQuery query, SearchFilter filter, int limit) {
        return load(keywordHits(query, filter, limit));
    }

    /** As {@link #keywordSearch}, without reading the hits' stored fields. */
    public List<SearchHit> keywordHits(TextQuery query, SearchFilter filter, int limit) {
        BooleanQuery.Builder words = new BooleanQuery.Builder();
        for (String term : analyze(query.text()).stream().distinct().limit(MAX_TERMS).toList()) {
            words.add(new TermQuery(new Term(LuceneSchema.BODY, term)), BooleanClause.Occur.SHOULD);
            words.add(new BoostQuery(new TermQuery(new Term(LuceneSchema.LABELS, term)), LABEL_BOOST),
                    BooleanClause.Occur.SHOULD);
        }
        for (String alternative : query.alternatives().stream().limit(MAX_TERMS).toList()) {
            Query phrase = phrase(alternative);
            if (phrase != null) {
                words.add(new BoostQuery(phrase, ALTERNATIVE_BOOST), BooleanClause.Occur.SHOULD);
            }
        }
        BooleanQuery built = words.build();
        if (built.clauses().isEmpty()) {
            return List.of();
        }
        return hits(withFilter(built, filter), limit, hit -> hit.score);
    }

    /** Approximate nearest neighbours by cosine similarity of unit-length vectors; scores are cosine similarities. */
    public List<ScoredChunk> vectorSearch(float[] queryVector, SearchFilter filter, int limit) {
        return load(vectorHits(queryVector, filter, limit));
    }

    /** As {@link #vectorSearch}, without reading the hits' stored fields. */
    public List<SearchHit> vectorHits(float[] queryVector, SearchFilter filter, int limit) {
        Query knn = filter.isEmpty()
                ? new KnnFloatVectorQuery(LuceneSchema.VECTOR, queryVector, limit)
                : new KnnFloatVectorQuery(LuceneSchema.VECTOR, queryVector, limit, filterQuery(filter));
        // Lucene scores DOT_PRODUCT as (1 + cos) / 2; turn it back into the cosine.
        return hits(knn, limit, hit -> 2 * hit.score - 1);
    }

    /**
     * The exact cosine similarity of each hit's chunk to a unit-length query vector, in the order given. Read from
     * the vector index, not the stored fields, so it costs no decompression.
     */
    public float[] cosines(List<SearchHit> hits, float[] queryVector) {
        float[] out = new float[hits.size()];
        Integer[] byDoc = new Integer[hits.size()];
        for (int i = 0; i < byDoc.length; i++) {
            byDoc[i] = i;
        }
        // The vector values of a segment can only move forward, so visit the hits in document order.
        Arrays.sort(byDoc, (a, b) -> Integer.compare(hits.get(a).doc(), hits.get(b).doc()));
        List<LeafReaderContext> leaves = reader.leaves();
        try {
            int leaf = -1;
            FloatVectorValues values = null;
            for (int i : byDoc) {
                int doc = hits.get(i).doc();
                int at = ReaderUtil.subIndex(doc, leaves);
                if (at != leaf || values == null || values.docID() > doc - leaves.get(at).docBase) {
                    leaf = at;
                    values = leaves.get(at).reader().getFloatVectorValues(LuceneSchema.VECTOR);
                }
                int target = doc - leaves.get(at).docBase;
                int found = values.docID() >= target ? values.docID() : values.advance(target);
                if (found != target) {
                    throw new IllegalStateException("chunk " + doc + " has no vector in " + manifest.indexDirectory());
                }
                out[i] = VectorUtil.dotProduct(values.vectorValue(), queryVector);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The chunk a hit points at, read from the stored fields. */
    public Chunk chunk(SearchHit hit) {
        try {
            return LuceneSchema.chunkOf(reader.storedFields().document(hit.doc(), LuceneSchema.CHUNK_FIELDS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every chunk, in index order; for evaluation and tools, not for serving. */
    public List<ScoredChunk> allChunks() {
        return run(new MatchAllDocsQuery(), Math.max(1, reader.numDocs()), hit -> 0f);
    }

    /** The terms this index would search for in the text: lower-cased, stop words removed, stemmed. */
    public List<String> analyze(String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(LuceneSchema.BODY, text)) {
            CharTermAttribute attr = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(attr.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    /** Inverse document frequency of an analysed term over chunks, as BM25 computes it; rare terms weigh more. */
    public double idf(String term) {
        try {
            long df = reader.docFreq(new Term(LuceneSchema.BODY, term));
            long n = Math.max(1, reader.numDocs());
            return Math.log(1 + (n - df + 0.5) / (df + 0.5));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * True when the index holds the analysed term, or a term within a small edit distance of it (so a typo such
     * as "sumit" still counts as known). A question whose rare words are all unknown is about something else.
     */
    public boolean knowsTerm(String term) {
        try {
            if (reader.docFreq(new Term(LuceneSchema.BODY, term)) > 0) {
                return true;
            }
            int edits = term.length() >= 6 ? 2 : term.length() >= 4 ? 1 : 0;
            return edits > 0
                    && searcher.count(new FuzzyQuery(new Term(LuceneSchema.BODY, term), edits, 1)) > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Map<String, List<IndexedChunk>> chunksByFileHash(Set<String> hashes) {
        Map<String, List<IndexedChunk>> byHash = new HashMap<>();
        if (hashes.isEmpty()) {
            return byHash;
        }
        List<BytesRef> terms = hashes.stream().map(BytesRef::new).toList();
        try {
            TermInSetQuery query = new TermInSetQuery(LuceneSchema.FILE_HASH, terms);
            StoredFields stored = reader.storedFields();
            for (ScoreDoc hit : searcher.search(query, Math.max(1, reader.numDocs())).scoreDocs) {
                IndexedChunk chunk = LuceneSchema.fromDocument(stored.document(hit.doc));
                List<IndexedChunk> chunks = byHash.computeIfAbsent(chunk.fileHash(), h -> new ArrayList<>());
                // Identical files share a hash; one file's chunks are enough to rebuild each of them.
                if (chunks.isEmpty() || chunks.get(0).chunk().path().equals(chunk.chunk().path())) {
                    chunks.add(chunk);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byHash.values().forEach(list -> list.sort((a, b) -> Integer.compare(a.chunk().ordinal(), b.chunk().ordinal())));
        return byHash;
    }

    private interface Scorer {
        float score(ScoreDoc hit);
    }

    private List<ScoredChunk> run(Query query, int limit, Scorer scorer) {
        return load(hits(query, limit, scorer));
    }

    private List<SearchHit> hits(Query query, int limit, Scorer scorer) {
        try {
            ScoreDoc[] found = searcher.search(query, limit).scoreDocs;
            List<SearchHit> out = new ArrayList<>(found.length);
            for (ScoreDoc hit : found) {
                out.add(new SearchHit(hit.doc, scorer.score(hit)));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<ScoredChunk> load(List<SearchHit> hits) {
        try {
            StoredFields stored = reader.storedFields();
            List<ScoredChunk> out = new ArrayList<>(hits.size());
            for (SearchHit hit : hits) {
                IndexedChunk chunk = LuceneSchema.fromDocument(stored.document(hit.doc()));
                out.add(new ScoredChunk(chunk.chunk(), hit.score(), chunk.vector()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A phrase as the analyser sees it, keeping the gaps its stop words leave ("Republic of Korea"). */
    private Query phrase(String text) {
        return new QueryBuilder(analyzer).createPhraseQuery(LuceneSchema.BODY, text);
    }

    private static Query withFilter(Query query, SearchFilter filter) {
        if (filter.isEmpty()) {
            return query;
        }
        return new BooleanQuery.Builder()
                .add(query, BooleanClause.Occur.MUST)
                .add(filterQuery(filter), BooleanClause.Occur.FILTER)
                .build();
    }

    private static Query filterQuery(SearchFilter filter) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        all.add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER);
        if (!filter.countries().isEmpty()) {
            all.add(anyOf(LuceneSchema.COUNTRY, filter.countries().stream()
                    .map(c -> c.toLowerCase(Locale.ROOT)).toList()), BooleanClause.Occur.FILTER);
        }
        if (!filter.documents().isEmpty()) {
            BooleanQuery.Builder docs = new BooleanQuery.Builder();
            docs.add(anyOf(LuceneSchema.PATH, List.copyOf(filter.documents())), BooleanClause.Occur.SHOULD);
            docs.add(anyOf(LuceneSchema.FILE_NAME, List.copyOf(filter.documents())), BooleanClause.Occur.SHOULD);
            all.add(docs.build(), BooleanClause.Occur.FILTER);
        }
        if (filter.from().isPresent() || filter.to().isPresent()) {
            long from = filter.from().map(d -> d.toEpochDay()).orElse(Long.MIN_VALUE);
            long to = filter.to().map(d -> d.toEpochDay()).orElse(Long.MAX_VALUE);
            all.add(LongPoint.newRangeQuery(LuceneSchema.DATE_DAY, from, to), BooleanClause.Occur.FILTER);
        }
        return all.build();
    }

    private static Query anyOf(String field, List<String> values) {
        return new TermInSetQuery(field, values.stream().map(BytesRef::new).toList());
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
