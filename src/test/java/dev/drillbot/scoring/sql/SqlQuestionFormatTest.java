package dev.drillbot.scoring.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbot.adapter.files.QuestionBankLoader;
import dev.drillbot.core.bank.Problem;
import dev.drillbot.core.bank.SqlQuestion;
import dev.drillbot.core.bank.Track;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SQL question files are checked for the structure the self-test needs")
class SqlQuestionFormatTest {
    private static final String HEAD = """
            id: q
            title: t
            prompt: p
            topics: [joins]
            schema: CREATE TABLE o (id INTEGER);
            solution: SELECT id FROM o
            hints: [h]
            """;

    private static List<Problem> problems(String yaml) {
        List<Problem> problems = new ArrayList<>();
        new QuestionBankLoader().parse("q.yaml", yaml, Optional.of(Track.SQL), problems);
        return problems;
    }

    @Test
    @DisplayName("too few hidden datasets, accepted queries and mistakes are each reported with the rule")
    void minimums() {
        List<Problem> p = problems(HEAD + """
                datasets:
                  - name: sample
                    data: INSERT INTO o VALUES (1);
                  - name: h1
                    tag: one
                accepted: [SELECT id FROM o]
                mistakes:
                  - {query: SELECT 1, mistake: m, hint: h}
                """);
        assertThat(p).extracting(Problem::toString).containsExactlyInAnyOrder(
                "q.yaml:9: datasets: has 1 hidden dataset(s); at least 2 are needed, each with a tag naming the"
                        + " edge case it targets",
                "q.yaml:13: accepted: has 1 query; at least 2 different correct formulations are needed",
                "q.yaml:15: mistakes: has 1 mistake(s); at least 3 realistic wrong queries are needed");
    }

    @Test
    @DisplayName("a hidden dataset without a tag, a duplicate name, no sample and an unknown topic")
    void datasetRules() {
        List<Problem> p = problems(HEAD.replace("[joins]", "[joins, windows]") + """
                datasets:
                  - name: h1
                  - name: h1
                    tag: same name
                accepted: [SELECT 1, SELECT 2]
                mistakes:
                  - {query: SELECT 1, mistake: m, hint: h}
                  - {query: SELECT 2, mistake: m, hint: h}
                  - {query: SELECT 3}
                """);
        assertThat(p).extracting(Problem::message).anySatisfy(m -> assertThat(m).startsWith("unknown topic 'windows'"))
                .contains("missing (required)", "another dataset is already called 'h1'",
                        "needs one dataset named 'sample' (the one learners see)");
        assertThat(p).extracting(Problem::field).contains("datasets[0].tag", "mistakes[2].mistake",
                "mistakes[2].hint");
    }

    @Test
    @DisplayName("a complete file loads with the sample first whatever the file order")
    void loads() {
        List<Problem> problems = new ArrayList<>();
        var q = new QuestionBankLoader().parse("q.yaml", HEAD + """
                datasets:
                  - {name: h1, tag: one, data: "INSERT INTO o VALUES (1);"}
                  - {name: sample, data: "INSERT INTO o VALUES (2);"}
                  - {name: h2, tag: two}
                order_keys: [id]
                accepted: [SELECT 1, SELECT 2]
                mistakes:
                  - {query: SELECT 1, mistake: m, hint: h}
                  - {query: SELECT 2, mistake: m, hint: h}
                  - {query: SELECT 3, mistake: m, hint: h}
                """, Optional.of(Track.SQL), problems);
        assertThat(problems).isEmpty();
        SqlQuestion s = (SqlQuestion) q.orElseThrow();
        assertThat(s.datasets()).extracting(SqlQuestion.Dataset::name).containsExactly("sample", "h1", "h2");
        assertThat(s.ordered()).isNull();
        assertThat(s.orderKeys()).containsExactly("id");
    }
}
