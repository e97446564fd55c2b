package dev.drillbot.scoring.lp;

import java.nio.file.Path;

/**
 * The issue-9 figures for blind development parts, for tuning:
 * {@code java -cp ... dev.drillbot.scoring.lp.BlindDevFigures src/test/resources/lp/blind3/dev.yaml}.
 * Refuses the frozen test parts (those are only measured by {@link LpBlindTestSetReport}).
 */
public final class BlindDevFigures {
    private BlindDevFigures() {}

    public static void main(String[] args) {
        for (String a : args) {
            Path file = Path.of(a);
            if (BlindSet.isTestPart(file)) {
                throw new IllegalArgumentException("the test part is measured once, by LpBlindTestSetReport");
            }
            System.out.println(file);
            BlindSet.load(file).figures(Answers.scorer()).lines().forEach(System.out::println);
        }
    }
}
