package dev.drillbot.scoring.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbot.core.bank.SqlQuestion;
import dev.drillbot.core.scoring.Score;
import dev.drillbot.core.scoring.Verdict;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Redshift and PostgreSQL that candidates write is graded by what it returns: each answer below
 * is a correct answer in a form the previous engine refused or mis-ran, and must be CORRECT.
 */
@DisplayName("Redshift and PostgreSQL forms are graded by their result")
class DialectFidelityTest {
    private static final SqlScorer SCORER = new SqlScorer(Duration.ofSeconds(3), 10_000, 1, 16);
    /** Units sold per month (dates are text in the bank, typed as dates for the engine). */
    private static final SqlQuestion MONTHLY = TestQuestions.question("units-per-month",
            "SELECT CAST(date_trunc('month', sold_on) AS DATE) AS month, SUM(qty) AS units FROM sales GROUP BY 1",
            null);
    private static final SqlQuestion UNITS = TestQuestions.unitsPerProduct();

    @AfterAll
    static void close() {
        SCORER.close();
    }

    static Stream<String> monthly() {
        return Stream.of(
                "SELECT DATE_TRUNC('month', sold_on)::date AS month, SUM(qty) AS units FROM sales GROUP BY 1",
                "SELECT to_char(sold_on, 'YYYY-MM') || '-01' AS month, SUM(qty) FROM sales GROUP BY 1",
                "SELECT sold_on::varchar(7) || '-01' AS month, SUM(qty) FROM sales GROUP BY 1",
                "SELECT CAST(sold_on AS VARCHAR(7)) || '-01' AS month, SUM(qty) FROM sales GROUP BY 1",
                "SELECT DATEADD(day, 1 - DATE_PART(day, sold_on)::int, sold_on)::date AS m, SUM(qty) FROM sales GROUP BY 1",
                "SELECT (sold_on - make_interval(days => EXTRACT(DAY FROM sold_on)::int - 1))::date AS m, SUM(qty)"
                        + " FROM sales GROUP BY 1",
                "SELECT DISTINCT ON (m) m, SUM(qty) OVER (PARTITION BY m) FROM (SELECT date_trunc('month', sold_on)::date"
                        + " AS m, qty FROM sales) x ORDER BY m",
                "SELECT m, u FROM (SELECT date_trunc('month', sold_on)::date AS m, SUM(qty) OVER (PARTITION BY"
                        + " date_trunc('month', sold_on)) AS u, sale_id FROM sales) x QUALIFY ROW_NUMBER() OVER"
                        + " (PARTITION BY m ORDER BY sale_id) = 1",
                "SELECT g.m::date, SUM(s.qty) FROM generate_series(DATE '2024-01-01', DATE '2024-02-01', INTERVAL"
                        + " '1 month') AS g(m) JOIN sales s ON date_trunc('month', s.sold_on) = g.m GROUP BY 1");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("monthly")
    @DisplayName("dates, formats, intervals, DISTINCT ON, QUALIFY, generate_series")
    void monthlyForms(String answer) {
        Score s = SCORER.score(MONTHLY, answer);
        assertThat(s.verdict()).as(String.join(" | ", s.feedback())).isEqualTo(Verdict.CORRECT);
    }

    static Stream<String> units() {
        String from = " FROM products p LEFT JOIN sales s ON s.product_id = p.product_id GROUP BY 1, 2 ORDER BY 1";
        return Stream.of(
                "SELECT TOP 10 p.product_id, p.name, NVL(SUM(s.qty), 0) AS units" + from,
                "SELECT p.product_id, p.name, NVL2(SUM(s.qty), SUM(s.qty), 0) AS units" + from,
                "SELECT p.product_id, p.name, DECODE(SUM(s.qty), NULL, 0, SUM(s.qty)) AS units" + from,
                "SELECT p.product_id, p.name, COALESCE(SUM(s.qty) FILTER (WHERE s.qty > 0), 0)" + from,
                "SELECT p.product_id, p.name, u.units FROM products p CROSS JOIN LATERAL (SELECT COALESCE(SUM(qty), 0)"
                        + " AS units FROM sales s WHERE s.product_id = p.product_id) u ORDER BY 1",
                "SELECT p.product_id, p.name, COALESCE(SUM(s.qty), 0) AS units" + from.replace(" ORDER BY 1", "")
                        + " ORDER BY p.product_id FETCH FIRST 10 ROWS WITH TIES");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("units")
    @DisplayName("TOP, NVL, NVL2, DECODE, FILTER, LATERAL, FETCH ... WITH TIES")
    void unitsForms(String answer) {
        Score s = SCORER.score(UNITS, answer);
        assertThat(s.verdict()).as(String.join(" | ", s.feedback())).isEqualTo(Verdict.CORRECT);
    }

    @Test
    @DisplayName("a column named like a keyword DuckDB reserves (at) still works, as in PostgreSQL")
    void columnNamedAt() {
        SqlQuestion q = TestQuestions.question("units-at", "SELECT SUM(qty) AS total FROM sales", null);
        Score s = SCORER.score(q, "SELECT SUM(at) AS total FROM (SELECT qty AS at FROM sales) x");
        assertThat(s.verdict()).as(String.join(" | ", s.feedback())).isEqualTo(Verdict.CORRECT);
    }

    @Test
    @DisplayName("PostgreSQL semantics where engines differ: integer division truncates, NULLs sort last ascending")
    void postgresSemantics() {
        SqlQuestion q = TestQuestions.question("halves", "SELECT product_id, product_id / 2 AS half FROM products"
                + " ORDER BY product_id", null);
        assertThat(SCORER.score(q, "SELECT product_id, product_id / 2 FROM products ORDER BY 1").verdict())
                .isEqualTo(Verdict.CORRECT);
        assertThat(SCORER.score(q, "SELECT product_id, product_id / 2.0 FROM products ORDER BY 1").verdict())
                .isEqualTo(Verdict.WRONG);
    }
}
