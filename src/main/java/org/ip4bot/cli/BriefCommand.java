package org.ip4bot.cli;

import java.util.concurrent.Callable;
import org.ip4bot.answer.Answer;
import org.ip4bot.answer.QuestionRejectedException;
import org.ip4bot.server.Engine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "brief", description = "A cited brief on a topic: overview, key points by partner or theme, "
        + "timeline, sources.")
final class BriefCommand implements Callable<Integer> {

    @Mixin
    EngineOptions engine;

    @Parameters(paramLabel = "TOPIC", description = "e.g. \"Japan-NATO cooperation since 2022\"")
    String topic;

    @Option(names = "--json", description = "print one JSON object (the JSON contract, plus a \"brief\" field)")
    boolean json;

    @Override
    public Integer call() {
        try (Engine started = engine.start(System.err)) {
            Answer answer = started.answers().brief(topic);
            System.out.println(json ? AnswerJson.toJson(answer) : AnswerText.render(answer));
            return 0;
        } catch (QuestionRejectedException e) {
            System.err.println(e.getMessage());
            return 2;
        }
    }
}
