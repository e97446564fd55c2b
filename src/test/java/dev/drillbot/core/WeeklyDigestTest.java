package dev.drillbot.core;

import dev.drillbot.testing.TestStore;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbot.config.ConfigLoader;
import dev.drillbot.core.chat.AnswerReceived;
import dev.drillbot.core.chat.ThreadRef;
import dev.drillbot.core.chat.UserRef;
import dev.drillbot.core.drill.ChannelSettings;
import dev.drillbot.core.drill.DigestSchedule;
import dev.drillbot.core.drill.DrillService;
import dev.drillbot.core.drill.TrackMode;
import dev.drillbot.testing.RecordingGateway;
import dev.drillbot.testing.TestBot;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The weekly digest: once a week in a channel that asks for it, about last week")
@ParameterizedClass(name = "on {0}")
@EnumSource(TestStore.class)
class WeeklyDigestTest {
    /** Every test here runs on SQLite and on PostgreSQL (skipped, with a message, when no server is set). */
    @Parameter
    TestStore store;

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Monday 2026-11-23, 09:00 in Berlin: the first scheduled drill of the week. */
    static final Instant MONDAY_9 = Instant.parse("2026-11-23T08:00:00Z");
    /** The next Monday, 09:00 in Berlin: when the digest is due. */
    static final Instant NEXT_MONDAY_9 = MONDAY_9.plus(Duration.ofDays(7));
    static final UserRef ANA = new UserRef("U1", "Ana");
    static final UserRef BEN = new UserRef("U2", "Ben");
    static final UserRef CY = new UserRef("U3", "<@U999> Cy");

    @TempDir
    Path dir;
    TestBot t;

    @AfterEach
    void stop() {
        if (t != null) {
            t.close();
        }
    }

    static ChannelSettings channel(Optional<DigestSchedule> digest) {
        return new ChannelSettings(TestBot.CHANNEL, "0 0 9 ? * MON-FRI", BERLIN, TrackMode.SQL, Duration.ofHours(24),
                Duration.ZERO, digest);
    }

    /** Monday to Friday of the first week: a scheduled drill each morning, answered by whoever is given. */
    void week(List<List<String>> answersPerDay) {
        for (int day = 0; day < answersPerDay.size(); day++) {
            Instant fire = MONDAY_9.plus(Duration.ofDays(day));
            t.clock.set(fire);
            DrillService.PostOutcome posted = t.bot.drills().postScheduled(t.channel, fire);
            assertThat(posted).isEqualTo(DrillService.PostOutcome.POSTED);
            String thread = t.gateway.posts().get(t.gateway.posts().size() - 1).threadId();
            int k = 0;
            for (String a : answersPerDay.get(day)) {
                String[] who = a.split("=");
                UserRef user = who[0].equals("ana") ? ANA : who[0].equals("ben") ? BEN : CY;
                t.clock.set(fire.plus(Duration.ofMinutes(10 + k++)));
                t.bot.answers().receive(new AnswerReceived(user, new ThreadRef(TestBot.CHANNEL, thread),
                        "SELECT 1 score=" + who[1], t.clock.instant(), "m" + day + user.id()));
            }
        }
    }

    List<RecordingGateway.Sent> digests() {
        return t.gateway.sent().stream().filter(s -> s.message().text().startsWith("📅 Weekly digest")).toList();
    }

    @Test
    @DisplayName("Monday at the set time: one post with the top five, the weakest topics, the most missed question and streaks; never twice")
    void postsOnceWithLastWeek() throws Exception {
        t = new TestBot(store, dir, channel(Optional.of(DigestSchedule.DEFAULT)), MONDAY_9);
        week(List.of(List.of("ana=90", "ben=40"), List.of("ana=80", "ben=30"), List.of("ana=85"), List.of("ana=70"),
                List.of("ana=95", "cy=20")));
        t.clock.set(NEXT_MONDAY_9.minus(Duration.ofMinutes(1)));
        assertThat(t.bot.digests().tick()).as("not before 09:00").isZero();
        t.clock.set(NEXT_MONDAY_9);
        assertThat(t.bot.digests().tick()).isEqualTo(1);
        assertThat(t.bot.digests().tick()).as("once").isZero();
        t.clock.set(NEXT_MONDAY_9.plus(Duration.ofHours(3)));
        assertThat(t.bot.digests().tick()).as("once, later that day too").isZero();

        assertThat(digests()).hasSize(1);
        RecordingGateway.Sent d = digests().get(0);
        assertThat(d.kind()).as("a channel message with the leaderboard drawn under it, not a drill with a thread")
                .isEqualTo("announce-file");
        var chart = t.gateway.files().get(0);
        assertThat(chart.name()).isEqualTo("drillbot-leaderboard.png");
        var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(chart.content()));
        assertThat(image.getWidth()).isEqualTo(800);
        String text = d.message().text();
        assertThat(text).contains("2026-11-23 to 2026-11-29")
                .contains("8 answers from 3 people")
                .contains("1. Ana — 420 pts (5 drills)")
                .contains("2. Ben — 70 pts (2 drills)")
                .contains("3. <@U999> Cy — 20 pts (1 drill)") // the gateways neutralise mentions, as everywhere
                .contains("Most missed:")
                .contains("Weakest as a group:");
        // Ana answered Friday, the week's last drill; Ben stopped on Tuesday, Cy only answered Friday
        assertThat(text).contains("2 of them kept their streak going");
    }

    @Test
    @DisplayName("where a picture cannot be posted, the digest goes out as text alone, once")
    void textWhenNoPicture() {
        t = new TestBot(store, dir, channel(Optional.of(DigestSchedule.DEFAULT)), MONDAY_9);
        week(List.of(List.of("ana=90", "ben=40")));
        t.gateway.refuseFiles(true);
        t.clock.set(NEXT_MONDAY_9);
        assertThat(t.bot.digests().tick()).isEqualTo(1);
        assertThat(digests()).singleElement().satisfies(d -> assertThat(d.kind()).isEqualTo("announce"));
        assertThat(t.gateway.files()).isEmpty();
    }

    @Test
    @DisplayName("a restart on Monday does not post it again: the week is claimed in the database")
    void onceAcrossRestarts() {
        t = new TestBot(store, dir, channel(Optional.of(DigestSchedule.DEFAULT)), MONDAY_9);
        week(List.of(List.of("ana=90")));
        t.clock.set(NEXT_MONDAY_9);
        assertThat(t.bot.digests().tick()).isEqualTo(1);
        t.close();
        t = new TestBot(store, dir, channel(Optional.of(DigestSchedule.DEFAULT)), NEXT_MONDAY_9.plus(Duration.ofMinutes(5)));
        assertThat(t.bot.digests().tick()).isZero();
        assertThat(digests()).isEmpty();
    }

    @Test
    @DisplayName("off by default; a quiet week posts nothing; a digest missed for more than a day is skipped")
    void offQuietAndLate() {
        t = new TestBot(store, dir, channel(Optional.empty()), MONDAY_9);
        week(List.of(List.of("ana=90")));
        t.clock.set(NEXT_MONDAY_9);
        assertThat(t.bot.digests().tick()).as("off by default").isZero();
        t.close();

        t = new TestBot(store, dir.resolve("quiet"), channel(Optional.of(DigestSchedule.DEFAULT)), NEXT_MONDAY_9);
        assertThat(t.bot.digests().tick()).as("nobody answered").isZero();
        assertThat(digests()).isEmpty();
        t.close();

        t = new TestBot(store, dir.resolve("late"), channel(Optional.of(new DigestSchedule(DayOfWeek.MONDAY, LocalTime.of(9, 0)))),
                MONDAY_9);
        week(List.of(List.of("ana=90")));
        t.clock.set(NEXT_MONDAY_9.plus(Duration.ofHours(23)));
        assertThat(t.bot.digests().tick()).as("late the same day: still posted").isEqualTo(1);
        t.clock.set(NEXT_MONDAY_9.plus(Duration.ofDays(8)));
        assertThat(t.bot.digests().tick()).as("down for the whole next Monday: that week is skipped").isZero();
    }

    @Test
    @DisplayName("config: digest takes a day and a time, on or off; anything else is named")
    void config() {
        assertThat(DigestSchedule.parse("MON 09:00")).contains(DigestSchedule.DEFAULT);
        assertThat(DigestSchedule.parse("friday 17:30")).contains(new DigestSchedule(DayOfWeek.FRIDAY, LocalTime.of(17, 30)));
        assertThat(DigestSchedule.parse("on")).contains(DigestSchedule.DEFAULT);
        assertThat(DigestSchedule.parse("MONDAYS 9")).isEmpty();
        assertThat(DigestSchedule.parse("XYZ 09:00")).isEmpty();
        String yaml = """
                channels:
                  - platform: console
                    channel: study-group
                    schedule: "0 0 9 ? * MON-FRI"
                    digest: %s
                  - platform: console
                    channel: quiet
                    schedule: "0 0 9 ? * MON-FRI"
                """;
        var c = ConfigLoader.parse("c.yaml", yaml.formatted("\"FRI 17:30\""));
        assertThat(c.channels().get(0).digest()).contains(new DigestSchedule(DayOfWeek.FRIDAY, LocalTime.of(17, 30)));
        assertThat(c.channels().get(1).digest()).as("off by default").isEmpty();
        assertThat(ConfigLoader.parse("c.yaml", yaml.formatted("on")).channels().get(0).digest())
                .contains(DigestSchedule.DEFAULT);
        assertThat(ConfigLoader.parse("c.yaml", yaml.formatted("off")).channels().get(0).digest()).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ConfigLoader.parse("c.yaml", yaml.formatted("mondays")))
                .hasMessageContaining("c.yaml:5: channels[0].digest: 'mondays' is not when to post channel 'study-group''s"
                        + " weekly digest");
    }
}
