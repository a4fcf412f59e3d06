package org.ip4bot.answer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ip4bot.retrieval.Passage;
import org.ip4bot.retrieval.Retrieval;

/** The honest answer when the corpus does not hold one: say so, and point at the nearest documents. */
final class NotFound {

    private static final int CLOSEST = 3;

    private NotFound() {
    }

    static Answer answer(Retrieval retrieval, String composer) {
        List<DocumentRef> closest = closestDocuments(retrieval.passages());
        StringBuilder text = new StringBuilder(
                "The corpus does not cover this, so I can't give a cited answer.");
        if (!closest.isEmpty()) {
            text.append(" The nearest documents, which may not answer it, are: ");
            List<String> names = new ArrayList<>();
            for (DocumentRef ref : closest) {
                names.add(ref.date().isEmpty() ? ref.title() : ref.title() + " (" + ref.date() + ")");
            }
            text.append(String.join("; ", names)).append('.');
        }
        return new Answer(retrieval.question(), AnswerStatus.NOT_FOUND, text.toString(), List.of(), closest,
                retrieval.corpusVersion(), composer, 0, Optional.empty());
    }

    private static List<DocumentRef> closestDocuments(List<Passage> passages) {
        Map<String, DocumentRef> byPath = new LinkedHashMap<>();
        for (Passage p : passages) {
            var meta = p.chunk().metadata();
            byPath.putIfAbsent(p.chunk().path(), new DocumentRef(p.chunk().path(), meta.title(), meta.date(), meta.url()));
            if (byPath.size() == CLOSEST) {
                break;
            }
        }
        return List.copyOf(byPath.values());
    }
}
