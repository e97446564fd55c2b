package dev.drillbot.scoring.lp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbot.core.scoring.Score;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The proof that the scorer is good: a labelled set written by the project (src/test/resources/lp),
 * scored end to end. Metrics are printed so docs/lp-rubric.md can quote them. The dev split was
 * used while tuning the rubric; the holdout split was not looked at answer by answer.
 */
@DisplayName("LP scorer evaluation on the labelled set")
class LpEvaluationTest {
    static final double MIN_SPEARMAN = 0.75;
    static final double MIN_MARGIN_OVER_WORD_COUNT = 0.15;

    private static EvalSet set;
    private static final Map<String, Score> scores = new LinkedHashMap<>();

    @BeforeAll
    static void scoreEverything() {
        set = EvalSet.load();
        for (EvalSet.Answer a : set.answers) {
            scores.put(a.id(), Answers.scorer().score(Answers.question(a.principle()), a.text()));
        }
        System.out.printf(Locale.ROOT, "[lp-eval] %d labelled answers, %d minimal pairs%n", set.answers.size(),
                set.pairs.size());
        // label -> band counts, to check the band thresholds against the labels
        for (int label = 4; label >= 1; label--) {
            Map<String, Integer> bands = new LinkedHashMap<>();
            for (String b : List.of("strong", "solid", "mixed", "not yet")) {
                bands.put(b, 0);
            }
            for (EvalSet.Answer a : set.answers) {
                if (a.label() == label) {
                    bands.merge(scores.get(a.id()).verdict().label(), 1, Integer::sum);
                }
            }
            System.out.printf(Locale.ROOT, "[lp-eval] label %d bands: %s%n", label, bands);
        }
        for (int label = 1; label <= 4; label++) {
            final int l = label;
            double[] s = set.answers.stream().filter(a -> a.label() == l).mapToDouble(a -> total(a)).toArray();
            System.out.printf(Locale.ROOT, "[lp-eval] label %d: n=%d mean=%.1f min=%.0f max=%.0f%n", l, s.length,
                    java.util.Arrays.stream(s).average().orElse(0), java.util.Arrays.stream(s).min().orElse(0),
                    java.util.Arrays.stream(s).max().orElse(0));
        }
    }

    private static double total(EvalSet.Answer a) {
        return scores.get(a.id()).total();
    }

    private static double[] spearmans(Predicate<EvalSet.Answer> which) {
        List<EvalSet.Answer> sel = set.answers.stream().filter(which).toList();
        double[] label = sel.stream().mapToDouble(EvalSet.Answer::label).toArray();
        double[] score = sel.stream().mapToDouble(LpEvaluationTest::total).toArray();
        double[] words = sel.stream().mapToDouble(a -> EvalSet.words(a.text())).toArray();
        return new double[] {EvalSet.spearman(score, label), EvalSet.spearman(words, label), sel.size()};
    }

    @Test
    @DisplayName("every minimal-pair edit (I -> we, metrics removed, Result removed, hypothetical) scores lower")
    void minimalPairs() {
        List<String> failures = new ArrayList<>();
        Map<String, int[]> byEdit = new LinkedHashMap<>();
        for (EvalSet.Pair p : set.pairs) {
            var q = Answers.question(p.principle());
            int original = Answers.scorer().score(q, p.original()).total();
            int edited = Answers.scorer().score(q, p.edited()).total();
            int[] stats = byEdit.computeIfAbsent(p.edit(), k -> new int[3]);
            stats[0]++;
            stats[1] += edited < original ? 1 : 0;
            stats[2] += original - edited;
            if (edited >= original) {
                failures.add(p.id() + " (" + p.edit() + "): " + original + " -> " + edited);
            }
        }
        byEdit.forEach((edit, s) -> System.out.printf(Locale.ROOT,
                "[lp-eval] pairs '%s': %d/%d lower, mean drop %.1f points%n", edit, s[1], s[0], (double) s[2] / s[0]));
        assertThat(set.pairs).hasSizeGreaterThanOrEqualTo(40);
        assertThat(failures).isEmpty();
    }

    @Test
    @DisplayName("scores rank answers like their labels (Spearman >= 0.75) and clearly beat a word-count baseline")
    void correlationAndBaseline() {
        double[] all = spearmans(a -> true);
        double[] dev = spearmans(a -> a.split().equals("dev"));
        double[] holdout = spearmans(a -> a.split().equals("holdout"));
        double[] fresh = spearmans(a -> a.split().equals("fresh"));
        double[] graded = spearmans(a -> a.kind().equals("graded"));
        Map<String, double[]> rows = new java.util.TreeMap<>(Map.of("all", all, "dev", dev, "holdout", holdout,
                "fresh", fresh, "graded only", graded));
        for (var e : rows.entrySet()) {
            System.out.printf(Locale.ROOT, "[lp-eval] Spearman %-11s n=%3.0f scorer=%.3f word-count=%.3f%n",
                    e.getKey(), e.getValue()[2], e.getValue()[0], e.getValue()[1]);
        }
        assertThat(all[0]).isGreaterThanOrEqualTo(MIN_SPEARMAN);
        assertThat(holdout[0]).isGreaterThanOrEqualTo(MIN_SPEARMAN);
        assertThat(all[0] - all[1]).isGreaterThanOrEqualTo(MIN_MARGIN_OVER_WORD_COUNT);
    }

    @Test
    @DisplayName("every keyword-stuffed or off-topic answer scores below every answer labelled 3 or 4")
    void stuffedAndOffTopicStayLow() {
        double lowestGood = set.answers.stream().filter(a -> a.label() >= 3).mapToDouble(LpEvaluationTest::total)
                .min().orElseThrow();
        List<String> offenders = new ArrayList<>();
        for (EvalSet.Answer a : set.answers) {
            if ((a.kind().equals("stuffed") || a.kind().equals("off-topic")) && total(a) >= lowestGood) {
                offenders.add(a.id() + "=" + total(a));
            }
        }
        double highestStuffed = set.answers.stream().filter(a -> a.kind().equals("stuffed"))
                .mapToDouble(LpEvaluationTest::total).max().orElseThrow();
        System.out.printf(Locale.ROOT, "[lp-eval] highest stuffed %.0f < lowest label 3-4 answer %.0f%n",
                highestStuffed, lowestGood);
        assertThat(offenders).isEmpty();
    }

    @Test
    @DisplayName("answers that tell a story for another principle are told which principle they fit: at least four in five")
    void wrongPrincipleIsNamed() {
        // four in five is the recall target. All six were named until the model was retrained with the
        // twenty-seventh blind set (2026-12-07): it now reads wrong-2, a skew investigation asked under Earn Trust, as
        // Bias for Action 0.08 log-odds ahead of Dive Deep (Dive Deep had led by 0.02). Breaking such near ties by the
        // story's signal groups changed no note on the blind development parts at 0.3 log-odds and cost one correct
        // note at 0.8, so it was not added for this one answer.
        List<String> missed = new ArrayList<>();
        int n = 0;
        for (EvalSet.Answer a : set.answers) {
            if (!a.kind().equals("wrong-principle")) {
                continue;
            }
            n++;
            String fits = dev.drillbot.core.bank.Principle.parse(a.fits()).orElseThrow().displayName();
            boolean named = scores.get(a.id()).feedback().stream()
                    .anyMatch(l -> l.contains("Principle fit: this story reads more like " + fits));
            if (!named) {
                missed.add(a.id() + " " + scores.get(a.id()).feedback());
            }
        }
        System.out.printf(Locale.ROOT, "[lp-eval] wrong-principle named: %d/%d%n", n - missed.size(), n);
        assertThat(missed.size() * 5).as("%s", missed).isLessThanOrEqualTo(n);
    }

    @Test
    @DisplayName("strong answers are rarely told they fit another principle: at most one in thirty")
    void fewFalseWrongPrinciple() {
        // the learned model names another principle when it reads the story as that one; on the blind
        // development parts, scored by models that never saw them, 2 of 224 answers labelled 3-4 were told so
        List<String> good = set.answers.stream().filter(a -> a.label() >= 3).map(a -> a.id()).toList();
        List<String> flagged = set.answers.stream().filter(a -> a.label() >= 3)
                .filter(a -> scores.get(a.id()).feedback().stream().anyMatch(l -> l.contains("reads more like")))
                .map(a -> a.id() + " " + scores.get(a.id()).feedback()).toList();
        System.out.printf(Locale.ROOT, "[lp-eval] label-3+ answers told they fit another principle: %d/%d%n",
                flagged.size(), good.size());
        assertThat(flagged.size() * 30).as("%s", flagged).isLessThanOrEqualTo(good.size());
    }

    @Test
    @DisplayName("rambling 700-word answers lose concision, are told their length, and stay below every strong answer")
    void ramblingAnswers() {
        double lowestStrong = set.answers.stream().filter(a -> a.label() == 4).mapToDouble(LpEvaluationTest::total)
                .min().orElseThrow();
        for (EvalSet.Answer a : set.answers) {
            if (a.kind().equals("rambling")) {
                Score s = scores.get(a.id());
                assertThat(EvalSet.words(a.text())).isGreaterThanOrEqualTo(700);
                assertThat(s.total()).as(a.id()).isLessThan((int) lowestStrong);
                assertThat(s.dimensions().get(5).score()).as(a.id() + " concision").isZero();
                assertThat(s.feedback().get(0)).as(a.id()).matches("Length: [7-9]\\d\\d words");
            }
        }
    }
}
