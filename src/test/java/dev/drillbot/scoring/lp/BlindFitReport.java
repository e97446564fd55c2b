package dev.drillbot.scoring.lp;

import dev.drillbot.core.bank.LpQuestion;
import dev.drillbot.core.bank.Principle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * For tuning principle fit: lists each development answer's evidence (signal groups, and whether a
 * multi-word signal matched) for the asked principle and the three best others. Refuses the test parts.
 */
public final class BlindFitReport {
    private BlindFitReport() {}

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        if (BlindSet.isTestPart(file)) {
            throw new IllegalArgumentException("the test part is not listed answer by answer");
        }
        Rubric rubric = RubricReader.read(Answers.RUBRIC, new ArrayList<>()).orElseThrow();
        Lexicon lex = new Lexicon(rubric);
        for (BlindSet.Answer a : BlindSet.load(file).answers) {
            LpQuestion q = (LpQuestion) BlindSet.question(a.question());
            AnswerAnalysis an = new AnswerAnalysis(a.text(), q.prompt(), lex, rubric);
            int[] asked = {-1, 0};
            for (Principle p : q.principles()) { // the scorer takes the best of the question's principles
                int[] e = an.evidence(lex, p);
                if (e[0] > asked[0] || e[0] == asked[0] && e[1] > asked[1]) {
                    asked = e;
                }
            }
            List<Principle> others = new ArrayList<>(List.of(Principle.values()));
            others.removeAll(q.principles());
            others.sort(Comparator.comparingInt((Principle p) -> -an.evidence(lex, p)[0]));
            StringBuilder o = new StringBuilder();
            for (Principle p : others.subList(0, 3)) {
                int[] e = an.evidence(lex, p);
                o.append(String.format(Locale.ROOT, " %s=%d%s", p.slug(), e[0], e[1] == 1 ? "m" : ""));
            }
            System.out.printf(Locale.ROOT, "%-10s L%d %-16s asked=%d%s |%s%s%n", a.id(), a.label(), a.style(), asked[0],
                    asked[1] == 1 ? "m" : "", o, a.fits() == null ? "" : "  FITS " + a.fits().slug());
        }
    }
}
