package org.ip4bot.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Azure OpenAI's deployment endpoint, {@code POST /openai/deployments/{deployment}/chat/completions?api-version=...}
 * with the {@code api-key} header, as an Azure resource answers it (content filter results included).
 */
class AzureOpenAiLanguageModelTest extends LanguageModelContract {

    private static final String PATH = "/openai/deployments/gpt-4o-prod/chat/completions";
    private static final String API_VERSION = "2024-10-21";

    @Override
    LanguageModel model(String baseUrl, int retries, Duration timeout) {
        return LanguageModels.azureOpenAi(new ModelEndpoint(baseUrl, "gpt-4o", KEY, 0.0, timeout, retries),
                "gpt-4o-prod", API_VERSION);
    }

    @Override
    MappingBuilder chat() {
        return post(urlPathEqualTo(PATH)).withQueryParam("api-version", equalTo(API_VERSION))
                .withHeader("api-key", equalTo(KEY));
    }

    @Override
    RequestPatternBuilder chatRequests() {
        return postRequestedFor(urlPathEqualTo(PATH));
    }

    @Override
    String success(String text) {
        String safe = """
                {"hate":{"filtered":false,"severity":"safe"},"self_harm":{"filtered":false,"severity":"safe"},\
                "sexual":{"filtered":false,"severity":"safe"},"violence":{"filtered":false,"severity":"safe"}}""";
        return """
                {"choices":[{"content_filter_results":%s,"finish_reason":"stop","index":0,"logprobs":null,\
                "message":{"content":%s,"refusal":null,"role":"assistant"}}],"created":1741569952,\
                "id":"chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG","model":"gpt-4o-2024-11-20","object":"chat.completion",\
                "prompt_filter_results":[{"prompt_index":0,"content_filter_results":{"hate":{"filtered":false,\
                "severity":"safe"},"jailbreak":{"filtered":false,"detected":false},"self_harm":{"filtered":false,\
                "severity":"safe"},"sexual":{"filtered":false,"severity":"safe"},"violence":{"filtered":false,\
                "severity":"safe"}}}],"system_fingerprint":"fp_ee1d74bde0","usage":{"completion_tokens":10,\
                "completion_tokens_details":{"accepted_prediction_tokens":0,"audio_tokens":0,"reasoning_tokens":0,\
                "rejected_prediction_tokens":0},"prompt_tokens":19,"prompt_tokens_details":{"audio_tokens":0,\
                "cached_tokens":0},"total_tokens":29}}""".formatted(safe, FakeOpenAi.quoted(text));
    }

    @Override
    String error(int status) {
        return switch (status) {
            case 429 -> """
                    {"error":{"code":"429","message":"Requests to the ChatCompletions_Create Operation under Azure \
                    OpenAI API version 2024-10-21 have exceeded token rate limit of your current OpenAI S0 pricing \
                    tier. Please retry after 1 second. Please go here: https://aka.ms/oai/quotaincrease if you would \
                    like to further increase the default rate limit."}}""";
            case 401 -> """
                    {"error":{"code":"401","message":"Access denied due to invalid subscription key or wrong API \
                    endpoint. Make sure to provide a valid key for an active subscription and use a correct regional \
                    API endpoint for your resource."}}""";
            default -> """
                    {"error":{"code":"InternalServerError","message":"The service is temporarily unable to process \
                    your request. Please try again later."}}""";
        };
    }

    @Override
    JsonNode messages(JsonNode requestBody) {
        return requestBody.get("messages");
    }

    @Test
    void theKeyTravelsInTheApiKeyHeaderNotAsABearerToken() {
        // given
        server.stubFor(chat().willReturn(json(200, success("Fine [1]."))));

        // when
        model(baseUrl(), 0, Duration.ofSeconds(5)).complete(PROMPT, Deadline.after(Duration.ofSeconds(5)));

        // then
        server.verify(1, chatRequests().withQueryParam("api-version", equalTo(API_VERSION))
                .withHeader("api-key", equalTo(KEY)).withHeader("Authorization", absent()));
    }

    @Test
    void azuresRetryAfterMsIsHonouredToTheMillisecond() {
        // given
        server.stubFor(chat().inScenario("limited").whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing
                        .Scenario.STARTED)
                .willReturn(json(429, error(429)).withHeader("retry-after-ms", "300").withHeader("Retry-After", "30"))
                .willSetStateTo("cooled down"));
        server.stubFor(chat().inScenario("limited").whenScenarioStateIs("cooled down")
                .willReturn(json(200, success("Later [1]."))));
        long started = System.nanoTime();

        // when
        String reply = model(baseUrl(), 1, Duration.ofSeconds(5)).complete(PROMPT, Deadline.after(Duration.ofSeconds(3)));

        // then
        org.junit.jupiter.api.Assertions.assertEquals("Later [1].", reply);
        long took = millisSince(started);
        org.junit.jupiter.api.Assertions.assertTrue(took >= 300 && took < 2000, "took " + took + " ms");
    }
}
