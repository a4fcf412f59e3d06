package org.ip4bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ip4bot.llm.HeldOpenAi;
import org.ip4bot.server.Refusals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} in its own process, stopped with SIGTERM as {@code docker stop} does, while an answer is held in
 * flight inside its language model call.
 */
class SigtermTest {

    private static final long WAIT_SECONDS = 60;
    private static final String TOKEN = "api-token-0123456789abcdef";
    private static final Pattern LISTENING = Pattern.compile("ip4bot listening on port (\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void sigtermLetsTheAnswerInFlightFinishThenExitsZero() throws Exception {
        Path corpus = Files.createDirectories(temp.resolve("corpus"));
        Files.writeString(corpus.resolve("japan.md"), "# Japan and NATO\n\nJapan signed its Individual Partnership "
                + "and Cooperation Programme (IPCP) with NATO on 6 May 2014.\n");
        try (HeldOpenAi model = new HeldOpenAi("Japan signed its IPCP with NATO on 6 May 2014 [1].")) {
            // given: serve running, with an answer held in flight
            Server server = Server.start(Map.of("IP4BOT_CORPUS", corpus.toString(),
                    "IP4BOT_DATA", temp.resolve("data").toString(), "IP4BOT_API_TOKEN", TOKEN,
                    "IP4BOT_LLM_PROVIDER", "openai", "IP4BOT_LLM_BASE_URL", model.baseUrl(),
                    "IP4BOT_LLM_MODEL", "gpt-4o-mini", "IP4BOT_LLM_RETRIES", "0",
                    "IP4BOT_LLM_BUDGET_SECONDS", "120", "IP4BOT_LLM_TIMEOUT_SECONDS", "120"));
            try {
                int port = server.awaitReady();
                CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(
                        request(port, "/api/ask").header("Authorization", "Bearer " + TOKEN)
                                .POST(HttpRequest.BodyPublishers.ofString("{\"question\": \"When did Japan sign its "
                                        + "IPCP with NATO?\"}")).build(), HttpResponse.BodyHandlers.ofString());
                assertTrue(model.awaitAsked(WAIT_SECONDS), "the question never reached the model\n" + server.log());

                // when: SIGTERM, and the answer comes once the server has stopped taking requests
                server.process.destroy();
                assertTrue(Refusals.await(port, WAIT_SECONDS),
                        "requests kept being served after SIGTERM\n" + server.log());
                model.release();

                // then: the answer in flight arrives whole, and the process exits 0
                HttpResponse<String> answer = inFlight.get(WAIT_SECONDS, TimeUnit.SECONDS);
                assertEquals(200, answer.statusCode(), answer.body());
                assertEquals("llm:gpt-4o-mini", JSON.readTree(answer.body()).get("composer").asText(), answer.body());
                assertTrue(server.process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS), "still running\n" + server.log());
                assertEquals(0, server.process.exitValue(), server.log());
            } finally {
                server.process.destroyForcibly();
            }
        }
    }

    private HttpRequest.Builder request(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(WAIT_SECONDS));
    }

    /** {@code java org.ip4bot.cli.Main serve --port 0} on the test's class path, its log read as it comes. */
    private static final class Server {

        final Process process;
        final List<String> lines = new CopyOnWriteArrayList<>();
        final CountDownLatch indexLoaded = new CountDownLatch(1);
        volatile int port;

        private Server(Process process) {
            this.process = process;
            Thread reader = new Thread(this::read, "serve-log");
            reader.setDaemon(true);
            reader.start();
        }

        static Server start(Map<String, String> env) throws IOException {
            String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            // The C1 compiler and the serial collector start the JVM faster; the child's work is small.
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xmx1g", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", classPath, Main.class.getName(), "serve", "--port", "0");
            builder.environment().keySet().removeIf(name -> name.startsWith("IP4BOT_") || name.startsWith("SLACK_")
                    || name.startsWith("MICROSOFT_"));
            builder.environment().putAll(env);
            builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
            return new Server(builder.start());
        }

        /** The port, once the index is loaded and the server answers questions. */
        int awaitReady() throws InterruptedException {
            assertTrue(indexLoaded.await(WAIT_SECONDS, TimeUnit.SECONDS), "the server never got ready\n" + log());
            return port;
        }

        String log() {
            return String.join("\n", lines);
        }

        private void read() {
            try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = err.readLine(); line != null; line = err.readLine()) {
                    lines.add(line);
                    Matcher listening = LISTENING.matcher(line);
                    if (listening.find()) {
                        port = Integer.parseInt(listening.group(1));
                    } else if (port != 0 && line.contains("corpus version")) {
                        indexLoaded.countDown();
                    }
                }
            } catch (IOException e) {
                lines.add("(log unreadable: " + e.getMessage() + ")");
            }
        }
    }
}
