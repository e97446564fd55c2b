package dev.drillbot.core.progress;

import java.time.LocalDate;
import java.util.NavigableSet;
import java.util.Set;

/**
 * A user's streak over <em>drill days</em>: days on which the channel's schedule posted a drill, in
 * the channel's time zone. Answering on a drill day extends the streak; days without a scheduled drill
 * neither extend nor break it; today's drill does not break it until the day is over.
 *
 * @param current consecutive answered drill days up to the latest one
 * @param longest the longest such run ever
 * @param answeredToday whether today is a drill day the user has already answered on
 */
public record Streak(int current, int longest, boolean answeredToday) {

    public static Streak compute(NavigableSet<LocalDate> drillDays, Set<LocalDate> answerDays, LocalDate today) {
        int longest = 0;
        int run = 0;
        for (LocalDate day : drillDays.headSet(today, true)) {
            run = answerDays.contains(day) ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        int current = 0;
        boolean answeredToday = drillDays.contains(today) && answerDays.contains(today);
        for (LocalDate day : drillDays.headSet(today, true).descendingSet()) {
            if (answerDays.contains(day)) {
                current++;
            } else if (day.equals(today)) {
                continue; // still time to answer today
            } else {
                break;
            }
        }
        return new Streak(current, longest, answeredToday);
    }
}
