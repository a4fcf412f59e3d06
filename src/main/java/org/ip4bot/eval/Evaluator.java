package org.ip4bot.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.ip4bot.answer.Answer;
import org.ip4bot.answer.AnswerService;
import org.ip4bot.answer.AnswerStatus;
import org.ip4bot.index.SearchFilter;
import org.ip4bot.retrieval.Passage;
import org.ip4bot.retrieval.RetrievalMode;
import org.ip4bot.retrieval.Retriever;

/** Runs a question set through retrieval (every mode) and through the answer service, and scores both. */
public final class Evaluator {

    private static final int DEPTH = 10;

    private final AnswerService answers;
    private final Function<RetrievalMode, Retriever> retrievers;
    private final CitationCheck citations;

    public Evaluator(AnswerService answers, Function<RetrievalMode, Retriever> retrievers, CitationCheck citations) {
        this.answers = answers;
        this.retrievers = retrievers;
        this.citations = citations;
    }

    public EvalReport run(List<EvalQuestion> questions) {
        List<EvalQuestion> withSource = questions.stream().filter(q -> !q.source().equals("none")).toList();
        Map<String, EvalReport.RetrievalScores> retrieval = new LinkedHashMap<>();
        List<String> misses = new ArrayList<>();
        double factHitAt5 = 0;
        for (RetrievalMode mode : RetrievalMode.values()) {
            Retriever retriever = retrievers.apply(mode);
            retrieval.put(mode.name().toLowerCase(), scores(retriever, withSource, mode == RetrievalMode.HYBRID
                    ? misses : new ArrayList<>()));
            if (mode == RetrievalMode.HYBRID) {
                factHitAt5 = scores(retriever, withSource.stream().filter(q -> q.kind().equals("fact")).toList(),
                        new ArrayList<>()).hitAt5();
            }
        }

        List<String> failures = new ArrayList<>(misses);
        List<Long> latencies = new ArrayList<>();
        int inScope = 0, withKeywords = 0, facts = 0, factsWithKeywords = 0, valid = 0;
        int outOfScope = 0, refused = 0, wronglyRefused = 0;
        for (EvalQuestion q : questions) {
            Answer answer = answers.ask(q.question(), SearchFilter.NONE);
            latencies.add(answer.latencyMs());
            String problem = citations.problem(answer);
            if (problem.isEmpty()) {
                valid++;
            } else {
                failures.add(q.id() + " citation: " + problem);
            }
            boolean notFound = answer.status() == AnswerStatus.NOT_FOUND;
            if (!q.inScope()) {
                outOfScope++;
                refused += notFound ? 1 : 0;
                if (!notFound) {
                    failures.add(q.id() + " answered out of scope: " + q.question());
                }
                continue;
            }
            inScope++;
            boolean hasKeywords = !notFound && q.containsKeywords(answer.text());
            withKeywords += hasKeywords ? 1 : 0;
            wronglyRefused += notFound ? 1 : 0;
            if (q.kind().equals("fact")) {
                facts++;
                factsWithKeywords += hasKeywords ? 1 : 0;
            }
            if (!hasKeywords) {
                failures.add(q.id() + (notFound ? " refused: " : " missing " + q.answerKeywords() + ": ")
                        + q.question());
            }
        }
        latencies.sort(Long::compare);
        return new EvalReport(questions.size(), retrieval, factHitAt5, ratio(withKeywords, inScope),
                ratio(factsWithKeywords, facts), ratio(valid, questions.size()), ratio(refused, outOfScope),
                ratio(wronglyRefused, inScope), percentile(latencies, 50), percentile(latencies, 95), failures);
    }

    private static EvalReport.RetrievalScores scores(Retriever retriever, List<EvalQuestion> questions,
            List<String> misses) {
        double hit1 = 0, hit5 = 0, mrr = 0;
        for (EvalQuestion q : questions) {
            List<String> documents = documentOrder(retriever.retrieve(q.question(), SearchFilter.NONE, DEPTH)
                    .passages());
            int rank = 0;
            for (int i = 0; i < documents.size(); i++) {
                if (q.isSource(documents.get(i))) {
                    rank = i + 1;
                    break;
                }
            }
            if (rank != 1) {
                misses.add(q.id() + " source at rank " + (rank == 0 ? "-" : rank) + " (first: "
                        + (documents.isEmpty() ? "nothing" : documents.get(0)) + "): " + q.question());
            }
            hit1 += rank == 1 ? 1 : 0;
            hit5 += rank >= 1 && rank <= 5 ? 1 : 0;
            mrr += rank == 0 ? 0 : 1.0 / rank;
        }
        int n = Math.max(1, questions.size());
        return new EvalReport.RetrievalScores(hit1 / n, hit5 / n, mrr / n);
    }

    /** Documents in the order their first passage ranks: the reader's view of "which sources came back". */
    private static List<String> documentOrder(List<Passage> passages) {
        Set<String> order = new LinkedHashSet<>();
        passages.forEach(p -> order.add(p.chunk().path()));
        return List.copyOf(order);
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 1 : (double) part / whole;
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
