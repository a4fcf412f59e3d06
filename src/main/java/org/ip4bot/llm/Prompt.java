package org.ip4bot.llm;

import java.util.Objects;

/**
 * What a model is asked: the rules it must follow and the data it works on, kept apart so that nothing in the data
 * can pose as a rule.
 *
 * @param system the fixed rules (the system message)
 * @param user   the request with its data (the user message)
 */
public record Prompt(String system, String user) {

    public Prompt {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(user, "user");
    }
}
