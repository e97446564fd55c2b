package dev.drillbot.adapter.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbot.adapter.discord.DiscordStandIn.Shown;
import dev.drillbot.testing.BotProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code drillbot run} as a process against the Discord stand-in, killed with SIGKILL in the middle of a
 * burst of answers; more answers are posted while it is down (Discord does not send them to the next
 * session); then it starts again on the same database.
 */
@DisplayName("Discord: a crash in the middle of a burst, and answers posted while down, lose none and score none twice")
class DiscordCrashRecoveryTest {
    static final Duration WAIT = Duration.ofSeconds(60);
    static final int ANSWERS = 200;
    static final int USERS = 50;
    static final int BEFORE_KILL = 80;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    @DisplayName("kill -9 after 80 of 200 answers from 50 users, 120 posted while down, restart: every answer scored once")
    void killedMidBurst() throws Exception {
        try (DiscordStandIn discord = new DiscordStandIn(Instant::now)) {
            Path config = dir.resolve("drillbot.yaml");
            Files.writeString(config, """
                    questions: %s
                    rubric: %s
                    channels:
                      - platform: discord
                        channel: "%s"
                        schedule: "0 0 * * * ?"
                        timezone: UTC
                        track: lp
                        grace_window: 2h
                    """.formatted(Path.of("src/test/resources/bank").toAbsolutePath(),
                    Path.of("config/rubric").toAbsolutePath(), DiscordStandIn.CHANNEL));
            Map<String, String> env = Map.of("DRILLBOT_CONFIG", config.toString(),
                    "DRILLBOT_DB", dir.resolve("drillbot.db").toString(), "DISCORD_BOT_TOKEN", DiscordStandIn.TOKEN,
                    "DISCORD_API_URL", discord.apiUrl(), "DISCORD_GATEWAY_URL", discord.gatewayUrl());
            List<String> unset = List.of("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN");

            String thread;
            int repliedBeforeKill;
            String secondOutput;
            try (BotProcess first = BotProcess.run(dir, env, unset, "first.txt")) {
                try {
                    discord.await(() -> !discord.in(DiscordStandIn.CHANNEL).isEmpty(), WAIT, "the start-up drill");
                    Shown drill = discord.in(DiscordStandIn.CHANNEL).get(0);
                    thread = drill.id();
                    discord.await(() -> discord.thread(thread).isPresent(), WAIT, "its thread");
                    for (int i = 0; i < BEFORE_KILL; i++) {
                        say(discord, thread, i);
                    }
                    // the bot dies while it still has answers of the burst to handle
                    discord.await(() -> discord.in(thread).size() >= 5, WAIT, "the first feedback");
                } catch (AssertionError e) {
                    throw first.explain(e);
                }
                first.kill();
                repliedBeforeKill = discord.in(thread).size();
            }
            for (int i = BEFORE_KILL; i < ANSWERS; i++) {
                say(discord, thread, i); // posted while drillbot is down
            }

            try (BotProcess second = BotProcess.run(dir, env, unset, "second.txt")) {
                try {
                    discord.await(() -> discord.in(thread).size() >= ANSWERS, WAIT, "feedback on all 200 answers");
                } catch (AssertionError e) {
                    throw second.explain(e);
                }
                assertThat(second.stop()).isTrue();
                secondOutput = second.output();
            }

            System.out.printf("Discord crash recovery: %d answers, %d replied to before the kill, %d feedback replies"
                    + " in all%n", ANSWERS, repliedBeforeKill, discord.in(thread).size());
            assertThat(repliedBeforeKill).as("some answers were still waiting when the bot was killed")
                    .isLessThan(BEFORE_KILL);
            // at least once each; a kill between posting feedback and recording it posts it again
            assertThat(discord.in(thread).size()).isBetween(ANSWERS, ANSWERS + 8);
            try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("drillbot.db"))) {
                assertThat(count(db, "SELECT count(*) FROM answers")).isEqualTo(ANSWERS);
                assertThat(count(db, "SELECT count(DISTINCT message_id) FROM answers")).isEqualTo(ANSWERS);
                assertThat(count(db, "SELECT count(*) FROM scores")).isEqualTo(ANSWERS);
                assertThat(count(db, "SELECT count(*) FROM answers WHERE replied_at IS NULL"))
                        .as("answers never replied to: %s; second run:%n%s", rows(db, "SELECT message_id || ' ' || status"
                                + " || ' ' || user_id FROM answers WHERE replied_at IS NULL"), secondOutput).isZero();
            }
        }
    }

    private static void say(DiscordStandIn discord, String thread, int i) {
        String user = String.valueOf(1_300_000_000_000_000_000L + i % USERS);
        discord.say(user, "User" + (i % USERS), thread, "I owned the nightly load for our team. I traced the failures"
                + " myself, added a retry and an alert, and reran the backfill. The result: failures fell from "
                + (i + 3) + " a week to 0, and the report was on time for 30 days.");
    }

    private static List<String> rows(Connection db, String sql) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static int count(Connection db, String sql) throws Exception {
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
