package org.ip4bot.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

    @Test
    void splitsOnTerminalPunctuationFollowedByACapitalDigitOrQuote() {
        assertEquals(List.of("NATO met in 2024.", "Japan attended!", "Was Korea there?", "2025 was next.",
                        "\"Yes,\" he said."),
                SentenceSplitter.split("NATO met in 2024. Japan attended! Was Korea there? 2025 was next. \"Yes,\" he said."));
    }

    @Test
    void doesNotSplitAfterAbbreviationsOrInitials() {
        // given
        String text = "The U.S. and the U.K. agreed, e.g. on cyber, i.e. defence. Mr. Abe met Dr. Rutte and Amb. Smith. "
                + "Gen. Lee, Adm. Park, Lt. Col. Kim and J. Stoltenberg spoke vs. critics on Jan. 5, Feb. 6, "
                + "Aug. 7, Sept. 8, Oct. 9, Nov. 10 and Dec. 11 at No. 10 and St. James etc. The end.";

        // when
        List<String> sentences = SentenceSplitter.split(text);

        // then
        assertEquals(List.of("The U.S. and the U.K. agreed, e.g. on cyber, i.e. defence.",
                "Mr. Abe met Dr. Rutte and Amb. Smith.",
                "Gen. Lee, Adm. Park, Lt. Col. Kim and J. Stoltenberg spoke vs. critics on Jan. 5, Feb. 6, "
                        + "Aug. 7, Sept. 8, Oct. 9, Nov. 10 and Dec. 11 at No. 10 and St. James etc. The end."),
                sentences);
    }

    @Test
    void doesNotSplitInsideNumbers() {
        assertEquals(List.of("Spending rose 1.5 percent to 2.0 billion.", "Then it fell."),
                SentenceSplitter.split("Spending rose 1.5 percent to 2.0 billion. Then it fell."));
    }

    @Test
    void keepsClosingQuotesAndBracketsWithTheirSentence() {
        assertEquals(List.of("He said \"we agree.\"", "(It was signed.)", "Done."),
                SentenceSplitter.split("He said \"we agree.\" (It was signed.) Done."));
    }

    @Test
    void doesNotSplitBeforeALowerCaseWord() {
        assertEquals(List.of("The figure was approx. ten and rising. more text follows."),
                SentenceSplitter.split("The figure was approx. ten and rising. more text follows."));
    }

    @Test
    void returnsTextWithoutTerminalPunctuationAsOneSentence() {
        assertEquals(List.of("Partners in the Indo-Pacific"), SentenceSplitter.split("  Partners in the Indo-Pacific  "));
        assertEquals(List.of(), SentenceSplitter.split("   "));
    }

    @Test
    void treatsAnEllipsisAsOneSentenceEnd() {
        assertEquals(List.of("They waited...", "Then they signed."), SentenceSplitter.split("They waited... Then they signed."));
    }
}
