package org.ip4bot.corpus;

/**
 * How documents are cut into chunks. Changing any value changes {@link #fingerprint()} and forces a rebuild.
 *
 * @param minWords         a chunk shorter than this is merged with its neighbour in the same section when it fits
 * @param maxWords         a chunk never grows past this, except for a single sentence longer than it
 * @param overlapSentences how many trailing sentences of a chunk open the next chunk of the same section
 */
public record ChunkingSettings(int minWords, int maxWords, int overlapSentences) {

    public static final ChunkingSettings DEFAULT = new ChunkingSettings(150, 350, 1);

    public ChunkingSettings {
        if (minWords < 1 || maxWords < minWords) {
            throw new IllegalArgumentException(
                    "chunking needs 1 <= minWords <= maxWords, got minWords=" + minWords + " maxWords=" + maxWords);
        }
        if (overlapSentences < 0 || overlapSentences > 3) {
            throw new IllegalArgumentException("overlapSentences must be between 0 and 3, was " + overlapSentences);
        }
    }

    public String fingerprint() {
        return "sections-v1/min" + minWords + "/max" + maxWords + "/overlap" + overlapSentences;
    }
}
