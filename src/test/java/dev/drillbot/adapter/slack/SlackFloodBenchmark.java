package dev.drillbot.adapter.slack;

import dev.drillbot.core.bank.SqlQuestion;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

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
    private static final String HEAVY =
            "WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r) SELECT count(*) FROM r";

    private SlackFloodBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("rounds", 9);
        int flood = Integer.getInteger("flood", 30);
        boolean manyUsers = Boolean.getBoolean("manyUsers");
        long gapMillis = Long.getLong("gap", 3000); // rounds spread over the flood, not all inside its first grade
        try (SlackBench b = new SlackBench("C0FLOOD")) {
            SqlQuestion question = b.bank.all().stream().filter(q -> q instanceof SqlQuestion s
                    && !s.accepted().isEmpty()).map(q -> (SqlQuestion) q).findFirst().orElseThrow();
            String correct = sql(question.accepted().get(0));
            String drillTs = b.drill(question);
            // a first correct answer loads the question into a grading process (a one-off, not measured)
            b.answer(drillTs, "U0WARM", correct);
            b.slack.await("chat.postMessage", c -> drillTs.equals(c.param("thread_ts"))
                    && c.param("text").contains("U0WARM"), SlackBench.WAIT);

            for (int i = 0; i < flood; i++) {
                b.answer(drillTs, manyUsers ? "U0FLOOD" + i : "U0FLOOD", sql(HEAVY));
            }
            List<Double> answerMs = new ArrayList<>();
            List<Double> streakMs = new ArrayList<>();
            int correctCount = 0;
            for (int round = 0; round < rounds; round++) {
                Thread.sleep(gapMillis);
                String user = "U0ANN" + round;
                long t = System.nanoTime();
                b.answer(drillTs, user, correct);
                SlackStandIn.Call feedback = b.slack.await("chat.postMessage", c -> drillTs.equals(c.param("thread_ts"))
                        && c.param("text").contains(user), SlackBench.WAIT);
                answerMs.add((System.nanoTime() - t) / 1e6);
                correctCount += feedback.param("text").contains("Correct") ? 1 : 0;

                String url = b.slack.newResponseUrl();
                t = System.nanoTime();
                b.slack.deliver(Envelopes.slashCommand("/streak", "", "U0BEN" + round, b.channelId, url).json());
                b.slack.await("response_url", c -> c.param("url").endsWith(url.substring(url.indexOf("/respond/"))),
                        SlackBench.WAIT);
                streakMs.add((System.nanoTime() - t) / 1e6);
            }
            long floodReplies = b.replies(drillTs).stream().filter(c -> c.param("text").contains("U0FLOOD")).count();
            System.out.printf(Locale.ROOT, "flood: %d heavy answers from %s; %d rounds; %d of them already answered"
                    + " when the rounds ended%n", flood, manyUsers ? flood + " users" : "one user", rounds, floodReplies);
            System.out.printf(Locale.ROOT, "another user's correct answer: graded CORRECT %d of %d; reply after median"
                    + " %.0f ms, max %.0f ms%n", correctCount, rounds, median(answerMs), Collections.max(answerMs));
            System.out.printf(Locale.ROOT, "/streak in the same channel: answered after median %.0f ms, max %.0f ms%n",
                    median(streakMs), Collections.max(streakMs));
        }
        System.exit(0);
    }

    private static String sql(String query) {
        return "```sql\n" + query + "\n```";
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }
}
