package dev.drillbot.adapter.schedule;

import dev.drillbot.testing.TestStore;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbot.core.drill.ChannelSettings;
import dev.drillbot.core.drill.TrackMode;
import dev.drillbot.testing.TestBot;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The Quartz scheduler adapter")
@ParameterizedClass(name = "on {0}")
@EnumSource(TestStore.class)
class QuartzDrillSchedulerTest {
    /** Every test here runs on SQLite and on PostgreSQL (skipped, with a message, when no server is set). */
    @Parameter
    TestStore store;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    @DisplayName("two schedulers firing the same schedule on one database post each fire time once")
    void realQuartzPostsOncePerFireTime() throws Exception {
        // Every second, so the test sees several real fires; the clock is the real one.
        ChannelSettings ch = new ChannelSettings(TestBot.CHANNEL, "* * * * * ?", ZoneId.of("Europe/Berlin"),
                TrackMode.MIXED, Duration.ofHours(1), Duration.ofMinutes(5));
        try (TestBot t = new TestBot(store, dir, ch, Instant.now())) {
            // the core must see real time here, because Quartz fires in real time
            var realClockBot = dev.drillbot.cli.Bot.assemble(t.bank, new dev.drillbot.core.scoring.Scoring(
                    List.of(t.lp, t.sql)), t.db, new dev.drillbot.core.chat.Gateways(List.of(t.gateway)),
                    dev.drillbot.adapter.files.MustacheMessages.builtIn(),
                    new dev.drillbot.core.drill.ChannelDirectory(List.of(ch), ZoneId.of("UTC")), 20_000,
                    Clock.systemUTC(), new java.util.Random(1));
            try (QuartzDrillScheduler a = new QuartzDrillScheduler(List.of(ch), realClockBot.drills(), Clock.systemUTC());
                    QuartzDrillScheduler b = new QuartzDrillScheduler(List.of(ch), realClockBot.drills(), Clock.systemUTC())) {
                a.start();
                b.start();
                assertThat(t.gateway.awaitPosts(3, Duration.ofSeconds(20))).isTrue();
            }
            long fires = distinctFireTimes(t);
            assertThat(fires).isGreaterThanOrEqualTo(3);
            assertThat(t.gateway.posts()).hasSize((int) fires);
            assertThat(rows(t, "SELECT count(*) FROM drills")).isEqualTo(fires);
        }
    }

    @Test
    @DisplayName("the periodic job (the at-risk reminders) runs on the real scheduler, beside the drill triggers")
    void periodicJobRuns() throws Exception {
        java.util.concurrent.CountDownLatch ran = new java.util.concurrent.CountDownLatch(2);
        try (TestBot t = new TestBot(store, dir, java.time.ZoneId.of("UTC"), java.time.Instant.now());
                QuartzDrillScheduler s = new QuartzDrillScheduler(List.of(), t.bot.drills(), Clock.systemUTC(),
                        ran::countDown, "* * * * * ?")) {
            s.start();
            org.assertj.core.api.Assertions.assertThat(ran.await(10, java.util.concurrent.TimeUnit.SECONDS))
                    .as("ran twice").isTrue();
        }
    }

    @Test
    @DisplayName("at start-up a drill missed inside the grace window is posted; one outside it is skipped")
    void catchUpRespectsGraceWindow() {
        ZoneId la = ZoneId.of("America/Los_Angeles");
        Instant nineThirty = Instant.parse("2026-11-23T17:30:00Z"); // Monday 09:30 in Los Angeles
        ChannelSettings inGrace = new ChannelSettings(TestBot.CHANNEL, "0 0 9 ? * MON-FRI", la, TrackMode.LP,
                Duration.ofHours(24), Duration.ofHours(1));
        try (TestBot t = new TestBot(store, dir.resolve("a"), inGrace, nineThirty)) {
            new QuartzDrillScheduler(List.of(inGrace), t.bot.drills(), t.clock).catchUp();
            assertThat(t.gateway.posts()).hasSize(1);
            // a restart a minute later posts nothing new
            t.clock.advance(Duration.ofMinutes(1));
            new QuartzDrillScheduler(List.of(inGrace), t.bot.drills(), t.clock).catchUp();
            assertThat(t.gateway.posts()).hasSize(1);
        }
        ChannelSettings shortGrace = new ChannelSettings(TestBot.CHANNEL, "0 0 9 ? * MON-FRI", la, TrackMode.LP,
                Duration.ofHours(24), Duration.ofMinutes(15));
        try (TestBot t = new TestBot(store, dir.resolve("b"), shortGrace, nineThirty)) {
            new QuartzDrillScheduler(List.of(shortGrace), t.bot.drills(), t.clock).catchUp();
            assertThat(t.gateway.posts()).isEmpty();
        }
    }

    @Test
    @DisplayName("the latest fire time is found in the channel's zone, skipping weekends")
    void latestFire() {
        ChannelSettings ch = new ChannelSettings(TestBot.CHANNEL, "0 0 9 ? * MON-FRI", ZoneId.of("America/Los_Angeles"),
                TrackMode.LP, Duration.ofHours(24), Duration.ofHours(1));
        // Sunday 2026-11-22 noon LA -> Friday 2026-11-20 09:00 LA = 17:00Z
        assertThat(QuartzDrillScheduler.latestFireAtOrBefore(ch, Instant.parse("2026-11-22T20:00:00Z")))
                .contains(Instant.parse("2026-11-20T17:00:00Z"));
    }

    private static long distinctFireTimes(TestBot t) throws Exception {
        return rows(t, "SELECT count(DISTINCT fire_time) FROM drills WHERE thread_id IS NOT NULL");
    }

    private static long rows(TestBot t, String sql) {
        return t.db.read(c -> {
            try (ResultSet rs = c.createStatement().executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
