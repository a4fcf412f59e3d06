package org.ip4bot.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ip4bot.answer.Answer;
import org.ip4bot.answer.Brief;
import org.ip4bot.answer.Citation;
import org.ip4bot.answer.DocumentRef;

/** The JSON contract every interface shares: field names here are a public API, keep them. */
public final class AnswerJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AnswerJson() {
    }

    public static String toJson(Answer answer) {
        try {
            return JSON.writeValueAsString(toMap(answer));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an answer could not be written as JSON", e);
        }
    }

    public static String error(String question, String message) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("question", question);
        out.put("status", "rejected");
        out.put("error", message);
        try {
            return JSON.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, Object> toMap(Answer answer) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("question", answer.question());
        out.put("status", answer.status().wireName());
        out.put("answer", answer.text());
        List<Map<String, Object>> citations = new ArrayList<>();
        for (Citation c : answer.citations()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("n", c.n());
            m.put("source", c.source());
            m.put("title", c.title());
            m.put("publisher", c.publisher());
            m.put("date", c.date());
            m.put("url", c.url());
            m.put("section", c.section());
            m.put("page", c.page() == 0 ? null : c.page());
            m.put("snippet", c.snippet());
            citations.add(m);
        }
        out.put("citations", citations);
        if (!answer.closestDocuments().isEmpty()) {
            List<Map<String, Object>> closest = new ArrayList<>();
            for (DocumentRef d : answer.closestDocuments()) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("source", d.source());
                doc.put("title", d.title());
                doc.put("date", d.date());
                doc.put("url", d.url());
                closest.add(doc);
            }
            out.put("closestDocuments", closest);
        }
        answer.brief().ifPresent(b -> out.put("brief", briefMap(b)));
        out.put("corpusVersion", answer.corpusVersion());
        out.put("composer", answer.composer());
        out.put("latencyMs", answer.latencyMs());
        return out;
    }

    private static Map<String, Object> briefMap(Brief brief) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("overview", brief.overview());
        out.put("groupedBy", brief.groupedBy());
        List<Map<String, Object>> groups = new ArrayList<>();
        for (Brief.Group g : brief.groups()) {
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("label", g.label());
            group.put("points", g.points());
            groups.add(group);
        }
        out.put("groups", groups);
        List<Map<String, Object>> timeline = new ArrayList<>();
        for (Brief.TimelineEntry e : brief.timeline()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("date", e.date());
            entry.put("display", e.display());
            entry.put("text", e.text());
            timeline.add(entry);
        }
        out.put("timeline", timeline);
        return out;
    }
}
