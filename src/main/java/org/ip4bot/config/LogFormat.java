package org.ip4bot.config;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How log lines are written to stderr ({@code IP4BOT_LOG_FORMAT}): {@code text} (the default), or {@code json} for
 * log collectors, one JSON object a line. {@code logback.xml} reads the variable itself, naming an appender after
 * the value; this check runs first at start, so a value logback would not know fails with a message instead of
 * silencing the logs.
 */
public enum LogFormat {
    TEXT("text"), JSON("json");

    public static final String VARIABLE = "IP4BOT_LOG_FORMAT";

    private final String setting;

    LogFormat(String setting) {
        this.setting = setting;
    }

    /** The value as written in {@value #VARIABLE}. */
    public String setting() {
        return setting;
    }

    /**
     * Reads {@value #VARIABLE}; unset means {@link #TEXT}. The value must be exactly {@code text} or {@code json}:
     * logback matches it to an appender's name as it is.
     *
     * @throws ConfigException for any other value, blank included
     */
    public static LogFormat fromEnvironment(Map<String, String> env) {
        String raw = env.get(VARIABLE);
        if (raw == null) {
            return TEXT;
        }
        return Arrays.stream(values()).filter(f -> f.setting.equals(raw)).findFirst()
                .orElseThrow(() -> new ConfigException(VARIABLE + " must be one of "
                        + Arrays.stream(values()).map(LogFormat::setting).collect(Collectors.joining(", "))
                        + " (lower case), or unset for text; was '" + raw + "'"));
    }
}
