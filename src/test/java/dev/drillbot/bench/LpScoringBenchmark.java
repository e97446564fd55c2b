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
        System.out.printf(Locale.ROOT, "answers: %d distinct texts of %d words; questions: %d%n",
                answers.size(), WORDS, questions.size());

        long sink = 0;
        for (int i = 0; i < warmup; i++) {
            sink += scorer.score(questions.get(i % questions.size()), answers.get(i % answers.size())).total();
        }
        long[] nanos = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            Question q = questions.get((i * 7) % questions.size());
            String a = answers.get(i % answers.size());
            long t0 = System.nanoTime();
            sink += scorer.score(q, a).total();
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "scored %d answers of %d words after %d warm-up: median %.3f ms, "
                + "p90 %.3f ms, p99 %.3f ms, max %.3f ms (checksum %d)%n", iterations, WORDS, warmup,
                ms(nanos[iterations / 2]), ms(nanos[(int) (iterations * 0.90)]), ms(nanos[(int) (iterations * 0.99)]),
                ms(nanos[iterations - 1]), sink);
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
