package dev.drillbot.scoring.sql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drillbot.adapter.files.QuestionBankLoader;
import dev.drillbot.core.bank.Question;
import dev.drillbot.core.bank.SqlQuestion;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The gate and DuckDB must read text the same way, and the rewrite must never fail on any text.
 * Inputs come from a seeded generator: fragments that change how text is read (quotes of every kind,
 * nested comments, dollar quotes, E'' strings, brackets, semicolons, writing statements), and
 * mutations of every query in the bank.
 */
@DisplayName("The gate, the rewrite and DuckDB agree on any text")
class SqlTextAgreementTest {
    private static final String[] FRAGMENTS = {"SELECT 1", "SELECT 'a;b'", ";", " ", "\n", "'", "''", "\"", "\"x\"",
        "$$", "$$;$$", "$t$", "$t$ ; $t$", "/*", "*/", "/* ; */", "/* /* ; */ */", "--", "-- ;\n", "E'\\''",
        "E'\\\\'", "[", "]", "`", "(", ")", "DELETE FROM t", "INSERT INTO t VALUES (1)", "DROP TABLE t",
        "SET threads = 4", "PRAGMA version", "COPY t TO 'x'", "WITH x AS (SELECT 1)", "SELECT * FROM x",
        "VALUES (1)", "UNION ALL SELECT 2", "#", "$1", "?", ":name", "@v", "\u00a0", "SELECT 2 -- ;", "x'41'"};

    /** Text that opens or closes a quote, comment or bracket for one reader or the other. */
    private static final String[] MARKERS = {"[", "]", "`", "'", "\"", "$$", "$t$", "/*", "*/", "--\n", "E'\\'",
        "'\\'", "$$[$$", "$$]$$", "'['", "']'", "E'\\''", "E'\\'' '", "'\\''", "e'\\\\'", "\"[\"", "\"]\"", "/*[*/", "/*]*/", "/* /* */", "x'", "#", "$1", "e'"};

    @Test
    @DisplayName("whatever the gate lets through, DuckDB reads as exactly one query")
    void gateAndDuckDbAgree() throws Exception {
        Random r = new Random(20261202);
        List<String> accepted = new ArrayList<>();
        int total = 4000;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                PreparedStatement parse = c.prepareStatement("SELECT json_serialize_sql(?)")) {
            List<String> inputs = new ArrayList<>();
            // a second statement between an opener and a closer of any two kinds: the gate must not think
            // it is quoted when DuckDB does not
            for (String open : MARKERS) {
                for (String close : MARKERS) {
                    inputs.add("SELECT 1 " + open + " ; DELETE FROM t ; SELECT 1 " + close);
                    inputs.add("SELECT " + open + "; DELETE FROM t; SELECT " + close);
                }
            }
            for (int i = 0; i < total; i++) {
                StringBuilder sb = new StringBuilder();
                int n = 1 + r.nextInt(6);
                for (int k = 0; k < n; k++) {
                    sb.append(FRAGMENTS[r.nextInt(FRAGMENTS.length)]).append(r.nextBoolean() ? " " : "");
                }
                inputs.add(sb.toString());
            }
            for (String sql : inputs) {
                Optional<String> gate = SqlGate.reject(sql, SqlLexer.lex(sql));
                if (gate.isPresent()) {
                    continue;
                }
                accepted.add(sql);
                parse.setString(1, sql);
                JsonNode tree;
                try (ResultSet rs = parse.executeQuery()) {
                    rs.next();
                    tree = GraderWorker.JSON.readTree(rs.getString(1));
                }
                // DuckDB either fails to parse it, or sees exactly one SELECT: never a second statement
                boolean oneQuery = !tree.path("error").asBoolean(true) && tree.path("statements").size() == 1;
                boolean unparsable = tree.path("error").asBoolean(false)
                        && !tree.path("error_message").asText().contains("Only SELECT");
                assertThat(oneQuery || unparsable).as("gate accepted %s; DuckDB read %s", sql, tree).isTrue();
            }
        }
        assertThat(accepted).as("the generator must also produce text the gate accepts").hasSizeGreaterThan(200);
    }

    @Test
    @DisplayName("the rewrite never throws, on random and mutated queries alike")
    void rewriteNeverThrows() {
        List<String> seeds = new ArrayList<>();
        for (Question q : new QuestionBankLoader().loadDirectory(java.nio.file.Path.of("questions/sql")).bank().all()) {
            SqlQuestion s = (SqlQuestion) q;
            seeds.add(s.solution());
            seeds.addAll(s.accepted());
            s.mistakes().forEach(m -> seeds.add(m.query()));
        }
        Random r = new Random(7);
        int runs = 0;
        for (String seed : seeds) {
            List<SqlLexer.Token> tokens = SqlLexer.lex(seed);
            for (int m = 0; m < 25; m++) {
                List<String> parts = new ArrayList<>(tokens.stream().map(SqlLexer.Token::text).toList());
                for (int edits = 1 + r.nextInt(4); edits > 0 && !parts.isEmpty(); edits--) {
                    int at = r.nextInt(parts.size());
                    switch (r.nextInt(4)) {
                        case 0 -> parts.remove(at);
                        case 1 -> parts.add(at, parts.get(r.nextInt(parts.size())));
                        case 2 -> parts.add(at, FRAGMENTS[r.nextInt(FRAGMENTS.length)]);
                        default -> parts.set(at, List.of("(", ")", ",", "::", "DATEADD(", "TO_CHAR(", "LISTAGG(",
                                "FETCH FIRST 2 ROWS WITH TIES", "TOP", "DECODE(", "make_interval(days =>", "AT",
                                "WITHIN GROUP (", "CAST(", "AS VARCHAR(3)").get(r.nextInt(15)));
                    }
                }
                String sql = String.join("", parts);
                DuckDialect.Result result = DuckDialect.rewrite(sql, new DateColumns(java.util.Set.of("d"),
                        java.util.Set.of("ts")));
                assertThat(result.sql()).isNotNull();
                runs++;
            }
        }
        assertThat(runs).isGreaterThan(5000);
    }
}
