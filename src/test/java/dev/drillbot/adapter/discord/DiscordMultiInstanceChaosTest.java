package dev.drillbot.adapter.discord;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three {@code drillbot run} processes on one PostgreSQL database against the Discord stand-in, sharded as
 * Discord requires ({@code DISCORD_SHARDS=0/3}, {@code 1/3}, {@code 2/3}): the server lives on one shard, so
 * one instance serves it and the others leave its drills to it. A schedule fires every minute; the server's
 * instance is killed (-9) in the middle of a burst of answers (Discord does not send a new session what was
 * posted meanwhile: the restarted instance reads it back from the thread's history) and again at a fire
 * time; then every instance is restarted in turn. Needs a PostgreSQL server (skipped, with a message, without one).
 */
@DisplayName("Three sharded Discord instances on PostgreSQL: kill -9 in a burst and at a fire time, a rolling restart")
class DiscordMultiInstanceChaosTest {
    static final Duration WAIT = Duration.ofSeconds(60);
    static final int ANSWERS = 60;
    static final int USERS = 20;
    static final int BEFORE_KILL = 30;
    static final int SHARDS = 3;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 9, unit = TimeUnit.MINUTES)
    @DisplayName("one drill per fire time, no missed fire time, every answer scored once, totals as a single instance's")
    void threeShardedInstances() throws Exception {
        String pg = TestStore.url(dir.resolve("pg"));
        Path config = Chaos.everyMinute(dir, "discord", DiscordStandIn.CHANNEL);
        int owner = DiscordStandIn.guildShard(SHARDS); // the instance that serves the server
        try (DiscordStandIn discord = new DiscordStandIn(Instant::now)) {
            BotProcess[] bots = new BotProcess[SHARDS];
            int[] runs = new int[SHARDS];
            List<Chaos.Said> sent = new ArrayList<>();
            String thread = "";
            try {
                for (int i = 0; i < SHARDS; i++) {
                    bots[i] = start(discord, config, pg, i, runs);
                }
                // the first fire: one drill, posted by the server's instance, with a thread for answers
                discord.await(() -> !discord.in(DiscordStandIn.CHANNEL).isEmpty(), Duration.ofSeconds(90), "the first drill");
                String first = discord.in(DiscordStandIn.CHANNEL).get(0).id();
                discord.await(() -> discord.thread(first).isPresent(), WAIT, "the first drill's thread");
                // recorded too: a kill between Discord taking the post and the store recording it is what
                // DiscordTakeoverTest is about, not this test
                poll(() -> firesPosted(pg).size() == 1, WAIT, "the first drill recorded with its thread");
                thread = first;

                // a burst of answers; the server's instance is killed halfway and the rest are posted while it is down
                for (int i = 0; i < ANSWERS; i++) {
                    if (i == BEFORE_KILL) {
                        bots[owner].kill();
                    }
                    String user = Long.toString(1_300_000_000_000_000_000L + i % USERS);
                    String text = Chaos.answerText(i);
                    String id = discord.say(user, "User" + (i % USERS), thread, text);
                    sent.add(new Chaos.Said(user, text, Instant.now(), id));
                }
                bots[owner] = start(discord, config, pg, owner, runs);
                String t = thread;
                discord.await(() -> feedback(discord, t) >= ANSWERS, WAIT, "feedback on every answer");

                // kill the server's instance as the next minute fires; start it again a little later
                Instant next = Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
                while (Instant.now().isBefore(next)) {
                    Thread.sleep(Math.max(1, Duration.between(Instant.now(), next).toMillis()));
                }
                bots[owner].kill();
                Thread.sleep(5_000); // down for a while: nobody else may post in its server
                bots[owner] = start(discord, config, pg, owner, runs);
                poll(() -> firesPosted(pg).contains(next), Duration.ofMinutes(4), "the drill of the fire time at the kill");

                // a rolling restart, begun ten seconds before a fire time
                Instant rolling = Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofSeconds(50));
                Instant rollFrom = Instant.now().isAfter(rolling) ? rolling.plus(Duration.ofMinutes(1)) : rolling;
                poll(() -> !Instant.now().isBefore(rollFrom), Duration.ofMinutes(2), "ten seconds before a fire time");
                Instant during = rollFrom.plus(Duration.ofSeconds(10));
                for (int i = 0; i < SHARDS; i++) {
                    assertThat(bots[i].stop()).as("instance %d stops on SIGTERM", i).isTrue();
                    bots[i] = start(discord, config, pg, i, runs);
                }
                poll(() -> firesPosted(pg).contains(during), Duration.ofMinutes(2), "the drill of the fire time in the rolling restart");
            } catch (AssertionError e) {
                StringBuilder out = new StringBuilder(e.getMessage());
                for (int i = 0; i < SHARDS; i++) {
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

            List<Instant> fires = firesPosted(pg);
            long posts = discord.in(DiscordStandIn.CHANNEL).size();
            System.out.printf(Locale.ROOT, "discord chaos: fire times %s; %d drill posts%n", fires, posts);
            assertThat(posts).as("drill posts in the channel").isEqualTo(fires.size());
            for (int i = 1; i < fires.size(); i++) {
                assertThat(Duration.between(fires.get(i - 1), fires.get(i))).as("no fire time missed").isEqualTo(Duration.ofMinutes(1));
            }
            assertThat(fires.size()).isGreaterThanOrEqualTo(3);
            try (Connection db = DriverManager.getConnection(pg)) {
                assertThat(count(db, "SELECT count(*) FROM drills WHERE thread_id IS NULL")).as("claims never posted").isZero();
                assertThat(count(db, "SELECT count(*) FROM answers")).isEqualTo(ANSWERS);
                assertThat(count(db, "SELECT count(DISTINCT message_id) FROM answers")).isEqualTo(ANSWERS);
                assertThat(count(db, "SELECT count(*) FROM scores")).as("each answer scored once").isEqualTo(ANSWERS);
                assertThat(feedback(discord, thread)).as("feedback replies").isEqualTo(ANSWERS);
                Map<String, Integer> single = Chaos.singleInstance(dir.resolve("single"), Chaos.bank(dir),
                        new ChannelRef("discord", DiscordStandIn.CHANNEL), fires.get(0), sent);
                assertThat(totals(db)).isEqualTo(single);
            }
        }
    }

    private BotProcess start(DiscordStandIn discord, Path config, String pg, int shard, int[] runs) throws Exception {
        runs[shard]++;
        return BotProcess.run(dir, Map.of("DRILLBOT_CONFIG", config.toString(), "DRILLBOT_DB", pg,
                "DISCORD_BOT_TOKEN", DiscordStandIn.TOKEN, "DISCORD_API_URL", discord.apiUrl(),
                "DISCORD_GATEWAY_URL", discord.gatewayUrl(), "DISCORD_SHARDS", shard + "/" + SHARDS),
                List.of("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN"), "instance-" + shard + "-run-" + runs[shard] + ".txt");
    }

    /** Scored feedback in the thread (a reply with a score). */
    static long feedback(DiscordStandIn discord, String thread) {
        return discord.in(thread).stream().filter(s -> s.text().contains("/100")).count();
    }





}
