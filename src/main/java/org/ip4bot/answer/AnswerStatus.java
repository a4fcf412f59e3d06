package org.ip4bot.answer;

/** Whether the corpus answered the question. */
public enum AnswerStatus {
    ANSWERED("answered"),
    NOT_FOUND("not_found");

    private final String wireName;

    AnswerStatus(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in the JSON contract. */
    public String wireName() {
        return wireName;
    }
}
