package dev.drillbot.adapter.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbot.adapter.discord.DiscordStandIn.Shown;
import dev.drillbot.core.drill.DrillService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("drillbot on Discord without the Message Content intent")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DiscordWithoutMessageContentTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("connects without the privileged intent, leaves thread messages alone and scores form answers")
    void formAnswersOnly() throws Exception {
        try (DiscordHarness h = new DiscordHarness(dir, UnaryOperator.identity(), false)) {
            DiscordStandIn discord = h.discord;
            assertThat(discord.intents()).isEqualTo((1L << 0) | (1L << 9));
            assertThat(h.bot.drills().postScheduled(h.channel, DiscordHarness.START))
                    .isEqualTo(DrillService.PostOutcome.POSTED);
            String thread = discord.in(DiscordStandIn.CHANNEL).get(0).id();

            // Without the intent Discord sends thread messages with empty text: they must not be "empty answers".
            discord.say("1200000000000000002", "Ben", thread, "");
            discord.submit("1200000000000000001", "Ana", DiscordStandIn.CHANNEL, DiscordEvents.MODAL + thread,
                    DiscordEvents.ANSWER_INPUT, DiscordEndToEndTest.LP_ANSWER);

            discord.await(() -> discord.in(thread).stream().anyMatch(s -> s.text().contains("/100")),
                    Duration.ofSeconds(15), "the feedback");
            assertThat(discord.in(thread)).singleElement().extracting(Shown::text).asString().contains("Ana");
        }
    }
}
