package org.ip4bot.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads plain text: paragraphs are separated by blank lines and their lines joined with spaces.
 *
 * <p>The title is the first line when it stands alone as the first paragraph, is at most 120 characters and does not
 * end with punctuation (.!?,;:), and more text follows; it is then not a block. Otherwise the title comes from the file name.
 */
final class PlainTextReader implements DocumentReader {

    private static final int MAX_TITLE_LENGTH = 120;
    private static final Pattern BLANK_LINES = Pattern.compile("\\n[ \\t\\f\\u00A0]*\\n");

    @Override
    public SourceDocument read(CorpusEntry entry) {
        List<String> paragraphs = new ArrayList<>();
        for (String raw : BLANK_LINES.split(Documents.readText(entry))) {
            if (!raw.isBlank()) {
                paragraphs.add(raw.strip());
            }
        }
        String title = Texts.titleFromFileName(entry.file());
        if (paragraphs.size() > 1 && looksLikeTitle(paragraphs.get(0))) {
            title = Texts.normaliseWhitespace(paragraphs.remove(0));
        }
        List<TextBlock> blocks = paragraphs.stream()
                .map(Texts::normaliseWhitespace)
                .filter(text -> !text.isEmpty())
                .map(text -> new TextBlock("", 0, text))
                .toList();
        return Documents.of(entry, DocumentMetadata.titled(title), blocks);
    }

    private static boolean looksLikeTitle(String firstParagraph) {
        // a single line only: the first line of a wrapped paragraph is not a title
        return !firstParagraph.contains("\n")
                && firstParagraph.length() <= MAX_TITLE_LENGTH
                && ".!?,;:".indexOf(firstParagraph.charAt(firstParagraph.length() - 1)) < 0;
    }
}
