package org.ip4bot.server;

import java.util.Locale;
import org.ip4bot.llm.Deadline;
import org.ip4bot.llm.LanguageModel;
import org.ip4bot.llm.LanguageModelException;
import org.ip4bot.llm.Prompt;

/**
 * A language model whose calls are reported as answered or failed, with the failure's kind. Wraps the retrying
 * model, so one call is what the answer saw: a reply after two retried 429s counts once, as answered. Thread-safe
 * when the wrapped model is.
 */
final class CountedLanguageModel implements LanguageModel {

    private final LanguageModel model;
    private final EngineEvents events;

    CountedLanguageModel(LanguageModel model, EngineEvents events) {
        this.model = model;
        this.events = events;
    }

    @Override
    public String name() {
        return model.name();
    }

    @Override
    public String complete(Prompt prompt, Deadline deadline) {
        String reply;
        try {
            reply = model.complete(prompt, deadline);
        } catch (LanguageModelException e) {
            events.modelFailed(e.failure().name().toLowerCase(Locale.ROOT));
            throw e;
        } catch (RuntimeException e) {
            events.modelFailed("other");
            throw e;
        }
        events.modelAnswered();
        return reply;
    }
}
