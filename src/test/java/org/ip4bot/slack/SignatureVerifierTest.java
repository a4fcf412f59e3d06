package org.ip4bot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SignatureVerifierTest {

    // Slack's documented example request (signing secret, timestamp, body and signature).
    private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final String TIMESTAMP = "1531420618";
    private static final String BODY = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&"
            + "channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-"
            + "collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F"
            + "96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private static final String SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private final SignatureVerifier atThatTime = new SignatureVerifier(SECRET, () -> 1531420618L + 30);

    @Test
    void slacksDocumentedExampleVerifies() {
        assertEquals(SIGNATURE, atThatTime.sign(TIMESTAMP, bytes(BODY)));
        assertTrue(atThatTime.verify(TIMESTAMP, SIGNATURE, bytes(BODY)));
    }

    @Test
    void aChangedBodyTimestampOrSecretFails() {
        assertFalse(atThatTime.verify(TIMESTAMP, SIGNATURE, bytes(BODY + "&x=1")));
        assertFalse(atThatTime.verify("1531420619", SIGNATURE, bytes(BODY)));
        assertFalse(new SignatureVerifier("another-secret", () -> 1531420618L).verify(TIMESTAMP, SIGNATURE,
                bytes(BODY)));
    }

    @Test
    void missingOrMalformedHeadersFail() {
        assertFalse(atThatTime.verify(null, SIGNATURE, bytes(BODY)));
        assertFalse(atThatTime.verify(TIMESTAMP, null, bytes(BODY)));
        assertFalse(atThatTime.verify("yesterday", SIGNATURE, bytes(BODY)));
        assertFalse(atThatTime.verify(TIMESTAMP, "v0=", bytes(BODY)));
    }

    @Test
    void aRequestMoreThanFiveMinutesOldOrAheadFails() {
        SignatureVerifier later = new SignatureVerifier(SECRET, () -> 1531420618L + 301);
        SignatureVerifier earlier = new SignatureVerifier(SECRET, () -> 1531420618L - 301);
        SignatureVerifier justInTime = new SignatureVerifier(SECRET, () -> 1531420618L + 300);

        assertFalse(later.verify(TIMESTAMP, SIGNATURE, bytes(BODY)));
        assertFalse(earlier.verify(TIMESTAMP, SIGNATURE, bytes(BODY)));
        assertTrue(justInTime.verify(TIMESTAMP, SIGNATURE, bytes(BODY)));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
