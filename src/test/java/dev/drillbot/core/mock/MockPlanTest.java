package dev.drillbot.core.mock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbot.adapter.files.QuestionBankLoader;
import dev.drillbot.core.bank.Difficulty;
import dev.drillbot.core.bank.LpQuestion;
import dev.drillbot.core.bank.Question;
import dev.drillbot.core.bank.QuestionBank;
import dev.drillbot.core.bank.Track;
import dev.drillbot.core.scoring.Verdict;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A mock interview's plan and its verdict")
class MockPlanTest {
    static final QuestionBank BANK = new QuestionBankLoader().loadDirectory(Path.of("questions")).bank();

    MockInterviews mocks(long seed) {
        return new MockInterviews(BANK, null, null, null, null, null, null, 20_000, new Random(seed), null);
    }

    @Test
    @DisplayName("four LP questions of four principles, the SQL question third, the Bar Raiser's last and hard; plans vary")
    void plan() {
        Set<List<MockInterview.Planned>> seen = new HashSet<>();
        for (long seed = 0; seed < 200; seed++) {
            List<MockInterview.Planned> plan = mocks(seed).plan().orElseThrow();
            assertThat(plan).hasSize(5);
            List<Question> qs = plan.stream().map(p -> BANK.find(p.questionId()).orElseThrow()).toList();
            assertThat(qs.get(2).track()).isEqualTo(Track.SQL);
            List<Question> lp = List.of(qs.get(0), qs.get(1), qs.get(3), qs.get(4));
            assertThat(lp).allMatch(q -> q.track() == Track.LP);
            assertThat(lp.stream().map(q -> ((LpQuestion) q).principles().get(0)).distinct()).hasSize(4);
            assertThat(plan.stream().filter(MockInterview.Planned::barRaiser)).containsExactly(plan.get(4));
            assertThat(qs.get(4).difficulty()).isEqualTo(Difficulty.HARD);
            seen.add(plan);
        }
        assertThat(seen).hasSizeGreaterThan(150);
    }

    @Test
    @DisplayName("a bank with fewer than four principles or no SQL question cannot hold a mock")
    void tooSmall() {
        QuestionBank small = new QuestionBankLoader().loadDirectory(Path.of("src/test/resources/bank")).bank();
        assertThat(new MockInterviews(small, null, null, null, null, null, null, 20_000, new Random(1), null).plan()).isEmpty();
    }

    static MockInterviews.Row row(boolean barRaiser, Verdict v, int total) {
        return new MockInterviews.Row(new MockInterview.Planned("q", barRaiser), "Ownership",
                new MockStore.Marks(total, v.name(), "ownership", "say what you did"));
    }

    @Test
    @DisplayName("would pass: the Bar Raiser at the bar and at most one other answer a little below it")
    void verdict() {
        var solid = row(false, Verdict.SOLID, 70);
        var br = row(true, Verdict.STRONG, 85);
        var sql = row(false, Verdict.CORRECT, 100);
        assertThat(MockInterviews.wouldPass(List.of(solid, solid, sql, solid, br))).isTrue();
        assertThat(MockInterviews.wouldPass(List.of(row(false, Verdict.MIXED, 50), solid, sql, solid, br))).isTrue();
        assertThat(MockInterviews.wouldPass(List.of(solid, solid, row(false, Verdict.PARTIAL, 60), solid, br))).isTrue();
        assertThat(MockInterviews.wouldPass(List.of(row(false, Verdict.MIXED, 50), solid, row(false, Verdict.PARTIAL, 60),
                solid, br))).as("two below the bar").isFalse();
        assertThat(MockInterviews.wouldPass(List.of(row(false, Verdict.NOT_YET, 30), solid, sql, solid, br)))
                .as("one far below").isFalse();
        assertThat(MockInterviews.wouldPass(List.of(solid, solid, row(false, Verdict.WRONG, 20), solid, br)))
                .as("a wrong query").isFalse();
        assertThat(MockInterviews.wouldPass(List.of(solid, solid, sql, solid, row(true, Verdict.MIXED, 55))))
                .as("the Bar Raiser below the bar").isFalse();
    }
}
