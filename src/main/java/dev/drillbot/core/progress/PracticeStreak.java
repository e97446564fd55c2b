package dev.drillbot.core.progress;

import java.time.LocalDate;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A user's personal practice streak: consecutive days, in the user's own time zone, with at least one
 * scored answer anywhere (a scheduled drill, {@code /drill}, a review). Every {@link #DAYS_PER_FREEZE}
 * days of streak earn a freeze (at most {@link #MAX_FREEZES} held); a missed day spends one instead of
 * breaking the streak. Paused days neither extend nor break it, and today does not break it until it is over.
 *
 * @param current practised days in the current run
 * @param longest the longest run ever
 * @param freezes freezes held now
 * @param freezesSpent freezes spent on missed days of the current run
 * @param practisedToday whether today already has a scored answer
 */
public record PracticeStreak(int current, int longest, int freezes, int freezesSpent, boolean practisedToday) {
    public static final int DAYS_PER_FREEZE = 7;
    public static final int MAX_FREEZES = 2;

    public static PracticeStreak compute(Set<LocalDate> practised, Predicate<LocalDate> paused, LocalDate today) {
        LocalDate first = practised.stream().min(LocalDate::compareTo).orElse(null);
        if (first == null || first.isAfter(today)) {
            return new PracticeStreak(0, 0, 0, 0, false);
        }
        int run = 0;
        int longest = 0;
        int freezes = 0;
        int spent = 0;
        for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
            if (practised.contains(day)) {
                run++;
                longest = Math.max(longest, run);
                if (run % DAYS_PER_FREEZE == 0) {
                    freezes = Math.min(MAX_FREEZES, freezes + 1);
                }
            } else if (paused.test(day) || day.equals(today)) {
                // a paused day is excused; today is not over yet
            } else if (freezes > 0) {
                freezes--;
                spent++;
            } else {
                run = 0;
                spent = 0;
            }
        }
        return new PracticeStreak(run, longest, freezes, spent, practised.contains(today));
    }
}
