package org.ip4bot.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Settings read once at start and validated; every later part gets what it needs from here.
 *
 * @param corpusDir        where the reports are ({@code IP4BOT_CORPUS}, default {@code corpus})
 * @param dataDir          where the index and logs live ({@code IP4BOT_DATA}, default {@code data})
 * @param maxQuestionChars longest question accepted ({@code IP4BOT_MAX_QUESTION_CHARS}, default 2000, the
 *                         same as the chat platforms' limit)
 * @param maxFileMb        larger corpus files are skipped ({@code IP4BOT_MAX_FILE_MB}, default 20)
 * @param embeddingThreads threads for the embedding model ({@code IP4BOT_EMBEDDING_THREADS}, default: cores)
 * @param llm              the optional language model ({@code IP4BOT_LLM_*}); {@link LlmSettings#DISABLED} by default
 */
public record BotConfig(Path corpusDir, Path dataDir, int maxQuestionChars, int maxFileMb, int embeddingThreads,
        LlmSettings llm) {

    public BotConfig {
        Objects.requireNonNull(corpusDir, "corpusDir");
        Objects.requireNonNull(dataDir, "dataDir");
        requireRange("IP4BOT_MAX_QUESTION_CHARS", maxQuestionChars, 20, 20_000);
        requireRange("IP4BOT_MAX_FILE_MB", maxFileMb, 1, 2_000);
        requireRange("IP4BOT_EMBEDDING_THREADS", embeddingThreads, 1, 64);
        Objects.requireNonNull(llm, "llm");
    }

    /** Settings without a language model. */
    public BotConfig(Path corpusDir, Path dataDir, int maxQuestionChars, int maxFileMb, int embeddingThreads) {
        this(corpusDir, dataDir, maxQuestionChars, maxFileMb, embeddingThreads, LlmSettings.DISABLED);
    }

    /** Reads the environment; a malformed value fails here, naming the variable. */
    public static BotConfig fromEnvironment(Map<String, String> env) {
        return new BotConfig(
                Path.of(env.getOrDefault("IP4BOT_CORPUS", "corpus")),
                Path.of(env.getOrDefault("IP4BOT_DATA", "data")),
                integer(env, "IP4BOT_MAX_QUESTION_CHARS", 2000),
                integer(env, "IP4BOT_MAX_FILE_MB", 20),
                integer(env, "IP4BOT_EMBEDDING_THREADS", Math.max(1, Runtime.getRuntime().availableProcessors())),
                LlmSettings.fromEnvironment(env));
    }

    public BotConfig withCorpusDir(Path dir) {
        return new BotConfig(dir, dataDir, maxQuestionChars, maxFileMb, embeddingThreads, llm);
    }

    public BotConfig withDataDir(Path dir) {
        return new BotConfig(corpusDir, dir, maxQuestionChars, maxFileMb, embeddingThreads, llm);
    }

    public BotConfig withLlm(LlmSettings settings) {
        return new BotConfig(corpusDir, dataDir, maxQuestionChars, maxFileMb, embeddingThreads, settings);
    }

    private static int integer(Map<String, String> env, String name, int fallback) {
        String raw = env.get(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " must be a whole number, was '" + raw + "'");
        }
    }

    private static void requireRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new ConfigException(name + " must be between " + min + " and " + max + ", was " + value);
        }
    }
}
