package org.ip4bot.answer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ip4bot.index.SearchFilter;
import org.ip4bot.retrieval.Retrieval;
import org.ip4bot.retrieval.Retriever;

/**
 * Writes a brief: a two-sentence overview, key points grouped by partner (or by theme when the topic is about
 * one partner), a dated timeline and the sources. Every line is a sentence from the corpus with its citation.
 */
public final class BriefComposer {

    static final String NAME = "extractive";
    private static final int PASSAGES = 16;
    private static final int POINTS_PER_GROUP = 3;
    private static final int THEMES = 4;
    private static final int TIMELINE_ENTRIES = 10;
    /** Lines must be at least this relevant to the topic to enter a brief. */
    private static final double MIN_LINE_SCORE = 0.62;

    private final SentenceRanker ranker = new SentenceRanker();
    private final EvidenceGate gate;
    private final BriefRewriter rewriter;

    public BriefComposer(EvidenceGate gate) {
        this(gate, BriefRewriter.NONE);
    }

    /** @param rewriter gets every answered brief before it is returned, e.g. a {@link ModelBriefRewriter} */
    public BriefComposer(EvidenceGate gate, BriefRewriter rewriter) {
        this.gate = gate.forBriefs();
        this.rewriter = rewriter;
    }

    public Answer compose(String topic, Retriever retriever) {
        BriefTopic parsed = BriefTopic.parse(topic);
        Retrieval main = retriever.retrieve(parsed.subject(), SearchFilter.NONE, PASSAGES);
        List<ScoredSentence> ranked = ranker.rank(main, PASSAGES);
        if (!gate.strongEnough(ranked, main)) {
            return NotFound.answer(main, NAME);
        }
        List<Partner> focus = Partner.mentionedIn(parsed.subject(), List.of(Partner.values()));
        List<ScoredSentence> pool = new ArrayList<>(ranked);
        Map<Partner, List<ScoredSentence>> perPartner = new LinkedHashMap<>();
        if (focus.size() != 1) {
            for (Partner partner : Partner.values()) {
                Retrieval forPartner = retriever.retrieve(parsed.subject() + " " + partner.label(),
                        SearchFilter.country(partner.label()), 6);
                List<ScoredSentence> own = new ArrayList<>(ranker.rank(forPartner, 6));
                own.removeIf(s -> !parsed.allows(s.text()));
                perPartner.put(partner, own);
                pool.addAll(own);
            }
        }
        pool.removeIf(s -> !parsed.allows(s.text()));
        pool.sort((a, b) -> Double.compare(b.score(), a.score()));

        CitationBuilder citations = new CitationBuilder();
        Set<String> used = new HashSet<>();
        List<String> overview = overview(pool, citations, used);
        List<Brief.Group> groups = focus.size() == 1
                ? byTheme(pool, citations, used)
                : byPartner(perPartner, citations, used);
        List<Brief.TimelineEntry> timeline = timeline(pool, parsed, citations);
        Brief brief = new Brief(overview, focus.size() == 1 ? "theme" : "partner", groups, timeline);
        return rewriter.rewrite(new Answer(topic, AnswerStatus.ANSWERED, BriefText.render(brief),
                citations.citations(), List.of(), main.corpusVersion(), NAME, 0, Optional.of(brief)), main.scorer());
    }

    private static List<String> overview(List<ScoredSentence> pool, CitationBuilder citations, Set<String> used) {
        List<String> out = new ArrayList<>();
        Set<String> passages = new HashSet<>();
        for (ScoredSentence s : pool) {
            if (out.size() == 2) {
                break;
            }
            if (passages.add(s.passage().chunk().id()) && used.add(s.text())) {
                out.add(citations.cite(s.passage().chunk(), s.text()));
            }
        }
        return out;
    }

    /**
     * Each partner's points come from the retrieval made for that partner, and must be about that partner: a
     * sentence naming three or four partners is about the group, not about one of them.
     */
    private static List<Brief.Group> byPartner(Map<Partner, List<ScoredSentence>> perPartner,
            CitationBuilder citations, Set<String> used) {
        List<Brief.Group> groups = new ArrayList<>();
        perPartner.forEach((partner, ranked) -> {
            List<String> points = new ArrayList<>();
            for (ScoredSentence s : ranked) {
                if (points.size() == POINTS_PER_GROUP || s.score() < MIN_LINE_SCORE) {
                    break;
                }
                boolean aboutPartner = partner.mentionedIn(s.text())
                        && Partner.mentionedIn(s.text(), List.of(Partner.values())).size() <= 2;
                if (aboutPartner && used.add(s.text())) {
                    points.add(citations.cite(s.passage().chunk(), s.text()));
                }
            }
            if (!points.isEmpty()) {
                groups.add(new Brief.Group(partner.label(), points));
            }
        });
        return groups;
    }

    /** Themes are the section headings of the best passages, in the order they first rank. */
    private static List<Brief.Group> byTheme(List<ScoredSentence> pool, CitationBuilder citations, Set<String> used) {
        Map<String, List<String>> themes = new LinkedHashMap<>();
        for (ScoredSentence s : pool) {
            if (s.score() < MIN_LINE_SCORE) {
                break;
            }
            String heading = s.passage().chunk().heading().isEmpty()
                    ? s.passage().chunk().metadata().title()
                    : s.passage().chunk().heading();
            if (!themes.containsKey(heading) && themes.size() == THEMES) {
                continue;
            }
            List<String> points = themes.computeIfAbsent(heading, h -> new ArrayList<>());
            if (points.size() < 2 && used.add(s.text())) {
                points.add(citations.cite(s.passage().chunk(), s.text()));
            }
        }
        List<Brief.Group> groups = new ArrayList<>();
        themes.forEach((heading, points) -> {
            if (!points.isEmpty()) {
                groups.add(new Brief.Group(heading, points));
            }
        });
        return groups;
    }

    /** Two sentences with the same date and mostly the same words report one event. */
    private static boolean sameEvent(String a, String b) {
        if (!DateMention.first(a).equals(DateMention.first(b))) {
            return false;
        }
        Set<String> wa = new HashSet<>(List.of(a.toLowerCase(java.util.Locale.ROOT).split("\\W+")));
        List<String> wb = List.of(b.toLowerCase(java.util.Locale.ROOT).split("\\W+"));
        long common = wb.stream().filter(wa::contains).count();
        return common >= 0.5 * Math.min(wa.size(), wb.size());
    }

    private static List<Brief.TimelineEntry> timeline(List<ScoredSentence> pool, BriefTopic topic,
            CitationBuilder citations) {
        List<ScoredSentence> dated = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ScoredSentence s : pool) {
            if (dated.size() == TIMELINE_ENTRIES || s.score() < MIN_LINE_SCORE) {
                break;
            }
            Optional<DateMention> date = DateMention.first(s.text());
            if (date.isPresent() && topic.inWindow(date.get().year()) && seen.add(s.text())
                    && dated.stream().noneMatch(d -> sameEvent(d.text(), s.text()))) {
                dated.add(s);
            }
        }
        dated.sort(Comparator.comparing(s -> DateMention.first(s.text()).orElseThrow().iso()));
        List<Brief.TimelineEntry> out = new ArrayList<>();
        for (ScoredSentence s : dated) {
            DateMention date = DateMention.first(s.text()).orElseThrow();
            out.add(new Brief.TimelineEntry(date.iso(), date.display(), citations.cite(s.passage().chunk(), s.text())));
        }
        return out;
    }
}
