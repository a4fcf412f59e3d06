package org.ip4bot.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.ip4bot.Ip4botException;
import org.ip4bot.index.IndexProgress;
import org.ip4bot.index.IndexReport;
import org.junit.jupiter.api.Test;

class ReloadCoordinatorTest {

    @Test
    void concurrentReloadRequestsCoalesceIntoOneRunAndAllGetItsReport() throws Exception {
        // given: a reload that blocks until released
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        List<ReloadOutcome> heard = new ArrayList<>();
        ReloadCoordinator coordinator = new ReloadCoordinator(progress -> {
            runs.incrementAndGet();
            started.countDown();
            await(release);
            return report("v2");
        }, heard::add);
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            // when: four requests arrive while the first runs
            Future<ReloadOutcome> first = callers.submit(() -> coordinator.run(IndexProgress.SILENT));
            assertTrue(started.await(5, TimeUnit.SECONDS));
            List<Future<ReloadOutcome>> others = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                others.add(callers.submit(() -> coordinator.run(IndexProgress.SILENT)));
            }
            Thread.sleep(200);
            release.countDown();

            // then: one run; everyone holds its outcome
            ReloadOutcome outcome = first.get(5, TimeUnit.SECONDS);
            for (Future<ReloadOutcome> other : others) {
                assertSame(outcome, other.get(5, TimeUnit.SECONDS));
            }
            assertEquals(1, runs.get());
            assertEquals(List.of(outcome), heard);
            assertEquals("v2", coordinator.last().orElseThrow().report().orElseThrow().corpusVersion());
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aFailedReloadIsReportedWithItsReasonAndTheChatFormRethrowsTheOriginalException() {
        // given
        Ip4botException broken = new Ip4botException("no document could be loaded from the corpus");
        ReloadCoordinator coordinator = new ReloadCoordinator(progress -> {
            throw broken;
        }, outcome -> { });

        // when
        ReloadOutcome outcome = coordinator.run(IndexProgress.SILENT);

        // then
        assertFalse(outcome.succeeded());
        assertEquals("no document could be loaded from the corpus", outcome.failure().orElseThrow());
        assertSame(broken, assertThrows(Ip4botException.class, () -> coordinator.reload(IndexProgress.SILENT)));
    }

    private static IndexReport report(String version) {
        return new IndexReport(version, false, List.of("a.md"), List.of(), List.of(), 0, List.of(), 1, 1, 1, 5);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
