package dev.drillbot.core;

import dev.drillbot.testing.TestStore;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbot.core.chat.AnswerReceived;
import dev.drillbot.core.chat.ThreadRef;
import dev.drillbot.core.chat.UserRef;
import dev.drillbot.core.drill.ChannelSettings;
import dev.drillbot.core.drill.TrackMode;
import dev.drillbot.core.progress.Streak;
import dev.drillbot.testing.TestBot;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Streaks are counted in the channel's time zone, across DST changes")
@ParameterizedClass(name = "on {0}")
@EnumSource(TestStore.class)
class StreakAcrossTimezonesTest {
    /** Every test here runs on SQLite and on PostgreSQL (skipped, with a message, when no server is set). */
    @Parameter
    TestStore store;

    static final UserRef ANA = new UserRef("U1", "Ana");

    @TempDir
    Path dir;

    private static Instant local(String dateTime, ZoneId zone) {
        return LocalDateTime.parse(dateTime).atZone(zone).toInstant();
    }

    private Streak streakAfterDailyAnswers(ZoneId zone, String[] days, String answerTime) {
        ChannelSettings ch = new ChannelSettings(TestBot.CHANNEL, "0 0 9 * * ?", zone, TrackMode.MIXED,
                Duration.ofHours(24), Duration.ofHours(2));
        try (TestBot t = new TestBot(store, dir.resolve(zone.getId().replace('/', '_')), ch, local(days[0] + "T09:00", zone))) {
            int n = 0;
            for (String day : days) {
                Instant nine = local(day + "T09:00", zone);
                t.clock.set(nine);
                t.bot.drills().postScheduled(ch, nine);
                String thread = t.gateway.posts().get(t.gateway.posts().size() - 1).threadId();
                Instant at = local(day + "T" + answerTime, zone);
                t.clock.set(at);
                t.bot.answers().receive(new AnswerReceived(ANA, new ThreadRef(TestBot.CHANNEL, thread),
                        "result score=60", at, "m" + n++));
            }
            LocalDate today = t.clock.instant().atZone(zone).toLocalDate();
            return Streak.compute(t.bot.progress().drillDays(TestBot.CHANNEL),
                    t.bot.progress().answerDays(TestBot.CHANNEL, ANA.id()), today);
        }
    }

    @Test
    @DisplayName("late-evening answers in Los Angeles (already the next day in UTC) keep a streak across the March DST jump")
    void losAngelesSpringForward() {
        ZoneId la = ZoneId.of("America/Los_Angeles");
        // 2026-03-08 is the DST change in the US; 23:30 local is 06:30 or 07:30 UTC the next day.
        Streak s = streakAfterDailyAnswers(la, new String[] {"2026-03-06", "2026-03-07", "2026-03-08", "2026-03-09"},
                "23:30");
        assertThat(s.current()).isEqualTo(4);
        assertThat(s.longest()).isEqualTo(4);
    }

    @Test
    @DisplayName("early-morning answers in Auckland (the previous day in UTC) count for the local day, across the April DST end")
    void aucklandAutumnBack() {
        ZoneId akl = ZoneId.of("Pacific/Auckland");
        // DST ends 2026-04-05 in New Zealand.
        Streak s = streakAfterDailyAnswers(akl, new String[] {"2026-04-03", "2026-04-04", "2026-04-05", "2026-04-06"},
                "09:30");
        assertThat(s.current()).isEqualTo(4);
    }
}
