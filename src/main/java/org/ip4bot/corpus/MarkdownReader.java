package org.ip4bot.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Markdown with optional YAML front matter (see {@link FrontMatter}).
 *
 * <p>Blocks are paragraphs and list items; ATX and setext headings set the heading of the blocks below them. Fenced
 * code, tables and link definitions are not content and are dropped, as is everything under a "Sources",
 * "References" or "Bibliography" heading (down to the next heading of the same or a higher level): those sections list
 * provenance, which the front matter carries. Title: front matter, else the first level-1 heading, else the file name.
 */
final class MarkdownReader implements DocumentReader {

    private static final Pattern ATX_HEADING = Pattern.compile("(#{1,6})(?:\\s+(.*?))?(?:\\s+#+)?\\s*");
    private static final Pattern FENCE = Pattern.compile("(`{3,}|~{3,}).*");
    private static final Pattern THEMATIC_BREAK = Pattern.compile("([-*_])(\\s*\\1){2,}");
    private static final Pattern SETEXT_UNDERLINE = Pattern.compile("=+|-{2,}");
    private static final Pattern LIST_ITEM = Pattern.compile("(?:[-*+]|\\d{1,9}[.)])\\s+(?:\\[[ xX]\\]\\s+)?(.*)");
    private static final Pattern LINK_DEFINITION = Pattern.compile("\\[[^\\]]+\\]:\\s*\\S+.*");
    private static final Set<String> PROVENANCE_HEADINGS = Set.of("sources", "references", "bibliography");

    @Override
    public SourceDocument read(CorpusEntry entry) {
        FrontMatter.Split split = FrontMatter.split(Documents.readText(entry));
        Body body = new Body();
        for (String line : split.body().split("\n", -1)) {
            body.accept(line);
        }
        body.flush();
        String fallbackTitle = body.firstTopHeading.isEmpty() ? Texts.titleFromFileName(entry.file()) : body.firstTopHeading;
        return Documents.of(entry, split.frontMatter().toMetadata(fallbackTitle), body.blocks);
    }

    /** The line-by-line state of one Markdown body. */
    private static final class Body {
        final List<TextBlock> blocks = new ArrayList<>();
        String firstTopHeading = "";
        private final List<String> paragraph = new ArrayList<>();
        private boolean paragraphIsListItem;
        private String heading = "";
        private int skippedSectionLevel;
        private String openFence = "";

        void accept(String rawLine) {
            String line = rawLine.strip();
            if (!openFence.isEmpty()) {
                if (line.startsWith(openFence) && line.chars().allMatch(c -> c == openFence.charAt(0))) {
                    openFence = "";
                }
                return;
            }
            Matcher fence = FENCE.matcher(line);
            if (fence.matches()) {
                flush();
                openFence = fence.group(1);
                return;
            }
            if (line.isEmpty() || line.startsWith("|") || LINK_DEFINITION.matcher(line).matches()) {
                flush();
                return;
            }
            Matcher atx = ATX_HEADING.matcher(line);
            if (atx.matches()) {
                flush();
                heading(atx.group(1).length(), atx.group(2) == null ? "" : atx.group(2));
                return;
            }
            if (SETEXT_UNDERLINE.matcher(line).matches() && paragraph.size() == 1 && !paragraphIsListItem) {
                String text = paragraph.get(0);
                paragraph.clear();
                heading(line.charAt(0) == '=' ? 1 : 2, text);
                return;
            }
            if (THEMATIC_BREAK.matcher(line).matches()) {
                flush();
                return;
            }
            while (line.startsWith(">")) {
                line = line.substring(1).strip();
            }
            if (line.isEmpty()) {
                flush();
                return;
            }
            Matcher item = LIST_ITEM.matcher(line);
            if (item.matches()) {
                flush();
                paragraphIsListItem = true;
                line = item.group(1);
            }
            paragraph.add(line);
        }

        void flush() {
            if (!paragraph.isEmpty() && skippedSectionLevel == 0) {
                String text = Texts.normaliseWhitespace(InlineMarkdown.strip(String.join("\n", paragraph)));
                if (!text.isEmpty()) {
                    blocks.add(new TextBlock(heading, 0, text));
                }
            }
            paragraph.clear();
            paragraphIsListItem = false;
        }

        private void heading(int level, String markdown) {
            if (skippedSectionLevel > 0 && level > skippedSectionLevel) {
                return;
            }
            String text = Texts.normaliseWhitespace(InlineMarkdown.strip(markdown));
            String bare = text.replaceAll("[:.]+$", "").strip().toLowerCase(Locale.ROOT);
            skippedSectionLevel = PROVENANCE_HEADINGS.contains(bare) ? level : 0;
            if (level == 1 && firstTopHeading.isEmpty()) {
                firstTopHeading = text;
            }
            heading = text;
        }
    }
}
