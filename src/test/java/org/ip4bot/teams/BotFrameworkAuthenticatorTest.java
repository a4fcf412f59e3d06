package org.ip4bot.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The checks on their own, against the fake Microsoft's keys, without the server around them. */
class BotFrameworkAuthenticatorTest {

    private static FakeBotFramework microsoft;
    private static BotFrameworkAuthenticator authenticator;
    private static TeamsSender sender;

    @BeforeAll
    static void start() {
        microsoft = new FakeBotFramework();
        SigningKeys keys = new SigningKeys(HttpClient.newHttpClient(),
                URI.create(microsoft.environment().get("BOTFRAMEWORK_OPENID_METADATA_URL")), Clock.systemUTC());
        authenticator = new BotFrameworkAuthenticator(keys, FakeBotFramework.APP_ID, Clock.systemUTC());
        sender = new TeamsSender(1, microsoft);
    }

    @AfterAll
    static void stop() {
        microsoft.close();
    }

    @Test
    void aGenuineActivityPassesEveryCheck() {
        // given
        byte[] body = body();

        // when
        Activity activity = authenticator.authenticate("Bearer " + sender.validToken(), body);

        // then
        assertEquals("message", activity.type());
        assertEquals("auth-1", activity.id());
    }

    /** Here rather than over HTTP: Jetty's per-connection header cache may hand back an earlier, identical line. */
    @Test
    void onlyTheExactBearerSchemeIsAccepted() {
        // given
        String token = sender.validToken();

        // when / then
        for (String header : new String[] {"bearer " + token, "BEARER " + token, "Bearer  " + token, "Bearer", token}) {
            RejectedException e = assertThrows(RejectedException.class, () -> authenticator.authenticate(header,
                    body()), header);
            assertEquals(Check.BEARER, e.check());
        }
    }

    private static byte[] body() {
        return sender.personalMessage("auth-1", "a:auth", "help").toString().getBytes(StandardCharsets.UTF_8);
    }
}
