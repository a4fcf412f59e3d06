package org.ip4bot.corpus;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Calendar;
import java.util.Date;
import java.util.Optional;
import java.util.regex.Pattern;

/** Turns the date shapes found in front matter and HTML meta tags into ISO {@code yyyy-MM-dd}, {@code yyyy-MM} or {@code yyyy}. */
final class IsoDates {

    static final String ACCEPTED_FORMS = "yyyy-MM-dd, yyyy-MM or yyyy (e.g. 2025-07-01, 2025-07, 2025)";

    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern DAY_WITH_TIME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[T ].*");

    private IsoDates() {
    }

    /**
     * The ISO form of a value, or empty when it is not a date in one of the {@link #ACCEPTED_FORMS} (a date-time is
     * cut to its day). Accepts {@link Date} (read in UTC, as YAML timestamps are), {@link Calendar}, {@link TemporalAccessor}
     * values, four-digit integers and strings.
     */
    static Optional<String> normalise(Object value) {
        if (value instanceof Date date) {
            return Optional.of(date.toInstant().atOffset(ZoneOffset.UTC).toLocalDate().toString());
        }
        if (value instanceof Calendar calendar) {
            return normalise(calendar.getTime());
        }
        if (value instanceof LocalDate || value instanceof YearMonth || value instanceof Year) {
            return Optional.of(value.toString());
        }
        if (value instanceof LocalDateTime time) {
            return Optional.of(time.toLocalDate().toString());
        }
        if (value instanceof OffsetDateTime time) {
            return Optional.of(time.toLocalDate().toString());
        }
        if (value instanceof ZonedDateTime time) {
            return Optional.of(time.toLocalDate().toString());
        }
        if (value instanceof Integer || value instanceof Long || value instanceof String) {
            return normaliseText(value.toString().trim());
        }
        return Optional.empty();
    }

    private static Optional<String> normaliseText(String text) {
        try {
            if (DAY.matcher(text).matches()) {
                return Optional.of(LocalDate.parse(text).toString());
            }
            if (MONTH.matcher(text).matches()) {
                return Optional.of(YearMonth.parse(text).toString());
            }
            if (YEAR.matcher(text).matches()) {
                return Optional.of(text);
            }
            var withTime = DAY_WITH_TIME.matcher(text);
            if (withTime.matches()) {
                return Optional.of(LocalDate.parse(withTime.group(1)).toString());
            }
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
