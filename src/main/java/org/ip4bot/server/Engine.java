package org.ip4bot.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.ip4bot.Ip4botException;
import org.ip4bot.admin.CorpusReloader;
import org.ip4bot.answer.DocumentRef;
import org.ip4bot.answer.AnswerService;
import org.ip4bot.answer.BriefComposer;
import org.ip4bot.answer.EvidenceGate;
import org.ip4bot.answer.ExtractiveComposer;
import org.ip4bot.answer.ModelBriefRewriter;
import org.ip4bot.answer.ModelComposer;
import org.ip4bot.answer.ModelQuestionRewriter;
import org.ip4bot.answer.QuestionRewriter;
import org.ip4bot.config.BotConfig;
import org.ip4bot.config.LlmSettings;
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
import org.ip4bot.index.ScoredChunk;
import org.ip4bot.llm.DisabledLanguageModel;
import org.ip4bot.llm.LanguageModel;
import org.ip4bot.llm.LanguageModels;
import org.ip4bot.llm.ModelEndpoint;
import org.ip4bot.retrieval.LuceneHybridRetriever;
import org.ip4bot.retrieval.QueryExpander;
import org.ip4bot.retrieval.RetrievalMode;
import org.ip4bot.retrieval.Retriever;

/**
 * The one place that builds the answer engine's object graph. Owns the embedding model's threads and the open
 * index; close it when done.
 *
 * <p>Thread safety: questions may be answered while {@link #refresh} runs; they use the index that was serving when
 * they started. Refreshes run one at a time. A replaced index is closed only after {@link #RETIRED_GRACE_SECONDS},
 * long after any question that picked it up has finished, so no question ever searches a closed index.
 */
public final class Engine implements AutoCloseable, CorpusReloader {

    /** One long document may place at most this many passages before other documents get a turn. */
    private static final int MAX_PASSAGES_PER_DOCUMENT = 2;
    /** How long a replaced index stays open for the questions already using it (answers take well under 1 s). */
    static final long RETIRED_GRACE_SECONDS = 120;
    /** The most a follow-up's rewrite may spend on the language model. */
    static final long FOLLOW_UP_BUDGET_SECONDS = 5;

    private final BotConfig config;
    private final ExecutorService embeddingThreads;
    private final Embedder embedder;
    private final IndexStore store;
    private final IndexBuilder builder;
    private final QueryExpander expander = new QueryExpander();
    private final AtomicReference<IndexSnapshot> serving = new AtomicReference<>();
    private final AnswerService answers;
    private final LanguageModel languageModel;
    private final Object refreshing = new Object();
    private final ScheduledExecutorService retiring =
            Executors.newSingleThreadScheduledExecutor(daemon("index-retire"));
    private final List<IndexSnapshot> retired = new ArrayList<>();
    private final AtomicReference<Catalog> catalog = new AtomicReference<>();
    private final EngineEvents events;

    public Engine(BotConfig config) {
        this(config, null);
    }

    /** For tests that count or replace embeddings; {@code embedder} null means the real bge-small model. */
    public Engine(BotConfig config, Embedder embedder) {
        this(config, embedder, UNHEARD);
    }

    /**
     * As {@link #Engine(BotConfig, Embedder)}, telling {@code events} of every search, every language model call
     * and every fallback to the extractive text: the server's metrics.
     */
    Engine(BotConfig config, Embedder embedder, EngineEvents events) {
        this.config = config;
        this.events = events;
        this.embeddingThreads = Executors.newFixedThreadPool(config.embeddingThreads(), daemon("embedding"));
        this.embedder = embedder != null ? embedder : new BgeSmallEmbedder(embeddingThreads);
        this.store = new IndexStore(config.dataDir());
        this.builder = new IndexBuilder(new CorpusScanner(config.maxFileMb() * 1024L * 1024L), new DocumentReaders(),
                ChunkingSettings.DEFAULT, this.embedder, store);
        this.languageModel = languageModel(config.llm(), events);
        this.answers = new AnswerService(() -> retriever(RetrievalMode.HYBRID),
                new ModelComposer(new ExtractiveComposer(EvidenceGate.DEFAULT), languageModel, config.llm().budget(),
                        config.llm().maxContextChars(), events),
                new BriefComposer(EvidenceGate.DEFAULT,
                        new ModelBriefRewriter(languageModel, config.llm().budget(), events)),
                config.maxQuestionChars());
    }

    /**
     * Builds or refreshes the index from the corpus directory (incremental), then serves the result. The previous
     * index keeps serving until the new one is complete, and stays open a while longer for questions in flight.
     */
    public IndexReport refresh(IndexProgress progress) {
        synchronized (refreshing) {
            IndexReport report = builder.build(config.corpusDir(), progress);
            IndexSnapshot opened = store.open().orElseThrow(() -> new Ip4botException(
                    "the index in " + config.dataDir() + " was built but has no manifest; run 'index' again"));
            IndexSnapshot old = serving.getAndSet(opened);
            if (old != null) {
                retire(old);
            }
            return report;
        }
    }

    /** The same as {@link #refresh}: an admin's reload from a chat. */
    @Override
    public IndexReport reload(IndexProgress progress) {
        return refresh(progress);
    }

    /** True once an index is serving. */
    public boolean ready() {
        return serving.get() != null;
    }

    /** The documents in the serving index, ordered by path; computed once per index. */
    public List<DocumentRef> documents() {
        IndexSnapshot snapshot = snapshot();
        Catalog known = catalog.get();
        if (known != null && known.snapshot() == snapshot) {
            return known.documents();
        }
        Map<String, DocumentRef> byPath = new LinkedHashMap<>();
        for (ScoredChunk scored : snapshot.allChunks()) {
            var chunk = scored.chunk();
            var meta = chunk.metadata();
            byPath.putIfAbsent(chunk.path(), new DocumentRef(chunk.path(), meta.title(), meta.date(), meta.url()));
        }
        List<DocumentRef> documents = byPath.values().stream().sorted(Comparator.comparing(DocumentRef::source))
                .toList();
        catalog.set(new Catalog(snapshot, documents));
        return documents;
    }

    /**
     * Follow-ups rewritten by the configured language model, falling back to {@code rules} when there is none or it
     * fails. The model gets at most {@value #FOLLOW_UP_BUDGET_SECONDS} s (or the answer budget, if shorter): the asker
     * waits for the rewrite before the answer even starts.
     */
    public QuestionRewriter followUps(QuestionRewriter rules) {
        Duration budget = Duration.ofSeconds(FOLLOW_UP_BUDGET_SECONDS);
        return new ModelQuestionRewriter(languageModel,
                rules, config.llm().budget().compareTo(budget) < 0 ? config.llm().budget() : budget,
                config.maxQuestionChars());
    }

    /**
     * The language model named by the settings, its calls told to {@code events}; the disabled stand-in, uncounted,
     * when none is configured (its "calls" are not calls).
     */
    private static LanguageModel languageModel(LlmSettings llm, EngineEvents events) {
        ModelEndpoint endpoint = new ModelEndpoint(llm.baseUrl(), llm.model(), llm.apiKey(), llm.temperature(),
                llm.timeout(), llm.retries());
        LanguageModel model = switch (llm.provider()) {
            case NONE -> new DisabledLanguageModel();
            case OPENAI -> LanguageModels.openAi(endpoint);
            case AZURE_OPENAI -> LanguageModels.azureOpenAi(endpoint, llm.azureDeployment(), llm.azureApiVersion());
            case OLLAMA -> LanguageModels.ollama(endpoint);
        };
        return llm.provider() == LlmSettings.Provider.NONE ? model : new CountedLanguageModel(model, events);
    }

    public AnswerService answers() {
        return answers;
    }

    /**
     * A retriever over the serving index, each search timed for the events; the modes other than hybrid exist for
     * evaluation.
     */
    public Retriever retriever(RetrievalMode mode) {
        IndexSnapshot snapshot = serving.get();
        if (snapshot == null) {
            throw new Ip4botException("no index is loaded yet; build one with the 'index' command");
        }
        return new TimedRetriever(
                new LuceneHybridRetriever(snapshot, embedder, expander, mode, MAX_PASSAGES_PER_DOCUMENT),
                events::retrieved);
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
        retiring.shutdownNow();
        IndexSnapshot snapshot = serving.getAndSet(null);
        if (snapshot != null) {
            snapshot.close();
        }
        synchronized (retired) {
            retired.forEach(IndexSnapshot::close);
            retired.clear();
        }
        embeddingThreads.shutdownNow();
    }

    private void retire(IndexSnapshot old) {
        synchronized (retired) {
            retired.add(old);
        }
        retiring.schedule(() -> {
            synchronized (retired) {
                if (retired.remove(old)) {
                    old.close();
                }
            }
        }, RETIRED_GRACE_SECONDS, TimeUnit.SECONDS);
    }

    private record Catalog(IndexSnapshot snapshot, List<DocumentRef> documents) {
    }

    /** The command line's engine: nobody listens. */
    private static final EngineEvents UNHEARD = new EngineEvents() {
        @Override
        public void retrieved(Duration took) {
        }

        @Override
        public void modelAnswered() {
        }

        @Override
        public void modelFailed(String kind) {
        }

        @Override
        public void fellBack(Reason reason) {
        }
    };

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
