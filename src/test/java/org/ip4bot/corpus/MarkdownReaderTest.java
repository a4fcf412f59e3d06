package org.ip4bot.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownReaderTest {

    @TempDir
    Path corpus;

    @Test
    void readsFrontMatterHeadingsAndPlainTextAndSkipsTheSourcesSection() {
        // given
        String markdown = """
                ---
                title: Japan and NATO
                publisher: IP4 desk
                date: 2025-07-01
                url: https://example.org/japan
                source_urls:
                  - https://www.nato.int/japan
                  - https://www.mofa.go.jp/nato
                countries: [Japan]
                topics: [Partnership, Cyber]
                reviewer: ignored
                ---
                # Japan and NATO

                Japan is NATO's **oldest** partner *outside* the _Euro-Atlantic_ area,
                see [the NATO page](https://www.nato.int/japan) and `IPCP`.
                ![logo](logo.png)

                ## Milestones

                - 2013: Joint Political Declaration.
                * 2014: IPCP signed<sup>1</sup>.
                1. 2023: ITPP agreed.

                ```
                code that is not content
                ```

                | year | event |
                |------|-------|

                ## Sources

                - NATO, Relations with Japan.

                ### More sources

                Another source line.

                ## Outlook

                Cooperation continues.
                """;

        // when
        SourceDocument doc = Fixtures.read(corpus, "partners/japan.md", markdown);

        // then
        DocumentMetadata metadata = doc.metadata();
        assertEquals("partners/japan.md", doc.path());
        assertEquals("Japan and NATO", metadata.title());
        assertEquals("IP4 desk", metadata.publisher());
        assertEquals("2025-07-01", metadata.date());
        assertEquals("https://example.org/japan", metadata.url());
        assertEquals(List.of("https://www.nato.int/japan", "https://www.mofa.go.jp/nato"), metadata.sourceUrls());
        assertEquals(List.of("Japan"), metadata.countries());
        assertEquals(List.of("partnership", "cyber"), metadata.topics());
        assertEquals(List.of(
                new TextBlock("Japan and NATO", 0, "Japan is NATO's oldest partner outside the Euro-Atlantic area, "
                        + "see the NATO page and IPCP."),
                new TextBlock("Milestones", 0, "2013: Joint Political Declaration."),
                new TextBlock("Milestones", 0, "2014: IPCP signed1."),
                new TextBlock("Milestones", 0, "2023: ITPP agreed."),
                new TextBlock("Outlook", 0, "Cooperation continues.")), doc.blocks());
    }

    @Test
    void usesTheFirstSourceUrlAsUrlAndAcceptsSingleValuesForLists() {
        // given
        String markdown = """
                ---
                title: Korea
                source_urls: https://www.nato.int/korea
                countries: Republic of Korea
                topics: Exercises
                date: 2024-06
                ---
                Text.
                """;

        // when
        DocumentMetadata metadata = Fixtures.read(corpus, "korea.md", markdown).metadata();

        // then
        assertEquals("https://www.nato.int/korea", metadata.url());
        assertEquals(List.of("https://www.nato.int/korea"), metadata.sourceUrls());
        assertEquals(List.of("Republic of Korea"), metadata.countries());
        assertEquals(List.of("exercises"), metadata.topics());
        assertEquals("2024-06", metadata.date());
    }

    @Test
    void acceptsAYearAsDate() {
        // when
        DocumentMetadata metadata = Fixtures.read(corpus, "a.md", "---\ndate: 2012\n---\nText.\n").metadata();

        // then
        assertEquals("2012", metadata.date());
    }

    @Test
    void takesTheTitleFromTheFirstHeadingWithoutFrontMatter() {
        // when
        SourceDocument doc = Fixtures.read(corpus, "nz.md", "Intro line.\n\n## Background\n\nText.\n\n# New Zealand\n\nMore.\n");

        // then
        assertEquals("New Zealand", doc.metadata().title());
        assertEquals(List.of(new TextBlock("", 0, "Intro line."), new TextBlock("Background", 0, "Text."),
                new TextBlock("New Zealand", 0, "More.")), doc.blocks());
    }

    @Test
    void takesTheTitleFromTheFileNameWithoutFrontMatterOrTopHeading() {
        // when
        SourceDocument doc = Fixtures.read(corpus, "new-zealand_partnership.md", "## Details\n\nText.\n");

        // then
        assertEquals("New Zealand Partnership", doc.metadata().title());
    }

    @Test
    void readsSetextHeadingsAndBlockquotes() {
        // when
        SourceDocument doc = Fixtures.read(corpus, "a.md", "Australia\n=========\n\n> Quoted text\n> goes on.\n\n"
                + "Section\n-------\n\nBody.\n\n---\n\nAfter a rule.\n");

        // then
        assertEquals("Australia", doc.metadata().title());
        assertEquals(List.of(new TextBlock("Australia", 0, "Quoted text goes on."),
                new TextBlock("Section", 0, "Body."), new TextBlock("Section", 0, "After a rule.")), doc.blocks());
    }

    @Test
    void keepsEscapedMarkupAndUnderscoresInsideWords() {
        // when
        SourceDocument doc = Fixtures.read(corpus, "a.md", "A \\*literal\\* star, snake_case_name and AT&amp;T.\n");

        // then
        assertEquals("A *literal* star, snake_case_name and AT&T.", doc.blocks().get(0).text());
    }

    @Test
    void refusesFrontMatterThatIsNotValidYaml() {
        // when
        CorpusReadException e = assertThrows(CorpusReadException.class,
                () -> Fixtures.read(corpus, "a.md", "---\ntitle: Japan\ncountries: [Japan\n---\nText.\n"));

        // then
        assertTrue(e.getMessage().startsWith("front matter is not valid YAML (line "), e.getMessage());
    }

    @Test
    void refusesFrontMatterThatIsNeverClosed() {
        // when
        CorpusReadException e = assertThrows(CorpusReadException.class,
                () -> Fixtures.read(corpus, "a.md", "---\ntitle: Japan\n\n# Japan\n\nText.\n"));

        // then
        assertEquals("front matter starts with --- but is never closed by a --- line", e.getMessage());
    }

    @Test
    void refusesADateInAnUnknownFormNamingTheFieldAndTheAcceptedForms() {
        // when
        CorpusReadException e = assertThrows(CorpusReadException.class,
                () -> Fixtures.read(corpus, "a.md", "---\ndate: 1 July 2025\n---\nText.\n"));

        // then
        assertTrue(e.getMessage().contains("'date'"), e.getMessage());
        assertTrue(e.getMessage().contains("yyyy-MM-dd, yyyy-MM or yyyy"), e.getMessage());
    }

    @Test
    void refusesAnImpossibleDate() {
        assertThrows(CorpusReadException.class,
                () -> Fixtures.read(corpus, "a.md", "---\ndate: 2025-13\n---\nText.\n"));
    }

    @Test
    void refusesCountriesGivenAsAMap() {
        // when
        CorpusReadException e = assertThrows(CorpusReadException.class,
                () -> Fixtures.read(corpus, "a.md", "---\ncountries:\n  japan: yes\n---\nText.\n"));

        // then
        assertEquals("front matter field 'countries' must be a list of names or one name", e.getMessage());
    }

    @Test
    void refusesADocumentWithOnlyFrontMatterAndHeadings() {
        // when
        CorpusReadException e = assertThrows(CorpusReadException.class,
                () -> Fixtures.read(corpus, "a.md", "---\ntitle: T\n---\n# T\n\n## Sources\n\n- a source\n"));

        // then
        assertEquals("no readable text", e.getMessage());
    }

    @Test
    void treatsAMarkdownFileWithoutFrontMatterAsAllBody() {
        // when
        SourceDocument doc = Fixtures.read(corpus, "a.md", "Text with --- dashes.\n");

        // then
        assertFalse(doc.blocks().isEmpty());
        assertEquals("Text with --- dashes.", doc.blocks().get(0).text());
    }
}
