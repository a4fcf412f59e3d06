package org.ip4bot.server;

import static org.ip4bot.server.LoopbackClient.ADMIN_TOKEN;
import static org.ip4bot.server.LoopbackClient.API_TOKEN;
import static org.ip4bot.server.LoopbackClient.ask;
import static org.ip4bot.server.LoopbackClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.ip4bot.config.BotConfig;
import org.ip4bot.config.OperationsSettings;
import org.ip4bot.config.ServerSettings;
import org.ip4bot.index.IndexStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The acceptance test of hot reload: no question is lost or answered from a corpus it does not report. */
class QuestionsDuringReloadsTest {

    private static final int QUESTIONS = 240;
    private static final int CLIENTS = 24;
    private static final List<String> ASKED = List.of(
            "When did Japan sign its IPCP with NATO?",
            "What did the Washington summit in 2024 say about the Indo-Pacific partners?",
            "How does NATO cooperate with the Republic of Korea on cyber defence?",
            "What is the IP4 grouping?",
            "When did Australia agree its partnership programme?",
            "What did NATO documents say about China at the Madrid summit?",
            "What is an ITPP?",
            "How did New Zealand contribute in Afghanistan?");

    @TempDir
    Path temp;

    @Test
    void questionsFiredDuringThreeReloadsAllGetAnswersCitingTheCorpusVersionTheyReport() throws Exception {
        // given: a served copy of the bundled corpus, and a record of which documents each version holds
        Path corpus = temp.resolve("corpus");
        copy(Path.of("corpus"), corpus);
        BotConfig config = new BotConfig(corpus, temp.resolve("data"), 1000, 20, 1);
        Map<String, Set<String>> documentsOf = new ConcurrentHashMap<>();
        try (BotServer server = BotServer.start(config, new ServerSettings(0, Set.of(), Optional.empty()),
                Optional.empty(), new OperationsSettings(Optional.of(ADMIN_TOKEN), Optional.of(API_TOKEN)))) {
            server.loadIndex();
            record(documentsOf, config);
            LoopbackClient client = new LoopbackClient(server.port());
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            CountDownLatch questionsStarted = new CountDownLatch(CLIENTS);
            try {
                // when: questions fly while three reloads run (a corrupt PDF added, a note removed, a note added)
                List<Future<JsonNode>> answers = new ArrayList<>();
                for (int i = 0; i < QUESTIONS; i++) {
                    String question = ASKED.get(i % ASKED.size());
                    answers.add(pool.submit(() -> {
                        questionsStarted.countDown();
                        return askRetryingWhenBusy(client, question);
                    }));
                }
                assertTrue(questionsStarted.await(30, TimeUnit.SECONDS));
                List<Integer> reloadStatuses = new ArrayList<>();
                Files.writeString(corpus.resolve("reference/corrupt.pdf"), "%PDF-1.4\nnot a real PDF at all\n");
                reloadStatuses.add(reload(client, documentsOf, config));
                Files.delete(corpus.resolve("reference/about-these-notes.md"));
                reloadStatuses.add(reload(client, documentsOf, config));
                Files.writeString(corpus.resolve("partners/liaison-note.md"), "# Liaison note\n\nThe NATO liaison "
                        + "office in Tokyo was discussed by allies in 2023 and not opened.\n");
                reloadStatuses.add(reload(client, documentsOf, config));

                // then: every question answered from a version whose documents contain every citation
                Set<String> versionsSeen = ConcurrentHashMap.newKeySet();
                for (Future<JsonNode> future : answers) {
                    JsonNode answer = future.get(5, TimeUnit.MINUTES);
                    String version = answer.get("corpusVersion").asText();
                    versionsSeen.add(version);
                    Set<String> documents = documentsOf.get(version);
                    assertTrue(documents != null, "answer from unknown corpus version " + version);
                    for (JsonNode citation : answer.get("citations")) {
                        String source = citation.get("source").asText();
                        assertTrue(documents.contains(source), source + " is not in corpus version " + version);
                    }
                }
                assertEquals(List.of(200, 200, 200), reloadStatuses);
                // A corrupt PDF adds no document, so it keeps the version: three versions in all.
                assertEquals(3, documentsOf.size(), documentsOf.keySet().toString());
                assertTrue(versionsSeen.size() >= 2, "questions overlapped at most one version: " + versionsSeen);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static JsonNode askRetryingWhenBusy(LoopbackClient client, String question) throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            var response = client.post("/api/ask", API_TOKEN, ask(question));
            if (response.statusCode() == 200) {
                return json(response);
            }
            if (response.statusCode() != 503) {
                throw new AssertionError("question failed with " + response.statusCode() + ": " + response.body());
            }
            Thread.sleep(200);
        }
        throw new AssertionError("still busy after 50 attempts: " + question);
    }

    private static int reload(LoopbackClient client, Map<String, Set<String>> documentsOf, BotConfig config)
            throws Exception {
        var response = client.post("/admin/reload", ADMIN_TOKEN, "");
        record(documentsOf, config);
        return response.statusCode();
    }

    /** Reloads run one after another here, so the manifest on disk is the one just swapped in. */
    private static void record(Map<String, Set<String>> documentsOf, BotConfig config) {
        var manifest = new IndexStore(config.dataDir()).manifest().orElseThrow();
        documentsOf.put(manifest.corpusVersion(), Set.copyOf(manifest.files().keySet()));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
