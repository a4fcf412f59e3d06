package org.ip4bot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServerSettingsTest {

    @Test
    void anEmptyEnvironmentListensOn3000WithSlackOffAndNoAdmins() {
        // when
        ServerSettings settings = ServerSettings.fromEnvironment(Map.of());

        // then
        assertEquals(new ServerSettings(3000, Set.of(), Optional.empty()), settings);
    }

    @Test
    void bothSlackCredentialsTurnSlackOnWithTheDefaultApiUrl() {
        // when
        ServerSettings settings = ServerSettings.fromEnvironment(Map.of("SLACK_BOT_TOKEN", "xoxb-1-2-abc",
                "SLACK_SIGNING_SECRET", "s3cret", "PORT", " 8080 ", "IP4BOT_ADMINS", "U012AB3CD, U045EF6GH,,"));

        // then
        assertEquals(8080, settings.port());
        assertEquals(Set.of("U012AB3CD", "U045EF6GH"), settings.admins());
        SlackSettings slack = settings.slack().orElseThrow();
        assertEquals("xoxb-1-2-abc", slack.botToken());
        assertEquals("s3cret", slack.signingSecret());
        assertEquals("https://slack.com/api/", slack.apiUrl());
    }

    @Test
    void oneSlackCredentialWithoutTheOtherFailsNamingTheMissingOne() {
        ConfigException noSecret = assertThrows(ConfigException.class,
                () -> ServerSettings.fromEnvironment(Map.of("SLACK_BOT_TOKEN", "xoxb-1")));
        ConfigException noToken = assertThrows(ConfigException.class,
                () -> ServerSettings.fromEnvironment(Map.of("SLACK_SIGNING_SECRET", "s3cret", "SLACK_BOT_TOKEN", " ")));

        assertTrue(noSecret.getMessage().startsWith("SLACK_SIGNING_SECRET is not set"), noSecret.getMessage());
        assertTrue(noToken.getMessage().startsWith("SLACK_BOT_TOKEN is not set"), noToken.getMessage());
        assertFalse(noSecret.getMessage().contains("xoxb-1"), "the token never appears in messages");
    }

    @Test
    void theApiUrlAlwaysEndsWithASlashAndMustBeHttp() {
        assertEquals("http://127.0.0.1:9999/api/", new SlackSettings("t", "s", "http://127.0.0.1:9999/api").apiUrl());
        assertEquals("https://slack.com/api/", new SlackSettings("t", "s", "https://slack.com/api/").apiUrl());
        ConfigException bad = assertThrows(ConfigException.class, () -> new SlackSettings("t", "s", "slack.com/api"));
        assertTrue(bad.getMessage().startsWith("SLACK_API_URL must be an http(s) address"), bad.getMessage());
    }

    @Test
    void theTokenAndSecretNeverAppearInToString() {
        // given
        SlackSettings slack = new SlackSettings("xoxb-very-secret-token", "signing-secret-value",
                SlackSettings.DEFAULT_API_URL);

        // when
        String shown = new ServerSettings(3000, Set.of(), Optional.of(slack)).toString();

        // then
        assertFalse(shown.contains("xoxb-very-secret-token") || shown.contains("signing-secret-value"), shown);
        assertTrue(shown.contains("https://slack.com/api/"), shown);
    }

    @Test
    void malformedPortsAndAdminsFailNamingTheSetting() {
        assertTrue(assertThrows(ConfigException.class, () -> ServerSettings.fromEnvironment(Map.of("PORT", "http")))
                .getMessage().startsWith("PORT must be a whole number"));
        assertTrue(assertThrows(ConfigException.class, () -> ServerSettings.fromEnvironment(Map.of("PORT", "70000")))
                .getMessage().startsWith("PORT must be between 0 and 65535"));
        assertTrue(assertThrows(ConfigException.class,
                () -> ServerSettings.fromEnvironment(Map.of("IP4BOT_ADMINS", "U1 U2; drop table")))
                .getMessage().startsWith("IP4BOT_ADMINS must be a comma-separated list"));
    }
}
