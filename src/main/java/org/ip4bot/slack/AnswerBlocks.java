package org.ip4bot.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static org.ip4bot.slack.SlackText.escape;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import java.util.ArrayList;
import java.util.List;
import org.ip4bot.answer.Answer;
import org.ip4bot.answer.AnswerStatus;
import org.ip4bot.answer.Brief;
import org.ip4bot.answer.Citation;
import org.ip4bot.answer.DocumentRef;
import org.ip4bot.chat.Reply;

/**
 * Lays out a cited answer or brief: the answer in mrkdwn sections, the numbered sources (or, when the corpus has no
 * answer, the nearest documents, which are not sources), a footer with the corpus version and composer, and the
 * buttons. All user and corpus text is escaped.
 */
final class AnswerBlocks {

    static final String SHARE = "ip4_share";
    static final String FEEDBACK_PREFIX = "ip4_feedback_";
    /** Slack refuses a message with more blocks than this. */
    private static final int MAX_BLOCKS = 50;
    /** Fallback text is for notifications; a long one is cut. */
    private static final int MAX_FALLBACK = 3_000;

    private AnswerBlocks() {
    }

    static SlackMessage render(Reply.Answered reply, Layout layout) {
        Answer answer = reply.answer();
        List<LayoutBlock> blocks = new ArrayList<>();
        layout.sharedBy().ifPresent(user -> blocks.add(contextLine("Shared by "
                + (user.matches("[A-Z0-9]{2,32}") ? "<@" + user + ">" : escape(user)))));
        if (layout.showQuestion()) {
            MessageRenderer.sections(blocks, SlackText.bold(answer.brief().isPresent() ? "Brief:" : "Question:")
                    + " " + escape(reply.asked()));
        }
        if (reply.reinterpreted()) {
            blocks.add(contextLine("Read as a follow-up: _" + escape(reply.interpreted()) + "_"));
        }
        MessageRenderer.sections(blocks, body(answer));
        if (answer.status() == AnswerStatus.ANSWERED && !answer.citations().isEmpty()) {
            MessageRenderer.sections(blocks, SlackText.bold("Sources") + "\n" + sources(answer.citations()));
        } else if (!answer.closestDocuments().isEmpty()) {
            MessageRenderer.sections(blocks, SlackText.bold("Nearest documents")
                    + " (they may not answer this, so they are not cited as sources)\n"
                    + nearest(answer.closestDocuments()));
        }
        List<LayoutBlock> tail = List.of(contextLine(footer(answer)), buttons(reply.answerId(), layout));
        List<LayoutBlock> all = MessageRenderer.capped(blocks, MAX_BLOCKS - tail.size());
        all.addAll(tail);
        return new SlackMessage(fallback(answer), all);
    }

    private static String body(Answer answer) {
        if (answer.brief().isEmpty()) {
            return escape(answer.text());
        }
        Brief brief = answer.brief().get();
        StringBuilder out = new StringBuilder(SlackText.bold("Overview")).append('\n')
                .append(escape(String.join(" ", brief.overview())));
        if (!brief.groups().isEmpty()) {
            out.append("\n\n").append(SlackText.bold("Key points by " + escape(brief.groupedBy())));
            for (Brief.Group group : brief.groups()) {
                out.append("\n\n").append(SlackText.bold(escape(group.label())));
                group.points().forEach(p -> out.append("\n• ").append(escape(p)));
            }
        }
        if (!brief.timeline().isEmpty()) {
            out.append("\n\n").append(SlackText.bold("Timeline"));
            brief.timeline().forEach(e -> out.append("\n• ").append(escape(e.display())).append(": ")
                    .append(escape(e.text())));
        }
        return out.toString();
    }

    static String sources(List<Citation> citations) {
        StringBuilder out = new StringBuilder();
        for (Citation c : citations) {
            out.append(SlackText.bold("[" + c.n() + "]")).append(' ')
                    .append(SlackText.link(nullToEmpty(c.url()), title(c.title(), c.source())));
            append(out, c.publisher());
            append(out, c.date());
            if (!nullToEmpty(c.section()).isBlank()) {
                out.append(" · section “").append(escape(c.section())).append('”');
            }
            if (c.page() > 0) {
                out.append(" · page ").append(c.page());
            }
            if (nullToEmpty(c.url()).isBlank()) {
                out.append(" · `").append(escape(c.source())).append('`');
            }
            out.append('\n');
        }
        return out.toString().strip();
    }

    static String nearest(List<DocumentRef> documents) {
        StringBuilder out = new StringBuilder();
        for (DocumentRef d : documents) {
            out.append("• ").append(SlackText.link(nullToEmpty(d.url()), title(d.title(), d.source())));
            append(out, d.date());
            out.append('\n');
        }
        return out.toString().strip();
    }

    private static String footer(Answer answer) {
        return "corpus " + escape(answer.corpusVersion()) + " · " + escape(answer.composer()) + " · "
                + answer.latencyMs() + " ms";
    }

    private static LayoutBlock buttons(String answerId, Layout layout) {
        List<BlockElement> elements = new ArrayList<>();
        if (layout.shareButton()) {
            elements.add(button(SHARE, "Share in channel", answerId, "primary"));
        }
        elements.add(button(FEEDBACK_PREFIX + "helpful", "Helpful", answerId, null));
        elements.add(button(FEEDBACK_PREFIX + "not_helpful", "Not helpful", answerId, null));
        elements.add(button(FEEDBACK_PREFIX + "wrong_source", "Wrong source", answerId, null));
        return actions(a -> a.blockId("ip4_actions").elements(elements));
    }

    private static ButtonElement button(String actionId, String label, String value, String style) {
        return ButtonElement.builder().actionId(actionId).text(plainText(label)).value(value).style(style).build();
    }

    private static LayoutBlock contextLine(String mrkdwn) {
        return context(List.of(markdownText(mrkdwn)));
    }

    private static String fallback(Answer answer) {
        StringBuilder out = new StringBuilder(escape(answer.text()));
        if (!answer.citations().isEmpty()) {
            out.append("\n\nSources:");
            for (Citation c : answer.citations()) {
                out.append("\n[").append(c.n()).append("] ").append(escape(title(c.title(), c.source())));
                if (!nullToEmpty(c.date()).isBlank()) {
                    out.append(", ").append(escape(c.date()));
                }
            }
        }
        return MessageRenderer.truncated(out.toString(), MAX_FALLBACK);
    }

    private static void append(StringBuilder out, String part) {
        if (part != null && !part.isBlank()) {
            out.append(" · ").append(escape(part));
        }
    }

    private static String title(String title, String source) {
        return title == null || title.isBlank() ? source : title;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
