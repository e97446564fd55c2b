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
        for (Path held : PrincipleModelTrainer.DEV_PARTS) {
            PrincipleModelTrainer.Examples train = new PrincipleModelTrainer.Examples();
            for (Path p : PrincipleModelTrainer.DEV_PARTS) {
                if (!p.equals(held)) {
                    train.addAll(PrincipleModelTrainer.examples(BlindSet.load(p), lex, base));
                }
            }
            if (!Boolean.getBoolean("devOnly")) {
                PrincipleModelTrainer.TRAINING_ONLY.forEach(p -> train.addAll(
                        PrincipleModelTrainer.examples(BlindSet.load(p), lex, base)));
            }
            Rubric r = RubricReader.read(Answers.RUBRIC, new ArrayList<>()).orElseThrow();
            r.model = PrincipleModelTrainer.train(train);
            BlindSet.Figures f = BlindSet.load(held).figures(LpScorer.of(r));
            System.out.println(held + " (model trained on the other parts)");
            f.lines().stream().limit(Integer.getInteger("lines", 99)).forEach(System.out::println);
            fired += f.noteFired;
            correct += f.noteCorrect;
            wrong += f.wrongPrinciple;
            named += f.wrongPrincipleNamed;
            good += f.goodAnswers;
            noteOnGood += f.noteOnGood;
            spearman += f.spearman / PrincipleModelTrainer.DEV_PARTS.size();
        }
        System.out.printf(Locale.ROOT, "all parts: mean Spearman %.3f; note precision %d/%d (%.2f), recall %d/%d (%.2f);"
                + " label-3+ answers told they fit another principle %d/%d%n", spearman, correct, fired,
                (double) correct / fired, named, wrong, (double) named / wrong, noteOnGood, good);
    }
}
