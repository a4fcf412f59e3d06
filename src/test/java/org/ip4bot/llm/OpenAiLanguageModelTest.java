package org.ip4bot.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** OpenAI's {@code POST /v1/chat/completions}, as api.openai.com answers it. */
class OpenAiLanguageModelTest extends LanguageModelContract {

    @Override
    LanguageModel model(String baseUrl, int retries, Duration timeout) {
        return LanguageModels.openAi(new ModelEndpoint(baseUrl + "/v1", "gpt-4o-mini", KEY, 0.0, timeout, retries));
    }

    @Override
    MappingBuilder chat() {
        return post(urlPathEqualTo(FakeOpenAi.PATH));
    }

    @Override
    RequestPatternBuilder chatRequests() {
        return postRequestedFor(urlPathEqualTo(FakeOpenAi.PATH));
    }

    @Override
    String success(String text) {
        return FakeOpenAi.reply(text);
    }

    @Override
    String error(int status) {
        return FakeOpenAi.error(status);
    }

    @Override
    JsonNode messages(JsonNode requestBody) {
        return requestBody.get("messages");
    }

    @Test
    void theKeyGoesInTheAuthorizationHeaderAndTheModelAndTemperatureInTheBody() throws IOException {
        // given
        server.stubFor(chat().willReturn(json(200, success("Fine [1]."))));

        // when
        model(baseUrl(), 0, Duration.ofSeconds(5)).complete(PROMPT, Deadline.after(Duration.ofSeconds(5)));

        // then
        server.verify(chatRequests().withHeader("Authorization", equalTo("Bearer " + KEY)));
        JsonNode body = JSON.readTree(server.findAll(chatRequests()).get(0).getBodyAsString());
        assertEquals("gpt-4o-mini", body.get("model").asText());
        assertEquals(0.0, body.get("temperature").asDouble());
    }
}
