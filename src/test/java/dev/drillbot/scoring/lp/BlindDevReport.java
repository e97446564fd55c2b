package dev.drillbot.scoring.lp;

import dev.drillbot.core.scoring.Score;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Lists every answer of the blind development set with its label, style, score and the note, for tuning:
 * {@code mvn -q -B test-compile exec:java -Dexec.mainClass=dev.drillbot.scoring.lp.BlindDevReport}.
 * {@code -Dfold=true} scores it with a model that never learned from it. Refuses the frozen test part: that one is only ever summarised.
 */
public final class BlindDevReport {
    private BlindDevReport() {}

    public static void main(String[] args) {
        Path file = args.length > 0 ? Path.of(args[0]) : BlindSet.chosen().orElseThrow();
        if (BlindSet.isTestPart(file)) {
            throw new IllegalArgumentException("the test part is not listed answer by answer");
        }
        BlindSet set = BlindSet.load(file);
        LpScorer scorer = Boolean.getBoolean("fold") ? foldScorer(file) : Answers.scorer();
        for (BlindSet.Answer a : set.answers) {
            Score s = scorer.score(BlindSet.question(a.question()), a.text());
            System.out.printf(Locale.ROOT, "%-10s %-22s %-17s L%d %3d %-8s w=%3d note=%s%s%n", a.id(), a.question(),
                    a.style(), a.label(), s.total(), s.verdict().label(), EvalSet.words(a.text()),
                    BlindSet.note(s).map(p -> p.slug()).orElse("-"), a.fits() == null ? "" : " fits=" + a.fits().slug());
        }
        for (BlindSet.Pair p : set.pairs) {
            int o = scorer.score(BlindSet.question(p.question()), p.original()).total();
            int e = scorer.score(BlindSet.question(p.question()), p.edited()).total();
            System.out.printf(Locale.ROOT, "pair %-10s %-12s %3d -> %3d %s%n", p.id(), p.edit(), o, e, e < o ? "" : "NOT LOWER");
        }
    }

    /** -Dfold=true: scored by a model trained without this part, as leave-one-set-out scores it. */
    static LpScorer foldScorer(Path held) {
        Rubric r = RubricReader.read(Answers.RUBRIC, new java.util.ArrayList<>()).orElseThrow();
        r.model = PrincipleModelTrainer.trainWithout(held, new Lexicon(r), r, p -> true);
        return LpScorer.of(r);
    }
}
