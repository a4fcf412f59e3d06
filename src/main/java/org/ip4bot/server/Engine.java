package org.ip4bot.server;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.ip4bot.Ip4botException;
import org.ip4bot.answer.AnswerService;
import org.ip4bot.answer.BriefComposer;
import org.ip4bot.answer.EvidenceGate;
import org.ip4bot.answer.ExtractiveComposer;
import org.ip4bot.config.BotConfig;
import org.ip4bot.corpus.ChunkingSettings;
import org.ip4bot.corpus.CorpusScanner;
import org.ip4bot.corpus.DocumentReaders;
import org.ip4bot.index.BgeSmallEmbedder;
import org.ip4bot.index.Embedder;
import org.ip4bot.index.IndexBuilder;
import org.ip4bot.index.IndexProgress;
import org.ip4bot.index.IndexReport;
import org.ip4bot.index.IndexSnapshot;
import org.ip4bot.index.IndexStore;
import org.ip4bot.retrieval.LuceneHybridRetriever;
import org.ip4bot.retrieval.QueryExpander;
import org.ip4bot.retrieval.RetrievalMode;
import org.ip4bot.retrieval.Retriever;

/**
 * The one place that builds the answer engine's object graph. Owns the embedding model's threads and the open
 * index; close it when done.
 */
public final class Engine implements AutoCloseable {

    /** One long document may place at most this many passages before other documents get a turn. */
    private static final int MAX_PASSAGES_PER_DOCUMENT = 2;

    private final BotConfig config;
    private final ExecutorService embeddingThreads;
    private final Embedder embedder;
    private final IndexStore store;
    private final IndexBuilder builder;
    private final QueryExpander expander = new QueryExpander();
    private final AtomicReference<IndexSnapshot> serving = new AtomicReference<>();
    private final AnswerService answers;

    public Engine(BotConfig config) {
        this(config, null);
    }

    /** For tests that count or replace embeddings; {@code embedder} null means the real bge-small model. */
    public Engine(BotConfig config, Embedder embedder) {
        this.config = config;
        this.embeddingThreads = Executors.newFixedThreadPool(config.embeddingThreads(), daemon());
        this.embedder = embedder != null ? embedder : new BgeSmallEmbedder(embeddingThreads);
        this.store = new IndexStore(config.dataDir());
        this.builder = new IndexBuilder(new CorpusScanner(config.maxFileMb() * 1024L * 1024L), new DocumentReaders(),
                ChunkingSettings.DEFAULT, this.embedder, store);
        this.answers = new AnswerService(() -> retriever(RetrievalMode.HYBRID),
                new ExtractiveComposer(EvidenceGate.DEFAULT), new BriefComposer(EvidenceGate.DEFAULT),
                config.maxQuestionChars());
    }

    /** Builds or refreshes the index from the corpus directory (incremental), then serves the result. */
    public IndexReport refresh(IndexProgress progress) {
        IndexReport report = builder.build(config.corpusDir(), progress);
        IndexSnapshot opened = store.open().orElseThrow(() -> new Ip4botException(
                "the index in " + config.dataDir() + " was built but has no manifest; run 'index' again"));
        IndexSnapshot old = serving.getAndSet(opened);
        if (old != null) {
            old.close();
        }
        return report;
    }

    public AnswerService answers() {
        return answers;
    }

    /** A retriever over the serving index; the modes other than hybrid exist for evaluation. */
    public Retriever retriever(RetrievalMode mode) {
        IndexSnapshot snapshot = serving.get();
        if (snapshot == null) {
            throw new Ip4botException("no index is loaded yet; build one with the 'index' command");
        }
        return new LuceneHybridRetriever(snapshot, embedder, expander, mode, MAX_PASSAGES_PER_DOCUMENT);
    }

    public IndexSnapshot snapshot() {
        IndexSnapshot snapshot = serving.get();
        if (snapshot == null) {
            throw new Ip4botException("no index is loaded yet; build one with the 'index' command");
        }
        return snapshot;
    }

    public BotConfig config() {
        return config;
    }

    @Override
    public void close() {
        IndexSnapshot snapshot = serving.getAndSet(null);
        if (snapshot != null) {
            snapshot.close();
        }
        embeddingThreads.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return runnable -> {
            Thread thread = new Thread(runnable, "embedding");
            thread.setDaemon(true);
            return thread;
        };
    }
}
