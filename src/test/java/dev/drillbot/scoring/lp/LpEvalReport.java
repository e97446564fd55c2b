package dev.drillbot.scoring.lp;

import dev.drillbot.core.scoring.Score;
import java.util.Locale;

/**
 * Prints every labelled answer with its label, score, band and word count, for docs/lp-rubric.md:
 * {@code mvn -q test-compile exec:java -Dexec.mainClass=dev.drillbot.scoring.lp.LpEvalReport}.
 */
public final class LpEvalReport {
    private LpEvalReport() {}

    public static void main(String[] args) {
        EvalSet set = EvalSet.load();
        for (EvalSet.Answer a : set.answers) {
            if (args.length > 0 && !a.split().equals(args[0])) {
                continue;
            }
            Score s = Answers.scorer().score(Answers.question(a.principle()), a.text());
            System.out.printf(Locale.ROOT, "%-8s %-16s label=%d score=%3d %-8s words=%3d  %s%n", a.split(), a.id(),
                    a.label(), s.total(), s.verdict().label(), EvalSet.words(a.text()),
                    s.feedback().size() > 7 ? s.feedback().get(7) : "");
        }
    }
}
