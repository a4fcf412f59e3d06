package org.ip4bot.server;

import java.time.Duration;
import java.util.function.Consumer;
import org.ip4bot.index.SearchFilter;
import org.ip4bot.retrieval.Retrieval;
import org.ip4bot.retrieval.Retriever;

/** A retriever that reports how long each search took, failed ones included. Thread-safe when its parts are. */
final class TimedRetriever implements Retriever {

    private final Retriever searched;
    private final Consumer<Duration> took;

    TimedRetriever(Retriever searched, Consumer<Duration> took) {
        this.searched = searched;
        this.took = took;
    }

    @Override
    public Retrieval retrieve(String question, SearchFilter filter, int limit) {
        long started = System.nanoTime();
        try {
            return searched.retrieve(question, filter, limit);
        } finally {
            took.accept(Duration.ofNanos(System.nanoTime() - started));
        }
    }

    @Override
    public String corpusVersion() {
        return searched.corpusVersion();
    }
}
