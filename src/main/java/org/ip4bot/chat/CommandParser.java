package org.ip4bot.chat;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a message or slash-command text as a {@link Command}. The keywords ({@code help}, {@code sources},
 * {@code reload}, {@code brief <topic>}) count only as the whole text or its first word, in any case; anything
 * else is a question, so "help me understand the IPCPs" is still a question.
 */
final class CommandParser {

    private static final Pattern BRIEF =
            Pattern.compile("(?is)brief(?:\\s*[:\\-–]\\s*|\\s+)(?:me\\s+on\\s+|on\\s+)?(.*)");

    private CommandParser() {
    }

    static Command parse(String text) {
        String stripped = text == null ? "" : text.strip();
        String keyword = stripped.toLowerCase(Locale.ROOT).replaceAll("[.!?]+$", "").strip();
        switch (keyword) {
            case "", "help", "?", "usage" -> {
                return new Command.Help();
            }
            case "sources", "source", "documents", "docs" -> {
                return new Command.Sources();
            }
            case "reload" -> {
                return new Command.Reload();
            }
            case "brief" -> {
                return new Command.Brief("");
            }
            default -> {
                Matcher brief = BRIEF.matcher(stripped);
                if (brief.matches()) {
                    return new Command.Brief(brief.group(1).strip());
                }
                return new Command.Ask(stripped);
            }
        }
    }
}
