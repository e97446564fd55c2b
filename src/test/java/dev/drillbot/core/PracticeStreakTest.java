package dev.drillbot.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbot.core.progress.PracticeStreak;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The personal practice streak: days with a score, freezes earned and spent, pauses")
class PracticeStreakTest {
    static final LocalDate MON = LocalDate.of(2026, 11, 2);

    private static Set<LocalDate> days(int from, int to) {
        Set<LocalDate> out = new HashSet<>();
        for (int d = from; d <= to; d++) {
            out.add(MON.plusDays(d));
        }
        return out;
    }

    @Test
    @DisplayName("consecutive days count; today not yet practised does not break it")
    void consecutiveDays() {
        PracticeStreak s = PracticeStreak.compute(days(0, 4), d -> false, MON.plusDays(5));
        assertThat(s.current()).isEqualTo(5);
        assertThat(s.practisedToday()).isFalse();
        assertThat(PracticeStreak.compute(days(0, 5), d -> false, MON.plusDays(5)).practisedToday()).isTrue();
    }

    @Test
    @DisplayName("a missed day without a freeze breaks the streak; the longest run is kept")
    void missedDayBreaks() {
        Set<LocalDate> practised = days(0, 3);
        practised.addAll(days(5, 6));
        PracticeStreak s = PracticeStreak.compute(practised, d -> false, MON.plusDays(6));
        assertThat(s.current()).isEqualTo(2);
        assertThat(s.longest()).isEqualTo(4);
        assertThat(s.freezes()).isZero();
    }

    @Test
    @DisplayName("seven days earn a freeze, which a missed day spends instead of breaking the streak")
    void freezeCoversAMissedDay() {
        Set<LocalDate> practised = days(0, 6); // earns one freeze
        practised.addAll(days(8, 9)); // day 7 missed
        PracticeStreak s = PracticeStreak.compute(practised, d -> false, MON.plusDays(9));
        assertThat(s.current()).isEqualTo(9);
        assertThat(s.freezes()).isZero();
        assertThat(s.freezesSpent()).isEqualTo(1);
    }

    @Test
    @DisplayName("at most two freezes are held, however long the streak")
    void atMostTwoFreezes() {
        PracticeStreak s = PracticeStreak.compute(days(0, 34), d -> false, MON.plusDays(34));
        assertThat(s.current()).isEqualTo(35);
        assertThat(s.freezes()).isEqualTo(PracticeStreak.MAX_FREEZES);
        Set<LocalDate> practised = days(0, 34);
        practised.addAll(days(38, 38)); // three missed days, two freezes
        assertThat(PracticeStreak.compute(practised, d -> false, MON.plusDays(38)).current()).isEqualTo(1);
    }

    @Test
    @DisplayName("paused days neither extend nor break the streak, nor spend a freeze")
    void pausedDaysAreExcused() {
        Set<LocalDate> practised = days(0, 2);
        practised.addAll(days(10, 11));
        PracticeStreak s = PracticeStreak.compute(practised, d -> !d.isBefore(MON.plusDays(3)) && !d.isAfter(MON.plusDays(9)),
                MON.plusDays(11));
        assertThat(s.current()).isEqualTo(5);
        assertThat(s.freezesSpent()).isZero();
    }

    @Test
    @DisplayName("no practice yet: nothing to show")
    void nothingYet() {
        assertThat(PracticeStreak.compute(Set.of(), d -> false, MON)).isEqualTo(new PracticeStreak(0, 0, 0, 0, false));
    }
}
