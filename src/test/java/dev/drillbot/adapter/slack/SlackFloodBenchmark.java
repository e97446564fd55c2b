package dev.drillbot.adapter.slack;

import dev.drillbot.adapter.files.MustacheMessages;
import dev.drillbot.adapter.files.QuestionBankLoader;
import dev.drillbot.adapter.store.Database;
import dev.drillbot.cli.Bot;
import dev.drillbot.core.Drillbot;
import dev.drillbot.core.bank.Question;
import dev.drillbot.core.bank.SqlQuestion;
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
 * A flood of heavy SQL answers in one drill thread, and what everyone else in the channel sees
 * meanwhile: the real Bolt app over Socket Mode against the Slack stand-in, the real scorers (SQL in
 * grading processes, 2 s deadline) and a SQLite file. One user (or, with {@code -DmanyUsers=true}, 30
 * users) sends 30 answers that each run until the deadline; then, every 3 s while they are graded,
 * another user sends a correct answer and a third runs {@code /streak}. Prints the time to each reply (median and max) and whether the answers were
 * graded CORRECT.
 *
 * <p>Run from the project root (see docs/benchmarks.md):
 * {@code java -cp target/test-classes:target/classes:$(cat /tmp/cp.txt) dev.drillbot.adapter.slack.SlackFloodBenchmark}
 */
public final class SlackFloodBenchmark {
    private static final String CHANNEL = "C0FLOOD";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String HEAVY =
            "WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r) SELECT count(*) FROM r";

    private SlackFloodBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("rounds", 9);
        int flood = Integer.getInteger("flood", 30);
        boolean manyUsers = Boolean.getBoolean("manyUsers");
        long gapMillis = Long.getLong("gap", 3000); // rounds spread over the flood, not all inside its first grade
        Clock clock = Clock.systemUTC();
        ChannelSettings channel = new ChannelSettings(new ChannelRef("slack", CHANNEL), "0 0 9 ? * MON-FRI",
                ZoneOffset.UTC, TrackMode.MIXED, Duration.ofHours(24), Duration.ofHours(2));
        QuestionBankLoader.Result loaded = new QuestionBankLoader().loadDirectory(Path.of("questions"));
        SqlQuestion question = loaded.bank().all().stream().filter(q -> q instanceof SqlQuestion s
                && !s.accepted().isEmpty()).map(q -> (SqlQuestion) q).findFirst().orElseThrow();
        String correct = question.accepted().get(0);
        Path dir = Files.createTempDirectory("drillbot-flood-");
        try (SlackStandIn slack = SlackStandIn.start(); SqlScorer sql = new SqlScorer();
                Database db = Database.open(dir.resolve("drillbot.db"))) {
            SlackPlatform platform = new SlackPlatform(new SlackSettings("xoxb-bench", "xapp-bench", slack.apiUrl()),
                    clock, new SlackCalls(d -> Thread.sleep(d.toMillis())));
            Drillbot bot = Bot.assemble(loaded.bank(), new Scoring(List.of(LpScorer.fromDirectory(Path.of(
                    "config/rubric")), sql)), db, new Gateways(List.of(platform.gateway())), MustacheMessages.builtIn(),
                    new ChannelDirectory(List.of(channel), ZoneOffset.UTC), 20_000, clock, new Random(7));
            platform.start(bot);
            slack.awaitConnections(1, WAIT);
            String drillTs = bot.drills().postPractice(channel, new UserRef("U0HOST", "Host"), List.<Question>of(question))
                    .orElseThrow().threadId().orElseThrow();
            // a first correct answer loads the question into a grading process (a one-off, not measured)
            int[] seq = {0};
            answer(slack, drillTs, "U0WARM", correct, seq);
            slack.await("chat.postMessage", c -> drillTs.equals(c.param("thread_ts"))
                    && c.param("text").contains("U0WARM"), WAIT);

            for (int i = 0; i < flood; i++) {
                answer(slack, drillTs, manyUsers ? "U0FLOOD" + i : "U0FLOOD", HEAVY, seq);
            }
            List<Double> answerMs = new ArrayList<>();
            List<Double> streakMs = new ArrayList<>();
            int graded = 0;
            int correctCount = 0;
            for (int round = 0; round < rounds; round++) {
                Thread.sleep(gapMillis);
                String user = "U0ANN" + round;
                long t = System.nanoTime();
                answer(slack, drillTs, user, correct, seq);
                SlackStandIn.Call feedback = slack.await("chat.postMessage", c -> drillTs.equals(c.param("thread_ts"))
                        && c.param("text").contains(user), WAIT);
                answerMs.add((System.nanoTime() - t) / 1e6);
                graded++;
                correctCount += feedback.param("text").contains("Correct") ? 1 : 0;

                String url = slack.newResponseUrl();
                t = System.nanoTime();
                slack.deliver(Envelopes.slashCommand("/streak", "", "U0BEN" + round, CHANNEL, url).json());
                slack.await("response_url", c -> c.param("url").endsWith(url.substring(url.indexOf("/respond/"))), WAIT);
                streakMs.add((System.nanoTime() - t) / 1e6);
            }
            long floodReplies = slack.calls("chat.postMessage").stream().filter(c -> drillTs.equals(c.param("thread_ts"))
                    && c.param("text").contains("U0FLOOD")).count();
            System.out.printf(Locale.ROOT, "flood: %d heavy answers from %s; %d rounds; %d of them already answered"
                    + " when the rounds ended%n", flood, manyUsers ? flood + " users" : "one user", rounds, floodReplies);
            System.out.printf(Locale.ROOT, "another user's correct answer: graded CORRECT %d of %d; reply after median"
                    + " %.0f ms, max %.0f ms%n", correctCount, graded, median(answerMs), Collections.max(answerMs));
            System.out.printf(Locale.ROOT, "/streak in the same channel: answered after median %.0f ms, max %.0f ms%n",
                    median(streakMs), Collections.max(streakMs));
            platform.close();
        }
        System.exit(0);
    }

    private static void answer(SlackStandIn slack, String threadTs, String user, String text, int[] seq) {
        Instant now = Instant.now();
        String ts = now.getEpochSecond() + "." + String.format(Locale.ROOT, "%06d", ++seq[0]);
        slack.deliver(Envelopes.eventsApi(Envelopes.newEventId(), Envelopes.threadReply(user, CHANNEL, threadTs, ts,
                "```sql\n" + text + "\n```"), 0).json());
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }
}
