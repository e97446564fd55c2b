package dev.drillbot.scoring.lp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbot.adapter.files.QuestionBankLoader;
import dev.drillbot.core.bank.LpQuestion;
import dev.drillbot.core.bank.Principle;
import dev.drillbot.core.bank.Problem;
import dev.drillbot.core.bank.Question;
import dev.drillbot.core.bank.Track;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The LP question bank in questions/lp")
class LpQuestionBankTest {
    static final int PER_PRINCIPLE = 5;

    @Test
    @DisplayName("loads without problems and practises every principle at least " + PER_PRINCIPLE + " times")
    void validAndComplete() {
        QuestionBankLoader.Result result = new QuestionBankLoader().loadDirectory(Path.of("questions/lp"));
        assertThat(result.problems()).isEmpty();
        assertThat(result.bank().size()).isGreaterThanOrEqualTo(16 * PER_PRINCIPLE);
        assertThat(result.bank().all().stream().map(Question::prompt).distinct().count())
                .as("every prompt is different").isEqualTo(result.bank().size());
        Map<Principle, Integer> counts = new EnumMap<>(Principle.class);
        for (Question q : result.bank().all()) {
            assertThat(q.track()).isEqualTo(Track.LP);
            LpQuestion lp = (LpQuestion) q;
            assertThat(lp.probes()).as(q.id() + " probes").hasSizeBetween(2, 3);
            assertThat(lp.strongAnswer()).as(q.id() + " strong_answer").isNotEmpty();
            lp.principles().forEach(p -> counts.merge(p, 1, Integer::sum));
        }
        for (Principle p : Principle.values()) {
            assertThat(counts.getOrDefault(p, 0)).as(p.slug()).isGreaterThanOrEqualTo(PER_PRINCIPLE);
        }
    }

    @Test
    @DisplayName("a question with one probe, an unknown or a repeated principle is rejected with its line")
    void rejectsBadQuestions() {
        String yaml = """
                id: lp-draft
                title: Draft
                prompt: Tell me about a time.
                principles: [ownership, dive-deeper, Ownership]
                strong_answer: [owns it]
                probes:
                  - What did you do?
                """;
        List<Problem> problems = new ArrayList<>();
        Optional<? extends Question> q = new QuestionBankLoader().parse("draft.yaml", yaml, Optional.of(Track.LP), problems);
        assertThat(q).isEmpty();
        assertThat(problems).extracting(Problem::toString).containsExactlyInAnyOrder(
                "draft.yaml:4: principles[1]: unknown principle 'dive-deeper' (valid: " + String.join(", ",
                        java.util.Arrays.stream(Principle.values()).map(Principle::slug).toList()) + ")",
                "draft.yaml:4: principles[2]: 'ownership' is listed twice",
                "draft.yaml:7: probes: expected 2-3 follow-up probes, found 1");
    }
}
