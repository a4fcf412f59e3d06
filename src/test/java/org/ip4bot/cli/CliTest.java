package org.ip4bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ip4bot.config.BotConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line end to end, through {@link Main#run}, over the real corpus. The index is built once for the class;
 * every later command finds it up to date.
 */
class CliTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CORPUS = "corpus";
    private static final Set<String> ANSWER_FIELDS = Set.of("question", "status", "answer", "citations",
            "corpusVersion", "composer", "latencyMs");
    private static final Set<String> CITATION_FIELDS = Set.of("n", "source", "title", "publisher", "date", "url",
            "section", "page", "snippet");

    @TempDir
    static Path data;

    @TempDir
    Path work;

    record Run(int exitCode, String out, String err) {
        List<String> outLines() {
            return out.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    @BeforeAll
    static void buildTheIndexOnce() {
        Run run = cli("index", "--corpus", CORPUS, "--data", data.toString());
        assertEquals(0, run.exitCode(), run.err());
    }

    @Test
    void askJsonPrintsOneObjectWithExactlyTheContractFields() throws IOException {
        // when
        Run run = cli("ask", "--json", "--corpus", CORPUS, "--data", data.toString(),
                "When did New Zealand sign its IPCP?");

        // then
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(1, run.outLines().size(), run.out());
        JsonNode answer = JSON.readTree(run.out());
        assertEquals(ANSWER_FIELDS, fieldNames(answer));
        assertEquals("When did New Zealand sign its IPCP?", answer.get("question").asText());
        assertEquals("answered", answer.get("status").asText());
        assertTrue(answer.get("answer").asText().contains("2012"), answer.get("answer").asText());
        assertEquals("extractive", answer.get("composer").asText());
        assertTrue(answer.get("corpusVersion").isTextual() && !answer.get("corpusVersion").asText().isBlank());
        assertTrue(answer.get("latencyMs").isIntegralNumber() && answer.get("latencyMs").asLong() >= 0);
        JsonNode citations = answer.get("citations");
        assertTrue(citations.isArray() && citations.size() > 0, citations.toString());
        int expected = 1;
        for (JsonNode citation : citations) {
            assertEquals(CITATION_FIELDS, fieldNames(citation));
            assertEquals(expected++, citation.get("n").asInt());
            assertTrue(Files.isRegularFile(Path.of(CORPUS, citation.get("source").asText())), citation.toString());
            assertFalse(citation.get("snippet").asText().isBlank(), citation.toString());
            assertTrue(citation.get("page").isNull() || citation.get("page").asInt() > 0, citation.toString());
            assertTrue(answer.get("answer").asText().contains("[" + citation.get("n").asInt() + "]"));
        }
    }

    @Test
    void askPrintsTheAnswerThenTheNumberedSources() {
        // when
        Run run = cli("ask", "--corpus", CORPUS, "--data", data.toString(), "When did New Zealand sign its IPCP?");

        // then
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Sources"), run.out());
        assertTrue(run.out().contains("[1]"), run.out());
        assertTrue(run.out().indexOf("[1]") < run.out().indexOf("Sources"), "the answer comes before its sources");
        assertTrue(run.out().contains("partners/new-zealand.md") || run.out().contains("reference/"), run.out());
        assertFalse(run.out().trim().startsWith("{"), "text mode is not JSON");
    }

    @Test
    void askWithAFileOfPlainQuestionsPrintsOneJsonLineEach() throws IOException {
        // given
        List<String> questions = List.of("When did New Zealand sign its IPCP?",
                "When did Japan and NATO agree their ITPP?", "What is the best recipe for bibimbap?");
        Path file = Files.write(work.resolve("questions.txt"), questions);

        // when
        Run run = cli("ask", "--corpus", CORPUS, "--data", data.toString(), "--questions", file.toString());

        // then
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.outLines();
        assertEquals(3, lines.size(), run.out());
        for (int i = 0; i < 3; i++) {
            JsonNode answer = JSON.readTree(lines.get(i));
            assertEquals(questions.get(i), answer.get("question").asText());
        }
        assertEquals("answered", JSON.readTree(lines.get(0)).get("status").asText());
        assertEquals("not_found", JSON.readTree(lines.get(2)).get("status").asText());
        assertTrue(JSON.readTree(lines.get(2)).get("closestDocuments").size() > 0, lines.get(2));
    }

    @Test
    void askWithJsonLinesReadsTheQuestionField() throws IOException {
        // given
        Path file = Files.write(work.resolve("questions.jsonl"), List.of(
                "{\"id\": \"q1\", \"question\": \"When did New Zealand sign its IPCP?\"}",
                "",
                "{\"question\": \"When did Japan and NATO agree their ITPP?\", \"kind\": \"fact\"}"));

        // when
        Run run = cli("ask", "--corpus", CORPUS, "--data", data.toString(), "--questions", file.toString());

        // then
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.outLines();
        assertEquals(2, lines.size(), run.out());
        assertEquals("When did New Zealand sign its IPCP?", JSON.readTree(lines.get(0)).get("question").asText());
        assertEquals("When did Japan and NATO agree their ITPP?", JSON.readTree(lines.get(1)).get("question")
                .asText());
    }

    @Test
    void aBadJsonLineFailsWithItsLineNumber() throws IOException {
        // given
        Path file = Files.write(work.resolve("broken.jsonl"), List.of(
                "{\"question\": \"When did New Zealand sign its IPCP?\"}",
                "{\"question\": \"When did Japan sign its IPCP?\"}",
                "{\"question\": \"unterminated"));

        // when
        Run run = cli("ask", "--corpus", CORPUS, "--data", data.toString(), "--questions", file.toString());

        // then
        assertEquals(1, run.exitCode());
        assertTrue(Pattern.compile("\\bline 3\\b").matcher(run.err()).find(), run.err());
        assertTrue(run.err().contains("broken.jsonl"), run.err());
    }

    @Test
    void anOverLongQuestionExitsWithTwoAndAPoliteMessageGivingTheLimit() {
        // given
        String question = "Why? ".repeat(1000);
        int limit = BotConfig.fromEnvironment(System.getenv()).maxQuestionChars();

        // when
        Run run = cli("ask", "--corpus", CORPUS, "--data", data.toString(), question);

        // then
        assertEquals(2, run.exitCode(), run.err());
        assertEquals("", run.out().strip());
        assertTrue(withoutGrouping(run.err()).contains(Integer.toString(limit)), run.err());
        assertFalse(run.err().contains("Exception"), "no stack trace for bad input: " + run.err());
    }

    @Test
    void anOverLongQuestionInJsonModeIsARejectedObject() throws IOException {
        // when
        Run run = cli("ask", "--json", "--corpus", CORPUS, "--data", data.toString(), "x".repeat(5000));

        // then
        assertEquals(2, run.exitCode(), run.err());
        JsonNode rejected = JSON.readTree(run.out());
        assertEquals("rejected", rejected.get("status").asText());
        assertFalse(rejected.get("error").asText().isBlank());
    }

    @Test
    void askWithoutAQuestionOrAFileExitsWithTwo() {
        // when
        Run run = cli("ask", "--corpus", CORPUS, "--data", data.toString());

        // then
        assertEquals(2, run.exitCode());
        assertEquals("", run.out().strip());
        assertFalse(run.err().isBlank(), "says what is missing");
    }

    @Test
    void askWithBothAQuestionAndAFileExitsWithTwo() throws IOException {
        // given
        Path file = Files.write(work.resolve("q.txt"), List.of("When did Japan sign its IPCP?"));

        // when
        Run run = cli("ask", "--corpus", CORPUS, "--data", data.toString(), "--questions", file.toString(),
                "When did New Zealand sign its IPCP?");

        // then
        assertEquals(2, run.exitCode());
        assertEquals("", run.out().strip());
    }

    @Test
    void aCountryOptionRestrictsTheCitedSources() throws IOException {
        // when
        Run run = cli("ask", "--json", "--corpus", CORPUS, "--data", data.toString(), "--country", "New Zealand",
                "When did the partners sign their IPCPs?");

        // then
        assertEquals(0, run.exitCode(), run.err());
        JsonNode answer = JSON.readTree(run.out());
        assertTrue(answer.get("citations").size() > 0, run.out());
        for (JsonNode citation : answer.get("citations")) {
            String countries = Files.readAllLines(Path.of(CORPUS, citation.get("source").asText())).stream()
                    .filter(l -> l.startsWith("countries:")).findFirst().orElse("");
            assertTrue(countries.contains("New Zealand"), citation.get("source").asText() + " " + countries);
        }
    }

    @Test
    void briefJsonHasABriefObjectWithOverviewGroupsAndTimeline() throws IOException {
        // when
        Run run = cli("brief", "--json", "--corpus", CORPUS, "--data", data.toString(),
                "Japan-NATO cooperation since 2022");

        // then
        assertEquals(0, run.exitCode(), run.err());
        JsonNode answer = JSON.readTree(run.out());
        assertEquals("answered", answer.get("status").asText());
        JsonNode brief = answer.get("brief");
        assertTrue(brief != null && brief.isObject(), run.out());
        assertTrue(brief.get("overview").isArray() && brief.get("overview").size() > 0, brief.toString());
        assertTrue(brief.get("groups").isArray() && brief.get("groups").size() > 0, brief.toString());
        assertTrue(brief.get("timeline").isArray() && brief.get("timeline").size() > 0, brief.toString());
        for (JsonNode group : brief.get("groups")) {
            assertTrue(group.get("label").isTextual() && group.get("points").isArray(), group.toString());
        }
        for (JsonNode entry : brief.get("timeline")) {
            assertTrue(entry.has("date") && entry.has("display") && entry.has("text"), entry.toString());
        }
        assertTrue(answer.get("citations").size() > 0);
    }

    @Test
    void indexPrintsAReportAndASecondRunSaysUpToDate() throws IOException {
        // given a small corpus of its own
        Path corpus = Files.createDirectories(work.resolve("corpus"));
        Files.writeString(corpus.resolve("new-zealand.md"), "---\ntitle: New Zealand and NATO\ndate: 2025-07-01\n"
                + "countries: [New Zealand]\n---\n\n# New Zealand and NATO\n\nNew Zealand opened a dialogue with "
                + "NATO in 2001. New Zealand signed an IPCP with NATO on 4 June 2012.\n");
        Files.writeString(corpus.resolve("japan.md"), "---\ntitle: Japan and NATO\ndate: 2025-07-01\n"
                + "countries: [Japan]\n---\n\n# Japan and NATO\n\nJapan agreed its ITPP with NATO on 12 July 2023.\n");
        Files.writeString(corpus.resolve("empty.txt"), "");
        Path ownData = work.resolve("data");

        // when
        Run first = cli("index", "--corpus", corpus.toString(), "--data", ownData.toString());
        Run second = cli("index", "--corpus", corpus.toString(), "--data", ownData.toString());

        // then
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.out().contains("2 documents"), first.out());
        assertTrue(first.out().contains("empty.txt"), "skipped files are listed: " + first.out());
        assertFalse(first.out().toLowerCase().contains("up to date"), first.out());
        assertEquals(0, second.exitCode(), second.err());
        assertTrue(second.out().toLowerCase().contains("up to date"), second.out());
        assertTrue(second.out().contains("2 documents"), second.out());
        assertEquals(version(first.out()), version(second.out()));
    }

    @Test
    void indexOverAMissingCorpusFailsWithExitCodeOneNamingTheFolder() {
        // when
        Run run = cli("index", "--corpus", work.resolve("nowhere").toString(), "--data", work.resolve("d")
                .toString());

        // then
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("nowhere"), run.err());
    }

    @Test
    void evalPrintsTheMetricsTableAndHybridRetrievalBeatsBothSingleSignals() {
        // when
        Run run = cli("eval", "--corpus", CORPUS, "--data", data.toString(), "--questions",
                "src/test/resources/eval/questions.jsonl");

        // then
        assertEquals(0, run.exitCode(), run.err());
        Map<String, Double> mrr = mrrByRetriever(run.out());
        assertEquals(Set.of("hybrid", "keyword", "vector"), mrr.keySet(), run.out());
        assertTrue(mrr.get("hybrid") > mrr.get("keyword"), "hybrid vs keyword MRR: " + mrr);
        assertTrue(mrr.get("hybrid") > mrr.get("vector"), "hybrid vs vector MRR: " + mrr);
        assertTrue(run.out().contains("citation validity"), run.out());
    }

    private static Map<String, Double> mrrByRetriever(String table) {
        Pattern row = Pattern.compile("^\\|\\s*(\\w+)\\s*\\|\\s*([\\d.,]+)\\s*\\|\\s*([\\d.,]+)\\s*\\|\\s*([\\d.,]+)\\s*\\|",
                Pattern.MULTILINE);
        Matcher m = row.matcher(table);
        Map<String, Double> out = new HashMap<>();
        while (m.find()) {
            out.put(m.group(1), Double.parseDouble(m.group(4).replace(',', '.')));
        }
        return out;
    }

    private static String version(String report) {
        Matcher m = Pattern.compile("corpus version (\\w+)").matcher(report);
        assertTrue(m.find(), report);
        return m.group(1);
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new LinkedHashSet<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }

    private static String withoutGrouping(String message) {
        return message.replaceAll("(?<=\\d)[,.\\u00a0\\u202f ](?=\\d{3})", "");
    }

    /** Runs the command line with stdout and stderr captured. */
    private static Run cli(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream capturedOut = new ByteArrayOutputStream();
        ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(capturedOut, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(capturedErr, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            System.out.flush();
            System.err.flush();
            return new Run(code, capturedOut.toString(StandardCharsets.UTF_8),
                    capturedErr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
