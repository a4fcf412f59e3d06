package org.ip4bot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.ip4bot.retrieval.SentenceScorer;
import org.junit.jupiter.api.Test;

/** How a reply is read and judged, with a word-overlap stand-in for the embedding model. */
class CitationCheckerTest {

    private static final List<CitationChecker.Source> SOURCES = List.of(
            source("New Zealand and NATO agreed an IPCP on 4 June 2012.", "It was the first of the four."),
            source("Japan signed its IPCP on 6 May 2014.", "The IP4 met in Madrid."),
            source("Australia signed its IPCP on 21 February 2013."));

    private final CitationChecker checker = new CitationChecker();

    @Test
    void markersAfterTheFullStopListsAndRangesAllCount() {
        // when
        var outcome = checker.check("New Zealand and NATO agreed an IPCP on 4 June 2012. [1] "
                + "Japan signed its IPCP on 6 May 2014 [1, 2]. Australia signed its IPCP on 21 February 2013 [2-3].",
                SOURCES, new WordScorer());

        // then
        assertEquals(List.of("New Zealand and NATO agreed an IPCP on 4 June 2012.",
                "Japan signed its IPCP on 6 May 2014.", "Australia signed its IPCP on 21 February 2013."),
                outcome.claims().stream().map(CitationChecker.Claim::text).toList());
        assertEquals(List.of(List.of(0), List.of(1), List.of(2)), outcome.claims().stream()
                .map(c -> c.supports().stream().map(CitationChecker.Support::source).toList()).toList());
        assertEquals(2, outcome.unsupportedCitations(), "[1] for Japan and [2] for Australia support nothing");
    }

    @Test
    void aMarkerBeyondTheSourcesIsCountedAndIgnored() {
        // when
        var outcome = checker.check("Japan signed its IPCP on 6 May 2014 [9][2]. The IP4 met in Madrid [12].",
                SOURCES, new WordScorer());

        // then
        assertEquals(2, outcome.invalidMarkers());
        assertEquals(1, outcome.uncitedSentences());
        assertEquals(List.of("Japan signed its IPCP on 6 May 2014."),
                outcome.claims().stream().map(CitationChecker.Claim::text).toList());
    }

    @Test
    void aNumberTheSourceLacksSinksTheCitationButLettersWithDigitsDoNot() {
        // when
        var outcome = checker.check("Japan signed its IPCP on 6 May 2015 [2]. The IP4 met in Madrid [2].", SOURCES,
                new WordScorer());

        // then
        assertEquals(List.of("The IP4 met in Madrid."),
                outcome.claims().stream().map(CitationChecker.Claim::text).toList());
        assertEquals(Set.of("2012", "3500", "4"), CitationChecker.numbers("In 2012, 3,500 troops in IP4 and 4 PRTs."));
    }

    @Test
    void bulletsAndBoldAreReadAsPlainSentences() {
        // when
        List<String> sentences = CitationChecker.sentences("- **Japan** signed its IPCP on 6 May 2014 [2].\n"
                + "2. Australia signed its IPCP on 21 February 2013 [3].");

        // then
        assertEquals(List.of("Japan signed its IPCP on 6 May 2014 [2].",
                "Australia signed its IPCP on 21 February 2013 [3]."), sentences);
    }

    @Test
    void theSnippetIsTheSourceSentencesThatCarryTheClaim() {
        // when
        var outcome = checker.check("New Zealand agreed an IPCP on 4 June 2012, the first of the four [1].", SOURCES,
                new WordScorer());

        // then
        assertEquals(List.of("New Zealand and NATO agreed an IPCP on 4 June 2012.", "It was the first of the four."),
                outcome.claims().get(0).supports().get(0).sentences());
    }

    private static CitationChecker.Source source(String... sentences) {
        return new CitationChecker.Source(String.join(" ", sentences), List.of(sentences));
    }

    /** Terms are lower-cased words; similarity is the share of a claim's words that a sentence holds. */
    private static final class WordScorer implements SentenceScorer {

        @Override
        public List<Float> similarities(List<String> sentences) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<float[]> embed(List<String> sentences) {
            throw new UnsupportedOperationException();
        }

        @Override
        public float similarity(float[] sentenceVector) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<String> terms(String text) {
            return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                    .filter(w -> w.length() > 2).toList();
        }

        @Override
        public float[][] crossSimilarities(List<String> rows, List<String> columns) {
            float[][] out = new float[rows.size()][columns.size()];
            for (int r = 0; r < rows.size(); r++) {
                Set<String> claim = new HashSet<>(terms(rows.get(r)));
                for (int c = 0; c < columns.size(); c++) {
                    Set<String> sentence = new HashSet<>(terms(columns.get(c)));
                    out[r][c] = claim.isEmpty() ? 0 : (float) claim.stream().filter(sentence::contains).count()
                            / claim.size();
                }
            }
            return out;
        }
    }
}
