package org.ip4bot.answer;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first date a sentence mentions, as precisely as it is written: "12 July 2023", "July 2023" or "2023".
 *
 * @param iso     sortable: {@code 2023-07-12}, {@code 2023-07} or {@code 2023}
 * @param display as people write it
 */
record DateMention(String iso, String display, int year) {

    private static final String MONTHS =
            "January|February|March|April|May|June|July|August|September|October|November|December"
                    + "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec";
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "\\b(\\d{1,2})(?:[-–]\\d{1,2})? (" + MONTHS + ")\\.? ((?:19|20)\\d{2})\\b");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            "\\b(" + MONTHS + ")\\.? (\\d{1,2}),? ((?:19|20)\\d{2})\\b");
    private static final Pattern MONTH_YEAR = Pattern.compile("\\b(" + MONTHS + ")\\.? ((?:19|20)\\d{2})\\b");
    /** A bare year; a decade ("the 2000s") is no date for a timeline. */
    private static final Pattern YEAR = Pattern.compile("\\b((?:19|20)\\d{2})\\b(?!s)");

    static Optional<DateMention> first(String sentence) {
        DateMention best = null;
        int bestAt = Integer.MAX_VALUE;
        Matcher m = DAY_MONTH_YEAR.matcher(sentence);
        if (m.find()) {
            best = of(Integer.parseInt(m.group(3)), month(m.group(2)), Integer.parseInt(m.group(1)));
            bestAt = m.start();
        }
        m = MONTH_DAY_YEAR.matcher(sentence);
        if (m.find() && m.start() < bestAt) {
            best = of(Integer.parseInt(m.group(3)), month(m.group(1)), Integer.parseInt(m.group(2)));
            bestAt = m.start();
        }
        m = MONTH_YEAR.matcher(sentence);
        if (m.find() && m.start() < bestAt) {
            best = of(Integer.parseInt(m.group(2)), month(m.group(1)), 0);
            bestAt = m.start();
        }
        m = YEAR.matcher(sentence);
        if (m.find() && m.start() < bestAt - 12) {
            best = of(Integer.parseInt(m.group(1)), 0, 0);
        } else if (best == null && m.find(0)) {
            best = of(Integer.parseInt(m.group(1)), 0, 0);
        }
        return Optional.ofNullable(best);
    }

    private static DateMention of(int year, int month, int day) {
        String[] names = {"", "January", "February", "March", "April", "May", "June", "July", "August", "September",
            "October", "November", "December"};
        if (month == 0) {
            return new DateMention(Integer.toString(year), Integer.toString(year), year);
        }
        if (day == 0 || day > 31) {
            return new DateMention(String.format("%d-%02d", year, month), names[month] + " " + year, year);
        }
        return new DateMention(String.format("%d-%02d-%02d", year, month, day), day + " " + names[month] + " " + year,
                year);
    }

    private static int month(String name) {
        String key = name.substring(0, 3).toLowerCase(java.util.Locale.ROOT);
        return switch (key) {
            case "jan" -> 1;
            case "feb" -> 2;
            case "mar" -> 3;
            case "apr" -> 4;
            case "may" -> 5;
            case "jun" -> 6;
            case "jul" -> 7;
            case "aug" -> 8;
            case "sep" -> 9;
            case "oct" -> 10;
            case "nov" -> 11;
            default -> 12;
        };
    }
}
