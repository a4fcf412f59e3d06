package org.ip4bot.teams;

import org.ip4bot.Ip4botException;

/** A request failed one of the endpoint's checks; it gets 401 and is never processed. */
final class RejectedException extends Ip4botException {

    private final Check check;

    RejectedException(Check check, String message) {
        super(message);
        this.check = check;
    }

    Check check() {
        return check;
    }
}
