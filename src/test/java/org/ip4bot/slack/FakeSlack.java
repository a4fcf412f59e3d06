package org.ip4bot.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A fake of Slack's Web API and of response URLs, on loopback, answering as Slack does: {@code auth.test},
 * {@code chat.postMessage}, {@code chat.update}, {@code conversations.replies} and any {@code /response/...} URL.
 */
final class FakeSlack implements AutoCloseable {

    static final String BOT_USER = "UBOT";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WireMockServer server = new WireMockServer(options().dynamicPort().containerThreads(40)
            .asynchronousResponseEnabled(false));

    FakeSlack() {
        server.start();
        server.stubFor(post(urlEqualTo("/api/auth.test")).willReturn(okJson(
                "{\"ok\":true,\"url\":\"https://ip4.slack.com/\",\"team\":\"IP4\",\"user\":\"ip4bot\","
                        + "\"team_id\":\"T1\",\"user_id\":\"" + BOT_USER + "\",\"bot_id\":\"BBOT\"}")));
        server.stubFor(post(urlEqualTo("/api/chat.postMessage")).willReturn(okJson(
                "{\"ok\":true,\"channel\":\"C1\",\"ts\":\"1700000000.000100\"}")));
        server.stubFor(post(urlEqualTo("/api/chat.update")).willReturn(okJson("{\"ok\":true}")));
        server.stubFor(post(urlEqualTo("/api/conversations.replies")).willReturn(okJson(
                "{\"ok\":true,\"messages\":[]}")));
        server.stubFor(post(urlPathMatching("/response/.*")).willReturn(aResponse().withStatus(200).withBody("ok")));
    }

    /** The Web API prefix, deliberately without the trailing slash the settings must add. */
    String apiUrl() {
        return server.baseUrl() + "/api";
    }

    String responseUrl(String name) {
        return server.baseUrl() + "/response/" + name;
    }

    /** From now on {@code auth.test} says the token is invalid, as Slack does for a revoked or mistyped token. */
    void refuseToken() {
        server.stubFor(post(urlEqualTo("/api/auth.test")).willReturn(okJson(
                "{\"ok\":false,\"error\":\"invalid_auth\"}")));
    }

    void stubThread(String channel, String repliesJson) {
        server.stubFor(post(urlEqualTo("/api/conversations.replies"))
                .withRequestBody(WireMock.containing("channel=" + channel))
                .willReturn(okJson(repliesJson)));
    }

    /** Form parameters of every call to a Web API method, in order. */
    List<Map<String, String>> calls(String method) {
        return server.findAll(postRequestedFor(urlEqualTo("/api/" + method))).stream()
                .map(r -> form(r.getBodyAsString())).toList();
    }

    List<Map<String, String>> calls(String method, String channel) {
        return calls(method).stream().filter(c -> channel.equals(c.get("channel"))).toList();
    }

    /** JSON bodies sent to one response URL, in order. */
    List<JsonNode> responses(String name) {
        return server.findAll(postRequestedFor(urlEqualTo("/response/" + name))).stream()
                .map(LoggedRequest::getBodyAsString).map(FakeSlack::json).toList();
    }

    /** Waits up to {@code timeout} for a call matching {@code match}, polling; fails the test when none came. */
    <T> T await(String what, Duration timeout, Supplier<List<T>> calls, Predicate<T> match) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (T call : calls.get()) {
                if (match.test(call)) {
                    return call;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what
                        + "; got " + calls.get());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    /** Every text in a Block Kit JSON array (section and context text, button labels and values), one a line. */
    static String blockText(String blocksJson) {
        StringBuilder out = new StringBuilder();
        collect(json(blocksJson), out);
        return out.toString();
    }

    private static void collect(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (field.getValue().isTextual() && !field.getKey().equals("type")) {
                    out.append(field.getValue().asText()).append('\n');
                } else {
                    collect(field.getValue(), out);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, out));
        }
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> form(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    @Override
    public void close() {
        server.stop();
    }
}
