package dev.drillbot.adapter.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbot.adapter.store.SqliteDrillStore;
import dev.drillbot.core.bank.Question;
import dev.drillbot.core.bank.Track;
import dev.drillbot.core.chat.OutgoingMessage;
import dev.drillbot.core.chat.ThreadRef;
import dev.drillbot.core.drill.Drill;
import dev.drillbot.core.drill.DrillService.PostOutcome;
import dev.drillbot.core.drill.DrillStore;
import dev.drillbot.testing.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Several instances on one database: instance A claims a fire time, Discord accepts its drill post, and A is
 * killed before it records the post. After the claim's lease the live instance (the real JDA client against
 * {@link DiscordStandIn}) takes the fire time over. The drill must not appear twice, and answers written in the
 * first post's thread before the takeover must be scored.
 */
@DisplayName("Discord: a drill posted by an instance killed before recording it is adopted on the takeover")
@ParameterizedClass(name = "on {0}")
@EnumSource(TestStore.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DiscordTakeoverTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String ANA = "1200000000000000001";

    @Parameter
    TestStore store;

    @TempDir
    Path dir;
    DiscordHarness h;
    DiscordStandIn discord;
    Instant fire;

    @BeforeEach
    void start() throws Exception {
        h = new DiscordHarness(store, dir);
        discord = h.discord;
        fire = h.clock.instant();
    }

    @AfterEach
    void stop() throws Exception {
        if (h != null) {
            h.close();
        }
    }

    /** Instance A's claim of the fire time, as its store wrote it; A then posts and dies. */
    private Drill deadClaim(Question question) {
        return new SqliteDrillStore(h.db).claim(new DrillStore.NewDrill(h.channel.channel(), Drill.Kind.SCHEDULED,
                Optional.of(fire), fire.atZone(h.channel.zone()).toLocalDate(), question.id(), question.track(), "",
                fire, fire.plus(h.channel.answerWindow()))).orElseThrow();
    }

    /** Instance A's gateway: its own process state (no record of the threads the live instance opened), the same bot. */
    private DiscordChatGateway instanceA() {
        return new DiscordChatGateway(() -> h.platform.shardManager());
    }

    private static OutgoingMessage.DrillPost drillPost(Question q, Drill claim) {
        return new OutgoingMessage.DrillPost("Today's drill: " + q.title() + "\n\n" + q.prompt(), q, false,
                "drill-" + claim.id(), Optional.empty());
    }

    private long feedback(String thread) {
        return discord.in(thread).stream().filter(s -> s.text().contains("/100")).count();
    }

    private Question lpQuestion() {
        return h.bot.bank().track(Track.LP).get(0);
    }

    /** Ana answers in the first post's thread while no instance knows it is a drill's: taken as not a drill. */
    private void anaAnswersBeforeTheTakeover(String thread) throws InterruptedException {
        h.clock.advance(Duration.ofMinutes(1));
        discord.say(ANA, "Ana", thread, DiscordEndToEndTest.LP_ANSWER);
        assertThat(h.platform.awaitIdle(WAIT)).isTrue();
        assertThat(feedback(thread)).as("no drill known in that thread yet").isZero();
    }

    @Test
    @DisplayName("killed after the post and its thread: one drill message, its thread kept, the answer written there scored once")
    void killedAfterTheThread() throws Exception {
        Question question = lpQuestion();
        Drill claim = deadClaim(question);
        ThreadRef first = instanceA().post(h.channel.channel(), drillPost(question, claim));
        anaAnswersBeforeTheTakeover(first.id());

        h.clock.set(fire.plus(Duration.ofMinutes(3))); // past the lease: the live instance takes the fire time over
        assertThat(h.bot.drills().postScheduled(h.channel, fire)).isEqualTo(PostOutcome.POSTED);

        assertThat(discord.in(DiscordStandIn.CHANNEL)).as("drill messages in the channel").hasSize(1);
        Drill drill = h.bot.drillStore().byId(claim.id()).orElseThrow();
        assertThat(drill.threadId()).contains(first.id());
        assertThat(drill.questionId()).as("the question the first claimer chose").isEqualTo(question.id());
        discord.await(() -> feedback(first.id()) >= 1, WAIT, "feedback on Ana's answer in the first post's thread");
        assertThat(h.platform.awaitIdle(WAIT)).isTrue();
        assertThat(feedback(first.id())).as("feedback replies").isEqualTo(1);
        assertThat(discord.in(first.id()).stream().filter(s -> s.text().contains("Ana"))).isNotEmpty();
        assertThat(discord.nonceReplies()).as("posts answered with the earlier message of the same nonce").isEqualTo(1);
        assertThat(discord.calls().stream().filter(c -> c.path().endsWith("/threads"))).as("threads started").hasSize(1);
    }

    @Test
    @DisplayName("killed after the post, before its thread: one drill message, and the thread is opened on it")
    void killedBeforeTheThread() throws Exception {
        Question question = lpQuestion();
        Drill claim = deadClaim(question);
        // A's first call only: the message, with the drill's key as its nonce
        String message = h.platform.shardManager().getTextChannelById(DiscordStandIn.CHANNEL)
                .sendMessage(DiscordRenderer.render(drillPost(question, claim)).get(0)).setNonce("drill-" + claim.id())
                .complete().getId();

        h.clock.set(fire.plus(Duration.ofMinutes(3)));
        assertThat(h.bot.drills().postScheduled(h.channel, fire)).isEqualTo(PostOutcome.POSTED);

        assertThat(discord.in(DiscordStandIn.CHANNEL)).as("drill messages in the channel").hasSize(1);
        assertThat(discord.thread(message)).isPresent();
        assertThat(h.bot.drillStore().byId(claim.id()).orElseThrow().threadId()).contains(message);
        String answer = discord.say(ANA, "Ana", message, DiscordEndToEndTest.LP_ANSWER);
        discord.await(() -> feedback(message) == 1, WAIT, "feedback on an answer in the adopted drill's thread");
        assertThat(answer).isNotBlank();
    }

    @Test
    @DisplayName("when the returned message does not show its thread, Discord's 160004 says it exists: that thread is used")
    void threadOnlyKnownFromError160004() throws Exception {
        discord.dedupedMessagesCarryThread(false);
        Question question = lpQuestion();
        Drill claim = deadClaim(question);
        ThreadRef first = instanceA().post(h.channel.channel(), drillPost(question, claim));
        anaAnswersBeforeTheTakeover(first.id());

        h.clock.set(fire.plus(Duration.ofMinutes(3)));
        assertThat(h.bot.drills().postScheduled(h.channel, fire)).isEqualTo(PostOutcome.POSTED);

        assertThat(discord.in(DiscordStandIn.CHANNEL)).hasSize(1);
        assertThat(discord.calls().stream().filter(c -> c.path().endsWith("/threads")))
                .as("A's thread, then the live instance's attempt refused with 160004").hasSize(2);
        assertThat(h.bot.drillStore().byId(claim.id()).orElseThrow().threadId()).contains(first.id());
        discord.await(() -> feedback(first.id()) >= 1, WAIT, "feedback on Ana's answer");
        assertThat(h.platform.awaitIdle(WAIT)).isTrue();
        assertThat(feedback(first.id())).isEqualTo(1);
    }

    @Test
    @DisplayName("a drill key this bot used a moment ago in another channel (another database on the same bot) does not hold the drill back")
    void keyUsedInAnotherChannel() throws Exception {
        // the first drill of this database will be drill-1
        h.platform.shardManager().getTextChannelById(DiscordStandIn.OTHER_CHANNEL).sendMessage("another team's drill")
                .setNonce("drill-1").complete();
        assertThat(h.bot.drills().postScheduled(h.channel, fire)).isEqualTo(PostOutcome.POSTED);

        Drill drill = h.bot.drillStore().latest(h.channel.channel()).orElseThrow();
        assertThat(drill.id()).as("the key was drill-1").isEqualTo(1);
        assertThat(discord.in(DiscordStandIn.CHANNEL)).hasSize(1);
        assertThat(drill.threadId()).contains(discord.in(DiscordStandIn.CHANNEL).get(0).id());
        assertThat(discord.in(DiscordStandIn.OTHER_CHANNEL)).hasSize(1);
    }
}
