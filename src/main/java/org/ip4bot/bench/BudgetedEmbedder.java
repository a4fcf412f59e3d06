package org.ip4bot.bench;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.ip4bot.Ip4botException;
import org.ip4bot.index.Embedder;

/**
 * The real embedder, with a cap on how many passages an index refresh may embed: a refresh of a cached synthetic
 * corpus that suddenly wanted to embed it all would take hours, so it fails fast instead. Outside a
 * {@link #limit} block there is no cap (answers embed sentences). Thread-safe.
 */
final class BudgetedEmbedder implements Embedder {

    private static final int UNLIMITED = Integer.MAX_VALUE;

    private final Embedder delegate;
    private final AtomicInteger left = new AtomicInteger(UNLIMITED);

    BudgetedEmbedder(Embedder delegate) {
        this.delegate = delegate;
    }

    /** A cap in force until closed. */
    interface Limit extends AutoCloseable {
        @Override
        void close();
    }

    /** Until the returned handle is closed, at most {@code passages} passages may be embedded. */
    Limit limit(int passages) {
        left.set(passages);
        return () -> left.set(UNLIMITED);
    }

    @Override
    public String modelName() {
        return delegate.modelName();
    }

    @Override
    public float[] embedQuery(String query) {
        return delegate.embedQuery(query);
    }

    @Override
    public List<float[]> embedPassages(List<String> texts) {
        if (left.get() != UNLIMITED && left.addAndGet(-texts.size()) < 0) {
            throw new Ip4botException("the benchmark's index refresh tried to embed more passages than the files it "
                    + "changed hold; the cached corpus under data/bench is out of step with its index: delete it");
        }
        return delegate.embedPassages(texts);
    }
}
