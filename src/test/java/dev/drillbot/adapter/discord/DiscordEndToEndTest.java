package dev.drillbot.adapter.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drillbot.adapter.discord.DiscordStandIn.Call;
import dev.drillbot.adapter.discord.DiscordStandIn.Shown;
import dev.drillbot.core.drill.DrillService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * drillbot on Discord, end to end: the real JDA client against {@link DiscordStandIn} on 127.0.0.1, the real
 * core, scorers and SQLite. Assertions are on what Discord users would see.
 */
@DisplayName("drillbot on Discord, end to end")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DiscordEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String ANA = "1200000000000000001";
    private static final String BEN = "1200000000000000002";

    static final String LP_ANSWER = """
            Situation: last spring our nightly orders pipeline started missing its 6 am deadline three times a week, \
            and the finance team could not close the books on time.
            Task: I owned the pipeline, so it was my job to find the cause and fix it within two weeks.
            Action: I profiled every stage myself, found that one join had grown to 40 million rows because of a \
            missing partition filter, rewrote it, added a row-count alarm and walked the team through the runbook.
            Result: the job went from 5 hours to 50 minutes, we met the deadline 60 days in a row, and finance closed \
            a day earlier. I learned to add volume alarms to every pipeline I own.""";

    @TempDir
    Path dir;
    DiscordHarness h;
    DiscordStandIn discord;

    @BeforeEach
    void start() throws Exception {
        h = new DiscordHarness(dir);
        discord = h.discord;
    }

    @AfterEach
    void stop() throws Exception {
        h.close();
    }

    @Test
    @DisplayName("connects with the token, identifies once and registers the slash commands with their options")
    void connectsAndRegistersCommands() {
        assertThat(discord.identifies()).isEqualTo(1);
        Call put = discord.calls().stream().filter(c -> c.method().equals("PUT") && c.path().endsWith("/commands"))
                .findFirst().orElseThrow();
        List<String> names = new ArrayList<>();
        put.body().forEach(c -> names.add(c.path("name").asText()));
        assertThat(names).contains("drill", "streak", "gaps", "leaderboard", "hint", "help");
        JsonNode drill = find(put.body(), "drill");
        List<String> options = new ArrayList<>();
        drill.path("options").forEach(o -> options.add(o.path("name").asText()));
        assertThat(options).containsExactly("track", "principle", "topic", "question");
        assertThat(find(drill.path("options"), "principle").path("choices")).hasSize(16);
        assertThat(find(drill.path("options"), "question").path("autocomplete").asBoolean()).isTrue();
    }

    @Test
    @DisplayName("a scheduled drill is posted exactly once, as an embed with buttons and a thread for answers")
    void scheduledDrillPostedOnce() {
        DrillService.PostOutcome first = h.bot.drills().postScheduled(h.channel, DiscordHarness.START);
        DrillService.PostOutcome again = h.bot.drills().postScheduled(h.channel, DiscordHarness.START);

        assertThat(first).isEqualTo(DrillService.PostOutcome.POSTED);
        assertThat(again).isEqualTo(DrillService.PostOutcome.ALREADY_POSTED);
        List<Shown> posts = discord.in(DiscordStandIn.CHANNEL);
        assertThat(posts).hasSize(1);
        JsonNode embed = posts.get(0).message().path("embeds").get(0);
        assertThat(embed.path("title").asText()).isNotBlank();
        assertThat(embed.path("description").asText()).contains("Today's drill");
        List<String> buttons = new ArrayList<>();
        posts.get(0).message().path("components").get(0).path("components")
                .forEach(b -> buttons.add(b.path("label").asText()));
        assertThat(buttons).containsExactly("Answer", "Hint", "Skip", "My stats");
        assertThat(discord.thread(posts.get(0).id())).isPresent();
        assertThat(discord.calls().stream().filter(c -> c.path().endsWith("/threads"))).hasSize(1);
    }

    private static JsonNode find(JsonNode array, String name) {
        for (JsonNode n : array) {
            if (n.path("name").asText().equals(name)) {
                return n;
            }
        }
        throw new AssertionError("no " + name + " in " + array);
    }
}
