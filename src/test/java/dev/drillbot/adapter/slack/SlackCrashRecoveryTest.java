package dev.drillbot.adapter.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.drillbot.testing.BotProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code drillbot run} as a process against the Slack stand-in, killed with SIGKILL in the middle of a
 * burst of answers and started again on the same database, as Slack would see it: envelopes the bot
 * acknowledged are not sent again, the others are retried once it is back.
 */
@DisplayName("Slack: a crash in the middle of a burst of answers loses none and scores none twice")
class SlackCrashRecoveryTest {
    static final String CHANNEL = "C0CRASH";
    static final Duration WAIT = Duration.ofSeconds(45);
    static final int ANSWERS = 200;
    static final int USERS = 50;
    static final int BEFORE_KILL = 80;

    @TempDir
    Path dir;

    /** One answer as Slack delivers it: the event keeps its id across retries, each delivery is a new envelope. */
    record Answer(String eventId, JsonObject event, String ts) {}

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    @DisplayName("kill -9 after 80 of 200 answers from 50 users, restart: every answer scored exactly once and replied to")
    void killedMidBurst() throws Exception {
        try (SlackStandIn slack = SlackStandIn.start()) {
            Path config = dir.resolve("drillbot.yaml");
            Files.writeString(config, """
                    questions: %s
                    rubric: %s
                    channels:
                      - platform: slack
                        channel: %s
                        schedule: "0 0 * * * ?"
                        track: lp
                        grace_window: 2h
                    """.formatted(Path.of("src/test/resources/bank").toAbsolutePath(),
                    Path.of("config/rubric").toAbsolutePath(), CHANNEL));
            Map<String, String> env = Map.of("DRILLBOT_CONFIG", config.toString(),
                    "DRILLBOT_DB", dir.resolve("drillbot.db").toString(),
                    "SLACK_BOT_TOKEN", "xoxb-crash-bot", "SLACK_APP_TOKEN", "xapp-crash-app",
                    "SLACK_API_URL", slack.apiUrl(), "SLACK_POST_INTERVAL_MS", "20");
            List<String> unset = List.of("DISCORD_BOT_TOKEN");

            List<Answer> answers = new ArrayList<>();
            Map<String, String> envelopeOf = new HashMap<>();
            String drillTs;
            try (BotProcess first = BotProcess.run(dir, env, unset, "first.txt")) {
                try {
                    slack.awaitConnections(1, WAIT);
                    drillTs = slack.await("chat.postMessage", c -> CHANNEL.equals(c.param("channel"))
                            && c.param("thread_ts") == null, WAIT).ts();
                    long second = Instant.now().getEpochSecond();
                    for (int i = 0; i < ANSWERS; i++) {
                        String ts = second + "." + String.format(Locale.ROOT, "%06d", 100 + i);
                        String user = "U0" + (100 + i % USERS);
                        String text = "I owned the nightly load for our team. I traced the failures myself, added a"
                                + " retry and an alert, and reran the backfill. The result: failures fell from "
                                + (i + 3) + " a week to 0, and the report was on time for 30 days.";
                        answers.add(new Answer(Envelopes.newEventId(),
                                Envelopes.threadReply(user, CHANNEL, drillTs, ts, text), ts));
                    }
                    // the first 80 arrive as a burst; the bot dies as soon as it has acknowledged the 80th
                    for (Answer a : answers.subList(0, BEFORE_KILL)) {
                        Envelopes.Envelope e = Envelopes.eventsApi(a.eventId(), a.event(), 0);
                        envelopeOf.put(a.ts(), e.id());
                        slack.deliver(e.json());
                    }
                    slack.awaitAck(envelopeOf.get(answers.get(BEFORE_KILL - 1).ts()), WAIT);
                } catch (AssertionError e) {
                    throw first.explain(e);
                }
                first.kill();
            }
            long repliedBeforeKill = repliesIn(slack, drillTs);
            long ackedBeforeKill = answers.subList(0, BEFORE_KILL).stream()
                    .filter(a -> slack.acked(envelopeOf.get(a.ts()))).count();

            try (BotProcess second = BotProcess.run(dir, env, unset, "second.txt")) {
                try {
                    slack.awaitConnections(2, WAIT);
                    for (int i = 0; i < ANSWERS; i++) {
                        Answer a = answers.get(i);
                        boolean sentBefore = i < BEFORE_KILL;
                        if (sentBefore && slack.acked(envelopeOf.get(a.ts())) && i % 10 != 0) {
                            continue; // acknowledged: Slack does not send it again (every tenth it does anyway)
                        }
                        Envelopes.Envelope e = Envelopes.eventsApi(a.eventId(), a.event(), sentBefore ? 1 : 0);
                        slack.deliver(e.json());
                        slack.awaitAck(e.id(), WAIT);
                    }
                    slack.await("chat.postMessage", c -> repliesIn(slack, drillTs) >= ANSWERS, WAIT);
                } catch (AssertionError e) {
                    throw second.explain(e);
                }
                assertThat(second.stop()).isTrue();
                assertThat(second.output()).contains("received before the last stop are handled now");
            }

            assertThat(ackedBeforeKill).isEqualTo(BEFORE_KILL);
            assertThat(repliedBeforeKill).as("some answers were still waiting when the bot was killed")
                    .isLessThan(BEFORE_KILL);
            // Feedback is posted at least once: a kill in the milliseconds between posting it and recording
            // that it was posted posts it again after the restart (at most one per answer being handled)
            long replies = repliesIn(slack, drillTs);
            System.out.printf(Locale.ROOT, "crash recovery: %d answers, %d acknowledged before the kill, %d replied to"
                    + " before it, %d feedback replies in all%n", ANSWERS, ackedBeforeKill, repliedBeforeKill, replies);
            assertThat(replies).as("feedback replies in the drill thread").isBetween((long) ANSWERS, ANSWERS + 8L);
            for (int u = 0; u < USERS; u++) {
                String user = "U0" + (100 + u);
                assertThat(slack.calls("chat.postMessage").stream().filter(c -> drillTs.equals(c.param("thread_ts"))
                        && c.param("text").contains(user))).as("replies to %s", user).hasSizeGreaterThanOrEqualTo(
                                ANSWERS / USERS);
            }
            try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("drillbot.db"))) {
                assertThat(count(db, "SELECT count(*) FROM answers")).isEqualTo(ANSWERS);
                assertThat(count(db, "SELECT count(DISTINCT message_id) FROM answers")).isEqualTo(ANSWERS);
                assertThat(count(db, "SELECT count(*) FROM scores")).isEqualTo(ANSWERS);
                assertThat(count(db, "SELECT count(*) FROM answers WHERE replied_at IS NULL")).isZero();
                assertThat(count(db, "SELECT count(*) FROM inbox WHERE done_at IS NULL")).isZero();
            }
        }
    }

    private static long repliesIn(SlackStandIn slack, String drillTs) {
        return slack.calls("chat.postMessage").stream().filter(c -> drillTs.equals(c.param("thread_ts"))).count();
    }

    private static int count(Connection db, String sql) throws Exception {
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
