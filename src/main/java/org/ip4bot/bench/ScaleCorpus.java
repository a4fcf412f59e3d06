package org.ip4bot.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.ip4bot.Ip4botException;
import org.ip4bot.corpus.Chunk;
import org.ip4bot.corpus.Chunker;
import org.ip4bot.corpus.ChunkingSettings;
import org.ip4bot.corpus.CorpusEntry;
import org.ip4bot.corpus.CorpusScanner;
import org.ip4bot.corpus.DocumentReaders;
import org.ip4bot.index.IndexManifest;
import org.ip4bot.index.IndexStore;
import org.ip4bot.index.PrecomputedIndexWriter;
import org.ip4bot.index.ScoredChunk;

/**
 * A corpus of about N chunks for the latency figures: the real notes plus synthetic ones ({@link SyntheticCorpus}),
 * written as Markdown files under {@code <data>/bench/<N>-<seed>/corpus}, read and chunked by the real readers and
 * chunker, and indexed with precomputed vectors under {@code .../data} through the real index layout. A later run
 * reuses it when the generator, the seed and the real corpus version are the same and the files still match the
 * index's manifest.
 */
final class ScaleCorpus {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final int AUDIT_SAMPLE = 3_000;

    /**
     * What bench.json records about a built scale corpus.
     *
     * @param generateSeconds writing, reading and chunking the synthetic notes
     * @param indexSeconds    Lucene indexing of the precomputed vectors (HNSW graph building dominates)
     * @param nearDuplicateShare share of a sample of chunks with a near-duplicate in the sample
     */
    record Info(String generator, long seed, int target, String realCorpusVersion, int chunks, int syntheticNotes,
            double generateSeconds, double indexSeconds, double nearDuplicateShare, int auditSample,
            long indexBytes) {
    }

    /** A scale corpus ready to open: its directories and how it was made. */
    record Prepared(Path corpusDir, Path dataDir, Info info, boolean reused) {
    }

    private ScaleCorpus() {
    }

    static Path directory(Path benchDir, int target, long seed) {
        return benchDir.resolve(target + "-" + seed);
    }

    /** @param maxFileBytes the engine's file size limit, so the up-to-date check sees the files it would see */
    static Prepared prepare(Path benchDir, int target, long seed, RealCorpus real, String model, long maxFileBytes,
            BenchLog log) {
        Path dir = directory(benchDir, target, seed);
        Path corpus = dir.resolve("corpus");
        Path data = dir.resolve("data");
        Optional<Info> cached = read(dir.resolve("bench.json"))
                .filter(i -> i.generator().equals(SyntheticCorpus.GENERATOR) && i.seed() == seed
                        && i.target() == target && i.realCorpusVersion().equals(real.manifest().corpusVersion()));
        if (cached.isPresent() && upToDate(corpus, data, model, maxFileBytes)) {
            return new Prepared(corpus, data, cached.get(), true);
        }
        log.say("generating the %,d-chunk corpus in %s", target, dir);
        Trees.deleteTree(dir);
        Info info = build(corpus, data, target, seed, real, model);
        if (!upToDate(corpus, data, model, maxFileBytes)) {
            throw new Ip4botException("the generated corpus in " + dir + " does not match its own index; delete the "
                    + "folder and run bench again");
        }
        write(dir.resolve("bench.json"), info);
        return new Prepared(corpus, data, info, false);
    }

    private static Info build(Path corpus, Path data, int target, long seed, RealCorpus real, String model) {
        List<String> realFiles = new ArrayList<>(real.manifest().files().keySet());
        Trees.copyFiles(real.dir(), realFiles, corpus);
        Map<String, String> files = new TreeMap<>(real.manifest().files());
        SyntheticCorpus generator = new SyntheticCorpus(real.passages(), seed);
        DocumentReaders readers = new DocumentReaders();
        Chunker chunker = new Chunker(ChunkingSettings.DEFAULT);
        List<String> auditSample = new ArrayList<>();
        long indexNanos = 0;
        long started = System.nanoTime();
        int chunks = 0;
        int notes = 0;
        try (PrecomputedIndexWriter writer = PrecomputedIndexWriter.create(data)) {
            for (ScoredChunk c : real.chunks()) {
                long t = System.nanoTime();
                writer.add(c.chunk(), files.get(c.chunk().path()), c.vector());
                indexNanos += System.nanoTime() - t;
                chunks++;
            }
            while (chunks < target) {
                SyntheticCorpus.Note note = generator.note(notes,
                        Math.min(SyntheticCorpus.SECTIONS_PER_NOTE, target - chunks));
                byte[] bytes = note.markdown().getBytes(StandardCharsets.UTF_8);
                Path file = corpus.resolve(note.path());
                Files.createDirectories(file.getParent());
                Files.write(file, bytes);
                String hash = Trees.sha256(bytes);
                files.put(note.path(), hash);
                List<SyntheticCorpus.Recipe> inOrder = new ArrayList<>(note.recipes().values());
                for (Chunk chunk : chunker.chunk(readers.read(new CorpusEntry(note.path(), file, hash, bytes.length)))) {
                    SyntheticCorpus.Recipe recipe = note.recipes().getOrDefault(chunk.heading(),
                            inOrder.get(Math.min(chunk.ordinal(), inOrder.size() - 1)));
                    float[] vector = generator.vector(recipe, chunk.id());
                    long t = System.nanoTime();
                    writer.add(chunk, hash, vector);
                    indexNanos += System.nanoTime() - t;
                    chunks++;
                    if (auditSample.size() < AUDIT_SAMPLE) {
                        auditSample.add(chunk.text());
                    }
                }
                notes++;
            }
            long t = System.nanoTime();
            IndexManifest manifest = writer.commit(files, model, ChunkingSettings.DEFAULT.fingerprint());
            indexNanos += System.nanoTime() - t;
            double total = (System.nanoTime() - started) / 1e9;
            double indexSeconds = indexNanos / 1e9;
            return new Info(SyntheticCorpus.GENERATOR, seed, target, real.manifest().corpusVersion(),
                    manifest.chunks(), notes, total - indexSeconds, indexSeconds,
                    NearDuplicateAudit.share(auditSample), auditSample.size(), Trees.sizeOf(data));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the synthetic corpus in " + corpus, e);
        }
    }

    /**
     * Whether the index builder would find this index up to date for these files, the same test it makes (so
     * opening the corpus never falls back to embedding it).
     */
    static boolean upToDate(Path corpus, Path data, String model, long maxFileBytes) {
        Optional<IndexManifest> manifest = new IndexStore(data).manifest();
        if (manifest.isEmpty() || !manifest.get().model().equals(model)
                || !manifest.get().chunking().equals(ChunkingSettings.DEFAULT.fingerprint())
                || !Files.isDirectory(data.resolve(manifest.get().indexDirectory())) || !Files.isDirectory(corpus)) {
            return false;
        }
        Map<String, String> found = new TreeMap<>();
        new CorpusScanner(maxFileBytes).scan(corpus).entries().forEach(e -> found.put(e.path(), e.contentHash()));
        Map<String, String> known = new TreeMap<>(manifest.get().files());
        known.putAll(manifest.get().failedFiles());
        return known.equals(found);
    }

    private static Optional<Info> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), Info.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void write(Path file, Info info) {
        try {
            JSON.writeValue(file.toFile(), info);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }
}
