package org.ip4bot.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.ip4bot.answer.Answer;
import org.ip4bot.answer.AnswerService;
import org.ip4bot.answer.QuestionRejectedException;
import org.ip4bot.index.SearchFilter;
import org.ip4bot.server.Engine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ask", description = "Answer a question with numbered citations, or a file of questions.")
final class AskCommand implements Callable<Integer> {

    @Mixin
    EngineOptions engine;

    @Parameters(arity = "0..1", paramLabel = "QUESTION", description = "the question, in quotes")
    String question;

    @Option(names = "--json", description = "print one JSON object (the JSON contract)")
    boolean json;

    @Option(names = "--questions", paramLabel = "FILE",
            description = "answer every question in FILE (one a line, or JSON Lines with a \"question\" field); "
                    + "prints one JSON line each")
    Path questions;

    @Option(names = "--country", paramLabel = "NAME", description = "only documents about this partner (repeatable)")
    Set<String> countries = Set.of();

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "only documents dated on or after")
    String from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "only documents dated on or before")
    String to;

    @Option(names = "--document", paramLabel = "PATH", description = "only this document (repeatable)")
    Set<String> documents = Set.of();

    @Override
    public Integer call() throws IOException {
        PrintStream out = System.out;
        if ((question == null) == (questions == null)) {
            System.err.println("ip4bot ask: give either a QUESTION or --questions FILE, e.g. "
                    + "ask \"When did New Zealand sign its IPCP?\"");
            return 2;
        }
        SearchFilter filter;
        try {
            filter = filter();
        } catch (IllegalArgumentException e) {
            System.err.println("ip4bot ask: " + e.getMessage());
            return 2;
        }
        List<String> batch = questions == null ? List.of() : QuestionFile.read(questions);
        try (Engine started = engine.start(System.err)) {
            AnswerService answers = started.answers();
            if (questions != null) {
                for (String q : batch) {
                    out.println(answerJson(answers, q, filter));
                }
                return 0;
            }
            try {
                Answer answer = answers.ask(question, filter);
                out.println(json ? AnswerJson.toJson(answer) : AnswerText.render(answer));
                return 0;
            } catch (QuestionRejectedException e) {
                if (json) {
                    out.println(AnswerJson.error(question, e.getMessage()));
                } else {
                    System.err.println(e.getMessage());
                }
                return 2;
            }
        }
    }

    private static String answerJson(AnswerService answers, String q, SearchFilter filter) {
        try {
            return AnswerJson.toJson(answers.ask(q, filter));
        } catch (QuestionRejectedException e) {
            return AnswerJson.error(q, e.getMessage());
        }
    }

    private SearchFilter filter() {
        return new SearchFilter(countries, date("--from", from), date("--to", to), documents);
    }

    private static Optional<LocalDate> date(String option, String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " must be a date like 2023-07-11, was '" + value + "'");
        }
    }

}
