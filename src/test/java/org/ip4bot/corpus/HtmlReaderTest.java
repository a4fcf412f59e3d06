package org.ip4bot.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReaderTest {

    @TempDir
    Path corpus;

    @Test
    void readsTitleMetadataAndOnlyTheMainTextUnderItsHeadings() {
        // given
        String html = """
                <!doctype html>
                <html><head>
                  <title>NATO and the Republic of Korea</title>
                  <meta name="author" content="NATO Public Diplomacy">
                  <meta property="article:published_time" content="2024-07-10T09:00:00Z">
                  <link rel="canonical" href="https://www.nato.int/korea">
                  <style>p { color: red }</style>
                </head><body>
                  <header><p>Site header text.</p></header>
                  <nav><ul><li>Home</li><li>News</li></ul></nav>
                  <main>
                    <h1>Relations with the Republic of Korea</h1>
                    <p>The ROK signed its first <b>IPCP</b>
                       in 2012.<script>track()</script></p>
                    <h2>Milestones</h2>
                    <ul><li>2019: third IPCP.</li><li><p>2022: mission opened.</p></li></ul>
                    <blockquote>Partners matter.</blockquote>
                    <div>Loose text that is not a paragraph.</div>
                    <form><p>Subscribe</p></form>
                    <aside><p>Related links.</p></aside>
                  </main>
                  <footer><p>Copyright.</p></footer>
                </body></html>
                """;

        // when
        SourceDocument doc = Fixtures.read(corpus, "korea.html", html);

        // then
        DocumentMetadata metadata = doc.metadata();
        assertEquals("NATO and the Republic of Korea", metadata.title());
        assertEquals("NATO Public Diplomacy", metadata.publisher());
        assertEquals("2024-07-10", metadata.date());
        assertEquals("https://www.nato.int/korea", metadata.url());
        assertEquals(List.of(
                new TextBlock("Relations with the Republic of Korea", 0, "The ROK signed its first IPCP in 2012."),
                new TextBlock("Milestones", 0, "2019: third IPCP."),
                new TextBlock("Milestones", 0, "2022: mission opened."),
                new TextBlock("Milestones", 0, "Partners matter.")), doc.blocks());
    }

    @Test
    void fallsBackToTheFirstH1AndOgUrlAndTheWholeTextWithoutParagraphs() {
        // given
        String html = "<html><head><meta property=\"og:url\" content=\"https://example.org/a\"></head>"
                + "<body><nav>Menu</nav><article><h1>Japan</h1><div>Only loose text here.</div></article></body></html>";

        // when
        SourceDocument doc = Fixtures.read(corpus, "japan.htm", html);

        // then
        assertEquals("Japan", doc.metadata().title());
        assertEquals("https://example.org/a", doc.metadata().url());
        assertEquals(1, doc.blocks().size());
        assertEquals("Japan Only loose text here.", doc.blocks().get(0).text());
    }

    @Test
    void titlesFromTheFileNameWhenThePageHasNoTitle() {
        // when
        SourceDocument doc = Fixtures.read(corpus, "new-zealand.html", "<p>Text.</p>");

        // then
        assertEquals("New Zealand", doc.metadata().title());
        assertFalse(doc.blocks().isEmpty());
    }

    @Test
    void refusesAPageWithoutText() {
        // when
        CorpusReadException e = assertThrows(CorpusReadException.class,
                () -> Fixtures.read(corpus, "a.html", "<html><head><title>T</title></head><body><script>x()</script></body></html>"));

        // then
        assertEquals("no readable text", e.getMessage());
    }
}
