package org.ip4bot.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.ip4bot.Ip4botException;
import org.ip4bot.config.BotConfig;
import org.ip4bot.eval.EvalQuestion;
import org.ip4bot.eval.EvalQuestions;
import org.ip4bot.index.BgeSmallEmbedder;
import org.ip4bot.index.IndexProgress;
import org.ip4bot.index.IndexReport;
import org.ip4bot.index.SearchFilter;
import org.ip4bot.server.Engine;

/**
 * Runs the whole benchmark and returns its table: retrieval quality against BM25, vectors and langchain4j's easy
 * RAG; latency, reload, start-up and memory at each scale; the cold build; answer latency; Slack acknowledgement.
 * One embedding model is loaded for ip4bot and one for easy-RAG, and shared by every engine the run opens.
 */
public final class Benchmark {

    private final BenchSettings settings;
    private final BotConfig base;
    private final BenchLog log;

    /**
     * @param base settings for every engine the run opens (corpus and data directories are replaced per engine)
     * @param log  progress lines, for a person watching a long run
     */
    public Benchmark(BenchSettings settings, BotConfig base, PrintStream log) {
        this.settings = settings;
        this.base = base;
        this.log = new BenchLog(log);
    }

    public BenchReport run() {
        List<EvalQuestion> questions = EvalQuestions.read(settings.questionsFile());
        List<EvalQuestion> withSource = questions.stream().filter(q -> !q.source().equals("none"))
                .limit(settings.maxQuestions() == 0 ? Long.MAX_VALUE : settings.maxQuestions()).toList();
        if (withSource.isEmpty()) {
            throw new Ip4botException(settings.questionsFile() + " has no question with a source; retrieval quality "
                    + "needs questions whose \"source\" names the document that answers them");
        }
        List<String> queryMix = questions.stream().map(EvalQuestion::question).toList();
        BenchReport report = new BenchReport("ip4bot benchmark");
        describe(report, questions.size(), withSource.size());

        String loadAtStart = MachineInfo.loadAverage();
        Path work = workDirectory();
        ExecutorService threads = Executors.newFixedThreadPool(base.embeddingThreads(), daemon());
        try {
            long modelStart = System.nanoTime();
            BudgetedEmbedder embedder = new BudgetedEmbedder(new BgeSmallEmbedder(threads));
            EasyRag easyRag = new EasyRag(threads);
            log.say("models loaded in %.1f s", (System.nanoTime() - modelStart) / 1e9);

            RealCorpus real = realCorpus(report, embedder, withSource, questions, easyRag, work);
            ScaleBench scales = new ScaleBench(settings, base, embedder, easyRag, real, queryMix, work, log);
            for (int target : settings.scales()) {
                scales.run(target, report);
            }
            log.say("Slack acknowledgement latency");
            SlackAckBench.measure(report, settings.corpusDir(), work.resolve("cold-data"), questions.stream()
                    .filter(EvalQuestion::inScope).map(EvalQuestion::question).toList(), settings.slackWaves());
            report.describe("load average", "1 / 5 / 15 min: " + loadAtStart + " at start, "
                    + MachineInfo.loadAverage() + " at end (" + Runtime.getRuntime().availableProcessors()
                    + " cores; above that, other processes competed for the CPU)");
            notes(report, real);
            return report;
        } finally {
            threads.shutdownNow();
            Trees.deleteTree(work);
        }
    }

    /** Cold build, quality, answers, reload and start-up over the real corpus; returns it for the scale corpora. */
    private RealCorpus realCorpus(BenchReport report, BudgetedEmbedder embedder, List<EvalQuestion> withSource,
            List<EvalQuestion> questions, EasyRag easyRag, Path work) {
        Path coldData = work.resolve("cold-data");
        log.say("cold build of %s", settings.corpusDir());
        try (Engine engine = new Engine(base.withCorpusDir(settings.corpusDir()).withDataDir(coldData), embedder)) {
            long started = System.nanoTime();
            IndexReport cold = engine.refresh(IndexProgress.SILENT);
            double seconds = (System.nanoTime() - started) / 1e9;
            report.describe("corpus", String.format(Locale.ROOT, "%s: %d documents, %,d chunks, version %s",
                    settings.corpusDir(), cold.documents(), cold.chunks(), cold.corpusVersion()));
            report.info("indexing", "cold build of the real corpus (read, chunk, embed, write)",
                    String.format(Locale.ROOT, "%.1f chunks/s (%,d chunks in %.1f s)", cold.chunks() / seconds,
                            cold.chunks(), seconds));
            RealCorpus real = new RealCorpus(settings.corpusDir(), engine.snapshot().manifest(),
                    engine.snapshot().allChunks());

            log.say("retrieval quality");
            long ingestStart = System.nanoTime();
            EasyRag.Store store = easyRag.ingest(settings.corpusDir(), List.copyOf(real.manifest().files().keySet()));
            double ingestSeconds = (System.nanoTime() - ingestStart) / 1e9;
            quality(report, Subjects.of(engine, store), withSource);
            report.info("indexing", "easy-RAG ingestion of the real corpus (load, split, embed)",
                    String.format(Locale.ROOT, "%.1f segments/s (%,d segments in %.1f s)",
                            store.segments() / ingestSeconds, store.segments(), ingestSeconds));

            log.say("answer latency");
            answers(report, engine, questions);

            log.say("incremental reload of the real corpus");
            ReloadBench.Result reload = ReloadBench.run(base, settings.corpusDir(), coldData,
                    ReloadBench.typicalNote(real.chunks()), embedder, work.resolve("reload-real"));
            report.info("indexing", "incremental reload after one note changes @ real corpus",
                    String.format(Locale.ROOT, "%.2f s (%s, %d chunks re-embedded)", reload.seconds(),
                            reload.note(), reload.embedded()));
            startToReady(report, coldData, real.chunks().size());
            return real;
        }
    }

    private void quality(BenchReport report, Map<String, Function<String, List<String>>> subjects,
            List<EvalQuestion> withSource) {
        Map<String, SourceScores> scores = new java.util.LinkedHashMap<>();
        subjects.forEach((name, subject) -> scores.put(name, SourceScores.score(withSource, subject)));
        SourceScores hybrid = scores.get(Subjects.HYBRID);
        String area = "quality (" + withSource.size() + " questions)";
        scores.forEach((name, s) -> {
            if (name.equals(Subjects.HYBRID)) {
                boolean beatsAll = scores.entrySet().stream().filter(e -> !e.getKey().equals(Subjects.HYBRID))
                        .allMatch(e -> hybrid.mrr() > e.getValue().mrr() && hybrid.hitAt5() > e.getValue().hitAt5());
                report.add(area, name + ": source hit@1 / hit@5 / MRR", s.summary(),
                        "beats the other three on MRR and hit@5", BenchReport.Verdict.of(beatsAll));
            } else {
                report.info(area, name + ": source hit@1 / hit@5 / MRR", s.summary());
            }
        });
        StringBuilder mrr = new StringBuilder();
        StringBuilder hit5 = new StringBuilder();
        scores.forEach((name, s) -> {
            if (!name.equals(Subjects.HYBRID)) {
                mrr.append(mrr.length() == 0 ? "" : " / ").append(signed(hybrid.mrr() - s.mrr()));
                hit5.append(hit5.length() == 0 ? "" : " / ").append(signed(hybrid.hitAt5() - s.hitAt5()));
            }
        });
        report.info(area, "ip4bot hybrid's margin over " + Subjects.KEYWORD + " / " + Subjects.VECTOR + " / "
                + Subjects.EASY_RAG, "MRR " + mrr + "; hit@5 " + hit5);
    }

    private static String signed(double delta) {
        return String.format(Locale.ROOT, "%+.3f", delta);
    }

    private void answers(BenchReport report, Engine engine, List<EvalQuestion> questions) {
        int count = settings.answerQuestions() == 0 ? questions.size()
                : Math.min(settings.answerQuestions(), questions.size());
        for (int i = 0; i < Math.min(5, questions.size()); i++) {
            engine.answers().ask(questions.get(i).question(), SearchFilter.NONE);
        }
        List<Long> nanos = new ArrayList<>();
        for (EvalQuestion q : questions.subList(0, count)) {
            long started = System.nanoTime();
            engine.answers().ask(q.question(), SearchFilter.NONE);
            nanos.add(System.nanoTime() - started);
        }
        report.info("serving", "extractive answer over the real corpus (" + count + " questions), p50 / p95 / p99",
                Latencies.of(nanos).p50p95p99());
    }

    private void startToReady(BenchReport report, Path coldData, int chunks) {
        log.say("start to ready over the real corpus");
        ProbeRun median = ProbeRun.median(settings.startRuns(), settings.corpusDir(), coldData,
                settings.questionsFile(), settings.probeWarmQuestions());
        ScaleBench.addStartToReady(report, "start to ready, cached index @ real corpus"
                + ScaleBench.medianOf(settings.startRuns()), median, "");
        ScaleBench.addMemory(report, String.format(Locale.ROOT, "%,d chunks (real corpus)", chunks), chunks, median);
    }

    private void describe(BenchReport report, int questions, int withSource) {
        report.describe("date", ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        report.describe("machine", MachineInfo.cpu() + ", " + MachineInfo.memory() + " RAM");
        report.describe("OS", MachineInfo.os());
        report.describe("JVM", MachineInfo.jvm());
        report.describe("settings", String.format(Locale.ROOT, "%s run; scales %s; %d timed queries per retriever "
                + "and scale after %d warm-up; seed %d; embedding threads %d", settings.quick() ? "quick" : "full",
                settings.scales(), settings.latencyQueries(), Math.min(20, settings.latencyQueries()), settings.seed(),
                base.embeddingThreads()));
        report.describe("questions", String.format(Locale.ROOT, "%s: %d, of which %d name a source document",
                settings.questionsFile(), questions, withSource));
    }

    private void notes(BenchReport report, RealCorpus real) {
        report.note("Quality: the rank of the question's source among the distinct documents of the top "
                + Subjects.DEPTH + " passages, scored as `eval` scores it. easy-RAG is langchain4j 1.11's pipeline "
                + "with its defaults: files loaded as text, DocumentSplitters." + EasyRag.SPLITTER + " with the "
                + "HuggingFace token counter, the same bge-small-en-v1.5 (quantised) model with no query "
                + "instruction, InMemoryEmbeddingStore, EmbeddingStoreContentRetriever with maxResults "
                + EasyRag.MAX_RESULTS + "; segments map back to files through their file_name and "
                + "absolute_directory_path metadata.");
        report.note("Latency: warm, one query at a time, query embedding included, on the dev questions in turn. "
                + "Each scale is the real corpus (" + real.chunks().size() + " chunks) plus synthetic notes. A "
                + "synthetic section takes 45-65% of its words from one real chunk and the rest from two others "
                + "(random subsets of their sentences, in order), permutes partner, city and leader names and shifts "
                + "every year by one offset in [-7, 7]; it runs to 170-320 words, so the real chunker makes one chunk "
                + "of it. Its vector is normalize(normalize(w1 v1 + w2 v2 + w3 v3) + " + SyntheticCorpus.NOISE_SIGMA
                + " g): v are the three real chunks' stored embeddings, w their shares of its words, g a standard "
                + "Gaussian vector seeded by the seed and the chunk id. The notes are written as Markdown, read and "
                + "chunked by the real readers and indexed through the real index layout; easy-RAG's store holds "
                + "the same chunks and vectors.");
        report.note("Start to ready: a child JVM (default flags) started on this class path loads the model, opens "
                + "the cached index after checking the corpus is unchanged, and answers one question; timed from "
                + "process start to its answer; the median of " + settings.startRuns() + " children per corpus. "
                + "Memory: that median child after " + settings.probeWarmQuestions()
                + " more answers and two System.gc() calls; resident size from /proc/self/status (anon = heap, "
                + "native and model; file = memory-mapped index pages).");
        report.note("Incremental reload: an engine serving a linked copy of the corpus sees one note change (a "
                + "paragraph appended) and refreshes: scan, carry every unchanged file's Lucene segments into a new "
                + "index generation (hard links), delete the changed note's old chunks there, embed and add its new "
                + "ones, verify the generation, swap it in.");
        report.note("Slack acknowledgement: the real `serve` command in a child JVM (extractive answers, its own "
                + "heap and JIT) with the Slack Web API faked on loopback in the benchmark process. After 5 events one "
                + "at a time and up to " + SlackAckBench.WARM_WAVES + " untimed waves, each timed wave releases "
                + SlackAckBench.CONCURRENT + " signed app_mention events at once from as many threads; a request is "
                + "timed from send to its HTTP 200. The server answers every event meanwhile (one worker per core, "
                + "50 queued, the rest told to retry), so acknowledgements share the cores with answering.");
    }

    private Path workDirectory() {
        try {
            Path benchDir = settings.dataDir().resolve("bench");
            Files.createDirectories(benchDir);
            // Beside the cache, so hard links between the two work.
            return Files.createTempDirectory(benchDir, "run-");
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a work directory under " + settings.dataDir(), e);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return runnable -> {
            Thread thread = new Thread(runnable, "bench-embedding");
            thread.setDaemon(true);
            return thread;
        };
    }
}
