package org.ip4bot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LlmSettingsTest {

    @Test
    void anEmptyEnvironmentMeansNoModel() {
        // when
        LlmSettings settings = LlmSettings.fromEnvironment(Map.of());

        // then
        assertEquals(LlmSettings.Provider.NONE, settings.provider());
        assertFalse(settings.enabled());
        assertEquals(Duration.ofSeconds(25), settings.budget());
        assertEquals(LlmSettings.DISABLED, BotConfig.fromEnvironment(Map.of()).llm());
    }

    @Test
    void openAiGetsItsDefaultsAndTheKeyFromTheEnvironment() {
        // when
        LlmSettings settings = LlmSettings.fromEnvironment(Map.of("IP4BOT_LLM_PROVIDER", "OpenAI",
                "IP4BOT_LLM_API_KEY", "sk-secret-value"));

        // then
        assertEquals(LlmSettings.Provider.OPENAI, settings.provider());
        assertEquals("https://api.openai.com/v1", settings.baseUrl());
        assertEquals("gpt-4o-mini", settings.model());
        assertEquals(0.0, settings.temperature());
        assertEquals(Duration.ofSeconds(20), settings.timeout());
        assertEquals(2, settings.retries());
        assertEquals(12_000, settings.maxContextChars());
        assertEquals("sk-secret-value", settings.apiKey());
    }

    @Test
    void theKeyNeverShowsInToString() {
        // given
        LlmSettings settings = LlmSettings.fromEnvironment(Map.of("IP4BOT_LLM_PROVIDER", "openai",
                "IP4BOT_LLM_API_KEY", "sk-secret-value"));

        // when
        String shown = settings + " " + BotConfig.fromEnvironment(Map.of("IP4BOT_LLM_PROVIDER", "openai",
                "IP4BOT_LLM_API_KEY", "sk-secret-value"));

        // then
        assertFalse(shown.contains("sk-secret-value"), shown);
        assertTrue(shown.contains("apiKey=(hidden)"), shown);
    }

    @Test
    void anOpenAiCompatibleServerGetsV1AddedAndNeedsNoKey() {
        // when
        LlmSettings settings = LlmSettings.fromEnvironment(Map.of("IP4BOT_LLM_PROVIDER", "openai",
                "IP4BOT_LLM_BASE_URL", "http://localhost:8000/", "IP4BOT_LLM_MODEL", "Qwen/Qwen2.5-7B-Instruct"));

        // then
        assertEquals("http://localhost:8000/v1", settings.baseUrl());
        assertEquals("", settings.apiKey());
    }

    @Test
    void ollamaDefaultsToTheLocalServerWithoutApi() {
        // when
        LlmSettings local = LlmSettings.fromEnvironment(Map.of("IP4BOT_LLM_PROVIDER", "ollama"));
        LlmSettings withApi = LlmSettings.fromEnvironment(Map.of("IP4BOT_LLM_PROVIDER", "ollama",
                "IP4BOT_LLM_BASE_URL", "http://gpu-box:11434/api"));

        // then
        assertEquals("http://localhost:11434", local.baseUrl());
        assertEquals("llama3.2", local.model());
        assertEquals("http://gpu-box:11434", withApi.baseUrl());
    }

    @Test
    void azureNamesItsModelAfterTheDeploymentUnlessToldOtherwise() {
        // when
        LlmSettings settings = LlmSettings.fromEnvironment(Map.of("IP4BOT_LLM_PROVIDER", "azure-openai",
                "IP4BOT_LLM_BASE_URL", "https://my-resource.openai.azure.com/", "IP4BOT_LLM_API_KEY", "k",
                "IP4BOT_AZURE_DEPLOYMENT", "gpt-4o-prod"));

        // then
        assertEquals("https://my-resource.openai.azure.com", settings.baseUrl());
        assertEquals("gpt-4o-prod", settings.model());
        assertEquals(LlmSettings.DEFAULT_AZURE_API_VERSION, settings.azureApiVersion());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "IP4BOT_LLM_PROVIDER=gpt|IP4BOT_LLM_PROVIDER",
        "IP4BOT_LLM_PROVIDER=openai,IP4BOT_LLM_BASE_URL=localhost:8000|IP4BOT_LLM_BASE_URL",
        "IP4BOT_LLM_PROVIDER=ollama,IP4BOT_LLM_BASE_URL=ftp://gpu-box|IP4BOT_LLM_BASE_URL",
        "IP4BOT_LLM_PROVIDER=openai|IP4BOT_LLM_API_KEY",
        "IP4BOT_LLM_PROVIDER=azure-openai,IP4BOT_LLM_API_KEY=k,IP4BOT_AZURE_DEPLOYMENT=d|IP4BOT_LLM_BASE_URL",
        "IP4BOT_LLM_PROVIDER=azure-openai,IP4BOT_LLM_API_KEY=k,IP4BOT_LLM_BASE_URL=https://r.openai.azure.com|IP4BOT_AZURE_DEPLOYMENT",
        "IP4BOT_LLM_PROVIDER=azure-openai,IP4BOT_LLM_API_KEY=k,IP4BOT_LLM_BASE_URL=https://r.openai.azure.com,IP4BOT_AZURE_DEPLOYMENT=d,IP4BOT_AZURE_API_VERSION=latest|IP4BOT_AZURE_API_VERSION",
        "IP4BOT_LLM_PROVIDER=ollama,IP4BOT_LLM_TIMEOUT_SECONDS=soon|IP4BOT_LLM_TIMEOUT_SECONDS",
        "IP4BOT_LLM_PROVIDER=ollama,IP4BOT_LLM_BUDGET_SECONDS=0|IP4BOT_LLM_BUDGET_SECONDS",
        "IP4BOT_LLM_PROVIDER=ollama,IP4BOT_LLM_RETRIES=99|IP4BOT_LLM_RETRIES",
        "IP4BOT_LLM_PROVIDER=ollama,IP4BOT_LLM_TEMPERATURE=3|IP4BOT_LLM_TEMPERATURE",
        "IP4BOT_LLM_PROVIDER=ollama,IP4BOT_LLM_MAX_CONTEXT_CHARS=10|IP4BOT_LLM_MAX_CONTEXT_CHARS"})
    void aBadSettingFailsAtStartNamingTheSetting(String variables, String named) {
        // given
        Map<String, String> env = new java.util.HashMap<>();
        for (String pair : variables.split(",")) {
            String[] kv = pair.split("=", 2);
            env.put(kv[0], kv[1]);
        }

        // when
        ConfigException e = assertThrows(ConfigException.class, () -> BotConfig.fromEnvironment(env));

        // then
        assertTrue(e.getMessage().startsWith(named + " "), e.getMessage());
    }
}
