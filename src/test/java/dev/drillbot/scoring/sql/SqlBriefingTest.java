package dev.drillbot.scoring.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbot.adapter.files.QuestionBankLoader;
import dev.drillbot.core.bank.Question;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The SQL drill briefing")
class SqlBriefingTest {
    @Test
    @DisplayName("shows every table of the sample dataset with its rows, and nothing from hidden datasets")
    void sampleOnly() {
        Question q = new QuestionBankLoader().loadDirectory(Path.of("src/test/resources/bank")).bank()
                .find("sql-test-orders").orElseThrow();
        try (SqlScorer scorer = new SqlScorer()) {
            String text = scorer.briefing(q);
            assertThat(text).contains("customers\nid | name\n---------\n1  | Ana\n2  | Ben\n");
            assertThat(text).contains("orders\nid | customer_id");
            assertThat(text).contains("12 | 2");
            assertThat(text).doesNotContain("NULL").doesNotContain("7\n"); // the orphans dataset stays hidden
            assertThat(text).startsWith("Sample data").endsWith("```");
        }
    }

    @Test
    @DisplayName("a sample table larger than the display limit shows its first rows and how many more there are")
    void largeSampleTable() {
        StringBuilder rows = new StringBuilder("INSERT INTO products VALUES ");
        for (int i = 1; i <= 1_500; i++) {
            rows.append(i == 1 ? "" : ",").append("(").append(i).append(",'books','Book ").append(i).append("',1.0)");
        }
        dev.drillbot.core.bank.SqlQuestion base = TestQuestions.unitsPerProduct();
        dev.drillbot.core.bank.SqlQuestion big = new dev.drillbot.core.bank.SqlQuestion(base.id(), base.title(),
                base.prompt(), base.difficulty(), base.topics(), base.schema(), java.util.List.of(
                        new dev.drillbot.core.bank.SqlQuestion.Dataset("sample", "", true, rows + ";"),
                        base.datasets().get(1), base.datasets().get(2)), base.solution(), base.ordered(),
                base.orderKeys(), base.tolerance(), base.hints(), base.accepted(), base.mistakes(), base.source());
        try (SqlScorer scorer = new SqlScorer()) {
            String text = scorer.briefing(big);
            assertThat(text).contains("products\n").contains("1          | books    | Book 1").contains("Book 20 ")
                    .doesNotContain("Book 21 ").contains("... 1,480 more rows").contains("sales\n")
                    .contains("(no rows)");
        }
    }
}
