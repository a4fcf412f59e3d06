package org.ip4bot.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.ip4bot.Ip4botException;

/**
 * Appends feedback to a JSON Lines file, one object a line, so it can be read with any tool and never rewritten.
 * Thread-safe: concurrent clicks become whole lines, one after the other.
 */
public final class FeedbackLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    public FeedbackLog(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /**
     * Clicks so far by value ({@code helpful}, {@code not_helpful}, {@code wrong_source}), every value present
     * (0 when none); unreadable lines are skipped. Reads the whole file: for status pages, not per question.
     */
    public synchronized java.util.Map<String, Long> totals() {
        java.util.Map<String, Long> out = new java.util.TreeMap<>();
        Feedback.VALUES.forEach(v -> out.put(v, 0L));
        if (!Files.exists(file)) {
            return out;
        }
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            lines.forEach(line -> {
                try {
                    String value = JSON.readTree(line).path("value").asText("");
                    out.computeIfPresent(value, (k, n) -> n + 1);
                } catch (IOException e) {
                    // A torn last line after a crash; the rest still counts.
                }
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new Ip4botException("could not read feedback from " + file + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** @throws Ip4botException when the line cannot be written, naming the file */
    public synchronized void append(Feedback feedback) {
        ObjectNode line = JSON.createObjectNode()
                .put("at", feedback.at().toString())
                .put("platform", feedback.platform())
                .put("userId", feedback.userId())
                .put("value", feedback.value())
                .put("answerId", feedback.answerId())
                .put("question", feedback.question())
                .put("corpusVersion", feedback.corpusVersion());
        line.putArray("citations").addAll(feedback.citations().stream().map(JSON.getNodeFactory()::textNode).toList());
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, JSON.writeValueAsString(line) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new Ip4botException("could not append feedback to " + file + " (check the data directory is "
                    + "writable): " + e.getMessage(), e);
        }
    }
}
