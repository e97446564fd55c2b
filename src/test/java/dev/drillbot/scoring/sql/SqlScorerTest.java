package dev.drillbot.scoring.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbot.core.bank.SqlQuestion;
import dev.drillbot.core.scoring.Score;
import dev.drillbot.core.scoring.Verdict;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SqlScorer grades by running the query on every dataset")
class SqlScorerTest {
    private static final SqlScorer SCORER = new SqlScorer();
    private static final SqlQuestion UNITS = TestQuestions.unitsPerProduct();

    @AfterAll
    static void close() {
        SCORER.close();
    }

    private static Score grade(SqlQuestion q, String answer) {
        return SCORER.score(q, answer);
    }

    @Test
    @DisplayName("a different correct formulation is CORRECT with full marks")
    void correctAlternative() {
        Score s = grade(UNITS, """
                ```sql
                SELECT product_id, name,
                       (SELECT IFNULL(SUM(qty), 0) FROM sales s WHERE s.product_id = p.product_id) AS units
                FROM products p ORDER BY 1;
                ```""");
        assertThat(s.verdict()).isEqualTo(Verdict.CORRECT);
        assertThat(s.total()).isEqualTo(100);
        assertThat(s.feedback().get(0)).contains("sample").contains("2 hidden");
    }

    @Test
    @DisplayName("right on the sample only: WRONG, naming the hidden case by its tag, no rows shown")
    void hiddenFailureNamesTag() {
        Score s = grade(UNITS, """
                SELECT p.product_id, p.name, COALESCE(SUM(s.qty), 0) AS units
                FROM products p LEFT JOIN sales s ON s.product_id = p.product_id
                WHERE s.qty IS NOT NULL OR s.sale_id IS NULL
                GROUP BY p.product_id, p.name ORDER BY p.product_id""");
        assertThat(s.verdict()).isEqualTo(Verdict.WRONG);
        assertThat(s.feedback().get(0))
                .contains("right rows on the sample")
                .contains("a product that never sold and a sale with no quantity");
        assertThat(s.detail()).isEmpty();
    }

    @Test
    @DisplayName("wrong on the sample: a diff with the missing and unexpected rows")
    void sampleDiff() {
        Score s = grade(UNITS, """
                SELECT p.product_id, p.name, COUNT(s.sale_id) AS units
                FROM products p LEFT JOIN sales s ON s.product_id = p.product_id
                GROUP BY p.product_id, p.name ORDER BY p.product_id""");
        assertThat(s.verdict()).isEqualTo(Verdict.WRONG);
        assertThat(s.detail())
                .contains("missing (expected, not in yours)")
                .contains("1 | Dune | 3")
                .contains("unexpected (in yours, not expected)")
                .contains("1 | Dune | 2");
    }

    @Test
    @DisplayName("NULL where 0 is expected gets the COALESCE hint")
    void nullVersusZero() {
        Score s = grade(UNITS, """
                SELECT p.product_id, p.name, SUM(s.qty) AS units
                FROM products p LEFT JOIN sales s ON s.product_id = p.product_id
                GROUP BY p.product_id, p.name ORDER BY p.product_id""");
        assertThat(s.verdict()).isEqualTo(Verdict.WRONG);
        assertThat(String.join("\n", s.feedback())).contains("COALESCE");
        assertThat(s.detail()).contains("4 | Chess | 0").contains("4 | Chess | NULL");
    }

    @Test
    @DisplayName("right rows in the wrong order: PARTIAL, and says ORDER BY is missing")
    void missingOrder() {
        Score s = grade(UNITS, """
                SELECT p.product_id, p.name, COALESCE(SUM(s.qty), 0) AS units
                FROM products p LEFT JOIN sales s ON s.product_id = p.product_id
                GROUP BY p.product_id, p.name ORDER BY units DESC""");
        assertThat(s.verdict()).isEqualTo(Verdict.PARTIAL);
        assertThat(s.feedback()).anyMatch(f -> f.contains("wrong order"));
        assertThat(s.total()).isBetween(50, 99);
    }

    @Test
    @DisplayName("columns swapped or extra columns: PARTIAL naming the expected columns")
    void columnPresentation() {
        Score swapped = grade(UNITS, """
                SELECT p.name, p.product_id, COALESCE(SUM(s.qty), 0) AS units
                FROM products p LEFT JOIN sales s ON s.product_id = p.product_id
                GROUP BY p.product_id, p.name ORDER BY p.product_id""");
        assertThat(swapped.verdict()).isEqualTo(Verdict.PARTIAL);
        assertThat(swapped.feedback()).anyMatch(f -> f.contains("different order") && f.contains("product_id, name"));
        Score extra = grade(UNITS, """
                SELECT p.product_id, p.name, p.category, COALESCE(SUM(s.qty), 0) AS units
                FROM products p LEFT JOIN sales s ON s.product_id = p.product_id
                GROUP BY p.product_id, p.name, p.category ORDER BY p.product_id""");
        assertThat(extra.verdict()).isEqualTo(Verdict.PARTIAL);
        assertThat(extra.feedback()).anyMatch(f -> f.contains("extra columns"));
    }

    @Test
    @DisplayName("unrounded numbers where rounding was asked: PARTIAL")
    void rounding() {
        SqlQuestion q = TestQuestions.revenuePerCategory();
        Score s = grade(q, """
                SELECT p.category, SUM(s.qty * p.price) / 3.0 AS third
                FROM products p JOIN sales s ON s.product_id = p.product_id GROUP BY p.category""");
        assertThat(s.verdict()).isEqualTo(Verdict.PARTIAL);
        assertThat(s.feedback()).anyMatch(f -> f.contains("rounded"));
    }

    @Test
    @DisplayName("a join that repeats rows: PARTIAL with the fan-out hint")
    void duplicates() {
        SqlQuestion q = TestQuestions.question("sold-products", """
                SELECT DISTINCT p.name FROM products p JOIN sales s ON s.product_id = p.product_id""", null);
        Score s = grade(q, "SELECT p.name FROM products p JOIN sales s ON s.product_id = p.product_id");
        assertThat(s.verdict()).isEqualTo(Verdict.PARTIAL);
        assertThat(s.feedback()).anyMatch(f -> f.contains("fan-out") && f.contains("DISTINCT"));
    }

    @Test
    @DisplayName("an error on the sample is WRONG with the database's message, not a stack trace")
    void error() {
        Score s = grade(UNITS, "SELECT product_id, nme FROM products");
        assertThat(s.verdict()).isEqualTo(Verdict.WRONG);
        assertThat(s.total()).isZero();
        assertThat(s.feedback().get(0)).contains("fails on the sample data").contains("\"nme\" not found");
    }

    @Test
    @DisplayName("a non-query is refused before it reaches SQLite")
    void gate() {
        Score s = grade(UNITS, "DELETE FROM sales");
        assertThat(s.verdict()).isEqualTo(Verdict.WRONG);
        assertThat(s.feedback().get(0)).contains("must start with SELECT, WITH or VALUES");
        assertThat(grade(UNITS, "").feedback().get(0)).contains("could not find a query");
        assertThat(grade(UNITS, "I think a window function would do it").feedback().get(0))
                .contains("could not find a query");
    }

    @Test
    @DisplayName("SELECT * costs style points but never the verdict")
    void styleNeverFlipsVerdict() {
        SqlQuestion q = TestQuestions.question("all-products", "SELECT * FROM products", null);
        Score s = grade(q, "SELECT * FROM products");
        assertThat(s.verdict()).isEqualTo(Verdict.CORRECT);
        assertThat(s.total()).isEqualTo(95);
        assertThat(s.feedback()).anyMatch(f -> f.contains("SELECT *"));
    }

    @Test
    @DisplayName("NULL is neither 0 nor the empty string")
    void nullIsNotZeroOrEmpty() {
        SqlQuestion q = TestQuestions.question("nulls", "SELECT NULL AS a, NULL AS b", null);
        assertThat(grade(q, "SELECT 0 AS a, '' AS b").verdict()).isEqualTo(Verdict.WRONG);
        assertThat(grade(q, "SELECT NULL, NULL").verdict()).isEqualTo(Verdict.CORRECT);
    }

    @Test
    @DisplayName("integers and reals compare numerically; tied rows may come in any order")
    void numericAndTies() {
        SqlQuestion q = TestQuestions.question("prices", "SELECT category, price FROM products ORDER BY price",
                null);
        q = new SqlQuestion(q.id(), q.title(), q.prompt(), q.difficulty(), q.topics(), q.schema(), q.datasets(),
                "SELECT 'x' AS k, 2 AS n UNION ALL SELECT 'y', 2 UNION ALL SELECT 'z', 1 ORDER BY n",
                null, java.util.List.of("n"), 1e-6, q.hints(), q.accepted(), q.mistakes(), q.source());
        assertThat(grade(q, "SELECT 'z', 1.0 UNION ALL SELECT 'y', 2.0 UNION ALL SELECT 'x', 2")
                .verdict()).isEqualTo(Verdict.CORRECT);
    }

    @Test
    @DisplayName("a question that is not SQL, or answer text that is nonsense, never throws")
    void neverThrows() {
        assertThat(grade(UNITS, null).verdict()).isEqualTo(Verdict.WRONG);
        assertThat(grade(UNITS, "SELECT 'unterminated").feedback().get(0)).contains("never closed");
        assertThat(grade(UNITS, "SELECT (((((").verdict()).isEqualTo(Verdict.WRONG);
    }

    @Test
    @DisplayName("date columns subtract to days as in PostgreSQL; timestamps subtract to an interval, and the hint says how to get a number")
    void dateSubtraction() {
        SqlQuestion q = new SqlQuestion("trip-days", "t", "p", dev.drillbot.core.bank.Difficulty.EASY,
                java.util.List.of(dev.drillbot.core.bank.SqlTopic.DATES),
                "CREATE TABLE trips (trip_id INTEGER, started_on TEXT, ended_on TEXT, left_at TEXT, back_at TEXT);",
                java.util.List.of(new SqlQuestion.Dataset("sample", "", true,
                        "INSERT INTO trips VALUES (1, '2024-02-27', '2024-03-01', '2024-02-27 08:00:00',"
                                + " '2024-03-01 20:00:00');")),
                "SELECT trip_id, julianday(ended_on) - julianday(started_on) AS days FROM trips", null,
                java.util.List.of(), 1e-6, java.util.List.of(), java.util.List.of(), java.util.List.of(),
                dev.drillbot.core.bank.Source.unknown("trip-days"));
        assertThat(grade(q, "SELECT trip_id, ended_on - started_on AS days FROM trips").verdict())
                .isEqualTo(Verdict.CORRECT);
        assertThat(grade(q, "SELECT t.trip_id, t.ended_on::date - t.started_on::date AS days FROM trips t").verdict())
                .isEqualTo(Verdict.CORRECT);
        assertThat(grade(q, "SELECT trip_id, (started_on + 3) - started_on AS days FROM trips").verdict())
                .isEqualTo(Verdict.CORRECT);
        Score ts = grade(q, "SELECT trip_id, back_at - left_at AS days FROM trips");
        assertThat(ts.verdict()).isEqualTo(Verdict.WRONG);
        assertThat(ts.feedback()).anyMatch(f -> f.contains("INTERVAL") && f.contains("EXTRACT(EPOCH FROM"));
    }

    @Test
    @DisplayName("an unused LEFT JOIN is remarked on; one used through an unqualified column is not")
    void unusedLeftJoin() {
        SqlQuestion q = TestQuestions.question("products", "SELECT p.name FROM products p", null);
        Score unused = grade(q, "SELECT p.name FROM products p LEFT JOIN sales s ON s.product_id = p.product_id"
                + " GROUP BY p.product_id, p.name");
        assertThat(unused.verdict()).isEqualTo(Verdict.CORRECT);
        assertThat(unused.feedback()).anyMatch(f -> f.contains("LEFT JOIN to sales is never used"));
        assertThat(unused.total()).isEqualTo(95);
        SqlQuestion unsold = TestQuestions.question("unsold", "SELECT p.name FROM products p WHERE NOT EXISTS"
                + " (SELECT 1 FROM sales s WHERE s.product_id = p.product_id)", null);
        Score used = grade(unsold, "SELECT p.name FROM products p LEFT JOIN sales s ON s.product_id = p.product_id"
                + " WHERE sale_id IS NULL");
        assertThat(used.verdict()).isEqualTo(Verdict.CORRECT);
        assertThat(used.feedback()).noneMatch(f -> f.contains("never used"));
    }

    @Test
    @DisplayName("hints for a global LIMIT on a per-group question and for rows repeated by a join")
    void limitAndFanOutHints() {
        SqlQuestion top = TestQuestions.question("top-per-category", """
                SELECT category, name FROM (SELECT category, name,
                  ROW_NUMBER() OVER (PARTITION BY category ORDER BY price DESC) AS rn FROM products) t
                WHERE rn = 1""", null);
        Score limit = grade(top, "SELECT category, name FROM products ORDER BY price DESC LIMIT 2");
        assertThat(limit.verdict()).isEqualTo(Verdict.WRONG);
        assertThat(limit.feedback()).anyMatch(f -> f.contains("LIMIT cuts the whole result"));
        SqlQuestion sold = TestQuestions.question("sold-names", """
                SELECT name FROM products p WHERE EXISTS (SELECT 1 FROM sales s WHERE s.product_id = p.product_id)
                  AND category = 'books'""", null);
        Score fanOut = grade(sold, "SELECT p.name FROM products p JOIN sales s ON s.product_id = p.product_id");
        assertThat(fanOut.verdict()).isEqualTo(Verdict.WRONG);
        assertThat(fanOut.feedback()).anyMatch(f -> f.contains("(Dune) appears more than once"));
    }

    @Test
    @DisplayName("DATE_TRUNC compared with a timestamp is right, as in PostgreSQL (the SQLite engine got it wrong)")
    void dateTruncAgainstTimestamp() {
        SqlQuestion inactive = (SqlQuestion) new dev.drillbot.adapter.files.QuestionBankLoader()
                .loadDirectory(java.nio.file.Path.of("questions/sql")).bank().all().stream()
                .filter(q -> q.id().equals("sql-inactive-sellers")).findFirst().orElseThrow();
        Score s = grade(inactive, """
                SELECT seller_id FROM sellers WHERE seller_id NOT IN (SELECT seller_id FROM orders
                WHERE DATE_TRUNC('month', ordered_at) = '2024-06-01'::timestamp)""");
        assertThat(s.verdict()).isEqualTo(Verdict.CORRECT);
    }
}
