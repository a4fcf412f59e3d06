package org.ip4bot.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.ip4bot.answer.Answer;
import org.ip4bot.answer.AnswerStatus;
import org.ip4bot.answer.Citation;
import org.ip4bot.answer.DocumentRef;
import org.ip4bot.chat.Reply;
import org.junit.jupiter.api.Test;

class AnswerMessageTest {

    @Test
    void corpusTextIsEscapedButTheCitationMarkersStay() {
        // given: a source that tries markdown, HTML and a fake marker
        Citation c = citation(1, "Title", "x");
        Answer answer = answer("**Bold** <img src=x onerror=alert(1)> _it_ [link](https://evil.example) [7] [1].",
                List.of(c));

        // when
        String text = AnswerMessage.render(answered(answer)).get(0).path("text").asText();

        // then
        assertTrue(text.startsWith("&#42;&#42;Bold&#42;&#42; &lt;img src=x onerror=alert(1)&gt; &#95;it&#95; "
                + "&#91;link&#93;(https://evil.example) &#91;7&#93; [1]."), text);
    }

    @Test
    void twentyCitationsGoInTheMessageAndTheRestInAnAdaptiveCard() {
        // given
        List<Citation> citations = IntStream.rangeClosed(1, 23).mapToObj(n -> citation(n, "Report " + n,
                "Snippet " + n)).toList();
        StringBuilder text = new StringBuilder();
        citations.forEach(c -> text.append("Claim ").append(c.n()).append(" [").append(c.n()).append("]. "));

        // when
        List<ObjectNode> activities = AnswerMessage.render(answered(answer(text.toString().strip(), citations)));

        // then
        JsonNode claims = activities.get(0).path("entities").get(0).path("citation");
        assertEquals(20, claims.size());
        assertEquals(IntStream.rangeClosed(1, 20).boxed().toList(), claims.findValues("position").stream()
                .map(JsonNode::asInt).toList());
        assertTrue(activities.get(0).path("text").asText().contains("Sources 21 to 23 are listed in the next message"));
        JsonNode attachment = activities.get(1).path("attachments").get(0);
        assertEquals("application/vnd.microsoft.card.adaptive", attachment.path("contentType").asText());
        assertEquals("1.5", attachment.path("content").path("version").asText());
        assertTrue(attachment.toString().contains("Report 21") && attachment.toString().contains("Report 23"));
        assertFalse(attachment.toString().contains("Report 20\""));
        assertFalse(activities.get(1).has("text"));
    }

    @Test
    void theCardStaysUnder28KilobytesHoweverManySourcesOverflow() {
        // given
        List<Citation> citations = IntStream.rangeClosed(21, 600).mapToObj(n -> citation(n, "A long report title "
                .repeat(6) + n, "x")).toList();

        // when
        ObjectNode card = SourcesCard.card(citations);

        // then
        assertTrue(SourcesCard.size(card) < 28 * 1024, "card is " + SourcesCard.size(card) + " bytes");
        assertTrue(card.toString().contains(" more, too many to list here."));
    }

    @Test
    void namesAndAbstractsAreCutToTeamsLimits() {
        // given
        Citation c = citation(1, "T".repeat(200), "S".repeat(400));

        // when
        JsonNode appearance = AnswerMessage.aiEntity(List.of(c)).path("citation").get(0).path("appearance");

        // then
        assertEquals(80, appearance.path("name").asText().length());
        assertEquals(160, appearance.path("abstract").asText().length());
        assertTrue(appearance.path("abstract").asText().endsWith("…"));
        assertEquals("https://example.org/1", appearance.path("url").asText());
    }

    @Test
    void aNotFoundAnswerNamesTheNearestDocumentsAndCitesNothing() {
        // given
        Answer notFound = new Answer("q", AnswerStatus.NOT_FOUND, "The reports do not say.", List.of(),
                List.of(new DocumentRef("partners/japan.md", "Japan and NATO", "2025-07-01", "https://example.org/j"),
                        new DocumentRef("notes/local.md", "Local [notes]", "", "javascript:alert(1)")),
                "v1", "extractive", 5, Optional.empty());

        // when
        JsonNode message = AnswerMessage.render(answered(notFound)).get(0);

        // then
        String text = message.path("text").asText();
        assertTrue(text.contains("**Nearest documents**"), text);
        assertTrue(text.contains("• [Japan and NATO](https://example.org/j) · 2025-07-01"), text);
        assertTrue(text.contains("• Local &#91;notes&#93;") && !text.contains("javascript"), text);
        assertFalse(message.path("entities").get(0).has("citation"));
    }

    @Test
    void theBotsMentionIsStrippedByItsEntityTextAndOtherMarkupRemoved() {
        // when
        String plain = TeamsMarkdown.plain("<at>ip4bot</at> what about <at>Ada Lovelace</at>&nbsp;&amp; Japan?",
                List.of("<at>ip4bot</at>"));

        // then
        assertEquals("what about @Ada Lovelace & Japan?", plain);
    }

    private static Reply.Answered answered(Answer answer) {
        return new Reply.Answered("answer-1", answer.question(), answer.question(), answer);
    }

    private static Answer answer(String text, List<Citation> citations) {
        return new Answer("q", AnswerStatus.ANSWERED, text, new ArrayList<>(citations), List.of(), "v1", "extractive",
                12, Optional.empty());
    }

    private static Citation citation(int n, String title, String snippet) {
        return new Citation(n, "doc" + n + ".md", title, "ip4bot research notes", "2025-07-01",
                "https://example.org/" + n, "", 0, snippet);
    }
}
