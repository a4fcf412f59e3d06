package org.ip4bot.corpus;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.parser.Parser;

/**
 * Strips inline Markdown down to the words a reader sees: emphasis markers, code ticks, link targets, images, HTML
 * tags and comments go; link text, code text and entities (as characters) stay. Backslash escapes are honoured.
 */
final class InlineMarkdown {

    /** Markup characters inside code spans, escapes and autolinks are moved here so later rules leave them alone. */
    private static final char SHELTER = '\uE000';

    private static final Pattern ESCAPE = Pattern.compile("\\\\([\\\\`*_{}\\[\\]()#+\\-.!|<>~])");
    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    private static final Pattern CODE = Pattern.compile("(`+)(.+?)\\1");
    private static final Pattern IMAGE = Pattern.compile("!\\[[^\\]]*\\](?:\\((?:[^()]|\\([^)]*\\))*\\)|\\[[^\\]]*\\])");
    private static final Pattern FOOTNOTE = Pattern.compile("\\[\\^[^\\]]+\\]");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)\\]\\((?:[^()]|\\([^)]*\\))*\\)");
    private static final Pattern REFERENCE_LINK = Pattern.compile("\\[([^\\]]+)\\]\\[[^\\]]*\\]");
    private static final Pattern AUTOLINK = Pattern.compile("<((?:https?|mailto):[^>\\s]+)>");
    private static final Pattern LINE_BREAK_TAG = Pattern.compile("<br\\s*/?>", Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile("</?[A-Za-z][A-Za-z0-9-]*(?:\\s[^<>]*)?/?>");
    private static final Pattern STRONG = Pattern.compile("(\\*\\*|__)(?=\\S)(.+?)(?<=\\S)\\1");
    private static final Pattern STRIKE = Pattern.compile("~~(?=\\S)(.+?)(?<=\\S)~~");
    private static final Pattern STAR_EMPHASIS = Pattern.compile("\\*(?=\\S)(.+?)(?<=\\S)\\*");
    // underscores inside words (snake_case, file_names) are not emphasis
    private static final Pattern UNDERSCORE_EMPHASIS =
            Pattern.compile("(?<![\\p{L}\\p{N}_])_(?=\\S)(.+?)(?<=\\S)_(?![\\p{L}\\p{N}_])");

    private InlineMarkdown() {
    }

    /** Plain text of one Markdown paragraph; whitespace is not normalised. */
    static String strip(String markdown) {
        String text = replace(ESCAPE, markdown, m -> shelter(m.group(1)));
        text = COMMENT.matcher(text).replaceAll("");
        text = replace(CODE, text, m -> shelter(m.group(2).strip()));
        text = IMAGE.matcher(text).replaceAll("");
        text = FOOTNOTE.matcher(text).replaceAll("");
        text = replace(LINK, text, m -> m.group(1));
        text = replace(REFERENCE_LINK, text, m -> m.group(1));
        text = replace(AUTOLINK, text, m -> shelter(m.group(1)));
        text = LINE_BREAK_TAG.matcher(text).replaceAll(" ");
        text = TAG.matcher(text).replaceAll("");
        text = replace(STRONG, text, m -> m.group(2));
        text = replace(STRIKE, text, m -> m.group(1));
        text = replace(STAR_EMPHASIS, text, m -> m.group(1));
        text = replace(UNDERSCORE_EMPHASIS, text, m -> m.group(1));
        return unshelter(Parser.unescapeEntities(text, false));
    }

    private static String replace(Pattern pattern, String text, Function<Matcher, String> replacement) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder result = new StringBuilder(text.length());
        while (matcher.find()) {
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement.apply(matcher)));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    private static String shelter(String text) {
        StringBuilder sheltered = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            sheltered.append(c < 128 && "\\`*_{}[]()#+-.!|<>~&".indexOf(c) >= 0 ? (char) (SHELTER + c) : c);
        }
        return sheltered.toString();
    }

    private static String unshelter(String text) {
        StringBuilder plain = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            plain.append(c >= SHELTER && c < SHELTER + 128 ? (char) (c - SHELTER) : c);
        }
        return plain.toString();
    }
}
