package org.ip4bot.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.ip4bot.Ip4botException;
import org.ip4bot.corpus.Chunk;

/**
 * Writes a complete index from chunks whose vectors are already known, laid out exactly as {@link IndexBuilder}
 * lays out its own (same schema, same writer settings, same manifest), so that an {@link IndexBuilder} run over
 * the same files finds it up to date and an incremental rebuild reuses its chunks and vectors. Benchmarks use it to
 * build large corpora without spending hours in the embedding model.
 *
 * <p>Usage: {@link #create}, then {@link #add} every chunk, then {@link #commit} once. Not thread-safe. Closing
 * without a commit leaves the data directory's current manifest, and so its serving index, untouched.
 */
public final class PrecomputedIndexWriter implements Closeable {

    private final Path dataDir;
    private final String generation;
    private final FSDirectory directory;
    private final IndexWriter writer;
    private int added;
    private boolean committed;

    private PrecomputedIndexWriter(Path dataDir, String generation) throws IOException {
        this.dataDir = dataDir;
        this.generation = generation;
        this.directory = FSDirectory.open(dataDir.resolve(generation));
        // The same configuration IndexBuilder writes with, so segment layout and build cost are the real ones.
        this.writer = new IndexWriter(directory, new IndexWriterConfig(LuceneSchema.analyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE));
    }

    /** Opens a new generation directory under {@code dataDir}. */
    public static PrecomputedIndexWriter create(Path dataDir) {
        String generation = "index-" + System.currentTimeMillis() + "-precomputed";
        try {
            Files.createDirectories(dataDir);
            return new PrecomputedIndexWriter(dataDir, generation);
        } catch (IOException e) {
            throw new Ip4botException("could not create an index in " + dataDir.resolve(generation) + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * @param fileHash the SHA-256 of the file the chunk came from, as {@code CorpusScanner} computes it; the same
     *                 value must appear for the chunk's path in the {@code files} given to {@link #commit}
     * @param vector   unit length, in the dimension of the embedding model named at commit
     */
    public void add(Chunk chunk, String fileHash, float[] vector) {
        try {
            writer.addDocument(LuceneSchema.toDocument(new IndexedChunk(chunk, fileHash, vector)));
            added++;
        } catch (IOException e) {
            throw new Ip4botException("could not add chunk " + chunk.id() + " to " + dataDir.resolve(generation)
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * Commits the index, verifies it, and points the data directory's manifest at it.
     *
     * @param files         every loaded file: path relative to the corpus root to content hash
     * @param model         the embedding model's name ({@link Embedder#modelName()}) the vectors stand for
     * @param chunking      the chunking fingerprint the chunks were cut with
     * @return the manifest now serving
     */
    public IndexManifest commit(Map<String, String> files, String model, String chunking) {
        try {
            writer.commit();
            try (DirectoryReader check = DirectoryReader.open(writer)) {
                if (check.numDocs() != added) {
                    throw new Ip4botException("index verification failed in " + dataDir.resolve(generation)
                            + ": wrote " + added + " chunks but found " + check.numDocs());
                }
            }
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new Ip4botException("could not write the index in " + dataDir.resolve(generation) + ": "
                    + e.getMessage(), e);
        }
        committed = true;
        Map<String, String> loaded = new TreeMap<>(files);
        IndexManifest manifest = new IndexManifest(IndexManifest.FORMAT_VERSION, generation,
                IndexBuilder.corpusVersion(loaded), model, chunking, loaded, Map.of(), List.of(), loaded.size(), added,
                Instant.now().toString());
        new ManifestStore(dataDir).write(manifest);
        return manifest;
    }

    @Override
    public void close() {
        if (committed) {
            return;
        }
        try {
            writer.rollback();
            directory.close();
        } catch (IOException e) {
            // Nothing points at an uncommitted generation; a later build deletes it.
        }
    }
}
