package org.ip4bot;

/** The root of ip4bot's own failures. Messages say what went wrong and what to do about it; causes are kept. */
public class Ip4botException extends RuntimeException {

    public Ip4botException(String message) {
        super(message);
    }

    public Ip4botException(String message, Throwable cause) {
        super(message, cause);
    }
}
