package org.ip4bot.config;

import org.ip4bot.Ip4botException;

/** A setting that is missing or malformed; the message names it and says what is expected. */
public final class ConfigException extends Ip4botException {

    public ConfigException(String message) {
        super(message);
    }
}
