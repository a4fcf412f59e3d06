package org.ip4bot.admin;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.ip4bot.Ip4botException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watch mode ({@code IP4BOT_WATCH=true}): runs {@code onChange} once the corpus directory tree has been quiet for
 * {@code debounce} after a change, so copying twenty files triggers one reload, not twenty. New subdirectories are
 * watched as they appear. Thread-safe; close it to stop watching.
 */
public final class CorpusWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CorpusWatcher.class);

    private final Path root;
    private final Duration debounce;
    private final Runnable onChange;
    private final WatchService watcher;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "corpus-watch-debounce");
        thread.setDaemon(true);
        return thread;
    });
    private final Thread loop;
    private ScheduledFuture<?> pending;

    /** @throws Ip4botException when the corpus directory cannot be watched, naming it */
    public CorpusWatcher(Path root, Duration debounce, Runnable onChange) {
        this.root = root;
        this.debounce = debounce;
        this.onChange = onChange;
        try {
            this.watcher = FileSystems.getDefault().newWatchService();
            registerTree(root);
        } catch (IOException e) {
            throw new Ip4botException("could not watch the corpus directory " + root + " (set IP4BOT_WATCH=false "
                    + "to turn watch mode off): " + e.getMessage(), e);
        }
        this.loop = new Thread(this::watch, "corpus-watch");
        loop.setDaemon(true);
    }

    /** Starts watching; changes before this call are not reported. Later calls do nothing. */
    public synchronized void start() {
        if (loop.getState() != Thread.State.NEW) {
            return;
        }
        loop.start();
        LOG.info("watching {} for changes; a reload follows {} ms after the last one", root, debounce.toMillis());
    }

    private void watch() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && key.watchable() instanceof Path dir) {
                        Path created = dir.resolve((Path) event.context());
                        if (Files.isDirectory(created)) {
                            registerTree(created);
                        }
                    }
                }
                key.reset();
                schedule();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: stop watching
        } catch (IOException e) {
            LOG.warn("stopped watching {}: {}", root, e.getMessage());
        }
    }

    private synchronized void schedule() {
        if (pending != null) {
            pending.cancel(false);
        }
        pending = timer.schedule(() -> {
            try {
                onChange.run();
            } catch (RuntimeException e) {
                LOG.warn("a reload after a corpus change failed: {}", e.getMessage());
            }
        }, debounce.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void registerTree(Path dir) throws IOException {
        try (Stream<Path> dirs = Files.walk(dir)) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                d.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                        StandardWatchEventKinds.ENTRY_MODIFY);
            }
        }
    }

    @Override
    public void close() {
        try {
            watcher.close();
        } catch (IOException e) {
            // nothing left to release
        }
        loop.interrupt();
        timer.shutdownNow();
    }
}
