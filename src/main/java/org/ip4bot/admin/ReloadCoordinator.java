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
    private final AtomicReference<CompletableFuture<ReloadOutcome>> running = new AtomicReference<>();
    private final AtomicReference<ReloadOutcome> last = new AtomicReference<>();

    /** @param listener told of every finished run once (not once per coalesced caller), e.g. for metrics */
    public ReloadCoordinator(CorpusReloader reloader, Consumer<ReloadOutcome> listener) {
        this.reloader = reloader;
        this.listener = listener;
    }

    /** Starts a reload, or joins the one running; never throws for a failed build: the outcome says why. */
    public ReloadOutcome run(IndexProgress progress) {
        CompletableFuture<ReloadOutcome> mine = new CompletableFuture<>();
        CompletableFuture<ReloadOutcome> current = running.compareAndExchange(null, mine);
        if (current != null) {
            return current.join();
        }
        try {
            ReloadOutcome outcome = execute(progress);
            last.set(outcome);
            listener.accept(outcome);
            mine.complete(outcome);
            return outcome;
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
        ReloadOutcome outcome = run(progress);
        return outcome.report().orElseThrow(() -> new Ip4botException(outcome.failure().orElseThrow()));
    }

    /** The most recent finished reload, if any ran since start. */
    public Optional<ReloadOutcome> last() {
        return Optional.ofNullable(last.get());
    }

    private ReloadOutcome execute(IndexProgress progress) {
        long started = System.nanoTime();
        try {
            IndexReport report = reloader.reload(progress);
            return new ReloadOutcome(Instant.now(), millisSince(started), Optional.of(report), Optional.empty());
        } catch (Ip4botException e) {
            return new ReloadOutcome(Instant.now(), millisSince(started), Optional.empty(),
                    Optional.of(String.valueOf(e.getMessage())));
        }
    }

    private static long millisSince(long nanoStart) {
        return (System.nanoTime() - nanoStart) / 1_000_000;
    }
}
