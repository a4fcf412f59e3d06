package org.ip4bot.config;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of the operator-facing HTTP endpoints, read once at start. Tokens are secrets: {@link #toString()} never
 * shows them.
 *
 * @param adminToken {@code IP4BOT_ADMIN_TOKEN}: the bearer token for {@code /admin/*}; empty turns those endpoints off
 * @param apiToken   {@code IP4BOT_API_TOKEN}: the bearer token for {@code /api/ask} and {@code /api/brief}; empty
 *                   turns the question API off
 * @param watch      {@code IP4BOT_WATCH}: {@code true} reloads, debounced, when files under the corpus change
 */
public record OperationsSettings(Optional<String> adminToken, Optional<String> apiToken, boolean watch) {

    /** Both APIs off. */
    public static final OperationsSettings OFF = new OperationsSettings(Optional.empty(), Optional.empty(), false);

    /** Shorter tokens are guessable; a generated one ({@code openssl rand -hex 32}) is 64 characters. */
    static final int MIN_TOKEN_CHARS = 16;

    public OperationsSettings {
        Objects.requireNonNull(adminToken, "adminToken");
        Objects.requireNonNull(apiToken, "apiToken");
        check("IP4BOT_ADMIN_TOKEN", adminToken);
        check("IP4BOT_API_TOKEN", apiToken);
    }

    /** Both APIs as given, watch mode off. */
    public OperationsSettings(Optional<String> adminToken, Optional<String> apiToken) {
        this(adminToken, apiToken, false);
    }

    public static OperationsSettings fromEnvironment(Map<String, String> env) {
        return new OperationsSettings(token(env.get("IP4BOT_ADMIN_TOKEN")), token(env.get("IP4BOT_API_TOKEN")),
                watch(env.get("IP4BOT_WATCH")));
    }

    private static boolean watch(String raw) {
        if (raw == null || raw.isBlank() || raw.strip().equalsIgnoreCase("false")) {
            return false;
        }
        if (raw.strip().equalsIgnoreCase("true")) {
            return true;
        }
        throw new ConfigException("IP4BOT_WATCH must be true or false, was '" + raw + "'");
    }

    @Override
    public String toString() {
        return "OperationsSettings[adminToken=" + (adminToken.isPresent() ? "(set)" : "(off)") + ", apiToken="
                + (apiToken.isPresent() ? "(set)" : "(off)") + ", watch=" + watch + "]";
    }

    private static Optional<String> token(String raw) {
        return raw == null || raw.isBlank() ? Optional.empty() : Optional.of(raw.strip());
    }

    private static void check(String name, Optional<String> token) {
        token.ifPresent(t -> {
            if (t.length() < MIN_TOKEN_CHARS || t.chars().anyMatch(c -> c <= ' ' || c > '~')) {
                throw new ConfigException(name + " must be at least " + MIN_TOKEN_CHARS + " printable ASCII "
                        + "characters without spaces (generate one with 'openssl rand -hex 32'), or unset to turn "
                        + "the endpoints off");
            }
        });
    }
}
