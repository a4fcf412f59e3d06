package org.ip4bot.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What the figures were measured on, and this process's memory as Linux and the JVM see it. */
final class MachineInfo {

    private MachineInfo() {
    }

    static String cpu() {
        String model = lines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("unknown CPU");
        return Runtime.getRuntime().availableProcessors() + " cores (" + model + ")";
    }

    static String memory() {
        return kib("/proc/meminfo", "MemTotal").map(k -> String.format(Locale.ROOT, "%.1f GiB", k / 1024.0 / 1024.0))
                .orElse("unknown");
    }

    static String os() {
        String pretty = lines(Path.of("/etc/os-release")).stream().filter(l -> l.startsWith("PRETTY_NAME="))
                .map(l -> l.substring(l.indexOf('=') + 1).replace("\"", "")).findFirst().orElse("");
        return System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch") + (pretty.isEmpty() ? "" : " (" + pretty + ")");
    }

    static String jvm() {
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + ", max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB, flags "
                + ManagementFactory.getRuntimeMXBean().getInputArguments();
    }

    /** The 1, 5 and 15-minute load averages: other work on the machine inflates every latency. */
    static String loadAverage() {
        List<String> lines = lines(Path.of("/proc/loadavg"));
        if (lines.isEmpty()) {
            return "unknown";
        }
        String[] parts = lines.get(0).split("\\s+");
        return parts.length >= 3 ? parts[0] + " / " + parts[1] + " / " + parts[2] : "unknown";
    }

    /** Heap in use after asking for two full collections, in MiB. */
    static double heapAfterGcMib() {
        for (int i = 0; i < 2; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1024.0 / 1024.0;
    }

    /** A line of /proc/self/status such as VmRSS, RssAnon or RssFile, in MiB; empty off Linux. */
    static Optional<Double> statusMib(String field) {
        return kib("/proc/self/status", field).map(k -> k / 1024.0);
    }

    private static Optional<Long> kib(String file, String field) {
        return lines(Path.of(file)).stream().filter(l -> l.startsWith(field + ":"))
                .map(l -> l.substring(l.indexOf(':') + 1).replace("kB", "").strip())
                .map(Long::parseLong).findFirst();
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
