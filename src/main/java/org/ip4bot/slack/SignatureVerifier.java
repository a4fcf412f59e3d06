package org.ip4bot.slack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.ip4bot.Ip4botException;

/**
 * Checks that a request came from Slack: the {@code X-Slack-Signature} header must be {@code v0=} and the hex
 * HMAC-SHA256, keyed with the signing secret, of {@code v0:<timestamp>:<raw body>}; and the
 * {@code X-Slack-Request-Timestamp} must be within five minutes of now, so a captured request cannot be replayed.
 * Thread-safe.
 */
final class SignatureVerifier {

    static final long MAX_AGE_SECONDS = 5 * 60;

    private final SecretKeySpec key;
    private final LongSupplier nowEpochSeconds;

    SignatureVerifier(String signingSecret, LongSupplier nowEpochSeconds) {
        this.key = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.nowEpochSeconds = nowEpochSeconds;
    }

    /** @return true only for a well-formed, fresh, correctly signed request */
    boolean verify(String timestamp, String signature, byte[] body) {
        if (timestamp == null || signature == null || !timestamp.matches("\\d{1,12}")) {
            return false;
        }
        if (Math.abs(nowEpochSeconds.getAsLong() - Long.parseLong(timestamp)) > MAX_AGE_SECONDS) {
            return false;
        }
        byte[] expected = sign(timestamp, body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.strip().getBytes(StandardCharsets.US_ASCII));
    }

    /** The signature Slack would send for this timestamp and body. */
    String sign(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new Ip4botException("HmacSHA256 is not available in this Java runtime", e);
        }
    }
}
