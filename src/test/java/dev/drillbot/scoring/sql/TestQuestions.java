package dev.drillbot.scoring.sql;

import dev.drillbot.core.bank.Difficulty;
import dev.drillbot.core.bank.Source;
import dev.drillbot.core.bank.SqlQuestion;
import dev.drillbot.core.bank.SqlTopic;
import java.util.List;

/** Small questions built in code, so each test shows the data it depends on. */
final class TestQuestions {
    static final String SCHEMA = """
            CREATE TABLE products (product_id INTEGER PRIMARY KEY, category TEXT, name TEXT, price REAL);
            CREATE TABLE sales (sale_id INTEGER PRIMARY KEY, product_id INTEGER, qty INTEGER, sold_on TEXT);
            """;

    static final String SAMPLE = """
            INSERT INTO products VALUES (1,'books','Dune',10.0),(2,'books','Emma',8.5),(3,'games','Go',30.0),
              (4,'games','Chess',25.0);
            INSERT INTO sales VALUES (1,1,2,'2024-01-05'),(2,1,1,'2024-01-20'),(3,3,1,'2024-02-01'),(4,2,4,'2024-02-03');
            """;

    static final String UNSOLD_GAME = """
            INSERT INTO products VALUES (1,'books','Dune',10.0),(3,'games','Go',30.0),(4,'games','Chess',25.0);
            INSERT INTO sales VALUES (1,1,2,'2024-01-05'),(2,3,NULL,'2024-01-06');
            """;

    private TestQuestions() {}

    /** Units sold per product, every product listed (0 when unsold), by product_id. */
    static SqlQuestion unitsPerProduct() {
        return question("units-per-product", """
                SELECT p.product_id, p.name, COALESCE(SUM(s.qty), 0) AS units
                FROM products p LEFT JOIN sales s ON s.product_id = p.product_id
                GROUP BY p.product_id, p.name
                ORDER BY p.product_id
                """, null);
    }

    /** Revenue per category, rounded to one decimal, any order. */
    static SqlQuestion revenuePerCategory() {
        return question("revenue-per-category", """
                SELECT p.category, ROUND(SUM(s.qty * p.price) / 3.0, 1) AS third
                FROM products p JOIN sales s ON s.product_id = p.product_id
                GROUP BY p.category
                """, null);
    }

    static SqlQuestion question(String id, String solution, Boolean ordered) {
        return new SqlQuestion(id, id, "prompt", Difficulty.EASY, List.of(SqlTopic.AGGREGATION), SCHEMA,
                List.of(new SqlQuestion.Dataset("sample", "", true, SAMPLE),
                        new SqlQuestion.Dataset("unsold", "a product that never sold and a sale with no quantity",
                                false, UNSOLD_GAME),
                        new SqlQuestion.Dataset("empty", "no sales at all", false,
                                "INSERT INTO products VALUES (9,'toys','Kite',5.0);")),
                solution, ordered, List.of(), 1e-6, List.of("hint"), List.of(), List.of(), Source.unknown(id));
    }
}
