package org.ip4bot.slack;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Slack's text rules, both ways. Outgoing: any user or corpus text is escaped so it shows as written and cannot
 * ping ({@code <!channel>}, {@code <@U123>}, a bare {@code @here}) or open a link of its own. Incoming: Slack's
 * markup in a message is turned back into plain text.
 */
final class SlackText {

    /** Put after "@" in a bare broadcast word; invisible when shown, but Slack no longer sees the keyword. */
    static final char ZERO_WIDTH_JOINER = '\u200D';

    private static final Pattern BROADCAST = Pattern.compile("@(channel|here|everyone)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern USER_MENTION = Pattern.compile("<@([A-Z0-9]+)(?:\\|[^>]*)?>");
    private static final Pattern LINK = Pattern.compile("<((?:https?|mailto):[^|>]+)(?:\\|([^>]*))?>");

    private SlackText() {
    }

    /** Escapes text for a mrkdwn or plain field: {@code & < >} as entities, broadcast words defused. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
        return BROADCAST.matcher(out).replaceAll("@" + ZERO_WIDTH_JOINER + "$1");
    }

    /**
     * A link that shows {@code label}, or the escaped label alone when {@code url} is not a plain http(s) address
     * (so a corpus file cannot smuggle in a {@code javascript:} or {@code <!channel>} link).
     */
    static String link(String url, String label) {
        String shown = escape(label.isBlank() ? url : label).replace("|", "\u2758");
        String target = url == null ? "" : url.strip();
        String lower = target.toLowerCase(Locale.ROOT);
        if (!(lower.startsWith("https://") || lower.startsWith("http://")) || target.matches(".*\\s.*")) {
            return shown;
        }
        String safe = target.replace("&", "&amp;").replace("<", "%3C").replace(">", "%3E").replace("|", "%7C");
        return "<" + safe + "|" + shown + ">";
    }

    /**
     * Turns a Slack message back into what the user typed: removes mentions of the bot, shows links and other
     * mentions as text, and decodes Slack's three entities. Broadcasts such as {@code <!channel>} stay literal text.
     */
    static String plain(String slackText, String botUserId) {
        if (slackText == null) {
            return "";
        }
        String text = USER_MENTION.matcher(slackText).replaceAll(m ->
                m.group(1).equals(botUserId) ? "" : Matcher.quoteReplacement("@" + m.group(1)));
        text = LINK.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
                m.group(2) != null && !m.group(2).isBlank() ? m.group(2) : m.group(1)));
        text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        return text.replaceAll("[ \\t]+", " ").strip();
    }

    /** Emphasis for our own labels (never for user or corpus text, which is escaped instead). */
    static String bold(String ownText) {
        return "*" + ownText + "*";
    }
}
