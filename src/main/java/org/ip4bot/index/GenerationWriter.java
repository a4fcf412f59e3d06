package org.ip4bot.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.ip4bot.Ip4botException;

/**
 * Writes one index generation directory and verifies its chunk count before anyone points a manifest at it.
 *
 * <p>A generation is either written whole, or started from the previous generation's segment files so that only
 * the changed documents are written again. Lucene never rewrites a segment file once committed, so hard links to
 * the previous generation's files are safe: the writer adds new files and a new commit point in the new
 * directory, and the previous generation, still serving, sees none of it.
 */
final class GenerationWriter {

    private static final String LOCK_FILE = "write.lock";

    private GenerationWriter() {
    }

    /** Writes {@code chunks} into the new directory {@code dir}; returns how many chunks it holds. */
    static int writeWhole(Path dir, List<IndexedChunk> chunks) {
        try (FSDirectory directory = FSDirectory.open(dir);
                IndexWriter writer = new IndexWriter(directory, config(IndexWriterConfig.OpenMode.CREATE))) {
            addAll(writer, chunks);
            writer.commit();
            verify(writer, dir, chunks.size());
            return chunks.size();
        } catch (IOException e) {
            throw failure(dir, e);
        }
    }

    /**
     * Starts {@code dir} from the segments of the generation in {@code previous}, deletes every chunk of the files
     * in {@code dropped} (changed, removed or now unreadable), then adds {@code chunks}.
     *
     * @return how many chunks the new generation holds
     */
    static int writeOnTopOf(Path previous, Path dir, Collection<String> dropped, List<IndexedChunk> chunks) {
        try {
            linkFiles(previous, dir);
            try (FSDirectory directory = FSDirectory.open(dir)) {
                int expected = chunksKept(directory, dropped) + chunks.size();
                try (IndexWriter writer = new IndexWriter(directory, config(IndexWriterConfig.OpenMode.APPEND))) {
                    for (String path : dropped) {
                        writer.deleteDocuments(new Term(LuceneSchema.PATH, path));
                    }
                    addAll(writer, chunks);
                    writer.commit();
                    verify(writer, dir, expected);
                }
                return expected;
            }
        } catch (IOException e) {
            throw failure(dir, e);
        }
    }

    private static void linkFiles(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.equals(LOCK_FILE)) {
                    continue;
                }
                try {
                    Files.createLink(to.resolve(name), file);
                } catch (UnsupportedOperationException | IOException e) {
                    // Some file systems (and some container volumes) refuse hard links; a copy costs only time.
                    Files.copy(file, to.resolve(name));
                }
            }
        }
    }

    private static int chunksKept(FSDirectory directory, Collection<String> dropped) throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            int gone = 0;
            for (String path : dropped) {
                gone += searcher.count(new TermQuery(new Term(LuceneSchema.PATH, path)));
            }
            return reader.numDocs() - gone;
        }
    }

    private static IndexWriterConfig config(IndexWriterConfig.OpenMode mode) {
        return new IndexWriterConfig(LuceneSchema.analyzer()).setOpenMode(mode);
    }

    private static void addAll(IndexWriter writer, List<IndexedChunk> chunks) throws IOException {
        for (IndexedChunk chunk : chunks) {
            writer.addDocument(LuceneSchema.toDocument(chunk));
        }
    }

    private static void verify(IndexWriter writer, Path dir, int expected) throws IOException {
        try (DirectoryReader check = DirectoryReader.open(writer)) {
            if (check.numDocs() != expected) {
                throw new Ip4botException("index verification failed in " + dir + ": expected " + expected
                        + " chunks but found " + check.numDocs());
            }
        }
    }

    private static Ip4botException failure(Path dir, IOException e) {
        return new Ip4botException("could not write the index in " + dir + " (is the disk full or the data "
                + "directory read-only?): " + e.getMessage(), e);
    }
}
