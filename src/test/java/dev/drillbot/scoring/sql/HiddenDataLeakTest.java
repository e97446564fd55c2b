package dev.drillbot.scoring.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbot.adapter.files.QuestionBankLoader;
import dev.drillbot.core.bank.Question;
import dev.drillbot.core.bank.SqlQuestion;
import dev.drillbot.core.scoring.Score;
import dev.drillbot.core.scoring.ScoringUnavailableException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hidden datasets are what makes a verdict trustworthy: once their rows are known, an answer can
 * be fitted to them. For every question of the bank, a family of probing answers that pass the sample
 * and then misbehave only on hidden data (rows duplicated so a hint quotes them, whole tables folded
 * into one value and fed to functions whose errors quote their input, cross joins that exceed the row
 * limit) must get feedback that contains no value occurring only in hidden datasets.
 */
@DisplayName("Hidden datasets never leak into feedback")
class HiddenDataLeakTest {
    private static final SqlScorer SCORER = new SqlScorer(Duration.ofSeconds(2), 200, 2, 64);
    private static final WorkerPool POOL = new WorkerPool(1);
    private static final Pattern CREATE = Pattern.compile("(?is)CREATE\\s+TABLE\\s+(\\w+)\\s*\\((.*?)\\)\\s*;");
    private static final Pattern LITERAL = Pattern.compile("'((?:[^']|'')*)'|(?<![\\w.])(-?\\d+\\.\\d+)(?![\\w.])");

    @AfterAll
    static void close() {
        SCORER.close();
        POOL.close();
    }

    static Stream<SqlQuestion> bank() {
        return new QuestionBankLoader().loadDirectory(Path.of("questions/sql")).bank().all().stream()
                .map(q -> (SqlQuestion) q);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bank")
    @DisplayName("probing answers that misbehave only on hidden data learn nothing of its values")
    void noHiddenValueInFeedback(SqlQuestion q) {
        Set<String> secrets = hiddenOnlyValues(q);
        if (secrets.isEmpty()) {
            return; // nothing distinctive to leak (hidden data made only of small integers)
        }
        Map<String, String> leaks = new LinkedHashMap<>();
        for (String probe : probes(q)) {
            String text;
            try {
                Score s = SCORER.score(q, probe);
                text = String.join("\n", s.feedback()) + "\n" + s.detail() + "\n" + s.followUp();
            } catch (ScoringUnavailableException e) {
                text = e.getMessage();
            }
            for (String secret : secrets) {
                if (Pattern.compile("(?<![\\w.-])" + Pattern.quote(secret) + "(?![\\w-])").matcher(text).find()) {
                    leaks.put(secret, probe + "\n  -> " + text.replace('\n', ' '));
                }
            }
        }
        assertThat(leaks).as("hidden values in feedback").isEmpty();
    }

    @Test
    @DisplayName("too many rows on a hidden dataset: the message does not tell how many rows are expected")
    void tooManyRowsKeepsTheExpectedCount() {
        SqlQuestion q = TestQuestions.unitsPerProduct();
        try (SqlScorer small = new SqlScorer(Duration.ofSeconds(2), 6, 1, 4)) {
            // the sample has 4 products: a 4-way self-join fits only because the filter is false there
            String probe = "SELECT * FROM (" + q.solution() + ") s UNION ALL SELECT NULL, NULL, NULL FROM products a,"
                    + " products b WHERE (SELECT count(*) FROM products) <> 4";
            Score s = small.score(q, probe);
            String text = String.join(" ", s.feedback());
            assertThat(text).contains("more than 6 rows").contains("hidden test case");
            assertThat(text).doesNotContainPattern("answer\\s+has\\s+\\d");
        }
    }

    @Test
    @DisplayName("an answer that fails only on hidden data is told so, with the database's message withheld")
    void hiddenErrorIsWithheld() {
        SqlQuestion q = TestQuestions.unitsPerProduct();
        String probe = "SELECT * FROM (" + q.solution() + ") s UNION ALL SELECT CAST((SELECT"
                + " group_concat(name, ';') FROM products) AS INTEGER), NULL, NULL WHERE (SELECT count(*) FROM products)"
                + " <> 4";
        Score s = SCORER.score(q, probe);
        String text = String.join(" ", s.feedback());
        assertThat(text).contains("hidden test case").contains("fails");
        assertThat(text).doesNotContain("Dune").doesNotContain("Chess").doesNotContain("convert");
    }

    /** Literal values of the hidden datasets that appear nowhere a learner can see. */
    static Set<String> hiddenOnlyValues(SqlQuestion q) {
        StringBuilder visible = new StringBuilder(q.prompt()).append('\n').append(q.title());
        q.hints().forEach(h -> visible.append('\n').append(h));
        q.mistakes().forEach(m -> visible.append('\n').append(m.hint()));
        Set<String> secrets = new LinkedHashSet<>();
        for (SqlQuestion.Dataset d : q.datasets()) {
            visible.append('\n').append(d.tag() == null ? "" : d.tag());
            if (d.visible()) {
                visible.append('\n').append(d.data());
            }
        }
        String seen = visible.toString();
        for (SqlQuestion.Dataset d : q.datasets()) {
            if (d.visible() || d.data() == null) {
                continue;
            }
            Matcher m = LITERAL.matcher(d.data());
            while (m.find()) {
                String v = m.group(1) != null ? m.group(1).replace("''", "'") : m.group(2);
                if (v.strip().length() >= 3 && !seen.contains(v)) {
                    secrets.add(v);
                }
            }
        }
        return secrets;
    }

    /** Answers that pass the sample (the solution's rows) and add rows only where a table differs from it. */
    static List<String> probes(SqlQuestion q) {
        Map<String, List<String>> tables = tables(q.schema());
        PreparedQuestion prepared = PreparedQuestion.prepare(q, POOL, 2000, 1000);
        int width = prepared.expected.get(0).width();
        String nulls = ", NULL".repeat(Math.max(0, width - 1));
        String base = "SELECT * FROM (" + q.solution().strip().replaceAll(";\\s*$", "") + ") AS s";
        List<String> probes = new ArrayList<>();
        for (var t : tables.entrySet()) {
            String folded = "(SELECT group_concat(" + String.join(" || ':' || ", t.getValue().stream()
                    .map(c -> "coalesce(CAST(" + c + " AS TEXT), '')").toList()) + ", ';') FROM " + t.getKey() + ")";
            String onlyHidden = " WHERE " + folded + " IS DISTINCT FROM (SELECT " + sampleFold(prepared, folded) + ")";
            // duplicated rows, so a "this row appears more than once" hint would quote them
            String row = "SELECT " + folded + nulls + onlyHidden;
            probes.add(base + " UNION ALL " + row + " UNION ALL " + row);
            // functions whose error messages quote their input
            for (String f : List.of("json_extract('{}', %s)", "to_date(%s, 'YYYY')", "date_trunc('day', %s)",
                    "fts3_tokenizer(%s)", "CAST(%s AS DATE)", "%s::date", "to_char(%s, 'YYYY')", "abs(%s)",
                    "regexp_replace(%s, '(', 'x')", "CAST(%s AS INTEGER) / 0")) {
                probes.add(base + " UNION ALL SELECT " + String.format(Locale.ROOT, f, folded) + nulls + onlyHidden);
            }
            // a cross join past the row limit
            String cross = String.join(", ", java.util.stream.IntStream.range(0, 4)
                    .mapToObj(i -> t.getKey() + " x" + i).toList());
            probes.add(base + " UNION ALL SELECT " + folded + nulls + " FROM " + cross + onlyHidden);
        }
        return probes;
    }

    /** The folded text of the sample, as a literal, so the probe's extra rows appear only on hidden data. */
    private static String sampleFold(PreparedQuestion p, String folded) {
        Sandbox.Outcome o;
        try (WorkerPool.Lease lease = PreparedQuestion.lease(POOL)) {
            o = lease.run(p, 0, "SELECT " + folded, 10, new Deadline(5000));
        }
        if (o instanceof Sandbox.Rows r && r.table().rows().get(0).get(0) != null) {
            return "'" + String.valueOf(r.table().rows().get(0).get(0)).replace("'", "''") + "'";
        }
        return "NULL";
    }

    static Map<String, List<String>> tables(String schema) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        Matcher m = CREATE.matcher(schema + (schema.strip().endsWith(";") ? "" : ";"));
        while (m.find()) {
            List<String> cols = new ArrayList<>();
            int depth = 0;
            StringBuilder cur = new StringBuilder();
            for (char ch : m.group(2).toCharArray()) {
                depth += ch == '(' ? 1 : ch == ')' ? -1 : 0;
                if (ch == ',' && depth == 0) {
                    addColumn(cols, cur.toString());
                    cur.setLength(0);
                } else {
                    cur.append(ch);
                }
            }
            addColumn(cols, cur.toString());
            out.put(m.group(1), cols);
        }
        return out;
    }

    private static void addColumn(List<String> cols, String def) {
        String first = def.strip().split("\\s+")[0];
        if (!first.isEmpty() && !Set.of("PRIMARY", "FOREIGN", "UNIQUE", "CHECK", "CONSTRAINT")
                .contains(first.toUpperCase(Locale.ROOT))) {
            cols.add(first);
        }
    }
}
