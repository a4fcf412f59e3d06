package org.ip4bot.slack;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.ip4bot.config.BotConfig;
import org.ip4bot.config.ServerSettings;
import org.ip4bot.config.SlackSettings;
import org.ip4bot.server.BotServer;

/** Starts the real server, wired exactly as {@code serve} wires it, against the fake Slack. */
final class TestServers {

    static final String ADMIN = "UADMIN";

    private TestServers() {
    }

    static BotServer start(Path corpus, Path data, FakeSlack slack) {
        BotConfig config = new BotConfig(corpus, data, 1000, 20, 2);
        ServerSettings settings = new ServerSettings(0, Set.of(ADMIN),
                Optional.of(new SlackSettings("xoxb-test-token", SlackSender.SECRET, slack.apiUrl())));
        BotServer server = BotServer.start(config, settings);
        server.loadIndex();
        return server;
    }
}
