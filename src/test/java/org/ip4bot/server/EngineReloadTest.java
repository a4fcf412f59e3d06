package org.ip4bot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.ip4bot.answer.DocumentRef;
import org.ip4bot.config.BotConfig;
import org.ip4bot.index.IndexProgress;
import org.ip4bot.index.IndexReport;
import org.ip4bot.index.SearchFilter;
import org.ip4bot.retrieval.RetrievalMode;
import org.ip4bot.retrieval.Retriever;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineReloadTest {

    @TempDir
    Path temp;

    @Test
    void aQuestionThatStartedOnTheOldIndexFinishesOnItAfterAReloadSwapsInTheNewOne() throws Exception {
        // given: a served index, and a retriever a question picked up before the reload
        Path corpus = Files.createDirectories(temp.resolve("corpus"));
        Files.writeString(corpus.resolve("japan.md"), "# Japan and NATO\n\nJapan signed its IPCP on 6 May 2014.\n");
        try (Engine engine = new Engine(new BotConfig(corpus, temp.resolve("data"), 1000, 20, 1))) {
            assertFalse(engine.ready());
            engine.refresh(IndexProgress.SILENT);
            Retriever inFlight = engine.retriever(RetrievalMode.HYBRID);
            String before = inFlight.corpusVersion();

            // when: an admin adds a document and reloads
            Files.writeString(corpus.resolve("australia.md"),
                    "# Australia and NATO\n\nAustralia agreed its IPCP on 21 February 2013.\n");
            IndexReport report = engine.reload(IndexProgress.SILENT);

            // then: the old retriever still searches its (still open) index; new questions see the new one
            assertEquals(1, inFlight.retrieve("When did Japan sign its IPCP?", SearchFilter.NONE, 3).passages()
                    .stream().map(p -> p.chunk().path()).distinct().count());
            assertEquals(before, inFlight.corpusVersion());
            assertNotEquals(before, engine.answers().corpusVersion());
            assertEquals(report.corpusVersion(), engine.answers().corpusVersion());
            assertEquals(java.util.List.of("australia.md"), report.added());
            assertTrue(engine.ready());
            assertEquals(java.util.List.of("australia.md", "japan.md"),
                    engine.documents().stream().map(DocumentRef::source).toList());
        }
    }
}
