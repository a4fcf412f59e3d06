package org.ip4bot.corpus;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Reads HTML with jsoup. Content is {@code <main>}, else {@code <article>}, else {@code <body>}, without scripts,
 * styles, navigation, headers, footers, asides, forms and noscript. Blocks are the text of {@code p}, {@code li} and
 * {@code blockquote} elements (a nested one starts a new block), in document order, under the latest
 * {@code h1}-{@code h6}; when those hold no text, the content's whole text is one block.
 *
 * <p>Metadata: title from {@code <title>}, else the first {@code <h1>}, else the file name; publisher from
 * {@code meta name=publisher} or {@code author}; date from {@code meta name=date} or
 * {@code article:published_time} (dropped when not a date); url from {@code link rel=canonical} or {@code og:url}.
 */
final class HtmlReader implements DocumentReader {

    private static final String NOT_CONTENT = "script, style, nav, header, footer, aside, form, noscript, template";
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    private static final Set<String> TEXT_ELEMENTS = Set.of("p", "li", "blockquote");
    private static final Set<String> BOUNDARIES = Set.of("p", "li", "blockquote", "div", "ul", "ol", "dl", "dt", "dd",
            "table", "tr", "td", "th", "section", "article", "main", "figure", "figcaption", "pre", "hr");

    @Override
    public SourceDocument read(CorpusEntry entry) {
        Document html;
        try {
            // null charset: honour the file's own <meta charset>, defaulting to UTF-8
            html = Jsoup.parse(entry.file().toFile(), null);
        } catch (IOException e) {
            throw new CorpusReadException("cannot read file: " + e.getClass().getSimpleName() + " " + e.getMessage(), e);
        }
        DocumentMetadata metadata = metadata(html, Texts.titleFromFileName(entry.file()));
        Element content = content(html);
        content.select(NOT_CONTENT).remove();
        List<TextBlock> blocks = new Walk().blocks(content);
        return Documents.of(entry, metadata, blocks);
    }

    private static Element content(Document html) {
        Element main = html.selectFirst("main");
        if (main == null) {
            main = html.selectFirst("article");
        }
        return main != null ? main : html.body();
    }

    private static DocumentMetadata metadata(Document html, String fileNameTitle) {
        String title = Texts.normaliseWhitespace(html.title());
        if (title.isEmpty()) {
            Element h1 = html.selectFirst("h1");
            title = h1 == null ? "" : Texts.normaliseWhitespace(h1.text());
        }
        String publisher = first(html, "meta[name=publisher]", "content", "meta[name=author]", "content");
        String date = IsoDates.normalise(first(html, "meta[name=date]", "content",
                "meta[property=article:published_time]", "content")).orElse("");
        String url = first(html, "link[rel=canonical]", "href", "meta[property=og:url]", "content");
        return new DocumentMetadata(title.isEmpty() ? fileNameTitle : title, publisher, date, url,
                List.of(), List.of(), List.of());
    }

    /** The first non-blank attribute among (selector, attribute) pairs, or empty. */
    private static String first(Document html, String... selectorAttributePairs) {
        for (int i = 0; i < selectorAttributePairs.length; i += 2) {
            for (Element element : html.select(selectorAttributePairs[i])) {
                String value = element.attr(selectorAttributePairs[i + 1]).strip();
                if (!value.isEmpty()) {
                    return value;
                }
            }
        }
        return "";
    }

    /** One pass over the content in document order, collecting text that sits inside p, li or blockquote. */
    private static final class Walk {
        private final List<TextBlock> blocks = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private String heading = "";
        private int textDepth;

        List<TextBlock> blocks(Element content) {
            visit(content);
            flush();
            if (blocks.isEmpty()) {
                String whole = Texts.normaliseWhitespace(content.text());
                return whole.isEmpty() ? List.of() : List.of(new TextBlock("", 0, whole));
            }
            return blocks;
        }

        private void visit(Node node) {
            if (node instanceof TextNode textNode) {
                if (textDepth > 0) {
                    text.append(textNode.getWholeText());
                }
                return;
            }
            if (!(node instanceof Element element)) {
                return;
            }
            String tag = element.normalName();
            if (tag.equals("br")) {
                text.append(' ');
                return;
            }
            if (HEADINGS.contains(tag)) {
                flush();
                heading = Texts.normaliseWhitespace(element.text());
                return;
            }
            boolean boundary = BOUNDARIES.contains(tag);
            boolean textElement = TEXT_ELEMENTS.contains(tag);
            if (boundary) {
                flush();
            }
            if (textElement) {
                textDepth++;
            }
            for (Node child : element.childNodes()) {
                visit(child);
            }
            if (textElement) {
                textDepth--;
            }
            if (boundary) {
                flush();
            }
        }

        private void flush() {
            String block = Texts.normaliseWhitespace(text.toString());
            if (!block.isEmpty()) {
                blocks.add(new TextBlock(heading, 0, block));
            }
            text.setLength(0);
        }
    }
}
