package org.ip4bot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ip4bot.server.BotServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bounded load check: 120 correctly signed mentions from 50 concurrent senders. Prints the acknowledgement latency
 * and checks only what Slack requires (every ack under 3 s at p99) and that nobody is left without a reply: each
 * event gets a placeholder and answer, or the "busy" notice.
 */
class AckLatencyTest {

    private static final int EVENTS = 120;
    private static final int SENDERS = 50;

    @TempDir
    Path temp;

    @Test
    void acknowledgementsStayUnderThreeSecondsWhileFiftySendersFloodTheEndpoint() throws Exception {
        // given: the real server over a small corpus
        Path corpus = Files.createDirectories(temp.resolve("corpus"));
        Files.writeString(corpus.resolve("japan.md"), "# Japan and NATO\n\nJapan signed its IPCP with NATO on 6 May "
                + "2014. Japan and NATO agreed an ITPP in July 2023.\n");
        Files.writeString(corpus.resolve("australia.md"), "# Australia and NATO\n\nAustralia agreed an IPCP with "
                + "NATO on 21 February 2013. Australia's ITPP followed in 2024.\n");
        try (FakeSlack slack = new FakeSlack();
                BotServer server = TestServers.start(corpus, temp.resolve("data"), slack)) {
            SlackSender sender = new SlackSender(server.port());
            sender.event(SlackSender.urlVerification("warm-up"));
            ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
            List<Long> millis = Collections.synchronizedList(new ArrayList<>());
            List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());

            // when
            long started = System.nanoTime();
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < EVENTS; i++) {
                String event = SlackSender.mention("EvLoad" + i, "CLOAD" + i, "U" + i,
                        "<@UBOT> When did " + (i % 2 == 0 ? "Japan" : "Australia") + " sign its IPCP? (" + i + ")",
                        "1700001000." + String.format("%06d", i), null);
                sent.add(senders.submit(() -> {
                    long t0 = System.nanoTime();
                    statuses.add(sender.event(event).statusCode());
                    millis.add((System.nanoTime() - t0) / 1_000_000);
                }));
            }
            for (Future<?> f : sent) {
                f.get();
            }
            long wallMillis = (System.nanoTime() - started) / 1_000_000;
            senders.shutdown();

            // then
            List<Long> sorted = new ArrayList<>(millis);
            Collections.sort(sorted);
            long p50 = percentile(sorted, 50);
            long p99 = percentile(sorted, 99);
            System.out.printf("ack latency over %d signed events, %d concurrent senders: p50 %d ms, p99 %d ms, "
                    + "max %d ms, wall %d ms%n", EVENTS, SENDERS, p50, p99, sorted.get(sorted.size() - 1), wallMillis);
            assertEquals(Collections.nCopies(EVENTS, 200), statuses);
            assertTrue(p99 < 3_000, "p99 ack latency " + p99 + " ms");
            slack.await("a reply to every event", Duration.ofSeconds(90), () -> List.of(slack.calls(
                    "chat.postMessage").size()), n -> n >= EVENTS);
            long busy = slack.calls("chat.postMessage").stream().filter(c -> c.get("text").contains("busy")).count();
            System.out.printf("replies: %d placeholders then answers, %d busy notices%n", EVENTS - busy, busy);
        }
    }

    private static long percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
