package org.ip4bot.answer;

/** Lays a brief out as plain text with light Markdown, ready to paste into notes. */
final class BriefText {

    private BriefText() {
    }

    static String render(Brief brief) {
        StringBuilder out = new StringBuilder();
        out.append("Overview\n").append(String.join(" ", brief.overview())).append("\n");
        if (!brief.groups().isEmpty()) {
            out.append("\nKey points by ").append(brief.groupedBy()).append("\n");
            for (Brief.Group group : brief.groups()) {
                out.append(group.label()).append("\n");
                group.points().forEach(p -> out.append("- ").append(p).append("\n"));
            }
        }
        if (!brief.timeline().isEmpty()) {
            out.append("\nTimeline\n");
            brief.timeline().forEach(e -> out.append("- ").append(e.display()).append(": ").append(e.text())
                    .append("\n"));
        }
        return out.toString().strip();
    }
}
