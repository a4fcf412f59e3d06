package org.ip4bot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BriefTopicTest {

    @Test
    void sinceAYearOpensAWindowFromThatYear() {
        // when
        BriefTopic topic = BriefTopic.parse("Japan-NATO cooperation since 2022");

        // then
        assertEquals(2022, topic.fromYear());
        assertEquals(Integer.MAX_VALUE, topic.toYear());
        assertTrue(topic.subject().contains("Japan"), topic.subject());
        assertFalse(topic.subject().contains("2022"), topic.subject());
        assertTrue(topic.inWindow(2022) && topic.inWindow(2025) && !topic.inWindow(2021));
    }

    @Test
    void aRangeOfYearsClosesTheWindowAtBothEnds() {
        // when
        BriefTopic topic = BriefTopic.parse("Australia and NATO 2019-2023");

        // then
        assertEquals(2019, topic.fromYear());
        assertEquals(2023, topic.toYear());
        assertFalse(topic.subject().contains("2019"), topic.subject());
    }

    @Test
    void withAWindowASentenceDatedOutsideItIsNotAllowedButAnUndatedOneIs() {
        // given
        BriefTopic topic = BriefTopic.parse("Japan-NATO cooperation since 2022");

        // then
        assertFalse(topic.allows("Japan signed its IPCP with NATO in 2014."));
        assertTrue(topic.allows("Japan and NATO agreed their ITPP on 12 July 2023."));
        assertTrue(topic.allows("Japan funds NATO's assistance package for Ukraine."));
    }

    @Test
    void requestWordsAreNotPartOfTheSubject() {
        // when
        BriefTopic plain = BriefTopic.parse("Japan-NATO cooperation since 2022");
        BriefTopic asked = BriefTopic.parse("brief me on Japan-NATO cooperation since 2022");

        // then
        assertEquals(plain, asked);
    }

    @ParameterizedTest
    @ValueSource(strings = {"NATO's Indo-Pacific partners in Afghanistan", "The IP4 in Afghanistan",
        "NATO’s Indo-Pacific partners in Afghanistan"})
    void namesEveryNoteIsAboutLeaveTheRealSubjectWhole(String request) {
        // when
        BriefTopic topic = BriefTopic.parse(request);

        // then
        assertTrue(topic.subject().contains("Afghanistan"), topic.subject());
        assertFalse(topic.subject().startsWith("'") || topic.subject().startsWith("’")
                || topic.subject().startsWith("s "), "no stray possessive: [" + topic.subject() + "]");
    }
}
