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
