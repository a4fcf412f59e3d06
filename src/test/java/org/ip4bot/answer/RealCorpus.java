package org.ip4bot.answer;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.ip4bot.config.BotConfig;
import org.ip4bot.corpus.Chunk;
import org.ip4bot.eval.CitationCheck;
import org.ip4bot.index.IndexProgress;
import org.ip4bot.index.ScoredChunk;
import org.ip4bot.index.SearchFilter;
import org.ip4bot.retrieval.Retrieval;
import org.ip4bot.retrieval.RetrievalMode;
import org.ip4bot.server.Engine;

/**
 * The bundled corpus behind one engine shared by every model-answer test of a run: the embedding model loads once,
 * and the index under {@code target/} is refreshed incrementally, so only the first run of a build embeds the corpus.
 */
final class RealCorpus {

    private static Engine engine;
    private static CitationCheck citationCheck;

    private RealCorpus() {
    }

    static synchronized Engine engine() {
        if (engine == null) {
            BotConfig config = BotConfig.fromEnvironment(Map.of())
                    .withCorpusDir(Path.of("corpus"))
                    .withDataDir(Path.of("target", "test-index-model-answers"));
            engine = new Engine(config);
            engine.refresh(IndexProgress.SILENT);
            Runtime.getRuntime().addShutdownHook(new Thread(engine::close));
        }
        return engine;
    }

    static Retrieval retrieve(String question) {
        return engine().retriever(RetrievalMode.HYBRID).retrieve(question, SearchFilter.NONE, 8);
    }

    static List<Chunk> chunks() {
        return engine().snapshot().allChunks().stream().map(ScoredChunk::chunk).toList();
    }

    /** The first chunk holding {@code quote} word for word. */
    static Chunk chunkWith(String quote) {
        return chunks().stream().filter(c -> c.text().contains(quote)).findFirst()
                .orElseThrow(() -> new AssertionError("no chunk holds: " + quote));
    }

    static synchronized CitationCheck citationCheck() {
        if (citationCheck == null) {
            Map<String, StringBuilder> texts = new HashMap<>();
            chunks().forEach(c -> texts.computeIfAbsent(c.path(), p -> new StringBuilder()).append(c.text())
                    .append('\n'));
            citationCheck = new CitationCheck(texts.entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().toString())));
        }
        return citationCheck;
    }
}
