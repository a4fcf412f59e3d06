package org.ip4bot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ip4bot.Ip4botException;

/** Reads a batch of questions: plain text (one a line) or JSON Lines with a {@code question} field. */
final class QuestionFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private QuestionFile() {
    }

    static List<String> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new Ip4botException("cannot read the questions file " + file + ": " + e.getMessage(), e);
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            out.add(line.startsWith("{") ? questionField(file, i + 1, line) : line);
        }
        return out;
    }

    private static String questionField(Path file, int lineNumber, String line) {
        try {
            JsonNode node = JSON.readTree(line);
            JsonNode question = node.get("question");
            if (question == null || !question.isTextual()) {
                throw new Ip4botException(file + " line " + lineNumber + ": a JSON line needs a \"question\" string");
            }
            return question.asText();
        } catch (IOException e) {
            throw new Ip4botException(file + " line " + lineNumber + " is not valid JSON: " + e.getMessage(), e);
        }
    }
}
