package org.ip4bot.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.ip4bot.Ip4botException;
import org.ip4bot.bench.BenchReport;
import org.ip4bot.bench.BenchSettings;
import org.ip4bot.bench.Benchmark;
import org.ip4bot.config.BotConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "bench", description = "Measure retrieval quality against BM25, vectors and langchain4j's easy RAG, "
        + "latency and memory at 1,000 to 100,000 chunks, indexing, start-up and answer time; print one table and "
        + "write it as Markdown. The full run takes up to 30 minutes, --quick under 3.")
final class BenchCommand implements Callable<Integer> {

    @Mixin
    EngineOptions engine;

    @Option(names = "--quick", description = "1,000 and 10,000 chunks only, fewer queries (under 3 minutes)")
    boolean quick;

    @Option(names = "--questions", paramLabel = "FILE", defaultValue = "src/test/resources/eval/questions.jsonl",
            description = "question set in eval's JSON Lines format (default: ${DEFAULT-VALUE})")
    Path questions;

    @Option(names = "--out", paramLabel = "FILE.md",
            description = "where to write the Markdown table (default: <data>/bench/report.md)")
    Path out;

    @Option(names = "--seed", description = "seed of the synthetic corpora (default: 42)")
    Long seed;

    @Option(names = "--scales", split = ",", hidden = true, description = "chunk counts of the latency corpora")
    List<Integer> scales;

    @Option(names = "--queries", hidden = true, description = "timed queries per retriever and scale")
    Integer queries;

    @Option(names = "--answers", hidden = true, description = "timed answers over the real corpus")
    Integer answers;

    @Option(names = "--max-questions", hidden = true, description = "quality questions used")
    Integer maxQuestions;

    @Option(names = "--start-runs", hidden = true, description = "child processes timed for start-to-ready")
    Integer startRuns;

    @Option(names = "--probe-answers", hidden = true, description = "answers a child gives before its memory is read")
    Integer probeAnswers;

    @Option(names = "--slack-waves", hidden = true, description = "waves of 50 concurrent Slack events")
    Integer slackWaves;

    @Override
    public Integer call() {
        BotConfig config = engine.config();
        if (!Files.isRegularFile(questions)) {
            throw new Ip4botException("question set not found: " + questions.toAbsolutePath()
                    + "; pass --questions FILE (JSON Lines, as for eval)");
        }
        BenchSettings settings = quick
                ? BenchSettings.quick(config.corpusDir(), config.dataDir(), questions)
                : BenchSettings.full(config.corpusDir(), config.dataDir(), questions);
        if (scales != null) {
            settings = settings.withScales(scales.stream().sorted().toList());
        }
        if (queries != null) {
            settings = settings.withLatencyQueries(queries);
        }
        if (answers != null || maxQuestions != null) {
            settings = settings.withQuestionLimits(answers != null ? answers : settings.answerQuestions(),
                    maxQuestions != null ? maxQuestions : settings.maxQuestions());
        }
        if (startRuns != null) {
            settings = settings.withStartRuns(startRuns);
        }
        if (probeAnswers != null) {
            settings = settings.withProbeWarmQuestions(probeAnswers);
        }
        if (slackWaves != null) {
            settings = settings.withSlackWaves(slackWaves);
        }
        if (seed != null) {
            settings = settings.withSeed(seed);
        }
        BenchReport report = new Benchmark(settings, config, System.err).run();
        System.out.print(report.text());
        Path target = out != null ? out : config.dataDir().resolve("bench").resolve("report.md");
        try {
            if (target.toAbsolutePath().getParent() != null) {
                Files.createDirectories(target.toAbsolutePath().getParent());
            }
            Files.writeString(target, report.markdown());
        } catch (IOException e) {
            throw new Ip4botException("could not write the report to " + target + ": " + e.getMessage(), e);
        }
        System.out.println();
        System.out.println("Markdown written to " + target);
        return 0;
    }
}
