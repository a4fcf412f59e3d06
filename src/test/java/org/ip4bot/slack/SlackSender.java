package org.ip4bot.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Sends requests to the bot exactly as Slack does: signed event callbacks, slash-command forms, interactivity. */
final class SlackSender {

    static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;

    SlackSender(int port) {
        this.endpoint = URI.create("http://127.0.0.1:" + port + "/slack/events");
    }

    HttpResponse<String> event(String json) {
        return send(json, "application/json", now(), true, Map.of());
    }

    HttpResponse<String> retry(String json, int retryNum) {
        return send(json, "application/json", now(), true,
                Map.of("X-Slack-Retry-Num", String.valueOf(retryNum), "X-Slack-Retry-Reason", "http_timeout"));
    }

    HttpResponse<String> slash(String text, String user, String channel, String responseUrl) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "deprecated-verification-token");
        form.put("team_id", "T1");
        form.put("team_domain", "ip4");
        form.put("channel_id", channel);
        form.put("channel_name", "general");
        form.put("user_id", user);
        form.put("user_name", "someone");
        form.put("command", "/ip4");
        form.put("text", text);
        form.put("api_app_id", "A1");
        form.put("is_enterprise_install", "false");
        form.put("response_url", responseUrl);
        form.put("trigger_id", "13345224609.738474920.8088930838d88f008e0");
        return send(urlEncoded(form), "application/x-www-form-urlencoded", now(), true, Map.of());
    }

    HttpResponse<String> click(String actionId, String value, String user, String channel, String responseUrl) {
        ObjectNode payload = JSON.createObjectNode().put("type", "block_actions").put("api_app_id", "A1")
                .put("token", "deprecated-verification-token").put("trigger_id", "1.2.3")
                .put("response_url", responseUrl);
        payload.putObject("team").put("id", "T1").put("domain", "ip4");
        payload.putObject("user").put("id", user).put("username", "someone").put("team_id", "T1");
        payload.putObject("channel").put("id", channel).put("name", "general");
        payload.putObject("container").put("type", "message").put("message_ts", "1700000000.000100")
                .put("channel_id", channel).put("is_ephemeral", true);
        ObjectNode action = payload.putArray("actions").addObject().put("type", "button").put("action_id", actionId)
                .put("block_id", "ip4_actions").put("value", value).put("action_ts", "1700000001.000200");
        action.putObject("text").put("type", "plain_text").put("text", "button");
        return send("payload=" + URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8),
                "application/x-www-form-urlencoded", now(), true, Map.of());
    }

    /** Sends a body with a chosen timestamp, signed correctly or not at all. */
    HttpResponse<String> send(String body, String contentType, long timestamp, boolean signed,
            Map<String, String> headers) {
        return send(body, contentType, String.valueOf(timestamp), signed ? sign(SECRET, timestamp, body) : null,
                headers);
    }

    HttpResponse<String> send(String body, String contentType, String timestamp, String signature,
            Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(20))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (timestamp != null) {
            request.header("X-Slack-Request-Timestamp", timestamp);
        }
        if (signature != null) {
            request.header("X-Slack-Signature", signature);
        }
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("could not reach the bot at " + endpoint, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + timestamp + ":" + body)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    static long now() {
        return System.currentTimeMillis() / 1000;
    }

    static String mention(String eventId, String channel, String user, String text, String ts, String threadTs) {
        ObjectNode event = JSON.createObjectNode().put("type", "app_mention").put("user", user).put("text", text)
                .put("ts", ts).put("channel", channel).put("event_ts", ts);
        if (threadTs != null) {
            event.put("thread_ts", threadTs);
        }
        return callback(eventId, event);
    }

    static String directMessage(String eventId, String channel, String user, String botId, String text, String ts) {
        ObjectNode event = JSON.createObjectNode().put("type", "message").put("channel_type", "im")
                .put("text", text).put("ts", ts).put("channel", channel).put("event_ts", ts);
        if (user != null) {
            event.put("user", user);
        }
        if (botId != null) {
            event.put("bot_id", botId);
        }
        return callback(eventId, event);
    }

    static String urlVerification(String challenge) {
        return JSON.createObjectNode().put("token", "deprecated").put("challenge", challenge)
                .put("type", "url_verification").toString();
    }

    private static String callback(String eventId, ObjectNode event) {
        ObjectNode root = JSON.createObjectNode().put("token", "deprecated").put("team_id", "T1")
                .put("api_app_id", "A1").put("type", "event_callback").put("event_id", eventId)
                .put("event_time", now());
        root.set("event", event);
        root.putArray("authorizations").addObject().put("team_id", "T1").put("user_id", FakeSlack.BOT_USER)
                .put("is_bot", true);
        return root.toString();
    }

    private static String urlEncoded(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
