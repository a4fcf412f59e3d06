package org.ip4bot.answer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ip4bot.corpus.Chunk;
import org.ip4bot.retrieval.SentenceScorer;
import org.junit.jupiter.api.Test;

/**
 * The support threshold against hand-written claims: model-style paraphrases of corpus sentences paired with their
 * own passage, and claims paired with a passage on a neighbouring fact or invented outright. Contradictions ("opposed"
 * versus "supported") share nearly every word with their passage; no word or embedding measure tells them apart,
 * so they are reported, not asserted.
 */
class SupportCalibrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Scored(String kind, boolean supported, String claim, double coverage, double similarity, double score) {
    }

    @Test
    void theSupportThresholdSeparatesParaphrasesFromClaimsCitingTheWrongPassage() throws IOException {
        // given
        List<JsonNode> pairs = pairs();
        SentenceScorer scorer = RealCorpus.retrieve("NATO and its Indo-Pacific partners").scorer();
        CitationChecker checker = new CitationChecker();

        // when
        List<Scored> scored = new ArrayList<>();
        for (JsonNode pair : pairs) {
            Chunk chunk = RealCorpus.chunkWith(pair.get("quote").asText());
            String claim = pair.get("claim").asText();
            List<String> sentences = SentenceRanker.sentences(chunk.text());
            float[][] similarity = scorer.crossSimilarities(List.of(claim), sentences);
            CitationChecker.Support support = checker.support(claim, 0,
                    new CitationChecker.Source(chunk.text(), sentences), similarity[0], 0, scorer);
            scored.add(new Scored(pair.get("kind").asText(), pair.get("supported").asBoolean(), claim,
                    support.coverage(), support.similarity(), support.score()));
        }

        // then
        scored.sort((a, b) -> Double.compare(b.score(), a.score()));
        StringBuilder table = new StringBuilder();
        scored.forEach(s -> table.append(String.format(Locale.ROOT, "%.3f cov=%.2f sim=%.3f %-13s %s%n", s.score(),
                s.coverage(), s.similarity(), s.kind(), s.claim())));
        for (Scored s : scored) {
            if (s.kind().equals("contradiction")) {
                continue;
            }
            boolean passes = s.score() >= CitationChecker.SUPPORT_THRESHOLD;
            assertTrue(passes == s.supported(), (s.supported() ? "rejected a paraphrase: " : "accepted: ")
                    + s + "\nscores (threshold " + CitationChecker.SUPPORT_THRESHOLD + "):\n" + table);
        }
    }

    private static List<JsonNode> pairs() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (InputStream in = SupportCalibrationTest.class.getResourceAsStream("/answer/support-pairs.jsonl");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    out.add(JSON.readTree(line));
                }
            }
        }
        return out;
    }
}
