package org.ip4bot.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Optional;

/**
 * How to reach Slack: the bot token, the signing secret that proves a request came from Slack, and the Web API's
 * address. {@link #toString()} never shows the token or the secret.
 *
 * @param botToken      {@code SLACK_BOT_TOKEN}, the bot user OAuth token ({@code xoxb-...})
 * @param signingSecret {@code SLACK_SIGNING_SECRET}, from the app's "Basic Information" page
 * @param apiUrl        {@code SLACK_API_URL}, the Web API prefix, always ending in {@code /}
 *                      (default {@code https://slack.com/api/})
 */
public record SlackSettings(String botToken, String signingSecret, String apiUrl) {

    public static final String DEFAULT_API_URL = "https://slack.com/api/";

    public SlackSettings {
        requireText("SLACK_BOT_TOKEN", botToken);
        requireText("SLACK_SIGNING_SECRET", signingSecret);
        apiUrl = withTrailingSlash(checkedUrl(apiUrl));
    }

    /**
     * Reads Slack's settings. Both credentials absent means Slack is off (empty); exactly one absent is a mistake
     * and fails here, naming the missing variable.
     */
    public static Optional<SlackSettings> fromEnvironment(Map<String, String> env) {
        String token = blankToNull(env.get("SLACK_BOT_TOKEN"));
        String secret = blankToNull(env.get("SLACK_SIGNING_SECRET"));
        if (token == null && secret == null) {
            return Optional.empty();
        }
        if (token == null || secret == null) {
            String missing = token == null ? "SLACK_BOT_TOKEN" : "SLACK_SIGNING_SECRET";
            String present = token == null ? "SLACK_SIGNING_SECRET" : "SLACK_BOT_TOKEN";
            throw new ConfigException(missing + " is not set but " + present + " is: set both to turn the Slack app "
                    + "on, or neither to run without Slack");
        }
        String apiUrl = blankToNull(env.get("SLACK_API_URL"));
        return Optional.of(new SlackSettings(token, secret, apiUrl == null ? DEFAULT_API_URL : apiUrl));
    }

    @Override
    public String toString() {
        return "SlackSettings[botToken=(" + botToken.length() + " characters, hidden), signingSecret=(hidden), apiUrl="
                + apiUrl + "]";
    }

    private static void requireText(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new ConfigException(name + " must not be empty");
        }
    }

    private static String checkedUrl(String raw) {
        String url = raw == null ? "" : raw.strip();
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (uri.getHost() == null || !("https".equals(scheme) || "http".equals(scheme))) {
                throw new ConfigException("SLACK_API_URL must be an http(s) address such as " + DEFAULT_API_URL
                        + ", was '" + raw + "'");
            }
            return url;
        } catch (URISyntaxException e) {
            throw new ConfigException("SLACK_API_URL must be an http(s) address such as " + DEFAULT_API_URL
                    + ", was '" + raw + "'");
        }
    }

    private static String withTrailingSlash(String url) {
        // Slack's client appends the method name straight to the prefix: without the slash it calls /apiauth.test.
        return url.endsWith("/") ? url : url + "/";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
