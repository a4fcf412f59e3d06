package org.ip4bot.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The optional language model: which provider, where, and how long it may take. Read once at start from the
 * environment and checked; {@link #toString()} never shows the API key.
 *
 * @param provider        {@code IP4BOT_LLM_PROVIDER}: none (default, extractive answers only), openai, azure-openai
 *                        or ollama
 * @param baseUrl         {@code IP4BOT_LLM_BASE_URL}: for openai the API root with {@code /v1} (default {@code
 *                        https://api.openai.com/v1}; {@code /v1} is added to an address without a path); for
 *                        azure-openai the resource endpoint ({@code https://NAME.openai.azure.com}, required); for
 *                        ollama the server without {@code /api} (default {@code http://localhost:11434})
 * @param model           {@code IP4BOT_LLM_MODEL}: default gpt-4o-mini (openai), llama3.2 (ollama), the deployment's
 *                        name (azure-openai)
 * @param apiKey          {@code IP4BOT_LLM_API_KEY}, from the environment only; required for api.openai.com and
 *                        azure-openai, optional elsewhere; empty when unset
 * @param temperature     {@code IP4BOT_LLM_TEMPERATURE}, 0 to 2 (default 0)
 * @param timeout         {@code IP4BOT_LLM_TIMEOUT_SECONDS}: longest single HTTP call (default 20)
 * @param retries         {@code IP4BOT_LLM_RETRIES}: attempts after the first, 0 to 10 (default 2)
 * @param maxContextChars {@code IP4BOT_LLM_MAX_CONTEXT_CHARS}: most passage text put in one prompt (default 12000,
 *                        about 3,000 tokens); lowest-ranked whole passages are left out to fit
 * @param budget          {@code IP4BOT_LLM_BUDGET_SECONDS}: the most one answer may spend on the model, retries and
 *                        waits included (default 25); then the extractive answer is shown
 * @param azureDeployment {@code IP4BOT_AZURE_DEPLOYMENT}: the deployment name (azure-openai only, required)
 * @param azureApiVersion {@code IP4BOT_AZURE_API_VERSION} (azure-openai only, default {@value #DEFAULT_AZURE_API_VERSION})
 */
public record LlmSettings(Provider provider, String baseUrl, String model, String apiKey, double temperature,
        Duration timeout, int retries, int maxContextChars, Duration budget, String azureDeployment,
        String azureApiVersion) {

    public static final String DEFAULT_AZURE_API_VERSION = "2024-10-21";
    public static final String OPENAI_URL = "https://api.openai.com/v1";
    public static final String OLLAMA_URL = "http://localhost:11434";

    /** No model: what an empty environment gives. */
    public static final LlmSettings DISABLED = fromEnvironment(Map.of());

    /** The language model providers ip4bot can talk to. */
    public enum Provider {
        NONE("none"), OPENAI("openai"), AZURE_OPENAI("azure-openai"), OLLAMA("ollama");

        private final String setting;

        Provider(String setting) {
            this.setting = setting;
        }

        /** The name used in {@code IP4BOT_LLM_PROVIDER}. */
        public String setting() {
            return setting;
        }

        static Provider parse(String raw) {
            String wanted = raw.strip().toLowerCase(Locale.ROOT);
            return Arrays.stream(values()).filter(p -> p.setting.equals(wanted)).findFirst()
                    .orElseThrow(() -> new ConfigException("IP4BOT_LLM_PROVIDER must be one of "
                            + Arrays.stream(values()).map(Provider::setting).collect(Collectors.joining(", "))
                            + "; was '" + raw + "'"));
        }
    }

    public LlmSettings {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(azureDeployment, "azureDeployment");
        Objects.requireNonNull(azureApiVersion, "azureApiVersion");
        if (!(temperature >= 0 && temperature <= 2)) {
            throw new ConfigException("IP4BOT_LLM_TEMPERATURE must be between 0 and 2, was " + temperature);
        }
        requireSeconds("IP4BOT_LLM_TIMEOUT_SECONDS", timeout);
        requireSeconds("IP4BOT_LLM_BUDGET_SECONDS", budget);
        if (retries < 0 || retries > 10) {
            throw new ConfigException("IP4BOT_LLM_RETRIES must be between 0 and 10, was " + retries);
        }
        if (maxContextChars < 1_000 || maxContextChars > 1_000_000) {
            throw new ConfigException("IP4BOT_LLM_MAX_CONTEXT_CHARS must be between 1000 and 1000000, was "
                    + maxContextChars);
        }
        if (provider != Provider.NONE) {
            checkUrl(baseUrl);
        }
        if (provider == Provider.AZURE_OPENAI) {
            if (azureDeployment.isBlank()) {
                throw new ConfigException("IP4BOT_AZURE_DEPLOYMENT must name the Azure OpenAI deployment to call "
                        + "when IP4BOT_LLM_PROVIDER=azure-openai");
            }
            if (!azureDeployment.matches("[A-Za-z0-9._-]{1,64}")) {
                throw new ConfigException("IP4BOT_AZURE_DEPLOYMENT must be a deployment name (letters, digits, "
                        + ". _ -), was '" + azureDeployment + "'");
            }
            if (!azureApiVersion.matches("\\d{4}-\\d{2}-\\d{2}(-preview)?")) {
                throw new ConfigException("IP4BOT_AZURE_API_VERSION must look like " + DEFAULT_AZURE_API_VERSION
                        + " or 2025-01-01-preview, was '" + azureApiVersion + "'");
            }
        }
        if (provider != Provider.NONE && model.isBlank()) {
            throw new ConfigException("IP4BOT_LLM_MODEL must name the model, e.g. gpt-4o-mini or llama3.2");
        }
        if (apiKey.isBlank() && (provider == Provider.AZURE_OPENAI
                || provider == Provider.OPENAI && baseUrl.startsWith("https://api.openai.com"))) {
            throw new ConfigException("IP4BOT_LLM_API_KEY must be set in the environment for "
                    + (provider == Provider.OPENAI ? "OpenAI" : "Azure OpenAI"));
        }
    }

    /** Reads the {@code IP4BOT_LLM_*} and {@code IP4BOT_AZURE_*} variables; a bad value fails here, named. */
    public static LlmSettings fromEnvironment(Map<String, String> env) {
        Provider provider = Provider.parse(text(env, "IP4BOT_LLM_PROVIDER", "none"));
        String url = text(env, "IP4BOT_LLM_BASE_URL", switch (provider) {
            case OPENAI -> OPENAI_URL;
            case OLLAMA -> OLLAMA_URL;
            case AZURE_OPENAI, NONE -> "";
        });
        if (provider == Provider.AZURE_OPENAI && url.isEmpty()) {
            throw new ConfigException("IP4BOT_LLM_BASE_URL must be set to the Azure OpenAI endpoint, e.g. "
                    + "https://my-resource.openai.azure.com");
        }
        String deployment = text(env, "IP4BOT_AZURE_DEPLOYMENT", "");
        String model = text(env, "IP4BOT_LLM_MODEL", switch (provider) {
            case OPENAI -> "gpt-4o-mini";
            case OLLAMA -> "llama3.2";
            case AZURE_OPENAI -> deployment;
            case NONE -> "";
        });
        return new LlmSettings(provider, normalisedUrl(provider, url), model, text(env, "IP4BOT_LLM_API_KEY", ""),
                decimal(env, "IP4BOT_LLM_TEMPERATURE", 0),
                seconds(env, "IP4BOT_LLM_TIMEOUT_SECONDS", 20),
                integer(env, "IP4BOT_LLM_RETRIES", 2),
                integer(env, "IP4BOT_LLM_MAX_CONTEXT_CHARS", 12_000),
                seconds(env, "IP4BOT_LLM_BUDGET_SECONDS", 25),
                deployment,
                text(env, "IP4BOT_AZURE_API_VERSION", DEFAULT_AZURE_API_VERSION));
    }

    public boolean enabled() {
        return provider != Provider.NONE;
    }

    @Override
    public String toString() {
        return "LlmSettings[provider=" + provider.setting() + ", baseUrl=" + baseUrl + ", model=" + model
                + ", apiKey=" + (apiKey.isEmpty() ? "(not set)" : "(hidden)") + ", temperature=" + temperature
                + ", timeout=" + timeout + ", retries=" + retries + ", maxContextChars=" + maxContextChars
                + ", budget=" + budget + ", azureDeployment=" + azureDeployment + ", azureApiVersion="
                + azureApiVersion + "]";
    }

    /** Trailing slashes go; OpenAI's {@code /v1} is added when the address has no path; Ollama's {@code /api} goes. */
    private static String normalisedUrl(Provider provider, String raw) {
        String url = raw.replaceAll("/+$", "");
        if (url.isEmpty()) {
            return url;
        }
        URI uri = checkUrl(url);
        String path = uri.getPath() == null ? "" : uri.getPath();
        if (provider == Provider.OPENAI && path.isEmpty()) {
            return url + "/v1";
        }
        if (provider == Provider.OLLAMA && path.endsWith("/api")) {
            return url.substring(0, url.length() - "/api".length());
        }
        return url;
    }

    private static URI checkUrl(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    || uri.getQuery() != null || uri.getFragment() != null) {
                throw badUrl(url);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw badUrl(url);
        }
    }

    private static ConfigException badUrl(String url) {
        return new ConfigException("IP4BOT_LLM_BASE_URL must be an http(s) address without query, such as "
                + OPENAI_URL + " or " + OLLAMA_URL + "; was '" + url + "'");
    }

    private static void requireSeconds(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.toMillis() < 100 || value.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new ConfigException(name + " must be between 0.1 and 600 seconds, was " + value.toMillis() / 1000.0);
        }
    }

    private static String text(Map<String, String> env, String name, String fallback) {
        String raw = env.get(name);
        return raw == null || raw.isBlank() ? fallback : raw.strip();
    }

    private static int integer(Map<String, String> env, String name, int fallback) {
        String raw = text(env, name, "");
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " must be a whole number, was '" + raw + "'");
        }
    }

    private static double decimal(Map<String, String> env, String name, double fallback) {
        String raw = text(env, name, "");
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            return Double.parseDouble(raw);
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " must be a number such as 0.2, was '" + raw + "'");
        }
    }

    private static Duration seconds(Map<String, String> env, String name, double fallback) {
        double value = decimal(env, name, fallback);
        if (!(value >= 0.1 && value <= 600)) {
            throw new ConfigException(name + " must be between 0.1 and 600 seconds, was '" + env.get(name) + "'");
        }
        return Duration.ofMillis(Math.round(value * 1000));
    }
}
