package org.ip4bot.teams;

import java.nio.file.Path;
import org.ip4bot.server.BotServer;

/**
 * What an end-to-end Teams test class shares: the fake Microsoft, the real server wired to it, and a sender that
 * signs activities as the Connector does. Closing stops the server before the fake it talks to.
 */
record TeamsHarness(FakeBotFramework microsoft, BotServer server, TeamsSender teams) implements AutoCloseable {

    static TeamsHarness start(Path data) {
        FakeBotFramework microsoft = new FakeBotFramework();
        try {
            BotServer server = TeamsServers.start(data, microsoft);
            return new TeamsHarness(microsoft, server, new TeamsSender(server.port(), microsoft));
        } catch (RuntimeException e) {
            microsoft.close();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            microsoft.close();
        }
    }
}
