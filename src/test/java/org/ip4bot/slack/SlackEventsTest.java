package org.ip4bot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.ip4bot.server.BotServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mentions and direct messages, sent as Slack sends them to the real server over HTTP. */
class SlackEventsTest {

    private static final Duration ANSWER_WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path data;

    private static FakeSlack slack;
    private static BotServer server;
    private static SlackSender sender;

    @BeforeAll
    static void start() {
        slack = new FakeSlack();
        server = TestServers.start(Path.of("corpus"), data, slack);
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

    private static Predicate<Map<String, String>> blocksContain(String text) {
        return call -> FakeSlack.blockText(call.get("blocks")).contains(text);
    }

    @Test
    void urlVerificationEchoesTheChallenge() {
        // given
        String body = SlackSender.urlVerification("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");

        // when
        HttpResponse<String> response = sender.event(body);

        // then
        assertEquals(200, response.statusCode());
        assertEquals("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", response.body());
    }

    @Test
    void aMentionIsAnsweredInItsThreadWithTheAnswerAndItsSources() {
        // given
        String channel = "CMENTION";
        String event = SlackSender.mention("EvMention1", channel, "U1",
                "<@UBOT> When did New Zealand sign its IPCP with NATO?", "1700000100.000100", null);

        // when
        long started = System.nanoTime();
        HttpResponse<String> ack = sender.event(event);
        long ackMillis = (System.nanoTime() - started) / 1_000_000;

        // then: acknowledged at once, a placeholder in the thread, then the answer in its place
        assertEquals(200, ack.statusCode());
        assertTrue(ackMillis < 3_000, "ack took " + ackMillis + " ms");
        Map<String, String> placeholder = slack.await("the placeholder", ANSWER_WAIT,
                () -> slack.calls("chat.postMessage", channel), c -> true);
        assertEquals("1700000100.000100", placeholder.get("thread_ts"));
        assertTrue(placeholder.get("text").matches("Searching \\d+ reports\\.\\.\\."), placeholder.get("text"));
        Map<String, String> answer = slack.await("the answer", ANSWER_WAIT,
                () -> slack.calls("chat.update", channel), blocksContain("Sources"));
        assertEquals("1700000000.000100", answer.get("ts"));
        String blocks = FakeSlack.blockText(answer.get("blocks"));
        assertTrue(blocks.contains("4 June 2012"), blocks);
        assertTrue(blocks.contains("[1]"), blocks);
        assertTrue(blocks.contains("|New Zealand and NATO: from the Balkans and Bamyan to ITPP talks>"), blocks);
        assertTrue(blocks.contains("ip4bot research notes · 2025-07-01"), blocks);
        assertTrue(blocks.matches("(?s).*corpus [0-9a-f]{12} · \\w+ · \\d+ ms.*"), blocks);
        assertTrue(blocks.contains("ip4_feedback_helpful") && blocks.contains("ip4_feedback_wrong_source"), blocks);
        assertTrue(answer.get("text").contains("4 June 2012"), "plain-text fallback: " + answer.get("text"));
    }

    @Test
    void aRetriedEventIsAcknowledgedButNotAnsweredTwice() {
        // given: an event that is answered
        String channel = "CRETRY";
        String event = SlackSender.mention("EvRetry1", channel, "U1", "<@UBOT> What is the IP4?",
                "1700000200.000100", null);
        assertEquals(200, sender.event(event).statusCode());

        // when: Slack retries it, then a new question follows in the same channel
        HttpResponse<String> retry = sender.retry(event, 1);
        HttpResponse<String> secondRetry = sender.retry(event, 2);
        sender.event(SlackSender.mention("EvRetryMarker", channel, "U1", "<@UBOT> What is an ITPP?",
                "1700000201.000100", null));

        // then: the retries are acknowledged, and only the two distinct events got a thread
        assertEquals(200, retry.statusCode());
        assertEquals(200, secondRetry.statusCode());
        slack.await("the marker's answer", ANSWER_WAIT, () -> slack.calls("chat.postMessage", channel),
                c -> "1700000201.000100".equals(c.get("thread_ts")));
        assertEquals(List.of("1700000200.000100", "1700000201.000100"),
                slack.calls("chat.postMessage", channel).stream().map(c -> c.get("thread_ts")).sorted().toList());
    }

    @Test
    void unsignedWronglySignedAndStaleRequestsGet401AndAreNotProcessed() {
        // given
        String channel = "CFORGED";
        String event = SlackSender.mention("EvForged1", channel, "U1", "<@UBOT> What is the IP4?",
                "1700000300.000100", null);
        long now = SlackSender.now();
        long stale = now - 6 * 60;

        // when
        HttpResponse<String> unsigned = sender.send(event, "application/json", now, false, Map.of());
        HttpResponse<String> wrong = sender.send(event, "application/json", String.valueOf(now),
                SlackSender.sign("not-the-secret", now, event), Map.of());
        HttpResponse<String> tampered = sender.send(event.replace("IP4", "ITPP"), "application/json",
                String.valueOf(now), SlackSender.sign(SlackSender.SECRET, now, event), Map.of());
        HttpResponse<String> old = sender.send(event, "application/json", String.valueOf(stale),
                SlackSender.sign(SlackSender.SECRET, stale, event), Map.of());
        HttpResponse<String> garbage = sender.send("not json at all", "text/plain", null, null, Map.of());

        // then
        for (HttpResponse<String> response : List.of(unsigned, wrong, tampered, old, garbage)) {
            assertEquals(401, response.statusCode(), response.body());
        }
        String marker = "CFORGEDMARK";
        sender.event(SlackSender.mention("EvForgedMarker", marker, "U1", "<@UBOT> help", "1700000301.000100", null));
        slack.await("the marker's reply", ANSWER_WAIT, () -> slack.calls("chat.postMessage", marker), c -> true);
        assertEquals(List.of(), slack.calls("chat.postMessage", channel));
    }

    @Test
    void aFollowUpInTheThreadIsReadInTheContextOfTheEarlierQuestion() {
        // given: a question about Australia, answered in its thread
        String channel = "CFOLLOW";
        String thread = "1700000400.000100";
        sender.event(SlackSender.mention("EvFollow1", channel, "U1", "<@UBOT> When did Australia sign its IPCP?",
                thread, null));
        slack.await("the first answer", ANSWER_WAIT, () -> slack.calls("chat.update", channel),
                blocksContain("21 February 2013"));

        // when
        sender.event(SlackSender.mention("EvFollow2", channel, "U1", "<@UBOT> and New Zealand?",
                "1700000401.000100", thread));

        // then: the follow-up is answered, in the same thread, about New Zealand
        Map<String, String> followUp = slack.await("the follow-up's answer", ANSWER_WAIT,
                () -> slack.calls("chat.update", channel), blocksContain("Read as a follow-up"));
        String blocks = FakeSlack.blockText(followUp.get("blocks"));
        assertTrue(blocks.contains("When did New Zealand sign its IPCP?"), blocks);
        assertTrue(blocks.contains("4 June 2012"), blocks);
        assertFalse(blocks.contains("21 February 2013"), blocks);
        assertTrue(slack.calls("chat.postMessage", channel).stream().allMatch(c -> thread.equals(c.get("thread_ts"))));
    }

    @Test
    void aFollowUpInAThreadTheBotHasNotSeenIsReadFromTheThreadHistory() {
        // given: a thread the bot does not remember (say, after a restart)
        String channel = "CHISTORY";
        String thread = "1700000500.000100";
        slack.stubThread(channel, "{\"ok\":true,\"messages\":["
                + "{\"type\":\"message\",\"user\":\"U2\",\"text\":\"<@UBOT> When did Australia sign its IPCP?\","
                + "\"ts\":\"" + thread + "\",\"thread_ts\":\"" + thread + "\"},"
                + "{\"type\":\"message\",\"user\":\"UBOT\",\"bot_id\":\"BBOT\",\"text\":\"Australia then agreed...\","
                + "\"ts\":\"1700000500.000200\",\"thread_ts\":\"" + thread + "\"},"
                + "{\"type\":\"message\",\"user\":\"U2\",\"text\":\"<@UBOT> what about Japan?\","
                + "\"ts\":\"1700000501.000100\",\"thread_ts\":\"" + thread + "\"}]}");

        // when
        sender.event(SlackSender.mention("EvHistory1", channel, "U2", "<@UBOT> what about Japan?",
                "1700000501.000100", thread));

        // then
        Map<String, String> answer = slack.await("the answer", ANSWER_WAIT, () -> slack.calls("chat.update", channel),
                blocksContain("Read as a follow-up"));
        String blocks = FakeSlack.blockText(answer.get("blocks"));
        assertTrue(blocks.contains("When did Japan sign its IPCP?"), blocks);
        assertTrue(blocks.contains("6 May 2014"), blocks);
    }

    @Test
    void anOverLongQuestionGetsThePoliteLimitMessage() {
        // given
        String channel = "CLONG";
        String question = "Tell me about NATO and Japan. ".repeat(80);

        // when
        sender.event(SlackSender.mention("EvLong1", channel, "U1", "<@UBOT> " + question, "1700000600.000100",
                null));

        // then
        Map<String, String> reply = slack.await("the limit message", ANSWER_WAIT,
                () -> slack.calls("chat.postMessage", channel), c -> true);
        assertTrue(reply.get("text").contains("I can take up to 2,000"), reply.get("text"));
        assertEquals("1700000600.000100", reply.get("thread_ts"));
    }

    @Test
    void anEmptyMentionGetsTheHelp() {
        // given
        String channel = "CEMPTY";

        // when
        sender.event(SlackSender.mention("EvEmpty1", channel, "U1", "<@UBOT>", "1700000700.000100", null));

        // then
        Map<String, String> reply = slack.await("the help", ANSWER_WAIT,
                () -> slack.calls("chat.postMessage", channel), c -> true);
        String blocks = FakeSlack.blockText(reply.get("blocks"));
        assertTrue(blocks.contains("/ip4 brief &lt;topic&gt;"), blocks);
        assertTrue(reply.get("text").matches("(?s).*from \\d+ reports.*"), reply.get("text"));
    }

    @Test
    void aDirectMessageIsAnsweredInTheConversationAndBotMessagesAreIgnored() {
        // given
        String dm = "DUSER1";
        String fromABot = SlackSender.directMessage("EvDmBot", dm, null, "BOTHER", "When did Japan sign its IPCP?",
                "1700000800.000100");
        String fromItself = SlackSender.directMessage("EvDmSelf", dm, "UBOT", null, "Searching 30 reports...",
                "1700000800.000200");
        String fromAPerson = SlackSender.directMessage("EvDm1", dm, "U1", null, "When did Japan sign its IPCP?",
                "1700000801.000100");

        // when
        assertEquals(200, sender.event(fromABot).statusCode());
        assertEquals(200, sender.event(fromItself).statusCode());
        assertEquals(200, sender.event(fromAPerson).statusCode());

        // then: one conversation, answered at the top level of the DM
        Map<String, String> answer = slack.await("the answer", ANSWER_WAIT, () -> slack.calls("chat.update", dm),
                blocksContain("Sources"));
        String blocks = FakeSlack.blockText(answer.get("blocks"));
        assertTrue(blocks.contains("6 May 2014"), blocks);
        List<Map<String, String>> posts = slack.calls("chat.postMessage", dm);
        assertEquals(1, posts.size(), posts.toString());
        assertNull(posts.get(0).get("thread_ts"));
    }
}
