package org.ip4bot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.slack.api.util.json.GsonFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ip4bot.answer.Answer;
import org.ip4bot.answer.AnswerStatus;
import org.ip4bot.answer.Brief;
import org.ip4bot.answer.Citation;
import org.ip4bot.answer.DocumentRef;
import org.ip4bot.chat.Reply;
import org.junit.jupiter.api.Test;

class AnswerBlocksTest {

    private static final Citation WITH_URL = new Citation(1, "partners/new-zealand.md", "New Zealand & NATO",
            "ip4bot research notes", "2025-07-01", "https://www.nato.int/nz?x=1&y=2", "New Zealand's 2012 IPCP", 0,
            "snippet");
    private static final Citation PDF_PAGE = new Citation(2, "reports/review.pdf", "A <b>review</b>", "",
            "2024", "", "", 7, "snippet");

    @Test
    void anAnswerHasItsTextNumberedLinkedSourcesAFooterAndFeedbackButtons() {
        // given
        Answer answer = answer("New Zealand signed on 4 June 2012 [1], as the review notes [2].",
                List.of(WITH_URL, PDF_PAGE), List.of());

        // when
        SlackMessage message = AnswerBlocks.render(new Reply.Answered("id-1", "q", "q", answer), Layout.THREAD);

        // then
        String text = text(message);
        assertTrue(text.contains("New Zealand signed on 4 June 2012 [1], as the review notes [2]."), text);
        assertTrue(text.contains("*Sources*\n*[1]* <https://www.nato.int/nz?x=1&amp;y=2|New Zealand &amp; NATO> · "
                + "ip4bot research notes · 2025-07-01 · section “New Zealand's 2012 IPCP”\n"
                + "*[2]* A &lt;b&gt;review&lt;/b&gt; · 2024 · page 7 · `reports/review.pdf`"), text);
        assertTrue(text.contains("corpus c0ffee · extractive · 42 ms"), text);
        List<String> actions = actionIds(message);
        assertEquals(List.of("ip4_feedback_helpful", "ip4_feedback_not_helpful", "ip4_feedback_wrong_source"),
                actions);
        assertTrue(message.text().startsWith("New Zealand signed on 4 June 2012 [1]"), message.text());
        assertTrue(message.text().contains("[1] New Zealand &amp; NATO, 2025-07-01"), message.text());
    }

    @Test
    void aPrivateAnswerRepeatsTheQuestionAndOffersToShare() {
        // given
        Answer answer = answer("Text [1].", List.of(WITH_URL), List.of());

        // when
        SlackMessage message = AnswerBlocks.render(new Reply.Answered("id-2", "When did <!here> sign?",
                "When did <!here> sign?", answer), Layout.EPHEMERAL);

        // then
        assertTrue(text(message).startsWith("*Question:* When did &lt;!here&gt; sign?"), text(message));
        assertEquals("ip4_share", actionIds(message).get(0));
    }

    @Test
    void aNotFoundAnswerNamesTheNearestDocumentsNotSources() {
        // given
        Answer answer = answer("The corpus does not cover this.", List.of(),
                List.of(new DocumentRef("context/china.md", "China in NATO texts", "2024-10-31", "https://x.org")));

        // when
        String text = text(AnswerBlocks.render(new Reply.Answered("id-3", "q", "q", answer), Layout.THREAD));

        // then
        assertTrue(text.contains("*Nearest documents* (they may not answer this, so they are not cited as sources)\n"
                + "• <https://x.org|China in NATO texts> · 2024-10-31"), text);
        assertFalse(text.contains("*Sources*"), text);
    }

    @Test
    void aFollowUpShowsHowItWasRead() {
        Answer answer = answer("Text [1].", List.of(WITH_URL), List.of());

        String text = text(AnswerBlocks.render(new Reply.Answered("id-4", "and New Zealand?",
                "When did New Zealand sign its IPCP?", answer), Layout.THREAD));

        assertTrue(text.contains("Read as a follow-up: _When did New Zealand sign its IPCP?_"), text);
    }

    @Test
    void aLongBriefIsSplitIntoSectionsUnderTheLimitAndWithinFiftyBlocks() {
        // given: a brief far longer than one section
        List<String> points = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            points.add("Point " + i + " about Japan and NATO cooperation, with enough words to take some room [1].");
        }
        Brief brief = new Brief(List.of("Overview one [1].", "Overview two [1]."), "partner",
                List.of(new Brief.Group("Japan", points)),
                List.of(new Brief.TimelineEntry("2014-05-06", "6 May 2014", "IPCP signed [1].")));
        Answer answer = new Answer("Japan", AnswerStatus.ANSWERED, "x".repeat(40_000), List.of(WITH_URL), List.of(),
                "c0ffee", "extractive", 42, Optional.of(brief));

        // when
        SlackMessage message = AnswerBlocks.render(new Reply.Answered("id-5", "Japan", "Japan", answer),
                Layout.THREAD);

        // then
        JsonNode blocks = FakeSlack.json(GsonFactory.createSnakeCase().toJson(message.blocks()));
        assertTrue(blocks.size() > 3 && blocks.size() <= 50, "blocks: " + blocks.size());
        for (JsonNode block : blocks) {
            assertTrue(block.path("text").path("text").asText().length() <= 3_000);
        }
        String text = text(message);
        assertTrue(text.contains("*Overview*\nOverview one [1]. Overview two [1]."), text);
        assertTrue(text.contains("*Key points by partner*"), text);
        assertTrue(text.contains("• Point 0 about Japan"), text);
        assertTrue(message.text().length() <= 3_000, "fallback of " + message.text().length());
        assertEquals("actions", blocks.get(blocks.size() - 1).get("type").asText());
    }

    private static Answer answer(String text, List<Citation> citations, List<DocumentRef> closest) {
        return new Answer("q", citations.isEmpty() ? AnswerStatus.NOT_FOUND : AnswerStatus.ANSWERED, text, citations,
                closest, "c0ffee", "extractive", 42, Optional.empty());
    }

    private static String text(SlackMessage message) {
        return FakeSlack.blockText(GsonFactory.createSnakeCase().toJson(message.blocks()));
    }

    private static List<String> actionIds(SlackMessage message) {
        JsonNode blocks = FakeSlack.json(GsonFactory.createSnakeCase().toJson(message.blocks()));
        List<String> ids = new ArrayList<>();
        blocks.get(blocks.size() - 1).get("elements").forEach(e -> ids.add(e.get("action_id").asText()));
        return ids;
    }
}
