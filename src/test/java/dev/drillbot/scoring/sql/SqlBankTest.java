package dev.drillbot.scoring.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbot.adapter.files.QuestionBankLoader;
import dev.drillbot.core.bank.Difficulty;
import dev.drillbot.core.bank.Problem;
import dev.drillbot.core.bank.Question;
import dev.drillbot.core.bank.SqlQuestion;
import dev.drillbot.core.bank.SqlTopic;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
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

    @Test
    @DisplayName("at least 40 questions, every topic practised, easy, medium and hard all present")
    void coverage() {
        List<Question> questions = new QuestionBankLoader().loadDirectory(Path.of("questions/sql")).bank().all();
        assertThat(questions).hasSizeGreaterThanOrEqualTo(40);
        Set<SqlTopic> topics = EnumSet.noneOf(SqlTopic.class);
        Set<Difficulty> levels = EnumSet.noneOf(Difficulty.class);
        for (Question q : questions) {
            topics.addAll(((SqlQuestion) q).topics());
            levels.add(q.difficulty());
        }
        assertThat(topics).containsExactlyInAnyOrder(SqlTopic.values());
        assertThat(levels).containsExactlyInAnyOrder(Difficulty.values());
    }
}
