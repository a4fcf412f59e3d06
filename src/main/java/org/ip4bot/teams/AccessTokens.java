package org.ip4bot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.ip4bot.Ip4botException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's own access token for the Connector, from the client-credentials grant of its single-tenant app
 * registration. Cached and reused until {@link #REFRESH_BEFORE_EXPIRY} before it expires, so many replies cost one
 * token request; refreshes run one at a time. The client secret goes to the token endpoint only and is never logged.
 * Thread-safe.
 */
final class AccessTokens {

    private static final Logger LOG = LoggerFactory.getLogger(AccessTokens.class);

    static final String SCOPE = "https://api.botframework.com/.default";
    static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofMinutes(5);
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final Retries retries;
    private final URI tokenUrl;
    private final String form;
    private final Clock clock;
    private String token;
    private Instant refreshAt = Instant.MIN;

    AccessTokens(Retries retries, URI tokenUrl, String appId, String appPassword, Clock clock) {
        this.retries = retries;
        this.tokenUrl = tokenUrl;
        this.clock = clock;
        this.form = Map.of("grant_type", "client_credentials", "client_id", appId, "client_secret", appPassword,
                        "scope", SCOPE).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .sorted().collect(Collectors.joining("&"));
    }

    /** A token valid for at least a few more minutes. @throws Ip4botException when none can be had */
    synchronized String current() {
        if (token == null || !clock.instant().isBefore(refreshAt)) {
            fetch();
        }
        return token;
    }

    /** Forgets the cached token, after the Connector refused it. */
    synchronized void invalidate() {
        token = null;
    }

    private void fetch() {
        HttpResponse<String> response = retries.send(() -> HttpRequest.newBuilder(tokenUrl).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), "the token request to " + tokenUrl);
        JsonNode body = response.body().isBlank() ? Json.object()
                : Json.parse(response.body(), "the token endpoint's answer");
        String accessToken = body.path("access_token").asText("");
        if (response.statusCode() != 200 || accessToken.isEmpty()) {
            // Entra's error codes (e.g. invalid_client, AADSTS7000215 for a wrong secret) never include the secret.
            throw new Ip4botException("could not get a Bot Framework token from " + tokenUrl + ": HTTP "
                    + response.statusCode() + " " + body.path("error").asText("") + ". Check MICROSOFT_APP_ID, "
                    + "MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID");
        }
        Duration lifetime = Duration.ofSeconds(body.path("expires_in").asLong(3600));
        // A token shorter-lived than the margin is used for half its life rather than refetched on every call.
        Duration use = lifetime.compareTo(REFRESH_BEFORE_EXPIRY.multipliedBy(2)) > 0
                ? lifetime.minus(REFRESH_BEFORE_EXPIRY) : lifetime.dividedBy(2);
        token = accessToken;
        refreshAt = clock.instant().plus(use);
        LOG.info("got a Bot Framework token valid for {} s", lifetime.toSeconds());
    }
}
