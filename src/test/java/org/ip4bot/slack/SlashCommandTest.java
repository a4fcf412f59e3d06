package org.ip4bot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.ip4bot.server.BotServer;
import org.ip4bot.server.Scrapes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code /ip4} command and the buttons under its answers, against a copy of the corpus with one extra note
 * whose text tries to ping the channel.
 */
class SlashCommandTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String NOTE = """
            ---
            title: "The IP4 liaison desk's weekly digest"
            publisher: ip4bot test notes
            date: 2025-07-01
            ---

            # The IP4 liaison desk's weekly digest

            The IP4 liaison desk sends its weekly digest to <!channel> in the partnership workspace every Friday.
            When a foreign ministers' meeting with the Indo-Pacific partners is announced, the desk also alerts @here
            at once.
            """;

    @TempDir
    static Path temp;

    private static FakeSlack slack;
    private static BotServer server;
    private static SlackSender sender;
    private static Path data;
    private static long documents;

    @BeforeAll
    static void start() throws IOException {
        Path corpus = temp.resolve("corpus");
        copy(Path.of("corpus"), corpus);
        Files.createDirectories(corpus.resolve("notices"));
        Files.writeString(corpus.resolve("notices/liaison-digest.md"), NOTE);
        try (Stream<Path> files = Files.walk(corpus)) {
            documents = files.filter(f -> f.toString().endsWith(".md")).count();
        }
        data = temp.resolve("data");
        slack = new FakeSlack();
        server = TestServers.start(corpus, data, slack);
        sender = new SlackSender(server.port());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (slack != null) {
            slack.close();
        }
    }

    @Test
    void theCommandIsAcknowledgedAtOnceAndAnsweredPrivatelyWithAShareButton() {
        // when
        long started = System.nanoTime();
        HttpResponse<String> ack = sender.slash("When did New Zealand sign its IPCP?", "U1", "CSLASH",
                slack.responseUrl("ask"));
        long ackMillis = (System.nanoTime() - started) / 1_000_000;

        // then
        assertEquals(200, ack.statusCode());
        assertTrue(ackMillis < 3_000, "ack took " + ackMillis + " ms");
        JsonNode answer = awaitResponse("ask", "Sources");
        assertEquals("ephemeral", answer.get("response_type").asText());
        assertTrue(answer.get("replace_original").asBoolean(), "the answer replaces the progress note");
        String blocks = FakeSlack.blockText(answer.get("blocks").toString());
        assertTrue(blocks.contains("*Question:* When did New Zealand sign its IPCP?"), blocks);
        assertTrue(blocks.contains("4 June 2012"), blocks);
        assertTrue(blocks.contains("Share in channel"), blocks);
        assertTrue(slack.responses("ask").get(0).toString().contains("Searching " + documents + " reports"));
    }

    @Test
    void aQuestionIsCountedInMetricsUnderTheSlackPlatform() throws Exception {
        // given
        String before = Scrapes.metrics(server);

        // when
        sender.slash("When did Australia agree its IPCP?", "U4", "CMETRICS", slack.responseUrl("metrics"));
        awaitResponse("metrics", "Sources");

        // then
        String after = Scrapes.metrics(server);
        String answered = "platform=\"slack\",status=\"answered\"";
        assertTrue(Scrapes.sample(after, "ip4bot_questions_total", answered)
                > Scrapes.sample(before, "ip4bot_questions_total", answered), after);
        assertTrue(Scrapes.sample(after, "ip4bot_answer_latency_seconds_count", "platform=\"slack\"") >= 1, after);
        assertFalse(after.contains("platform=\"chat\""), after);
    }

    @Test
    void shareInChannelPostsTheSameAnswerPubliclyAndFeedbackIsLogged() throws IOException {
        // given: a private answer
        sender.slash("When did Japan sign its IPCP?", "U2", "CSHARE", slack.responseUrl("share"));
        JsonNode answer = awaitResponse("share", "Sources");
        String answerId = buttonValue(answer, AnswerBlocks.SHARE);

        // when: the asker shares it, and someone marks it helpful
        assertEquals(200, sender.click(AnswerBlocks.SHARE, answerId, "U2", "CSHARE", slack.responseUrl("shared"))
                .statusCode());
        assertEquals(200, sender.click("ip4_feedback_helpful", answerId, "U3", "CSHARE",
                slack.responseUrl("feedback")).statusCode());

        // then: the channel gets the answer, with who shared it and without a share button
        Map<String, String> post = slack.await("the shared answer", WAIT, () -> slack.calls("chat.postMessage",
                "CSHARE"), c -> true);
        String blocks = FakeSlack.blockText(post.get("blocks"));
        assertTrue(blocks.contains("Shared by <@U2>"), blocks);
        assertTrue(blocks.contains("6 May 2014") && blocks.contains("Sources"), blocks);
        assertFalse(blocks.contains("Share in channel"), blocks);
        slack.await("the private copy removed", WAIT, () -> slack.responses("shared"),
                r -> r.path("delete_original").asBoolean());
        // and the feedback is a JSON line with the answer's question, citations and corpus version
        slack.await("the thank-you", WAIT, () -> slack.responses("feedback"), r -> true);
        List<String> lines = Files.readAllLines(data.resolve("feedback.jsonl"));
        JsonNode feedback = lines.stream().map(FakeSlack::json)
                .filter(j -> j.get("answerId").asText().equals(answerId)).findFirst().orElseThrow();
        assertEquals("helpful", feedback.get("value").asText());
        assertEquals("U3", feedback.get("userId").asText());
        assertEquals("When did Japan sign its IPCP?", feedback.get("question").asText());
        assertFalse(feedback.get("corpusVersion").asText().isEmpty());
        assertTrue(feedback.get("citations").size() > 0, feedback.toString());
    }

    @Test
    void aReloadFromSomeoneWhoIsNotAnAdminIsRefused() {
        // when
        sender.slash("reload", "UNOBODY", "CRELOAD", slack.responseUrl("refused"));

        // then
        JsonNode reply = awaitResponse("refused", "only the bot's admins");
        assertFalse(reply.toString().contains("Reload finished"));
    }

    @Test
    void anAdminReloadRepliesWithTheReport() {
        // when
        sender.slash("reload", TestServers.ADMIN, "CRELOAD", slack.responseUrl("reload"));

        // then
        JsonNode report = awaitResponse("reload", "Reload finished");
        String text = FakeSlack.blockText(report.get("blocks").toString());
        assertTrue(text.contains("Index up to date: corpus version"), text);
        assertTrue(text.contains(documents + " documents"), text);
        assertTrue(slack.responses("reload").get(0).toString().contains("Reloading the index"));
    }

    @Test
    void aBroadcastInACorpusNoteComesOutEscaped() {
        // when
        sender.slash("Where does the IP4 liaison desk send its weekly digest?", "U1", "CNOTE",
                slack.responseUrl("note"));

        // then: the note's text is quoted, but it cannot ping anyone
        JsonNode answer = awaitResponse("note", "Sources");
        String blocks = FakeSlack.blockText(answer.get("blocks").toString());
        assertTrue(blocks.contains("weekly digest to &lt;!channel&gt; in the partnership workspace"), blocks);
        assertFalse(blocks.contains("<!channel>"), blocks);
        assertFalse(answer.get("text").asText().contains("<!channel>"), answer.get("text").asText());
    }

    @Test
    void aBroadcastOrMentionInAQuestionComesOutEscaped() {
        // when
        sender.slash("Did <!channel> and <@U123> hear @everyone say when Japan signed its IPCP?", "U1", "CASKED",
                slack.responseUrl("asked"));

        // then
        JsonNode answer = awaitResponse("asked", "Question:");
        String blocks = FakeSlack.blockText(answer.get("blocks").toString());
        assertTrue(blocks.contains("Did &lt;!channel&gt; and @U123 hear @\u200Deveryone say"), blocks);
        assertFalse(blocks.contains("<!channel>") || blocks.contains("<@U123>"), blocks);
    }

    @Test
    void sourcesListsTheDocumentsWithTheirDates() {
        // when
        sender.slash("sources", "U1", "CSOURCES", slack.responseUrl("sources"));

        // then
        JsonNode reply = awaitResponse("sources", "documents");
        String text = FakeSlack.blockText(reply.get("blocks").toString());
        assertTrue(text.contains("*" + documents + " documents*"), text);
        assertTrue(text.contains("The IP4 liaison desk's weekly digest · 2025-07-01 · `notices/liaison-digest.md`"),
                text);
    }

    private static JsonNode awaitResponse(String name, String containing) {
        return slack.await("a response containing '" + containing + "'", WAIT, () -> slack.responses(name),
                r -> r.has("blocks") && FakeSlack.blockText(r.get("blocks").toString()).contains(containing));
    }

    private static String buttonValue(JsonNode message, String actionId) {
        for (JsonNode block : message.get("blocks")) {
            for (JsonNode element : block.path("elements")) {
                if (actionId.equals(element.path("action_id").asText())) {
                    return element.get("value").asText();
                }
            }
        }
        throw new AssertionError("no " + actionId + " button in " + message);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(source -> {
                try {
                    Path target = to.resolve(from.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
