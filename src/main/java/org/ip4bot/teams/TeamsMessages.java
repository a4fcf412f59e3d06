package org.ip4bot.teams;

import static org.ip4bot.teams.TeamsMarkdown.bold;
import static org.ip4bot.teams.TeamsMarkdown.escape;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.stream.Collectors;
import org.ip4bot.answer.DocumentRef;
import org.ip4bot.chat.Reply;

/** Turns the chat's replies into Teams message activities. Every piece of text that is not the bot's own is escaped. */
final class TeamsMessages {

    private static final String IN_TEAMS = bold("In Teams") + ": message me directly, or @mention me in a channel "
            + "or group chat and I answer in the thread. Commands: a question, brief &lt;topic&gt;, sources, reload, "
            + "help.";

    private TeamsMessages() {
    }

    /** The message activities for one reply, in the order to send them. */
    static List<ObjectNode> render(Reply reply) {
        if (reply instanceof Reply.Answered answered) {
            return AnswerMessage.render(answered);
        }
        if (reply instanceof Reply.Notice notice) {
            return List.of(notice(notice));
        }
        return List.of(documents(((Reply.DocumentList) reply).documents()));
    }

    static ObjectNode notice(Reply.Notice notice) {
        String text = escape(notice.text());
        String shown = switch (notice.kind()) {
            case HELP -> text + "\n\n" + IN_TEAMS;
            case ERROR, BUSY, NOT_READY -> "⚠️ " + text;
            case REFUSED -> "⛔ " + text;
            case REJECTED -> "📏 " + text;
            case REPORT -> "✅ " + text;
        };
        return message(shown);
    }

    /** The greeting when the bot is added to a chat or team: who it is, then the help. */
    static ObjectNode welcome(Reply.Notice help) {
        return message(bold("Hi, I'm ip4bot.") + " " + escape(help.text()) + "\n\n" + IN_TEAMS);
    }

    static ObjectNode documents(List<DocumentRef> documents) {
        String list = documents.stream()
                .map(d -> "• " + TeamsMarkdown.link(d.url(), AnswerMessage.title(d.title(), d.source()))
                        + (d.date() == null || d.date().isBlank() ? "" : " · " + escape(d.date()))
                        + " · " + escape(d.source()))
                .collect(Collectors.joining("<br>"));
        return message(AnswerMessage.capped(List.of(bold(documents.size() + " documents") + " in the corpus, by path:",
                list)));
    }

    private static ObjectNode message(String markdown) {
        return Json.object().put("type", "message").put("textFormat", "markdown").put("text", markdown);
    }
}
