package org.ip4bot.slack;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static org.ip4bot.slack.SlackText.escape;

import com.slack.api.model.block.LayoutBlock;
import java.util.ArrayList;
import java.util.List;
import org.ip4bot.answer.DocumentRef;
import org.ip4bot.chat.Reply;

/** Turns the chat's replies into Slack messages. Every piece of text that is not our own is escaped. */
final class MessageRenderer {

    private MessageRenderer() {
    }

    static SlackMessage render(Reply reply, Layout layout) {
        if (reply instanceof Reply.Answered answered) {
            return AnswerBlocks.render(answered, layout);
        }
        if (reply instanceof Reply.Notice notice) {
            return notice(notice);
        }
        return documents(((Reply.DocumentList) reply).documents());
    }

    /** A short status line ("Searching 29 reports...") that a later message replaces. */
    static SlackMessage progress(String text) {
        String escaped = escape(text);
        return new SlackMessage(escaped, List.of(context(List.of(markdownText(":hourglass_flowing_sand: "
                + escaped)))));
    }

    static SlackMessage notice(Reply.Notice notice) {
        String text = escape(notice.text());
        String shown = switch (notice.kind()) {
            case HELP -> text + "\n\n" + SlackText.bold("In Slack") + ": mention me in a channel and I answer in the "
                    + "thread, or message me directly. The slash command answers privately: `/ip4 &lt;question&gt;`, "
                    + "`/ip4 brief &lt;topic&gt;`, `/ip4 sources`, `/ip4 reload`, `/ip4 help`.";
            case ERROR, BUSY, NOT_READY -> ":warning: " + text;
            case REFUSED -> ":no_entry: " + text;
            case REJECTED -> ":straight_ruler: " + text;
            case REPORT -> ":white_check_mark: " + text;
        };
        List<LayoutBlock> blocks = new ArrayList<>();
        sections(blocks, shown);
        return new SlackMessage(truncated(text, 3_000), capped(blocks, 50));
    }

    static SlackMessage documents(List<DocumentRef> documents) {
        StringBuilder list = new StringBuilder(SlackText.bold(documents.size() + " documents"))
                .append(" in the corpus, by path:\n");
        for (DocumentRef d : documents) {
            list.append("• ").append(SlackText.link(d.url() == null ? "" : d.url(),
                    d.title() == null || d.title().isBlank() ? d.source() : d.title()));
            if (d.date() != null && !d.date().isBlank()) {
                list.append(" · ").append(escape(d.date()));
            }
            list.append(" · `").append(escape(d.source())).append("`\n");
        }
        List<LayoutBlock> blocks = new ArrayList<>();
        sections(blocks, list.toString());
        return new SlackMessage(documents.size() + " documents in the corpus.", capped(blocks, 50));
    }

    /** Adds {@code mrkdwn} as one or more section blocks, each within Slack's 3,000-character limit. */
    static void sections(List<LayoutBlock> blocks, String mrkdwn) {
        for (String piece : BlockSplitter.split(mrkdwn, BlockSplitter.SECTION_LIMIT)) {
            blocks.add(section(s -> s.text(markdownText(piece))));
        }
    }

    /** At most {@code max} blocks, the last one saying that the rest was left out. */
    static List<LayoutBlock> capped(List<LayoutBlock> blocks, int max) {
        if (blocks.size() <= max) {
            return new ArrayList<>(blocks);
        }
        List<LayoutBlock> kept = new ArrayList<>(blocks.subList(0, max - 1));
        kept.add(context(List.of(markdownText("_The rest was too long for one Slack message; ask about a narrower "
                + "topic, or use the command line for the full text._"))));
        return kept;
    }

    static String truncated(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = max - 1;
        int amp = text.lastIndexOf('&', cut);
        if (amp >= 0 && cut - amp < 6 && text.indexOf(';', amp) >= cut) {
            cut = amp;
        }
        return text.substring(0, cut) + "…";
    }
}
