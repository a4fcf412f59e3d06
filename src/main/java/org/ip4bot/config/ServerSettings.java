package org.ip4bot.config;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Settings of the long-running server ({@code serve}), read once at start and validated.
 *
 * @param port   {@code PORT}, where the HTTP server listens (default 3000; 0 picks a free port)
 * @param admins {@code IP4BOT_ADMINS}, comma-separated user IDs (Slack member IDs, later Teams AAD object IDs) who may
 *               reload the corpus; empty means nobody may
 * @param slack  Slack's settings, or empty when the Slack app is off
 */
public record ServerSettings(int port, Set<String> admins, Optional<SlackSettings> slack) {

    public static final int DEFAULT_PORT = 3000;

    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public ServerSettings {
        if (port < 0 || port > 65_535) {
            throw new ConfigException("PORT must be between 0 and 65535 (0 picks a free port), was " + port);
        }
        admins = Set.copyOf(Objects.requireNonNull(admins, "admins"));
        for (String admin : admins) {
            if (!USER_ID.matcher(admin).matches()) {
                throw new ConfigException("IP4BOT_ADMINS must be a comma-separated list of user IDs such as "
                        + "U012AB3CD,U045EF6GH; '" + admin + "' is not one");
            }
        }
        Objects.requireNonNull(slack, "slack");
    }

    /** Reads {@code PORT}, {@code IP4BOT_ADMINS} and Slack's variables; a malformed value fails here, named. */
    public static ServerSettings fromEnvironment(Map<String, String> env) {
        return new ServerSettings(port(env.get("PORT")), admins(env.get("IP4BOT_ADMINS")),
                SlackSettings.fromEnvironment(env));
    }

    public ServerSettings withPort(int newPort) {
        return new ServerSettings(newPort, admins, slack);
    }

    private static int port(String raw) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT_PORT;
        }
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw new ConfigException("PORT must be a whole number such as 3000, was '" + raw + "'");
        }
    }

    private static Set<String> admins(String raw) {
        if (raw == null || raw.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(raw.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
