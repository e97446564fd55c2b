package dev.drillbot.adapter.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbot.adapter.discord.DiscordStandIn;
import dev.drillbot.adapter.discord.DiscordStandIn.Shown;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One {@code drillbot run} process with both Slack and Discord tokens, against both stand-ins: proves
 * the single OkHttp on the classpath serves Slack's Web API client and JDA at the same time.
 */
@DisplayName("Slack and Discord in one process")
class SlackAndDiscordTogetherTest {
    static final Duration WAIT = Duration.ofSeconds(45);
    static final String SLACK_CHANNEL = "C0BOTH";
    static final String LP_ANSWER = "Last spring our nightly orders pipeline missed its 6 am deadline three times a week."
            + " I owned the pipeline, so I traced the delay to a skewed join and rewrote it with a salted key."
            + " I ran both versions side by side for a week and compared the row counts every morning."
            + " The result: runtime fell from 5 hours to 50 minutes and we met the deadline on 60 of 60 days.";

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    @DisplayName("both connect, both get their scheduled drill, an answer on each is scored, and SIGTERM stops both")
    void bothPlatforms() throws Exception {
        try (SlackStandIn slack = SlackStandIn.start(); DiscordStandIn discord = new DiscordStandIn(Instant::now)) {
            Path config = dir.resolve("drillbot.yaml");
            // Every minute with a 5-minute grace window: the previous minute's drill is posted at start-up.
            Files.writeString(config, """
                    questions: %s
                    rubric: %s
                    channels:
                      - platform: slack
                        channel: %s
                        schedule: "0 * * * * ?"
                        track: lp
                        grace_window: 5m
                      - platform: discord
                        channel: "%s"
                        schedule: "0 * * * * ?"
                        track: lp
                        grace_window: 5m
                    """.formatted(Path.of("src/test/resources/bank").toAbsolutePath(),
                    Path.of("config/rubric").toAbsolutePath(), SLACK_CHANNEL, DiscordStandIn.CHANNEL));
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "dev.drillbot.Main", "run");
            pb.environment().put("DRILLBOT_CONFIG", config.toString());
            pb.environment().put("DRILLBOT_DB", dir.resolve("drillbot.db").toString());
            pb.environment().put("SLACK_BOT_TOKEN", "xoxb-together-bot");
            pb.environment().put("SLACK_APP_TOKEN", "xapp-together-app");
            pb.environment().put("SLACK_API_URL", slack.apiUrl());
            pb.environment().put("DISCORD_BOT_TOKEN", DiscordStandIn.TOKEN);
            pb.environment().put("DISCORD_API_URL", discord.apiUrl());
            pb.environment().put("DISCORD_GATEWAY_URL", discord.gatewayUrl());
            pb.redirectErrorStream(true);
            pb.redirectOutput(dir.resolve("output.txt").toFile());
            Process p = pb.start();
            try {
                SlackStandIn.Call slackDrill = slack.await("chat.postMessage",
                        c -> SLACK_CHANNEL.equals(c.param("channel")) && c.param("thread_ts") == null, WAIT);
                discord.await(() -> !discord.in(DiscordStandIn.CHANNEL).isEmpty(), WAIT, "the Discord drill");
                Shown discordDrill = discord.in(DiscordStandIn.CHANNEL).get(0);
                discord.await(() -> discord.thread(discordDrill.id()).isPresent(), WAIT, "its thread");

                slack.awaitConnections(1, WAIT);
                String ts = Instant.now().getEpochSecond() + ".000777";
                Envelopes.Envelope answer = Envelopes.eventsApi(Envelopes.newEventId(),
                        Envelopes.threadReply("U0BOTH", SLACK_CHANNEL, slackDrill.ts(), ts, LP_ANSWER), 0);
                slack.deliver(answer.json());
                assertThat(slack.awaitAck(answer.id(), WAIT)).contains(answer.id());
                discord.say("1200000000000000001", "Ana", discordDrill.id(), LP_ANSWER);

                SlackStandIn.Call slackFeedback = slack.await("chat.postMessage",
                        c -> slackDrill.ts().equals(c.param("thread_ts")), WAIT);
                assertThat(slackFeedback.param("text")).contains("/100");
                discord.await(() -> discord.in(discordDrill.id()).stream().anyMatch(s -> s.text().contains("/100")),
                        WAIT, "the Discord feedback");
            } catch (AssertionError e) {
                p.destroy();
                p.waitFor(30, TimeUnit.SECONDS);
                throw new AssertionError(e.getMessage() + "\nbot output:\n" + Files.readString(dir.resolve("output.txt")), e);
            } finally {
                p.destroy(); // SIGTERM
                assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            String output = Files.readString(dir.resolve("output.txt"));
            assertThat(output).contains("Connected to slack", "Connected to discord", "drillbot stopped cleanly")
                    .doesNotContain("xoxb-together-bot").doesNotContain("xapp-together-app")
                    .doesNotContain(DiscordStandIn.TOKEN).doesNotContain("drillbot console");
        }
    }
}
