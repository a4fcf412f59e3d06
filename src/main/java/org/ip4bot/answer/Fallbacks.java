package org.ip4bot.answer;

/**
 * Told each time a model-backed composer gives the reader the extractive text instead of the model's, so that an
 * operator can see how often the configured model is not what readers get. Not told when no model is configured:
 * the extractive text is then the plan, not a fallback.
 *
 * <p>Called on the answering thread: implementations are thread-safe and return at once.
 */
public interface Fallbacks {

    /** Tells no one: for the command line and tests. */
    Fallbacks NONE = reason -> {
    };

    /** Why the extractive text was used. */
    enum Reason {
        /** The model gave no usable reply: timeout, 429, 5xx, unreachable, rejected or unreadable. */
        MODEL_FAILED,
        /** The model replied, but none of its sentences passed the citation checks. */
        NOTHING_CHECKED
    }

    void fellBack(Reason reason);
}
