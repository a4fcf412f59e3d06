package org.ip4bot.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.ip4bot.Ip4botException;
import org.ip4bot.cli.Main;

/**
 * The real {@code serve} command in a child JVM on this process's class path, as an operator would run it: its own
 * heap, its own class loading and garbage collection, so what is measured against it is not disturbed by the
 * benchmark's own work. Stopped with SIGTERM on {@link #close()}.
 */
final class ServeProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    /** Settings of the parent that would change what the child measures: the child answers extractively. */
    private static final List<String> DROPPED_PREFIXES = List.of("IP4BOT_LLM_", "TEAMS_", "IP4BOT_WATCH");

    private final Process process;
    private final Path errors;
    private final int port;

    private ServeProcess(Process process, Path errors, int port) {
        this.process = process;
        this.errors = errors;
        this.port = port;
    }

    /**
     * Starts {@code serve} over {@code corpus} and {@code data} with {@code settings} added to this process's
     * environment, and returns once {@code /readyz} answers 200.
     */
    static ServeProcess start(Path corpus, Path data, Map<String, String> settings) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path errors = null;
        try {
            errors = Files.createTempFile("ip4bot-serve", ".err");
            int port = freePort();
            ProcessBuilder builder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                    Main.class.getName(), "serve").redirectError(errors.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(name -> DROPPED_PREFIXES.stream().anyMatch(name::startsWith));
            env.put("IP4BOT_CORPUS", corpus.toString());
            env.put("IP4BOT_DATA", data.toString());
            env.put("PORT", Integer.toString(port));
            env.putAll(settings);
            ServeProcess child = new ServeProcess(builder.start(), errors, port);
            child.awaitReady();
            return child;
        } catch (IOException e) {
            throw new Ip4botException("could not start 'serve' in a child process with " + java + ": "
                    + e.getMessage(), e);
        }
    }

    int port() {
        return port;
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            pause();
        }
        close();
        throw new Ip4botException("the child 'serve' process was not ready within " + READY_TIMEOUT.toSeconds()
                + " s: " + tail());
    }

    /** SIGTERM, as a container runtime stops it; forcibly after the server's own graceful stop has had its time. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        errors.toFile().delete();
    }

    private String tail() {
        try {
            String text = Files.readString(errors, StandardCharsets.UTF_8);
            return text.length() <= 2_000 ? text : text.substring(text.length() - 2_000);
        } catch (IOException e) {
            return "(its error output could not be read: " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
