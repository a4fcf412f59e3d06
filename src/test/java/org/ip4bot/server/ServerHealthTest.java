package org.ip4bot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.ip4bot.config.BotConfig;
import org.ip4bot.config.ServerSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerHealthTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path temp;

    @Test
    void healthIsUpAtOnceAndReadinessOnlyOnceTheIndexIsLoadedAndSlackIsOffWithoutItsSettings() throws Exception {
        // given
        Path corpus = Files.createDirectories(temp.resolve("corpus"));
        Files.writeString(corpus.resolve("japan.md"), "# Japan and NATO\n\nJapan signed its IPCP on 6 May 2014.\n");
        BotConfig config = new BotConfig(corpus, temp.resolve("data"), 1000, 20, 1);
        ServerSettings noSlack = new ServerSettings(0, Set.of(), Optional.empty());

        try (BotServer server = BotServer.start(config, noSlack)) {
            // when the server has started but not loaded the index
            int healthBefore = get(server, "/healthz");
            int readyBefore = get(server, "/readyz");
            server.loadIndex();

            // then
            assertEquals(200, healthBefore);
            assertEquals(503, readyBefore);
            assertEquals(200, get(server, "/healthz"));
            assertEquals(200, get(server, "/readyz"));
            assertEquals(404, post(server, "/slack/events"));
        }
    }

    private int get(BotServer server, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(server, path)).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private int post(BotServer server, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(server, path)).POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static URI uri(BotServer server, String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}
