package org.ip4bot.bench;

import java.io.PrintStream;
import java.util.Locale;

/** Progress lines for a person watching a long run, each with the seconds since the run started. */
final class BenchLog {

    private final PrintStream out;
    private final long started = System.nanoTime();

    BenchLog(PrintStream out) {
        this.out = out;
    }

    void say(String format, Object... args) {
        out.printf(Locale.ROOT, "bench [%6.1f s] %s%n", (System.nanoTime() - started) / 1e9,
                String.format(Locale.ROOT, format, args));
        out.flush();
    }
}
