package org.ip4bot.server;

import java.util.List;
import org.ip4bot.answer.Answer;
import org.ip4bot.answer.DocumentRef;
import org.ip4bot.chat.Library;
import org.ip4bot.index.SearchFilter;

/** The engine as the chat platforms see it. */
final class EngineLibrary implements Library {

    private final Engine engine;

    EngineLibrary(Engine engine) {
        this.engine = engine;
    }

    @Override
    public boolean ready() {
        return engine.ready();
    }

    @Override
    public Answer ask(String question) {
        return engine.answers().ask(question, SearchFilter.NONE);
    }

    @Override
    public Answer brief(String topic) {
        return engine.answers().brief(topic);
    }

    @Override
    public List<DocumentRef> documents() {
        return engine.documents();
    }
}
