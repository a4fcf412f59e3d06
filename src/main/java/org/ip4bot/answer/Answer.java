package org.ip4bot.answer;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the bot says to a question or a brief request.
 *
 * <p>Contract: every {@code [n]} in {@link #text()} has the citation numbered n, and every citation is used in the
 * text. A {@link AnswerStatus#NOT_FOUND} answer has no citations; it names the closest documents instead.
 *
 * @param question        the question or topic as asked
 * @param status          answered or not found
 * @param text            the answer, with {@code [n]} markers
 * @param citations       numbered sources, in order of n
 * @param closestDocuments for not-found answers, the documents nearest the question; empty otherwise
 * @param corpusVersion   the version of the corpus that answered
 * @param composer        which composer wrote the text, e.g. {@code extractive}
 * @param latencyMs       time from question to answer
 * @param brief           the structured form, for briefs
 */
public record Answer(String question, AnswerStatus status, String text, List<Citation> citations,
        List<DocumentRef> closestDocuments, String corpusVersion, String composer, long latencyMs,
        Optional<Brief> brief) {

    public Answer {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(text, "text");
        citations = List.copyOf(citations);
        closestDocuments = List.copyOf(closestDocuments);
        Objects.requireNonNull(corpusVersion, "corpusVersion");
        Objects.requireNonNull(composer, "composer");
        Objects.requireNonNull(brief, "brief");
    }

    public Answer withLatency(long millis) {
        return new Answer(question, status, text, citations, closestDocuments, corpusVersion, composer, millis, brief);
    }
}
