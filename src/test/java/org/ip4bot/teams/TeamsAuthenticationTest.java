package org.ip4bot.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.PlainJWT;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.ip4bot.server.BotServer;
import org.ip4bot.teams.FakeBotFramework.Posted;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every check of the messaging endpoint, failed one at a time against the real server: each request gets 401, is
 * counted under its check, and is never answered.
 */
class TeamsAuthenticationTest {

    private static final Duration ANSWER_WAIT = Duration.ofSeconds(30);
    private static final AtomicInteger CONVERSATIONS = new AtomicInteger();

    @TempDir
    static Path data;

    private static TeamsHarness harness;
    private static FakeBotFramework microsoft;
    private static BotServer server;
    private static TeamsSender teams;

    @BeforeAll
    static void start() {
        harness = TeamsHarness.start(data);
        microsoft = harness.microsoft();
        server = harness.server();
        teams = harness.teams();
    }

    @AfterAll
    static void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    /** A failing request: its Authorization header and body, built from the sender and a fresh activity. */
    private record Forgery(String check, BiFunction<TeamsSender, ObjectNode, String> authorization,
            BiFunction<TeamsSender, ObjectNode, String> body) {
    }

    private static Arguments forgery(String name, String check, BiFunction<TeamsSender, ObjectNode, String> auth) {
        return Arguments.of(name, new Forgery(check, auth, (s, activity) -> activity.toString()));
    }

    private static Arguments forgery(String name, String check, BiFunction<TeamsSender, ObjectNode, String> auth,
            BiFunction<TeamsSender, ObjectNode, String> body) {
        return Arguments.of(name, new Forgery(check, auth, body));
    }

    static Stream<Arguments> forgeries() {
        Instant now = Instant.now();
        return Stream.of(
                forgery("no Authorization header", "bearer", (s, a) -> null),
                forgery("Basic credentials", "bearer", (s, a) -> "Basic dXNlcjpwYXNzd29yZA=="),
                forgery("a token in three parts", "bearer", (s, a) -> "Bearer " + s.validToken() + " extra"),
                forgery("alg none", "algorithm", (s, a) -> "Bearer " + new PlainJWT(s.validClaims().build())
                        .serialize()),
                forgery("HS256 keyed with the public key", "algorithm", (s, a) -> "Bearer " + hmacWithPublicKey(s)),
                forgery("an unpublished kid", "signature", (s, a) -> "Bearer "
                        + TeamsSender.sign(microsoft.unpublishedKey, s.validClaims().build())),
                forgery("a published kid with another key's signature", "signature", (s, a) -> "Bearer "
                        + TeamsSender.sign(new JWSHeader.Builder(JWSAlgorithm.RS256)
                                .keyID(microsoft.teamsKey.getKeyID()).build(), rsaSigner(microsoft.unpublishedKey),
                                s.validClaims().build())),
                forgery("an Entra issuer", "issuer", (s, a) -> "Bearer " + s.token(c -> c.issuer(
                        "https://sts.windows.net/" + FakeBotFramework.TENANT_ID + "/"))),
                forgery("another bot's audience", "audience", (s, a) -> "Bearer " + s.token(c -> c.audience(
                        "11111111-2222-3333-4444-555555555555"))),
                forgery("expired six minutes ago", "lifetime", (s, a) -> "Bearer " + s.token(c -> c
                        .notBeforeTime(Date.from(now.minus(Duration.ofHours(1))))
                        .expirationTime(Date.from(now.minus(Duration.ofMinutes(6)))))),
                forgery("valid only from six minutes on", "lifetime", (s, a) -> "Bearer " + s.token(c -> c
                        .notBeforeTime(Date.from(now.plus(Duration.ofMinutes(6)))))),
                forgery("no expiry", "lifetime", (s, a) -> "Bearer " + s.token(c -> c.expirationTime(null))),
                forgery("a key endorsed for Web Chat only", "endorsement", (s, a) -> "Bearer "
                        + TeamsSender.sign(microsoft.webChatKey, s.validClaims().build())),
                forgery("a key without endorsements", "endorsement", (s, a) -> "Bearer "
                        + TeamsSender.sign(microsoft.bareKey, s.validClaims().build())),
                forgery("an activity from another channel", "endorsement", (s, a) -> "Bearer " + s.validToken(),
                        (s, a) -> a.put("channelId", "webchat").toString()),
                forgery("a serviceurl for another Connector", "serviceurl", (s, a) -> "Bearer " + s.token(c -> c
                        .claim("serviceurl", "https://smba.trafficmanager.net/amer/"))),
                forgery("no serviceurl claim", "serviceurl", (s, a) -> "Bearer " + s.token(c -> c
                        .claim("serviceurl", null))),
                forgery("an oversized body", "body", (s, a) -> "Bearer " + s.validToken(),
                        (s, a) -> a.put("text", "x".repeat(MessagesServlet.MAX_BODY_BYTES)).toString()),
                forgery("a body that is not JSON", "body", (s, a) -> "Bearer " + s.validToken(), (s, a) -> "help"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgeries")
    void aRequestFailingOneCheckGets401AndIsCountedAndNeverAnswered(String name, Forgery forgery) {
        // given
        String conversation = "a:forged-" + CONVERSATIONS.incrementAndGet();
        ObjectNode activity = teams.personalMessage("forged-1", conversation, "help");
        long before = counted(forgery.check());

        // when
        HttpResponse<String> response = teams.send(forgery.authorization().apply(teams, activity),
                forgery.body().apply(teams, activity));
        teams.send(teams.personalMessage("marker-1", conversation, "help"));

        // then: refused and counted; the valid marker that follows is the conversation's only reply
        assertEquals(401, response.statusCode(), response.body());
        assertEquals(before + 1, counted(forgery.check()), server.teams().orElseThrow().rejectionsByCheck()
                .toString());
        microsoft.await("the marker's reply", conversation, p -> p.url().endsWith("/marker-1"), ANSWER_WAIT);
        List<Posted> messages = microsoft.messages(conversation);
        assertEquals(1, messages.size(), messages.toString());
    }

    @Test
    void aTokenExpiredWithinTheClockSkewIsAccepted() {
        // given
        String conversation = "a:skew";
        Instant now = Instant.now();
        String token = teams.token(c -> c.notBeforeTime(Date.from(now.minus(Duration.ofHours(1))))
                .expirationTime(Date.from(now.minus(Duration.ofMinutes(4)))));

        // when
        HttpResponse<String> response = teams.send("Bearer " + token,
                teams.personalMessage("skew-1", conversation, "help").toString());

        // then
        assertEquals(200, response.statusCode());
        microsoft.await("the reply", conversation, Posted::isMessage, ANSWER_WAIT);
    }

    @Test
    void anUnknownKidFetchesTheKeySetAtMostOnceMore() {
        // given: the keys are cached
        teams.send(teams.personalMessage("kid-0", "a:kid", "help"));
        int fetchesBefore = microsoft.keySetRequests();

        // when: three tokens with unpublished kids arrive
        for (int i = 1; i <= 3; i++) {
            assertEquals(401, teams.send("Bearer " + TeamsSender.sign(microsoft.unpublishedKey,
                    teams.validClaims().build()), teams.personalMessage("kid-" + i, "a:kid", "help").toString())
                    .statusCode());
        }

        // then
        assertTrue(microsoft.keySetRequests() - fetchesBefore <= 1, "fetched the keys "
                + (microsoft.keySetRequests() - fetchesBefore) + " more times");
    }

    private static long counted(String check) {
        return server.teams().orElseThrow().rejectionsByCheck().get(check);
    }

    private static String hmacWithPublicKey(TeamsSender sender) {
        try {
            return TeamsSender.sign(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(microsoft.teamsKey.getKeyID())
                    .build(), new MACSigner(microsoft.teamsKey.toRSAPublicKey().getEncoded()),
                    sender.validClaims().build());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static com.nimbusds.jose.JWSSigner rsaSigner(com.nimbusds.jose.jwk.RSAKey key) {
        try {
            return new com.nimbusds.jose.crypto.RSASSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
