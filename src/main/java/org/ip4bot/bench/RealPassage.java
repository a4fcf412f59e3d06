package org.ip4bot.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.ip4bot.corpus.Chunk;
import org.ip4bot.corpus.SentenceSplitter;

/**
 * A chunk of the real corpus as the synthetic generator uses it: its sentences and its embedding.
 *
 * @param title     its document's title
 * @param heading   its section heading, or empty
 * @param sentences its sentences of four words or more, in order
 * @param vector    its stored embedding, unit length
 */
record RealPassage(String title, String heading, List<String> sentences, float[] vector) {

    private static final int MIN_SENTENCE_WORDS = 4;

    RealPassage {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(heading, "heading");
        sentences = List.copyOf(sentences);
        Objects.requireNonNull(vector, "vector");
    }

    static RealPassage of(Chunk chunk, float[] vector) {
        List<String> sentences = new ArrayList<>();
        for (String block : chunk.text().split("\n\n")) {
            for (String sentence : SentenceSplitter.split(block)) {
                if (words(sentence) >= MIN_SENTENCE_WORDS) {
                    sentences.add(sentence);
                }
            }
        }
        return new RealPassage(chunk.metadata().title(), chunk.heading(), sentences, vector);
    }

    static int words(String text) {
        String trimmed = text.strip();
        return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
    }
}
