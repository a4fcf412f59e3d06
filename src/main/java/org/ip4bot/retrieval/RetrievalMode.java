package org.ip4bot.retrieval;

/** Which signals rank passages. {@link #HYBRID} is what users get; the others exist to measure it against. */
public enum RetrievalMode {
    HYBRID, KEYWORD, VECTOR
}
