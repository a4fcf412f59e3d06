package org.ip4bot.teams;

import static org.ip4bot.teams.TeamsMarkdown.bold;
import static org.ip4bot.teams.TeamsMarkdown.escape;
import static org.ip4bot.teams.TeamsMarkdown.italic;
import static org.ip4bot.teams.TeamsMarkdown.withMarkers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.ip4bot.answer.Answer;
import org.ip4bot.answer.AnswerStatus;
import org.ip4bot.answer.Brief;
import org.ip4bot.answer.Citation;
import org.ip4bot.answer.DocumentRef;
import org.ip4bot.chat.Reply;

/**
 * A cited answer or brief as Teams shows it natively: markdown text whose {@code [n]} markers Teams ties to the one
 * schema.org {@code Message} entity's {@code citation} claims (its citation pop-ups), the "AI generated" label, and
 * the feedback buttons. Briefs keep their sections. Sources beyond what one message may cite go in a second message,
 * an Adaptive Card.
 */
final class AnswerMessage {

    /** Teams accepts at most this many citations on one message. */
    static final int MAX_CITATIONS = 20;
    static final int MAX_NAME = 80;
    static final int MAX_ABSTRACT = 160;
    /** Well below Teams' message limit (about 80 KB of JSON), leaving room for the entities. */
    static final int MAX_TEXT = 24_000;

    private AnswerMessage() {
    }

    /** The answer's message, then, when some sources did not fit in it, a card listing them. */
    static List<ObjectNode> render(Reply.Answered reply) {
        Answer answer = reply.answer();
        List<Citation> cited = answer.status() == AnswerStatus.ANSWERED ? answer.citations() : List.of();
        List<Citation> inline = cited.stream().filter(c -> c.n() <= MAX_CITATIONS).toList();
        List<Citation> overflow = cited.stream().filter(c -> c.n() > MAX_CITATIONS).toList();
        Set<Integer> markers = inline.stream().map(Citation::n).collect(Collectors.toSet());

        List<String> paragraphs = new ArrayList<>();
        if (reply.reinterpreted()) {
            paragraphs.add(italic("Read as a follow-up: " + escape(reply.interpreted())));
        }
        paragraphs.addAll(body(answer, markers));
        if (!overflow.isEmpty()) {
            paragraphs.add(italic("Sources " + overflow.get(0).n() + " to " + overflow.get(overflow.size() - 1).n()
                    + " are listed in the next message."));
        }
        if (cited.isEmpty() && !answer.closestDocuments().isEmpty()) {
            paragraphs.add(bold("Nearest documents") + " (they may not answer this, so they are not cited as "
                    + "sources)<br>" + nearest(answer.closestDocuments()));
        }
        paragraphs.add(italic("corpus " + escape(answer.corpusVersion()) + " · " + escape(answer.composer()) + " · "
                + answer.latencyMs() + " ms"));

        ObjectNode message = Json.object().put("type", "message").put("textFormat", "markdown")
                .put("text", capped(paragraphs));
        message.putArray("entities").add(aiEntity(inline));
        message.putObject("channelData").putObject("feedbackLoop").put("type", "default");
        List<ObjectNode> activities = new ArrayList<>(List.of(message));
        if (!overflow.isEmpty()) {
            activities.add(SourcesCard.activity(overflow));
        }
        return activities;
    }

    private static List<String> body(Answer answer, Set<Integer> markers) {
        if (answer.brief().isEmpty()) {
            return List.of(withMarkers(answer.text(), markers));
        }
        Brief brief = answer.brief().get();
        List<String> out = new ArrayList<>();
        out.add(bold("Overview") + "<br>" + withMarkers(String.join(" ", brief.overview()), markers));
        if (!brief.groups().isEmpty()) {
            out.add(bold("Key points by " + escape(brief.groupedBy())));
            for (Brief.Group group : brief.groups()) {
                out.add(bold(escape(group.label())) + "<br>" + group.points().stream()
                        .map(p -> "• " + withMarkers(p, markers)).collect(Collectors.joining("<br>")));
            }
        }
        if (!brief.timeline().isEmpty()) {
            out.add(bold("Timeline") + "<br>" + brief.timeline().stream()
                    .map(e -> "• " + escape(e.display()) + ": " + withMarkers(e.text(), markers))
                    .collect(Collectors.joining("<br>")));
        }
        return out;
    }

    /**
     * The one root {@code Message} entity Teams allows: the AI label and a {@code Claim} per cited source, its
     * {@code position} the {@code [n]} it backs. Names and abstracts are plain text shown in pop-ups, so they are
     * shortened to Teams' limits, not escaped.
     */
    static ObjectNode aiEntity(List<Citation> citations) {
        ObjectNode entity = Json.object().put("type", "https://schema.org/Message").put("@type", "Message")
                .put("@context", "https://schema.org").put("@id", "");
        entity.putArray("additionalType").add("AIGeneratedContent");
        if (!citations.isEmpty()) {
            ArrayNode claims = entity.putArray("citation");
            for (Citation c : citations) {
                ObjectNode appearance = claims.addObject().put("@type", "Claim").put("position", c.n())
                        .putObject("appearance").put("@type", "DigitalDocument")
                        .put("name", TeamsMarkdown.shortened(title(c.title(), c.source()), MAX_NAME))
                        .put("abstract", TeamsMarkdown.shortened(c.snippet().isBlank() ? c.source() : c.snippet(),
                                MAX_ABSTRACT));
                if (TeamsMarkdown.isWebAddress(c.url())) {
                    appearance.put("url", c.url().strip());
                }
            }
        }
        return entity;
    }

    static String nearest(List<DocumentRef> documents) {
        return documents.stream().map(d -> "• " + TeamsMarkdown.link(d.url(), title(d.title(), d.source()))
                        + (d.date() == null || d.date().isBlank() ? "" : " · " + escape(d.date())))
                .collect(Collectors.joining("<br>"));
    }

    /** Whole paragraphs up to {@link #MAX_TEXT}, then a note that the rest was left out. */
    static String capped(List<String> paragraphs) {
        StringBuilder text = new StringBuilder();
        for (String paragraph : paragraphs) {
            if (text.length() + paragraph.length() + 2 > MAX_TEXT) {
                text.append("\n\n").append(italic("The rest was too long for one Teams message; ask about a "
                        + "narrower topic, or use the command line for the full text."));
                break;
            }
            text.append(text.length() == 0 ? "" : "\n\n").append(paragraph);
        }
        return text.toString();
    }

    static String title(String title, String source) {
        return title == null || title.isBlank() ? source : title;
    }
}
