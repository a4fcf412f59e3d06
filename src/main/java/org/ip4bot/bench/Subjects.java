package org.ip4bot.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.ip4bot.index.SearchFilter;
import org.ip4bot.retrieval.Passage;
import org.ip4bot.retrieval.RetrievalMode;
import org.ip4bot.retrieval.Retriever;
import org.ip4bot.server.Engine;

/**
 * The four retrievers compared, each as "question in, documents out, best first": ip4bot's three modes over one
 * engine and easy-RAG over one store. Retrieval depth is 10 passages for all four.
 */
final class Subjects {

    static final int DEPTH = 10;
    static final String HYBRID = "ip4bot hybrid";
    static final String KEYWORD = "BM25 only";
    static final String VECTOR = "vectors only";
    static final String EASY_RAG = "langchain4j easy-RAG";

    private Subjects() {
    }

    static Map<String, Function<String, List<String>>> of(Engine engine, EasyRag.Store easyRag) {
        Map<String, Function<String, List<String>>> subjects = new LinkedHashMap<>();
        subjects.put(HYBRID, documents(engine.retriever(RetrievalMode.HYBRID)));
        subjects.put(KEYWORD, documents(engine.retriever(RetrievalMode.KEYWORD)));
        subjects.put(VECTOR, documents(engine.retriever(RetrievalMode.VECTOR)));
        subjects.put(EASY_RAG, easyRag::documentOrder);
        return subjects;
    }

    private static Function<String, List<String>> documents(Retriever retriever) {
        return question -> {
            Set<String> order = new LinkedHashSet<>();
            for (Passage p : retriever.retrieve(question, SearchFilter.NONE, DEPTH).passages()) {
                order.add(p.chunk().path());
            }
            return new ArrayList<>(order);
        };
    }

    /**
     * Warm latency of each subject: {@code warm} untimed rounds, then {@code timed} timed rounds; each round runs
     * every subject once on the same question, starting with a different subject each time so that none always
     * runs right after another's garbage.
     */
    static Map<String, Latencies> latencies(Map<String, Function<String, List<String>>> subjects,
            List<String> questions, int warm, int timed) {
        List<String> names = new ArrayList<>(subjects.keySet());
        Map<String, List<Long>> samples = new LinkedHashMap<>();
        names.forEach(n -> samples.put(n, new ArrayList<>()));
        for (int round = 0; round < warm + timed; round++) {
            String question = questions.get(round % questions.size());
            for (int k = 0; k < names.size(); k++) {
                String name = names.get((round + k) % names.size());
                long started = System.nanoTime();
                subjects.get(name).apply(question);
                long took = System.nanoTime() - started;
                if (round >= warm) {
                    samples.get(name).add(took);
                }
            }
        }
        Map<String, Latencies> out = new LinkedHashMap<>();
        samples.forEach((name, nanos) -> out.put(name, Latencies.of(nanos)));
        return out;
    }
}
