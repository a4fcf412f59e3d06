package org.ip4bot.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.ip4bot.Ip4botException;

/**
 * Runs {@link ServingProbe} in a child JVM on this process's class path, with default JVM flags plus the ones
 * given, and times it from the moment the process is started to the moment it prints that it has answered.
 *
 * @param startToReadyMs wall time from starting the child to its "ready" line: JVM start, model load, index open
 *                       and first answer
 * @param values         the key=value pairs the probe printed
 */
record ProbeRun(long startToReadyMs, Map<String, String> values) {

    private static final long TIMEOUT_SECONDS = 300;

    double number(String key) {
        String v = values.get(key);
        if (v == null) {
            throw new Ip4botException("the serving probe did not report " + key + ": " + values);
        }
        return Double.parseDouble(v);
    }

    /** Starts {@code runs} children one after another; the one with the median start-to-ready time. */
    static ProbeRun median(int runs, Path corpus, Path data, Path questions, int warm) {
        List<ProbeRun> done = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            done.add(run(List.of(), corpus, data, questions, warm));
        }
        done.sort((a, b) -> Long.compare(a.startToReadyMs(), b.startToReadyMs()));
        return done.get(done.size() / 2);
    }

    static ProbeRun run(List<String> jvmFlags, Path corpus, Path data, Path questions, int warm) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmFlags);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ServingProbe.class.getName(),
                corpus.toString(), data.toString(), questions.toString(), Integer.toString(warm)));
        Path errors = null;
        Process process = null;
        try {
            errors = Files.createTempFile("ip4bot-probe", ".err");
            long started = System.nanoTime();
            process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
            watch(process);
            long ready = -1;
            Map<String, String> values = new HashMap<>();
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith("probe ready") && ready < 0) {
                        ready = (System.nanoTime() - started) / 1_000_000;
                    }
                    if (line.startsWith("probe ")) {
                        for (String pair : line.substring(6).split(" ")) {
                            int eq = pair.indexOf('=');
                            if (eq > 0) {
                                values.put(pair.substring(0, eq), pair.substring(eq + 1));
                            }
                        }
                    }
                }
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0 || ready < 0) {
                throw new Ip4botException("the serving probe failed (exit "
                        + (process.isAlive() ? "none, timed out" : process.exitValue()) + "): " + tail(errors));
            }
            return new ProbeRun(ready, values);
        } catch (IOException e) {
            throw new Ip4botException("could not start the serving probe with " + java + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Ip4botException("interrupted while waiting for the serving probe", e);
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
            if (errors != null) {
                errors.toFile().delete();
            }
        }
    }

    /** Ends a child that hangs, so reading its output cannot block the benchmark for ever. */
    private static void watch(Process process) {
        Thread watchdog = new Thread(() -> {
            try {
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
            }
        }, "probe-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no error output)";
        }
    }
}
