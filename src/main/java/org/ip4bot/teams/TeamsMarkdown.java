package org.ip4bot.teams;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Teams' message text rules, both ways. Outgoing: user and corpus text is escaped so it shows as written: HTML is
 * neutralised and every character Teams' markdown could read as markup becomes a numeric character reference, so no
 * corpus file can bold, link, list or inject HTML. Line breaks become {@code <br>}, which Teams keeps. Incoming: the
 * bot's @mention and Teams' markup are removed to leave what the user typed.
 */
final class TeamsMarkdown {

    private static final Pattern MARKER = Pattern.compile("\\[(\\d{1,3})]");
    private static final Pattern LIST_START = Pattern.compile("^(\\d+)([.)])");
    private static final Pattern OTHER_MENTION = Pattern.compile("<at>(.*?)</at>", Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<[^>]{0,500}>");

    private TeamsMarkdown() {
    }

    /** Escapes text so Teams shows it literally, at the start of a paragraph or anywhere else. */
    static String escape(String text) {
        return escape(text, true);
    }

    private static String escape(String text, boolean paragraphStart) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        Matcher list = LIST_START.matcher(text);
        int start = 0;
        if (paragraphStart && list.find()) {
            // "1. Foo" at the start of a paragraph would become a numbered list.
            out.append(list.group(1)).append(list.group(2).equals(".") ? "&#46;" : "&#41;");
            start = list.end();
        } else if (paragraphStart && (text.startsWith("-") || text.startsWith("+"))) {
            out.append(text.charAt(0) == '-' ? "&#45;" : "&#43;");
            start = 1;
        }
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\r' -> {
                }
                case '\n' -> out.append("<br>");
                case '*', '_', '~', '`', '#', '[', ']', '|', '\\' -> out.append("&#").append((int) c).append(';');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Escapes text but keeps each {@code [n]} marker whose number is in {@code markers} as written, so Teams can tie
     * it to the citation entity with that position.
     */
    static String withMarkers(String text, Set<Integer> markers) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        Matcher m = MARKER.matcher(text);
        int last = 0;
        while (m.find()) {
            if (markers.contains(Integer.parseInt(m.group(1)))) {
                out.append(escape(text.substring(last, m.start()), last == 0));
                out.append(m.group());
                last = m.end();
            }
        }
        out.append(escape(text.substring(last), last == 0));
        return out.toString();
    }

    /** A link showing {@code label}, or the escaped label alone when {@code url} is not a plain web address. */
    static String link(String url, String label) {
        String shown = escape(label.isBlank() ? String.valueOf(url) : label);
        if (!isWebAddress(url)) {
            return shown;
        }
        String safe = url.strip().replace("(", "%28").replace(")", "%29").replace("<", "%3C").replace(">", "%3E");
        return "[" + shown + "](" + safe + ")";
    }

    /** True for an http(s) address without spaces; anything else ({@code javascript:}, a path) is never linked. */
    static boolean isWebAddress(String url) {
        if (url == null) {
            return false;
        }
        String lower = url.strip().toLowerCase(Locale.ROOT);
        return (lower.startsWith("https://") || lower.startsWith("http://")) && !lower.matches(".*[\\s\"'].*");
    }

    /** Emphasis for the bot's own labels (never for user or corpus text, which is escaped instead). */
    static String bold(String ownText) {
        return "**" + ownText + "**";
    }

    static String italic(String markdown) {
        return "_" + markdown + "_";
    }

    /**
     * What the user typed: the mentions of the bot removed (by the mention entities' own text, as the SDK does),
     * other mentions shown as {@code @name}, remaining tags dropped and entities decoded.
     */
    static String plain(String text, Iterable<String> botMentions) {
        String plain = text == null ? "" : text;
        for (String mention : botMentions) {
            if (!mention.isEmpty()) {
                plain = plain.replace(mention, " ");
            }
        }
        plain = OTHER_MENTION.matcher(plain).replaceAll(m -> Matcher.quoteReplacement("@" + m.group(1)));
        plain = TAG.matcher(plain).replaceAll(" ");
        plain = plain.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
        return plain.replaceAll("[ \\t\\u00a0]+", " ").strip();
    }

    /** Cuts plain text to {@code max} characters, ending with an ellipsis when cut. */
    static String shortened(String text, int max) {
        String t = text.strip().replaceAll("\\s+", " ");
        return t.length() <= max ? t : t.substring(0, max - 1).stripTrailing() + "…";
    }
}
