package dev.drillbot.core.progress;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code /progress} draws, as plain data (the core knows no chart library): answers per day over the
 * last {@link #WEEKS} weeks, and the average score per Leadership Principle and per SQL topic practised.
 *
 * @param user the name shown in the title
 * @param lastDay the last day of the heatmap (today in the user's zone)
 * @param answersPerDay scored answers per day, days without any left out
 * @param principles average score (0-100) per principle practised, by display name, in the bank's order
 * @param topics average score (0-100) per SQL topic practised, by display name
 */
public record ProgressPicture(String user, LocalDate lastDay, Map<LocalDate, Integer> answersPerDay,
        Map<String, Double> principles, Map<String, Double> topics) {
    public static final int WEEKS = 12;

    public ProgressPicture {
        answersPerDay = Map.copyOf(answersPerDay);
        principles = new LinkedHashMap<>(principles);
        topics = new LinkedHashMap<>(topics);
    }

    /** Answers per day on the days the heatmap shows, from {@link #firstDay()} to {@link #lastDay()}. */
    public Map<LocalDate, Integer> shownDays() {
        Map<LocalDate, Integer> shown = new java.util.TreeMap<>();
        answersPerDay.forEach((day, n) -> {
            if (!day.isBefore(firstDay()) && !day.isAfter(lastDay)) {
                shown.put(day, n);
            }
        });
        return shown;
    }

    /** The first day the heatmap shows: a Monday, so that each column is one week. */
    public LocalDate firstDay() {
        return lastDay.minusWeeks(WEEKS - 1).with(java.time.DayOfWeek.MONDAY);
    }
}
