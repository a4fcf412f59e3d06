package org.ip4bot.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.ip4bot.Ip4botException;
import org.ip4bot.corpus.Chunk;
import org.ip4bot.corpus.Chunker;
import org.ip4bot.corpus.ChunkingSettings;
import org.ip4bot.corpus.CorpusEntry;
import org.ip4bot.corpus.CorpusReadException;
import org.ip4bot.corpus.CorpusScanner;
import org.ip4bot.corpus.DocumentReaders;
import org.ip4bot.corpus.SkippedFile;
import org.ip4bot.corpus.SourceDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the index for a corpus directory into a new generation directory beside the serving one, verifies it,
 * then points the manifest at it. Files whose content hash is unchanged reuse their stored chunks and
 * embeddings, so a rebuild over an unchanged corpus embeds nothing, and their segments are carried into the new
 * generation, so a reload after one changed file writes only that file's chunks. If the build fails the old
 * manifest, and so the old index, stays in place.
 *
 * <p>Not thread-safe: one build at a time per data directory.
 */
public final class IndexBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(IndexBuilder.class);
    private static final int EMBED_BATCH = 16;

    private final CorpusScanner scanner;
    private final DocumentReaders readers;
    private final ChunkingSettings chunking;
    private final Embedder embedder;
    private final IndexStore store;

    public IndexBuilder(CorpusScanner scanner, DocumentReaders readers, ChunkingSettings chunking, Embedder embedder,
            IndexStore store) {
        this.scanner = scanner;
        this.readers = readers;
        this.chunking = chunking;
        this.embedder = embedder;
        this.store = store;
    }

    public IndexReport build(Path corpusRoot, IndexProgress progress) {
        long started = System.nanoTime();
        CorpusScanner.ScanResult scan = scanner.scan(corpusRoot);
        Optional<IndexManifest> last = store.manifests().read();
        Optional<IndexManifest> previous = last
                .filter(m -> m.compatibleWith(embedder.modelName(), chunking.fingerprint()))
                .filter(m -> Files.isDirectory(store.dataDir().resolve(m.indexDirectory())));

        Map<String, String> found = new TreeMap<>();
        scan.entries().forEach(e -> found.put(e.path(), e.contentHash()));
        if (previous.isPresent() && sameFiles(previous.get(), found)) {
            IndexManifest m = previous.get();
            List<SkippedFile> failed = merge(scan.skipped(), m.skipped(), found);
            return new IndexReport(m.corpusVersion(), true, List.of(), List.of(), List.of(), m.files().size(), failed,
                    m.documents(), m.chunks(), 0, millisSince(started));
        }
        // Checked only here, not on the up-to-date path, so a start over an unchanged corpus opens the index once.
        return rebuild(scan, previous.filter(this::opens), last.map(IndexManifest::files).orElse(Map.of()), progress,
                started);
    }

    /**
     * @param previous  the last index, when its chunks and vectors can be reused
     * @param oldFiles  the files of the last index whatever its settings, for the report
     */
    private IndexReport rebuild(CorpusScanner.ScanResult scan, Optional<IndexManifest> previous,
            Map<String, String> oldFiles, IndexProgress progress, long started) {
        // Files the last index holds with the same content keep their segments; only the rest is written again.
        Set<String> kept = new HashSet<>();
        previous.ifPresent(m -> scan.entries().stream()
                .filter(e -> e.contentHash().equals(m.files().get(e.path())))
                .forEach(e -> kept.add(e.path())));
        Map<String, List<IndexedChunk>> reusable = reusableChunks(previous,
                scan.entries().stream().filter(e -> !kept.contains(e.path())).toList());

        List<SkippedFile> failed = new ArrayList<>(scan.skipped());
        Map<String, String> failedHashes = new TreeMap<>();
        Map<String, String> loaded = new TreeMap<>();
        List<IndexedChunk> ready = new ArrayList<>();
        List<Chunk> toEmbed = new ArrayList<>();
        Map<Chunk, String> hashOf = new HashMap<>();
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        int unchanged = 0;
        int filesDone = 0;

        for (CorpusEntry entry : scan.entries()) {
            List<IndexedChunk> reused = reusable.get(entry.contentHash());
            if (kept.contains(entry.path())) {
                loaded.put(entry.path(), entry.contentHash());
                unchanged++;
            } else if (reused != null) {
                reused.forEach(c -> ready.add(relocated(c, entry.path())));
                loaded.put(entry.path(), entry.contentHash());
                if (entry.contentHash().equals(oldFiles.get(entry.path()))) {
                    unchanged++;
                } else {
                    (oldFiles.containsKey(entry.path()) ? changed : added).add(entry.path());
                }
            } else {
                try {
                    SourceDocument doc = readers.read(entry);
                    List<Chunk> chunks = new Chunker(chunking).chunk(doc);
                    if (chunks.isEmpty()) {
                        throw new CorpusReadException("no readable text");
                    }
                    chunks.forEach(c -> hashOf.put(c, entry.contentHash()));
                    toEmbed.addAll(chunks);
                    loaded.put(entry.path(), entry.contentHash());
                    if (entry.contentHash().equals(oldFiles.get(entry.path()))) {
                        unchanged++; // same content, re-embedded because the model or chunking changed
                    } else {
                        (oldFiles.containsKey(entry.path()) ? changed : added).add(entry.path());
                    }
                } catch (CorpusReadException e) {
                    failed.add(new SkippedFile(entry.path(), e.getMessage()));
                    failedHashes.put(entry.path(), entry.contentHash());
                }
            }
            filesDone++;
            progress.update(filesDone, scan.entries().size(), ready.size() + toEmbed.size(), 0, 0);
        }
        if (loaded.isEmpty()) {
            throw new Ip4botException("no document could be loaded from the corpus (" + failed.size()
                    + " files skipped); the previous index, if any, keeps serving. Fix the files listed: "
                    + failed.stream().limit(5).map(f -> f.path() + ": " + f.reason()).toList());
        }

        ready.addAll(embed(toEmbed, hashOf, filesDone, scan.entries().size(), ready.size(), progress));
        List<String> removed = oldFiles.keySet().stream().filter(p -> !loaded.containsKey(p)).sorted().toList();

        String version = corpusVersion(loaded);
        String generation = "index-" + System.currentTimeMillis() + "-" + version;
        Path dir = store.dataDir().resolve(generation);
        int chunks = kept.isEmpty()
                ? GenerationWriter.writeWhole(dir, ready)
                : GenerationWriter.writeOnTopOf(store.dataDir().resolve(previous.orElseThrow().indexDirectory()), dir,
                        previous.orElseThrow().files().keySet().stream().filter(p -> !kept.contains(p)).toList(),
                        ready);
        IndexManifest manifest = new IndexManifest(IndexManifest.FORMAT_VERSION, generation, version,
                embedder.modelName(), chunking.fingerprint(), loaded, failedHashes, failed, loaded.size(), chunks,
                Instant.now().toString());
        store.manifests().write(manifest);
        deleteOtherGenerations(generation);
        return new IndexReport(version, false, added, changed, removed, unchanged, failed, loaded.size(), chunks,
                toEmbed.size(), millisSince(started));
    }

    /** A damaged last generation must not fail every later reload: it is left out, and everything is embedded. */
    private boolean opens(IndexManifest last) {
        try (IndexSnapshot snapshot = IndexSnapshot.open(store.dataDir(), last)) {
            return true;
        } catch (Ip4botException e) {
            LOG.warn("the last index generation cannot be read ({}); building the whole index again", e.getMessage());
            return false;
        }
    }

    private Map<String, List<IndexedChunk>> reusableChunks(Optional<IndexManifest> previous, List<CorpusEntry> entries) {
        if (previous.isEmpty()) {
            return Map.of();
        }
        Set<String> wanted = new HashSet<>();
        entries.forEach(e -> wanted.add(e.contentHash()));
        wanted.retainAll(previous.get().files().values());
        try (IndexSnapshot old = IndexSnapshot.open(store.dataDir(), previous.get())) {
            return old.chunksByFileHash(wanted);
        } catch (Ip4botException e) {
            return Map.of(); // an unreadable old index only costs re-embedding
        }
    }

    private List<IndexedChunk> embed(List<Chunk> chunks, Map<Chunk, String> hashOf, int files, int totalFiles,
            int alreadyReady, IndexProgress progress) {
        List<IndexedChunk> out = new ArrayList<>(chunks.size());
        long started = System.nanoTime();
        for (int from = 0; from < chunks.size(); from += EMBED_BATCH) {
            List<Chunk> batch = chunks.subList(from, Math.min(chunks.size(), from + EMBED_BATCH));
            List<float[]> vectors = embedder.embedPassages(batch.stream().map(Chunk::embeddingText).toList());
            for (int i = 0; i < batch.size(); i++) {
                out.add(new IndexedChunk(batch.get(i), hashOf.get(batch.get(i)), vectors.get(i)));
            }
            double seconds = Math.max(1e-9, (System.nanoTime() - started) / 1e9);
            progress.update(files, totalFiles, alreadyReady + chunks.size(), out.size(), out.size() / seconds);
        }
        return out;
    }

    private static IndexedChunk relocated(IndexedChunk chunk, String path) {
        Chunk c = chunk.chunk();
        if (c.path().equals(path)) {
            return chunk;
        }
        return new IndexedChunk(new Chunk(path, c.ordinal(), c.metadata(), c.heading(), c.page(), c.text()),
                chunk.fileHash(), chunk.vector());
    }

    private void deleteOtherGenerations(String keep) {
        try (Stream<Path> children = Files.list(store.dataDir())) {
            children.filter(p -> p.getFileName().toString().startsWith("index-"))
                    .filter(p -> !p.getFileName().toString().equals(keep))
                    .forEach(IndexBuilder::deleteTree);
        } catch (IOException e) {
            // Old generations only waste disk; the next build tries again.
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Same as above: harmless leftovers.
        }
    }

    private static boolean sameFiles(IndexManifest manifest, Map<String, String> found) {
        Map<String, String> known = new LinkedHashMap<>(manifest.files());
        known.putAll(manifest.failedFiles());
        return known.equals(found);
    }

    /** Scanner-level skips are fresh; read failures come from the manifest for files that did not change. */
    private static List<SkippedFile> merge(List<SkippedFile> scanSkipped, List<SkippedFile> previous,
            Map<String, String> found) {
        List<SkippedFile> out = new ArrayList<>(scanSkipped);
        previous.stream().filter(s -> found.containsKey(s.path())).forEach(out::add);
        return out;
    }

    static String corpusVersion(Map<String, String> loaded) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            loaded.forEach((path, hash) -> digest.update((path + "\0" + hash + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static long millisSince(long nanoStart) {
        return (System.nanoTime() - nanoStart) / 1_000_000;
    }
}
