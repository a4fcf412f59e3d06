package org.ip4bot.teams;

import org.ip4bot.Ip4botException;

/** No signing key set could be fetched, so no token can be checked: requests are refused, never let through. */
final class KeysUnavailableException extends Ip4botException {

    KeysUnavailableException(String message) {
        super(message);
    }
}
