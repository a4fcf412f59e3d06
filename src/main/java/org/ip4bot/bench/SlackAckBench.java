package org.ip4bot.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.ip4bot.Ip4botException;

/**
 * {@code /slack/events} acknowledgement latency: the real {@code serve} command in a child JVM ({@link ServeProcess})
 * over the cached real-corpus index, with Slack's Web API faked on loopback in this process. After a warm-up (5
 * events one at a time, then untimed waves), waves of {@value #CONCURRENT} correctly signed {@code app_mention}
 * events are released at once from {@value #CONCURRENT} sender threads; each request is timed from send to
 * response. Bounded: a few waves, a 10 s timeout per
 * request and {@value #MAX_SECONDS} s in all. The bot answers every event in the background meanwhile, as it would
 * in Slack, so the acknowledgements compete with real answering work for the two cores.
 */
final class SlackAckBench {

    static final int CONCURRENT = 50;
    static final int MAX_SECONDS = 90;
    /**
     * Untimed waves before the timed ones (at most twice as many): a fresh JVM compiles its request path and opens
     * its connections during them, which a server that has been up for a while does not do again. Measured: with 2
     * the p50 was still about 80 ms, with 6 about 63.
     */
    static final int WARM_WAVES = 6;
    private static final String SECRET = "bench-signing-secret-0123456789abcdef";
    private static final String BOT_USER = "UBENCHBOT";

    /**
     * @param latencies every acknowledgement's time
     * @param failures  requests that did not get HTTP 200 in time
     */
    record Result(Latencies latencies, int failures) {
    }

    private SlackAckBench() {
    }

    static Result run(Path corpus, Path data, List<String> questions, int waves) {
        try (FakeWebApi web = new FakeWebApi();
                ServeProcess server = ServeProcess.start(corpus, data, Map.of("SLACK_BOT_TOKEN", "xoxb-bench-token",
                        "SLACK_SIGNING_SECRET", SECRET, "SLACK_API_URL", web.apiUrl()))) {
            return load(server.port(), questions, waves);
        }
    }

    private static Result load(int port, List<String> questions, int waves) {
        ExecutorService senders = Executors.newFixedThreadPool(CONCURRENT);
        // Each sender thread keeps one connection open, as Slack's delivery keeps its connections alive.
        List<PlainHttpConnection> connections = Collections.synchronizedList(new ArrayList<>());
        ThreadLocal<PlainHttpConnection> connection = ThreadLocal.withInitial(() -> {
            PlainHttpConnection c = new PlainHttpConnection(port);
            connections.add(c);
            return c;
        });
        List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        int failures = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(MAX_SECONDS);
        try (PlainHttpConnection warmUp = new PlainHttpConnection(port)) {
            for (int i = 0; i < 5; i++) {
                send(warmUp, signed(port, mention("EvWarm" + i, "CWARM", "UWARM" + i,
                        questions.get(i % questions.size()))));
            }
            int warm = Math.min(WARM_WAVES, 2 * waves);
            for (int wave = -warm; wave < waves && System.nanoTime() < deadline; wave++) {
                boolean timed = wave >= 0;
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Boolean>> sent = new ArrayList<>();
                for (int i = 0; i < CONCURRENT; i++) {
                    int n = (wave + warm) * CONCURRENT + i;
                    // Signed before the clock starts: Slack's signing is Slack's work, not the bot's.
                    byte[] request = signed(port, mention("EvBench" + n, "CBENCH" + (n % 7), "UBENCH" + n,
                            questions.get(n % questions.size())));
                    sent.add(senders.submit(() -> {
                        PlainHttpConnection own = connection.get();
                        go.await();
                        long started = System.nanoTime();
                        boolean ok = send(own, request);
                        if (timed) {
                            nanos.add(System.nanoTime() - started);
                        }
                        return ok;
                    }));
                }
                go.countDown();
                for (Future<Boolean> f : sent) {
                    failures += f.get(20, TimeUnit.SECONDS) ? 0 : 1;
                }
            }
        } catch (Exception e) {
            throw new Ip4botException("the Slack acknowledgement benchmark failed: " + e.getMessage(), e);
        } finally {
            senders.shutdownNow();
            connections.forEach(PlainHttpConnection::close);
        }
        return new Result(Latencies.of(nanos), failures);
    }

    private static byte[] signed(int port, String body) {
        long timestamp = System.currentTimeMillis() / 1000;
        return PlainHttpConnection.post("/slack/events", port, "application/json", new String[] {
            "X-Slack-Request-Timestamp", Long.toString(timestamp), "X-Slack-Signature", sign(timestamp, body)}, body);
    }

    private static boolean send(PlainHttpConnection connection, byte[] request) {
        try {
            return connection.exchange(request) == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** Slack's v0 request signature: HMAC-SHA256 of "v0:timestamp:body" with the signing secret. */
    static String sign(long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + timestamp + ":" + body)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    private static String mention(String eventId, String channel, String user, String question) {
        String ts = String.format(Locale.ROOT, "1700001000.%06d", Math.abs(eventId.hashCode() % 1_000_000));
        String text = json("<@" + BOT_USER + "> " + question);
        return "{\"token\":\"deprecated\",\"team_id\":\"T1\",\"api_app_id\":\"A1\",\"type\":\"event_callback\","
                + "\"event_id\":\"" + eventId + "\",\"event_time\":" + System.currentTimeMillis() / 1000 + ","
                + "\"event\":{\"type\":\"app_mention\",\"user\":\"" + user + "\",\"text\":" + text + ",\"ts\":\"" + ts
                + "\",\"channel\":\"" + channel + "\",\"event_ts\":\"" + ts + "\"},"
                + "\"authorizations\":[{\"team_id\":\"T1\",\"user_id\":\"" + BOT_USER + "\",\"is_bot\":true}]}";
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> out.append(c < 0x20 ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }

    /** Slack's Web API as far as the bot uses it, on loopback: every method answers ok. */
    private static final class FakeWebApi implements AutoCloseable {

        private final HttpServer server;
        private final ExecutorService threads = Executors.newFixedThreadPool(8);

        FakeWebApi() {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the fake Slack Web API", e);
            }
            server.createContext("/api/", exchange -> {
                try (InputStream in = exchange.getRequestBody()) {
                    in.readAllBytes();
                }
                String method = exchange.getRequestURI().getPath().substring("/api/".length());
                String body = switch (method) {
                    case "auth.test" -> "{\"ok\":true,\"url\":\"https://ip4.slack.com/\",\"team\":\"IP4\","
                            + "\"user\":\"ip4bot\",\"team_id\":\"T1\",\"user_id\":\"" + BOT_USER + "\","
                            + "\"bot_id\":\"BBENCH\"}";
                    case "chat.postMessage" -> "{\"ok\":true,\"channel\":\"C1\",\"ts\":\"1700000000.000100\"}";
                    case "conversations.replies" -> "{\"ok\":true,\"messages\":[]}";
                    default -> "{\"ok\":true}";
                };
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            });
            server.setExecutor(threads);
            server.start();
        }

        String apiUrl() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
        }

        @Override
        public void close() {
            server.stop(0);
            threads.shutdownNow();
        }
    }

    /** Runs the benchmark over the cached real index and adds its row. */
    static void measure(BenchReport report, Path corpus, Path data, List<String> questions, int waves) {
        Result result = run(corpus, data, questions, waves);
        Latencies l = result.latencies();
        report.add("serving", String.format(Locale.ROOT, "/slack/events acknowledgement, %d x %d concurrent "
                + "signed events, p50 / p99", waves, CONCURRENT),
                Latencies.ms(l.millis(50)) + " / " + Latencies.ms(l.millis(99)) + " ms"
                        + (result.failures() > 0 ? " (" + result.failures() + " not acknowledged)" : ""),
                "p99 < 100 ms", BenchReport.Verdict.of(result.failures() == 0 && l.millis(99) < 100));
    }
}
