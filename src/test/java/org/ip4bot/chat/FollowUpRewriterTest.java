package org.ip4bot.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FollowUpRewriterTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "and New Zealand?       | When did Australia sign its IPCP? | When did New Zealand sign its IPCP?",
        "And NZ?                | When did Australia sign its IPCP? | When did New Zealand sign its IPCP?",
        "what about Japan?      | When did Australia sign its IPCP? | When did Japan sign its IPCP?",
        "How about South Korea? | When did Australia join? | When did the Republic of Korea join?",
        "and the ROK?           | What are Japan's ITPP areas? | What are the Republic of Korea's ITPP areas?",
        "and South Korea?       | Japan's ITPP priorities?          | The Republic of Korea's ITPP priorities?",
        "Japan?                 | When did Australia sign its IPCP? | When did Japan sign its IPCP?",
        "same for Australia     | When did the ROK open its mission? | When did Australia open its mission?",
        "and new zealand        | Did Japan join ISAF? | Did New Zealand join ISAF?",
    })
    void aFollowUpNamingAPartnerRepeatsThePreviousQuestionAboutThatPartner(String followUp, String previous,
            String expected) {
        // when
        String rewritten = FollowUpRewriter.rewrite(followUp, Optional.of(previous));

        // then
        assertEquals(expected, rewritten);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "what about in 2014? | When did Japan sign its IPCP? | When did Japan sign its IPCP? what about in 2014?",
        "and the cyber side? | What did Vilnius agree?       | What did Vilnius agree? and the cyber side?",
        "and Japan?          | When did Japan sign its IPCP? | When did Japan sign its IPCP? and Japan?",
    })
    void aFollowUpWithoutANewPartnerGetsThePreviousQuestionInFront(String followUp, String previous,
            String expected) {
        assertEquals(expected, FollowUpRewriter.rewrite(followUp, Optional.of(previous)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "When did New Zealand sign its IPCP?",
        "And when did Japan open its mission to NATO in Brussels?",
        "What is an ITPP?",
        "Japan and NATO cyber cooperation",
    })
    void aQuestionOfItsOwnIsLeftAsItIs(String question) {
        assertEquals(question, FollowUpRewriter.rewrite(question, Optional.of("When did Australia sign its IPCP?")));
    }

    @Test
    void asAQuestionRewriterItReadsTheFollowUpAgainstTheLatestEarlierQuestion() {
        // given
        List<String> earlier = List.of("What is the IP4?", "When did Australia sign its IPCP?");

        // when
        String rewritten = new FollowUpRewriter().standalone("and Japan?", earlier);

        // then
        assertEquals("When did Japan sign its IPCP?", rewritten);
        assertEquals("and Japan?", new FollowUpRewriter().standalone("and Japan?", List.of()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"and New Zealand?", "what about Japan?"})
    void withoutAnEarlierQuestionAFollowUpIsLeftAsItIs(String followUp) {
        assertEquals(followUp, FollowUpRewriter.rewrite(followUp, Optional.empty()));
    }
}
