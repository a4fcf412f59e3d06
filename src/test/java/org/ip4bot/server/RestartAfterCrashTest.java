package org.ip4bot.server;

import static org.ip4bot.server.LoopbackClient.API_TOKEN;
import static org.ip4bot.server.LoopbackClient.ask;
import static org.ip4bot.server.LoopbackClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.ip4bot.config.BotConfig;
import org.ip4bot.config.OperationsSettings;
import org.ip4bot.config.ServerSettings;
import org.ip4bot.index.IndexReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestartAfterCrashTest {

    @TempDir
    Path temp;

    @Test
    void aRestartAfterACrashHalfWayThroughAReloadServesTheLastGoodIndex() throws Exception {
        // given: a good index, then a reload killed after writing its generation but before swapping the manifest
        Path corpus = Files.createDirectories(temp.resolve("corpus"));
        Files.writeString(corpus.resolve("japan.md"), "# Japan and NATO\n\nJapan signed its Individual Partnership "
                + "and Cooperation Programme with NATO on 6 May 2014.\n");
        Path data = temp.resolve("data");
        BotConfig config = new BotConfig(corpus, data, 1000, 20, 1);
        ServerSettings settings = new ServerSettings(0, Set.of(), Optional.empty());
        OperationsSettings api = new OperationsSettings(Optional.empty(), Optional.of(API_TOKEN));
        String good;
        try (BotServer server = BotServer.start(config, settings, Optional.empty(), api)) {
            good = server.loadIndex().corpusVersion();
        }
        Path halfWritten = Files.createDirectories(data.resolve("index-9999999999999-0123456789ab"));
        Files.writeString(halfWritten.resolve("_0.cfs"), "torn segment");
        Files.writeString(data.resolve("manifest.json.tmp"), "{\"formatVersion\": 1, \"indexDirect");

        // when: the process restarts
        try (BotServer server = BotServer.start(config, settings, Optional.empty(), api)) {
            IndexReport report = server.loadIndex();
            var answer = new LoopbackClient(server.port()).post("/api/ask", API_TOKEN,
                    ask("When did Japan sign its IPCP with NATO?"));

            // then: the last good index serves, unchanged and without re-embedding
            assertEquals(good, report.corpusVersion());
            assertTrue(report.upToDate(), report.summary());
            assertEquals(0, report.embedded());
            assertEquals(200, answer.statusCode(), answer.body());
            assertEquals(good, json(answer).get("corpusVersion").asText());
            assertEquals("japan.md", json(answer).get("citations").get(0).get("source").asText());
        }
    }
}
