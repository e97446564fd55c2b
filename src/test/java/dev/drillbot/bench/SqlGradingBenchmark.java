package dev.drillbot.bench;

import dev.drillbot.adapter.files.QuestionBankLoader;
import dev.drillbot.core.bank.Question;
import dev.drillbot.core.bank.SqlQuestion;
import dev.drillbot.core.scoring.Score;
import dev.drillbot.core.scoring.Verdict;
import dev.drillbot.scoring.sql.SqlBenchSupport;
import dev.drillbot.scoring.sql.SqlScorer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * SQL grading figures for docs/benchmarks.md:
 * {@code mvn -q -B test-compile exec:java -Dexec.mainClass=dev.drillbot.bench.SqlGradingBenchmark}.
 * Grades every accepted answer of questions/sql; all figures are medians from this one run.
 */
public final class SqlGradingBenchmark {
    private static final int ROUNDS = Integer.getInteger("rounds", 15);

    public static void main(String[] args) throws Exception {
        List<Question> bank = new QuestionBankLoader().loadDirectory(Path.of("questions/sql")).bank().all();
        List<SqlQuestion> qs = new ArrayList<>();
        List<String> answers = new ArrayList<>();
        for (Question q : bank) {
            for (String a : ((SqlQuestion) q).accepted()) {
                qs.add((SqlQuestion) q);
                answers.add(a);
            }
        }
        System.out.printf(Locale.ROOT, "bank: %d questions, %d accepted answers, %d rounds, %d cores, load %.1f%n",
                bank.size(), answers.size(), ROUNDS, Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        if ("load".equals(System.getProperty("only"))) {
            SqlBenchSupport.loadCost(bank.stream().map(q -> (SqlQuestion) q).toList());
            System.exit(0);
        }
        if ("hostile".equals(System.getProperty("only"))) {
            hostile(qs.get(0));
            System.exit(0);
        }
        overhead(qs, answers);
        if ("overhead".equals(System.getProperty("only"))) {
            System.exit(0);
        }
        // throughput over the answers of the first 12 questions: what one grading process keeps loaded
        int n = 0;
        java.util.Set<String> first = new java.util.LinkedHashSet<>();
        while (n < qs.size() && (first.size() < 12 || first.contains(qs.get(n).id()))) {
            first.add(qs.get(n).id());
            n++;
        }
        throughput(qs.subList(0, n), answers.subList(0, n));
        runaway(qs.get(0));
        hostile(qs.get(0));
        System.exit(0);
    }

    /** Per-grade overhead: a full score() minus the answer's own execution on warm connections. */
    private static void overhead(List<SqlQuestion> qs, List<String> answers) throws Exception {
        List<Double> grade = new ArrayList<>();
        List<Double> exec = new ArrayList<>();
        List<Double> over = new ArrayList<>();
        List<Double> setup = new ArrayList<>();
        List<Double> text = new ArrayList<>();
        List<Double> compare = new ArrayList<>();
        List<Double> style = new ArrayList<>();
        List<Double> inWorker = new ArrayList<>();
        List<SqlBenchSupport> support = new ArrayList<>();
        for (int i = 0; i < qs.size(); i++) {
            support.add(new SqlBenchSupport(qs.get(i), answers.get(i)));
        }
        try (SqlScorer scorer = new SqlScorer()) {
            // answer by answer, rounds inside: a grading process keeps the 12 most recent questions loaded,
            // so this measures a question being drilled; loading a question is reported apart (load phase)
            for (int i = 0; i < qs.size(); i++) {
                for (int round = -3; round < ROUNDS; round++) { // three warm-up rounds
                    SqlBenchSupport s = support.get(i);
                    long e = s.executionNanos();
                    long t = System.nanoTime();
                    Score score = scorer.score(qs.get(i), answers.get(i));
                    long g = System.nanoTime() - t;
                    if (score.verdict() != Verdict.CORRECT) {
                        throw new IllegalStateException(qs.get(i).id() + " graded " + score.verdict());
                    }
                    long su = s.roundTripNanos();
                    long tx = SqlBenchSupport.textNanos(answers.get(i));
                    long c = s.compareNanos();
                    long st = SqlBenchSupport.styleNanos(answers.get(i));
                    long w = s.workerExecutionNanos();
                    if (round >= 0) {
                        grade.add(g / 1e6);
                        exec.add(e / 1e6);
                        over.add((g - e) / 1e6);
                        setup.add(su / 1e6);
                        text.add(tx / 1e6);
                        compare.add(c / 1e6);
                        style.add(st / 1e6);
                        inWorker.add(w / 1e6);
                    }
                }
            }
        }
        for (SqlBenchSupport s : support) {
            s.close();
        }
        double datasets = qs.stream().mapToInt(q -> q.datasets().size()).average().orElse(0);
        System.out.printf(Locale.ROOT, "per grade (%.1f datasets on average), median over %d grades:%n", datasets,
                grade.size());
        System.out.printf(Locale.ROOT, "  full score()                 %.3f ms (p90 %.3f)%n", median(grade),
                pct(grade, 90));
        System.out.printf(Locale.ROOT, "  answer's own execution       %.3f ms%n", median(exec));
        System.out.printf(Locale.ROOT, "  overhead (score - execution) %.3f ms (p90 %.3f); %.0f%% of a grade%n",
                median(over), pct(over, 90), 100 * median(over) / median(grade));
        System.out.printf(Locale.ROOT, "    round trip to the grading process (SELECT 1 on every dataset, minus in-process) %.3f ms%n",
                median(setup));
        System.out.printf(Locale.ROOT, "    the answer in a grading process (one request), minus in this process %.3f ms%n",
                median(inWorker) - median(exec));
        System.out.printf(Locale.ROOT, "    extract + gate + rewrite    %.3f ms%n", median(text));
        System.out.printf(Locale.ROOT, "    row comparison              %.3f ms%n", median(compare));
        System.out.printf(Locale.ROOT, "    style remarks (JSqlParser)  %.3f ms (p90 %.3f)%n", median(style),
                pct(style, 90));
    }

    /** Answers per second, one caller and then as many callers as answers (the pool bounds the work). */
    private static void throughput(List<SqlQuestion> qs, List<String> answers) throws Exception {
        try (SqlScorer scorer = new SqlScorer(Duration.ofSeconds(2), 10_000, 2, 1024)) {
            List<Double> seq = new ArrayList<>();
            List<Double> par = new ArrayList<>();
            ExecutorService callers = Executors.newFixedThreadPool(16);
            for (int round = -2; round < 7; round++) {
                long t = System.nanoTime();
                for (int i = 0; i < qs.size(); i++) {
                    scorer.score(qs.get(i), answers.get(i));
                }
                double s1 = answers.size() / ((System.nanoTime() - t) / 1e9);
                t = System.nanoTime();
                List<Future<Score>> fs = new ArrayList<>();
                for (int i = 0; i < qs.size(); i++) {
                    int k = i;
                    fs.add(callers.submit(() -> scorer.score(qs.get(k), answers.get(k))));
                }
                for (Future<Score> f : fs) {
                    if (f.get().verdict() != Verdict.CORRECT) {
                        throw new IllegalStateException("not correct under load: " + f.get().feedback());
                    }
                }
                double s2 = answers.size() / ((System.nanoTime() - t) / 1e9);
                if (round >= 0) {
                    seq.add(s1);
                    par.add(s2);
                }
            }
            callers.shutdownNow();
            System.out.printf(Locale.ROOT, "accepted answers of 12 questions (%d), median of %d passes:%n",
                    answers.size(), seq.size());
            System.out.printf(Locale.ROOT, "  one caller          %.0f answers/s (%.0f ms per pass)%n", median(seq),
                    1000 * answers.size() / median(seq));
            System.out.printf(Locale.ROOT, "  16 callers, pool 2  %.0f answers/s; %.2fx one caller%n", median(par),
                    median(par) / median(seq));
        }
    }

    /** Time from the deadline to the answer for queries that would run for ever. */
    private static void runaway(SqlQuestion q) {
        long deadline = 500;
        String[] queries = {
            "WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r) SELECT count(*) FROM r",
            "SELECT count(*) FROM " + String.join(", ", java.util.Collections.nCopies(20, "(VALUES (1),(2),(3))")),
            "SELECT count(*) FROM range(1000000000000)"};
        String[] names = {"infinite recursive CTE", "20-way cross join", "a trillion-row range"};
        try (SqlScorer scorer = new SqlScorer(Duration.ofMillis(deadline), 10_000, 2, 8)) {
            scorer.score(q, "SELECT 1");
            System.out.printf(Locale.ROOT, "runaway queries, deadline %d ms, median of 9 (time past the deadline):%n",
                    deadline);
            for (int k = 0; k < queries.length; k++) {
                List<Double> late = new ArrayList<>();
                for (int i = 0; i < 9; i++) {
                    long t = System.nanoTime();
                    Score s = scorer.score(q, queries[k]);
                    late.add((System.nanoTime() - t) / 1e6 - deadline);
                    if (!s.feedback().get(0).contains("limit")) {
                        throw new IllegalStateException(names[k] + " was not stopped: " + s.feedback());
                    }
                }
                System.out.printf(Locale.ROOT, "  %-24s %.1f ms (max %.1f)%n", names[k], median(late),
                        late.stream().mapToDouble(Double::doubleValue).max().orElse(0));
            }
        }
    }

    /**
     * How long the grading thread is busy with each attack of the hostile suite, past the deadline
     * (target: at most 100 ms), and the bot's own heap meanwhile (learner SQL runs in grading processes).
     */
    private static void hostile(SqlQuestion q) throws Exception {
        long deadline = 1000;
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("hostile-bench-");
        List<String> attacks = SqlBenchSupport.hostileAnswers(dir);
        List<Double> past = new ArrayList<>();
        long peakHeap = 0;
        String worst = "";
        double worstMs = -1e9;
        try (SqlScorer scorer = new SqlScorer(Duration.ofMillis(deadline), 10_000, 1, 8)) {
            scorer.score(q, "SELECT 1");
            for (String a : attacks) {
                // a grading process killed by the previous attack is replaced first: that wait is capacity,
                // not time this attack keeps a grading thread busy
                scorer.score(q, "SELECT 1");
                long t = System.nanoTime();
                try {
                    scorer.score(q, a);
                } catch (dev.drillbot.core.scoring.ScoringUnavailableException e) {
                    // refused: counted like any other answer
                }
                double ms = (System.nanoTime() - t) / 1e6 - deadline;
                past.add(ms);
                if (ms > worstMs) {
                    worstMs = ms;
                    worst = a.length() > 60 ? a.substring(0, 60) + "..." : a;
                }
                Runtime rt = Runtime.getRuntime();
                peakHeap = Math.max(peakHeap, rt.totalMemory() - rt.freeMemory());
            }
        }
        System.out.printf(Locale.ROOT, "hostile suite (%d attacks, deadline %d ms): time past the deadline median %.1f ms,"
                + " worst %.1f ms (%s); bot heap in use at most %d MB%n", attacks.size(), deadline, median(past),
                worstMs, worst, peakHeap / (1024 * 1024));
    }

    private static double median(List<Double> xs) {
        return pct(xs, 50);
    }

    private static double pct(List<Double> xs, int p) {
        double[] a = xs.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a[Math.min(a.length - 1, (int) Math.ceil(p / 100.0 * a.length) - 1)];
    }
}
