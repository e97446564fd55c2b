package dev.drillbot.adapter.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbot.adapter.discord.DiscordStandIn.Shown;
import dev.drillbot.core.bank.Question;
import dev.drillbot.core.bank.Track;
import dev.drillbot.core.drill.DrillService;
import dev.drillbot.core.scoring.Score;
import dev.drillbot.core.scoring.Scorer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Discord interactions are acknowledged before the work is done")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DiscordInteractionTimingTest {
    @TempDir
    Path dir;

    /** Holds scoring back until released, as a slow SQL grading would. */
    static final class Gate implements Scorer {
        final Scorer real;
        final CountDownLatch release;

        Gate(Scorer real, CountDownLatch release) {
            this.real = real;
            this.release = release;
        }

        @Override
        public Track track() {
            return real.track();
        }

        @Override
        public Score score(Question question, String answer) {
            try {
                if (!release.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return real.score(question, answer);
        }

        @Override
        public String briefing(Question question) {
            return real.briefing(question);
        }
    }

    @Test
    @DisplayName("a form answer is deferred at once (ephemeral) while scoring is still running, then followed up")
    void modalDeferredWhileScoring() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (DiscordHarness h = new DiscordHarness(dir, s -> new Gate(s, release))) {
            DiscordStandIn discord = h.discord;
            assertThat(h.bot.drills().postScheduled(h.channel, DiscordHarness.START))
                    .isEqualTo(DrillService.PostOutcome.POSTED);
            String thread = discord.in(DiscordStandIn.CHANNEL).get(0).id();

            String submit = discord.submit("1200000000000000001", "Ana", DiscordStandIn.CHANNEL,
                    DiscordEvents.MODAL + thread, DiscordEvents.ANSWER_INPUT, DiscordEndToEndTest.LP_ANSWER);

            discord.await(() -> discord.responses(submit).stream().anyMatch(s -> s.where().equals("callback-5")),
                    Duration.ofSeconds(3), "the deferral, within Discord's 3 seconds");
            Shown deferral = discord.responses(submit).get(0);
            assertThat(deferral.ephemeral()).isTrue();
            assertThat(discord.in(thread)).isEmpty(); // still scoring

            release.countDown();

            discord.await(() -> discord.responses(submit).stream().anyMatch(s -> s.where().equals("original")),
                    Duration.ofSeconds(15), "the follow-up");
            assertThat(discord.in(thread)).singleElement()
                    .satisfies(s -> assertThat(s.text()).contains("/100"));
        } finally {
            release.countDown();
        }
    }
}
