package org.ip4bot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BlockSplitterTest {

    @Test
    void textWithinTheLimitIsOnePiece() {
        assertEquals(List.of("short text"), BlockSplitter.split("  short text \n", 3_000));
    }

    @Test
    void emptyTextIsNoPieces() {
        assertEquals(List.of(), BlockSplitter.split("  ", 3_000));
    }

    @Test
    void longTextIsCutIntoPiecesUnderTheLimitAtParagraphs() {
        // given: 12 paragraphs of about 700 characters
        String paragraph = "The Individual Partnership and Cooperation Programme was agreed in 2012. ".repeat(10)
                .strip();
        String text = String.join("\n\n", java.util.Collections.nCopies(12, paragraph));

        // when
        List<String> pieces = BlockSplitter.split(text, BlockSplitter.SECTION_LIMIT);

        // then
        assertTrue(pieces.size() >= 3, "pieces: " + pieces.size());
        pieces.forEach(p -> assertTrue(p.length() <= 3_000, "piece of " + p.length()));
        pieces.forEach(p -> assertTrue(p.endsWith("2012."), "cut mid-paragraph: ..." + p.substring(p.length() - 20)));
        assertEquals(text.replaceAll("\\s+", " "), String.join(" ", pieces).replaceAll("\\s+", " "));
    }

    @Test
    void aSingleParagraphIsCutAtSentencesThenWords() {
        // given
        String sentences = "One sentence about NATO and Japan goes here. ".repeat(100);
        String words = "word ".repeat(1_000);

        // when
        List<String> bySentence = BlockSplitter.split(sentences, 3_000);
        List<String> byWord = BlockSplitter.split(words, 3_000);

        // then
        bySentence.forEach(p -> assertTrue(p.length() <= 3_000 && p.endsWith("here."), p));
        byWord.forEach(p -> assertTrue(p.length() <= 3_000 && p.endsWith("word"), p));
    }

    @Test
    void aWordLongerThanTheLimitIsCutInside() {
        // when
        List<String> pieces = BlockSplitter.split("x".repeat(7_000), 3_000);

        // then
        assertEquals(List.of(3_000, 3_000, 1_000), pieces.stream().map(String::length).toList());
    }

    @Test
    void neverCutsInsideALinkOrAnEntity() {
        // given: links and entities packed so that a naive cut at the limit would break one
        String link = "<https://www.nato.int/cps/en/natohq/topics_183254.htm|Relations with partners &amp; more>";
        StringBuilder text = new StringBuilder();
        while (text.length() < 9_000) {
            text.append(link).append("&amp;&lt;&gt;");
        }

        // when
        List<String> pieces = BlockSplitter.split(text.toString(), 3_000);

        // then
        for (String piece : pieces) {
            assertTrue(piece.length() <= 3_000);
            assertEquals(piece.chars().filter(c -> c == '<').count(), piece.chars().filter(c -> c == '>').count(),
                    "a link was cut: " + piece.substring(piece.length() - 40));
            assertFalse(piece.matches("(?s).*&[a-z]{0,3}$"), "an entity was cut: " + piece.substring(piece.length()
                    - 10));
            assertFalse(piece.matches("(?s)^[a-z]{1,3};.*"), "an entity was cut: " + piece.substring(0, 10));
        }
        assertEquals(text.toString(), String.join("", pieces));
    }

    @Test
    void aTinyLimitIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> BlockSplitter.split("text", 5));
    }
}
