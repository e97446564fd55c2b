package dev.drillbot.core.drill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbot.core.scoring.DimensionScore;
import dev.drillbot.core.scoring.Score;
import dev.drillbot.core.scoring.Verdict;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The re-score reply lists the dimensions that moved")
class AnswerServiceChangesTest {
    private static Score score(double ownership, double concision) {
        return new Score(80, Verdict.STRONG, List.of(new DimensionScore("ownership", ownership, 4),
                new DimensionScore("concision", concision, 4)), List.of(), "", "");
    }

    @Test
    @DisplayName("as they are shown: a length cost of 3.18 -> 3.21 shows as 3.2 both times and is no change")
    void onlyShownChanges() {
        assertThat(AnswerService.changes(score(2, 3.175), score(3, 3.21))).containsExactly("ownership 2 → 3");
        assertThat(AnswerService.changes(score(3, 3.175), score(3, 3.5))).containsExactly("concision 3.2 → 3.5");
    }
}
