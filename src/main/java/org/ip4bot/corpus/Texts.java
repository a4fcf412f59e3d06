package org.ip4bot.corpus;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/** Small text helpers shared by the readers and the chunker. */
final class Texts {

    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");
    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B\\u200C\\u200D\\u2060\\uFEFF\\u00AD]");
    private static final Pattern WORD_SEPARATORS = Pattern.compile("[-_\\s]+");

    private Texts() {
    }

    /**
     * Drops invisible characters (zero-width spaces and joiners, soft hyphens, byte-order marks), collapses every run
     * of whitespace (including no-break spaces) to one space and trims.
     */
    static String normaliseWhitespace(String text) {
        return WHITESPACE.matcher(INVISIBLE.matcher(text).replaceAll("")).replaceAll(" ").trim();
    }

    /** Words as {@link Chunk#wordCount()} counts them: runs of non-whitespace. */
    static int wordCount(String text) {
        String trimmed = text.trim();
        return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
    }

    /**
     * Decodes UTF-8 leniently (bad bytes become U+FFFD rather than failing the file), drops a byte-order mark and
     * turns CRLF and CR line ends into LF.
     */
    static String decodeUtf8(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** A readable title from a file name: {@code new-zealand.md} gives "New Zealand"; never blank. */
    static String titleFromFileName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        StringBuilder title = new StringBuilder();
        for (String word : WORD_SEPARATORS.split(stem.trim())) {
            if (word.isEmpty()) {
                continue;
            }
            if (title.length() > 0) {
                title.append(' ');
            }
            title.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
        }
        return title.length() == 0 ? name : title.toString();
    }
}
