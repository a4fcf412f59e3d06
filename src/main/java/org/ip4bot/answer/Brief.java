package org.ip4bot.answer;

import java.util.List;

/**
 * A brief's structure; each line's text carries its own {@code [n]} markers, numbered as in the answer.
 *
 * @param overview two sentences
 * @param groupedBy "partner" or "theme"
 * @param groups    key points, grouped
 * @param timeline  dated events, oldest first
 */
public record Brief(List<String> overview, String groupedBy, List<Group> groups, List<TimelineEntry> timeline) {

    public Brief {
        overview = List.copyOf(overview);
        groups = List.copyOf(groups);
        timeline = List.copyOf(timeline);
    }

    /** Key points under one partner or theme. */
    public record Group(String label, List<String> points) {
        public Group {
            points = List.copyOf(points);
        }
    }

    /**
     * @param date    ISO form for sorting ({@code 2023-07-12}, {@code 2023-07} or {@code 2023})
     * @param display the date as written for people ({@code 12 July 2023})
     */
    public record TimelineEntry(String date, String display, String text) {
    }
}
