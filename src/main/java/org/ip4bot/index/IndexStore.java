package org.ip4bot.index;

import java.nio.file.Path;
import java.util.Optional;

/** Finds the index the data directory currently points at. */
public final class IndexStore {

    private final Path dataDir;
    private final ManifestStore manifests;

    public IndexStore(Path dataDir) {
        this.dataDir = dataDir;
        this.manifests = new ManifestStore(dataDir);
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The manifest of the serving index, if one was completed. */
    public Optional<IndexManifest> manifest() {
        return manifests.read();
    }

    /** Opens the serving index; the caller closes it. Empty when no index was ever completed here. */
    public Optional<IndexSnapshot> open() {
        return manifests.read().map(m -> IndexSnapshot.open(dataDir, m));
    }

    ManifestStore manifests() {
        return manifests;
    }
}
