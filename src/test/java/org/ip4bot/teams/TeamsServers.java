package org.ip4bot.teams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.ip4bot.config.BotConfig;
import org.ip4bot.config.ServerSettings;
import org.ip4bot.config.TeamsSettings;
import org.ip4bot.server.BotServer;

/**
 * Starts the real server, wired exactly as {@code serve} wires it, against the fake Microsoft. The first server of a
 * run embeds the bundled corpus; later ones start from a copy of that index, which their refresh finds unchanged.
 */
final class TeamsServers {

    private static final Path INDEX_CACHE = Path.of("target", "test-index-teams");

    private TeamsServers() {
    }

    /** The bundled corpus, the index in {@code data}, Teams on with the harness's settings, Slack off. */
    static synchronized BotServer start(Path data, FakeBotFramework microsoft) {
        boolean cached = Files.isDirectory(INDEX_CACHE);
        if (cached) {
            copy(INDEX_CACHE, data);
        }
        BotConfig config = new BotConfig(Path.of("corpus"), data, 1000, 20, 2);
        ServerSettings settings = new ServerSettings(0, Set.of(TeamsSender.ADMIN_AAD), Optional.empty());
        BotServer server = BotServer.start(config, settings, TeamsSettings.fromEnvironment(microsoft.environment()));
        server.loadIndex();
        if (!cached) {
            try {
                Path partial = Files.createTempDirectory(Files.createDirectories(INDEX_CACHE.getParent()),
                        "test-index-teams");
                copy(data, partial);
                Files.move(partial, INDEX_CACHE, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return server;
    }

    private static void copy(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            List<Path> paths = walk.toList();
            for (Path source : paths) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else if (!source.getFileName().toString().equals("feedback.jsonl")) {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
