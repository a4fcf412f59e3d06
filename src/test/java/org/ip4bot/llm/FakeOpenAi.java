package org.ip4bot.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Bodies exactly as OpenAI's {@code /v1/chat/completions} sends and receives them, for WireMock fakes in any package. */
public final class FakeOpenAi {

    public static final String PATH = "/v1/chat/completions";

    private static final ObjectMapper JSON = new ObjectMapper();

    private FakeOpenAi() {
    }

    /** The 200 body of a reply saying {@code text}. */
    public static String reply(String text) {
        return """
                {"id":"chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT","object":"chat.completion","created":1741569952,\
                "model":"gpt-4o-mini-2024-07-18","choices":[{"index":0,"message":{"role":"assistant","content":%s,\
                "refusal":null,"annotations":[]},"logprobs":null,"finish_reason":"stop"}],"usage":{"prompt_tokens":19,\
                "completion_tokens":10,"total_tokens":29,"prompt_tokens_details":{"cached_tokens":0,"audio_tokens":0},\
                "completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":0,"accepted_prediction_tokens":0,\
                "rejected_prediction_tokens":0}},"service_tier":"default","system_fingerprint":"fp_06737a9306"}"""
                .formatted(quoted(text));
    }

    /** The error body OpenAI sends with {@code status}: 429, 401, or a 5xx. */
    public static String error(int status) {
        return switch (status) {
            case 429 -> """
                    {"error":{"message":"Rate limit reached for gpt-4o-mini in organization org-test on requests per \
                    min (RPM): Limit 3, Used 3, Requested 1. Please try again in 20s.","type":"requests","param":null,\
                    "code":"rate_limit_exceeded"}}""";
            case 401 -> """
                    {"error":{"message":"Incorrect API key provided: test-key***cret. You can find your API key at \
                    https://platform.openai.com/account/api-keys.","type":"invalid_request_error","param":null,\
                    "code":"invalid_api_key"}}""";
            default -> """
                    {"error":{"message":"The server had an error while processing your request. Sorry about that!",\
                    "type":"server_error","param":null,"code":null}}""";
        };
    }

    /** The {@code content} of message {@code index} (0 system, 1 user) of a request body. */
    public static String message(String requestBody, int index) {
        try {
            JsonNode messages = JSON.readTree(requestBody).get("messages");
            return messages.get(index).get("content").asText();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a chat completions request: " + requestBody, e);
        }
    }

    static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
