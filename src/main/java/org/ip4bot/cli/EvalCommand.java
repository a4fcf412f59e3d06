package org.ip4bot.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ip4bot.eval.CitationCheck;
import org.ip4bot.eval.EvalQuestions;
import org.ip4bot.eval.EvalReport;
import org.ip4bot.eval.Evaluator;
import org.ip4bot.index.ScoredChunk;
import org.ip4bot.server.Engine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "eval", description = "Score retrieval (hybrid, keyword-only, vector-only) and answers on a "
        + "question set.")
final class EvalCommand implements Callable<Integer> {

    @Mixin
    EngineOptions engine;

    @Option(names = "--questions", paramLabel = "FILE", required = true,
            description = "JSON Lines: {\"id\",\"question\",\"answer_keywords\",\"source\",\"kind\"}")
    Path questions;

    @Option(names = "--verbose", description = "also list every question that missed")
    boolean verbose;

    @Override
    public Integer call() {
        var set = EvalQuestions.read(questions);
        try (Engine started = engine.start(System.err)) {
            Evaluator evaluator = new Evaluator(started.answers(), started::retriever,
                    new CitationCheck(documentTexts(started)));
            EvalReport report = evaluator.run(set);
            System.out.print(report.table());
            if (verbose) {
                System.out.println();
                report.failures().forEach(f -> System.out.println("  " + f));
            }
            return 0;
        }
    }

    private static Map<String, String> documentTexts(Engine engine) {
        Map<String, StringBuilder> texts = new HashMap<>();
        for (ScoredChunk c : engine.snapshot().allChunks()) {
            texts.computeIfAbsent(c.chunk().path(), p -> new StringBuilder()).append(c.chunk().text()).append('\n');
        }
        Map<String, String> out = new HashMap<>();
        texts.forEach((path, text) -> out.put(path, text.toString()));
        return out;
    }
}
