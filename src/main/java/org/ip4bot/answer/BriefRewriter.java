package org.ip4bot.answer;

import org.ip4bot.retrieval.SentenceScorer;

/** Rewrites a finished extractive brief, keeping its structure and the contract of its citations. Thread-safe. */
public interface BriefRewriter {

    /** Keeps every brief as it is: the stand-in when no language model is configured. */
    BriefRewriter NONE = (brief, scorer) -> brief;

    /**
     * @param brief  an extractive brief ({@link Answer#brief()} present), answered or not
     * @param scorer measures text as the retrieval that found the brief's passages did
     * @return the brief to show; {@code brief} itself when it cannot do better
     */
    Answer rewrite(Answer brief, SentenceScorer scorer);
}
