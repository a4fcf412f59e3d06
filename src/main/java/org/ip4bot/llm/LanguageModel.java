package org.ip4bot.llm;

/**
 * A chat language model reduced to what ip4bot needs: one system message and one user message in, the reply's text
 * out. Implementations are thread-safe.
 */
public interface LanguageModel {

    /** The model's name as shown to users, e.g. {@code gpt-4o-mini}; used in the answer's composer label. */
    String name();

    /**
     * Asks the model once (retrying only as configured) and returns the reply's text, never blank.
     *
     * @param deadline no call outlives it, whatever the timeout and retry settings
     * @throws LanguageModelException when no usable reply came before the deadline; its {@link
     *                                LanguageModelException#failure()} says why
     */
    String complete(Prompt prompt, Deadline deadline);
}
