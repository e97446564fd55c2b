package dev.drillbot.scoring.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbot.adapter.files.QuestionBankLoader;
import dev.drillbot.core.bank.Problem;
import dev.drillbot.core.bank.SqlQuestion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("drillbot check catches a weak or broken SQL question")
class SqlCheckTest {
    private static final SqlScorer SCORER = new SqlScorer();

    @AfterAll
    static void close() {
        SCORER.close();
    }

    private static SqlQuestion load(String name) {
        List<Problem> problems = new ArrayList<>();
        var q = new QuestionBankLoader().loadFile(Path.of("src/test/resources/sql/" + name), problems);
        assertThat(problems).isEmpty();
        return (SqlQuestion) q.orElseThrow();
    }

    @Test
    @DisplayName("a well-formed question has no problems")
    void good() {
        assertThat(SCORER.check(load("good.yaml"))).isEmpty();
    }

    @Test
    @DisplayName("a wrong 'accepted' query, a 'mistake' that is right, a useless hidden dataset and too few"
            + " sample-passing mistakes are each reported at their line")
    void weak() {
        List<Problem> problems = SCORER.check(load("weak.yaml"));
        assertThat(problems).extracting(Problem::field)
                .containsExactlyInAnyOrder("accepted[1]", "mistakes[2].query", "datasets[2]", "mistakes");
        Problem accepted = problems.stream().filter(p -> p.field().equals("accepted[1]")).findFirst().orElseThrow();
        assertThat(accepted.message()).startsWith("graded WRONG on the sample").contains("missing");
        assertThat(accepted.line()).isGreaterThan(1);
        assertThat(problems).anyMatch(p -> p.message().contains("hidden dataset 'useless' catches none"));
        assertThat(problems).anyMatch(p -> p.message().contains("0 of 3 mistakes pass the sample"));
    }

    @Test
    @DisplayName("a solution that does not run is reported instead of grading anything")
    void brokenSolution() {
        List<Problem> problems = SCORER.check(load("broken.yaml"));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("solution");
            assertThat(p.message()).contains("\"nope\" not found");
        });
    }

    @Test
    @DisplayName("an answer that returns what a known mistake returns gets that mistake's hint")
    void knownMistakeHint() {
        SqlQuestion q = load("good.yaml");
        var score = SCORER.score(q, "SELECT id FROM o WHERE NOT amount < 10 -- same rows as '>= 10'");
        assertThat(score.verdict()).isEqualTo(dev.drillbot.core.scoring.Verdict.WRONG);
        assertThat(score.feedback()).contains("Hint: over means strictly greater");
    }
}
