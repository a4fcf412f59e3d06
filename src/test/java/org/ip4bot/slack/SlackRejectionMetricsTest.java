package org.ip4bot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.ip4bot.config.BotConfig;
import org.ip4bot.config.ServerSettings;
import org.ip4bot.config.SlackSettings;
import org.ip4bot.server.BotServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlackRejectionMetricsTest {

    @TempDir
    Path data;

    @Test
    void aRequestWithAWrongSignatureIsRefusedAndCountedInMetrics() throws Exception {
        // given: the Slack app on (no index needed: the signature is checked first)
        try (FakeSlack slack = new FakeSlack(); BotServer server = BotServer.start(
                new BotConfig(data.resolve("corpus"), data.resolve("data"), 1000, 20, 1),
                new ServerSettings(0, Set.of(), Optional.of(new SlackSettings("xoxb-test-token", SlackSender.SECRET,
                        slack.apiUrl()))))) {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + server.port();

            // when: an event signed with the wrong secret
            long now = SlackSender.now();
            String body = SlackSender.urlVerification("challenge");
            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(base + SlackEndpoint.PATH))
                    .header("Content-Type", "application/json")
                    .header("X-Slack-Request-Timestamp", Long.toString(now))
                    .header("X-Slack-Signature", SlackSender.sign("not-the-secret", now, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            String metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();

            // then
            assertEquals(401, refused.statusCode());
            assertTrue(metrics.contains("ip4bot_auth_rejections_total{endpoint=\"slack\"} 1.0"), metrics);
        }
    }
}
