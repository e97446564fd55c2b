package dev.drillbot.scoring.lp;

import java.nio.file.Path;

/**
 * Prints the --explain reading of chosen development-set answers, for tuning:
 * {@code mvn -q -B test-compile exec:java -Dexec.mainClass=dev.drillbot.scoring.lp.BlindExplain -Dexec.args="c-dd-01"}.
 * {@code -Dfold=true}: read with a model that never learned from this part. Refuses the frozen test part.
 */
public final class BlindExplain {
    private BlindExplain() {}

    public static void main(String[] ids) {
        Path file = BlindSet.chosen().orElseThrow();
        if (BlindSet.isTestPart(file)) {
            throw new IllegalArgumentException("the test part is not explained answer by answer");
        }
        BlindSet set = BlindSet.load(file);
        LpScorer scorer = Boolean.getBoolean("fold") ? BlindDevReport.foldScorer(file) : Answers.scorer();
        for (String id : ids) {
            set.pairs.stream().filter(p -> p.id().equals(id)).forEach(p -> {
                for (String text : java.util.List.of(p.original(), p.edited())) {
                    System.out.println("=== " + p.id() + (text == p.original() ? " original " : " edited ") + p.edit());
                    System.out.println(text);
                    scorer.explain(BlindSet.question(p.question()), text).forEach(System.out::println);
                }
            });
            set.answers.stream().filter(a -> a.id().equals(id)).forEach(a -> {
                System.out.println("=== " + a.id() + " label " + a.label() + " " + a.style() + " " + a.question());
                System.out.println(a.text());
                scorer.explain(BlindSet.question(a.question()), a.text()).forEach(System.out::println);
                scorer.score(BlindSet.question(a.question()), a.text()).feedback().stream().limit(4)
                        .forEach(l -> System.out.println("  > " + l));
            });
        }
    }
}
