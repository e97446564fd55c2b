package dev.drillbot.adapter.discord;

import static org.assertj.core.api.Assertions.assertThat;

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

/** {@code drillbot run} as its own process, with only Discord's variables set, against the stand-in. */
@DisplayName("drillbot run on Discord, as a process")
class DiscordRunEndToEndTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    @DisplayName("DISCORD_BOT_TOKEN starts Discord instead of the console: start-up drill, scored answer, clean stop")
    void runsOnDiscord() throws Exception {
        try (DiscordStandIn discord = new DiscordStandIn(Instant::now)) {
            Path config = dir.resolve("drillbot.yaml");
            // Every minute with a 5-minute grace window: the previous minute's drill is posted at start-up.
            Files.writeString(config, """
                    questions: %s
                    rubric: %s
                    min_schedule_interval: 1m   # a drill every minute, for the test
                    channels:
                      - platform: discord
                        channel: "%s"
                        schedule: "0 * * * * ?"
                        timezone: UTC
                        track: lp
                        grace_window: 5m
                    """.formatted(Path.of("src/test/resources/bank").toAbsolutePath(),
                    Path.of("config/rubric").toAbsolutePath(), DiscordStandIn.CHANNEL));
            Map<String, String> env = Map.of("DRILLBOT_CONFIG", config.toString(),
                    "DRILLBOT_DB", dir.resolve("drillbot.db").toString(), "DISCORD_BOT_TOKEN", DiscordStandIn.TOKEN,
                    "DISCORD_API_URL", discord.apiUrl(), "DISCORD_GATEWAY_URL", discord.gatewayUrl());
            String output;
            try (BotProcess bot = BotProcess.run(dir, env, List.of("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN"))) {
                try {
                    discord.await(() -> !discord.in(DiscordStandIn.CHANNEL).isEmpty(), Duration.ofSeconds(45),
                            "the start-up drill");
                    Shown drill = discord.in(DiscordStandIn.CHANNEL).get(0);
                    discord.await(() -> discord.thread(drill.id()).isPresent(), Duration.ofSeconds(10), "its thread");

                    discord.say("1200000000000000001", "Ana", drill.id(), DiscordEndToEndTest.LP_ANSWER);

                    discord.await(() -> discord.in(drill.id()).stream().anyMatch(s -> s.text().contains("/100")),
                            Duration.ofSeconds(20), "the feedback");
                } catch (AssertionError e) {
                    throw bot.explain(e);
                }
                assertThat(bot.stop()).isTrue();
                output = bot.output();
            }
            assertThat(output).contains("Connected to discord").contains("drillbot stopped cleanly")
                    .doesNotContain(DiscordStandIn.TOKEN).doesNotContain("drillbot console");
            List<Shown> posts = discord.in(DiscordStandIn.CHANNEL);
            assertThat(posts).allSatisfy(s -> assertThat(s.text()).contains("Today's drill"));
        }
    }
}
