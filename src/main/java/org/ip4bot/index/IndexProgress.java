package org.ip4bot.index;

/**
 * Told about an index build as it goes. Called from the building thread; implementations must be quick.
 */
@FunctionalInterface
public interface IndexProgress {

    IndexProgress SILENT = (files, totalFiles, chunks, embedded, chunksPerSecond) -> { };

    /**
     * @param filesDone       files read or reused so far
     * @param totalFiles      files to process
     * @param chunks          chunks so far
     * @param embedded        chunks embedded so far
     * @param chunksPerSecond embedding throughput so far (0 before the first batch)
     */
    void update(int filesDone, int totalFiles, int chunks, int embedded, double chunksPerSecond);
}
