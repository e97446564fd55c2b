package dev.drillbot.adapter.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import dev.drillbot.adapter.files.MustacheMessages;
import dev.drillbot.adapter.files.QuestionBankLoader;
import dev.drillbot.adapter.store.Database;
import dev.drillbot.adapter.store.SqliteDrillStore;
import dev.drillbot.cli.Bot;
import dev.drillbot.core.Drillbot;
import dev.drillbot.core.bank.Question;
import dev.drillbot.core.bank.Track;
import dev.drillbot.core.chat.ChannelRef;
import dev.drillbot.core.chat.Gateways;
import dev.drillbot.core.chat.OutgoingMessage;
import dev.drillbot.core.chat.ThreadRef;
import dev.drillbot.core.drill.ChannelDirectory;
import dev.drillbot.core.drill.ChannelSettings;
import dev.drillbot.core.drill.Drill;
import dev.drillbot.core.drill.DrillService.PostOutcome;
import dev.drillbot.core.drill.DrillStore;
import dev.drillbot.core.drill.TrackMode;
import dev.drillbot.core.scoring.Scoring;
import dev.drillbot.testing.MutableClock;
import dev.drillbot.testing.ScriptedScorer;
import dev.drillbot.testing.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 * Several instances on one database: instance A claims a fire time, Slack accepts its drill post, and A is
 * killed before it records the post. After the claim's lease the live instance (the real Bolt app against
 * {@link SlackStandIn}) takes the fire time over. The drill must not appear twice, and answers written in the
 * first post's thread before the takeover must be scored.
 */
@DisplayName("Slack: a drill posted by an instance killed before recording it is adopted on the takeover")
@ParameterizedClass(name = "on {0}")
@EnumSource(TestStore.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SlackTakeoverTest {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final String CHANNEL = "C0PREP";
    static final String ANN = "U0ANN";
    /** Instance A claimed and posted at 08:57; the live instance takes over at 09:00, past the two-minute lease. */
    static final Instant FIRE = Instant.parse("2026-03-02T08:57:00Z");

    @Parameter
    TestStore store;

    @TempDir
    Path dir;
    SlackStandIn slack;
    SlackPlatform platform;
    Database db;
    Drillbot bot;
    final MutableClock clock = new MutableClock(FIRE);
    final ScriptedScorer lp = new ScriptedScorer(Track.LP);
    final ScriptedScorer sql = new ScriptedScorer(Track.SQL);
    final ChannelSettings channel = new ChannelSettings(new ChannelRef("slack", CHANNEL), "0 57 8 ? * MON-FRI",
            ZoneOffset.UTC, TrackMode.MIXED, Duration.ofHours(24), Duration.ofHours(2));
    final AtomicInteger tsSeq = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        db = store.open(dir); // first: skipped without a PostgreSQL server before anything is started
        slack = SlackStandIn.start();
        slack.clock(clock::instant);
        platform = new SlackPlatform(new SlackSettings("xoxb-test-bot", "xapp-test-app", slack.apiUrl())
                .withPace(Duration.ofMillis(20), 5), clock, new SlackCalls());
        bot = Bot.assemble(new QuestionBankLoader().loadDirectory(Path.of("src/test/resources/bank")).bank(),
                new Scoring(List.of(lp, sql)), db, new Gateways(List.of(platform.gateway())), MustacheMessages.builtIn(),
                new ChannelDirectory(List.of(channel), ZoneOffset.UTC), 20_000, clock, new Random(7));
        platform.start(bot);
        slack.awaitConnections(1, WAIT);
    }

    @AfterEach
    void stop() throws Exception {
        if (platform != null) {
            platform.close();
            slack.close();
        }
        if (db != null) {
            db.close();
        }
    }

    /** Instance A: its claim of the fire time, then its post through its own gateway (same bot token), then it dies. */
    private ThreadRef instanceAPostsAndDies(Question question) {
        Drill claim = new SqliteDrillStore(db).claim(new DrillStore.NewDrill(channel.channel(), Drill.Kind.SCHEDULED,
                Optional.of(FIRE), FIRE.atZone(ZoneOffset.UTC).toLocalDate(), question.id(), question.track(), "",
                FIRE, FIRE.plus(channel.answerWindow()))).orElseThrow();
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slack.apiUrl());
        SlackChatGateway a = new SlackChatGateway(Slack.getInstance(config).methods("xoxb-test-bot"), new SlackCalls(),
                new ChannelPace(Duration.ofMillis(20), 5));
        return a.post(channel.channel(), new OutgoingMessage.DrillPost("Today's drill: " + question.title(), question,
                false, "drill-" + claim.id(), Optional.empty()));
    }

    private Question lpQuestion() {
        return bot.bank().track(Track.LP).get(0);
    }

    /** A message ts at the test clock's time. */
    private String ts() {
        return clock.instant().getEpochSecond() + "." + String.format("%06d", 500 + tsSeq.incrementAndGet());
    }

    /** Ann answers in the first post's thread, delivered to the live instance, which takes it for no drill's. */
    private void annAnswersBeforeTheTakeover(String threadTs) throws InterruptedException {
        clock.set(FIRE.plus(Duration.ofMinutes(1)));
        Envelopes.Envelope e = Envelopes.eventsApi(Envelopes.newEventId(),
                Envelopes.threadReply(ANN, CHANNEL, threadTs, ts(), "I owned the outage; pages fell 40%. score=82"), 0);
        slack.deliver(e.json());
        slack.awaitAck(e.id(), WAIT);
        assertThat(platform.awaitIdle(WAIT)).isTrue();
        assertThat(repliesIn(threadTs)).as("no drill known in that thread yet").isEmpty();
    }

    private List<SlackStandIn.Call> drillPosts() {
        return slack.calls("chat.postMessage").stream()
                .filter(c -> CHANNEL.equals(c.param("channel")) && c.param("thread_ts") == null).toList();
    }

    private List<SlackStandIn.Call> repliesIn(String threadTs) {
        return slack.calls("chat.postMessage").stream().filter(c -> threadTs.equals(c.param("thread_ts"))).toList();
    }

    @Test
    @DisplayName("one drill message, its thread kept, the question the first claimer chose, the answer written there scored once")
    void adoptsThePost() throws Exception {
        Question question = lpQuestion();
        ThreadRef first = instanceAPostsAndDies(question);
        annAnswersBeforeTheTakeover(first.id());

        clock.set(FIRE.plus(Duration.ofMinutes(3)));
        assertThat(bot.drills().postScheduled(channel, FIRE)).isEqualTo(PostOutcome.POSTED);

        assertThat(drillPosts()).as("drill messages in the channel").hasSize(1);
        Drill drill = bot.drillStore().latest(channel.channel()).orElseThrow();
        assertThat(drill.threadId()).contains(first.id());
        assertThat(drill.questionId()).isEqualTo(question.id());
        SlackStandIn.Call feedback = slack.await("chat.postMessage", c -> first.id().equals(c.param("thread_ts")), WAIT);
        assertThat(feedback.param("text")).contains("82/100").contains("Ann U0ANN");
        assertThat(platform.awaitIdle(WAIT)).isTrue();
        assertThat(repliesIn(first.id())).as("feedback replies").hasSize(1);
        // found with the bot token in the channel's history since the first attempt, metadata included
        SlackStandIn.Call history = slack.calls("conversations.history").get(0);
        assertThat(history.authorization()).isEqualTo("Bearer xoxb-test-bot");
        assertThat(history.param("channel")).isEqualTo(CHANNEL);
        assertThat(history.param("include_all_metadata")).isIn("true", "1");
        assertThat(SlackEvents.instant(history.param("oldest"))).isBeforeOrEqualTo(FIRE);
    }

    @Test
    @DisplayName("found on a later page of the channel's history when users wrote more than a page since")
    void pagesThroughTheHistory() throws Exception {
        ThreadRef first = instanceAPostsAndDies(lpQuestion());
        for (int i = 0; i < 20; i++) {
            clock.set(FIRE.plus(Duration.ofSeconds(10 + i)));
            slack.userMessage("U0" + (100 + i), CHANNEL, ts(), "good morning " + i);
        }
        clock.set(FIRE.plus(Duration.ofMinutes(3)));
        assertThat(bot.drills().postScheduled(channel, FIRE)).isEqualTo(PostOutcome.POSTED);

        assertThat(drillPosts()).hasSize(1);
        assertThat(bot.drillStore().latest(channel.channel()).orElseThrow().threadId()).contains(first.id());
        assertThat(slack.calls("conversations.history")).hasSizeGreaterThan(1);
    }

    @Test
    @DisplayName("a channel whose history the bot cannot read (not a member): posted again rather than missed")
    void unreadableHistoryPostsAgain() throws Exception {
        slack.notAMemberOf(CHANNEL);
        ThreadRef first = instanceAPostsAndDies(lpQuestion());

        clock.set(FIRE.plus(Duration.ofMinutes(3)));
        assertThat(bot.drills().postScheduled(channel, FIRE)).isEqualTo(PostOutcome.POSTED);

        assertThat(drillPosts()).as("the first post and the new one").hasSize(2);
        String second = drillPosts().get(1).ts();
        assertThat(bot.drillStore().latest(channel.channel()).orElseThrow().threadId()).contains(second);
        assertThat(second).isNotEqualTo(first.id());
    }
}
