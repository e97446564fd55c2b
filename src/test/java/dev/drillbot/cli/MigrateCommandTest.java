package dev.drillbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbot.config.Environment;
import dev.drillbot.core.chat.AnswerReceived;
import dev.drillbot.core.chat.ThreadRef;
import dev.drillbot.core.chat.UserRef;
import dev.drillbot.core.command.CommandContext;
import dev.drillbot.core.drill.DrillService.PostOutcome;
import dev.drillbot.testing.TestBot;
import dev.drillbot.testing.TestStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("drillbot migrate: a SQLite history copied into PostgreSQL (needs a server; skipped without one)")
class MigrateCommandTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final Instant MONDAY = Instant.parse("2026-11-23T08:00:00Z");
    static final UserRef ANA = new UserRef("U1", "Ana");
    static final UserRef BEN = new UserRef("U2", "Ben");

    @TempDir
    Path dir;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int migrate(String... args) {
        var io = new DrillbotCommand.Io(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Environment.from(Map.of("DRILLBOT_DB", dir.resolve("sqlite").resolve("drillbot.db").toString())),
                Clock.systemUTC());
        List<String> all = new ArrayList<>(List.of("migrate"));
        all.addAll(List.of(args));
        return DrillbotCommand.execute(all.toArray(String[]::new), io);
    }

    /** Three days of drills, answers, an opt-out and a story title: what a group has after a while. */
    static List<String> history(TestBot t) {
        for (int day = 0; day < 3; day++) {
            Instant fire = MONDAY.plus(Duration.ofDays(day));
            t.clock.set(fire);
            assertThat(t.bot.drills().postScheduled(t.channel, fire)).isEqualTo(PostOutcome.POSTED);
            ThreadRef thread = new ThreadRef(TestBot.CHANNEL, t.gateway.posts().get(t.gateway.posts().size() - 1).threadId());
            t.clock.advance(Duration.ofMinutes(5));
            t.bot.answers().receive(new AnswerReceived(ANA, thread, "result score=" + (60 + day * 10), t.clock.instant(), "a" + day));
            if (day != 1) {
                t.bot.answers().receive(new AnswerReceived(BEN, thread, "result score=55", t.clock.instant(), "b" + day));
            }
        }
        run(t, BEN, "/leaderboard optout");
        return List.of(run(t, ANA, "/leaderboard all"), run(t, ANA, "/streak"), run(t, BEN, "/gaps"), run(t, ANA, "/stories"));
    }

    static String run(TestBot t, UserRef user, String line) {
        return t.bot.commands().dispatch(new CommandContext(t.channel, user, Optional.empty()), line).message().text();
    }

    @Test
    @DisplayName("copies every table into an empty database, counts match, and the bot on PostgreSQL says what it said on SQLite")
    void copiesHistory() {
        String pg = TestStore.url(dir.resolve("pg"));
        List<String> before;
        try (TestBot t = new TestBot(TestStore.SQLITE, dir.resolve("sqlite"), BERLIN, MONDAY)) {
            before = history(t);
        }
        assertThat(migrate("--to", pg)).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(0);
        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(report).contains("every count matches", "drills", "answers", "scores", "leaderboard_optouts")
                .doesNotContain("differs");
        assertThat(report).containsPattern("drills\\s+3\\s+3");

        try (TestBot t = new TestBot(TestStore.POSTGRES, dir.resolve("pg"), BERLIN, MONDAY.plus(Duration.ofDays(2)).plusSeconds(600))) {
            List<String> after = List.of(run(t, ANA, "/leaderboard all"), run(t, ANA, "/streak"), run(t, BEN, "/gaps"),
                    run(t, ANA, "/stories"));
            assertThat(after).isEqualTo(before);
            // the copied ids are taken: the next drill gets a fresh one, and the fire times already posted stay posted
            assertThat(t.bot.drills().postScheduled(t.channel, MONDAY.plus(Duration.ofDays(2)))).isEqualTo(PostOutcome.ALREADY_POSTED);
            Instant next = MONDAY.plus(Duration.ofDays(3));
            t.clock.set(next);
            assertThat(t.bot.drills().postScheduled(t.channel, next)).isEqualTo(PostOutcome.POSTED);
        }
    }

    @Test
    @DisplayName("a database that already holds drillbot data is refused and left as it was; a missing source is named")
    void refusesNonEmptyTarget() {
        String pg = TestStore.url(dir.resolve("pg"));
        try (TestBot t = new TestBot(TestStore.SQLITE, dir.resolve("sqlite"), BERLIN, MONDAY)) {
            history(t);
        }
        assertThat(migrate("--to", pg)).isEqualTo(0);
        out.reset();
        assertThat(migrate("--to", pg)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("already holds drillbot data", "nothing was copied");
        err.reset();
        assertThat(migrate("--from", dir.resolve("nope.db").toString(), "--to", pg)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no SQLite database at").contains("nope.db");
        err.reset();
        assertThat(migrate("--to", "jdbc:mysql://localhost/x")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("must be a PostgreSQL URL");
    }
}
