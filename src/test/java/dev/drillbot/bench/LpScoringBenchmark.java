package dev.drillbot.bench;

import dev.drillbot.adapter.files.QuestionBankLoader;
import dev.drillbot.core.bank.Question;
import dev.drillbot.scoring.lp.LpScorer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Latency of scoring one 400-word Leadership Principle answer, as the bot does inline.
 * Run: {@code mvn -q -B test-compile exec:java -Dexec.mainClass=dev.drillbot.bench.LpScoringBenchmark}
 * (optional args: measured iterations, warm-up iterations). Answers are built from the labelled
 * evaluation set, cut or extended to exactly 400 words, and scored against real bank questions.
 */
public final class LpScoringBenchmark {
    private static final int WORDS = 400;

    private LpScoringBenchmark() {}

    public static void main(String[] args) throws IOException {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        LpScorer scorer = LpScorer.fromDirectory(Path.of("config/rubric"));
        List<Question> questions = new QuestionBankLoader().loadDirectory(Path.of("questions/lp")).bank().all();
        List<String> answers = answers();
        if (Boolean.getBoolean("hostile")) {
            hostile(scorer, questions.get(0), answers.get(0));
            return;
        }
        System.out.printf(Locale.ROOT, "answers: %d distinct texts of %d words; questions: %d%n",
                answers.size(), WORDS, questions.size());

        long sink = 0;
        for (int i = 0; i < warmup; i++) {
            sink += scorer.score(questions.get(i % questions.size()), answers.get(i % answers.size())).total();
        }
        // Five rounds, each reported: on a shared machine one round can be hit by another build, and
        // the spread between rounds says more than a single figure.
        int rounds = 5;
        int perRound = iterations / rounds;
        long[] all = new long[perRound * rounds];
        for (int r = 0; r < rounds; r++) {
            long[] nanos = new long[perRound];
            for (int i = 0; i < perRound; i++) {
                int k = r * perRound + i;
                Question q = questions.get((k * 7) % questions.size());
                String a = answers.get(k % answers.size());
                long t0 = System.nanoTime();
                sink += scorer.score(q, a).total();
                nanos[i] = System.nanoTime() - t0;
                all[k] = nanos[i];
            }
            Arrays.sort(nanos);
            System.out.printf(Locale.ROOT, "round %d: median %.3f ms, p99 %.3f ms, max %.3f ms (load %s)%n", r + 1,
                    ms(nanos[perRound / 2]), ms(nanos[(int) (perRound * 0.99)]), ms(nanos[perRound - 1]), load());
        }
        Arrays.sort(all);
        int n = all.length;
        System.out.printf(Locale.ROOT, "all %d answers of %d words after %d warm-up: median %.3f ms, "
                + "p90 %.3f ms, p99 %.3f ms, max %.3f ms (checksum %d)%n", n, WORDS, warmup,
                ms(all[n / 2]), ms(all[(int) (n * 0.90)]), ms(all[(int) (n * 0.99)]), ms(all[n - 1]), sink);
    }

    /**
     * {@code -Dhostile=true}: the cost of answers built to be slow, each just under the bot's 20,000-character limit
     * and one long sentence (every per-verb or per-match step that walks the sentence would make it quadratic),
     * beside an ordinary 400-word answer, in the same run.
     */
    private static void hostile(LpScorer scorer, Question q, String ordinary) {
        List<String[]> texts = List.of(
                new String[] {"ordinary 400 words", ordinary},
                new String[] {"one subject, 2,480 joined verbs", "I " + "ran and ".repeat(2480) + "won."},
                new String[] {"990 habit adverbs and clause starts", "the lead " + "typically said that ".repeat(990) + "it ran."},
                new String[] {"1,100 frequencies of mine", "I " + "check it every day and ".repeat(860) + "stop."},
                new String[] {"1,000 relative clauses", "he wrote a runbook " + "that I use and a runbook ".repeat(790) + "too."},
                // my comings and goings look ahead for a workplace and back through the text for a comma (2026-12-07)
                new String[] {"680 comings and goings", "when I joined the team priya ".repeat(680) + "won."},
                new String[] {"640 claims", "I took full responsibility and ".repeat(640) + "won."},
                // "After I <step>, the <thing> ..." reads my clause, then the clause after its comma (2026-12-07)
                new String[] {"one 'After I' clause, 1,100 outcomes", "After I took full ownership, " + "the backlog fell, ".repeat(1100) + "won."},
                new String[] {"400 'After I' sentences", "After I took full ownership, the backlog fell 10. ".repeat(400)},
                // "since" closing any clause is looked for word by word; a routine with one stray past verb looks for a
                // time only one occasion has in every sentence (2026-12-07 evening)
                new String[] {"one sentence, 850 'since,' clauses", "the job has run since, ".repeat(850) + "won."},
                new String[] {"1 stray past verb, 1,000 present steps", "I also read the changelog. "
                        + "I check the loads. ".repeat(1000)},
                // a last sentence opening on a measured event looks for my exit and "so I" in every later clause; a
                // claim skips the road not taken ("rather than patched") clause by clause (2026-12-07 night)
                new String[] {"last sentence, 360 events and exits", "I fixed the join. "
                        + "the load fell 10 times, and I moved over to payments, ".repeat(360) + "won."},
                new String[] {"390 claims with the road not taken", "I made sure it got fixed rather than patched and ".repeat(390)
                        + "won."},
                // amounts glued to their units are added up word by word; "better than" looks ahead for a number in the
                // same unit; spoken fillers are passed over in the outcome tail of my last step (2026-12-08)
                new String[] {"600 glued durations", "I cut it from 2h40m to 1h05m and ".repeat(600) + "won."},
                new String[] {"540 comparisons with 'worse than'", "it was 61%, worse than the 74% and ".repeat(540) + "won."},
                new String[] {"2,100 fillers in one outcome tail", "I fixed it, and, um, " + "uh, erm, um, ".repeat(700) + "the cost fell 40%."});
        for (String[] t : texts) {
            if (t[1].length() > 20_000) {
                throw new IllegalStateException(t[0] + " is longer than the bot accepts: " + t[1].length());
            }
            long sink = 0;
            for (int i = 0; i < 20; i++) {
                sink += scorer.score(q, t[1]).total();
            }
            long[] nanos = new long[50];
            for (int i = 0; i < nanos.length; i++) {
                long t0 = System.nanoTime();
                sink += scorer.score(q, t[1]).total();
                nanos[i] = System.nanoTime() - t0;
            }
            Arrays.sort(nanos);
            System.out.printf(Locale.ROOT, "%-38s %6d chars: median %.2f ms, max %.2f ms (score sum %d, load %s)%n", t[0],
                    t[1].length(), ms(nanos[nanos.length / 2]), ms(nanos[nanos.length - 1]), sink, load());
        }
    }

    /** The 1-minute load average, to show how busy the shared machine was. */
    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** Evaluation answers stitched together and cut to exactly 400 words each. */
    private static List<String> answers() throws IOException {
        Pattern text = Pattern.compile("(?m)^    (?:text|hypothetical): \\|\\n((?:      .*\\n|\\s*\\n)+)");
        List<String> words = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/test/resources/lp"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                Matcher m = text.matcher(Files.readString(f));
                while (m.find()) {
                    String t = m.group(1).replaceAll("\\{\\{([^|}]*)\\|[^}]*}}", "$1").replaceAll("(?m)^\\s*R: ", "");
                    words.addAll(Arrays.asList(t.strip().split("\\s+")));
                }
            }
        }
        List<String> out = new ArrayList<>();
        for (int start = 0; start + WORDS <= words.size(); start += WORDS) {
            out.add(String.join(" ", words.subList(start, start + WORDS)));
        }
        return out;
    }
}
