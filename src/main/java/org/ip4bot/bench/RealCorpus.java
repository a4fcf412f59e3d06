package org.ip4bot.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.ip4bot.index.IndexManifest;
import org.ip4bot.index.ScoredChunk;

/**
 * The user's corpus as its cold-built index holds it: the seed of every synthetic corpus.
 *
 * @param dir      the corpus directory
 * @param manifest the manifest of its index: loaded files and their hashes, corpus version, model
 * @param chunks   every chunk with its embedding
 */
record RealCorpus(Path dir, IndexManifest manifest, List<ScoredChunk> chunks) {

    RealCorpus {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(manifest, "manifest");
        chunks = List.copyOf(chunks);
    }

    List<RealPassage> passages() {
        return chunks.stream().map(c -> RealPassage.of(c.chunk(), c.vector())).toList();
    }
}
