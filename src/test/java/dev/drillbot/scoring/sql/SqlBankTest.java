package dev.drillbot.scoring.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbot.adapter.files.QuestionBankLoader;
import dev.drillbot.core.bank.Problem;
import dev.drillbot.core.bank.Question;
import dev.drillbot.core.bank.SqlQuestion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The SQL bank in questions/sql passes its own self-test")
class SqlBankTest {
    @Test
    @DisplayName("every question loads and every accepted query is CORRECT, every mistake WRONG, every hidden"
            + " dataset catches a mistake, and a third of the mistakes pass the sample")
    void bankChecks() {
        QuestionBankLoader.Result loaded = new QuestionBankLoader().loadDirectory(Path.of("questions/sql"));
        assertThat(loaded.problems()).isEmpty();
        List<Question> questions = loaded.bank().all();
        assertThat(questions).isNotEmpty().allMatch(q -> q instanceof SqlQuestion);
        List<Problem> problems = new ArrayList<>();
        try (SqlScorer scorer = new SqlScorer()) {
            for (Question q : questions) {
                problems.addAll(scorer.check(q));
            }
        }
        assertThat(problems).isEmpty();
    }
}
