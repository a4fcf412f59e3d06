package org.ip4bot.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ip4bot.server.BotServer;
import org.ip4bot.server.Scrapes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Teams conversations, sent as the Connector sends them to the real server over HTTP, answered to a fake Connector. */
class TeamsConversationsTest {

    private static final Duration ANSWER_WAIT = Duration.ofSeconds(30);
    private static final String NEW_ZEALAND_TITLE = "New Zealand and NATO: from the Balkans and Bamyan to ITPP talks";

    @TempDir
    static Path data;

    private static TeamsHarness harness;
    private static FakeBotFramework microsoft;
    private static BotServer server;
    private static TeamsSender teams;

    @BeforeAll
    static void start() {
        harness = TeamsHarness.start(data);
        microsoft = harness.microsoft();
        server = harness.server();
        teams = harness.teams();
    }

    @AfterAll
    static void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void aQuestionIsAcknowledgedAtOnceThenAnsweredInReplyWithCitationEntitiesMatchingItsMarkers() {
        // given
        String conversation = "a:1personal-question";

        // when
        long started = System.nanoTime();
        HttpResponse<String> ack = teams.send(teams.personalMessage("1712345678901", conversation,
                "When did New Zealand sign its IPCP with NATO?"));
        long ackMillis = (System.nanoTime() - started) / 1_000_000;

        // then: 200 at once, typing while it works, then the answer as a reply to the question
        assertEquals(200, ack.statusCode());
        assertTrue(ackMillis < 2_000, "ack took " + ackMillis + " ms");
        FakeBotFramework.Posted reply = microsoft.await("the answer", conversation,
                FakeBotFramework.Posted::isMessage, ANSWER_WAIT);
        assertEquals("/v3/conversations/a%3A1personal-question/activities/1712345678901", reply.url());
        assertEquals("Bearer " + FakeBotFramework.BOT_ACCESS_TOKEN, reply.authorization());
        JsonNode body = reply.body();
        assertEquals("1712345678901", body.path("replyToId").asText());
        assertEquals(TeamsSender.BOT_ID, body.path("from").path("id").asText());
        assertEquals(conversation, body.path("conversation").path("id").asText());
        assertTrue(reply.text().contains("4 June 2012"), reply.text());
        assertTrue(microsoft.posts(conversation).stream().anyMatch(p -> "typing".equals(p.body().path("type").asText())
                && p.url().endsWith("/activities")), "a typing indicator: " + microsoft.posts(conversation));

        // and: one root Message entity, AI-labelled, one Claim per [n] marker, naming the cited document
        JsonNode entities = body.path("entities");
        assertEquals(1, entities.size());
        JsonNode message = entities.get(0);
        assertEquals("https://schema.org/Message", message.path("type").asText());
        assertEquals("Message", message.path("@type").asText());
        assertEquals("AIGeneratedContent", message.path("additionalType").get(0).asText());
        Set<Integer> positions = new TreeSet<>();
        for (JsonNode claim : message.path("citation")) {
            assertEquals("Claim", claim.path("@type").asText());
            positions.add(claim.path("position").asInt());
            JsonNode appearance = claim.path("appearance");
            assertEquals("DigitalDocument", appearance.path("@type").asText());
            assertTrue(appearance.path("name").asText().length() <= 80, appearance.toString());
            assertTrue(appearance.path("abstract").asText().length() <= 160, appearance.toString());
            assertTrue(appearance.path("url").asText().startsWith("https://"), appearance.toString());
        }
        assertEquals(markers(reply.text()), positions);
        assertFalse(positions.isEmpty());
        assertTrue(message.path("citation").findValuesAsText("name").contains(NEW_ZEALAND_TITLE),
                message.toString());
        assertEquals("default", body.path("channelData").path("feedbackLoop").path("type").asText());
    }

    @Test
    void aQuestionIsCountedInMetricsUnderTheTeamsPlatform() throws Exception {
        // given
        String conversation = "a:metrics";
        String before = Scrapes.metrics(server);

        // when
        teams.send(teams.personalMessage("met-1", conversation, "When did Australia agree its IPCP with NATO?"));
        microsoft.await("the answer", conversation, FakeBotFramework.Posted::isMessage, ANSWER_WAIT);

        // then
        String after = Scrapes.metrics(server);
        String answered = "platform=\"teams\",status=\"answered\"";
        assertTrue(Scrapes.sample(after, "ip4bot_questions_total", answered)
                > Scrapes.sample(before, "ip4bot_questions_total", answered), after);
        assertTrue(Scrapes.sample(after, "ip4bot_answer_latency_seconds_count", "platform=\"teams\"") >= 1, after);
        assertFalse(after.contains("platform=\"chat\"") || after.contains("platform=\"msteams\""), after);
    }

    @Test
    void severalRepliesShareOneTokenRequest() {
        // given: three questions in three chats
        List<String> conversations = List.of("a:token-1", "a:token-2", "a:token-3");
        for (int i = 0; i < conversations.size(); i++) {
            teams.send(teams.personalMessage("tok-" + i, conversations.get(i), "What is an ITPP?"));
        }

        // when they are all answered
        for (String conversation : conversations) {
            microsoft.await("the answer", conversation, FakeBotFramework.Posted::isMessage,
                    ANSWER_WAIT);
        }

        // then the bot asked the tenant's token endpoint once, for all of them
        assertEquals(1, microsoft.tokenRequests());
    }

    @Test
    void aThrottledReplyIsSentAgainAfterRetryAfter() {
        // given: the Connector answers 429 with Retry-After: 1 to the first post in this chat
        String conversation = "a:throttled";
        microsoft.throttleOnce(conversation, 1);

        // when
        assertEquals(200, teams.send(teams.personalMessage("thr-1", conversation, "sources")).statusCode());

        // then: posted twice, a second or more apart, the second one accepted
        microsoft.await("the retried reply", conversation, FakeBotFramework.Posted::isMessage, ANSWER_WAIT);
        long deadline = System.currentTimeMillis() + ANSWER_WAIT.toMillis();
        while (microsoft.messages(conversation).size() < 2 && System.currentTimeMillis() < deadline) {
            sleep(50);
        }
        List<FakeBotFramework.Posted> posts = microsoft.messages(conversation);
        assertEquals(2, posts.size(), posts.toString());
        long gap = posts.get(1).atMillis() - posts.get(0).atMillis();
        assertTrue(gap >= 900, "retried after " + gap + " ms");
        assertEquals(posts.get(0).body(), posts.get(1).body());
    }

    @Test
    void aRedeliveredActivityIsAcknowledgedButAnsweredOnce() {
        // given: a question that is delivered, then delivered again by Teams
        String conversation = "a:duplicate";
        var question = teams.personalMessage("dup-1", conversation, "What is the IP4?");
        assertEquals(200, teams.send(question).statusCode());

        // when
        HttpResponse<String> again = teams.send(question);
        teams.send(teams.personalMessage("dup-2", conversation, "help"));

        // then: both deliveries get 200, and only the two distinct activities got a reply
        assertEquals(200, again.statusCode());
        microsoft.await("the marker's reply", conversation, p -> p.url().endsWith("/dup-2"), ANSWER_WAIT);
        microsoft.await("the question's reply", conversation, p -> p.url().endsWith("/dup-1"), ANSWER_WAIT);
        assertEquals(2, microsoft.messages(conversation).size(), microsoft.messages(conversation).toString());
    }

    @Test
    void aChannelMentionIsReadWithoutTheMentionAndAnsweredInItsThread() {
        // given: "<at>ip4bot</at> sources" posted in a channel thread
        String thread = "19:general@thread.tacv2;messageid=1712340000000";

        // when
        assertEquals(200, teams.send(teams.channelMention("1712340000000", thread, "sources")).statusCode());

        // then: read as the sources command, not as a question that contains a mention, and posted in the thread
        FakeBotFramework.Posted reply = microsoft.await("the document list", thread, FakeBotFramework.Posted::isMessage, ANSWER_WAIT);
        assertEquals("/v3/conversations/" + FakeBotFramework.encode(thread) + "/activities/1712340000000",
                reply.url());
        assertTrue(reply.text().contains("documents** in the corpus"), reply.text());
        assertTrue(reply.text().contains("partners/new&#45;zealand.md") || reply.text().contains("new-zealand.md"),
                reply.text());
    }

    @Test
    void aChannelMessageThatDoesNotMentionTheBotIsIgnored() {
        // given
        String thread = "19:general@thread.tacv2;messageid=1712341111111";
        var unmentioned = teams.message("1712341111111", thread, "channel", TeamsSender.USER_AAD, "sources");

        // when
        assertEquals(200, teams.send(unmentioned).statusCode());
        teams.send(teams.channelMention("1712341111112", thread, "help"));

        // then: only the mention is answered
        microsoft.await("the marker's reply", thread, p -> p.url().endsWith("/1712341111112"), ANSWER_WAIT);
        assertEquals(1, microsoft.messages(thread).size(), microsoft.messages(thread).toString());
    }

    @Test
    void reloadFromSomeoneWhoIsNotAnAdminIsRefused() {
        // given
        String conversation = "a:reload";

        // when
        teams.send(teams.personalMessage("rel-1", conversation, "reload"));

        // then
        FakeBotFramework.Posted reply = microsoft.await("the refusal", conversation, FakeBotFramework.Posted::isMessage, ANSWER_WAIT);
        assertTrue(reply.text().contains("only the bot's admins can reload"), reply.text());
    }

    @Test
    void addingTheBotToAChatSendsAWelcomeOnce() {
        // given
        String conversation = "a:welcome";

        // when Teams reports the install, twice
        assertEquals(200, teams.send(teams.botAdded("wel-1", conversation)).statusCode());
        assertEquals(200, teams.send(teams.botAdded("wel-2", conversation)).statusCode());

        // then: one new message (not a reply) with the greeting and the help
        FakeBotFramework.Posted welcome = microsoft.await("the welcome", conversation, FakeBotFramework.Posted::isMessage, ANSWER_WAIT);
        assertEquals("/v3/conversations/a%3Awelcome/activities", welcome.url());
        assertTrue(welcome.text().startsWith("**Hi, I'm ip4bot.**"), welcome.text());
        assertTrue(welcome.text().contains("brief &lt;topic&gt;"), welcome.text());
        sleep(500);
        assertEquals(1, microsoft.messages(conversation).size());
    }

    @Test
    void aFollowUpIsReadInTheContextOfTheEarlierQuestion() {
        // given: a question about New Zealand, answered
        String conversation = "a:follow-up";
        teams.send(teams.personalMessage("fol-1", conversation, "When did New Zealand sign its IPCP with NATO?"));
        microsoft.await("the first answer", conversation, p -> p.url().endsWith("/fol-1"), ANSWER_WAIT);

        // when
        teams.send(teams.personalMessage("fol-2", conversation, "and Japan?"));

        // then: answered about Japan's IPCP, saying how the follow-up was read
        FakeBotFramework.Posted reply = microsoft.await("the follow-up's answer", conversation,
                p -> p.url().endsWith("/fol-2"), ANSWER_WAIT);
        assertTrue(reply.text().contains("Read as a follow-up"), reply.text());
        assertTrue(reply.text().contains("Japan") && reply.text().contains("IPCP"), reply.text());
        assertTrue(reply.text().contains("2014"), reply.text());
    }

    @Test
    void aBriefKeepsItsSectionsAndItsCitationsMatchTheMarkers() {
        // given
        String conversation = "a:brief";

        // when
        teams.send(teams.personalMessage("bri-1", conversation, "brief Japan-NATO cooperation since 2022"));

        // then
        FakeBotFramework.Posted reply = microsoft.await("the brief", conversation, FakeBotFramework.Posted::isMessage, ANSWER_WAIT);
        assertTrue(reply.text().startsWith("**Overview**"), reply.text());
        assertTrue(reply.text().contains("**Timeline**") || reply.text().contains("**Key points by"),
                reply.text());
        Set<Integer> positions = new TreeSet<>(reply.body().path("entities").get(0).path("citation")
                .findValues("position").stream().map(JsonNode::asInt).toList());
        Set<Integer> markers = markers(reply.text());
        markers.removeIf(n -> n > AnswerMessage.MAX_CITATIONS);
        assertEquals(markers, positions);
    }

    @Test
    void aQuestionTheCorpusCannotAnswerListsTheNearestDocumentsWithoutCitingThem() {
        // given
        String conversation = "a:not-found";

        // when
        teams.send(teams.personalMessage("nf-1", conversation,
                "What did New Zealand's navy contribute to the 1999 Operation Allied Force air campaign in Kosovo?"));

        // then
        FakeBotFramework.Posted reply = microsoft.await("the answer", conversation, FakeBotFramework.Posted::isMessage, ANSWER_WAIT);
        JsonNode entity = reply.body().path("entities").get(0);
        if (entity.path("citation").isEmpty()) {
            assertTrue(reply.text().contains("**Nearest documents**"), reply.text());
            assertTrue(reply.text().contains("](https://"), reply.text());
        } else {
            assertEquals(markers(reply.text()), new TreeSet<>(entity.path("citation").findValues("position").stream()
                    .map(JsonNode::asInt).toList()));
        }
    }

    @Test
    void feedbackOnAnAnswerIsAcknowledgedAndLoggedAgainstThatAnswer() throws Exception {
        // given: an answer the Connector gave an ID
        String conversation = "a:feedback";
        teams.send(teams.personalMessage("fb-1", conversation, "What is an ITPP?"));
        microsoft.await("the answer", conversation, FakeBotFramework.Posted::isMessage, ANSWER_WAIT);
        sleep(200);

        // when the user gives it a thumbs-down, then sends an invoke the bot does not handle
        String ratedId = ratedMessageId(conversation);
        long started = System.nanoTime();
        HttpResponse<String> response = teams.send(teams.feedback("fb-2", conversation, ratedId, "dislike"));
        long millis = (System.nanoTime() - started) / 1_000_000;
        var unknown = teams.feedback("fb-3", conversation, ratedId, "like");
        unknown.put("name", "composeExtension/query");
        HttpResponse<String> unhandled = teams.send(unknown);

        // then
        assertEquals(200, response.statusCode());
        assertEquals("{}", response.body());
        assertTrue(millis < 5_000, "answered in " + millis + " ms");
        assertEquals(501, unhandled.statusCode());
        List<String> lines = Files.readAllLines(data.resolve("feedback.jsonl"));
        JsonNode line = FakeBotFramework.json(lines.get(lines.size() - 1));
        assertEquals("msteams", line.path("platform").asText());
        assertEquals("not_helpful", line.path("value").asText());
        assertEquals(TeamsSender.USER_AAD, line.path("userId").asText());
        assertEquals("What is an ITPP?", line.path("question").asText());
        assertFalse(line.path("citations").isEmpty(), line.toString());
    }

    /** The ID the fake Connector gave the bot's answer, read back from its request log. */
    private static String ratedMessageId(String conversation) {
        return microsoft.lastResponseId(conversation);
    }

    private static Set<Integer> markers(String text) {
        Set<Integer> found = new TreeSet<>();
        Matcher m = Pattern.compile("\\[(\\d+)]").matcher(text);
        while (m.find()) {
            found.add(Integer.parseInt(m.group(1)));
        }
        return found;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
