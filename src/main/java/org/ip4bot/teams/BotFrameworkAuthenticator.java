package org.ip4bot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.ip4bot.Ip4botException;

/**
 * Decides whether a request to the messaging endpoint really comes from the Bot Framework Connector on behalf of
 * Teams: the eight checks of the Bot Framework's channel authentication, as strict as Microsoft's own SDKs. There is
 * no way to turn any of them off. Stateless apart from the key cache; thread-safe.
 */
final class BotFrameworkAuthenticator {

    /** The only issuer of Connector-to-bot tokens, single-tenant bots included. */
    static final String ISSUER = "https://api.botframework.com";
    /** The SDKs' allow-list; the metadata advertises RS256. Never {@code none} or an HMAC. */
    static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512);
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    static final String TEAMS_CHANNEL = "msteams";
    /** Connector tokens are about 1-2 KB; far longer is not one. */
    private static final int MAX_TOKEN_CHARS = 16 * 1024;

    private final SigningKeys keys;
    private final String appId;
    private final Clock clock;

    BotFrameworkAuthenticator(SigningKeys keys, String appId, Clock clock) {
        this.keys = keys;
        this.appId = appId;
        this.clock = clock;
    }

    /**
     * Runs every check, in order, and returns the activity only when all pass.
     *
     * @param authorization the {@code Authorization} header, or null
     * @param body          the request body as received
     * @throws RejectedException        naming the first check that failed
     * @throws KeysUnavailableException when the signing keys cannot be fetched, so nothing can be checked
     */
    Activity authenticate(String authorization, byte[] body) {
        SignedJWT jwt = signedToken(bearerToken(authorization));
        SigningKeys.SigningKey key = verifiedKey(jwt);
        JWTClaimsSet claims = claims(jwt);
        requireIssuer(claims);
        requireAudience(claims);
        requireLifetime(claims);
        Activity activity = activity(body);
        requireEndorsement(key, activity);
        requireServiceUrl(claims, activity);
        return activity;
    }

    /** Check 1. */
    private static String bearerToken(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw new RejectedException(Check.BEARER, "no Authorization header");
        }
        String[] parts = authorization.split(" ", -1);
        if (parts.length != 2 || !"Bearer".equals(parts[0]) || parts[1].isEmpty()) {
            throw new RejectedException(Check.BEARER, "the Authorization header is not 'Bearer <token>'");
        }
        if (parts[1].length() > MAX_TOKEN_CHARS) {
            throw new RejectedException(Check.BEARER, "the bearer token is " + parts[1].length() + " characters long");
        }
        return parts[1];
    }

    /** Check 2: the algorithm comes from the header, but only a listed RSA one gets as far as a key. */
    private static SignedJWT signedToken(String token) {
        JWT parsed;
        try {
            parsed = JWTParser.parse(token);
        } catch (ParseException e) {
            throw new RejectedException(Check.ALGORITHM, "the bearer token is not a JWT: " + e.getMessage());
        }
        if (!(parsed instanceof SignedJWT jwt)) {
            throw new RejectedException(Check.ALGORITHM, "the token is not signed (alg "
                    + parsed.getHeader().getAlgorithm() + ")");
        }
        if (!ALGORITHMS.contains(jwt.getHeader().getAlgorithm())) {
            throw new RejectedException(Check.ALGORITHM, "the token is signed with " + jwt.getHeader().getAlgorithm()
                    + ", which is not allowed");
        }
        return jwt;
    }

    /** Check 3: the key is chosen by {@code kid} from the Connector's set, and must be RSA. */
    private SigningKeys.SigningKey verifiedKey(SignedJWT jwt) {
        String kid = jwt.getHeader().getKeyID();
        if (kid == null || kid.isBlank()) {
            throw new RejectedException(Check.SIGNATURE, "the token names no signing key (kid)");
        }
        SigningKeys.SigningKey key = keys.find(kid).orElseThrow(() -> new RejectedException(Check.SIGNATURE,
                "the token's signing key '" + kid + "' is not one of the Bot Framework's keys"));
        try {
            if (!jwt.verify(new RSASSAVerifier(key.key()))) {
                throw new RejectedException(Check.SIGNATURE, "the token's signature does not verify with key '"
                        + kid + "'");
            }
        } catch (JOSEException e) {
            throw new RejectedException(Check.SIGNATURE, "the token's signature cannot be checked with key '" + kid
                    + "': " + e.getMessage());
        }
        return key;
    }

    private static JWTClaimsSet claims(SignedJWT jwt) {
        try {
            return jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new RejectedException(Check.ISSUER, "the token's claims cannot be read: " + e.getMessage());
        }
    }

    /** Check 4. */
    private static void requireIssuer(JWTClaimsSet claims) {
        if (!ISSUER.equals(claims.getIssuer())) {
            throw new RejectedException(Check.ISSUER, "the token's issuer is '" + claims.getIssuer() + "', not "
                    + ISSUER);
        }
    }

    /** Check 5. */
    private void requireAudience(JWTClaimsSet claims) {
        List<String> audience = claims.getAudience();
        if (audience == null || !audience.contains(appId)) {
            throw new RejectedException(Check.AUDIENCE, "the token is for " + audience + ", not this bot");
        }
    }

    /** Check 6: expiry is required; both ends get the SDKs' five minutes of clock skew. */
    private void requireLifetime(JWTClaimsSet claims) {
        Instant now = clock.instant();
        Date expires = claims.getExpirationTime();
        if (expires == null) {
            throw new RejectedException(Check.LIFETIME, "the token has no expiry");
        }
        if (now.isAfter(expires.toInstant().plus(CLOCK_SKEW))) {
            throw new RejectedException(Check.LIFETIME, "the token expired at " + expires.toInstant());
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && now.isBefore(notBefore.toInstant().minus(CLOCK_SKEW))) {
            throw new RejectedException(Check.LIFETIME, "the token is not valid before " + notBefore.toInstant());
        }
    }

    /** The body is parsed only now, after the token is known to be the Connector's, and nothing acts on it yet. */
    private static Activity activity(byte[] body) {
        try {
            JsonNode json = Json.parse(new String(body, StandardCharsets.UTF_8), "the activity");
            if (!json.isObject()) {
                throw new RejectedException(Check.BODY, "the body is not an activity object");
            }
            return new Activity(json);
        } catch (Ip4botException e) {
            throw e instanceof RejectedException r ? r : new RejectedException(Check.BODY, e.getMessage());
        }
    }

    /** Check 7, as the .NET SDK does it: a key with no endorsements at all is refused too. */
    private static void requireEndorsement(SigningKeys.SigningKey key, Activity activity) {
        if (!TEAMS_CHANNEL.equals(activity.channelId())) {
            throw new RejectedException(Check.ENDORSEMENT, "the activity's channel is '" + activity.channelId()
                    + "', not " + TEAMS_CHANNEL);
        }
        if (!key.endorsements().contains(activity.channelId())) {
            throw new RejectedException(Check.ENDORSEMENT, "signing key '" + key.kid() + "' is not endorsed for "
                    + TEAMS_CHANNEL);
        }
    }

    /** Check 8: exact, so a token minted for one Connector cannot send the bot's replies (and token) to another. */
    private static void requireServiceUrl(JWTClaimsSet claims, Activity activity) {
        String claimed;
        try {
            claimed = claims.getStringClaim("serviceurl");
        } catch (ParseException e) {
            claimed = null;
        }
        if (claimed == null || claimed.isEmpty()) {
            throw new RejectedException(Check.SERVICE_URL, "the token has no serviceurl claim");
        }
        if (!claimed.equals(activity.serviceUrl())) {
            throw new RejectedException(Check.SERVICE_URL, "the token's serviceurl is not the activity's serviceUrl");
        }
    }
}
