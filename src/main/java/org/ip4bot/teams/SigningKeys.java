package org.ip4bot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ip4bot.Ip4botException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys the Bot Framework Connector signs its tokens with, each with its {@code endorsements} (the channels it may
 * sign for), read from the OpenID metadata's {@code jwks_uri}.
 *
 * <p>Cache rules, as the SDKs keep them: the set is fetched on first use and again once it is a day old; a {@code kid}
 * that is not in the set causes one refresh, at most once an hour. Refreshes run one at a time. When a refresh fails
 * the last good set stays in use, but a {@code kid} absent from it is never accepted. Thread-safe.
 */
final class SigningKeys {

    private static final Logger LOG = LoggerFactory.getLogger(SigningKeys.class);

    static final Duration MAX_AGE = Duration.ofHours(24);
    static final Duration UNKNOWN_KID_REFRESH = Duration.ofHours(1);
    /** After a failed fetch, requests are refused at once rather than each waiting on a dead endpoint. */
    static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(30);
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http;
    private final URI metadataUrl;
    private final Clock clock;
    private final Object refreshing = new Object();
    private volatile KeySet current;
    private Instant lastAttempt;

    SigningKeys(HttpClient http, URI metadataUrl, Clock clock) {
        this.http = http;
        this.metadataUrl = metadataUrl;
        this.clock = clock;
    }

    /**
     * The key with this {@code kid}, refreshing the set first when the rules above say so.
     *
     * @throws KeysUnavailableException when no key set could ever be fetched
     */
    Optional<SigningKey> find(String kid) {
        KeySet set = current;
        Instant now = clock.instant();
        if (set == null || set.fetchedAt().plus(MAX_AGE).isBefore(now)) {
            set = refresh(set, RETRY_AFTER_FAILURE);
        } else if (!set.keys().containsKey(kid)) {
            set = refresh(set, UNKNOWN_KID_REFRESH);
        }
        if (set == null) {
            throw new KeysUnavailableException("the Bot Framework signing keys could not be fetched from "
                    + metadataUrl);
        }
        return Optional.ofNullable(set.keys().get(kid));
    }

    /** Single-flight: a caller that finds another's refresh already done uses its result. */
    private KeySet refresh(KeySet seen, Duration minInterval) {
        synchronized (refreshing) {
            Instant now = clock.instant();
            if (current != seen || lastAttempt != null && lastAttempt.plus(minInterval).isAfter(now)) {
                return current;
            }
            lastAttempt = now;
            try {
                current = new KeySet(fetch(), now);
                LOG.info("fetched {} Bot Framework signing keys", current.keys().size());
            } catch (Ip4botException e) {
                LOG.warn("could not refresh the Bot Framework signing keys{}: {}",
                        current == null ? "" : " (keeping the last good set)", e.getMessage());
            }
            return current;
        }
    }

    private Map<String, SigningKey> fetch() {
        JsonNode metadata = Json.parse(get(metadataUrl), "the OpenID metadata at " + metadataUrl);
        String jwks = metadata.path("jwks_uri").asText("");
        URI jwksUri = trusted(jwks);
        JsonNode keys = Json.parse(get(jwksUri), "the key set at " + jwksUri).path("keys");
        Map<String, SigningKey> byKid = new HashMap<>();
        for (JsonNode key : keys) {
            signingKey(key).ifPresent(k -> byKid.put(k.kid(), k));
        }
        if (byKid.isEmpty()) {
            throw new Ip4botException("the key set at " + jwksUri + " holds no usable RSA signing key");
        }
        return byKid;
    }

    /** Non-RSA keys and keys for encryption are ignored, as are keys a JWK parser refuses. */
    private static Optional<SigningKey> signingKey(JsonNode node) {
        if (!"RSA".equals(node.path("kty").asText()) || node.path("kid").asText("").isEmpty()) {
            return Optional.empty();
        }
        try {
            RSAKey key = RSAKey.parse(node.toString());
            if (key.getKeyUse() != null && !KeyUse.SIGNATURE.equals(key.getKeyUse())) {
                return Optional.empty();
            }
            // Generic JWK parsers drop unknown members, so the endorsements are read from the raw JSON.
            Set<String> endorsements = new HashSet<>();
            node.path("endorsements").forEach(e -> endorsements.add(e.asText()));
            return Optional.of(new SigningKey(key.getKeyID(), key, endorsements));
        } catch (ParseException e) {
            LOG.warn("ignored signing key {}: {}", node.path("kid").asText(), e.getMessage());
            return Optional.empty();
        }
    }

    /** The key set must come over TLS, or from the same loopback harness the metadata came from. */
    private URI trusted(String jwksUri) {
        try {
            URI uri = URI.create(jwksUri);
            boolean tls = "https".equals(uri.getScheme()) && uri.getHost() != null;
            boolean sameHarness = "http".equals(uri.getScheme()) && uri.getHost() != null
                    && uri.getHost().equals(metadataUrl.getHost()) && !"https".equals(metadataUrl.getScheme());
            if (tls || sameHarness) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new Ip4botException("the OpenID metadata at " + metadataUrl + " names no usable https jwks_uri: '"
                + jwksUri + "'");
    }

    private String get(URI uri) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(FETCH_TIMEOUT).GET()
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new Ip4botException("GET " + uri + " answered HTTP " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new Ip4botException("GET " + uri + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Ip4botException("interrupted while fetching " + uri, e);
        }
    }

    /** One RSA signing key and the channels it is endorsed for. */
    record SigningKey(String kid, RSAKey key, Set<String> endorsements) {
        SigningKey {
            endorsements = Set.copyOf(endorsements);
        }
    }

    private record KeySet(Map<String, SigningKey> keys, Instant fetchedAt) {
        KeySet {
            keys = Map.copyOf(keys);
        }
    }
}
