package org.ip4bot.llm;

import java.time.Duration;
import java.util.Objects;

/**
 * Where a model lives and how to talk to it. {@link #toString()} never shows the key.
 *
 * @param baseUrl     the server's address in the form its provider expects (see {@link LanguageModels})
 * @param model       the model's name, e.g. {@code gpt-4o-mini} or {@code llama3.2}
 * @param apiKey      the secret key, or empty when the server needs none
 * @param temperature sampling temperature; 0 keeps answers close to the passages
 * @param timeout     the longest one HTTP call may take (the deadline may cut it shorter)
 * @param retries     attempts after the first when a call fails in a way that may pass
 */
public record ModelEndpoint(String baseUrl, String model, String apiKey, double temperature, Duration timeout,
        int retries) {

    public ModelEndpoint {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(timeout, "timeout");
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be 0 or more, was " + retries);
        }
    }

    @Override
    public String toString() {
        return "ModelEndpoint[baseUrl=" + baseUrl + ", model=" + model + ", apiKey="
                + (apiKey.isEmpty() ? "(none)" : "(hidden)") + ", temperature=" + temperature + ", timeout=" + timeout
                + ", retries=" + retries + "]";
    }
}
