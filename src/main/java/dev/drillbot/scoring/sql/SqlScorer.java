package dev.drillbot.scoring.sql;

import dev.drillbot.core.bank.Problem;
import dev.drillbot.core.bank.Question;
import dev.drillbot.core.bank.SqlQuestion;
import dev.drillbot.core.bank.Track;
import dev.drillbot.core.scoring.DimensionScore;
import dev.drillbot.core.scoring.Score;
import dev.drillbot.core.scoring.Scorer;
import dev.drillbot.core.scoring.ScoringUnavailableException;
import dev.drillbot.core.scoring.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Grades SQL answers by running them: the learner's query and the reference run on the visible
 * sample and on hidden edge-case datasets, each in its own sandboxed in-memory copy (see
 * {@link DuckSandbox}) in a grading process ({@link WorkerPool}), and the rows are compared
 * ({@link Comparison}). A few grading processes run at once and a bounded number of answers may wait
 * for one, so a flood of heavy queries is told "busy" instead of starving the bot.
 */
public final class SqlScorer implements Scorer, AutoCloseable {
    static final double CORRECTNESS = 70;
    static final double PRESENTATION = 20;
    static final double STYLE = 10;
    private static final int SHOWN_ROWS = 5;
    private static final int MAX_PREPARED = 1_000;
    static final String BUSY = "The grader is busy with other answers; send yours again in a minute.";
    private final long deadlineMillis;
    private final int maxRows;
    /** Grades running or waiting for a grading process; one more is told the grader is busy. */
    private final Semaphore waiting;
    private final ThreadPoolExecutor parsers;
    private final QueryStyle style;
    /** The grading processes: learner SQL never runs in the bot's own process. */
    private final WorkerPool workers;
    private final Map<SqlQuestion, PreparedQuestion> prepared = new ConcurrentHashMap<>();
    private final Map<SqlQuestion, String> briefings = new ConcurrentHashMap<>();

    /** 2 s per answer, 10,000 rows at most, two grading threads and 32 queued answers. */
    public SqlScorer() {
        this(Duration.ofSeconds(2), 10_000, 2, 32);
    }

    public SqlScorer(Duration deadline, int maxRows, int threads, int queued) {
        this.deadlineMillis = deadline.toMillis();
        this.maxRows = maxRows;
        this.waiting = new Semaphore(threads + queued);
        this.parsers = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queued),
                daemon("sql-parser"), new ThreadPoolExecutor.AbortPolicy());
        this.parsers.allowCoreThreadTimeOut(true);
        this.style = new QueryStyle(parsers, 500);
        this.workers = new WorkerPool(threads);
    }

    @Override
    public Track track() {
        return Track.SQL;
    }

    @Override
    public void close() {
        parsers.shutdownNow();
        workers.close();
    }

    // ---- scoring ----

    /** Grades queued or running per learner: at most one each, so one learner's flood waits for no one else. */
    private final Map<String, Boolean> grading = new ConcurrentHashMap<>();
    static final String ONE_AT_A_TIME = "Your previous SQL answer is still being graded; send this one again"
            + " once its score has arrived.";

    @Override
    public Score score(Question question, String answer, String learner) {
        if (grading.putIfAbsent(learner, Boolean.TRUE) != null) {
            throw new ScoringUnavailableException(ONE_AT_A_TIME);
        }
        try {
            return score(question, answer);
        } finally {
            grading.remove(learner);
        }
    }

    @Override
    public Score score(Question question, String answer) {
        if (!(question instanceof SqlQuestion q)) {
            return wrong(0, List.of("This is not a SQL question."), "");
        }
        try {
            PreparedQuestion p = prepared(q);
            if (p.broken.isPresent()) {
                throw new ScoringUnavailableException("This question cannot be graded right now (" + p.broken.get()
                        + "). Please tell the bank's maintainers.");
            }
            String sql = AnswerText.extract(answer);
            long submitted = System.nanoTime();
            // grades run on the caller's thread; the grading processes bound how many run at once, and
            // this bounds how many may wait for one
            if (!waiting.tryAcquire()) {
                throw new ScoringUnavailableException(BUSY);
            }
            Grade g;
            try {
                g = grade(p, sql, deadlineMillis, submitted);
            } finally {
                waiting.release();
            }
            return toScore(p, sql, g);
        } catch (ScoringUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ScoringUnavailableException("The grader hit an internal problem with this answer ("
                    + e.getClass().getSimpleName() + "); please send it again, and tell the maintainers if it"
                    + " happens twice.");
        }
    }

    /** The tables and sample rows, posted with the question; empty if the question cannot be prepared. */
    @Override
    public String briefing(Question question) {
        if (!(question instanceof SqlQuestion q)) {
            return "";
        }
        PreparedQuestion p = prepared(q);
        return p.broken.isPresent() ? "" : briefings.computeIfAbsent(q, k -> SqlBriefing.of(p, deadlineMillis));
    }

    /** How long an answer may wait for a grading thread before it is told the grader is busy. */
    long maxQueueMillis() {
        return Math.max(deadlineMillis, 3_000);
    }

    /** How long a grade waits for its grading process (longer only while one restarts). */
    private static final long LEASE_WAIT_MILLIS = 15_000;

    private PreparedQuestion prepared(SqlQuestion q) {
        if (prepared.size() > MAX_PREPARED && !prepared.containsKey(q)) {
            prepared.clear(); // edited banks reloaded many times: start over rather than grow for ever
        }
        return prepared.computeIfAbsent(q, k -> PreparedQuestion.prepare(k, workers, deadlineMillis, maxRows));
    }

    /** What one dataset did with the answer; {@code comparison} is null when the query failed. */
    record DatasetRun(SqlQuestion.Dataset dataset, Sandbox.Outcome outcome, Comparison.Outcome comparison,
            ResultTable expected) {
        boolean matched() {
            return comparison != null && comparison.kind() == Comparison.Kind.MATCH;
        }

        boolean wrong() {
            return comparison == null || comparison.kind() == Comparison.Kind.DIFFERENT;
        }
    }

    /** @param rejected why the text was not run at all, or null */
    record Grade(Verdict verdict, String rejected, List<DatasetRun> runs, String sql) {}

    /** Runs the answer on every dataset in a grading process, stopping at the first wrong one. */
    Grade grade(PreparedQuestion p, String sql, long millis) {
        return grade(p, sql, millis, System.nanoTime());
    }

    /**
     * @param submitted when the answer arrived: time spent waiting for a thread and then for a grading
     *     process counts against the queue limit, so a caller hears back within the queue limit plus the
     *     deadline (plus loading the question into a fresh process, a one-off)
     */
    Grade grade(PreparedQuestion p, String sql, long millis, long submitted) {
        Optional<String> rejected = SqlGate.reject(sql, SqlLexer.lex(sql));
        if (rejected.isPresent()) {
            return new Grade(Verdict.WRONG, rejected.get(), List.of(), sql);
        }
        DuckDialect.Result rewritten = DuckDialect.rewrite(sql, p.dateColumns);
        if (rewritten.unsupported().isPresent()) {
            return new Grade(Verdict.WRONG, rewritten.unsupported().get() + " is not supported by the grader.",
                    List.of(), sql);
        }
        List<DatasetRun> runs = new ArrayList<>();
        boolean partial = false;
        WorkerPool.Lease lease;
        try {
            long waited = (System.nanoTime() - submitted) / 1_000_000;
            // until the first grading process is up, wait for it to start; after that, only within the queue limit
            lease = workers.acquire(workers.everReady() ? Math.max(0, maxQueueMillis() - waited) : LEASE_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Grade(Verdict.WRONG, BUSY, List.of(), sql);
        }
        if (lease == null) {
            return new Grade(Verdict.WRONG, BUSY, List.of(), sql);
        }
        List<Sandbox.Outcome> outcomes;
        try (lease) {
            Sandbox.Failed notLoaded = lease.load(p);
            if (notLoaded != null) {
                throw new ScoringUnavailableException("This question cannot be graded right now (" + notLoaded.message()
                        + "); please send the answer again in a minute.");
            }
            // the deadline starts once the question is loaded in the grading process
            outcomes = lease.runAll(p, rewritten.sql(), maxRows, new Deadline(millis));
        }
        for (int i = 0; i < outcomes.size() && i < p.tables.size(); i++) {
            Sandbox.Outcome o = outcomes.get(i);
            ResultTable exp = p.expected.get(i);
            Comparison.Outcome c = o instanceof Sandbox.Rows r
                    ? Comparison.compare(exp, r.table(), p.question.tolerance(), p.ordered, p.orderCols) : null;
            DatasetRun run = new DatasetRun(p.question.datasets().get(i), o, c, exp);
            runs.add(run);
            if (run.wrong()) {
                return new Grade(Verdict.WRONG, null, runs, rewritten.sql());
            }
            partial |= !run.matched();
        }
        if (runs.size() < p.tables.size()) { // never a verdict from fewer datasets than the question has
            throw new ScoringUnavailableException("The grader returned results for " + runs.size() + " of "
                    + p.tables.size() + " datasets; please send the answer again.");
        }
        return new Grade(partial ? Verdict.PARTIAL : Verdict.CORRECT, null, runs, rewritten.sql());
    }

    private Score toScore(PreparedQuestion p, String sql, Grade g) {
        if (BUSY.equals(g.rejected())) {
            throw new ScoringUnavailableException(BUSY); // queued past the deadline: not the query's fault
        }
        if (g.rejected() != null) {
            return wrong(0, List.of(g.rejected()), "");
        }
        int hidden = p.images.size() - 1;
        if (g.verdict() == Verdict.WRONG) {
            return wrongScore(p, sql, g);
        }
        List<String> remarks = style.remarks(sql, p.columns);
        double styleScore = Math.max(0, STYLE - 5 * remarks.size());
        List<String> feedback = new ArrayList<>();
        if (g.verdict() == Verdict.CORRECT) {
            feedback.add("Correct: your query returns the expected rows on the sample and on all " + hidden
                    + " hidden datasets.");
            feedback.addAll(remarks);
            return new Score((int) Math.round(CORRECTNESS + PRESENTATION + styleScore), Verdict.CORRECT,
                    dims(CORRECTNESS, PRESENTATION, styleScore), feedback, "", "");
        }
        Set<Comparison.Kind> kinds = EnumSet.noneOf(Comparison.Kind.class);
        g.runs().forEach(r -> kinds.add(r.comparison().kind()));
        kinds.remove(Comparison.Kind.MATCH);
        feedback.add("Almost: the data is right on every dataset, but the presentation is not what was asked.");
        double presentation = PRESENTATION;
        for (Comparison.Kind k : kinds) {
            presentation -= 10;
            feedback.add(presentationMessage(k, p, sql));
        }
        feedback.addAll(remarks);
        presentation = Math.max(0, presentation);
        return new Score((int) Math.round(CORRECTNESS + presentation + styleScore), Verdict.PARTIAL,
                dims(CORRECTNESS, presentation, styleScore), feedback, "", "");
    }

    private String presentationMessage(Comparison.Kind k, PreparedQuestion p, String sql) {
        return switch (k) {
            case WRONG_ORDER -> PreparedQuestion.topLevelOrderBy(sql).isPresent()
                    ? "The rows are in the wrong order: check the ORDER BY columns and ASC/DESC against the question."
                    : "The question asks for the rows in a specific order, and your query has no ORDER BY.";
            case COLUMN_ORDER -> "The columns are in a different order from the one asked for ("
                    + String.join(", ", p.expected.get(0).columns()) + ").";
            case EXTRA_COLUMNS -> "Your result has extra columns; return only "
                    + String.join(", ", p.expected.get(0).columns()) + ".";
            case DUPLICATES -> "Some rows appear a different number of times than expected: look for a join that"
                    + " multiplies rows (fan-out) or a missing / unnecessary DISTINCT.";
            case ROUNDING -> "The numbers are right but not rounded as the question asks.";
            default -> "";
        };
    }

    private Score wrongScore(PreparedQuestion p, String sql, Grade g) {
        DatasetRun failed = g.runs().get(g.runs().size() - 1);
        boolean sample = failed.dataset().visible();
        List<String> feedback = new ArrayList<>();
        String detail = "";
        double correctness = 0;
        String where = sample ? "on the sample data" : "on a hidden test case (" + failed.dataset().tag() + ")";
        if (failed.outcome() instanceof Sandbox.Failed f) {
            feedback.add(switch (f.why()) {
                case TIMEOUT -> timeoutMessage(where);
                // on hidden data even the expected row count is a fact the learner must not learn
                case TOO_MANY_ROWS -> "Your query returned more than " + maxRows + " rows " + where + (sample
                        ? " (the answer has " + failed.expected().rows().size() + ")" : "") + ". A join without a"
                        + " condition makes a cross join.";
                case TOO_BIG -> "Your query's result is larger than the grader accepts (" + GraderWorker.MAX_RESULT_CHARS
                        / 1_000_000 + " million characters) " + where + ".";
                case MEMORY -> "Your query needed more than " + WorkerPool.GRADE_MEMORY_BYTES / (1024 * 1024)
                        + " MB of memory " + where + " and was stopped. A recursive CTE with UNION keeps every row"
                        + " it has produced; make sure the recursion ends.";
                case CRASH -> "The grading process stopped while running your query " + where + " and was"
                        + " restarted; nothing else was affected. Look for a construct that builds something"
                        + " enormous.";
                // a database message quotes the values it choked on: on hidden data they are withheld
                case ERROR -> sample ? "Your query fails " + where + ": " + f.message()
                        : "Your query fails " + where + ". The database's message is not shown because it can quote"
                                + " hidden data; look for a conversion or function that breaks on values the"
                                + " sample does not have (NULLs, empty text, other formats).";
            });
        } else {
            Comparison.Outcome c = failed.comparison();
            if (sample) {
                feedback.add("Your result differs from the expected one on the sample data.");
                detail = diff(failed.expected(), ((Sandbox.Rows) failed.outcome()).table(), c);
            } else {
                correctness = 30;
                feedback.add("Your query gives the right rows on the sample, but not on a hidden test case: "
                        + failed.dataset().tag() + ".");
            }
            Optional<String> known = knownMistake(p, g);
            if (known.isPresent()) {
                feedback.add("Hint: " + known.get());
            } else {
                hint(failed, c, sql, g.sql(), sample).ifPresent(h -> feedback.add("Hint: " + h));
            }
        }
        return new Score((int) Math.round(correctness), Verdict.WRONG, dims(correctness, 0, 0), feedback, detail, "");
    }

    private String timeoutMessage(String where) {
        return "Your query ran past the " + (deadlineMillis / 1000.0 == Math.floor(deadlineMillis / 1000.0)
                ? (deadlineMillis / 1000) + " s" : deadlineMillis + " ms") + " limit" + (where.isEmpty() ? "" : " "
                        + where) + " and was stopped. Look for a join without a condition or a recursive CTE that"
                + " never stops.";
    }

    /** The hint of a known mistake when the answer returns exactly what that mistake returns. */
    private Optional<String> knownMistake(PreparedQuestion p, Grade g) {
        List<List<ResultTable>> results = mistakeResults(p);
        for (int m = 0; m < results.size(); m++) {
            List<ResultTable> mr = results.get(m);
            boolean same = !g.runs().isEmpty();
            for (int i = 0; i < g.runs().size() && same; i++) {
                ResultTable mine = g.runs().get(i).outcome() instanceof Sandbox.Rows r ? r.table() : null;
                same = mine != null && mr.get(i) != null
                        && Comparison.sameRows(mr.get(i), mine, p.question.tolerance());
            }
            if (same) {
                return Optional.of(p.question.mistakes().get(m).hint());
            }
        }
        return Optional.empty();
    }

    private List<List<ResultTable>> mistakeResults(PreparedQuestion p) {
        List<List<ResultTable>> r = p.mistakeResults;
        if (r != null) {
            return r;
        }
        List<List<ResultTable>> all = new ArrayList<>();
        try (WorkerPool.Lease lease = PreparedQuestion.lease(workers)) {
            for (SqlQuestion.Mistake m : p.question.mistakes()) {
                DuckDialect.Result rw = DuckDialect.rewrite(AnswerText.extract(m.query()), p.dateColumns);
                List<ResultTable> per = new ArrayList<>();
                List<Sandbox.Outcome> outcomes = rw.unsupported().isPresent() ? List.of()
                        : lease.runAll(p, rw.sql(), maxRows, new Deadline(deadlineMillis));
                for (int i = 0; i < p.tables.size(); i++) {
                    per.add(i < outcomes.size() && outcomes.get(i) instanceof Sandbox.Rows rows ? rows.table() : null);
                }
                all.add(per);
            }
        }
        p.mistakeResults = all;
        return all;
    }

    /** A targeted hint from the shape of the difference. */
    /** @param sql the learner's query; {@code ran} the query as it ran, after the dialect rewrite */
    /** @param quoteRows whether the hint may quote result rows: only for the visible sample */
    private static Optional<String> hint(DatasetRun run, Comparison.Outcome c, String sql, String ran,
            boolean quoteRows) {
        ResultTable actual = ((Sandbox.Rows) run.outcome()).table();
        if (actual.width() != run.expected().width()) {
            return Optional.of("The question expects " + run.expected().width() + " columns ("
                    + String.join(", ", run.expected().columns()) + "); your query returns " + actual.width() + ".");
        }
        for (List<Object> miss : c.missing()) {
            for (List<Object> extra : c.unexpected()) {
                for (int j = 0; j < miss.size(); j++) {
                    if (!onlyDiffersAt(miss, extra, j)) {
                        continue;
                    }
                    Object e = miss.get(j);
                    Object a = extra.get(j);
                    if (a == null && e instanceof Number n && n.doubleValue() == 0) {
                        return Optional.of("Where there is nothing to count or add up your query shows NULL but 0"
                                + " is expected: COALESCE(..., 0) turns the missing value into a zero.");
                    }
                    if (e == null && a instanceof Number n && n.doubleValue() == 0) {
                        return Optional.of("A missing value should stay NULL (unknown) rather than become 0.");
                    }
                }
            }
        }
        if (intervalWhereNumber(run.expected(), actual)) {
            return Optional.of("Subtracting two timestamps gives an INTERVAL, not a number; for days or hours as a"
                    + " number use EXTRACT(EPOCH FROM end - start) / 86400 (or / 3600), DATEDIFF(hour, start, end),"
                    + " or subtract dates: end::date - start::date.");
        }
        if (topLevelLimit(sql) && !c.missing().isEmpty() && !c.unexpected().isEmpty()) {
            return Optional.of("LIMIT cuts the whole result, not each group; to keep the top rows per group,"
                    + " rank them with a window function (PARTITION BY the group) and filter on the rank.");
        }
        Optional<List<Object>> repeated = repeatedRow(actual.rows());
        if (repeated.isPresent() && repeatedRow(run.expected().rows()).isEmpty()) {
            List<String> cells = new ArrayList<>();
            repeated.get().forEach(v -> cells.add(show(v)));
            return Optional.of((quoteRows ? "The row (" + String.join(" | ", cells) + ") appears" : "A row appears")
                    + " more than once in your result: a join repeats a row for every match on the other side.");
        }
        String upper = sql.toUpperCase(Locale.ROOT);
        if (c.unexpected().isEmpty() && !c.missing().isEmpty()) {
            if (upper.contains("JOIN") && !upper.contains("LEFT") && !upper.contains("FULL")
                    && !upper.contains("RIGHT")) {
                return Optional.of("Rows are missing. An inner JOIN drops rows that have no match on the other"
                        + " side; a LEFT JOIN keeps them.");
            }
            return Optional.of("Rows are missing: a filter (WHERE, HAVING, a boundary such as > vs >=) removes"
                    + " rows that should stay.");
        }
        if (c.missing().isEmpty() && !c.unexpected().isEmpty()) {
            return Optional.of("Your query returns rows that should not be there: check the filter conditions and"
                    + " boundaries, and whether a join repeats rows.");
        }
        return Optional.empty();
    }

    private static final java.util.regex.Pattern INTERVAL_TEXT = java.util.regex.Pattern.compile(
            "-?\\d+ (days?|months?|years?)( .*)?|-?\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?");

    /** A column whose expected values are numbers but whose actual values are intervals. */
    private static boolean intervalWhereNumber(ResultTable expected, ResultTable actual) {
        if (expected.rows().isEmpty() || actual.rows().isEmpty()) {
            return false;
        }
        for (int c = 0; c < expected.width(); c++) {
            Object e = expected.rows().get(0).get(c);
            Object a = actual.rows().get(0).get(c);
            if (e instanceof Number && a instanceof String s && INTERVAL_TEXT.matcher(s).matches()) {
                return true;
            }
        }
        return false;
    }

    private static boolean topLevelLimit(String sql) {
        int depth = 0;
        for (SqlLexer.Token t : SqlLexer.significant(SqlLexer.lex(sql))) {
            depth += t.kind() == SqlLexer.Kind.LPAREN ? 1 : t.kind() == SqlLexer.Kind.RPAREN ? -1 : 0;
            if (depth == 0 && t.isWord("LIMIT")) {
                return true;
            }
        }
        return false;
    }

    private static Optional<List<Object>> repeatedRow(List<List<Object>> rows) {
        java.util.Set<List<Object>> seen = new java.util.HashSet<>();
        for (List<Object> r : rows) {
            List<Object> key = new ArrayList<>();
            r.forEach(v -> key.add(Comparison.canonical(v)));
            if (!seen.add(key)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    private static boolean onlyDiffersAt(List<Object> a, List<Object> b, int col) {
        for (int i = 0; i < a.size(); i++) {
            if (i != col && !Comparison.cellsEqual(a.get(i), b.get(i), 1e-9)) {
                return false;
            }
        }
        return true;
    }

    /** Up to five missing and five unexpected rows, as a small text table. */
    static String diff(ResultTable expected, ResultTable actual, Comparison.Outcome c) {
        StringBuilder sb = new StringBuilder();
        sb.append("expected ").append(expected.rows().size()).append(" row(s) of (")
                .append(String.join(", ", expected.columns())).append("); yours has ").append(actual.rows().size())
                .append(" row(s) of (").append(String.join(", ", actual.columns())).append(")\n");
        appendRows(sb, "missing (expected, not in yours)", c.missing());
        appendRows(sb, "unexpected (in yours, not expected)", c.unexpected());
        return sb.toString().stripTrailing();
    }

    private static void appendRows(StringBuilder sb, String title, List<List<Object>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        sb.append(title).append(":\n");
        for (int i = 0; i < Math.min(SHOWN_ROWS, rows.size()); i++) {
            List<String> cells = new ArrayList<>();
            rows.get(i).forEach(v -> cells.add(show(v)));
            sb.append("  ").append(String.join(" | ", cells)).append('\n');
        }
        if (rows.size() > SHOWN_ROWS) {
            sb.append("  ... and ").append(rows.size() - SHOWN_ROWS).append(" more\n");
        }
    }

    static String show(Object v) {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.format(Locale.ROOT, "%.1f", d)
                    : java.math.BigDecimal.valueOf(d).round(new java.math.MathContext(12)).stripTrailingZeros()
                            .toPlainString();
        }
        if (v instanceof String s) {
            return s.isEmpty() ? "''" : s;
        }
        return v.toString();
    }

    private static List<DimensionScore> dims(double correctness, double presentation, double style) {
        return List.of(new DimensionScore("correctness", correctness, CORRECTNESS),
                new DimensionScore("presentation", presentation, PRESENTATION),
                new DimensionScore("style", style, STYLE));
    }

    private static Score wrong(int total, List<String> feedback, String detail) {
        return new Score(total, Verdict.WRONG, dims(total, 0, 0), feedback, detail, "");
    }

    // ---- the bank self-test ----

    @Override
    public List<Problem> check(Question question) {
        if (!(question instanceof SqlQuestion q)) {
            return List.of();
        }
        List<Problem> problems = new ArrayList<>();
        PreparedQuestion p = PreparedQuestion.prepare(q, workers, deadlineMillis, maxRows);
        if (p.broken.isPresent()) {
            problems.add(Problem.at(q.source(), "solution", p.broken.get()));
            return problems;
        }
        if (q.ordered() != null && q.ordered() && PreparedQuestion.topLevelOrderBy(q.solution()).isEmpty()) {
            problems.add(Problem.at(q.source(), "ordered", "ordered is true but the solution has no top-level"
                    + " ORDER BY"));
        }
        for (int i = 0; i < q.accepted().size(); i++) {
            Grade g = grade(p, AnswerText.extract(q.accepted().get(i)), deadlineMillis);
            if (g.verdict() != Verdict.CORRECT) {
                problems.add(Problem.at(q.source(), "accepted[" + i + "]", "graded " + g.verdict().name() + " "
                        + explain(g)));
            }
        }
        int hiddenOnly = 0;
        boolean[] caught = new boolean[q.datasets().size()];
        for (int i = 0; i < q.mistakes().size(); i++) {
            SqlQuestion.Mistake m = q.mistakes().get(i);
            String sql = AnswerText.extract(m.query());
            Grade g = grade(p, sql, deadlineMillis);
            if (g.verdict() != Verdict.WRONG) {
                problems.add(Problem.at(q.source(), "mistakes[" + i + "].query", "graded " + g.verdict().name()
                        + " but should be WRONG (" + m.mistake() + ")"));
                continue;
            }
            if (g.rejected() != null) {
                problems.add(Problem.at(q.source(), "mistakes[" + i + "].query", "is not run at all: "
                        + g.rejected()));
                continue;
            }
            // every dataset, not just the first failing one, to know which datasets catch it
            boolean passesSample = true;
            if (g.runs().stream().anyMatch(r -> r.outcome() instanceof Sandbox.Failed)) {
                problems.add(Problem.at(q.source(), "mistakes[" + i + "].query", "fails to run, so its hint can"
                        + " never be matched: " + explain(g)));
            }
            for (int d = 0; d < p.tables.size(); d++) {
                Sandbox.Outcome o;
                try (WorkerPool.Lease lease = PreparedQuestion.lease(workers)) {
                    o = lease.run(p, d, g.sql(), maxRows, new Deadline(deadlineMillis));
                }
                boolean differs = !(o instanceof Sandbox.Rows r) || Comparison.compare(p.expected.get(d), r.table(),
                        q.tolerance(), p.ordered, p.orderCols).kind() != Comparison.Kind.MATCH;
                caught[d] |= differs;
                if (d == 0) {
                    passesSample = !differs;
                }
            }
            hiddenOnly += passesSample ? 1 : 0;
        }
        for (int d = 1; d < caught.length; d++) {
            if (!caught[d]) {
                problems.add(Problem.at(q.source(), "datasets[" + d + "]", "hidden dataset '"
                        + q.datasets().get(d).name() + "' catches none of the mistakes"));
            }
        }
        if (!q.mistakes().isEmpty() && hiddenOnly * 3 < q.mistakes().size()) {
            problems.add(Problem.at(q.source(), "mistakes", hiddenOnly + " of " + q.mistakes().size()
                    + " mistakes pass the sample; at least a third must pass it and be caught only by hidden data"));
        }
        return problems;
    }

    private static String explain(Grade g) {
        if (g.rejected() != null) {
            return "(not run: " + g.rejected() + ")";
        }
        DatasetRun last = g.runs().get(g.runs().size() - 1);
        String ds = "on " + (last.dataset().visible() ? "the sample" : "hidden dataset '" + last.dataset().name()
                + "'");
        if (last.outcome() instanceof Sandbox.Failed f) {
            return ds + ": " + f.why().name().toLowerCase(Locale.ROOT) + " " + f.message();
        }
        if (g.verdict() == Verdict.PARTIAL) {
            List<String> kinds = new ArrayList<>();
            g.runs().forEach(r -> {
                if (!r.matched()) {
                    kinds.add(r.dataset().name() + ": " + r.comparison().kind().name().toLowerCase(Locale.ROOT));
                }
            });
            return "(" + String.join(", ", kinds) + ")";
        }
        return ds + ":\n" + diff(last.expected(), ((Sandbox.Rows) last.outcome()).table(), last.comparison());
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
