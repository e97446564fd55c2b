package dev.drillbot.adapter.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbot.adapter.discord.DiscordStandIn.Call;
import dev.drillbot.adapter.discord.DiscordStandIn.Shown;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * /mock on Discord: the real JDA client against {@link DiscordStandIn}, the real core and scorers, the shipped
 * question bank. The interview runs in a private thread of the channel (Start Thread without Message, type 12,
 * not invitable) with the user added to it.
 */
@DisplayName("Discord: /mock in a private thread, end to end")
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class DiscordMockInterviewTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String ANA = "1200000000000000001";

    @TempDir
    Path dir;
    DiscordHarness h;
    DiscordStandIn discord;

    @BeforeEach
    void start() throws Exception {
        h = new DiscordHarness(dir, UnaryOperator.identity(), true, Path.of("questions"));
        discord = h.discord;
    }

    @AfterEach
    void stop() throws Exception {
        h.close();
    }

    private String openMock(String name) {
        String interaction = discord.slash(ANA, name, DiscordStandIn.CHANNEL, "mock", Map.of());
        discord.await(() -> discord.responses(interaction).stream().anyMatch(s -> s.text().contains("mock interview")),
                WAIT, "the /mock answer");
        Shown answer = discord.responses(interaction).stream().filter(s -> s.text().contains("mock interview"))
                .findFirst().orElseThrow();
        assertThat(discord.responses(interaction).get(0).ephemeral()).as("only the user sees it").isTrue();
        assertThat(answer.text()).contains("Your mock interview has started in a private thread").doesNotContain("direct messages");
        return discord.lastDispatch("THREAD_CREATE").path("id").asText();
    }

    /** Says {@code text} in the thread and returns the bot's next message there. */
    private String turn(String thread, String text) {
        int before = discord.in(thread).size();
        discord.say(ANA, "Ana", thread, text);
        discord.await(() -> discord.in(thread).size() > before, WAIT, "the interviewer's answer");
        List<Shown> shown = discord.in(thread);
        return shown.get(shown.size() - 1).text();
    }

    @Test
    @DisplayName("/mock opens a private thread with the user in it; the interview runs there and nothing reaches the channel")
    void privateThread() {
        String thread = openMock("Ana");
        Call create = discord.calls().stream().filter(c -> c.method().equals("POST")
                && c.path().equals("/api/v10/channels/" + DiscordStandIn.CHANNEL + "/threads")).findFirst().orElseThrow();
        assertThat(create.body().path("type").asInt()).isEqualTo(12);
        assertThat(discord.threadMembers(thread)).contains(ANA);
        discord.await(() -> !discord.in(thread).isEmpty(), WAIT, "the first question");
        assertThat(discord.in(thread).get(0).text()).contains("Mock interview for Ana", "Question 1 of 5");

        assertThat(turn(thread, "I rebuilt the nightly load myself last spring.")).contains("Follow-up");
        assertThat(turn(thread, "After that the load did not fail for three months.")).contains("Question 2 of 5");
        assertThat(discord.in(DiscordStandIn.CHANNEL)).as("nothing in the channel").isEmpty();
    }

    @Test
    @DisplayName("a hostile display name in the interview's messages pings nobody (allowed_mentions is empty)")
    void hostileNameInert() {
        String thread = openMock("@everyone");
        discord.await(() -> !discord.in(thread).isEmpty(), WAIT, "the first question");
        assertThat(discord.in(thread).get(0).text()).contains("@everyone");
        Call post = discord.calls().stream().filter(c -> c.method().equals("POST")
                && c.path().equals("/api/v10/channels/" + thread + "/messages")).findFirst().orElseThrow();
        assertThat(post.body().path("allowed_mentions").isMissingNode()).as("allowed_mentions sent").isFalse();
        assertThat(post.body().path("allowed_mentions").path("parse")).isEmpty();
    }

    @Test
    @DisplayName("a private thread's content is never posted in the channel when the thread is unavailable (found by review)")
    void privateNeverFallsBackToTheChannel() {
        dev.drillbot.core.chat.ThreadRef gone = new dev.drillbot.core.chat.ThreadRef(h.channel.channel(), "1999999999999999999");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> h.platform.gateway().reply(gone,
                new dev.drillbot.core.chat.OutgoingMessage.Private("Mock interview scorecard: 42/100")))
                .hasMessageContaining("not available");
        assertThat(discord.in(DiscordStandIn.CHANNEL)).isEmpty();
        // an ordinary reply to an unknown thread still says it beside the thread, as before
        h.platform.gateway().reply(gone, dev.drillbot.core.chat.OutgoingMessage.plain("a hint"));
        discord.await(() -> !discord.in(DiscordStandIn.CHANNEL).isEmpty(), WAIT, "the fallback reply");
    }
}
