package dev.drillbot.core;

import dev.drillbot.testing.TestStore;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbot.core.chat.AnswerReceived;
import dev.drillbot.core.chat.ThreadRef;
import dev.drillbot.core.chat.UserRef;
import dev.drillbot.core.command.CommandContext;
import dev.drillbot.core.command.CommandReply;
import dev.drillbot.testing.RecordingGateway;
import dev.drillbot.testing.TestBot;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The at-risk reminder: one private note a day after the chosen time, only when a streak is at risk")
@ParameterizedClass(name = "on {0}")
@EnumSource(TestStore.class)
class NudgesTest {
    /** Every test here runs on SQLite and on PostgreSQL (skipped, with a message, when no server is set). */
    @Parameter
    TestStore store;

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Monday 2026-11-23, 10:00 in Berlin. */
    static final Instant MONDAY_10 = Instant.parse("2026-11-23T09:00:00Z");
    static final UserRef ANA = new UserRef("U1", "Ana");

    @TempDir
    Path dir;
    TestBot t;

    @BeforeEach
    void start() {
        t = new TestBot(store, dir, BERLIN, MONDAY_10);
    }

    @AfterEach
    void stop() {
        if (t != null) { // null when the store was skipped
            t.close();
        }
    }

    CommandReply run(String line) {
        return t.bot.commands().dispatch(new CommandContext(t.channel, ANA, Optional.empty()), line);
    }

    void practise() {
        run("/drill sql");
        String thread = t.gateway.posts().get(t.gateway.posts().size() - 1).threadId();
        t.bot.answers().receive(new AnswerReceived(ANA, new ThreadRef(TestBot.CHANNEL, thread), "SELECT 1 score=70",
                t.clock.instant(), "m" + t.clock.instant()));
    }

    List<RecordingGateway.Sent> nudges() {
        return t.gateway.sent().stream().filter(s -> s.kind().equals("tell")
                && s.message().text().contains("at risk")).toList();
    }

    /** Sets the clock to Berlin local time on the given day after Monday. */
    void at(int day, int hour, int minute) {
        t.clock.set(MONDAY_10.plus(Duration.ofDays(day)).plus(Duration.ofHours(hour - 10)).plus(Duration.ofMinutes(minute)));
    }

    @Test
    @DisplayName("after the time on a day not yet practised, once; not before, not twice, not when practised")
    void oncePerDayWhenAtRisk() {
        practise(); // Monday: a 1-day streak
        assertThat(run("/remind on 20:00").message().text()).contains("Reminder on: at 20:00");
        at(1, 19, 59);
        assertThat(t.bot.nudges().tick()).isZero();
        at(1, 20, 0);
        assertThat(t.bot.nudges().tick()).isEqualTo(1);
        assertThat(nudges()).singleElement().satisfies(n -> assertThat(n.message().text())
                .contains("Ana, your 1-day practice streak is at risk", "Europe/Berlin"));
        at(1, 21, 30);
        assertThat(t.bot.nudges().tick()).as("at most one a day").isZero();

        at(2, 9, 0);
        practise(); // Wednesday practised in the morning: nothing at risk in the evening
        at(2, 20, 30);
        assertThat(t.bot.nudges().tick()).isZero();
        assertThat(nudges()).hasSize(1);
    }

    @Test
    @DisplayName("no reminder during a pause, without a running streak, or after /remind off")
    void notWhenNothingAtRisk() {
        run("/remind on 20:00");
        at(0, 20, 30);
        assertThat(t.bot.nudges().tick()).as("no streak yet").isZero();
        at(1, 9, 0);
        practise();
        at(2, 9, 0);
        run("/pause 2d");
        at(2, 20, 30);
        assertThat(t.bot.nudges().tick()).as("paused").isZero();
        run("/resume");
        run("/remind off");
        at(3, 20, 30);
        assertThat(t.bot.nudges().tick()).as("switched off").isZero();
        assertThat(nudges()).isEmpty();
        assertThat(run("/remind at eight").message().text()).contains("is not a reminder setting");
        assertThat(run("/remind").message().text()).contains("No reminder is on");
    }
}
