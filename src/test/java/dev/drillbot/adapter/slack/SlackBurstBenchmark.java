package dev.drillbot.adapter.slack;

import dev.drillbot.adapter.files.MustacheMessages;
import dev.drillbot.adapter.files.QuestionBankLoader;
import dev.drillbot.adapter.store.Database;
import dev.drillbot.cli.Bot;
import dev.drillbot.core.Drillbot;
import dev.drillbot.core.bank.LpQuestion;
import dev.drillbot.core.bank.Question;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A busy drill: 50 LP answers from 50 users arriving together in one thread, through the real Bolt app
 * over Socket Mode against the Slack stand-in, the real LP scorer and a SQLite file. Prints the time
 * from the burst to each answer's feedback post (median, p99, max over all rounds).
 *
 * <p>Run from the project root (see docs/benchmarks.md):
 * {@code java -cp target/test-classes:target/classes:$(cat /tmp/cp.txt) dev.drillbot.adapter.slack.SlackBurstBenchmark}
 */
public final class SlackBurstBenchmark {
    private static final String CHANNEL = "C0BURST";
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String[] SYSTEMS = {"the nightly orders load", "our billing export", "the churn dashboard",
        "the inventory feed", "the payments reconciliation"};

    private SlackBurstBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("rounds", 5);
        int users = Integer.getInteger("users", 50);
        Clock clock = Clock.systemUTC();
        ChannelSettings channel = new ChannelSettings(new ChannelRef("slack", CHANNEL), "0 0 9 ? * MON-FRI",
                ZoneOffset.UTC, TrackMode.MIXED, Duration.ofHours(24), Duration.ofHours(2));
        QuestionBankLoader.Result loaded = new QuestionBankLoader().loadDirectory(Path.of("questions"));
        LpQuestion question = loaded.bank().all().stream().filter(q -> q instanceof LpQuestion).map(q -> (LpQuestion) q)
                .findFirst().orElseThrow();
        Path dir = Files.createTempDirectory("drillbot-burst-");
        List<Double> ms = new ArrayList<>();
        try (SlackStandIn slack = SlackStandIn.start(); SqlScorer sql = new SqlScorer();
                Database db = Database.open(dir.resolve("drillbot.db"))) {
            SlackPlatform platform = new SlackPlatform(new SlackSettings("xoxb-bench", "xapp-bench", slack.apiUrl()),
                    clock, new SlackCalls(d -> Thread.sleep(d.toMillis())));
            Drillbot bot = Bot.assemble(loaded.bank(), new Scoring(List.of(LpScorer.fromDirectory(Path.of(
                    "config/rubric")), sql)), db, new Gateways(List.of(platform.gateway())), MustacheMessages.builtIn(),
                    new ChannelDirectory(List.of(channel), ZoneOffset.UTC), 20_000, clock, new Random(7));
            platform.start(bot);
            slack.awaitConnections(1, WAIT);
            int[] seq = {0};
            for (int round = -1; round < rounds; round++) { // round -1 warms up
                String drillTs = bot.drills().postPractice(channel, new UserRef("U0HOST", "Host"),
                        List.<Question>of(question)).orElseThrow().threadId().orElseThrow();
                long t0 = System.nanoTime();
                for (int u = 0; u < users; u++) {
                    String ts = Instant.now().getEpochSecond() + "." + String.format(Locale.ROOT, "%06d", ++seq[0]);
                    slack.deliver(Envelopes.eventsApi(Envelopes.newEventId(), Envelopes.threadReply("U0R" + round
                            + "X" + u, CHANNEL, drillTs, ts, answer(u)), 0).json());
                }
                slack.await("chat.postMessage", c -> replies(slack, drillTs).size() >= users, WAIT);
                if (round >= 0) {
                    replies(slack, drillTs).forEach(c -> ms.add((c.nanos() - t0) / 1e6));
                }
            }
            platform.close();
        }
        Collections.sort(ms);
        System.out.printf(Locale.ROOT, "%d LP answers from %d users arriving together in one thread, %d rounds, %d cores:"
                + " time to feedback median %.0f ms, p99 %.0f ms, max %.0f ms%n", users, users, rounds,
                Runtime.getRuntime().availableProcessors(), ms.get(ms.size() / 2),
                ms.get((int) Math.ceil(ms.size() * 0.99) - 1), ms.get(ms.size() - 1));
        System.exit(0);
    }

    private static List<SlackStandIn.Call> replies(SlackStandIn slack, String drillTs) {
        return slack.calls("chat.postMessage").stream().filter(c -> drillTs.equals(c.param("thread_ts"))).toList();
    }

    /** A STAR answer of about 110 words, varied per user. */
    private static String answer(int u) {
        String system = SYSTEMS[u % SYSTEMS.length];
        return "Last quarter " + system + " started failing about " + (3 + u % 7) + " times a week and nobody owned"
                + " it. I volunteered to take it on. I traced the failures to a schema change upstream, wrote a"
                + " contract test with the producing team, and added an alert that pages me before the morning"
                + " report. I also documented the recovery steps so that anyone on the team could rerun it. The"
                + " result: failures fell from " + (3 + u % 7) + " a week to 0 over the next " + (4 + u % 5)
                + " weeks, and the finance team got their numbers on time every day.";
    }
}
