package org.ip4bot.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import jakarta.servlet.http.HttpServlet;
import org.ip4bot.Ip4botException;
import org.ip4bot.chat.ChatBot;
import org.ip4bot.chat.SeenIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ip4bot.config.SlackSettings;

/**
 * The Slack app: one servlet for events, the slash command and interactivity, all behind the signature check. Bolt
 * stays inside this package. Close it to stop its threads.
 */
public final class SlackEndpoint implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SlackEndpoint.class);

    /** Where Slack sends everything; the app manifest uses the same path. */
    public static final String PATH = "/slack/events";

    private final Slack slack;
    private final App app;
    private final Deliveries deliveries = new Deliveries(2, 200);
    private final HttpServlet servlet;

    /**
     * Builds the app and checks the bot token with Slack's {@code auth.test}.
     *
     * @throws Ip4botException when Slack refuses the token or cannot be reached
     */
    public SlackEndpoint(SlackSettings settings, ChatBot chat) {
        SlackConfig slackConfig = new SlackConfig();
        slackConfig.setMethodsEndpointUrlPrefix(settings.apiUrl());
        this.slack = Slack.getInstance(slackConfig);
        AppConfig config = AppConfig.builder()
                .slack(slack)
                .singleTeamBotToken(settings.botToken())
                .signingSecret(settings.signingSecret())
                // Never from the environment behind our back: this is a single-workspace app.
                .clientId(null).clientSecret(null).verificationToken(null)
                // SignedRequestServlet checks every request first, on the raw bytes.
                .requestVerificationEnabled(false)
                // ConversationEvents filters bots itself, without Bolt's extra bots.info call per bot message.
                .ignoringSelfEventsEnabled(false)
                // Edits, joins and other message subtypes are acknowledged and ignored, so Slack does not retry them.
                .allEventsApiAutoAckEnabled(true)
                .build();
        this.app = new App(config);
        WebApi web = new WebApi(slack, settings.botToken());
        // Slack retries three times within about five minutes; an hour of event IDs leaves a wide margin.
        new ConversationEvents(chat, web, deliveries, new SeenIds(10_000, 60 * 60 * 1000L, System::currentTimeMillis))
                .register(app);
        new SlashCommand(chat, web, deliveries).register(app);
        new Buttons(chat, web, deliveries).register(app);
        start();
        this.servlet = new SignedRequestServlet(
                new SignatureVerifier(settings.signingSecret(), () -> System.currentTimeMillis() / 1000),
                new SlackAppServlet(app));
    }

    /** The servlet to mount at {@link #PATH}. */
    public HttpServlet servlet() {
        return servlet;
    }

    @Override
    public void close() {
        app.stop();
        deliveries.close();
        try {
            slack.close();
        } catch (Exception e) {
            LOG.warn("Slack's HTTP client did not close cleanly: {}", e.getMessage());
        }
    }

    private void start() {
        try {
            app.start();
        } catch (IllegalArgumentException e) {
            close();
            // Bolt's message names the auth.test error (e.g. invalid_auth) and never the token itself.
            throw new Ip4botException("Slack did not accept SLACK_BOT_TOKEN: " + e.getMessage()
                    + ". Check the token, and SLACK_API_URL if it is set.", e);
        }
    }
}
