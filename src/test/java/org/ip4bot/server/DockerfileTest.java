package org.ip4bot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** No Docker engine runs here: check what can be checked without one. */
class DockerfileTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();

    @Test
    void everyPathTheDockerfileCopiesFromTheRepositoryExists() throws Exception {
        // given
        List<String> lines = Files.readAllLines(ROOT.resolve("Dockerfile"));

        // when: the sources of each COPY that does not copy from an earlier stage
        List<String> sources = new ArrayList<>();
        for (String line : lines) {
            String[] words = line.strip().split("\\s+");
            if (words[0].equals("COPY") && Arrays.stream(words).noneMatch(w -> w.startsWith("--from="))) {
                sources.addAll(Arrays.asList(words).subList(1, words.length - 1));
            }
        }

        // then
        assertFalse(sources.isEmpty());
        for (String source : sources) {
            assertTrue(Files.exists(ROOT.resolve(source)), "the Dockerfile copies " + source + ", which is missing");
        }
        assertTrue(sources.containsAll(List.of("mvnw", "pom.xml", ".mvn", "src", "corpus", "config")),
                sources.toString());
    }

    @Test
    void theImageRunsAsANonRootUserWithAHealthcheckAndWritableDataForCachesAndTemp() throws Exception {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        assertTrue(dockerfile.contains("FROM eclipse-temurin:17-jre"));
        assertTrue(dockerfile.contains("USER ip4bot"));
        assertTrue(dockerfile.contains("/healthz"));
        assertTrue(dockerfile.contains("DJL_CACHE_DIR=/data/"));
        assertTrue(dockerfile.contains("-Djava.io.tmpdir=/data/"));
        assertEquals(1, dockerfile.lines().filter(l -> l.startsWith("ENTRYPOINT [")).count(),
                "exec-form ENTRYPOINT, so the JVM receives SIGTERM");
    }
}
