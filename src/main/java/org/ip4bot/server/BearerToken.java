package org.ip4bot.server;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Checks {@code Authorization: Bearer <token>} in constant time. Both sides are hashed first, so not even the
 * token's length leaks through timing. Never logs or returns the token.
 */
final class BearerToken {

    private final byte[] expectedHash;

    BearerToken(String token) {
        this.expectedHash = sha256(token);
    }

    boolean accepts(HttpServletRequest req) {
        String header = req.getHeader("Authorization");
        String presented = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).strip() : "";
        // Compare even when nothing was presented, so a missing header costs the same as a wrong one.
        return MessageDigest.isEqual(expectedHash, sha256(presented)) && !presented.isEmpty();
    }

    /**
     * Lets the request through, or answers it with 401, a {@code WWW-Authenticate: Bearer} challenge and a JSON
     * error, and returns false. Every endpoint behind a token refuses the same way.
     */
    boolean admits(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (accepts(req)) {
            return true;
        }
        resp.setStatus(401);
        resp.setHeader("WWW-Authenticate", "Bearer");
        resp.setContentType("application/json;charset=utf-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.getWriter().write("{\"error\":\"missing or wrong bearer token\"}");
        return false;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
