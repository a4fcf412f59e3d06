package org.ip4bot.cli;

import java.util.concurrent.Callable;
import org.ip4bot.index.IndexReport;
import org.ip4bot.server.Engine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "index", description = "Build or refresh the index (only changed files are read and embedded) "
        + "and print the report.")
final class IndexCommand implements Callable<Integer> {

    @Mixin
    EngineOptions engine;

    @Override
    public Integer call() {
        try (Engine started = new Engine(engine.config())) {
            TerminalProgress progress = new TerminalProgress(System.err);
            IndexReport report = started.refresh(progress);
            progress.finish();
            System.out.println(report.summary());
            report.added().forEach(p -> System.out.println("  added " + p));
            report.changed().forEach(p -> System.out.println("  changed " + p));
            report.removed().forEach(p -> System.out.println("  removed " + p));
            return 0;
        }
    }
}
