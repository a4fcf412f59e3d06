package org.ip4bot.cli;

import java.util.concurrent.Callable;
import org.ip4bot.config.OperationsSettings;
import org.ip4bot.config.ServerSettings;
import org.ip4bot.config.TeamsSettings;
import org.ip4bot.server.BotServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", description = "Run the HTTP server: health checks (/healthz, /readyz) and, when "
        + "SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET are set, the Slack app at /slack/events; when MICROSOFT_APP_ID, "
        + "MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID are set, the Teams bot at /api/messages. Stops on "
        + "Ctrl-C.")
final class ServeCommand implements Callable<Integer> {

    @Mixin
    EngineOptions engine;

    @Option(names = "--port", paramLabel = "PORT", description = "port to listen on (default: $PORT or 3000; 0 picks "
            + "a free port)")
    Integer port;

    @Override
    public Integer call() throws InterruptedException {
        ServerSettings settings = ServerSettings.fromEnvironment(System.getenv());
        if (port != null) {
            settings = settings.withPort(port);
        }
        BotServer server = BotServer.start(engine.config(), settings, TeamsSettings.fromEnvironment(System.getenv()),
                OperationsSettings.fromEnvironment(System.getenv()));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "shutdown"));
        stopOnSigterm(server);
        try {
            server.loadIndex();
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        server.join();
        return 0;
    }

    /**
     * SIGTERM (a container stop) stops the server gracefully: answers in flight finish, then {@link #call} returns
     * and the process exits 0, where the JVM's default would run the hooks and exit 143.
     */
    private static void stopOnSigterm(BotServer server) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("TERM"),
                    signal -> new Thread(server::close, "sigterm-stop").start());
        } catch (IllegalArgumentException e) {
            // No SIGTERM on this platform: the shutdown hook still closes the server.
        }
    }
}
