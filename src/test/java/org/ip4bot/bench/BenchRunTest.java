package org.ip4bot.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.ip4bot.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny benchmark through the command line: three real notes, five questions, one synthetic scale of 300 chunks.
 * Checks the shape of the table, not the figures (they depend on the machine).
 */
class BenchRunTest {

    private static final List<String> NOTES = List.of("summits/madrid-2022.md", "summits/vilnius-2023.md",
            "summits/washington-2024.md");

    @TempDir
    Path work;

    @Test
    void aTinyRunPrintsAndWritesEveryRowOfTheTable() throws IOException {
        // given
        Path corpus = work.resolve("corpus");
        for (String note : NOTES) {
            Files.createDirectories(corpus.resolve(note).getParent());
            Files.copy(Path.of("corpus", note), corpus.resolve(note));
        }
        Path questions = work.resolve("questions.jsonl");
        Files.write(questions, fiveQuestions());
        Path data = work.resolve("data");
        Path markdown = work.resolve("report.md");

        // when
        String[] out = new String[2];
        int code = run(out, "bench", "--corpus", corpus.toString(), "--data", data.toString(), "--questions",
                questions.toString(), "--out", markdown.toString(), "--scales", "300", "--queries", "5",
                "--answers", "2", "--start-runs", "1", "--probe-answers", "1", "--slack-waves", "1");

        // then
        assertEquals(0, code, out[1]);
        String table = Files.readString(markdown);
        assertTrue(out[0].contains("ip4bot benchmark"), out[0]);
        for (String row : List.of(
                "ip4bot hybrid: source hit@1 / hit@5 / MRR", "BM25 only: source hit@1 / hit@5 / MRR",
                "vectors only: source hit@1 / hit@5 / MRR", "langchain4j easy-RAG: source hit@1 / hit@5 / MRR",
                "ip4bot hybrid's margin over", "cold build of the real corpus", "easy-RAG ingestion of the real corpus",
                "extractive answer over the real corpus", "incremental reload after one note changes @ real corpus",
                "start to ready, cached index @ real corpus", "synthetic corpus of 300 chunks",
                "ip4bot hybrid retrieval, p50 / p95 / p99", "BM25 only retrieval, p50 / p95 / p99",
                "vectors only retrieval, p50 / p95 / p99", "langchain4j easy-RAG retrieval, p50 / p95 / p99",
                "easy-RAG in-memory store @ 300 chunks", "incremental reload after one note changes @ 300 chunks",
                "start to ready, cached index @ 300 chunks", "serving process @ 300 chunks",
                "/slack/events acknowledgement")) {
            assertTrue(table.contains(row), "missing row '" + row + "' in\n" + table);
            assertTrue(out[0].contains(row), "missing row '" + row + "' on stdout");
        }
        for (String header : List.of("**machine**", "**JVM**", "**date**", "**settings**", "**corpus**")) {
            assertTrue(table.contains(header), "missing " + header);
        }
        assertTrue(table.contains("| area | figure | value | goal | verdict |"), table);
        String slack = table.lines().filter(l -> l.contains("/slack/events acknowledgement")).findFirst().orElseThrow();
        assertFalse(slack.contains("not acknowledged"), "every signed event gets its 200: " + slack);
        try (Stream<Path> left = Files.list(data.resolve("bench"))) {
            List<String> names = left.map(p -> p.getFileName().toString()).toList();
            assertTrue(names.contains("300-42"), "the scale corpus is cached: " + names);
            assertFalse(names.stream().anyMatch(n -> n.startsWith("run-")), "work files left behind: " + names);
        }
    }

    private static List<String> fiveQuestions() throws IOException {
        List<String> picked = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/eval/questions.jsonl"))) {
            boolean fromNotes = NOTES.stream().anyMatch(n -> line.contains("\"source\":\"" + n + "\""));
            if (fromNotes && picked.size() < 4) {
                picked.add(line);
            }
        }
        Files.readAllLines(Path.of("src/test/resources/eval/questions.jsonl")).stream()
                .filter(l -> l.contains("\"source\":\"none\"")).findFirst().ifPresent(picked::add);
        return picked;
    }

    private static int run(String[] captured, String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream capturedOut = new ByteArrayOutputStream();
        ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(capturedOut, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(capturedErr, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            captured[0] = capturedOut.toString(StandardCharsets.UTF_8);
            captured[1] = capturedErr.toString(StandardCharsets.UTF_8);
            return code;
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
