package org.ip4bot.llm;

/**
 * The stand-in used when no language model is configured: every call fails at once with {@link
 * LanguageModelException.Failure#DISABLED}, which callers answer with their model-free behaviour.
 */
public final class DisabledLanguageModel implements LanguageModel {

    @Override
    public String name() {
        return "none";
    }

    @Override
    public String complete(Prompt prompt, Deadline deadline) {
        throw new LanguageModelException(LanguageModelException.Failure.DISABLED,
                "no language model is configured; set IP4BOT_LLM_PROVIDER to use one");
    }
}
