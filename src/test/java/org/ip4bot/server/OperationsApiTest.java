package org.ip4bot.server;

import static org.ip4bot.server.LoopbackClient.ADMIN_TOKEN;
import static org.ip4bot.server.LoopbackClient.API_TOKEN;
import static org.ip4bot.server.LoopbackClient.ask;
import static org.ip4bot.server.LoopbackClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ip4bot.admin.Feedback;
import org.ip4bot.admin.FeedbackLog;
import org.ip4bot.config.BotConfig;
import org.ip4bot.config.OperationsSettings;
import org.ip4bot.config.ServerSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperationsApiTest {

    private static final OperationsSettings TOKENS =
            new OperationsSettings(Optional.of(ADMIN_TOKEN), Optional.of(API_TOKEN));
    private static final ServerSettings NO_CHAT = new ServerSettings(0, Set.of(), Optional.empty());

    @TempDir
    Path temp;

    @Test
    void adminAndQuestionApisAreOffWithoutTokensButMetricsAreOn() throws Exception {
        try (BotServer server = BotServer.start(config(corpus(), 20), NO_CHAT, Optional.empty(),
                OperationsSettings.OFF)) {
            LoopbackClient client = new LoopbackClient(server.port());
            assertEquals(404, client.get("/admin/status", ADMIN_TOKEN).statusCode());
            assertEquals(404, client.post("/admin/reload", ADMIN_TOKEN, "").statusCode());
            assertEquals(404, client.post("/api/ask", API_TOKEN, ask("When did Japan sign?")).statusCode());
            assertEquals(200, client.get("/metrics", null).statusCode());
        }
    }

    @Test
    void adminAndQuestionApisRefuseAMissingOrWrongTokenWith401AndCountTheRejections() throws Exception {
        try (BotServer server = BotServer.start(config(corpus(), 20), NO_CHAT, Optional.empty(), TOKENS)) {
            LoopbackClient client = new LoopbackClient(server.port());
            // when
            int missing = client.get("/admin/status", null).statusCode();
            int wrong = client.post("/admin/reload", ADMIN_TOKEN + "x", "").statusCode();
            int apiTokenOnAdmin = client.get("/admin/status", API_TOKEN).statusCode();
            int apiMissing = client.post("/api/ask", null, ask("When did Japan sign?")).statusCode();
            int adminTokenOnApi = client.post("/api/ask", ADMIN_TOKEN, ask("When did Japan sign?")).statusCode();

            // then
            assertEquals(List.of(401, 401, 401, 401, 401),
                    List.of(missing, wrong, apiTokenOnAdmin, apiMissing, adminTokenOnApi));
            String metrics = client.get("/metrics", null).body();
            assertEquals(3.0, sample(metrics, "ip4bot_auth_rejections_total", "endpoint=\"admin\""));
            assertEquals(2.0, sample(metrics, "ip4bot_auth_rejections_total", "endpoint=\"api\""));
            assertFalse(metrics.contains(ADMIN_TOKEN) || metrics.contains(API_TOKEN));
        }
    }

    @Test
    void askAnswersWithTheCliJsonContractAndMetricsMoveWhenQuestionsAreAnswered() throws Exception {
        try (BotServer server = BotServer.start(config(corpus(), 20), NO_CHAT, Optional.empty(), TOKENS)) {
            server.loadIndex();
            LoopbackClient client = new LoopbackClient(server.port());

            // when
            var answer = client.post("/api/ask", API_TOKEN, ask("When did Japan sign its IPCP with NATO?"));
            var brief = client.post("/api/brief", API_TOKEN, "{\"topic\": \"Japan and NATO\"}");
            var badJson = client.post("/api/ask", API_TOKEN, "{\"question\": ");
            var wrongField = client.post("/api/ask", API_TOKEN, "{\"topic\": \"Japan\"}");
            var tooLong = client.post("/api/ask", API_TOKEN, ask("why ".repeat(300)));
            String metrics = client.get("/metrics", null).body();

            // then
            assertEquals(200, answer.statusCode(), answer.body());
            JsonNode body = json(answer);
            assertEquals("answered", body.get("status").asText());
            assertEquals("partners/japan.md", body.get("citations").get(0).get("source").asText());
            assertTrue(body.get("answer").asText().contains("2014"), body.toString());
            assertEquals(12, body.get("corpusVersion").asText().length());
            assertEquals(200, brief.statusCode(), brief.body());
            assertTrue(json(brief).has("brief"), brief.body());
            assertEquals(400, badJson.statusCode());
            assertTrue(json(badJson).get("error").asText().startsWith("the body must be JSON"), badJson.body());
            assertEquals(400, wrongField.statusCode());
            assertTrue(json(wrongField).get("error").asText().contains("\"question\""), wrongField.body());
            assertEquals(400, tooLong.statusCode());
            assertEquals("rejected", json(tooLong).get("status").asText());
            assertTrue(json(tooLong).get("error").asText().contains("1,000"), tooLong.body());
            assertEquals(2.0, sample(metrics, "ip4bot_questions_total", "status=\"answered\""), metrics);
            assertTrue(sample(metrics, "ip4bot_answer_latency_seconds_count", "platform=\"api\"") >= 2.0);
            assertTrue(metrics.contains("ip4bot_executor_queue_depth"), metrics);
            assertEquals(2.0, sample(metrics, "ip4bot_answer_composer_total", "composer=\"extractive\""), metrics);
            assertEquals(1.0, sample(metrics, "ip4bot_reloads_total", "outcome=\"ok\""));
        }
    }

    @Test
    void aReloadReportsCorruptEmptyGarbageAndOversizedFilesAndIndexesTheRest() throws Exception {
        Path corpus = corpus();
        try (BotServer server = BotServer.start(config(corpus, 1), NO_CHAT, Optional.empty(), TOKENS)) {
            server.loadIndex();
            LoopbackClient client = new LoopbackClient(server.port());
            // given
            Files.writeString(corpus.resolve("corrupt.pdf"), "%PDF-1.7\nthis is not really a PDF\n");
            Files.writeString(corpus.resolve("empty.md"), "");
            byte[] garbage = new byte[4096];
            new Random(7).nextBytes(garbage);
            Files.write(corpus.resolve("garbage.pdf"), garbage);
            Files.writeString(corpus.resolve("huge.txt"), "NATO partners. ".repeat(100_000));
            Files.writeString(corpus.resolve("new-zealand.md"),
                    "# New Zealand and NATO\n\nNew Zealand agreed its IPCP on 4 June 2012.\n");

            // when
            var reload = client.post("/admin/reload", ADMIN_TOKEN, "");

            // then
            assertEquals(200, reload.statusCode(), reload.body());
            JsonNode report = json(reload).get("report");
            assertEquals(List.of("new-zealand.md"), strings(report.get("added")));
            Set<String> failed = new HashSet<>();
            report.get("failed").forEach(f -> failed.add(f.get("path").asText()));
            assertEquals(Set.of("corrupt.pdf", "empty.md", "garbage.pdf", "huge.txt"), failed, report.toString());
            report.get("failed").forEach(f -> assertFalse(f.get("reason").asText().isBlank()));
            assertEquals(3, report.get("documents").asInt());
            assertEquals(report.get("corpusVersion").asText(), json(reload).get("servingVersion").asText());
        }
    }

    @Test
    void aReloadWithEveryFileBrokenSaysWhyAndTheOldIndexKeepsServing() throws Exception {
        Path corpus = corpus();
        try (BotServer server = BotServer.start(config(corpus, 20), NO_CHAT, Optional.empty(), TOKENS)) {
            String before = server.loadIndex().corpusVersion();
            LoopbackClient client = new LoopbackClient(server.port());
            new FeedbackLog(temp.resolve("data/feedback.jsonl")).append(new Feedback(Instant.now(), "slack", "U1",
                    "helpful", "a1", "q", List.of("partners/japan.md"), before));
            // given: every file broken
            Files.writeString(corpus.resolve("partners/japan.md"), "");
            Files.writeString(corpus.resolve("partners/australia.md"), "   \n");

            // when
            var reload = client.post("/admin/reload", ADMIN_TOKEN, "");
            var answer = client.post("/api/ask", API_TOKEN, ask("When did Japan sign its IPCP with NATO?"));
            var status = client.get("/admin/status", ADMIN_TOKEN);

            // then
            assertEquals(500, reload.statusCode(), reload.body());
            assertEquals("failed", json(reload).get("status").asText());
            assertTrue(json(reload).get("error").asText().contains("no document could be loaded"), reload.body());
            assertEquals(before, json(reload).get("servingVersion").asText());
            assertEquals(200, answer.statusCode());
            assertEquals(before, json(answer).get("corpusVersion").asText());
            assertEquals("partners/japan.md", json(answer).get("citations").get(0).get("source").asText());
            JsonNode s = json(status);
            assertEquals(before, s.get("servingVersion").asText());
            assertEquals(2, s.get("documents").asInt());
            assertEquals("failed", s.get("lastReload").get("status").asText());
            assertEquals(1, s.get("feedback").get("helpful").asInt());
            assertEquals(0, s.get("feedback").get("wrong_source").asInt());
            assertEquals(1.0, sample(client.get("/metrics", null).body(), "ip4bot_reloads_total",
                    "outcome=\"failed\""));
        }
    }

    private Path corpus() throws Exception {
        Path corpus = Files.createDirectories(temp.resolve("corpus/partners"));
        Files.writeString(corpus.resolve("japan.md"), "---\ntitle: Japan and NATO\ndate: 2024-07-11\n---\n"
                + "# Japan and NATO\n\nJapan signed its Individually Tailored Partnership Programme (ITPP) in 2023 "
                + "and its Individual Partnership and Cooperation Programme (IPCP) with NATO on 6 May 2014.\n");
        Files.writeString(corpus.resolve("australia.md"), "# Australia and NATO\n\nAustralia agreed its "
                + "Individual Partnership and Cooperation Programme with NATO on 21 February 2013.\n");
        return temp.resolve("corpus");
    }

    private BotConfig config(Path corpus, int maxFileMb) {
        return new BotConfig(corpus, temp.resolve("data"), 1000, maxFileMb, 1);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** The value of the first Prometheus sample named {@code name} whose labels contain {@code label}. */
    static double sample(String scrape, String name, String label) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$").matcher(scrape);
        while (m.find()) {
            if (m.group(1).contains(label)) {
                return Double.parseDouble(m.group(2));
            }
        }
        return 0.0;
    }
}
