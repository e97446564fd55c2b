package dev.drillbot.adapter.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.drillbot.adapter.files.MustacheMessages;
import dev.drillbot.adapter.files.QuestionBankLoader;
import dev.drillbot.adapter.store.Database;
import dev.drillbot.cli.Bot;
import dev.drillbot.core.Drillbot;
import dev.drillbot.core.bank.Track;
import dev.drillbot.core.chat.ChannelRef;
import dev.drillbot.core.chat.Gateways;
import dev.drillbot.core.drill.ChannelDirectory;
import dev.drillbot.core.drill.ChannelSettings;
import dev.drillbot.core.drill.TrackMode;
import dev.drillbot.core.scoring.Scoring;
import dev.drillbot.testing.MutableClock;
import dev.drillbot.testing.ScriptedScorer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * /mock on Slack through Bolt and Socket Mode against the local Slack: the interview runs in a thread of the
 * app's direct conversation with the user ({@code conversations.open}, {@code chat.postMessage} there), the
 * user's replies arrive as {@code message.im} events, and replies sent while drillbot was stopped are read back
 * with the bot token, which Slack lets read direct messages.
 */
@DisplayName("Slack: /mock in the app's direct messages, end to end")
class SlackMockInterviewTest {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final String CHANNEL = "C0PREP";
    static final String ANN = "U0ANN";
    static final String DM = "D" + ANN; // the stand-in's conversations.open answers D + the user's id

    @TempDir
    Path dir;

    SlackStandIn slack;
    SlackPlatform platform;
    Database db;
    Drillbot bot;
    dev.drillbot.core.bank.QuestionBank bank;
    ChannelDirectory channels;
    MutableClock clock;
    final AtomicInteger tsSeq = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        slack = SlackStandIn.start();
        clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
        ChannelSettings channel = new ChannelSettings(new ChannelRef("slack", CHANNEL), "0 0 9 ? * MON-FRI",
                ZoneOffset.UTC, TrackMode.MIXED, Duration.ofHours(24), Duration.ofHours(2));
        bank = new QuestionBankLoader().loadDirectory(Path.of("questions")).bank();
        channels = new ChannelDirectory(List.of(channel), ZoneOffset.UTC);
        db = Database.open(dir.resolve("drillbot.db"));
        platform = connect(Optional.empty());
        slack.awaitConnections(1, WAIT);
    }

    /** A platform on the same database, with the history token or without, started. */
    SlackPlatform connect(Optional<String> userToken) throws Exception {
        SlackPlatform p = new SlackPlatform(new SlackSettings("xoxb-test-bot", "xapp-test-app", slack.apiUrl(), userToken)
                .withPace(Duration.ofMillis(20), 5), clock, new SlackCalls(d -> { }));
        bot = Bot.assemble(bank, scoring(), db, new Gateways(List.of(p.gateway())), MustacheMessages.builtIn(),
                channels, 20_000, clock, new Random(7));
        p.start(bot);
        return p;
    }

    Scoring scoring() {
        return new Scoring(List.of(new ScriptedScorer(Track.LP), new ScriptedScorer(Track.SQL)));
    }

    @AfterEach
    void stop() throws Exception {
        platform.close();
        db.close();
        slack.close();
    }

    String ts() {
        clock.set(clock.instant().plusSeconds(30));
        return clock.instant().getEpochSecond() + "." + String.format("%06d", 500 + tsSeq.incrementAndGet());
    }

    /** The user's reply in the mock's thread in the app's DMs: a message event with channel_type im. */
    void say(String threadTs, String text) throws InterruptedException {
        JsonObject e = Envelopes.threadReply(ANN, DM, threadTs, ts(), text);
        e.addProperty("channel_type", "im");
        Envelopes.Envelope env = Envelopes.eventsApi(Envelopes.newEventId(), e, 0);
        slack.deliver(env.json());
        assertThat(slack.awaitAck(env.id(), Duration.ofSeconds(3))).contains(env.id());
    }

    List<SlackStandIn.Call> repliesIn(String threadTs) {
        return slack.calls("chat.postMessage").stream().filter(c -> threadTs.equals(c.param("thread_ts"))).toList();
    }

    /** Says {@code text} and waits for the bot's answer in the thread. */
    SlackStandIn.Call turn(String threadTs, String text) throws InterruptedException {
        int before = repliesIn(threadTs).size();
        say(threadTs, text);
        slack.await("chat.postMessage", c -> repliesIn(threadTs).size() > before, WAIT);
        return repliesIn(threadTs).get(before);
    }

    String startMock() throws InterruptedException {
        String url = slack.newResponseUrl();
        Envelopes.Envelope cmd = Envelopes.slashCommand("/mock", "", ANN, CHANNEL, url);
        slack.deliver(cmd.json());
        SlackStandIn.Call note = slack.await("response_url", c -> c.param("url").contains(url.substring(url.indexOf("/respond/"))), WAIT);
        assertThat(note.param("response_type")).isEqualTo("ephemeral");
        assertThat(note.param("text")).contains("Your mock interview has started", "in your direct messages with me");
        assertThat(slack.await("conversations.open", c -> true, WAIT).param("users")).isEqualTo(ANN);
        SlackStandIn.Call first = slack.await("chat.postMessage", c -> DM.equals(c.param("channel")), WAIT);
        assertThat(first.param("thread_ts")).isNull();
        assertThat(first.param("text")).contains("Question 1 of 5");
        return first.ts();
    }

    @Test
    @DisplayName("/mock opens a thread in the app's DMs; follow-ups, questions and the scorecard arrive there, nothing in the channel,"
            + " and words the user typed come back inert")
    void wholeInterviewInTheDm() throws Exception {
        String thread = startMock();
        assertThat(turn(thread, "I rebuilt the load myself. score=80").param("text")).contains("Follow-up", "How did you measure success?");
        assertThat(turn(thread, "As a result it held. score=80").param("text")).contains("Question 2 of 5");
        turn(thread, "The result held. score=80");
        assertThat(turn(thread, "The result held. score=80").param("text")).contains("Question 3 of 5");
        turn(thread, "SELECT 1 score=100");
        assertThat(turn(thread, "Partition by day. score=5").param("text")).contains("Question 4 of 5");
        turn(thread, "The result held. score=80");
        assertThat(turn(thread, "The result held. score=80").param("text")).contains("Question 5 of 5", "Bar Raiser");
        // the Bar Raiser's answer is weak, and the scorer quotes it: the fix-first advice repeats the user's words
        turn(thread, "echo <!channel> <@U0BOSS> result score=20");
        turn(thread, "more result score=20");
        SlackStandIn.Call card = turn(thread, "done result score=20");
        assertThat(card.param("channel")).isEqualTo(DM);
        assertThat(card.param("text")).contains("Mock interview scorecard", "Not yet", "Fix first");
        String everything = card.param("text") + card.param("blocks");
        assertThat(everything).contains("echo").doesNotContain("<!channel>").doesNotContain("<@U0BOSS>");
        assertThat(slack.calls("chat.postMessage")).as("nothing in the study channel")
                .noneMatch(c -> CHANNEL.equals(c.param("channel")));
    }

    @Test
    @DisplayName("a reply in the mock's DM thread while drillbot was stopped is read back with the bot token and answered once")
    void caughtUpAfterDowntime() throws Exception {
        String thread = startMock();
        turn(thread, "I rebuilt the load myself. score=80");
        platform.close();
        slack.replyWhileAway(ANN, DM, thread, ts(), "As a result it held. score=80");
        platform = connect(Optional.empty()); // no user token: the DM is still the bot's to read
        slack.awaitConnections(2, WAIT);
        slack.await("chat.postMessage", c -> repliesIn(thread).size() >= 2, WAIT);
        assertThat(platform.awaitIdle(WAIT)).isTrue();
        assertThat(repliesIn(thread)).hasSize(2);
        assertThat(repliesIn(thread).get(1).param("text")).contains("Question 2 of 5");
        assertThat(slack.calls("conversations.replies")).isNotEmpty()
                .allSatisfy(c -> assertThat(c.authorization()).isEqualTo("Bearer xoxb-test-bot"));
    }
}
