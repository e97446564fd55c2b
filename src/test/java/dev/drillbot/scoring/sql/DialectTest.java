package dev.drillbot.scoring.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("PostgreSQL / Redshift habits run with PostgreSQL's meaning")
class DialectTest {
    private static final byte[] EMPTY = image();

    private static byte[] image() {
        try {
            return Sandbox.image("CREATE TABLE t (x);", "");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<List<Object>> rows(String sql) {
        Dialect.Result r = Dialect.rewrite(sql);
        assertThat(r.unsupported()).as(sql).isEmpty();
        Sandbox.Outcome o = Sandbox.run(EMPTY, r.sql(), new Deadline(2000), 100);
        assertThat(o).as(r.sql()).isInstanceOf(Sandbox.Rows.class);
        return ((Sandbox.Rows) o).table().rows();
    }

    private static String value(String expr) {
        return String.valueOf(rows("SELECT " + expr).get(0).get(0));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "DATE_TRUNC('month', '2024-02-29 10:15:00')|2024-02-01",
        "DATE_TRUNC('week', DATE '2024-01-03')|2024-01-01",
        "DATE_TRUNC('hour', '2024-02-29 10:15:00')|2024-02-29 10:00:00",
        "'2024-01-31'::date + INTERVAL '1 month'|2024-02-29",
        "DATE '2024-03-01' - INTERVAL '1 day'|2024-02-29",
        "CAST('2024-03-01 08:00:00' AS TIMESTAMP) + INTERVAL '90 minutes'|2024-03-01 09:30:00",
        "DATE '2024-03-01' + INTERVAL '7' DAY|2024-03-08",
        "EXTRACT(YEAR FROM DATE '2024-05-06')|2024",
        "EXTRACT(dow FROM '2024-05-05')|0",
        "DATE_PART('month', '2024-05-06')|5",
        "CAST('2024-01-15' AS DATE)|2024-01-15",
        "'2024-01-15 23:59:59'::date|2024-01-15",
        "DATEDIFF(day, '2024-02-27', '2024-03-01')|3",
        "DATEDIFF('month', '2023-12-31', '2024-01-01')|1",
        "DATEADD(month, 1, '2024-01-31')|2024-02-29",
        "'abc' ILIKE 'A%'|1",
        "'abc' NOT ILIKE 'A%'|0",
        "'abc' LIKE 'A%'|0",
        "NVL(NULL, 5)|5",
        "GREATEST(1, NULL, 3)|3",
        "LEAST(2, 1, NULL)|1",
        "SPLIT_PART('a,b,c', ',', 2)|b",
        "SPLIT_PART('a,b,c', ',', 5)|''",
        "LEFT('drillbot', 5)|drill",
        "RIGHT('drillbot', 3)|bot",
        "'ab12' ~ '[0-9]+'|1",
        "'ab' !~ '[0-9]+'|1",
        "'ABC' ~* 'b'|1",
        "REGEXP_SUBSTR('order-123-x', '[0-9]+')|123",
        "3.7::int|4",
        "-2.5::int|-3",
        "5::numeric / 2|2.5",
        "CAST(7 AS DECIMAL(10,2)) / 2|3.5",
        "TO_CHAR('2024-03-09', 'YYYY-MM')|2024-03",
        "POSITION('@' IN 'ann@x.io')|4",
        "STRPOS('ann@x.io', '@')|4",
        "CHARINDEX('@', 'ann@x.io')|4",
        "LEN('drill')|5",
        "BTRIM('  a b  ')|a b",
        "NVL2(NULL, 'set', 'unset')|unset",
        "INITCAP('hello wORLD')|Hello World",
        "LPAD('7', 2, '0')|07",
        "RPAD('ab', 4, '-')|ab--",
        "(SELECT LISTAGG(column1, '-') FROM (VALUES ('a'), ('b')))|a-b",
        "CASE WHEN 1 = 1 THEN 2 END::float / 4|0.5",
        "'2024-03-01'::date - '2024-02-27'::date|3",
        "DATE '2024-03-01' - DATE '2024-02-27'|3",
        "DATE '2024-03-01' - CAST('2024-02-28 23:00:00' AS DATE)|2",
        "'2024-02-27'::date + 3|2024-03-01",
        "CAST('2024-03-01' AS DATE) - 1|2024-02-29",
        "EXTRACT(EPOCH FROM '2024-03-01 10:30:00'::timestamp - '2024-03-01 10:00:00'::timestamp)|1800.0",
        "EXTRACT(EPOCH FROM ('2024-03-02 00:00:00'::timestamp - '2024-03-01 23:00:00'::timestamp)) / 60|60.0",
        "EXTRACT(EPOCH FROM '2024-03-01 03:30:00'::timestamp - '2024-03-01 00:00:00'::timestamp) / 3600|3.5",
        "EXTRACT(EPOCH FROM '1970-01-01 01:00:00'::timestamp) / 7200|0.5",
        "2.3456::numeric(10,2)|2.35",
        "CAST(10 / 3.0 AS DECIMAL(5,1))|3.3",
        "(100.0 * 1 / 3)::numeric(5)|33.0",
        "'2024-03-10'::date - (EXTRACT(ISODOW FROM '2024-03-10'::date)::int - 1)|2024-03-04",
        "'2024-03-10'::date - EXTRACT(ISODOW FROM '2024-03-10'::date)::int + 1|2024-03-04",
        "DATE '2024-03-01' + 2 * 3|2024-03-07",
        "(SELECT DATE '2024-01-30' + column1 FROM (VALUES (3)))|2024-02-02",
        "(SELECT DATE '2024-01-31' - MIN(column1) FROM (VALUES ('2024-01-01')))|30",
        "(SELECT DATE '2024-01-31' - MIN(column1) + 1 FROM (VALUES ('2024-01-01')))|31",
        "SUBSTRING('drillbot' FROM 2 FOR 3)|ril",
        "SUBSTRING('drillbot' FOR 5)|drill",
        "SUBSTRING('drillbot' FROM 6)|bot",
        "SUBSTRING('https://shop.example.com/x' FROM POSITION('//' IN 'https://shop.example.com/x') + 2)|shop.example.com/x",
        "SUBSTRING('https://shop.example.com/x' FROM '://([^/?#]+)')|shop.example.com",
        "SUBSTRING('order 66 shipped' FROM '[0-9]+')|66",
        "REGEXP_REPLACE('aXbX', 'x', '-', 'gi')|a-b-",
        "REGEXP_REPLACE('aXbX', 'X', '-', 'c')|a-bX",
        "REGEXP_REPLACE('aXbX', 'X', '-', 3)|aXb-",
        "REGEXP_REPLACE('aXbX', 'x', '-', 1, 'i')|a-b-",
        "TRIM(BOTH ' ' FROM '  ann@x.io ')|ann@x.io",
        "TRIM(LEADING '0' FROM '007')|7",
        "TRIM(TRAILING FROM 'ab  ')|ab",
        "TRIM('x' FROM 'xxaxx')|a",
        "EXTRACT(DAY FROM '2024-03-03 06:00:00'::timestamp - '2024-03-01 12:00:00'::timestamp)|1",
        "DATE_PART('day', '2024-03-05 00:00:00'::timestamp - '2024-03-01 12:00:00'::timestamp)|3",
        "DATE_PART('epoch', '2024-03-01 00:01:00'::timestamp - '2024-03-01 00:00:00'::timestamp)|60.0",
        "EXTRACT(DAY FROM DATE '2024-03-05' - 1)|4",
        "(SELECT SUM(d) FROM (SELECT column1::date - LAG(column1) OVER (ORDER BY column1) AS d FROM (VALUES (DATE '2024-01-01'), (DATE '2024-01-10'))))|9",
        "(SELECT MAX(column1) - DATE '2024-01-01' FROM (VALUES ('2024-01-31')))|30",
        "(SELECT RATIO_TO_REPORT(column1) OVER () FROM (VALUES (1), (3)) LIMIT 1)|0.25",
        "DATE '2024-01-10' - 2 * INTERVAL '1 day'|2024-01-08",
        "DATE '2024-01-10' - INTERVAL '1 day' * 3|2024-01-07",
        "(SELECT MAX(g) FROM (SELECT column1::date - ROW_NUMBER() OVER (ORDER BY column1) * INTERVAL '1 day' AS g FROM (VALUES ('2024-01-05'), ('2024-01-06'))))|2024-01-04",
        "'2024-01-31'::date + 2 * INTERVAL '1 month'|2024-03-31",
        "(SELECT PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY column1) FROM (VALUES (1), (2), (4), (10)))|3.0",
        "(SELECT PERCENTILE_CONT(0.25) WITHIN GROUP (ORDER BY column1 DESC) FROM (VALUES (1), (2), (3), (5), (9)))|5.0",
        "(SELECT PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY column1) FROM (VALUES (1), (2), (4), (10)))|2.0",
        "(SELECT LISTAGG(column1, ',') WITHIN GROUP (ORDER BY column1 DESC) FROM (VALUES ('a'), ('c'), ('b')))|c,b,a",
        "7 + DATE '2024-01-01'|2024-01-08",
        "(SELECT 1 + MAX(column1) - MIN(column1) FROM (VALUES ('2024-01-01'), ('2024-01-10')))|10",
        "CASE WHEN 1 = 1 THEN DATE '2024-03-09' END - 1|2024-03-08",
        "DATE '2024-03-09' - CASE WHEN 1 = 1 THEN 2 ELSE 0 END|2024-03-07",
        "(DATE '2024-03-09' - DATE '2024-03-04') / 7|0",
        "DATE '2024-03-09' + -(2)|2024-03-07",
        "(SELECT MAX(column1) FROM (VALUES ('2024-01-01'))) + 30|2024-01-31",
        "TRUNC('2024-01-01 10:00'::timestamp)|2024-01-01",
        "TRUNC(2.789, 2)|2.78",
        "TRUNC(7)|7",
        "LAST_DAY('2024-02-10')|2024-02-29",
        "DECODE(2, 1, 'one', 2, 'two', 'many')|two",
        "DECODE(NULL, NULL, 'none', 'some')|none",
        "DECODE(5, 1, 'one', 'many')|many",
        "TO_DATE('03/15/2024', 'MM/DD/YYYY')|2024-03-15",
        "(SELECT BOOL_OR(column1 > 1) FROM (VALUES (1), (2)))|1",
        "(SELECT BOOL_AND(column1 > 1) FROM (VALUES (1), (2)))|0",
        "'2024-01-15'::char(7)|2024-01",
        "'2024-01-15'::character varying(4)|2024",
        "'2024-01-15 10:00:00'::timestamp without time zone|2024-01-15 10:00:00",
        "CHAR_LENGTH('drill')|5",
        "TIMESTAMP '2024-01-01 10:00:00' + INTERVAL '0.5 hours'|2024-01-01 10:30:00",
        "(SELECT COUNT(*) FROM (VALUES ('2024-01-01 10:31:00', '2024-01-01 10:00:00')) WHERE column1 - column2 > INTERVAL '0.5 hours')|1",
        "(SELECT COUNT(*) FROM (VALUES ('2024-01-01 10:31:00', '2024-01-01 10:00:00')) WHERE (column1 - column2) > INTERVAL '30 minutes')|1",
        "TO_CHAR('2024-01-15', 'MON')|JAN",
        "TO_CHAR('2024-01-15', 'Mon YYYY')|Jan 2024",
        "TO_CHAR('2024-01-15', 'YYYY-\"Q\"Q')|2024-Q1",
        "TO_CHAR('2024-01-15', 'FMMonth DD')|January 15",
        "TO_CHAR('2024-01-15', 'Month')|'January  '",
        "TO_CHAR('2024-01-15 15:04:00', 'HH12:MI PM')|03:04 PM",
        "'2024-01-15'::varchar(7)|2024-01",
        "CAST('2024-01-15' AS VARCHAR(4))|2024",
        "ADD_MONTHS('2024-01-31', 1)|2024-02-29",
        "ADD_MONTHS('2024-02-29', 1)|2024-03-31",
        "ADD_MONTHS('2024-03-15', -2)|2024-01-15",
        "(SELECT COUNT(*) FROM (VALUES ('2024-01-01 10:30:00', '2024-01-01 10:00:00')) WHERE column1 - column2 >= INTERVAL '30 minutes')|1",
        "(SELECT COUNT(*) FROM (VALUES ('2024-01-01 10:30:00', '2024-01-01 10:00:00')) WHERE column1::timestamp - column2::timestamp > INTERVAL '30' MINUTE)|0",
        "(SELECT SUM(gap) FROM (SELECT column1 - LAG(column1) OVER (ORDER BY column1) > INTERVAL '1 day' AS gap FROM (VALUES ('2024-01-01 10:00:00'), ('2024-01-02 10:00:00'), ('2024-01-03 10:00:01'))))|1"})
    void rewrites(String expr, String expected) {
        assertThat(value(expr)).isEqualTo(expected.equals("''") ? "" : expected);
    }

    @Test
    @DisplayName("arithmetic binds tighter than || as in PostgreSQL (SQLite binds || first)")
    void concatenationPrecedence() {
        assertThat(value("'x' || 1 + 2")).isEqualTo("x3");
        assertThat(value("1 + 2 || 'x'")).isEqualTo("3x");
        assertThat(value("12 / 12 || '-'")).isEqualTo("1-");
        assertThat(value("'due ' || DATE '2024-01-01' + 7")).isEqualTo("due 2024-01-08");
        assertThat(value("'a' || CASE WHEN 1 = 1 THEN 2 END + 1 || 'b'")).isEqualTo("a3b");
        assertThat(value("('x' || 'y') || 2 * 3")).isEqualTo("xy6");
    }

    @Test
    @DisplayName("ascending puts NULLs last and descending first, as in PostgreSQL, also inside windows")
    void nullsOrdering() {
        assertThat(rows("SELECT column1 FROM (VALUES (NULL), (2), (1)) ORDER BY column1"))
                .extracting(r -> r.get(0)).containsExactly(1L, 2L, null);
        assertThat(rows("SELECT column1 FROM (VALUES (NULL), (2), (1)) ORDER BY column1 DESC"))
                .extracting(r -> r.get(0)).containsExactly(null, 2L, 1L);
        assertThat(rows("SELECT column1, ROW_NUMBER() OVER (ORDER BY column1) FROM (VALUES (NULL), (1))"
                + " ORDER BY 2")).extracting(r -> r.get(0)).containsExactly(1L, null);
        assertThat(rows("SELECT column1 FROM (VALUES (NULL), (1)) ORDER BY column1 NULLS FIRST"))
                .extracting(r -> r.get(0)).containsExactly(null, 1L);
    }

    @Test
    @DisplayName("FETCH FIRST n ROWS ONLY becomes LIMIT n")
    void fetchFirst() {
        assertThat(rows("SELECT column1 FROM (VALUES (3), (1), (2)) ORDER BY column1 FETCH FIRST 2 ROWS ONLY"))
                .extracting(r -> r.get(0)).containsExactly(1L, 2L);
        assertThat(Dialect.rewrite("SELECT x FROM t ORDER BY x FETCH FIRST 2 ROWS WITH TIES").unsupported())
                .get().asString().contains("WITH TIES");
    }

    @Test
    @DisplayName("text inside quotes and comments is never rewritten")
    void quotesUntouched() {
        assertThat(value("'x::date ILIKE DATE ''y'''")).isEqualTo("x::date ILIKE DATE 'y'");
        assertThat(Dialect.rewrite("SELECT 1 -- ORDER BY x\n").sql()).isEqualTo("SELECT 1 -- ORDER BY x\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "SELECT DISTINCT ON (a) a FROM t|DISTINCT ON",
        "SELECT * FROM t, LATERAL (SELECT 1) x|LATERAL",
        "SELECT * FROM generate_series(1, 3)|generate_series",
        "SELECT a FROM t QUALIFY ROW_NUMBER() OVER () = 1|QUALIFY",
        "SELECT ARRAY[1,2]|Arrays",
        "SELECT TOP 3 x FROM t|LIMIT",
        "SELECT x FROM t WHERE x SIMILAR TO 'a%'|SIMILAR TO",
        "SELECT '1 day'::interval|INTERVAL",
        "SELECT INTERVAL '1 day'|INTERVAL",
        "SELECT '2024-01-02 10:00'::timestamp - '2024-01-01 09:00'::timestamp|INTERVAL",
        "SELECT SUM(x) OVER (ORDER BY d RANGE BETWEEN INTERVAL '6 days' PRECEDING AND CURRENT ROW) FROM t|julianday",
        "SELECT MODE() WITHIN GROUP (ORDER BY x) FROM t|WITHIN GROUP",
        "SELECT x FROM t WHERE x::timestamp - x::timestamp > INTERVAL '1 month'|DATEDIFF(month",
        "SELECT x FROM t WHERE x > INTERVAL '30 minutes'|EXTRACT(EPOCH",
        "SELECT 2 * INTERVAL '1 day'|DATEADD(day, n",
        "SELECT DATE '2024-01-01' - INTERVAL '1 day' / 2|DATEADD(day, n",
        "SELECT SUBSTRING(x FROM 'a#\"b#\"' FOR '#') FROM t|SQL regular expressions",
        "SELECT x::timestamp - LAG(x::timestamp) OVER (ORDER BY x) FROM t|EXTRACT(EPOCH",
        "SELECT x::timestamp - LAG(x::timestamp) OVER w FROM t WINDOW w AS (ORDER BY x)|EXTRACT(EPOCH"})
    @DisplayName("unsupported constructs are named, never silently misread")
    void unsupportedNamed(String sql, String named) {
        assertThat(Dialect.rewrite(sql).unsupported()).get().asString().contains(named);
    }

    @Test
    @DisplayName("the style parser gives up at its timeout instead of holding a grade")
    void parseTimeout() {
        ExecutorService ex = Executors.newSingleThreadExecutor();
        try {
            StringBuilder big = new StringBuilder("SELECT * FROM t WHERE x = 0");
            for (int i = 1; i < 3000; i++) {
                big.append(" OR x = ").append(i);
            }
            assertThat(new QueryStyle(ex, 5000).remarks(big.toString())).anyMatch(r -> r.contains("SELECT *"));
            long t = System.nanoTime();
            assertThat(new QueryStyle(ex, 1).remarks(big.toString())).isEmpty();
            assertThat((System.nanoTime() - t) / 1_000_000).isLessThan(1000);
        } finally {
            ex.shutdownNow();
        }
    }

}
