package org.ip4bot.teams;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.ip4bot.answer.Citation;

/**
 * The sources one message cannot cite (beyond Teams' twenty citations), as an Adaptive Card 1.5. Titles are
 * {@code TextRun}s, which Teams shows as plain text (no markdown), linked with {@code Action.OpenUrl} only when the
 * address is a web address. The card stays under 28 KB; sources beyond that are counted, not listed.
 */
final class SourcesCard {

    static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
    static final int MAX_BYTES = 28 * 1024;
    /** Room kept for the "and N more" line and the activity around the card. */
    private static final int RESERVE_BYTES = 1024;

    private SourcesCard() {
    }

    /** A message activity whose only content is the card. */
    static ObjectNode activity(List<Citation> citations) {
        ObjectNode activity = Json.object().put("type", "message");
        activity.putArray("attachments").addObject().put("contentType", CONTENT_TYPE).set("content", card(citations));
        return activity;
    }

    static ObjectNode card(List<Citation> citations) {
        ObjectNode card = Json.object().put("type", "AdaptiveCard")
                .put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json").put("version", "1.5");
        ArrayNode body = card.putArray("body");
        body.addObject().put("type", "TextBlock").put("text", "More sources").put("weight", "Bolder").put("wrap", true);
        int listed = 0;
        for (Citation c : citations) {
            ObjectNode entry = entry(c);
            if (size(card) + size(entry) > MAX_BYTES - RESERVE_BYTES) {
                break;
            }
            body.add(entry);
            listed++;
        }
        if (listed < citations.size()) {
            body.addObject().put("type", "TextBlock").put("wrap", true).put("isSubtle", true)
                    .put("text", "…and " + (citations.size() - listed) + " more, too many to list here.");
        }
        return card;
    }

    private static ObjectNode entry(Citation c) {
        ObjectNode block = Json.object().put("type", "RichTextBlock");
        ArrayNode inlines = block.putArray("inlines");
        inlines.addObject().put("type", "TextRun").put("text", "[" + c.n() + "] ").put("weight", "Bolder");
        ObjectNode title = inlines.addObject().put("type", "TextRun")
                .put("text", AnswerMessage.title(c.title(), c.source()));
        if (TeamsMarkdown.isWebAddress(c.url())) {
            title.putObject("selectAction").put("type", "Action.OpenUrl").put("url", c.url().strip());
        }
        StringBuilder details = new StringBuilder();
        for (String part : new String[] {c.publisher(), c.date(), c.section(), c.page() > 0 ? "page " + c.page() : ""}) {
            if (part != null && !part.isBlank()) {
                details.append(" · ").append(part);
            }
        }
        if (details.length() > 0) {
            inlines.addObject().put("type", "TextRun").put("text", details.toString()).put("isSubtle", true);
        }
        return block;
    }

    static int size(ObjectNode node) {
        return Json.write(node).getBytes(StandardCharsets.UTF_8).length;
    }
}
