package org.ip4bot.corpus;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file found under the corpus root that a reader accepts, identified by its content.
 *
 * @param path        relative to the corpus root, forward slashes
 * @param file        absolute location on disk
 * @param contentHash SHA-256 of the bytes, lower-case hex
 * @param sizeBytes   file size
 */
public record CorpusEntry(String path, Path file, String contentHash, long sizeBytes) {

    public CorpusEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(contentHash, "contentHash");
    }
}
