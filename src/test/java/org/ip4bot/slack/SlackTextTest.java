package org.ip4bot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlackTextTest {

    private static final String ZWJ = "\u200D";

    @ParameterizedTest
    @CsvSource(delimiterString = "=>", value = {
        "<!channel>                 => &lt;!channel&gt;",
        "<!here|here>               => &lt;!here|here&gt;",
        "<@U123>                    => &lt;@U123&gt;",
        "<https://evil.example|ok>  => &lt;https://evil.example|ok&gt;",
        "R&D & AT&T                 => R&amp;D &amp; AT&amp;T",
        "a > b < c                  => a &gt; b &lt; c",
        "already &amp; escaped      => already &amp;amp; escaped",
    })
    void specialCharactersBecomeEntitiesSoNothingPingsOrLinks(String text, String escaped) {
        assertEquals(escaped, SlackText.escape(text));
    }

    @Test
    void bareBroadcastWordsAreDefusedWithAZeroWidthJoiner() {
        // when
        String escaped = SlackText.escape("tell @channel, @HERE and @everyone; mail a@channels.org");

        // then
        assertEquals("tell @" + ZWJ + "channel, @" + ZWJ + "HERE and @" + ZWJ + "everyone; mail a@channels.org",
                escaped);
    }

    @Test
    void aLinkShowsItsEscapedLabelAndOnlyForHttpAddresses() {
        assertEquals("<https://www.nato.int/a?b=1&amp;c=2|Japan &amp; NATO &lt;2024&gt;>",
                SlackText.link("https://www.nato.int/a?b=1&c=2", "Japan & NATO <2024>"));
        assertEquals("<https://x.org/%3C!channel%3E|x>", SlackText.link("https://x.org/<!channel>", "x"));
        assertEquals("Title only", SlackText.link("", "Title only"));
        assertEquals("javascript", SlackText.link("javascript:alert(1)", "javascript"));
        assertEquals("a\u2758b", SlackText.link("", "a|b"));
    }

    @Test
    void incomingTextLosesTheBotMentionAndSlackMarkup() {
        // when
        String plain = SlackText.plain("<@UBOT>  What did <@U42|ann> say about R&amp;D at "
                + "<https://nato.int|NATO> &lt;2024&gt; to <!channel>?", "UBOT");

        // then
        assertEquals("What did @U42 say about R&D at NATO <2024> to <!channel>?", plain);
    }

    @Test
    void anEmptyMentionIsEmptyText() {
        assertEquals("", SlackText.plain("<@UBOT>", "UBOT"));
        assertEquals("", SlackText.plain(null, "UBOT"));
    }
}
