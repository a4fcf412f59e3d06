package org.ip4bot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LogFormatTest {

    @Test
    void unsetMeansTextAndJsonIsRead() {
        assertEquals(LogFormat.TEXT, LogFormat.fromEnvironment(Map.of()));
        assertEquals(LogFormat.TEXT, LogFormat.fromEnvironment(Map.of("IP4BOT_LOG_FORMAT", "text")));
        assertEquals(LogFormat.JSON, LogFormat.fromEnvironment(Map.of("IP4BOT_LOG_FORMAT", "json")));
    }

    @Test
    void anyOtherValueFailsNamingTheSettingAndTheChoices() {
        for (String bad : new String[] {"xml", "JSON", " json", ""}) {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> LogFormat.fromEnvironment(Map.of("IP4BOT_LOG_FORMAT", bad)));
            assertTrue(e.getMessage().startsWith("IP4BOT_LOG_FORMAT must be one of text, json"), e.getMessage());
            assertTrue(e.getMessage().endsWith("was '" + bad + "'"), e.getMessage());
        }
    }
}
