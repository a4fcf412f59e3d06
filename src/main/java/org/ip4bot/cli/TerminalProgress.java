package org.ip4bot.cli;

import java.io.PrintStream;
import org.ip4bot.index.IndexProgress;

/** Shows index building on stderr: one line rewritten in place on a terminal, a line per second otherwise. */
final class TerminalProgress implements IndexProgress {

    private final PrintStream out;
    private final boolean interactive = System.console() != null;
    private long lastPrinted;
    private boolean printed;

    TerminalProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public void update(int filesDone, int totalFiles, int chunks, int embedded, double chunksPerSecond) {
        long now = System.currentTimeMillis();
        boolean last = filesDone == totalFiles && embedded == chunks;
        if (embedded == 0 && !last) {
            return; // reading files is quick; progress matters while embedding
        }
        if (!last && now - lastPrinted < (interactive ? 200 : 1000)) {
            return;
        }
        lastPrinted = now;
        printed = true;
        String line = String.format("indexing: files %d/%d, chunks %d, embedded %d (%.1f chunks/s)", filesDone,
                totalFiles, chunks, embedded, chunksPerSecond);
        out.print(interactive ? "\r" + line : line + "\n");
        out.flush();
    }

    void finish() {
        if (printed && interactive) {
            out.println();
        }
    }
}
