package org.ip4bot.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlainTextReaderTest {

    @TempDir
    Path corpus;

    @Test
    void takesAShortFirstLineAsTitleAndSplitsParagraphsOnBlankLines() {
        // given
        String text = "Australia and NATO\r\n\r\nAustralia joined Exercise Coronet\r\nin 1953.\r\n  \r\nIt became an EOP in 2014.\r\n";

        // when
        SourceDocument doc = Fixtures.read(corpus, "australia.txt", text);

        // then
        assertEquals("Australia and NATO", doc.metadata().title());
        assertEquals(List.of(new TextBlock("", 0, "Australia joined Exercise Coronet in 1953."),
                new TextBlock("", 0, "It became an EOP in 2014.")), doc.blocks());
    }

    @Test
    void keepsAFirstLineThatEndsASentenceAsTextAndTitlesFromTheFileName() {
        // when
        SourceDocument doc = Fixtures.read(corpus, "republic_of-korea.txt", "Korea signed in 2012.\n\nMore text.\n");

        // then
        assertEquals("Republic Of Korea", doc.metadata().title());
        assertEquals(2, doc.blocks().size());
    }

    @Test
    void doesNotTakeTheFirstLineOfAWrappedParagraphAsTitle() {
        // when
        SourceDocument doc = Fixtures.read(corpus, "notes.txt", "New Zealand signed its partnership\nprogramme in 2012.\n");

        // then
        assertEquals("Notes", doc.metadata().title());
        assertEquals("New Zealand signed its partnership programme in 2012.", doc.blocks().get(0).text());
    }
}
