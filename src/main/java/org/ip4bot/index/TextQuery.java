package org.ip4bot.index;

import java.util.List;
import java.util.Objects;

/**
 * A keyword query: the user's words, plus alternative names that count for less.
 *
 * @param text         free text as the user typed it
 * @param alternatives other names for entities in the text (e.g. "Republic of Korea" for "ROK"), searched as phrases
 */
public record TextQuery(String text, List<String> alternatives) {

    public TextQuery {
        Objects.requireNonNull(text, "text");
        alternatives = List.copyOf(Objects.requireNonNullElse(alternatives, List.of()));
    }
}
