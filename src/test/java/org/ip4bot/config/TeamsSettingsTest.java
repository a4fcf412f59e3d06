package org.ip4bot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TeamsSettingsTest {

    private static final String APP_ID = "0b5c6c39-6d4f-4a3e-9a3b-4d1c2f7e8a90";
    private static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    private static Map<String, String> credentials() {
        Map<String, String> env = new HashMap<>();
        env.put("MICROSOFT_APP_ID", APP_ID);
        env.put("MICROSOFT_APP_PASSWORD", "s3cret~value");
        env.put("MICROSOFT_APP_TENANT_ID", TENANT);
        return env;
    }

    @Test
    void teamsIsOffWhenNoneOfItsCredentialsIsSet() {
        assertTrue(TeamsSettings.fromEnvironment(Map.of("PORT", "3000")).isEmpty());
    }

    @Test
    void aPartialSetupRefusesToStartNamingWhatIsMissing() {
        // given
        Map<String, String> env = credentials();
        env.remove("MICROSOFT_APP_PASSWORD");
        env.put("MICROSOFT_APP_TENANT_ID", " ");

        // when
        ConfigException e = assertThrows(ConfigException.class, () -> TeamsSettings.fromEnvironment(env));

        // then
        assertTrue(e.getMessage().startsWith("MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID are not set"),
                e.getMessage());
    }

    @Test
    void productionUsesMicrosoftsEndpointsWithTheTenantsTokenUrlAndNeverShowsThePassword() {
        // when
        TeamsSettings settings = TeamsSettings.fromEnvironment(credentials()).orElseThrow();

        // then
        assertEquals("https://login.botframework.com/v1/.well-known/openidconfiguration",
                settings.openIdMetadataUrl());
        assertEquals("https://login.microsoftonline.com/" + TENANT + "/oauth2/v2.0/token", settings.tokenUrl());
        assertTrue(settings.overrides().isEmpty());
        assertFalse(settings.toString().contains("s3cret"), settings.toString());
    }

    @Test
    void endpointOverridesAreAcceptedOnlyOnLoopback() {
        // given
        Map<String, String> local = credentials();
        local.put("BOTFRAMEWORK_OPENID_METADATA_URL", "http://127.0.0.1:8089/v1/.well-known/openidconfiguration");
        local.put("BOTFRAMEWORK_TOKEN_URL", "http://localhost:8089/" + TENANT + "/oauth2/v2.0/token");
        Map<String, String> remote = credentials();
        remote.put("BOTFRAMEWORK_OPENID_METADATA_URL", "https://attacker.example/v1/.well-known/openidconfiguration");

        // when
        TeamsSettings settings = TeamsSettings.fromEnvironment(local).orElseThrow();
        ConfigException e = assertThrows(ConfigException.class, () -> TeamsSettings.fromEnvironment(remote));

        // then
        assertEquals(2, settings.overrides().size());
        assertTrue(e.getMessage().startsWith("BOTFRAMEWORK_OPENID_METADATA_URL may only point at a local test "
                + "harness"), e.getMessage());
    }

    @Test
    void anAppIdThatIsNotAGuidIsRefusedNamingTheSetting() {
        // given
        Map<String, String> env = credentials();
        env.put("MICROSOFT_APP_ID", "my-bot");

        // when
        ConfigException e = assertThrows(ConfigException.class, () -> TeamsSettings.fromEnvironment(env));

        // then
        assertTrue(e.getMessage().startsWith("MICROSOFT_APP_ID must be"), e.getMessage());
    }
}
