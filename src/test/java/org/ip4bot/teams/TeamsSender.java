package org.ip4bot.teams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.function.Consumer;

/** Sends activities to the bot's {@code /api/messages} as the Bot Framework Connector does, with minted tokens. */
final class TeamsSender {

    static final String BOT_ID = "28:" + FakeBotFramework.APP_ID;
    static final String USER_AAD = "7faf3e2a-0000-4000-8000-000000000001";
    static final String ADMIN_AAD = "7faf3e2a-0000-4000-8000-0000000000ad";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI endpoint;
    private final FakeBotFramework microsoft;

    TeamsSender(int port, FakeBotFramework microsoft) {
        this.endpoint = URI.create("http://127.0.0.1:" + port + "/api/messages");
        this.microsoft = microsoft;
    }

    /** A message in a personal chat, from an ordinary user. */
    ObjectNode personalMessage(String activityId, String conversationId, String text) {
        return message(activityId, conversationId, "personal", USER_AAD, text);
    }

    ObjectNode message(String activityId, String conversationId, String conversationType, String aadObjectId,
            String text) {
        ObjectNode activity = base("message", activityId, conversationId, conversationType, aadObjectId);
        activity.put("text", text);
        return activity;
    }

    /** A channel post that @mentions the bot, with the mention entity Teams sends. */
    ObjectNode channelMention(String activityId, String conversationId, String question) {
        String mention = "<at>ip4bot</at>";
        ObjectNode activity = message(activityId, conversationId, "channel", USER_AAD, mention + " " + question);
        activity.putArray("entities").addObject().put("type", "mention").put("text", mention)
                .putObject("mentioned").put("id", BOT_ID).put("name", "ip4bot");
        ((ObjectNode) activity.get("channelData")).putObject("channel").put("id", "19:general@thread.tacv2");
        return activity;
    }

    /** The bot was added to a personal chat. */
    ObjectNode botAdded(String activityId, String conversationId) {
        ObjectNode activity = base("conversationUpdate", activityId, conversationId, "personal", USER_AAD);
        activity.putArray("membersAdded").addObject().put("id", BOT_ID);
        return activity;
    }

    /** A thumbs-up or -down on one of the bot's messages. */
    ObjectNode feedback(String activityId, String conversationId, String ratedMessageId, String reaction) {
        ObjectNode activity = base("invoke", activityId, conversationId, "personal", USER_AAD);
        activity.put("name", "message/submitAction").put("replyToId", ratedMessageId);
        ObjectNode value = activity.putObject("value").put("actionName", "feedback");
        value.putObject("actionValue").put("reaction", reaction).put("feedback", "{\"feedbackText\":\"spot on\"}");
        return activity;
    }

    private ObjectNode base(String type, String activityId, String conversationId, String conversationType,
            String aadObjectId) {
        ObjectNode activity = JSON.createObjectNode().put("type", type).put("id", activityId)
                .put("channelId", "msteams").put("serviceUrl", microsoft.serviceUrl())
                .put("timestamp", Instant.now().toString());
        activity.putObject("from").put("id", "29:user-" + aadObjectId.substring(aadObjectId.length() - 4))
                .put("name", "Ada").put("aadObjectId", aadObjectId);
        activity.putObject("recipient").put("id", BOT_ID).put("name", "ip4bot");
        activity.putObject("conversation").put("id", conversationId).put("conversationType", conversationType)
                .put("tenantId", FakeBotFramework.TENANT_ID);
        activity.putObject("channelData").putObject("tenant").put("id", FakeBotFramework.TENANT_ID);
        return activity;
    }

    /** The claims a genuine Connector token for this bot and harness carries. */
    JWTClaimsSet.Builder validClaims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer("https://api.botframework.com").audience(FakeBotFramework.APP_ID)
                .claim("serviceurl", microsoft.serviceUrl()).notBeforeTime(Date.from(now.minusSeconds(60)))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))));
    }

    /** A token signed RS256 with the Teams-endorsed key, with the claims changed by {@code change}. */
    String token(Consumer<JWTClaimsSet.Builder> change) {
        JWTClaimsSet.Builder claims = validClaims();
        change.accept(claims);
        return sign(microsoft.teamsKey, claims.build());
    }

    String validToken() {
        return token(c -> {
        });
    }

    static String sign(RSAKey key, JWTClaimsSet claims) {
        return sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), rsaSigner(key), claims);
    }

    static String sign(JWSHeader header, JWSSigner signer, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWSSigner rsaSigner(RSAKey key) {
        try {
            return new RSASSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Posts with a valid token. */
    HttpResponse<String> send(ObjectNode activity) {
        return send("Bearer " + validToken(), activity.toString());
    }

    /** Posts with any {@code Authorization} header (null for none) and any body. */
    HttpResponse<String> send(String authorization, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("POST /api/messages failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
