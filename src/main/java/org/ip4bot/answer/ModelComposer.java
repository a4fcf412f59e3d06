package org.ip4bot.answer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ip4bot.llm.Deadline;
import org.ip4bot.llm.LanguageModel;
import org.ip4bot.llm.LanguageModelException;
import org.ip4bot.retrieval.Passage;
import org.ip4bot.retrieval.Retrieval;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers in a language model's words, but only with claims whose citations check out; otherwise with the
 * extractive answer.
 *
 * <ol>
 *   <li>The extractive answer is composed first. When the evidence is too weak for it, that "not found" answer
 *       stands and the model is not asked: the calibrated evidence gate decides what the corpus covers.</li>
 *   <li>The model gets the {@link GroundedPrompt}: the best passages that fit the context budget, numbered, and the
 *       question, both as data.</li>
 *   <li>Its reply goes through the {@link CitationChecker}: markers that point at no passage are removed, sentences
 *       without a valid citation are dropped, and a citation must support its sentence. Surviving sentences are
 *       renumbered in order of first use; each citation's snippet is the passage sentences that support the
 *       sentences citing it, verbatim.</li>
 *   <li>If no sentence survives, the extractive answer is returned as it is. If the model failed (timeout, 429,
 *       5xx, refused connection, empty or unreadable reply), the extractive answer is returned with {@link
 *       #UNAVAILABLE_NOTE} in front. With the {@link org.ip4bot.llm.DisabledLanguageModel} this composer answers
 *       exactly as the extractive one.</li>
 * </ol>
 * Everything, retries and waits included, fits in the time budget. Thread-safe.
 */
public final class ModelComposer implements AnswerComposer {

    public static final String UNAVAILABLE_NOTE = "The language model was unavailable; here is the extractive answer.";
    static final String PREFIX = "llm:";

    private static final Logger LOG = LoggerFactory.getLogger(ModelComposer.class);

    private final AnswerComposer extractive;
    private final LanguageModel model;
    private final Duration budget;
    private final int maxContextChars;
    private final CitationChecker checker;
    private final Fallbacks fallbacks;

    /**
     * @param extractive      the fallback, and the judge of whether the corpus covers the question
     * @param budget          the most one answer may spend on the model
     * @param maxContextChars the most passage text one prompt may hold
     */
    public ModelComposer(AnswerComposer extractive, LanguageModel model, Duration budget, int maxContextChars) {
        this(extractive, model, budget, maxContextChars, Fallbacks.NONE);
    }

    /** As the four-argument form, telling {@code fallbacks} whenever the reader gets the extractive text instead. */
    public ModelComposer(AnswerComposer extractive, LanguageModel model, Duration budget, int maxContextChars,
            Fallbacks fallbacks) {
        this(extractive, model, budget, maxContextChars, new CitationChecker(), fallbacks);
    }

    ModelComposer(AnswerComposer extractive, LanguageModel model, Duration budget, int maxContextChars,
            CitationChecker checker, Fallbacks fallbacks) {
        this.extractive = extractive;
        this.model = model;
        this.budget = budget;
        this.maxContextChars = maxContextChars;
        this.checker = checker;
        this.fallbacks = fallbacks;
    }

    @Override
    public Answer compose(Retrieval retrieval) {
        Deadline deadline = Deadline.after(budget);
        Answer fallback = extractive.compose(retrieval);
        if (fallback.status() != AnswerStatus.ANSWERED) {
            return fallback;
        }
        List<Passage> passages = GroundedPrompt.fit(retrieval.passages(), maxContextChars);
        String reply;
        try {
            reply = model.complete(GroundedPrompt.forQuestion(retrieval.question(), passages), deadline);
        } catch (LanguageModelException e) {
            return unavailable(fallback, e, fallbacks);
        }
        CitationChecker.Outcome checked = checker.check(reply, sources(passages), retrieval.scorer());
        LOG.debug("{} reply: {} sentences kept, {} invalid markers, {} uncited sentences, {} unsupported citations",
                model.name(), checked.claims().size(), checked.invalidMarkers(), checked.uncitedSentences(),
                checked.unsupportedCitations());
        if (checked.claims().isEmpty()) {
            fallbacks.fellBack(Fallbacks.Reason.NOTHING_CHECKED);
            return fallback;
        }
        CitationBuilder citations = new CitationBuilder();
        List<String> sentences = new ArrayList<>();
        for (CitationChecker.Claim claim : checked.claims()) {
            List<Integer> numbers = new ArrayList<>();
            for (CitationChecker.Support support : claim.supports()) {
                var chunk = passages.get(support.source()).chunk();
                for (String quoted : support.sentences()) {
                    int n = citations.number(chunk, quoted);
                    if (!numbers.contains(n)) {
                        numbers.add(n);
                    }
                }
            }
            sentences.add(CitationBuilder.withMarkers(claim.text(), numbers));
        }
        return new Answer(retrieval.question(), AnswerStatus.ANSWERED, String.join(" ", sentences),
                citations.citations(), List.of(), retrieval.corpusVersion(), PREFIX + model.name(), 0,
                Optional.empty());
    }

    /**
     * The model's failure as the reader sees it: the extractive answer, with a note unless no model is configured;
     * {@code fallbacks} hears of it in the same cases.
     */
    static Answer unavailable(Answer fallback, LanguageModelException e, Fallbacks fallbacks) {
        if (e.failure() == LanguageModelException.Failure.DISABLED) {
            return fallback;
        }
        fallbacks.fellBack(Fallbacks.Reason.MODEL_FAILED);
        LOG.warn("language model unavailable ({}): {}; answering extractively", e.failure(), e.getMessage());
        return new Answer(fallback.question(), fallback.status(), UNAVAILABLE_NOTE + "\n\n" + fallback.text(),
                fallback.citations(), fallback.closestDocuments(), fallback.corpusVersion(), fallback.composer(),
                fallback.latencyMs(), fallback.brief());
    }

    static List<CitationChecker.Source> sources(List<Passage> passages) {
        return passages.stream()
                .map(p -> new CitationChecker.Source(p.chunk().text(), SentenceRanker.sentences(p.chunk().text())))
                .toList();
    }
}
