package org.ip4bot.admin;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.ip4bot.index.IndexReport;

/**
 * How one reload ended: a report when it completed, or the reason it failed (the old index kept serving).
 *
 * @param finishedAt when it ended
 * @param durationMs wall time, including waiting for nothing: coalesced callers share the one run's figures
 * @param report     what the build did, when it completed
 * @param failure    why it failed, when it did; exactly one of {@code report} and {@code failure} is present
 */
public record ReloadOutcome(Instant finishedAt, long durationMs, Optional<IndexReport> report,
        Optional<String> failure) {

    public ReloadOutcome {
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(failure, "failure");
        if (report.isPresent() == failure.isPresent()) {
            throw new IllegalArgumentException("a reload outcome has either a report or a failure, not both or none");
        }
    }

    public boolean succeeded() {
        return report.isPresent();
    }
}
