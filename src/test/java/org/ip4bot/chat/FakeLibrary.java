package org.ip4bot.chat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.ip4bot.answer.Answer;
import org.ip4bot.answer.AnswerStatus;
import org.ip4bot.answer.Citation;
import org.ip4bot.answer.DocumentRef;

/** A library that answers every question with one citation and records what it was asked. */
final class FakeLibrary implements Library {

    final List<String> asked = new CopyOnWriteArrayList<>();
    volatile boolean ready = true;
    volatile CountDownLatch hold = new CountDownLatch(0);
    volatile Function<String, Answer> answers = FakeLibrary::answer;

    static Answer answer(String question) {
        return new Answer(question, AnswerStatus.ANSWERED, "An answer to: " + question + " [1]",
                List.of(new Citation(1, "partners/japan.md", "Japan and NATO", "ip4bot research notes", "2025-07-01",
                        "https://example.org/japan", "IPCP", 0, "An answer.")),
                List.of(), "v1", "extractive", 3, Optional.empty());
    }

    @Override
    public boolean ready() {
        return ready;
    }

    @Override
    public Answer ask(String platform, String question) {
        asked.add(question);
        try {
            if (!hold.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the library");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return answers.apply(question);
    }

    @Override
    public Answer brief(String platform, String topic) {
        return ask(platform, topic);
    }

    @Override
    public List<DocumentRef> documents() {
        return List.of(new DocumentRef("partners/japan.md", "Japan and NATO", "2025-07-01", ""),
                new DocumentRef("partners/australia.md", "Australia and NATO", "2025-07-01", ""));
    }
}
