package org.ip4bot.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.ip4bot.config.BotConfig;
import org.ip4bot.index.IndexProgress;
import org.ip4bot.index.IndexReport;
import org.ip4bot.index.SearchFilter;
import org.ip4bot.server.Engine;

/**
 * Latency, reload, start-up and memory at one corpus size: opens the cached scale corpus in-process with the
 * shared embedder, times the four retrievers and the answer service, then times an incremental reload and starts
 * a fresh serving process for start-to-ready and memory.
 */
final class ScaleBench {

    private static final int WARM_ROUNDS = 20;
    private static final int TIMED_ANSWERS = 30;
    private static final double ONE_GB_IN_MIB = 1e9 / (1024 * 1024);

    private final BenchSettings settings;
    private final BotConfig base;
    private final BudgetedEmbedder embedder;
    private final EasyRag easyRag;
    private final RealCorpus real;
    private final List<String> questions;
    private final Path work;
    private final BenchLog log;

    ScaleBench(BenchSettings settings, BotConfig base, BudgetedEmbedder embedder, EasyRag easyRag, RealCorpus real,
            List<String> questions, Path work, BenchLog log) {
        this.settings = settings;
        this.base = base;
        this.embedder = embedder;
        this.easyRag = easyRag;
        this.real = real;
        this.questions = questions;
        this.work = work;
        this.log = log;
    }

    void run(int target, BenchReport report) {
        ScaleCorpus.Prepared corpus = ScaleCorpus.prepare(settings.dataDir().resolve("bench"), target, settings.seed(),
                real, embedder.modelName(), base.maxFileMb() * 1024L * 1024L, log);
        ScaleCorpus.Info info = corpus.info();
        String scale = String.format(Locale.ROOT, "%,d chunks", info.chunks());
        String area = "latency @ " + scale;
        report.info("indexing", "synthetic corpus of " + scale + ": " + info.syntheticNotes() + " notes, "
                + String.format(Locale.ROOT, "%.0f MiB index", info.indexBytes() / 1024.0 / 1024.0),
                String.format(Locale.ROOT, "text %.1f s, Lucene %.1f s (%,.0f chunks/s)%s", info.generateSeconds(),
                        info.indexSeconds(), info.chunks() / Math.max(1e-9, info.indexSeconds()),
                        corpus.reused() ? ", cached from an earlier run" : ""));
        report.info("indexing", "synthetic corpus of " + scale + ": chunks with a near-duplicate",
                String.format(Locale.ROOT, "%.2f%% of %,d sampled", 100 * info.nearDuplicateShare(),
                        info.auditSample()));

        log.say("%s: timing the four retrievers", scale);
        double openSeconds;
        try (Engine engine = new Engine(base.withCorpusDir(corpus.corpusDir()).withDataDir(corpus.dataDir()),
                embedder)) {
            long started = System.nanoTime();
            IndexReport opened;
            try (BudgetedEmbedder.Limit limit = embedder.limit(0)) {
                opened = engine.refresh(IndexProgress.SILENT);
            }
            openSeconds = (System.nanoTime() - started) / 1e9;
            double heapBefore = MachineInfo.heapAfterGcMib();
            EasyRag.Store store = easyRag.fill(corpus.corpusDir(), engine.snapshot().allChunks());
            double easyRagHeap = MachineInfo.heapAfterGcMib() - heapBefore;
            Map<String, Function<String, List<String>>> subjects = Subjects.of(engine, store);
            Map<String, Latencies> latencies = Subjects.latencies(subjects, questions,
                    Math.min(WARM_ROUNDS, settings.latencyQueries()), settings.latencyQueries());
            latencies.forEach((name, l) -> addLatency(report, area, target, name, l));
            report.info("memory", "easy-RAG in-memory store @ " + scale, String.format(Locale.ROOT,
                    "%.0f MiB of heap for %,d segments", easyRagHeap, store.segments()));
            List<Long> answers = new ArrayList<>();
            int count = Math.min(TIMED_ANSWERS, Math.max(3, settings.latencyQueries() / 3));
            for (int i = 0; i < count + 3; i++) {
                long t = System.nanoTime();
                engine.answers().ask(questions.get(i % questions.size()), SearchFilter.NONE);
                if (i >= 3) {
                    answers.add(System.nanoTime() - t);
                }
            }
            report.info(area, "ip4bot extractive answer (retrieve + compose), p50 / p95 / p99",
                    Latencies.of(answers).p50p95p99());
            if (opened.chunks() != info.chunks()) {
                log.say("warning: %s index holds %d chunks, bench.json says %d", scale, opened.chunks(),
                        info.chunks());
            }
        }

        if (target <= settings.reloadUpTo()) {
            log.say("%s: timing an incremental reload", scale);
            ReloadBench.Result reload = ReloadBench.run(base, corpus.corpusDir(), corpus.dataDir(),
                    ReloadBench.typicalNote(real.chunks()), embedder, work.resolve("reload-" + target));
            boolean goal = target == 10_000;
            report.add("indexing", "incremental reload after one note changes @ " + scale,
                    String.format(Locale.ROOT, "%.2f s (%s, %d chunks re-embedded)", reload.seconds(), reload.note(),
                            reload.embedded()),
                    goal ? "< 2 s at 10,000" : "", goal ? BenchReport.Verdict.of(reload.seconds() < 2)
                            : BenchReport.Verdict.INFO);
        }

        log.say("%s: starting serving processes for start-up time and memory", scale);
        ProbeRun probe = ProbeRun.median(settings.startRuns(), corpus.corpusDir(), corpus.dataDir(),
                settings.questionsFile(), settings.probeWarmQuestions());
        addStartToReady(report, "start to ready, cached index @ " + scale + medianOf(settings.startRuns()), probe,
                String.format(Locale.ROOT, "; in-process open %.2f s", openSeconds));
        addMemory(report, scale, target, probe);
    }

    static String medianOf(int runs) {
        return runs == 1 ? "" : " (median of " + runs + ")";
    }

    /** The start-to-ready row, with where the child's time went (milliseconds since its JVM started). */
    static void addStartToReady(BenchReport report, String figure, ProbeRun probe, String extra) {
        double main = probe.number("mainMs");
        double engine = probe.number("engineMs");
        double refresh = probe.number("refreshMs");
        double ready = probe.number("ms");
        report.add("indexing", figure, String.format(Locale.ROOT,
                "%.2f s (JVM %.1f, model %.1f, index %.1f, first answer %.1f s%s)", probe.startToReadyMs() / 1000.0,
                (probe.startToReadyMs() - ready + main) / 1000.0, (engine - main) / 1000.0,
                (refresh - engine) / 1000.0, (ready - refresh) / 1000.0, extra), "< 5 s",
                BenchReport.Verdict.of(probe.startToReadyMs() < 5_000));
    }

    static void addMemory(BenchReport report, String scale, int target, ProbeRun probe) {
        double rss = probe.number("rssMib");
        boolean goal = target >= 100_000;
        report.add("memory", "serving process @ " + scale + ": heap after GC / resident (anon + file)",
                String.format(Locale.ROOT, "%.0f MiB / %.0f MiB (%.0f + %.0f)", probe.number("heapMib"), rss,
                        probe.number("rssAnonMib"), probe.number("rssFileMib")),
                goal ? "RSS < 1 GB (954 MiB) at 100,000" : "",
                goal ? BenchReport.Verdict.of(rss < ONE_GB_IN_MIB) : BenchReport.Verdict.INFO);
    }

    private static void addLatency(BenchReport report, String area, int target, String name, Latencies l) {
        String figure = name + " retrieval, p50 / p95 / p99";
        boolean hybrid = name.equals(Subjects.HYBRID);
        if (hybrid && target == 10_000) {
            report.add(area, figure, l.p50p95p99(), "p50 < 10 ms", BenchReport.Verdict.of(l.millis(50) < 10));
        } else if (hybrid && target == 100_000) {
            report.add(area, figure, l.p50p95p99(), "p50 < 30 ms", BenchReport.Verdict.of(l.millis(50) < 30));
        } else {
            report.info(area, figure, l.p50p95p99());
        }
    }
}
