package dev.drillbot.adapter.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbot.adapter.discord.DiscordStandIn.Shown;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
                    channels:
                      - platform: discord
                        channel: "%s"
                        schedule: "0 * * * * ?"
                        timezone: UTC
                        track: lp
                        grace_window: 5m
                    """.formatted(Path.of("src/test/resources/bank").toAbsolutePath(),
                    Path.of("config/rubric").toAbsolutePath(), DiscordStandIn.CHANNEL));
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "dev.drillbot.Main", "run");
            pb.environment().put("DRILLBOT_CONFIG", config.toString());
            pb.environment().put("DRILLBOT_DB", dir.resolve("drillbot.db").toString());
            pb.environment().put("DISCORD_BOT_TOKEN", DiscordStandIn.TOKEN);
            pb.environment().put("DISCORD_API_URL", discord.apiUrl());
            pb.environment().put("DISCORD_GATEWAY_URL", discord.gatewayUrl());
            pb.environment().remove("SLACK_BOT_TOKEN");
            pb.environment().remove("SLACK_APP_TOKEN");
            pb.redirectErrorStream(true);
            pb.redirectOutput(dir.resolve("output.txt").toFile());
            Process p = pb.start();
            try {
                discord.await(() -> !discord.in(DiscordStandIn.CHANNEL).isEmpty(), Duration.ofSeconds(45),
                        "the start-up drill");
                Shown drill = discord.in(DiscordStandIn.CHANNEL).get(0);
                discord.await(() -> discord.thread(drill.id()).isPresent(), Duration.ofSeconds(10), "its thread");

                discord.say("1200000000000000001", "Ana", drill.id(), DiscordEndToEndTest.LP_ANSWER);

                discord.await(() -> discord.in(drill.id()).stream().anyMatch(s -> s.text().contains("/100")),
                        Duration.ofSeconds(20), "the feedback");
            } catch (AssertionError e) {
                p.destroy();
                p.waitFor(30, TimeUnit.SECONDS);
                throw new AssertionError(e.getMessage() + "\nbot output:\n" + Files.readString(dir.resolve("output.txt")), e);
            } finally {
                p.destroy(); // SIGTERM
                assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            String output = Files.readString(dir.resolve("output.txt"));
            assertThat(output).contains("Connected to discord").contains("drillbot stopped cleanly")
                    .doesNotContain(DiscordStandIn.TOKEN).doesNotContain("drillbot console");
            List<Shown> posts = discord.in(DiscordStandIn.CHANNEL);
            assertThat(posts).allSatisfy(s -> assertThat(s.text()).contains("Today's drill"));
        }
    }
}
