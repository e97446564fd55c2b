package dev.drillbot.core.drill;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * When a channel's weekly digest is posted, in the channel's time zone: a day of the week and a time,
 * written in config as {@code "MON 09:00"} (or {@code "monday 9:00"}).
 */
public record DigestSchedule(DayOfWeek day, LocalTime at) {

    /** Monday 09:00, what {@code digest: on} means. */
    public static final DigestSchedule DEFAULT = new DigestSchedule(DayOfWeek.MONDAY, LocalTime.of(9, 0));

    /** The schedule as written in config, or empty when it is not one. */
    public static Optional<DigestSchedule> parse(String text) {
        String t = text.strip().toUpperCase(Locale.ROOT);
        if (t.equals("ON") || t.equals("TRUE") || t.equals("YES")) {
            return Optional.of(DEFAULT);
        }
        String[] parts = t.split("\\s+");
        if (parts.length != 2 || parts[0].length() < 3) {
            return Optional.empty();
        }
        DayOfWeek day = null;
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().startsWith(parts[0]) && (parts[0].length() == 3 || d.name().equals(parts[0]))) {
                day = d;
            }
        }
        if (day == null) {
            return Optional.empty();
        }
        try {
            String time = parts[1].length() == 4 ? "0" + parts[1] : parts[1];
            return Optional.of(new DigestSchedule(day, LocalTime.parse(time)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return day.name().substring(0, 3) + " " + at;
    }
}
