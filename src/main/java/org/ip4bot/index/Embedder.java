package org.ip4bot.index;

import java.util.List;

/**
 * Turns text into unit-length vectors. Implementations are thread-safe.
 */
public interface Embedder {

    /** A name that changes whenever the vectors would change; recorded in the index manifest. */
    String modelName();

    /** Embeds a search query (models such as bge expect an instruction in front of queries). */
    float[] embedQuery(String query);

    /** Embeds passages, one vector per text, in the same order. */
    List<float[]> embedPassages(List<String> texts);
}
