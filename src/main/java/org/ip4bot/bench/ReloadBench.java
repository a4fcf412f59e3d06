package org.ip4bot.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ip4bot.Ip4botException;
import org.ip4bot.config.BotConfig;
import org.ip4bot.index.IndexProgress;
import org.ip4bot.index.IndexReport;
import org.ip4bot.index.ScoredChunk;
import org.ip4bot.server.Engine;

/**
 * Times an incremental reload the way a running bot does one: an engine serving a corpus sees one note change and
 * refreshes (scan, reuse the other files' chunks and vectors, embed the changed note, write and verify a new
 * generation, swap it in). Runs on a linked copy of the corpus and index, so the cached originals stay untouched.
 */
final class ReloadBench {

    static final String EDIT = "\n\nThis paragraph was added by ip4bot bench to time an incremental reload.\n";

    /**
     * @param seconds  wall time of the refresh after the change
     * @param note     the note that changed
     * @param embedded chunks embedded by the refresh
     * @param chunks   chunks in the index after it
     */
    record Result(double seconds, String note, int embedded, int chunks) {
    }

    private ReloadBench() {
    }

    /** A typical note to change: the one with the median number of chunks. */
    static String typicalNote(List<ScoredChunk> chunks) {
        Map<String, Integer> perNote = new TreeMap<>();
        chunks.forEach(c -> perNote.merge(c.chunk().path(), 1, Integer::sum));
        List<Map.Entry<String, Integer>> sorted = perNote.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .toList();
        return sorted.get(sorted.size() / 2).getKey();
    }

    static Result run(BotConfig base, Path corpus, Path data, String note, BudgetedEmbedder embedder, Path work) {
        Path copyCorpus = work.resolve("corpus");
        Path copyData = work.resolve("data");
        Trees.deleteTree(work);
        Trees.linkTree(corpus, copyCorpus);
        Trees.linkTree(data, copyData);
        try (Engine engine = new Engine(base.withCorpusDir(copyCorpus).withDataDir(copyData), embedder)) {
            try (BudgetedEmbedder.Limit limit = embedder.limit(0)) {
                engine.refresh(IndexProgress.SILENT);
            }
            Trees.appendAsNewFile(copyCorpus.resolve(note), EDIT);
            long started = System.nanoTime();
            IndexReport report;
            try (BudgetedEmbedder.Limit limit = embedder.limit(2_000)) {
                report = engine.refresh(IndexProgress.SILENT);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            if (report.upToDate() || !report.changed().contains(note)) {
                throw new Ip4botException("the reload benchmark changed " + note + " but the refresh did not see it: "
                        + report.summary());
            }
            return new Result(seconds, note, report.embedded(), report.chunks());
        } finally {
            Trees.deleteTree(work);
        }
    }
}
