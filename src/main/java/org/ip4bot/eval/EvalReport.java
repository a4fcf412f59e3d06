package org.ip4bot.eval;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Metrics of one evaluation run.
 *
 * @param retrieval           per retriever name: source hit@1, hit@5 and MRR over in-scope questions
 * @param factHitAt5          hybrid hit@5 over fact questions only
 * @param keywordRate         share of in-scope answers containing all their keywords
 * @param factKeywordRate     the same over fact questions
 * @param citationValidity    share of answers whose citations all check out
 * @param refusalRate         share of out-of-scope questions answered "not found"
 * @param falseRefusalRate    share of in-scope questions answered "not found"
 * @param failures            one line per question that missed something, for tuning
 */
public record EvalReport(int questions, Map<String, RetrievalScores> retrieval, double factHitAt5, double keywordRate,
        double factKeywordRate, double citationValidity, double refusalRate, double falseRefusalRate, long p50Ms,
        long p95Ms, List<String> failures) {

    /** Source-finding quality of one retriever. */
    public record RetrievalScores(double hitAt1, double hitAt5, double mrr) {
    }

    public String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "questions: %d%n%n", questions));
        out.append(String.format(Locale.ROOT, "| retriever | hit@1 | hit@5 | MRR |%n|---|---|---|---|%n"));
        retrieval.forEach((name, s) -> out.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f |%n", name, s.hitAt1(),
                s.hitAt5(), s.mrr())));
        out.append(String.format(Locale.ROOT, "%n| answer metric | value |%n|---|---|%n"));
        out.append(String.format(Locale.ROOT, "| hybrid hit@5, fact questions | %.3f |%n", factHitAt5));
        out.append(String.format(Locale.ROOT, "| answers with all keywords (in scope) | %.3f |%n", keywordRate));
        out.append(String.format(Locale.ROOT, "| answers with all keywords (fact) | %.3f |%n", factKeywordRate));
        out.append(String.format(Locale.ROOT, "| citation validity | %.3f |%n", citationValidity));
        out.append(String.format(Locale.ROOT, "| out-of-scope refused | %.3f |%n", refusalRate));
        out.append(String.format(Locale.ROOT, "| in-scope wrongly refused | %.3f |%n", falseRefusalRate));
        out.append(String.format(Locale.ROOT, "| answer latency p50 / p95 | %d ms / %d ms |%n", p50Ms, p95Ms));
        return out.toString();
    }
}
