package org.ip4bot.llm;

import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.time.Duration;
import java.util.Map;

/**
 * Builds the langchain4j-backed models. langchain4j's own retries are off ({@code maxRetries(0)}): {@link
 * RetryingLanguageModel} retries instead, inside the caller's deadline and honouring {@code Retry-After}.
 */
public final class LanguageModels {

    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);

    private LanguageModels() {
    }

    /**
     * OpenAI, or any server that speaks its chat completions API (vLLM, llama.cpp, LM Studio).
     *
     * @param endpoint base URL including {@code /v1}, e.g. {@code https://api.openai.com/v1}; requests go to
     *                 {@code {baseUrl}/chat/completions} with {@code Authorization: Bearer {apiKey}} when a key is set
     */
    public static LanguageModel openAi(ModelEndpoint endpoint) {
        OpenAiChatModel chat = OpenAiChatModel.builder()
                .httpClientBuilder(new DeadlineHttpClient.Builder())
                .baseUrl(endpoint.baseUrl())
                .apiKey(endpoint.apiKey().isEmpty() ? null : endpoint.apiKey())
                .modelName(endpoint.model())
                .temperature(endpoint.temperature())
                .timeout(endpoint.timeout())
                .maxRetries(0)
                .build();
        return retrying(endpoint, new ChatModelLanguageModel(endpoint.model(), chat));
    }

    /**
     * Azure OpenAI, through the OpenAI client pointed at the deployment: requests go to {@code
     * {endpoint}/openai/deployments/{deployment}/chat/completions?api-version={apiVersion}} with the key in the
     * {@code api-key} header, which is Azure's own wire format. (langchain4j's Azure module would bring the Azure
     * SDK, Netty and Reactor for the same request.)
     *
     * @param endpoint base URL of the resource, e.g. {@code https://my-resource.openai.azure.com}; {@code model} is
     *                 the name shown in answers
     */
    public static LanguageModel azureOpenAi(ModelEndpoint endpoint, String deployment, String apiVersion) {
        String base = endpoint.baseUrl().replaceAll("/+$", "") + "/openai/deployments/" + deployment;
        OpenAiChatModel chat = OpenAiChatModel.builder()
                .httpClientBuilder(new DeadlineHttpClient.Builder())
                .baseUrl(base)
                .customHeaders(Map.of("api-key", endpoint.apiKey()))
                .customQueryParams(Map.of("api-version", apiVersion))
                .modelName(endpoint.model())
                .temperature(endpoint.temperature())
                .timeout(endpoint.timeout())
                .maxRetries(0)
                .build();
        return retrying(endpoint, new ChatModelLanguageModel(endpoint.model(), chat));
    }

    /**
     * Ollama's native chat API.
     *
     * @param endpoint base URL without {@code /api}, e.g. {@code http://localhost:11434}; requests go to {@code
     *                 {baseUrl}/api/chat}; a key, when set, is sent as {@code Authorization: Bearer} for servers
     *                 behind an authenticating proxy
     */
    public static LanguageModel ollama(ModelEndpoint endpoint) {
        OllamaChatModel.OllamaChatModelBuilder builder = OllamaChatModel.builder()
                .httpClientBuilder(new DeadlineHttpClient.Builder())
                .baseUrl(endpoint.baseUrl())
                .modelName(endpoint.model())
                .temperature(endpoint.temperature())
                .timeout(endpoint.timeout())
                .maxRetries(0);
        if (!endpoint.apiKey().isEmpty()) {
            builder.customHeaders(Map.of("Authorization", "Bearer " + endpoint.apiKey()));
        }
        return retrying(endpoint, new ChatModelLanguageModel(endpoint.model(), builder.build()));
    }

    private static LanguageModel retrying(ModelEndpoint endpoint, LanguageModel attempt) {
        return new RetryingLanguageModel(attempt, endpoint.retries(), FIRST_BACKOFF);
    }
}
