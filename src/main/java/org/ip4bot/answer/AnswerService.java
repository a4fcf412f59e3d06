package org.ip4bot.answer;

import java.util.function.Supplier;
import org.ip4bot.index.SearchFilter;
import org.ip4bot.retrieval.Retrieval;
import org.ip4bot.retrieval.Retriever;

/**
 * The answer engine's front door, shared by the CLI and every chat platform: checks the question, retrieves,
 * composes and times the answer. Thread-safe when its parts are.
 */
public final class AnswerService {

    private static final int PASSAGES = 8;

    private final Supplier<Retriever> retriever;
    private final AnswerComposer composer;
    private final BriefComposer briefs;
    private final int maxQuestionChars;

    /**
     * @param retriever supplies the retriever over the serving index; asked once per question, so a reload that
     *                  swaps it never changes the corpus under a question already being answered
     */
    public AnswerService(Supplier<Retriever> retriever, AnswerComposer composer, BriefComposer briefs,
            int maxQuestionChars) {
        this.retriever = retriever;
        this.composer = composer;
        this.briefs = briefs;
        this.maxQuestionChars = maxQuestionChars;
    }

    /** @throws QuestionRejectedException for an empty or over-long question, with a message for the asker */
    public Answer ask(String question, SearchFilter filter) {
        long started = System.nanoTime();
        String checked = check(question, "question", "when did Japan sign its IPCP with NATO?");
        Retrieval retrieval = retriever.get().retrieve(checked, filter, PASSAGES);
        return composer.compose(retrieval).withLatency(millisSince(started));
    }

    /** @throws QuestionRejectedException for an empty or over-long topic, with a message for the asker */
    public Answer brief(String topic) {
        long started = System.nanoTime();
        String checked = check(topic, "topic", "Japan-NATO cooperation since 2022");
        return briefs.compose(checked, retriever.get()).withLatency(millisSince(started));
    }

    public String corpusVersion() {
        return retriever.get().corpusVersion();
    }

    private String check(String text, String what, String example) {
        String stripped = text == null ? "" : text.strip();
        if (stripped.isEmpty()) {
            throw new QuestionRejectedException("Please type a " + what + ", for example: " + example);
        }
        if (stripped.length() > maxQuestionChars) {
            throw new QuestionRejectedException(String.format(java.util.Locale.ROOT,
                    "That %s is %,d characters long; I can take up to %,d. Please shorten it or ask about one "
                            + "thing at a time.", what, stripped.length(), maxQuestionChars));
        }
        return stripped;
    }

    private static long millisSince(long nanoStart) {
        return (System.nanoTime() - nanoStart) / 1_000_000;
    }
}
