package dev.drillbot.scoring.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.drillbot.adapter.files.QuestionBankLoader;
import dev.drillbot.core.bank.Question;
import dev.drillbot.core.bank.SqlQuestion;
import dev.drillbot.core.scoring.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Runs the bank's own queries and a labelled dialect corpus through both candidate engines (SQLite
 * with the dialect rewrite, DuckDB with its few rewrites) and prints fidelity per engine, so the
 * choice in docs/sql-engine.md can be reproduced:
 *
 * <pre>mvn -q -B test-compile exec:java -Dexec.mainClass=dev.drillbot.scoring.sql.EngineComparison \
 *   -Dexec.args="src/test/resources/sql/corpus/dev.yaml"</pre>
 *
 * Add {@code -Dverbose=true} to list every answer an engine gets wrong (only for the dev part).
 */
public final class EngineComparison {
    private static final long DEADLINE = 2000;
    private static final WorkerPool POOL = new WorkerPool(1);

    record Entry(String id, String question, String style, List<String> features, boolean correct, String sql) {}

    record Tally(int[] counts) {
        static Tally of() {
            return new Tally(new int[4]); // correct->CORRECT, correct total, wrong->not CORRECT, wrong total
        }
    }

    public static void main(String[] args) throws Exception {
        boolean verbose = Boolean.getBoolean("verbose");
        Map<String, SqlQuestion> bank = new LinkedHashMap<>();
        for (Question q : new QuestionBankLoader().loadDirectory(Path.of("questions/sql")).bank().all()) {
            bank.put(q.id(), (SqlQuestion) q);
        }
        List<Entry> corpus = new ArrayList<>();
        for (String a : args) {
            corpus.addAll(load(Path.of(a)));
        }
        Map<String, Engines> engines = new LinkedHashMap<>();
        Map<String, int[]> bankTally = new TreeMap<>();
        try {
            SqlScorer sqlite = null;
            for (SqlQuestion q : bank.values()) {
                Engines e = new Engines(sqlite, q);
                engines.put(q.id(), e);
                // the bank's own queries: solution + accepted must be CORRECT, mistakes WRONG
                List<String> right = new ArrayList<>(q.accepted());
                right.add(0, q.solution());
                for (String sql : right) {
                    tally(bankTally, "sqlite", e.sqlite(sql) == Verdict.CORRECT, true);
                    Verdict v = e.duck(sql);
                    tally(bankTally, "duckdb", v == Verdict.CORRECT, true);
                    if (verbose && v != Verdict.CORRECT) {
                        System.out.println("[bank duckdb] " + q.id() + " accepted -> " + v + " " + e.lastDuck
                                + "\n    " + oneLine(sql));
                    }
                }
                for (SqlQuestion.Mistake m : q.mistakes()) {
                    tally(bankTally, "sqlite", e.sqlite(m.query()) != Verdict.CORRECT, false);
                    Verdict v = e.duck(m.query());
                    tally(bankTally, "duckdb", v != Verdict.CORRECT, false);
                    if (verbose && v == Verdict.CORRECT) {
                        System.out.println("[bank duckdb] " + q.id() + " mistake CORRECT: " + oneLine(m.query()));
                    }
                }
                System.out.printf(Locale.ROOT, "[engines] %s: duckdb expected rows %s the bank's%n", q.id(),
                        e.duckExpectedAgrees ? "agree with" : "DIFFER from (solution: " + e.duckSolutionProblem + ")");
            }
            Map<String, int[]> corpusTally = new TreeMap<>();
            Map<String, int[]> byFeature = new TreeMap<>();
            for (Entry en : corpus) {
                Engines e = engines.get(en.question());
                if (e == null) {
                    System.out.println("[engines] unknown question " + en.question() + " in " + en.id());
                    continue;
                }
                for (String engine : List.of("sqlite", "duckdb")) {
                    Verdict v = engine.equals("sqlite") ? e.sqlite(en.sql()) : e.duck(en.sql());
                    boolean right = en.correct() ? v == Verdict.CORRECT : v != Verdict.CORRECT;
                    tally(corpusTally, engine + (en.correct() ? (dialect(en) ? " correct, dialect" : " correct, plain")
                            : " wrong"), right, en.correct());
                    if (en.correct()) {
                        for (String f : en.features()) {
                            tally(byFeature, f + " / " + engine, right, true);
                        }
                    }
                    if (verbose && !right) {
                        String why = engine.equals("sqlite") ? e.lastSqlite : e.lastDuck;
                        System.out.println("[" + engine + "] " + en.id() + " (" + en.question() + ", "
                                + (en.correct() ? "correct" : "wrong") + ") graded " + v + ": " + why + "\n    "
                                + oneLine(en.sql()));
                    }
                }
            }
            System.out.println("\n== bank (solution + accepted must be CORRECT; mistakes not CORRECT) ==");
            bankTally.forEach((k, v) -> System.out.printf(Locale.ROOT, "%-8s right %d/%d accepted, %d/%d mistakes%n",
                    k, v[0], v[1], v[2], v[3]));
            System.out.println("\n== corpus: " + corpus.size() + " answers ==");
            corpusTally.forEach((k, v) -> System.out.printf(Locale.ROOT, "%-16s %d/%d%n", k, v[0] + v[2],
                    v[1] + v[3]));
            System.out.println("\n== correct answers by feature ==");
            byFeature.forEach((k, v) -> System.out.printf(Locale.ROOT, "%-40s %d/%d%n", k, v[0], v[1]));
        } finally {
            engines.values().forEach(Engines::close);
            POOL.close();
        }
    }

    /** Features any SQL:2003 engine reads alike; an answer using anything else is a dialect answer. */
    private static final java.util.Set<String> STANDARD = java.util.Set.of("scalar-subquery", "coalesce", "case",
            "exists", "not-exists", "not-in", "left-join", "left-join-anti", "anti-join", "self-join", "cross-join",
            "full-outer-join", "having", "cte", "recursive-cte", "except", "intersect", "union-all", "distinct",
            "count-distinct", "row-number", "rank", "dense-rank", "lag", "lead", "lag-default", "lead-default",
            "first-value", "last-value", "window-avg", "window-frame", "window-frame-rows", "window-sum-of-sum",
            "running-sum", "named-window", "window-clause", "nullif", "lower", "between", "group-by", "avg", "min",
            "cast", "cast-int", "using-join", "null-handling", "null-aware-count", "gaps-and-islands", "row-comparison",
            "half-open-range", "replace", "substring", "concat-null", "integer-division", "numeric-division");

    static boolean dialect(Entry e) {
        return e.style().equals("redshift") || e.features().stream().anyMatch(f -> !STANDARD.contains(f));
    }

    private static String oneLine(String s) {
        String l = s.replaceAll("\\s+", " ").strip();
        return l.length() > 220 ? l.substring(0, 220) + "..." : l;
    }

    private static void tally(Map<String, int[]> t, String key, boolean right, boolean correctLabel) {
        int[] c = t.computeIfAbsent(key, k -> new int[4]);
        if (correctLabel) {
            c[0] += right ? 1 : 0;
            c[1]++;
        } else {
            c[2] += right ? 1 : 0;
            c[3]++;
        }
    }

    static List<Entry> load(Path file) throws Exception {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
        List<Entry> out = new ArrayList<>();
        for (JsonNode a : root.path("answers")) {
            List<String> features = new ArrayList<>();
            a.path("features").forEach(f -> features.add(f.asText()));
            out.add(new Entry(a.path("id").asText(), a.path("question").asText(), a.path("style").asText(),
                    features, a.path("expected").asText().equals("correct"), a.path("sql").asText()));
        }
        return out;
    }

    /** One question prepared for both engines. */
    static final class Engines implements AutoCloseable {
        final SqlScorer sqlite;
        final PreparedQuestion p;
        final List<DuckSandbox> duck = new ArrayList<>();
        final List<ResultTable> duckExpected = new ArrayList<>();
        final List<ResultTable> sqliteExpected = new ArrayList<>();
        boolean duckExpectedAgrees = true;
        String duckSolutionProblem = "";
        String lastSqlite = "";
        String lastDuck = "";

        Engines(SqlScorer sqlite, SqlQuestion q) throws Exception {
            this.sqlite = sqlite;
            this.p = PreparedQuestion.prepare(q, POOL, DEADLINE, 10_000);
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("engine-comparison-");
            for (DatasetTables t : p.tables) {
                duck.add(DuckSandbox.load(t, dir.resolve("d" + duck.size() + ".duckdb")));
            }
            Dialect.Result sq = Dialect.rewrite(AnswerText.extract(q.solution()), p.dateColumns);
            for (byte[] image : p.images) {
                Sandbox.Outcome o = runOnSqlite(image, sq.sql());
                sqliteExpected.add(o instanceof Sandbox.Rows r ? r.table() : new ResultTable(List.of(), List.of()));
            }
            DuckDialect.Result sol = DuckDialect.rewrite(AnswerText.extract(q.solution()), p.dateColumns);
            for (int i = 0; i < duck.size(); i++) {
                Sandbox.Outcome o = duck.get(i).run(sol.sql(), new Deadline(DEADLINE), 10_000);
                if (o instanceof Sandbox.Rows r && Comparison.compare(sqliteExpected.get(i), r.table(), q.tolerance(),
                        p.ordered, p.orderCols).kind() == Comparison.Kind.MATCH) {
                    duckExpected.add(r.table());
                } else {
                    duckExpectedAgrees = false;
                    duckSolutionProblem = o instanceof Sandbox.Failed f ? f.message() : "different rows";
                    duckExpected.add(sqliteExpected.get(i)); // measure the corpus against the bank's truth anyway
                }
            }
        }

        /** The previous engine: SQLite with the PostgreSQL dialect rewrite (Dialect, PgFunctions). */
        Verdict sqlite(String answer) {
            String sql = AnswerText.extract(answer);
            Optional<String> rejected = SqlGate.reject(sql, SqlLexer.lex(sql));
            if (rejected.isPresent()) {
                lastSqlite = "rejected: " + rejected.get();
                return Verdict.WRONG;
            }
            Dialect.Result rw = Dialect.rewrite(sql, p.dateColumns);
            if (rw.unsupported().isPresent()) {
                lastSqlite = rw.unsupported().get();
                return Verdict.WRONG;
            }
            boolean partial = false;
            for (int i = 0; i < p.images.size(); i++) {
                Sandbox.Outcome o = runOnSqlite(p.images.get(i), rw.sql());
                if (!(o instanceof Sandbox.Rows r)) {
                    lastSqlite = describe(o);
                    return Verdict.WRONG;
                }
                Comparison.Kind k = Comparison.compare(sqliteExpected.get(i), r.table(), p.question.tolerance(),
                        p.ordered, p.orderCols).kind();
                if (k == Comparison.Kind.DIFFERENT) {
                    lastSqlite = "different rows";
                    return Verdict.WRONG;
                }
                partial |= k != Comparison.Kind.MATCH;
            }
            return partial ? Verdict.PARTIAL : Verdict.CORRECT;
        }

        Verdict duck(String answer) {
            String sql = AnswerText.extract(answer);
            Optional<String> rejected = SqlGate.reject(sql, SqlLexer.lex(sql));
            if (rejected.isPresent()) {
                lastDuck = "rejected: " + rejected.get();
                return Verdict.WRONG;
            }
            DuckDialect.Result rw = DuckDialect.rewrite(sql, p.dateColumns);
            if (rw.unsupported().isPresent()) {
                lastDuck = "unsupported: " + rw.unsupported().get();
                return Verdict.WRONG;
            }
            boolean partial = false;
            for (int i = 0; i < duck.size(); i++) {
                Sandbox.Outcome o = duck.get(i).run(rw.sql(), new Deadline(DEADLINE), 10_000);
                if (!(o instanceof Sandbox.Rows r)) {
                    lastDuck = describe(o) + " | ran: " + oneLine(rw.sql());
                    return Verdict.WRONG;
                }
                Comparison.Kind k = Comparison.compare(duckExpected.get(i), r.table(), p.question.tolerance(),
                        p.ordered, p.orderCols).kind();
                if (k == Comparison.Kind.DIFFERENT) {
                    lastDuck = "different rows on " + p.question.datasets().get(i).name() + ": " + r.table().rows()
                            .stream().limit(4).toList() + " expected " + duckExpected.get(i).rows().stream().limit(4)
                            .toList();
                    return Verdict.WRONG;
                }
                partial |= k != Comparison.Kind.MATCH;
                if (k != Comparison.Kind.MATCH) {
                    lastDuck = "presentation " + k;
                }
            }
            return partial ? Verdict.PARTIAL : Verdict.CORRECT;
        }

        /** The previous engine's sandbox: the bank's locked-down SQLite connection plus its PostgreSQL functions. */
        private static Sandbox.Outcome runOnSqlite(byte[] image, String sql) {
            Deadline deadline = new Deadline(DEADLINE);
            try (org.sqlite.SQLiteConnection c = Sandbox.open(image, deadline)) {
                PgFunctions.register(c, deadline);
                return Sandbox.execute(c, sql, deadline, 10_000);
            } catch (java.sql.SQLException e) {
                return new Sandbox.Failed(Sandbox.Why.ERROR, String.valueOf(e.getMessage()));
            }
        }

        private static String describe(Sandbox.Outcome o) {
            return o instanceof Sandbox.Failed f ? f.why() + " " + f.message() : o == null ? "" : "different rows";
        }

        @Override
        public void close() {
            duck.forEach(DuckSandbox::close);
        }
    }
}
