package org.ip4bot.admin;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.ip4bot.Ip4botException;
import org.ip4bot.index.IndexProgress;
import org.ip4bot.index.IndexReport;

/**
 * Runs reloads as one transaction each and coalesces concurrent requests: while a reload runs, every other request
 * waits for it and gets its outcome instead of starting another. A failed reload leaves the old index serving (the
 * underlying reloader swaps only a complete, verified index) and its outcome says why.
 *
 * <p>Thread-safe. Every trigger (admin HTTP, chat command, watch mode) goes through one instance.
 */
public final class ReloadCoordinator implements CorpusReloader {

    private final CorpusReloader reloader;
    private final Consumer<ReloadOutcome> listener;
    private final AtomicReference<CompletableFuture<Run>> running = new AtomicReference<>();
    private final AtomicReference<ReloadOutcome> last = new AtomicReference<>();

    /** @param listener told of every finished run once (not once per coalesced caller), e.g. for metrics */
    public ReloadCoordinator(CorpusReloader reloader, Consumer<ReloadOutcome> listener) {
        this.reloader = reloader;
        this.listener = listener;
    }

    /** Starts a reload, or joins the one running; never throws for a failed build: the outcome says why. */
    public ReloadOutcome run(IndexProgress progress) {
        return runOrJoin(progress).outcome();
    }

    private Run runOrJoin(IndexProgress progress) {
        CompletableFuture<Run> mine = new CompletableFuture<>();
        CompletableFuture<Run> current = running.compareAndExchange(null, mine);
        if (current != null) {
            return current.join();
        }
        try {
            Run run = execute(progress);
            last.set(run.outcome());
            listener.accept(run.outcome());
            mine.complete(run);
            return run;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            running.set(null);
        }
    }

    /** As {@link #run}, for callers that want the report or an exception (the chat's reload command). */
    @Override
    public IndexReport reload(IndexProgress progress) {
        Run run = runOrJoin(progress);
        if (run.error() != null) {
            throw run.error();
        }
        return run.outcome().report().orElseThrow();
    }

    /** The most recent finished reload, if any ran since start. */
    public Optional<ReloadOutcome> last() {
        return Optional.ofNullable(last.get());
    }

    private Run execute(IndexProgress progress) {
        long started = System.nanoTime();
        try {
            IndexReport report = reloader.reload(progress);
            return new Run(new ReloadOutcome(Instant.now(), millisSince(started), Optional.of(report),
                    Optional.empty()), null);
        } catch (Ip4botException e) {
            return new Run(new ReloadOutcome(Instant.now(), millisSince(started), Optional.empty(),
                    Optional.of(String.valueOf(e.getMessage()))), e);
        }
    }

    /** An outcome and, for a failure, the exception with its cause (rethrown by {@link #reload}); null when none. */
    private record Run(ReloadOutcome outcome, Ip4botException error) {
    }

    private static long millisSince(long nanoStart) {
        return (System.nanoTime() - nanoStart) / 1_000_000;
    }
}
