package org.ip4bot.answer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ip4bot.corpus.SentenceSplitter;
import org.ip4bot.retrieval.SentenceScorer;

/**
 * Checks a model's reply, sentence by sentence, against the numbered sources it was given.
 * <ol>
 *   <li>A marker that points at no source ({@code [9]} when there were six) is removed.</li>
 *   <li>A sentence left without a valid marker is <b>dropped</b>, not flagged: a reader cannot check an uncited
 *       sentence, and a flag would still show the claim.</li>
 *   <li>Each remaining citation must support its sentence: every number in the sentence (years, days, counts) must
 *       stand in the source, and the support score must reach {@link #SUPPORT_THRESHOLD}. A citation that fails
 *       is removed; a sentence left with none is dropped.</li>
 * </ol>
 * The support score is {@code 0.5 × coverage + 0.5 × similarity}: coverage is the share of the sentence's content
 * words (stemmed, stop words left out, as the index analyses them) that the source contains; similarity is the
 * highest embedding cosine between the sentence and one sentence of the source. Coverage catches a sentence that
 * merges two source sentences; similarity catches a paraphrase with other words.
 *
 * <p>Calibration ({@code SupportCalibrationTest} over {@code src/test/resources/answer/support-pairs.jsonl}): 28
 * model-style paraphrases of corpus sentences scored against their own passage from 0.77 to 0.99; 24 claims scored
 * against a passage on a neighbouring fact, or invented outright, from 0.24 to 0.65. The threshold, 0.70, lies
 * between the two groups. Known limit: a claim that reverses its passage ("Macron supported the Tokyo office" against
 * "Macron opposed the Tokyo office") shares its words and meaning-space, scores 0.73 and passes; numbers that differ
 * are caught by the number rule instead. Thread-safe.
 */
final class CitationChecker {

    /** The least support score at which a source counts as supporting a sentence. */
    static final double SUPPORT_THRESHOLD = 0.70;
    static final double COVERAGE_WEIGHT = 0.5;
    /** A claim this short ("Yes.", "See above.") states nothing checkable. */
    private static final int MIN_CLAIM_WORDS = 3;
    private static final int MAX_SNIPPET_SENTENCES = 3;

    private static final Pattern MARKERS = Pattern.compile("\\[\\s*\\d+\\s*(?:[,;–-]\\s*\\d+\\s*)*]");
    private static final Pattern NUMBER_OR_RANGE = Pattern.compile("(\\d+)\\s*[–-]\\s*(\\d+)|(\\d+)");
    /** A number standing alone: 2012, 3,500, 4 (not the 4 of IP4, nor 1990s or 4th). */
    private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\d])(\\d[\\d,]*\\d|\\d)(?![\\p{L}\\d])");
    private static final Pattern LEADING_MARKERS = Pattern.compile("^((?:\\[[^\\]]*]\\s*)+)(.*)$", Pattern.DOTALL);

    /**
     * A source the model may cite as {@code [n]}, n counting from 1 in list order.
     *
     * @param text      the whole source text
     * @param sentences its sentences, verbatim: snippets are taken from these
     */
    record Source(String text, List<String> sentences) {
    }

    /**
     * A sentence of the reply that survived the checks.
     *
     * @param text     the sentence without its markers
     * @param supports the sources that support it, in the order the model cited them
     */
    record Claim(String text, List<Support> supports) {
    }

    /**
     * @param source     0-based index into the sources
     * @param sentences  the source sentences that carry the claim, verbatim, in source order
     * @param coverage   share of the claim's content words found in the source; 0 when a number is missing
     * @param similarity highest cosine between the claim and one source sentence; 0 when a number is missing
     */
    record Support(int source, List<String> sentences, double coverage, double similarity) {

        double score() {
            return COVERAGE_WEIGHT * coverage + (1 - COVERAGE_WEIGHT) * similarity;
        }
    }

    /** What the checks did to one reply, for tests and logs. */
    record Outcome(List<Claim> claims, int invalidMarkers, int uncitedSentences, int unsupportedCitations) {
    }

    private final double threshold;

    CitationChecker() {
        this(SUPPORT_THRESHOLD);
    }

    CitationChecker(double threshold) {
        this.threshold = threshold;
    }

    Outcome check(String reply, List<Source> sources, SentenceScorer scorer) {
        List<String> sentences = sentences(reply);
        List<String> claims = new ArrayList<>();
        List<List<Integer>> cited = new ArrayList<>();
        int invalid = 0;
        int uncited = 0;
        for (String sentence : sentences) {
            Set<Integer> numbers = new LinkedHashSet<>();
            Matcher m = MARKERS.matcher(sentence);
            while (m.find()) {
                for (int n : markerNumbers(m.group())) {
                    if (n >= 1 && n <= sources.size()) {
                        numbers.add(n - 1);
                    } else {
                        invalid++;
                    }
                }
            }
            String claim = withoutMarkers(sentence);
            if (numbers.isEmpty() || claim.split("\\s+").length < MIN_CLAIM_WORDS) {
                uncited++;
                continue;
            }
            claims.add(claim);
            cited.add(List.copyOf(numbers));
        }

        // Only the sentences of cited sources are embedded: a brief checks each point on its own.
        Set<Integer> citedSources = new HashSet<>();
        cited.forEach(citedSources::addAll);
        List<String> pool = new ArrayList<>();
        List<Integer> poolStart = new ArrayList<>();
        for (int s = 0; s < sources.size(); s++) {
            poolStart.add(pool.size());
            if (citedSources.contains(s)) {
                pool.addAll(sources.get(s).sentences());
            }
        }
        float[][] similarity = claims.isEmpty() ? new float[0][0] : scorer.crossSimilarities(claims, pool);

        List<Claim> kept = new ArrayList<>();
        int unsupported = 0;
        for (int i = 0; i < claims.size(); i++) {
            List<Support> supports = new ArrayList<>();
            for (int s : cited.get(i)) {
                Support support = support(claims.get(i), s, sources.get(s), similarity[i], poolStart.get(s), scorer);
                if (support.score() >= threshold) {
                    supports.add(support);
                } else {
                    unsupported++;
                }
            }
            if (!supports.isEmpty()) {
                kept.add(new Claim(claims.get(i), supports));
            }
        }
        return new Outcome(kept, invalid, uncited, unsupported);
    }

    /** How well one source supports a claim; a claim with a number the source lacks scores 0. */
    Support support(String claim, int index, Source source, float[] similarityRow, int offset,
            SentenceScorer scorer) {
        if (!source.text().isEmpty() && !numbers(source.text()).containsAll(numbers(claim))) {
            return new Support(index, List.of(), 0, 0);
        }
        Set<String> claimTerms = new HashSet<>(scorer.terms(claim));
        if (claimTerms.isEmpty()) {
            return new Support(index, List.of(), 0, 0);
        }
        Set<String> sourceTerms = new HashSet<>(scorer.terms(source.text()));
        double coverage = share(claimTerms, sourceTerms);
        int best = -1;
        for (int j = 0; j < source.sentences().size(); j++) {
            if (best < 0 || similarityRow[offset + j] > similarityRow[offset + best]) {
                best = j;
            }
        }
        if (best < 0) {
            return new Support(index, List.of(), 0, 0);
        }
        return new Support(index, snippet(claimTerms, source.sentences(), best, scorer), coverage,
                similarityRow[offset + best]);
    }

    /**
     * The source sentences that carry the claim: the one most like it, then, while they add claim words not yet
     * covered, the sentences that add the most; in source order.
     */
    private static List<String> snippet(Set<String> claimTerms, List<String> sentences, int best,
            SentenceScorer scorer) {
        TreeSet<Integer> chosen = new TreeSet<>();
        chosen.add(best);
        Set<String> covered = new HashSet<>(scorer.terms(sentences.get(best)));
        covered.retainAll(claimTerms);
        while (chosen.size() < MAX_SNIPPET_SENTENCES) {
            int add = -1;
            int gain = 0;
            for (int j = 0; j < sentences.size(); j++) {
                if (chosen.contains(j)) {
                    continue;
                }
                Set<String> terms = new HashSet<>(scorer.terms(sentences.get(j)));
                terms.retainAll(claimTerms);
                terms.removeAll(covered);
                if (terms.size() > gain) {
                    add = j;
                    gain = terms.size();
                }
            }
            if (add < 0) {
                break;
            }
            chosen.add(add);
            Set<String> terms = new HashSet<>(scorer.terms(sentences.get(add)));
            terms.retainAll(claimTerms);
            covered.addAll(terms);
        }
        return chosen.stream().map(sentences::get).toList();
    }

    /** The reply's sentences; markers written after a full stop ("... 2012. [1]") stay with their sentence. */
    static List<String> sentences(String reply) {
        String prose = reply.lines()
                .map(line -> line.strip().replaceFirst("^([-*•]|\\d+[.)])\\s+", ""))
                .filter(line -> !line.isEmpty())
                .reduce((a, b) -> a + " " + b).orElse("")
                .replace("**", "").replace("__", "");
        List<String> out = new ArrayList<>();
        for (String sentence : SentenceSplitter.split(prose)) {
            Matcher leading = LEADING_MARKERS.matcher(sentence);
            if (leading.matches() && !out.isEmpty()) {
                out.set(out.size() - 1, out.get(out.size() - 1) + " " + leading.group(1).strip());
                sentence = leading.group(2).strip();
                if (sentence.isEmpty()) {
                    continue;
                }
            }
            out.add(sentence);
        }
        return out;
    }

    /** The numbers in one marker: {@code [2]}, {@code [1, 3]}, {@code [2-4]}. */
    static List<Integer> markerNumbers(String marker) {
        List<Integer> out = new ArrayList<>();
        Matcher m = NUMBER_OR_RANGE.matcher(marker);
        while (m.find()) {
            try {
                if (m.group(3) != null) {
                    out.add(Integer.parseInt(m.group(3)));
                } else {
                    int from = Integer.parseInt(m.group(1));
                    int to = Integer.parseInt(m.group(2));
                    for (int n = from; n <= to && n - from < 20; n++) {
                        out.add(n);
                    }
                }
            } catch (NumberFormatException e) {
                out.add(-1);
            }
        }
        return out;
    }

    /** The sentence with its markers gone and the space they leave tidied. */
    static String withoutMarkers(String sentence) {
        return MARKERS.matcher(sentence).replaceAll("")
                .replaceAll("\\s+", " ")
                .replaceAll("\\s+([.,;:!?)])", "$1")
                .strip();
    }

    static Set<String> numbers(String text) {
        Set<String> out = new HashSet<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            out.add(m.group(1).replace(",", ""));
        }
        return out;
    }

    private static double share(Set<String> of, Set<String> in) {
        return (double) of.stream().filter(in::contains).count() / of.size();
    }

}
