package org.ip4bot.cli;

import org.ip4bot.answer.Answer;
import org.ip4bot.answer.Citation;

/** An answer laid out for a terminal: the text, then the numbered sources. */
final class AnswerText {

    private AnswerText() {
    }

    static String render(Answer answer) {
        StringBuilder out = new StringBuilder(answer.text()).append("\n");
        if (!answer.citations().isEmpty()) {
            out.append("\nSources\n");
            for (Citation c : answer.citations()) {
                out.append("[").append(c.n()).append("] ").append(c.title());
                if (!c.publisher().isEmpty()) {
                    out.append(", ").append(c.publisher());
                }
                if (!c.date().isEmpty()) {
                    out.append(", ").append(c.date());
                }
                if (!c.section().isEmpty()) {
                    out.append(", section \"").append(c.section()).append("\"");
                }
                if (c.page() > 0) {
                    out.append(", page ").append(c.page());
                }
                out.append(" (").append(c.source()).append(")");
                if (!c.url().isEmpty()) {
                    out.append("\n    ").append(c.url());
                }
                out.append("\n");
            }
        }
        out.append("\ncorpus ").append(answer.corpusVersion()).append(" · ").append(answer.composer()).append(" · ")
                .append(answer.latencyMs()).append(" ms");
        return out.toString();
    }
}
