package org.ip4bot.bench;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.ip4bot.eval.EvalQuestion;

/**
 * Source hit@1, hit@5 and MRR, scored as {@code eval} scores retrieval: the rank of the first document that is
 * the question's source ({@link EvalQuestion#isSource}) among the distinct documents of the top 10 passages, 0
 * (a miss) when it is not there.
 */
record SourceScores(double hitAt1, double hitAt5, double mrr, int questions) {

    /** @param documentOrder a question's retrieved documents, best first, from its top 10 passages */
    static SourceScores score(List<EvalQuestion> questions, Function<String, List<String>> documentOrder) {
        double hit1 = 0, hit5 = 0, mrr = 0;
        for (EvalQuestion q : questions) {
            List<String> documents = documentOrder.apply(q.question());
            int rank = 0;
            for (int i = 0; i < documents.size(); i++) {
                if (q.isSource(documents.get(i))) {
                    rank = i + 1;
                    break;
                }
            }
            hit1 += rank == 1 ? 1 : 0;
            hit5 += rank >= 1 && rank <= 5 ? 1 : 0;
            mrr += rank == 0 ? 0 : 1.0 / rank;
        }
        int n = Math.max(1, questions.size());
        return new SourceScores(hit1 / n, hit5 / n, mrr / n, questions.size());
    }

    String summary() {
        return String.format(Locale.ROOT, "%.3f / %.3f / %.3f", hitAt1, hitAt5, mrr);
    }
}
