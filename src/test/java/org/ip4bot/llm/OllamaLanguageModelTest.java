package org.ip4bot.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Ollama's native {@code POST /api/chat}, unstreamed, as a local Ollama server answers it. */
class OllamaLanguageModelTest extends LanguageModelContract {

    @Override
    LanguageModel model(String baseUrl, int retries, Duration timeout) {
        return LanguageModels.ollama(new ModelEndpoint(baseUrl, "llama3.2", "", 0.0, timeout, retries));
    }

    @Override
    MappingBuilder chat() {
        return post(urlPathEqualTo("/api/chat"));
    }

    @Override
    RequestPatternBuilder chatRequests() {
        return postRequestedFor(urlPathEqualTo("/api/chat"));
    }

    @Override
    String success(String text) {
        return """
                {"model":"llama3.2","created_at":"2025-07-01T10:15:30.123456789Z","message":{"role":"assistant",\
                "content":%s},"done_reason":"stop","done":true,"total_duration":4883583458,"load_duration":1334875,\
                "prompt_eval_count":26,"prompt_eval_duration":342546000,"eval_count":282,"eval_duration":4535599000}"""
                .formatted(FakeOpenAi.quoted(text));
    }

    @Override
    String error(int status) {
        return switch (status) {
            case 429 -> "{\"error\":\"server busy, please try again.  maximum pending requests exceeded\"}";
            case 401 -> "{\"error\":\"unauthorized\"}";
            default -> "{\"error\":\"llama runner process has terminated: signal: killed\"}";
        };
    }

    @Override
    JsonNode messages(JsonNode requestBody) {
        return requestBody.get("messages");
    }

    @Test
    void theRequestAsksForOneUnstreamedReplyFromTheNamedModel() throws IOException {
        // given
        server.stubFor(chat().willReturn(json(200, success("Fine [1]."))));

        // when
        model(baseUrl(), 0, Duration.ofSeconds(5)).complete(PROMPT, Deadline.after(Duration.ofSeconds(5)));

        // then
        JsonNode body = JSON.readTree(server.findAll(chatRequests()).get(0).getBodyAsString());
        assertEquals("llama3.2", body.get("model").asText());
        assertFalse(body.get("stream").asBoolean(true), body.toString());
        assertEquals(0.0, body.get("options").get("temperature").asDouble());
    }

    @Test
    void anUnknownModelIsRejectedWithoutRetrying() {
        // given
        server.stubFor(chat().willReturn(json(404,
                "{\"error\":\"model \\\"llama3.2\\\" not found, try pulling it first\"}")));

        // when
        LanguageModelException e = org.junit.jupiter.api.Assertions.assertThrows(LanguageModelException.class,
                () -> model(baseUrl(), 3, Duration.ofSeconds(5)).complete(PROMPT, Deadline.after(Duration.ofSeconds(2))));

        // then
        assertEquals(LanguageModelException.Failure.REJECTED, e.failure());
        server.verify(1, chatRequests());
    }
}
