package org.ip4bot.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ip4bot.answer.Answer;
import org.ip4bot.answer.AnswerStatus;
import org.ip4bot.answer.Citation;
import org.ip4bot.answer.DocumentRef;
import org.junit.jupiter.api.Test;

class CitationCheckTest {

    private static final String NZ = "partners/new-zealand.md";
    private static final String JAPAN = "partners/japan.md";

    private final CitationCheck check = new CitationCheck(Map.of(
            NZ, "New Zealand opened a dialogue with NATO in 2001.\nNew Zealand signed an IPCP\n"
                    + "on 4 June 2012. Leaders have attended every summit since Madrid.\n",
            JAPAN, "Japan signed its IPCP in 2014. Japan and NATO agreed an ITPP on 12 July 2023.\n"));

    @Test
    void acceptsAnAnswerWhoseMarkersAndCitationsMatchAndWhoseSnippetsAreInTheDocuments() {
        // given a snippet that spans a line break in the document, and one joining two sentences of a passage
        Answer answer = answer("New Zealand signed an IPCP on 4 June 2012 [1]. Japan signed its IPCP in 2014 [2].",
                citation(1, NZ, "New Zealand signed an IPCP on 4 June 2012."),
                citation(2, JAPAN, "Japan signed its IPCP in 2014. … Japan and NATO agreed an ITPP on 12 July 2023."));

        // when
        String problem = check.problem(answer);

        // then
        assertEquals("", problem);
    }

    @Test
    void acceptsANotFoundAnswerWithoutMarkersOrCitations() {
        // given
        Answer answer = new Answer("bibimbap?", AnswerStatus.NOT_FOUND, "The corpus does not cover this.", List.of(),
                List.of(new DocumentRef(NZ, "New Zealand and NATO", "2025-07-01", "")), "v1", "extractive", 3,
                Optional.empty());

        // when
        String problem = check.problem(answer);

        // then
        assertEquals("", problem);
    }

    @Test
    void detectsAMarkerThatHasNoCitation() {
        // given
        Answer answer = answer("New Zealand signed an IPCP on 4 June 2012 [1]. Japan followed in 2014 [2].",
                citation(1, NZ, "New Zealand signed an IPCP on 4 June 2012."));

        // when
        String problem = check.problem(answer);

        // then
        assertFalse(problem.isEmpty(), "a [2] without citation 2 must be reported");
        assertTrue(problem.contains("2"), problem);
    }

    @Test
    void detectsACitationTheTextNeverUses() {
        // given
        Answer answer = answer("New Zealand signed an IPCP on 4 June 2012 [1].",
                citation(1, NZ, "New Zealand signed an IPCP on 4 June 2012."),
                citation(2, JAPAN, "Japan signed its IPCP in 2014."));

        // when
        String problem = check.problem(answer);

        // then
        assertFalse(problem.isEmpty(), "citation 2 is never referred to");
        assertTrue(problem.contains("2"), problem);
    }

    @Test
    void detectsASnippetThatIsNotInTheCitedDocument() {
        // given a true sentence, but from the other document
        Answer answer = answer("Japan signed its IPCP in 2014 [1].",
                citation(1, NZ, "Japan signed its IPCP in 2014."));

        // when
        String problem = check.problem(answer);

        // then
        assertFalse(problem.isEmpty(), "the snippet is not in " + NZ);
        assertTrue(problem.contains(NZ), problem);
    }

    @Test
    void detectsASnippetWhoseSecondPartIsInvented() {
        // given
        Answer answer = answer("New Zealand opened a dialogue with NATO in 2001 [1].",
                citation(1, NZ, "New Zealand opened a dialogue with NATO in 2001. … New Zealand joined NATO in 2020."));

        // when
        String problem = check.problem(answer);

        // then
        assertTrue(problem.contains("New Zealand joined NATO in 2020"), problem);
    }

    @Test
    void detectsACitationOfADocumentOutsideTheCorpus() {
        // given
        Answer answer = answer("Something [1].", citation(1, "partners/mongolia.md", "Something."));

        // when
        String problem = check.problem(answer);

        // then
        assertTrue(problem.contains("partners/mongolia.md"), problem);
    }

    @Test
    void detectsAnEmptySnippet() {
        // given
        Answer answer = answer("New Zealand opened a dialogue with NATO in 2001 [1].", citation(1, NZ, "  "));

        // when
        String problem = check.problem(answer);

        // then
        assertFalse(problem.isEmpty(), "a blank snippet supports nothing");
    }

    private static Answer answer(String text, Citation... citations) {
        return new Answer("question", AnswerStatus.ANSWERED, text, List.of(citations), List.of(), "v1", "extractive",
                5, Optional.empty());
    }

    private static Citation citation(int n, String source, String snippet) {
        return new Citation(n, source, "Title " + n, "ip4bot research notes", "2025-07-01", "", "", 0, snippet);
    }
}
