package org.ip4bot.index;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.ip4bot.Ip4botException;

/** Reads and atomically replaces {@code manifest.json} in the data directory. */
final class ManifestStore {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path dataDir;

    ManifestStore(Path dataDir) {
        this.dataDir = dataDir;
    }

    Path file() {
        return dataDir.resolve("manifest.json");
    }

    /** The current manifest, or empty when none was written or it cannot be read (then the index is rebuilt). */
    Optional<IndexManifest> read() {
        Path file = file();
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), IndexManifest.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Writes to a temporary file and renames it over the old one, so readers never see half a manifest. */
    void write(IndexManifest manifest) {
        try {
            Files.createDirectories(dataDir);
            Path tmp = dataDir.resolve("manifest.json.tmp");
            JSON.writeValue(tmp.toFile(), manifest);
            Files.move(tmp, file(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new Ip4botException("could not write the index manifest in " + dataDir + ": " + e.getMessage(), e);
        }
    }
}
