package org.ip4bot.eval;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ip4bot.Ip4botException;

/** Reads a question set in JSON Lines: {@code {"id","question","answer_keywords","source","kind"}}. */
public final class EvalQuestions {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private EvalQuestions() {
    }

    public static List<EvalQuestion> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new Ip4botException("cannot read the question set " + file + ": " + e.getMessage(), e);
        }
        List<EvalQuestion> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                out.add(JSON.readValue(line, EvalQuestion.class));
            } catch (IOException | IllegalArgumentException e) {
                throw new Ip4botException(file + " line " + (i + 1) + " is not a valid question: " + e.getMessage(), e);
            }
        }
        return out;
    }
}
