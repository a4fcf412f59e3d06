package org.ip4bot.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Microsoft, faked on loopback with WireMock, as section 6 of the Teams brief lays out: the Bot Framework's OpenID
 * metadata and key set (fresh RSA keys each run, with {@code endorsements}), the Entra token endpoint, and a Connector
 * that records what the bot posts and answers with an activity ID.
 */
final class FakeBotFramework implements AutoCloseable {

    static final String APP_ID = "0b5c6c39-6d4f-4a3e-9a3b-4d1c2f7e8a90";
    static final String APP_PASSWORD = "test-secret~not-for-logs";
    static final String TENANT_ID = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    static final String BOT_ACCESS_TOKEN = "bot-access-token-1";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Endorsed for Teams: what the Connector signs Teams activities with. */
    final RSAKey teamsKey = rsaKey("teams-key");
    /** Published, but endorsed only for another channel. */
    final RSAKey webChatKey = rsaKey("webchat-key");
    /** Published without any endorsements. */
    final RSAKey bareKey = rsaKey("bare-key");
    /** Never published. */
    final RSAKey unpublishedKey = rsaKey("unpublished-key");

    private final WireMockServer server = new WireMockServer(options().dynamicPort().containerThreads(40)
            .asynchronousResponseEnabled(false));

    FakeBotFramework() {
        server.start();
        server.stubFor(get(urlEqualTo("/v1/.well-known/openidconfiguration")).willReturn(okJson(
                "{\"issuer\":\"https://api.botframework.com\",\"jwks_uri\":\"" + server.baseUrl()
                        + "/v1/.well-known/keys\",\"id_token_signing_alg_values_supported\":[\"RS256\"]}")));
        server.stubFor(get(urlEqualTo("/v1/.well-known/keys")).willReturn(okJson(keySet())));
        server.stubFor(post(urlEqualTo("/" + TENANT_ID + "/oauth2/v2.0/token")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"invalid_request\"}")));
        server.stubFor(post(urlEqualTo("/" + TENANT_ID + "/oauth2/v2.0/token"))
                .withRequestBody(containing("grant_type=client_credentials"))
                .withRequestBody(containing("client_id=" + APP_ID))
                .withRequestBody(containing("client_secret=" + URLEncoder.encode(APP_PASSWORD, StandardCharsets.UTF_8)))
                .withRequestBody(containing("scope=https%3A%2F%2Fapi.botframework.com%2F.default"))
                .willReturn(okJson("{\"token_type\":\"Bearer\",\"expires_in\":3600,\"ext_expires_in\":3600,"
                        + "\"access_token\":\"" + BOT_ACCESS_TOKEN + "\"}")));
        server.stubFor(post(urlPathMatching("/v3/conversations/.*")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"{{randomValue length=12 type='NUMERIC'}}\"}")
                .withTransformers("response-template")));
    }

    /** The {@code serviceUrl} of every activity, with the trailing slash Teams sends. */
    String serviceUrl() {
        return server.baseUrl() + "/";
    }

    /** The settings {@code serve} would read for this harness. */
    Map<String, String> environment() {
        return Map.of("MICROSOFT_APP_ID", APP_ID, "MICROSOFT_APP_PASSWORD", APP_PASSWORD,
                "MICROSOFT_APP_TENANT_ID", TENANT_ID,
                "BOTFRAMEWORK_OPENID_METADATA_URL", server.baseUrl() + "/v1/.well-known/openidconfiguration",
                "BOTFRAMEWORK_TOKEN_URL", server.baseUrl() + "/" + TENANT_ID + "/oauth2/v2.0/token");
    }

    /** Publishes {@link #unpublishedKey} too, endorsed for Teams, as a key rotation would. */
    void rotateIn() {
        ObjectNode set = (ObjectNode) json(keySet());
        ((ArrayNode) set.get("keys")).add(publicJwk(unpublishedKey, List.of("msteams")));
        server.stubFor(get(urlEqualTo("/v1/.well-known/keys")).willReturn(okJson(set.toString())));
    }

    /** The key set endpoint fails from now on. */
    void breakKeySet() {
        server.stubFor(get(urlEqualTo("/v1/.well-known/keys")).willReturn(aResponse().withStatus(500)));
    }

    /** The Connector answers posts to this conversation 429 with {@code Retry-After} once, then as usual. */
    void throttleOnce(String conversationId, int retryAfterSeconds) {
        String path = "/v3/conversations/" + encode(conversationId) + "/activities/.*";
        server.stubFor(post(urlPathMatching(path)).inScenario("throttle " + conversationId)
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("throttled")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", String.valueOf(retryAfterSeconds))
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"slow down\"}}")));
        server.stubFor(post(urlPathMatching(path)).inScenario("throttle " + conversationId)
                .whenScenarioStateIs("throttled").willReturn(okJson("{\"id\":\"after-retry\"}")));
    }

    /** Every post to the Connector for one conversation, oldest first. */
    List<Posted> posts(String conversationId) {
        String prefix = "/v3/conversations/" + encode(conversationId) + "/activities";
        return server.findAll(postRequestedFor(urlPathMatching("/v3/conversations/.*"))).stream()
                .filter(r -> r.getUrl().equals(prefix) || r.getUrl().startsWith(prefix + "/"))
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate))
                .map(Posted::new).toList();
    }

    /** The message activities posted to one conversation (typing indicators left out), oldest first. */
    List<Posted> messages(String conversationId) {
        return posts(conversationId).stream().filter(p -> "message".equals(p.body().path("type").asText())).toList();
    }

    /** The activity ID the Connector gave the bot's latest message in the conversation. */
    String lastResponseId(String conversationId) {
        String prefix = "/v3/conversations/" + encode(conversationId) + "/activities";
        return server.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().startsWith(prefix)
                        && "message".equals(json(e.getRequest().getBodyAsString()).path("type").asText()))
                .max(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                .map(e -> json(e.getResponse().getBodyAsString()).path("id").asText())
                .orElseThrow(() -> new AssertionError("no message was posted to " + conversationId));
    }

    int tokenRequests() {
        return server.findAll(postRequestedFor(urlEqualTo("/" + TENANT_ID + "/oauth2/v2.0/token"))).size();
    }

    int keySetRequests() {
        return server.findAll(getRequestedFor(urlEqualTo("/v1/.well-known/keys"))).size();
    }

    /** Waits up to {@code timeout} for a post to the conversation matching {@code match}; fails the test if none. */
    Posted await(String what, String conversationId, Predicate<Posted> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<Posted> found = posts(conversationId).stream().filter(match).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what
                        + "; the Connector got " + posts(conversationId));
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    @Override
    public void close() {
        server.stop();
    }

    private String keySet() {
        ObjectNode set = JSON.createObjectNode();
        ArrayNode keys = set.putArray("keys");
        keys.add(publicJwk(teamsKey, List.of("msteams", "skype")));
        keys.add(publicJwk(webChatKey, List.of("webchat")));
        keys.add(publicJwk(bareKey, null));
        // Keys the bot must skip without failing: an EC key and an encryption key.
        keys.addObject().put("kty", "EC").put("kid", "ec-key").put("crv", "P-256")
                .put("x", "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU")
                .put("y", "x_FEzRjmC3e5nHH6ZwXNrRbkJA-Hb9VqGB6UWmPW8hg");
        return set.toString();
    }

    private static ObjectNode publicJwk(RSAKey key, List<String> endorsements) {
        ObjectNode jwk = (ObjectNode) json(key.toPublicJWK().toJSONString());
        jwk.put("use", "sig");
        if (endorsements != null) {
            ArrayNode array = jwk.putArray("endorsements");
            endorsements.forEach(array::add);
        }
        return jwk;
    }

    private static RSAKey rsaKey(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One post the bot made to the Connector. */
    record Posted(String url, String authorization, JsonNode body, long atMillis) {

        Posted(LoggedRequest request) {
            this(request.getUrl(), request.getHeader("Authorization"), json(request.getBodyAsString()),
                    request.getLoggedDate().getTime());
        }

        String text() {
            return body.path("text").asText("");
        }

        /** A message, not a typing indicator. */
        boolean isMessage() {
            return "message".equals(body.path("type").asText());
        }

        @Override
        public String toString() {
            return url + " " + body.path("type").asText() + ": " + text().substring(0, Math.min(120, text().length()));
        }
    }
}
