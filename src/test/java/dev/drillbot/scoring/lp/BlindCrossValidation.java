package dev.drillbot.scoring.lp;

import java.nio.file.Path;
import dev.drillbot.core.scoring.Score;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Honest development figures for the learned principle model: each blind development part is scored
 * with a model trained on the other parts and the training-only stories, so no answer is scored by a
 * model that learned from it ({@code -DdevOnly=true}: without the training-only stories). Folds run on
 * {@code -Dthreads} threads (two by default); {@code -Dtsv=file} also writes every answer's and pair's score, one row
 * each, so two runs can be compared answer by answer.
 * {@code java -cp ... dev.drillbot.scoring.lp.BlindCrossValidation}
 */
public final class BlindCrossValidation {
    private BlindCrossValidation() {}

    public static void main(String[] args) throws Exception {
        Rubric base = RubricReader.read(Answers.RUBRIC, new ArrayList<>()).orElseThrow();
        Lexicon lex = new Lexicon(base);
        // -Dthreads=N: folds trained and scored side by side (each fold is independent; output stays in order)
        int threads = Integer.getInteger("threads", Math.min(2, Runtime.getRuntime().availableProcessors()));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        List<java.util.concurrent.Future<Fold>> folds = new ArrayList<>();
        for (Path held : PrincipleModelTrainer.DEV_PARTS) {
            folds.add(pool.submit(() -> fold(held, lex, base)));
        }
        pool.shutdown();
        int fired = 0;
        int correct = 0;
        int wrong = 0;
        int named = 0;
        double spearman = 0;
        int good = 0;
        int noteOnGood = 0;
        int pairsLower = 0;
        int pairs = 0;
        int belowLower = 0;
        int below = 0;
        int label4Below75 = 0;
        int gamingAbove = 0;
        List<String> rows = new ArrayList<>();
        for (java.util.concurrent.Future<Fold> future : folds) {
            Fold fold = future.get();
            BlindSet.Figures f = fold.figures();
            System.out.println(fold.held() + " (model trained on the other parts)");
            f.lines().stream().limit(Integer.getInteger("lines", 99)).forEach(System.out::println);
            rows.addAll(fold.rows());
            fired += f.noteFired;
            correct += f.noteCorrect;
            wrong += f.wrongPrinciple;
            named += f.wrongPrincipleNamed;
            good += f.goodAnswers;
            noteOnGood += f.noteOnGood;
            pairsLower += f.pairsLower;
            pairs += f.pairsTotal;
            belowLower += f.belowStrongLower;
            below += f.belowStrongComparisons;
            label4Below75 += f.label4Below75;
            gamingAbove += f.gamingAboveAGoodAnswer;
            spearman += f.spearman / PrincipleModelTrainer.DEV_PARTS.size();
        }
        if (System.getProperty("tsv") != null) {
            java.nio.file.Files.write(Path.of(System.getProperty("tsv")), rows);
        }
        System.out.printf(Locale.ROOT, "all parts: mean Spearman %.3f; note precision %d/%d (%.2f), recall %d/%d (%.2f);"
                + " label-3+ answers told they fit another principle %d/%d%n", spearman, correct, fired,
                (double) correct / fired, named, wrong, (double) named / wrong, noteOnGood, good);
        System.out.printf(Locale.ROOT, "all parts: pairs %d/%d; rambling/wrong-principle below label 4 %d/%d;"
                + " label-4 answers below 75: %d; gaming answers at or above a part's lowest label-3+: %d%n", pairsLower,
                pairs, belowLower, below, label4Below75, gamingAbove);
    }

    /** One held-out part's figures and, with {@code -Dtsv=file}, one row per answer and per pair to compare runs by. */
    private record Fold(Path held, BlindSet.Figures figures, List<String> rows) {}

    private static Fold fold(Path held, Lexicon lex, Rubric base) {
        // -DdevOnly=true: no training-only stories; -Dexclude=train6: not those whose path contains it
        String exclude = System.getProperty("exclude", "\u0000");
        boolean devOnly = Boolean.getBoolean("devOnly");
        PrincipleModel model = PrincipleModelTrainer.trainWithout(held, lex, base,
                p -> !devOnly && !p.toString().contains(exclude));
        Rubric r = RubricReader.read(Answers.RUBRIC, new ArrayList<>()).orElseThrow();
        r.model = model;
        // -Drubric.key=value overrides a rubric number for a trial (e.g. -Drubric.principle_fit.other_margin=2)
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("rubric."))
                .forEach(k -> r.numbers.put(k.substring("rubric.".length()), Double.parseDouble(System.getProperty(k))));
        LpScorer scorer = LpScorer.of(r);
        BlindSet set = BlindSet.load(held);
        List<String> rows = new ArrayList<>();
        if (System.getProperty("tsv") != null) {
            String part = held.getParent().getFileName().toString();
            for (BlindSet.Answer a : set.answers) {
                Score s = scorer.score(BlindSet.question(a.question()), a.text());
                rows.add(String.join("\t", "answer", part, a.id(), a.principle().name(), a.style(),
                        String.valueOf(a.label()), String.valueOf(s.total()),
                        BlindSet.note(s).map(Enum::name).orElse("-"), a.fits() == null ? "-" : a.fits().name()));
            }
            for (BlindSet.Pair p : set.pairs) {
                var q = BlindSet.question(p.question());
                rows.add(String.join("\t", "pair", part, p.id(), p.principle().name(), p.edit(),
                        String.valueOf(scorer.score(q, p.original()).total()), String.valueOf(scorer.score(q, p.edited()).total())));
            }
        }
        return new Fold(held, set.figures(scorer), rows);
    }
}
