package org.ip4bot.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The benchmark's one table, with the machine and settings above it and the method notes below, as plain text for
 * a terminal and as Markdown for a file. Rows keep the order they were added in. Not thread-safe.
 */
public final class BenchReport {

    /** Whether a figure meets the goal stated for it. */
    public enum Verdict {
        MET("met"), MISSED("MISSED"), INFO(""), NOT_MEASURED("n/a");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        static Verdict of(boolean met) {
            return met ? MET : MISSED;
        }
    }

    /**
     * One line of the table.
     *
     * @param area    the section: quality, latency, indexing, memory, serving
     * @param figure  what was measured, on what
     * @param value   the measurement with its unit
     * @param goal    the goal from the issue, or empty
     */
    public record Row(String area, String figure, String value, String goal, Verdict verdict) {

        public Row {
            Objects.requireNonNull(area, "area");
            Objects.requireNonNull(figure, "figure");
            Objects.requireNonNull(value, "value");
            goal = Objects.requireNonNullElse(goal, "");
            Objects.requireNonNull(verdict, "verdict");
        }
    }

    private final String title;
    private final List<String[]> header = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public BenchReport(String title) {
        this.title = title;
    }

    void describe(String name, String value) {
        header.add(new String[] {name, value});
    }

    void add(String area, String figure, String value, String goal, Verdict verdict) {
        rows.add(new Row(area, figure, value, goal, verdict));
    }

    void info(String area, String figure, String value) {
        add(area, figure, value, "", Verdict.INFO);
    }

    void note(String text) {
        notes.add(text);
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    public String text() {
        StringBuilder out = new StringBuilder(title).append('\n');
        int width = header.stream().mapToInt(h -> h[0].length()).max().orElse(0);
        header.forEach(h -> out.append(String.format("  %-" + width + "s  %s%n", h[0], h[1])));
        out.append('\n');
        String[] names = {"area", "figure", "value", "goal", "verdict"};
        int[] widths = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            widths[i] = names[i].length();
        }
        for (Row r : rows) {
            String[] cells = cells(r);
            for (int i = 0; i < cells.length; i++) {
                widths[i] = Math.max(widths[i], cells[i].length());
            }
        }
        appendLine(out, names, widths);
        StringBuilder rule = new StringBuilder();
        for (int w : widths) {
            rule.append("-".repeat(w)).append("  ");
        }
        out.append(rule.toString().stripTrailing()).append('\n');
        for (Row r : rows) {
            appendLine(out, cells(r), widths);
        }
        if (!notes.isEmpty()) {
            out.append('\n');
            notes.forEach(n -> out.append("- ").append(n).append('\n'));
        }
        return out.toString();
    }

    public String markdown() {
        StringBuilder out = new StringBuilder("## ").append(title).append("\n\n");
        header.forEach(h -> out.append("- **").append(h[0]).append("**: ").append(h[1]).append('\n'));
        out.append("\n| area | figure | value | goal | verdict |\n|---|---|---|---|---|\n");
        for (Row r : rows) {
            out.append('|');
            for (String cell : cells(r)) {
                out.append(' ').append(cell.replace("|", "\\|")).append(" |");
            }
            out.append('\n');
        }
        if (!notes.isEmpty()) {
            out.append('\n');
            notes.forEach(n -> out.append("- ").append(n).append('\n'));
        }
        return out.toString();
    }

    private static String[] cells(Row r) {
        return new String[] {r.area(), r.figure(), r.value(), r.goal(), r.verdict().label()};
    }

    private static void appendLine(StringBuilder out, String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            line.append(String.format("%-" + widths[i] + "s  ", cells[i]));
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }
}
