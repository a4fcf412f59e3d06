package org.ip4bot.answer;

import org.ip4bot.Ip4botException;

/** A question the bot will not try to answer, with a polite message to show the asker as it is. */
public final class QuestionRejectedException extends Ip4botException {

    public QuestionRejectedException(String message) {
        super(message);
    }
}
