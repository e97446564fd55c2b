package dev.drillbot.adapter.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbot.adapter.discord.DiscordStandIn;
import dev.drillbot.adapter.discord.DiscordStandIn.Shown;
import dev.drillbot.testing.BotProcess;
import java.nio.file.Files;
import java.nio.file.Path;
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
                    min_schedule_interval: 1m   # a drill every minute, for the test
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
            Map<String, String> env = Map.of("DRILLBOT_CONFIG", config.toString(),
                    "DRILLBOT_DB", dir.resolve("drillbot.db").toString(),
                    "SLACK_BOT_TOKEN", "xoxb-together-bot", "SLACK_APP_TOKEN", "xapp-together-app",
                    "SLACK_API_URL", slack.apiUrl(), "DISCORD_BOT_TOKEN", DiscordStandIn.TOKEN,
                    "DISCORD_API_URL", discord.apiUrl(), "DISCORD_GATEWAY_URL", discord.gatewayUrl());
            String output;
            try (BotProcess bot = BotProcess.run(dir, env, List.of())) {
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
                    throw bot.explain(e);
                }
                assertThat(bot.stop()).isTrue();
                output = bot.output();
            }
            assertThat(output).contains("Connected to slack", "Connected to discord", "drillbot stopped cleanly")
                    .doesNotContain("xoxb-together-bot").doesNotContain("xapp-together-app")
                    .doesNotContain(DiscordStandIn.TOKEN).doesNotContain("drillbot console");
        }
    }
}
