package org.ip4bot.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusWatcherTest {

    @TempDir
    Path corpus;

    @Test
    void aBurstOfChangesIncludingANewSubdirectoryTriggersOneDebouncedReloadEach() throws Exception {
        // given
        Semaphore reloads = new Semaphore(0);
        try (CorpusWatcher watcher = new CorpusWatcher(corpus, Duration.ofMillis(300), reloads::release)) {
            watcher.start();

            // when: a burst of five files
            for (int i = 0; i < 5; i++) {
                Files.writeString(corpus.resolve("note-" + i + ".md"), "# Note " + i + "\n");
            }

            // then: one reload once quiet
            assertTrue(reloads.tryAcquire(10, TimeUnit.SECONDS));
            Thread.sleep(800);
            assertEquals(0, reloads.availablePermits());

            // and a file in a directory created after the start is seen too
            Path partners = Files.createDirectories(corpus.resolve("partners"));
            assertTrue(reloads.tryAcquire(10, TimeUnit.SECONDS));
            Files.writeString(partners.resolve("japan.md"), "# Japan\n");
            assertTrue(reloads.tryAcquire(10, TimeUnit.SECONDS));
        }
    }
}
