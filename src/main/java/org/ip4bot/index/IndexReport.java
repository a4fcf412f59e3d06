package org.ip4bot.index;

import java.util.List;
import org.ip4bot.corpus.SkippedFile;

/**
 * What one index build did, file by file.
 *
 * @param corpusVersion the version now serving
 * @param upToDate      true when nothing had changed and the existing index was kept as it was
 * @param added         paths loaded for the first time
 * @param changed       paths whose content changed
 * @param removed       paths no longer in the corpus
 * @param unchanged     number of files whose chunks and embeddings were reused
 * @param failed        files found but not loaded, with reasons
 * @param documents     documents in the index
 * @param chunks        chunks in the index
 * @param embedded      chunks embedded in this build (0 when nothing changed)
 * @param durationMs    wall time of the build
 */
public record IndexReport(
        String corpusVersion,
        boolean upToDate,
        List<String> added,
        List<String> changed,
        List<String> removed,
        int unchanged,
        List<SkippedFile> failed,
        int documents,
        int chunks,
        int embedded,
        long durationMs) {

    public IndexReport {
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        removed = List.copyOf(removed);
        failed = List.copyOf(failed);
    }

    /** A few lines for a terminal or a chat message. */
    public String summary() {
        StringBuilder out = new StringBuilder();
        out.append(upToDate ? "Index up to date" : "Index built")
                .append(": corpus version ").append(corpusVersion)
                .append(", ").append(documents).append(" documents, ").append(chunks).append(" chunks")
                .append(" (").append(added.size()).append(" added, ").append(changed.size()).append(" changed, ")
                .append(removed.size()).append(" removed, ").append(unchanged).append(" unchanged, ")
                .append(failed.size()).append(" failed; ").append(embedded).append(" chunks embedded in ")
                .append(durationMs).append(" ms)");
        for (SkippedFile f : failed) {
            out.append("\n  skipped ").append(f.path()).append(": ").append(f.reason());
        }
        return out.toString();
    }
}
