package dev.drillbot.adapter.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.drillbot.core.chat.ChannelRef;
import dev.drillbot.testing.BotProcess;
import dev.drillbot.testing.Chaos;
import static dev.drillbot.testing.Chaos.count;
import static dev.drillbot.testing.Chaos.firesPosted;
import static dev.drillbot.testing.Chaos.poll;
import static dev.drillbot.testing.Chaos.totals;
import dev.drillbot.testing.TestStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three {@code drillbot run} processes on one PostgreSQL database against the Slack stand-in, which
 * spreads envelopes over their three Socket Mode connections as Slack does: a schedule that fires every
 * minute, a burst of answers from many users, kill -9 of one instance in the burst and of another at a
 * fire time, both restarted, then a rolling restart (each instance stopped and started in turn). Needs a
 * PostgreSQL server (skipped, with a message, without one).
 */
@DisplayName("Three instances on PostgreSQL: kill -9 in a burst and at a fire time, a rolling restart")
class MultiInstanceChaosTest {
    static final String CHANNEL = "C0CHAOS";
    static final Duration WAIT = Duration.ofSeconds(60);
    static final int ANSWERS = 120;
    static final int USERS = 30;
    static final int BEFORE_KILL = 60;

    @TempDir
    Path dir;

    record Answer(String user, String eventId, JsonObject event, String ts, String text) {}

    @Test
    @Timeout(value = 9, unit = TimeUnit.MINUTES)
    @DisplayName("one drill per fire time, no missed fire time, every answer scored once, totals as a single instance's")
    void threeInstances() throws Exception {
        String pg = TestStore.url(dir.resolve("pg"));
        Path config = Chaos.everyMinute(dir, "slack", CHANNEL);
        try (SlackStandIn slack = SlackStandIn.start()) {
            slack.spreadOverConnections();
            BotProcess[] bots = new BotProcess[3];
            List<Answer> answers = List.of();
            List<Answer> answersSent = List.of();
            String drillTs = "";
            int[] runs = new int[3];
            try {
                for (int i = 0; i < 3; i++) {
                    bots[i] = start(slack, config, pg, i, runs);
                }
                slack.awaitConnections(3, WAIT);

                // the first fire: one drill, whichever instance claims it
                drillTs = slack.await("chat.postMessage", c -> CHANNEL.equals(c.param("channel"))
                        && c.param("thread_ts") == null, Duration.ofSeconds(90)).ts();

                // a burst of answers spread over the three connections; instance 1 is killed halfway
                answers = answers(drillTs);
                Map<String, String> envelopeOf = new LinkedHashMap<>();
                for (int i = 0; i < ANSWERS; i++) {
                    if (i == BEFORE_KILL) {
                        bots[1].kill();
                        poll(() -> slack.openConnections() == 2, WAIT, "the killed instance's connection closed");
                    }
                    Answer a = answers.get(i);
                    Envelopes.Envelope e = Envelopes.eventsApi(a.eventId(), a.event(), 0);
                    envelopeOf.put(a.ts(), e.id());
                    slack.deliver(e.json());
                }
                // what went unacknowledged (to the killed instance) Slack retries, on the connections left
                deliverUntilAcked(slack, answers, envelopeOf);
                bots[1] = start(slack, config, pg, 1, runs);

                // kill instance 0 at the next fire time, as it fires; start it again a little later
                Instant next = Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
                while (Instant.now().isBefore(next)) {
                    Thread.sleep(Math.max(1, Duration.between(Instant.now(), next).toMillis()));
                }
                bots[0].kill();
                // posted by another instance at once, or, had the killed one claimed it, after the claim's lease
                poll(() -> firesPosted(pg).contains(next), Duration.ofMinutes(4), "the drill of the fire time at the kill");
                bots[0] = start(slack, config, pg, 0, runs);

                // a rolling restart: each instance stopped (SIGTERM) and started again in turn, begun ten seconds
                // before a fire time so that the fire falls while instances are down or starting
                Instant rolling = Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofSeconds(50));
                Instant rollFrom = Instant.now().isAfter(rolling) ? rolling.plus(Duration.ofMinutes(1)) : rolling;
                poll(() -> !Instant.now().isBefore(rollFrom), Duration.ofMinutes(2), "ten seconds before a fire time");
                Instant during = rollFrom.plus(Duration.ofSeconds(10));
                for (int i = 0; i < 3; i++) {
                    assertThat(bots[i].stop()).as("instance %d stops on SIGTERM", i).isTrue();
                    bots[i] = start(slack, config, pg, i, runs);
                    slack.awaitConnections(sum(runs), WAIT); // every start opens its own Socket Mode connection
                }
                poll(() -> firesPosted(pg).contains(during), Duration.ofMinutes(2), "the drill of the fire time in the rolling restart");
                String thread = drillTs;
                slack.await("chat.postMessage", c -> repliesIn(slack, thread) >= ANSWERS, WAIT);
                answersSent = answers;
            } catch (AssertionError e) {
                StringBuilder out = new StringBuilder(e.getMessage());
                for (int i = 0; i < 3; i++) {
                    out.append("\ninstance ").append(i).append(" output:\n").append(bots[i] == null ? "" : bots[i].output());
                }
                throw new AssertionError(out.toString(), e);
            } finally {
                for (BotProcess b : bots) {
                    if (b != null) {
                        b.stop();
                    }
                }
            }

            // exactly one post per fire time, and no fire time missed between the first and the last
            List<Instant> fires = firesPosted(pg);
            System.out.printf(Locale.ROOT, "chaos: fire times %s; %d top-level posts%n", fires, topLevelPosts(slack));
            assertThat(topLevelPosts(slack)).as("top-level drill posts").isEqualTo(fires.size());
            for (int i = 1; i < fires.size(); i++) {
                assertThat(Duration.between(fires.get(i - 1), fires.get(i))).as("no fire time missed").isEqualTo(Duration.ofMinutes(1));
            }
            assertThat(fires.size()).isGreaterThanOrEqualTo(3);
            try (Connection db = DriverManager.getConnection(pg)) {
                assertThat(count(db, "SELECT count(*) FROM drills WHERE thread_id IS NULL")).as("claims never posted").isZero();
                assertThat(count(db, "SELECT count(*) FROM answers")).isEqualTo(ANSWERS);
                assertThat(count(db, "SELECT count(DISTINCT message_id) FROM answers")).isEqualTo(ANSWERS);
                assertThat(count(db, "SELECT count(*) FROM scores")).as("each answer scored once").isEqualTo(ANSWERS);
                long replies = repliesIn(slack, drillTs);
                assertThat(replies).as("feedback replies").isBetween((long) ANSWERS, ANSWERS + 6L);
                // the same answers through one instance give the same leaderboard and streak days
                Map<String, Integer> single = Chaos.singleInstance(dir.resolve("single"), Chaos.bank(dir),
                        new ChannelRef("slack", CHANNEL), fires.get(0), answersSent.stream().map(a -> new Chaos.Said(a.user(),
                                a.text(), Instant.ofEpochSecond(Long.parseLong(a.ts().substring(0, a.ts().indexOf('.')))),
                                a.ts())).toList());
                assertThat(totals(db)).isEqualTo(single);
            }
        }
    }

    private BotProcess start(SlackStandIn slack, Path config, String pg, int i, int[] runs) throws Exception {
        runs[i]++;
        // each instance its own token, so the stand-in's log says which one made a call
        return BotProcess.run(dir, Map.of("DRILLBOT_CONFIG", config.toString(), "DRILLBOT_DB", pg,
                "SLACK_BOT_TOKEN", "xoxb-chaos-" + i, "SLACK_APP_TOKEN", "xapp-chaos", "SLACK_API_URL", slack.apiUrl(),
                "SLACK_POST_INTERVAL_MS", "20"), List.of("DISCORD_BOT_TOKEN"), "instance-" + i + "-run-" + runs[i] + ".txt");
    }

    private static int sum(int[] runs) {
        return runs[0] + runs[1] + runs[2];
    }

    static List<Answer> answers(String drillTs) {
        List<Answer> out = new ArrayList<>();
        long second = Instant.now().getEpochSecond();
        for (int i = 0; i < ANSWERS; i++) {
            String ts = second + "." + String.format(Locale.ROOT, "%06d", 100 + i);
            String user = "U0" + (100 + i % USERS);
            String text = Chaos.answerText(i);
            out.add(new Answer(user, Envelopes.newEventId(), Envelopes.threadReply(user, CHANNEL, drillTs, ts, text), ts, text));
        }
        return out;
    }

    /**
     * Retries, as Slack does, every answer whose latest envelope went unacknowledged for a few seconds (it
     * went to the killed instance), on the connections left, until every answer is acknowledged.
     */
    static void deliverUntilAcked(SlackStandIn slack, List<Answer> answers, Map<String, String> envelopeOf)
            throws InterruptedException {
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                poll(() -> answers.stream().allMatch(a -> slack.acked(envelopeOf.get(a.ts()))), Duration.ofSeconds(5),
                        "acknowledgements");
                return;
            } catch (AssertionError someNotAcked) {
                for (Answer a : answers) {
                    if (!slack.acked(envelopeOf.get(a.ts()))) {
                        Envelopes.Envelope retry = Envelopes.eventsApi(a.eventId(), a.event(), attempt);
                        envelopeOf.put(a.ts(), retry.id());
                        slack.deliver(retry.json());
                    }
                }
            }
        }
        poll(() -> answers.stream().allMatch(a -> slack.acked(envelopeOf.get(a.ts()))), WAIT, "every answer acknowledged");
    }

    static long topLevelPosts(SlackStandIn slack) {
        return slack.calls("chat.postMessage").stream()
                .filter(c -> CHANNEL.equals(c.param("channel")) && c.param("thread_ts") == null && c.ts() != null).count();
    }

    static long repliesIn(SlackStandIn slack, String drillTs) {
        return slack.calls("chat.postMessage").stream().filter(c -> drillTs.equals(c.param("thread_ts"))).count();
    }





}
