package org.ip4bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report the project started from, as a plain-text corpus of one, answered through the CLI. The article lives
 * in ../shared, outside the repository; without it this test skips itself.
 */
class SeedArticleTest {

    @Test
    void answersFromTheSeedArticleAsAPlainTextReport(@TempDir Path corpus, @TempDir Path data) throws IOException {
        // given a corpus holding only the seed article, as a .txt file
        Path seeds = Path.of(System.getProperty("ip4bot.shared", "../shared")).resolve("seeds");
        assumeTrue(Files.isDirectory(seeds), "../shared/seeds is not here");
        try (Stream<Path> files = Files.list(seeds)) {
            for (Path seed : files.filter(p -> p.toString().endsWith(".txt")).toList()) {
                Files.copy(seed, corpus.resolve("seed-" + seed.getFileName()));
            }
        }
        assumeTrue(Files.list(corpus).findAny().isPresent(), "no seed article");

        // when asking about something the article says
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            code = Main.run("ask", "--json", "--corpus", corpus.toString(), "--data", data.toString(),
                    "When did NATO start meeting the four Indo-Pacific partners as a group, and why?");
        } finally {
            System.setOut(original);
        }

        // then the answer is cited to the article and names the year
        assertEquals(0, code);
        JsonNode answer = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertEquals("answered", answer.get("status").asText());
        assertTrue(answer.get("answer").asText().contains("2016"), answer.toString());
        assertTrue(answer.get("citations").get(0).get("source").asText().startsWith("seed-"));
    }
}
