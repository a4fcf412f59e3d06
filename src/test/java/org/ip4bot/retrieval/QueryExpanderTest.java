package org.ip4bot.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueryExpanderTest {

    private final QueryExpander expander = new QueryExpander();

    @Test
    void rokExpandsToTheRepublicOfKoreaAndSouthKorea() {
        // when
        List<String> alternatives = expander.alternatives("ROK mission to NATO");

        // then
        assertTrue(alternatives.contains("Republic of Korea"), alternatives.toString());
        assertTrue(alternatives.contains("South Korea"), alternatives.toString());
        assertFalse(alternatives.contains("ROK"), "a name already in the question is not repeated: " + alternatives);
    }

    @Test
    void aLongFormExpandsBackToItsAcronymInAnyCase() {
        // when
        List<String> alternatives = expander.alternatives("when did the republic of korea open its mission?");

        // then
        assertTrue(alternatives.contains("ROK"), alternatives.toString());
        assertFalse(alternatives.contains("Republic of Korea"), alternatives.toString());
    }

    @Test
    void lowerCaseUsIsTheWordUsAndIsNotExpanded() {
        // when
        List<String> alternatives = expander.alternatives("can you tell us about the Tokyo office");

        // then
        assertFalse(alternatives.contains("United States"), alternatives.toString());
    }

    @Test
    void capitalUsIsTheUnitedStates() {
        // when
        List<String> alternatives = expander.alternatives("What did the US say about the Tokyo office?");

        // then
        assertTrue(alternatives.contains("United States"), alternatives.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"North Korean missiles and NATO", "north korean troops in Russia",
        "How does NATO see North Korea?"})
    void northKoreaDoesNotExpandToTheSouth(String question) {
        // when
        List<String> alternatives = expander.alternatives(question);

        // then
        assertFalse(alternatives.contains("Republic of Korea"), alternatives.toString());
        assertFalse(alternatives.contains("South Korea"), alternatives.toString());
        assertFalse(alternatives.contains("ROK"), alternatives.toString());
        assertTrue(alternatives.contains("DPRK"), alternatives.toString());
    }

    @Test
    void anAcronymInsideAnotherWordIsNotExpanded() {
        // when
        List<String> alternatives = expander.alternatives("Is the brokerage of arms to Pyrokinesis relevant?");

        // then
        assertFalse(alternatives.contains("Republic of Korea"), alternatives.toString());
    }

    @Test
    void aQuestionWithoutKnownNamesHasNoAlternativesAndIsEmbeddedAsItIs() {
        // given
        String question = "What is the best recipe for bibimbap?";

        // when
        List<String> alternatives = expander.alternatives(question);
        String forEmbedding = expander.expandForEmbedding(question);

        // then
        assertEquals(List.of(), alternatives);
        assertEquals(question, forEmbedding);
    }

    @Test
    void theEmbeddingTextKeepsTheQuestionAndAddsOneSpelledOutNamePerEntity() {
        // given a question naming two entities by acronym
        String question = "ROK mission to NATO and the IP4";

        // when
        String forEmbedding = expander.expandForEmbedding(question);

        // then the question is kept, each entity gets one multi-word name, and the other labels stay out
        assertTrue(forEmbedding.startsWith(question), forEmbedding);
        assertTrue(forEmbedding.contains("South Korea"), forEmbedding);
        assertTrue(forEmbedding.contains("Indo-Pacific partners"), forEmbedding);
        assertFalse(forEmbedding.contains("AP4"), forEmbedding);
        assertFalse(forEmbedding.contains("Republic of Korea"), forEmbedding);
    }

    @Test
    void alternativesComeInAStableOrder() {
        // when
        List<String> first = expander.alternatives("NZ and ROK at the NAC");
        List<String> second = new QueryExpander().alternatives("NZ and ROK at the NAC");

        // then
        assertEquals(first, second);
        assertTrue(first.containsAll(List.of("New Zealand", "Republic of Korea", "North Atlantic Council")),
                first.toString());
    }
}
