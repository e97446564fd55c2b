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
}
