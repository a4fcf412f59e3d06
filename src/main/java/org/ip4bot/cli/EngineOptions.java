package org.ip4bot.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import org.ip4bot.config.BotConfig;
import org.ip4bot.index.IndexReport;
import org.ip4bot.server.Engine;
import picocli.CommandLine.Option;

/** Options every engine command shares, and the start-up they have in common. */
final class EngineOptions {

    @Option(names = "--corpus", paramLabel = "DIR", description = "corpus directory (default: $IP4BOT_CORPUS or corpus)")
    Path corpus;

    @Option(names = "--data", paramLabel = "DIR", description = "index directory (default: $IP4BOT_DATA or data)")
    Path data;

    private final Map<String, String> environment;

    EngineOptions() {
        this(System.getenv());
    }

    /** @param environment where the {@code IP4BOT_*} settings are read from */
    EngineOptions(Map<String, String> environment) {
        this.environment = environment;
    }

    BotConfig config() {
        BotConfig config = BotConfig.fromEnvironment(environment);
        if (corpus != null) {
            config = config.withCorpusDir(corpus);
        }
        if (data != null) {
            config = config.withDataDir(data);
        }
        return config;
    }

    /** Starts the engine and refreshes the index; says on stderr what changed, and nothing when nothing did. */
    Engine start(PrintStream err) {
        Engine engine = new Engine(config());
        try {
            TerminalProgress progress = new TerminalProgress(err);
            IndexReport report = engine.refresh(progress);
            progress.finish();
            if (!report.upToDate() || !report.failed().isEmpty()) {
                err.println(report.summary());
            }
            return engine;
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
    }
}
