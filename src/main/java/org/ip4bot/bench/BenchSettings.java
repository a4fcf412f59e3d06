package org.ip4bot.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What one benchmark run measures and how hard.
 *
 * @param corpusDir        the real corpus: quality, cold build, reload and the seed of the synthetic corpora
 * @param dataDir          the data directory; synthetic corpora are cached under {@code <dataDir>/bench}
 * @param questionsFile    the question set (JSON Lines, as {@code eval} reads it)
 * @param quick            the quick run (fewer scales and queries), recorded in the output
 * @param scales           target chunk counts of the latency corpora, smallest first
 * @param latencyQueries   timed queries per retriever and scale, after a warm-up
 * @param answerQuestions  timed answers over the real corpus; 0 means every question of the set
 * @param maxQuestions     quality questions used; 0 means every question with a source
 * @param startRuns        child processes started per corpus to time start-to-ready (the median is shown)
 * @param probeWarmQuestions questions a child answers before its memory is read
 * @param reloadUpTo       the largest scale whose incremental reload is timed
 * @param seed             the synthetic generator's seed
 * @param slackWaves       waves of 50 concurrent signed events sent to {@code /slack/events}
 */
public record BenchSettings(Path corpusDir, Path dataDir, Path questionsFile, boolean quick, List<Integer> scales,
        int latencyQueries, int answerQuestions, int maxQuestions, int startRuns, int probeWarmQuestions,
        int reloadUpTo, long seed, int slackWaves) {

    public static final long DEFAULT_SEED = 42;

    public BenchSettings {
        Objects.requireNonNull(corpusDir, "corpusDir");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(questionsFile, "questionsFile");
        scales = List.copyOf(scales);
        for (int scale : scales) {
            if (scale < 10 || scale > 2_000_000) {
                throw new IllegalArgumentException("scales must be between 10 and 2,000,000 chunks, got " + scale);
            }
        }
        if (latencyQueries < 1) {
            throw new IllegalArgumentException("latencyQueries must be at least 1, was " + latencyQueries);
        }
        if (answerQuestions < 0 || maxQuestions < 0 || probeWarmQuestions < 0) {
            throw new IllegalArgumentException("question counts cannot be negative");
        }
        if (slackWaves < 1) {
            throw new IllegalArgumentException("slackWaves must be at least 1, was " + slackWaves);
        }
        if (startRuns < 1) {
            throw new IllegalArgumentException("startRuns must be at least 1, was " + startRuns);
        }
    }

    /** The full run: three scales up to 100,000 chunks, 300 timed queries per retriever and scale. */
    public static BenchSettings full(Path corpusDir, Path dataDir, Path questionsFile) {
        return new BenchSettings(corpusDir, dataDir, questionsFile, false, List.of(1_000, 10_000, 100_000), 300, 0, 0,
                3, 10, 100_000, DEFAULT_SEED, 4);
    }

    /** The quick run: 1,000 and 10,000 chunks, 100 timed queries per retriever and scale, 40 timed answers. */
    public static BenchSettings quick(Path corpusDir, Path dataDir, Path questionsFile) {
        return new BenchSettings(corpusDir, dataDir, questionsFile, true, List.of(1_000, 10_000), 100, 40, 0, 3, 10,
                10_000, DEFAULT_SEED, 4);
    }

    public BenchSettings withScales(List<Integer> newScales) {
        return new BenchSettings(corpusDir, dataDir, questionsFile, quick, newScales, latencyQueries, answerQuestions,
                maxQuestions, startRuns, probeWarmQuestions, Math.max(reloadUpTo,
                        newScales.stream().mapToInt(Integer::intValue).max().orElse(0)), seed, slackWaves);
    }

    public BenchSettings withLatencyQueries(int n) {
        return new BenchSettings(corpusDir, dataDir, questionsFile, quick, scales, n, answerQuestions, maxQuestions,
                startRuns, probeWarmQuestions, reloadUpTo, seed, slackWaves);
    }

    public BenchSettings withQuestionLimits(int answers, int quality) {
        return new BenchSettings(corpusDir, dataDir, questionsFile, quick, scales, latencyQueries, answers, quality,
                startRuns, probeWarmQuestions, reloadUpTo, seed, slackWaves);
    }

    public BenchSettings withStartRuns(int n) {
        return new BenchSettings(corpusDir, dataDir, questionsFile, quick, scales, latencyQueries, answerQuestions,
                maxQuestions, n, probeWarmQuestions, reloadUpTo, seed, slackWaves);
    }

    public BenchSettings withProbeWarmQuestions(int n) {
        return new BenchSettings(corpusDir, dataDir, questionsFile, quick, scales, latencyQueries, answerQuestions,
                maxQuestions, startRuns, n, reloadUpTo, seed, slackWaves);
    }

    public BenchSettings withSlackWaves(int n) {
        return new BenchSettings(corpusDir, dataDir, questionsFile, quick, scales, latencyQueries, answerQuestions,
                maxQuestions, startRuns, probeWarmQuestions, reloadUpTo, seed, n);
    }

    public BenchSettings withSeed(long newSeed) {
        return new BenchSettings(corpusDir, dataDir, questionsFile, quick, scales, latencyQueries, answerQuestions,
                maxQuestions, startRuns, probeWarmQuestions, reloadUpTo, newSeed, slackWaves);
    }
}
