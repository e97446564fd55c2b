package dev.drillbot.scoring.lp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Locale;

/**
 * Honest development figures for the learned principle model: each blind development part is scored
 * with a model trained on the other three and the training-only stories, so no answer is scored by a
 * model that learned from it ({@code -DdevOnly=true}: without the training-only stories).
 * {@code java -cp ... dev.drillbot.scoring.lp.BlindCrossValidation}
 */
public final class BlindCrossValidation {
    private BlindCrossValidation() {}

    public static void main(String[] args) {
        Rubric base = RubricReader.read(Answers.RUBRIC, new ArrayList<>()).orElseThrow();
        Lexicon lex = new Lexicon(base);
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
        for (Path held : PrincipleModelTrainer.DEV_PARTS) {
            PrincipleModelTrainer.Examples train = new PrincipleModelTrainer.Examples();
            for (Path p : PrincipleModelTrainer.DEV_PARTS) {
                if (!p.equals(held)) {
                    train.addAll(PrincipleModelTrainer.examples(BlindSet.load(p), lex, base));
                }
            }
            if (!Boolean.getBoolean("devOnly")) {
                // -Dexclude=train6 leaves out the training-only files whose path contains it, to measure what they add
                String exclude = System.getProperty("exclude", "\u0000");
                PrincipleModelTrainer.TRAINING_ONLY.stream().filter(p -> !p.toString().contains(exclude))
                        .forEach(p -> train.addAll(PrincipleModelTrainer.examples(BlindSet.load(p), lex, base)));
            }
            Rubric r = RubricReader.read(Answers.RUBRIC, new ArrayList<>()).orElseThrow();
            r.model = PrincipleModelTrainer.train(train);
            // -Drubric.key=value overrides a rubric number for a trial (e.g. -Drubric.principle_fit.other_margin=2)
            System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("rubric."))
                    .forEach(k -> r.numbers.put(k.substring("rubric.".length()), Double.parseDouble(System.getProperty(k))));
            BlindSet.Figures f = BlindSet.load(held).figures(LpScorer.of(r));
            System.out.println(held + " (model trained on the other parts)");
            f.lines().stream().limit(Integer.getInteger("lines", 99)).forEach(System.out::println);
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
        System.out.printf(Locale.ROOT, "all parts: mean Spearman %.3f; note precision %d/%d (%.2f), recall %d/%d (%.2f);"
                + " label-3+ answers told they fit another principle %d/%d%n", spearman, correct, fired,
                (double) correct / fired, named, wrong, (double) named / wrong, noteOnGood, good);
        System.out.printf(Locale.ROOT, "all parts: pairs %d/%d; rambling/wrong-principle below label 4 %d/%d;"
                + " label-4 answers below 75: %d; gaming answers at or above a part's lowest label-3+: %d%n", pairsLower,
                pairs, belowLower, below, label4Below75, gamingAbove);
    }
}
