package org.ip4bot.index;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * bge-small-en-v1.5 (int8-quantized ONNX), run in-process through langchain4j: 384 dimensions, unit length,
 * inputs up to 512 tokens. Loading takes one to two seconds, so build one per process and share it.
 */
public final class BgeSmallEmbedder implements Embedder {

    /** bge v1.5 was trained with this instruction in front of short retrieval queries. */
    private static final String QUERY_INSTRUCTION = "Represent this sentence for searching relevant passages: ";

    private final EmbeddingModel model;

    public BgeSmallEmbedder(ExecutorService executor) {
        this.model = new BgeSmallEnV15QuantizedEmbeddingModel(executor);
    }

    @Override
    public String modelName() {
        return "bge-small-en-v1.5-q";
    }

    @Override
    public float[] embedQuery(String query) {
        return model.embed(QUERY_INSTRUCTION + query).content().vector();
    }

    @Override
    public List<float[]> embedPassages(List<String> texts) {
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        return model.embedAll(segments).content().stream().map(Embedding::vector).toList();
    }
}
