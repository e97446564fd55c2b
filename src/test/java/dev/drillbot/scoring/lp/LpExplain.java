package dev.drillbot.scoring.lp;

import dev.drillbot.core.scoring.Score;

/**
 * Prints how the scorer reads answers from the evaluation set, sentence by sentence, for a coach
 * tuning the rubric: {@code mvn -q test-compile exec:java -Dexec.mainClass=dev.drillbot.scoring.lp.LpExplain
 * -Dexec.args="own-4 arl-4:metrics"}. An id alone explains the answer; {@code id:edit} explains a pair's edit.
 */
public final class LpExplain {
    private LpExplain() {}

    public static void main(String[] args) {
        EvalSet set = EvalSet.load();
        Rubric rubric = RubricReader.read(Answers.RUBRIC, new java.util.ArrayList<>()).orElseThrow();
        Lexicon lex = new Lexicon(rubric);
        for (String arg : args) {
            String[] parts = arg.split(":", 2);
            for (EvalSet.Answer a : set.answers) {
                if (!a.id().equals(parts[0])) {
                    continue;
                }
                String text = a.text();
                if (parts.length > 1) {
                    text = set.pairs.stream().filter(p -> p.id().equals(a.id()) && p.edit().startsWith(parts[1]))
                            .findFirst().orElseThrow().edited();
                }
                System.out.println("=== " + arg + " (label " + a.label() + ", " + a.principle().slug() + ")");
                AnswerAnalysis an = new AnswerAnalysis(text, lex, rubric);
                for (AnswerAnalysis.Sentence s : an.sentences) {
                    StringBuilder hits = new StringBuilder();
                    for (int i = 0; i < lex.index.size(); i++) {
                        if (s.has(i)) {
                            hits.append(lex.index.name(i)).append("=\"").append(s.matched(i)).append("\" ");
                        }
                    }
                    System.out.printf("%-8s %-7s real=%-5s q=%d ba=%-5s | %s%n    %s%n", s.part, s.actor, s.real,
                            s.quantities, s.beforeAfter, FeedbackWriter.quote(s), hits);
                }
                Score sc = Answers.scorer().score(Answers.question(a.principle()), text);
                sc.feedback().forEach(l -> System.out.println("  > " + l));
            }
        }
    }
}
