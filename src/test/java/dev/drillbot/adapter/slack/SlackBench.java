package dev.drillbot.adapter.slack;

import dev.drillbot.adapter.files.MustacheMessages;
import dev.drillbot.adapter.files.QuestionBankLoader;
import dev.drillbot.adapter.store.Database;
import dev.drillbot.cli.Bot;
import dev.drillbot.core.Drillbot;
import dev.drillbot.core.bank.Question;
import dev.drillbot.core.bank.QuestionBank;
import dev.drillbot.core.chat.ChannelRef;
import dev.drillbot.core.chat.Gateways;
import dev.drillbot.core.chat.UserRef;
import dev.drillbot.core.drill.ChannelDirectory;
import dev.drillbot.core.drill.ChannelSettings;
import dev.drillbot.core.drill.TrackMode;
import dev.drillbot.core.scoring.Scoring;
import dev.drillbot.scoring.lp.LpScorer;
import dev.drillbot.scoring.sql.SqlScorer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * drillbot as the Slack benchmarks run it: the real Bolt app over Socket Mode against the Slack
 * stand-in, the shipped bank, the real LP and SQL scorers, a SQLite file in a temporary folder.
 */
final class SlackBench implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(120);

    final String channelId;
    final SlackStandIn slack;
    final QuestionBank bank;
    final Drillbot bot;
    private final ChannelSettings channel;
    private final SqlScorer sql = new SqlScorer();
    private final Database db;
    private final SlackPlatform platform;
    private final AtomicInteger seq = new AtomicInteger();

    SlackBench(String channelId) throws Exception {
        // the pace of posts per channel: off by default, so the figures are drillbot's own handling time;
        // -Dslack.pace.ms=1000 shows what users see at Slack's one post a second per channel
        this(channelId, Duration.ofMillis(Long.getLong("slack.pace.ms", 0)));
    }

    SlackBench(String channelId, Duration pace) throws Exception {
        this.channelId = channelId;
        Clock clock = Clock.systemUTC();
        channel = new ChannelSettings(new ChannelRef("slack", channelId), "0 0 9 ? * MON-FRI", ZoneOffset.UTC,
                TrackMode.MIXED, Duration.ofHours(24), Duration.ofHours(2));
        bank = new QuestionBankLoader().loadDirectory(Path.of("questions")).bank();
        slack = SlackStandIn.start();
        db = Database.open(Files.createTempDirectory("drillbot-bench-").resolve("drillbot.db"));
        platform = new SlackPlatform(new SlackSettings("xoxb-bench", "xapp-bench", slack.apiUrl()).withPace(pace, 5), clock,
                new SlackCalls(d -> Thread.sleep(d.toMillis())));
        bot = Bot.assemble(bank, new Scoring(List.of(LpScorer.fromDirectory(Path.of("config/rubric")), sql)), db,
                new Gateways(List.of(platform.gateway())), MustacheMessages.builtIn(),
                new ChannelDirectory(List.of(channel), ZoneOffset.UTC), 20_000, clock, new Random(7));
        platform.start(bot);
        slack.awaitConnections(1, WAIT);
    }

    /** Posts a practice drill of {@code question}; returns its thread's ts. */
    String drill(Question question) {
        return bot.drills().postPractice(channel, new UserRef("U0HOST", "Host"), List.of(question)).orElseThrow()
                .threadId().orElseThrow();
    }

    /** A user's reply in the thread, as Slack delivers it (not waiting for the ack). */
    void answer(String threadTs, String user, String text) {
        String ts = Instant.now().getEpochSecond() + "." + String.format(Locale.ROOT, "%06d", seq.incrementAndGet());
        slack.deliver(Envelopes.eventsApi(Envelopes.newEventId(), Envelopes.threadReply(user, channelId, threadTs, ts,
                text), 0).json());
    }

    /** The bot's posts in a thread so far. */
    List<SlackStandIn.Call> replies(String threadTs) {
        return slack.calls("chat.postMessage").stream().filter(c -> threadTs.equals(c.param("thread_ts"))).toList();
    }

    @Override
    public void close() throws Exception {
        platform.close();
        sql.close();
        db.close();
        slack.close();
    }
}
