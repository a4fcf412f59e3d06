package org.ip4bot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OperationsSettingsTest {

    @Test
    void unsetTokensTurnTheApisOffAndWatchModeDefaultsToOff() {
        OperationsSettings settings = OperationsSettings.fromEnvironment(Map.of());
        assertEquals(OperationsSettings.OFF, settings);
    }

    @Test
    void tokensAndWatchAreReadAndNeverShownByToString() {
        // when
        OperationsSettings settings = OperationsSettings.fromEnvironment(Map.of(
                "IP4BOT_ADMIN_TOKEN", " admin-0123456789abcdef ", "IP4BOT_API_TOKEN", "api-0123456789abcdef",
                "IP4BOT_WATCH", "TRUE"));

        // then
        assertEquals(Optional.of("admin-0123456789abcdef"), settings.adminToken());
        assertEquals(Optional.of("api-0123456789abcdef"), settings.apiToken());
        assertTrue(settings.watch());
        assertFalse(settings.toString().contains("0123456789"), settings.toString());
    }

    @Test
    void aShortTokenOrAMalformedWatchFlagFailsAtStartNamingTheSetting() {
        ConfigException shortToken = assertThrows(ConfigException.class,
                () -> OperationsSettings.fromEnvironment(Map.of("IP4BOT_ADMIN_TOKEN", "secret")));
        assertTrue(shortToken.getMessage().startsWith("IP4BOT_ADMIN_TOKEN must be at least 16"));
        assertFalse(shortToken.getMessage().contains("secret'"));
        ConfigException watch = assertThrows(ConfigException.class,
                () -> OperationsSettings.fromEnvironment(Map.of("IP4BOT_WATCH", "yes")));
        assertTrue(watch.getMessage().contains("IP4BOT_WATCH"));
    }
}
