package dev.drillbot.core.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Streaks count drill days")
class StreakTest {
    // Mon 2026-11-16 .. Fri 2026-11-20, Mon 2026-11-23 .. Wed 2026-11-25 (a MON-FRI schedule)
    static final TreeSet<LocalDate> WEEKDAYS = new TreeSet<>();

    static {
        for (String d : new String[] {"2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20",
                "2026-11-23", "2026-11-24", "2026-11-25"}) {
            WEEKDAYS.add(LocalDate.parse(d));
        }
    }

    static Set<LocalDate> days(String... iso) {
        Set<LocalDate> s = new java.util.HashSet<>();
        for (String d : iso) {
            s.add(LocalDate.parse(d));
        }
        return s;
    }

    @Test
    @DisplayName("a weekend without drills neither breaks nor extends the streak")
    void weekendIsNeutral() {
        Streak s = Streak.compute(WEEKDAYS, days("2026-11-19", "2026-11-20", "2026-11-21", "2026-11-23"),
                LocalDate.parse("2026-11-23"));
        assertThat(s.current()).isEqualTo(3); // Thu, Fri, Mon — the Saturday answer adds nothing
        assertThat(s.answeredToday()).isTrue();
    }

    @Test
    @DisplayName("a missed drill day breaks the streak; the longest run is remembered")
    void missedDayBreaks() {
        Streak s = Streak.compute(WEEKDAYS, days("2026-11-16", "2026-11-17", "2026-11-18", "2026-11-20", "2026-11-23"),
                LocalDate.parse("2026-11-23"));
        assertThat(s.current()).isEqualTo(2);
        assertThat(s.longest()).isEqualTo(3);
    }

    @Test
    @DisplayName("today's unanswered drill does not break the streak until the day is over")
    void todayPending() {
        Set<LocalDate> answered = days("2026-11-19", "2026-11-20", "2026-11-23");
        assertThat(Streak.compute(WEEKDAYS, answered, LocalDate.parse("2026-11-24")).current()).isEqualTo(3);
        assertThat(Streak.compute(WEEKDAYS, answered, LocalDate.parse("2026-11-25")).current()).isZero();
    }

    @Test
    @DisplayName("no drills yet means no streak")
    void empty() {
        assertThat(Streak.compute(new TreeSet<>(), days("2026-11-20"), LocalDate.parse("2026-11-20")))
                .isEqualTo(new Streak(0, 0, false));
    }
}
