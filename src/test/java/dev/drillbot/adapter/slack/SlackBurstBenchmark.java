package dev.drillbot.adapter.slack;

import dev.drillbot.core.bank.LpQuestion;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A busy drill: 50 LP answers from 50 users arriving together in one thread, through the real Bolt app
 * over Socket Mode against the Slack stand-in, the real LP scorer and a SQLite file. Prints the time
 * from the burst to each answer's feedback post (median, p99, max over all rounds).
 *
 * <p>Run from the project root (see docs/benchmarks.md):
 * {@code java -cp target/test-classes:target/classes:$(cat /tmp/cp.txt) dev.drillbot.adapter.slack.SlackBurstBenchmark}
 */
public final class SlackBurstBenchmark {
    private static final String[] SYSTEMS = {"the nightly orders load", "our billing export", "the churn dashboard",
        "the inventory feed", "the payments reconciliation"};

    private SlackBurstBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("rounds", 5);
        int users = Integer.getInteger("users", 50);
        List<Double> ms = new ArrayList<>();
        try (SlackBench b = new SlackBench("C0BURST")) {
            LpQuestion question = b.bank.all().stream().filter(q -> q instanceof LpQuestion).map(q -> (LpQuestion) q)
                    .findFirst().orElseThrow();
            for (int round = -1; round < rounds; round++) { // round -1 warms up
                String drillTs = b.drill(question);
                long t0 = System.nanoTime();
                for (int u = 0; u < users; u++) {
                    b.answer(drillTs, "U0R" + round + "X" + u, answer(u));
                }
                b.slack.await("chat.postMessage", c -> b.replies(drillTs).size() >= users, SlackBench.WAIT);
                if (round >= 0) {
                    b.replies(drillTs).forEach(c -> ms.add((c.nanos() - t0) / 1e6));
                }
            }
        }
        Collections.sort(ms);
        System.out.printf(Locale.ROOT, "%d LP answers from %d users arriving together in one thread, %d rounds, %d cores:"
                + " time to feedback median %.0f ms, p99 %.0f ms, max %.0f ms%n", users, users, rounds,
                Runtime.getRuntime().availableProcessors(), ms.get(ms.size() / 2),
                ms.get((int) Math.ceil(ms.size() * 0.99) - 1), ms.get(ms.size() - 1));
        System.exit(0);
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
