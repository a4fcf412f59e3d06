package org.ip4bot.teams;

import jakarta.servlet.http.HttpServlet;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.ip4bot.chat.ChatBot;
import org.ip4bot.chat.Workers;
import org.ip4bot.config.TeamsSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Teams bot: the Bot Framework messaging endpoint, with its JWT checks, and the Connector client that sends the
 * answers. Speaks the protocol itself (the Java Bot Framework SDK is retired); its JSON stays inside this package.
 * Close it to stop its threads. Thread-safe.
 */
public final class TeamsEndpoint implements AutoCloseable {

    /** Where the Azure Bot resource's messaging endpoint points. */
    public static final String PATH = "/api/messages";

    private static final Logger LOG = LoggerFactory.getLogger(TeamsEndpoint.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final Rejections rejections = new Rejections();
    private final Typing typing;
    private final ExecutorService deliveries = Workers.bounded("teams-delivery", 2, 200);
    private final HttpServlet servlet;

    /** Nothing is fetched yet: the signing keys on the first request, the bot's token on the first reply. */
    public TeamsEndpoint(TeamsSettings settings, ChatBot chat) {
        settings.overrides().forEach((name, url) -> LOG.warn("{} is set to {}: Teams requests are checked against a "
                + "local test harness, not Microsoft. Unset it in production.", name, url));
        Clock clock = Clock.systemUTC();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT).build();
        BotFrameworkAuthenticator authenticator = new BotFrameworkAuthenticator(
                new SigningKeys(http, URI.create(settings.openIdMetadataUrl()), clock), settings.appId(), clock);
        Retries retries = new Retries(http, 4, Duration.ofMillis(500), Duration.ofSeconds(20));
        AccessTokens tokens = new AccessTokens(retries, URI.create(settings.tokenUrl()), settings.appId(),
                settings.appPassword(), clock);
        ConnectorClient connector = new ConnectorClient(retries, new Retries(http, 1, Duration.ZERO, Duration.ZERO),
                tokens);
        this.typing = new Typing(connector);
        ActivityDispatcher dispatcher = new ActivityDispatcher(chat, connector, typing, new SentAnswers(2_000),
                deliveries);
        this.servlet = new MessagesServlet(authenticator, dispatcher, rejections);
    }

    /** The servlet to mount at {@link #PATH}. */
    public HttpServlet servlet() {
        return servlet;
    }

    /** Requests refused with 401 since start, whatever the reason. */
    public long rejectedRequests() {
        return rejections.total();
    }

    /**
     * Requests refused since start by the check that failed ({@code body}, {@code bearer}, {@code algorithm},
     * {@code signature}, {@code issuer}, {@code audience}, {@code lifetime}, {@code endorsement}, {@code serviceurl}),
     * in that order.
     */
    public Map<String, Long> rejectionsByCheck() {
        return rejections.byLabel();
    }

    @Override
    public void close() {
        typing.close();
        deliveries.shutdownNow();
    }
}
