package org.ip4bot.answer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A brief request taken apart: what it is about, and the years it asks for ("since 2022", "2019-2023").
 *
 * @param subject  the topic without request words ("brief me on") and without the time window
 * @param fromYear first year wanted, or {@link Integer#MIN_VALUE}
 * @param toYear   last year wanted, or {@link Integer#MAX_VALUE}
 */
record BriefTopic(String subject, int fromYear, int toYear) {

    private static final Pattern REQUEST = Pattern.compile(
            "^(please\\s+)?((can you\\s+)?(give me\\s+)?(a\\s+)?(brief|briefing|summary|overview)(\\s+me)?\\s+(on|about|of)"
                    + "|brief me (on|about)|summari[sz]e|brief)\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern SINCE = Pattern.compile("\\b(since|from|after)\\s+((?:19|20)\\d{2})\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RANGE = Pattern.compile(
            "\\b(?:between\\s+|from\\s+)?((?:19|20)\\d{2})\\s*(?:-|–|to|and)\\s*((?:19|20)\\d{2})\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern UNTIL = Pattern.compile("\\b(until|before|up to)\\s+((?:19|20)\\d{2})\\b",
            Pattern.CASE_INSENSITIVE);

    /**
     * Words every document in this corpus is about; in a brief topic they add nothing but pull in the notes
     * about names and labels. "The IP4 in Afghanistan" is a brief about Afghanistan.
     */
    private static final Pattern CORPUS_WIDE = Pattern.compile(
            "(?i)[-–]?\\b(the\\s+)?(IP4|IPP|AP4|NATO(?:['’]s)?|alliance|(four\\s+)?Indo-Pacific\\s+(partners|four)"
                    + "|Asia-Pacific\\s+partners|(the\\s+)?four\\s+partners)\\b[-–]?");

    static BriefTopic parse(String topic) {
        String request = REQUEST.matcher(topic.strip()).replaceFirst("");
        int from = Integer.MIN_VALUE;
        int to = Integer.MAX_VALUE;
        Matcher range = RANGE.matcher(request);
        Matcher since = SINCE.matcher(request);
        Matcher until = UNTIL.matcher(request);
        if (range.find()) {
            from = Integer.parseInt(range.group(1));
            to = Integer.parseInt(range.group(2));
        } else {
            if (since.find()) {
                from = Integer.parseInt(since.group(2));
            }
            if (until.find()) {
                to = Integer.parseInt(until.group(2));
            }
        }
        String withoutRange = range.find(0) ? request.substring(0, range.start()) + request.substring(range.end())
                : request;
        String cleaned = withoutRange.replaceAll("(?i)\\b(since|from|after|until|before|up to|between)\\s+(19|20)\\d{2}"
                + "(\\s*(-|–|to|and)\\s*(19|20)\\d{2})?", "").replaceAll("\\s+", " ").strip();
        String focused = CORPUS_WIDE.matcher(cleaned).replaceAll(" ")
                .replaceAll("(?i)^\\W*(and|in|on|with|of|between)\\b", "").replaceAll("\\s+", " ").strip();
        String subject = focused.replaceAll("[\\p{Punct}\\s]", "").length() >= 3 ? focused : cleaned;
        return new BriefTopic(subject.isEmpty() ? topic.strip() : subject, from, to);
    }

    boolean inWindow(int year) {
        return year >= fromYear && year <= toYear;
    }

    /** With a window, a sentence whose first date lies outside it does not belong in the brief. */
    boolean allows(String sentence) {
        if (fromYear == Integer.MIN_VALUE && toYear == Integer.MAX_VALUE) {
            return true;
        }
        return DateMention.first(sentence).map(d -> inWindow(d.year())).orElse(true);
    }
}
