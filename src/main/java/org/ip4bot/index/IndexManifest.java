package org.ip4bot.index;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ip4bot.corpus.SkippedFile;

/**
 * What a built index holds, written beside it as {@code manifest.json}. The manifest is replaced atomically after
 * the index it names is complete, so whichever manifest a reader sees points at a whole index.
 *
 * @param formatVersion  the index layout version; a different one forces a rebuild
 * @param indexDirectory the generation directory (relative to the data directory) holding the Lucene index
 * @param corpusVersion  a short hash of every loaded file's path and content
 * @param model          the embedding model's name
 * @param chunking       the chunking settings' fingerprint
 * @param files          loaded files: path to content hash
 * @param failedFiles    files that were found but could not be read: path to content hash
 * @param skipped        every file not loaded, with the reason
 * @param documents      number of loaded documents
 * @param chunks         number of chunks in the index
 * @param builtAt        ISO-8601 instant the index was completed
 */
public record IndexManifest(
        int formatVersion,
        String indexDirectory,
        String corpusVersion,
        String model,
        String chunking,
        Map<String, String> files,
        Map<String, String> failedFiles,
        List<SkippedFile> skipped,
        int documents,
        int chunks,
        String builtAt) {

    public static final int FORMAT_VERSION = 2;

    public IndexManifest {
        Objects.requireNonNull(indexDirectory, "indexDirectory");
        Objects.requireNonNull(corpusVersion, "corpusVersion");
        files = Map.copyOf(Objects.requireNonNullElse(files, Map.of()));
        failedFiles = Map.copyOf(Objects.requireNonNullElse(failedFiles, Map.of()));
        skipped = List.copyOf(Objects.requireNonNullElse(skipped, List.of()));
    }

    /** True when chunks and vectors stored under this manifest can be reused with these settings. */
    boolean compatibleWith(String modelName, String chunkingFingerprint) {
        return formatVersion == FORMAT_VERSION && model.equals(modelName) && chunking.equals(chunkingFingerprint);
    }
}
