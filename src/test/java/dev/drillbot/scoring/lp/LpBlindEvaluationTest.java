package dev.drillbot.scoring.lp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The issue-9 figures on the two blind development parts ({@code -Dlp.blind=PATH} replaces the first with
 * another file). The thresholds are the targets where a part meets them, and today's figure where it
 * does not yet (docs/lp-rubric.md lists both), so a regression fails. The frozen test parts are computed by
 * {@link LpBlindTestSetReport}, never here.
 */
@DisplayName("LP scorer on the blind development sets")
class LpBlindEvaluationTest {
    /**
     * What one development part must reach. The first part (126 answers, 31 pairs) was tuned on since
     * 2026-12-01; the second (125 answers, 29 pairs, four new writers) since 2026-12-03. Figures today:
     * first 0.879 (word count 0.615), pairs 31/31, gaming 0 at or above a label-3+ answer, rambling and
     * wrong-principle below label 4 in 28/30, note 5/10 precise and 5/8 recalled, lowest label 4 = 62;
     * second 0.834 (word count 0.719), pairs 28/29, gaming 3 (the lowest label-3+ answer scores 30),
     * 33/36, note 3/12 and 3/10, lowest label 4 = 31. The third (108 answers, 30 pairs, four more writers,
     * 2026-12-03 evening) scored 0.754 on first contact. After the reading fixes of that evening: first 0.884,
     * second 0.870, third 0.824 (word count 0.710), pairs 29/30, gaming 0, 22/27, note 4/6 and 4/12, lowest
     * label 4 = 51.
     */
    record Thresholds(double spearman, double marginOverWordCount, double pairs, int gamingAboveGood,
            double belowStrong, double notePrecision, double noteRecall, int lowestLabel4) {}

    static final Thresholds FIRST = new Thresholds(0.87, 0.25, 0.95, 0, 0.90, 0.50, 0.60, 65);
    //                                             target met ^     ^ met ^ met ^ met; note and label 4 NOT met
    static final Thresholds SECOND = new Thresholds(0.86, 0.14, 0.95, 2, 0.90, 0.25, 0.30, 50);
    //                                Spearman target 0.85 met; pairs, below-strong met; the rest NOT met
    static final Thresholds THIRD = new Thresholds(0.81, 0.10, 0.95, 0, 0.80, 0.60, 0.33, 50);
    //                                Spearman 0.85, below-strong 0.9 and note and label-4 targets NOT met

    private static final Map<String, BlindSet.Figures> FIGURES = new LinkedHashMap<>();

    @BeforeAll
    static void score() {
        Optional<Path> first = BlindSet.chosen();
        assumeTrue(first.isPresent(), "no blind development set at " + BlindSet.DEV + "; skipped");
        for (Path file : List.of(first.get(), BlindSet.DEV2, BlindSet.DEV3)) {
            assumeFalse(BlindSet.isTestPart(file), "the frozen test parts are computed only by LpBlindTestSetReport");
            assumeTrue(Files.isRegularFile(file), "no blind development set at " + file + "; skipped");
            BlindSet.Figures f = BlindSet.load(file).figures(Answers.scorer());
            System.out.println("[lp-blind] " + file);
            f.lines().forEach(l -> System.out.println("[lp-blind] " + l));
            FIGURES.put(file.equals(BlindSet.DEV2) ? "second" : file.equals(BlindSet.DEV3) ? "third" : "first", f);
        }
    }

    private static void each(BiConsumer<BlindSet.Figures, Thresholds> check) {
        SoftAssertions soft = new SoftAssertions();
        FIGURES.forEach((part, f) -> {
            try {
                check.accept(f, part.equals("second") ? SECOND : part.equals("third") ? THIRD : FIRST);
            } catch (AssertionError e) {
                soft.fail(part + " development part: " + e.getMessage());
            }
        });
        soft.assertAll();
    }

    @Test
    @DisplayName("scores rank the answers like the interviewer's labels, and better than word count")
    void correlation() {
        each((f, t) -> {
            assertThat(f.spearman).isGreaterThanOrEqualTo(t.spearman());
            assertThat(f.spearman - f.wordCountSpearman).isGreaterThanOrEqualTo(t.marginOverWordCount());
        });
    }

    @Test
    @DisplayName("a minimal edit that removes evidence (we, metrics, result, hypothetical, vague) lowers the score")
    void minimalPairs() {
        each((f, t) -> assertThat(f.pairShare()).isGreaterThanOrEqualTo(t.pairs()));
    }

    @Test
    @DisplayName("stuffed, fragment, template and echo answers stay below the answers labelled 3 or 4")
    void gamingStaysLow() {
        each((f, t) -> assertThat(f.gamingAboveAGoodAnswer).isLessThanOrEqualTo(t.gamingAboveGood()));
    }

    @Test
    @DisplayName("rambling and wrong-principle answers score below the strong answers of their principle")
    void ramblingAndWrongPrincipleBelowStrong() {
        each((f, t) -> assertThat(f.belowStrongShare()).isGreaterThanOrEqualTo(t.belowStrong()));
    }

    @Test
    @DisplayName("the 'reads more like X' note names the principle the story really shows")
    void wrongPrincipleNote() {
        each((f, t) -> {
            assertThat(f.notePrecision()).isGreaterThanOrEqualTo(t.notePrecision());
            assertThat(f.noteRecall()).isGreaterThanOrEqualTo(t.noteRecall());
        });
    }

    @Test
    @DisplayName("excellent answers are recognised as such")
    void strongAnswersScoreHigh() {
        each((f, t) -> assertThat(f.lowestLabel4).isGreaterThanOrEqualTo(t.lowestLabel4()));
    }
}
