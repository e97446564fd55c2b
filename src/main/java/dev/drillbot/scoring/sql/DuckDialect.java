package dev.drillbot.scoring.sql;

import dev.drillbot.scoring.sql.SqlLexer.Kind;
import dev.drillbot.scoring.sql.SqlLexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The few rewrites DuckDB needs to read the Redshift and PostgreSQL that candidates write: forms its
 * parser does not know ({@code LISTAGG ... WITHIN GROUP}, {@code FETCH ... WITH TIES}, {@code TOP n}),
 * Redshift's bare date parts ({@code DATEADD(month, 1, d)}), format strings ({@code to_char},
 * {@code to_date}), {@code SIMILAR TO}, {@code DECODE}, {@code RATIO_TO_REPORT},
 * {@code make_interval} and {@code CONVERT_TIMEZONE}. Everything else is DuckDB's own dialect, which
 * already speaks PostgreSQL. Functions that are plain aliases are SQL macros ({@link DuckSandbox}).
 *
 * <p>One pass over the tokens with precomputed parenthesis matches: linear in the answer's length,
 * and the output is at most a small constant factor longer (a format string is capped).
 */
final class DuckDialect {
    static final int MAX_FORMAT_ELEMENTS = 40;

    record Result(String sql, Optional<String> unsupported) {}

    private static final Map<String, String> UNITS = Map.ofEntries(
            Map.entry("YEAR", "year"), Map.entry("YEARS", "year"), Map.entry("Y", "year"), Map.entry("YY", "year"),
            Map.entry("YYYY", "year"), Map.entry("YR", "year"), Map.entry("YRS", "year"),
            Map.entry("QUARTER", "quarter"), Map.entry("QUARTERS", "quarter"), Map.entry("Q", "quarter"),
            Map.entry("QTR", "quarter"), Map.entry("QTRS", "quarter"),
            Map.entry("MONTH", "month"), Map.entry("MONTHS", "month"), Map.entry("MON", "month"),
            Map.entry("MONS", "month"), Map.entry("MM", "month"),
            Map.entry("WEEK", "week"), Map.entry("WEEKS", "week"), Map.entry("W", "week"), Map.entry("WK", "week"),
            Map.entry("WKS", "week"),
            Map.entry("DAY", "day"), Map.entry("DAYS", "day"), Map.entry("D", "day"), Map.entry("DD", "day"),
            Map.entry("HOUR", "hour"), Map.entry("HOURS", "hour"), Map.entry("H", "hour"), Map.entry("HH", "hour"),
            Map.entry("HR", "hour"), Map.entry("HRS", "hour"),
            Map.entry("MINUTE", "minute"), Map.entry("MINUTES", "minute"), Map.entry("M", "minute"),
            Map.entry("MI", "minute"), Map.entry("MIN", "minute"), Map.entry("MINS", "minute"),
            Map.entry("SECOND", "second"), Map.entry("SECONDS", "second"), Map.entry("S", "second"),
            Map.entry("SEC", "second"), Map.entry("SECS", "second"),
            Map.entry("DOW", "dow"), Map.entry("DAYOFWEEK", "dow"), Map.entry("DOY", "doy"),
            Map.entry("DAYOFYEAR", "doy"), Map.entry("EPOCH", "epoch"), Map.entry("ISODOW", "isodow"),
            Map.entry("MILLENNIUM", "millennium"), Map.entry("CENTURY", "century"), Map.entry("DECADE", "decade"));

    private final List<Token> t;
    private final int[] match;
    private final DateColumns columns;
    private Optional<String> unsupported = Optional.empty();
    private int maxDepth;
    /** Parentheses nested deeper than this are refused: no real answer needs it, and the rewrite recurses. */
    static final int MAX_DEPTH = 200;

    private DuckDialect(List<Token> significant, DateColumns columns) {
        this.t = significant;
        this.columns = columns;
        this.match = new int[significant.size()];
        java.util.ArrayDeque<Integer> open = new java.util.ArrayDeque<>();
        java.util.Arrays.fill(match, -1);
        for (int i = 0; i < t.size(); i++) {
            if (t.get(i).kind() == Kind.LPAREN) {
                open.push(i);
                maxDepth = Math.max(maxDepth, open.size());
            } else if (t.get(i).kind() == Kind.RPAREN && !open.isEmpty()) {
                int o = open.pop();
                match[o] = i;
                match[i] = o;
            }
        }
    }

    static Result rewrite(String sql) {
        return rewrite(sql, DateColumns.NONE);
    }

    /** @param columns the question's date and timestamp columns, for Redshift's TRUNC(timestamp) */
    static Result rewrite(String sql, DateColumns columns) {
        List<Token> sig = new ArrayList<>();
        for (Token tok : SqlLexer.lex(sql)) {
            if (tok.significant() && tok.kind() != Kind.SEMI) {
                sig.add(tok);
            }
        }
        DuckDialect d = new DuckDialect(sig, columns);
        if (d.maxDepth > MAX_DEPTH) {
            return new Result(sql, Optional.of("Parentheses nested more than " + MAX_DEPTH + " levels deep"));
        }
        StringBuilder out = new StringBuilder(sql.length() + 64);
        d.emit(0, sig.size(), out);
        return new Result(out.toString().strip(), d.unsupported);
    }

    /** Writes tokens [from, to) to {@code out}, rewriting what DuckDB does not read. */
    private void emit(int from, int to, StringBuilder out) {
        int i = from;
        // TOP n right after SELECT [DISTINCT|ALL] becomes LIMIT n at the end of this query level
        String pendingLimit = null;
        while (i < to) {
            Token k = t.get(i);
            if (k.isWord("SELECT") && i + 2 < to) {
                int j = i + 1;
                if (t.get(j).isWord("DISTINCT") || t.get(j).isWord("ALL")) {
                    j++;
                }
                if (j + 1 < to && t.get(j).isWord("TOP") && t.get(j + 1).kind() == Kind.NUMBER) {
                    for (int x = i; x < j; x++) {
                        word(out, t.get(x).text());
                    }
                    pendingLimit = t.get(j + 1).text();
                    i = j + 2;
                    continue;
                }
            }
            if (k.kind() == Kind.WORD && i + 1 < to && t.get(i + 1).kind() == Kind.LPAREN && match[i + 1] > 0
                    && match[i + 1] < to) {
                int close = match[i + 1];
                int next = rewriteCall(k.upper(), i, close, to, out);
                if (next >= 0) {
                    i = next;
                    continue;
                }
            }
            if (k.kind() == Kind.LPAREN && match[i] > i && match[i] < to) {
                out.append(" (");
                emit(i + 1, match[i], out);
                out.append(" )");
                i = match[i] + 1;
                continue;
            }
            if ((k.isWord("SIMILAR") || (k.isWord("NOT") && i + 1 < to && t.get(i + 1).isWord("SIMILAR")))) {
                int s = k.isWord("NOT") ? i + 1 : i;
                if (s + 2 < to && t.get(s + 1).isWord("TO") && t.get(s + 2).kind() == Kind.STRING) {
                    // x SIMILAR TO 'p': the left operand was already written; wrap it is not possible in one
                    // pass, so use the operator form DuckDB has for a full-match regex
                    out.append(k.isWord("NOT") ? " NOT" : "").append(" SIMILAR TO ")
                            .append(literal(similarToRegex(unquote(t.get(s + 2).text()))));
                    i = s + 3;
                    continue;
                }
            }
            if (k.isOp("::") && varcharLength(i + 1, to) > 0) {
                // x::varchar(7) truncates in PostgreSQL and Redshift; DuckDB ignores the length
                int n = varcharLength(i + 1, to);
                out.append("::VARCHAR.left(").append(t.get(n).text()).append(")");
                i = n + 2;
                continue;
            }
            if (k.isWord("AT") && !(i + 1 < to && (t.get(i + 1).isWord("TIME") || t.get(i + 1).isWord("LOCAL")))) {
                // a column named "at" (PostgreSQL allows it; DuckDB reserves AT for AT TIME ZONE)
                out.append(out.length() > 0 && out.charAt(out.length() - 1) == '.' ? "" : " ").append("\"at\"");
                i++;
                continue;
            }
            if (k.isWord("ORDER") && i + 1 < to && t.get(i + 1).isWord("BY")) {
                int fetch = withTies(i + 2, to);
                if (fetch > 0) {
                    // ORDER BY k FETCH FIRST n ROWS WITH TIES: keep rows ranked n or better, then order them
                    String n = t.get(fetch + 2).kind() == Kind.NUMBER ? t.get(fetch + 2).text() : "1";
                    StringBuilder keys = new StringBuilder();
                    emit(i + 2, fetch, keys);
                    if (keys.toString().strip().matches("\\d+.*")) {
                        unsupported = Optional.of("FETCH ... WITH TIES after ORDER BY a column position");
                    }
                    out.append(" QUALIFY rank() OVER (ORDER BY").append(keys).append(") <= ").append(n)
                            .append(" ORDER BY").append(keys);
                    i = tiesEnd(fetch);
                    continue;
                }
            }
            token(out, k);
            i++;
        }
        if (pendingLimit != null) {
            out.append(" LIMIT ").append(pendingLimit);
        }
    }

    /** For VARCHAR(n) or CHARACTER VARYING(n) starting at {@code at}: the index of n, else -1. */
    private int varcharLength(int at, int to) {
        int j = at;
        if (j < to && t.get(j).isWord("CHARACTER") && j + 1 < to && t.get(j + 1).isWord("VARYING")) {
            j++;
        } else if (!(j < to && (t.get(j).isWord("VARCHAR") || t.get(j).isWord("NVARCHAR")))) {
            return -1;
        }
        return j + 3 < to && t.get(j + 1).kind() == Kind.LPAREN
                && t.get(j + 2).kind() == Kind.NUMBER && t.get(j + 3).kind() == Kind.RPAREN ? j + 2 : -1;
    }

    /**
     * The index of {@code FETCH} when the ORDER BY starting at {@code from} ends in
     * {@code FETCH FIRST|NEXT [n] ROW[S] WITH TIES} at this query level, else -1.
     */
    private int withTies(int from, int to) {
        int i = from;
        while (i < to) {
            Token k = t.get(i);
            if (k.kind() == Kind.LPAREN && match[i] > i) {
                i = match[i] + 1;
                continue;
            }
            if (k.isWord("FETCH")) {
                return tiesEnd(i) > 0 ? i : -1;
            }
            if (k.isWord("LIMIT") || k.isWord("OFFSET") || k.isWord("UNION") || k.isWord("EXCEPT")
                    || k.isWord("INTERSECT")) {
                return -1;
            }
            i++;
        }
        return -1;
    }

    /** The index after {@code FETCH FIRST|NEXT [n] ROW[S] WITH TIES} at {@code fetch}, or -1. */
    private int tiesEnd(int fetch) {
        int j = fetch + 1;
        if (j >= t.size() || !(t.get(j).isWord("FIRST") || t.get(j).isWord("NEXT"))) {
            return -1;
        }
        j++;
        if (j < t.size() && t.get(j).kind() == Kind.NUMBER) {
            j++;
        }
        if (j + 2 < t.size() && (t.get(j).isWord("ROWS") || t.get(j).isWord("ROW")) && t.get(j + 1).isWord("WITH")
                && t.get(j + 2).isWord("TIES")) {
            return j + 3;
        }
        return -1;
    }

    /** @return the index after the call when it was rewritten, or -1 to write it unchanged */
    private int rewriteCall(String name, int at, int close, int to, StringBuilder out) {
        int open = at + 1;
        List<int[]> args = args(open, close);
        switch (name) {
            case "LISTAGG" -> {
                int after = close + 1;
                if (after + 2 < to && t.get(after).isWord("WITHIN") && t.get(after + 1).isWord("GROUP")
                        && t.get(after + 2).kind() == Kind.LPAREN && match[after + 2] > 0) {
                    int gclose = match[after + 2];
                    out.append(" string_agg(");
                    emit(open + 1, close, out);
                    if (args.size() == 1) {
                        out.append(", ','");
                    }
                    emit(after + 3, gclose, out);
                    out.append(" )");
                    return gclose + 1;
                }
                out.append(" string_agg(");
                emit(open + 1, close, out);
                if (args.size() == 1) {
                    out.append(", ','");
                }
                out.append(" )");
                return close + 1;
            }
            case "REGEXP_REPLACE", "REGEXP_SUBSTR", "REGEXP_COUNT", "REGEXP_INSTR", "REGEXP_MATCHES", "REGEXP_LIKE" -> {
                // Redshift reads '\\.' in a pattern as \. (its literals escape backslashes); in
                // PostgreSQL the doubled backslash would match a backslash, which no one means
                if (args.size() < 2 || !single(args.get(1), Kind.STRING) || !t.get(args.get(1)[0]).text()
                        .contains("\\\\")) {
                    return -1;
                }
                out.append(' ').append(t.get(at).text()).append("(");
                emit(args.get(0)[0], args.get(0)[1], out);
                out.append(", ").append(t.get(args.get(1)[0]).text().replace("\\\\", "\\"));
                if (args.size() > 2) {
                    out.append(",");
                    emit(args.get(2)[0], close, out);
                }
                out.append(" )");
                return close + 1;
            }
            case "CAST" -> {
                // CAST(x AS VARCHAR(n)) truncates, as x::varchar(n) does
                int as = -1;
                for (int j = open + 1; j < close; j++) {
                    if (t.get(j).kind() == Kind.LPAREN && match[j] > j) {
                        j = match[j];
                    } else if (t.get(j).isWord("AS")) {
                        as = j;
                    }
                }
                int n = as > 0 ? varcharLength(as + 1, close) : -1;
                if (n < 0 || n + 2 != close) {
                    return -1;
                }
                out.append(" left(CAST(");
                emit(open + 1, as, out);
                out.append(" AS VARCHAR), ").append(t.get(n).text()).append(")");
                return close + 1;
            }
            case "TRUNC" -> {
                // Redshift's TRUNC(timestamp) is its date; TRUNC(number) stays DuckDB's own
                if (args.size() != 1 || !isDateValued(args.get(0))) {
                    return -1;
                }
                out.append(" CAST(");
                emit(args.get(0)[0], args.get(0)[1], out);
                out.append(" AS DATE)");
                return close + 1;
            }
            case "DATEADD", "DATE_ADD" -> {
                if (args.size() != 3 || unit(args.get(0)) == null) {
                    return -1;
                }
                String unit = unit(args.get(0));
                out.append(" (CAST(");
                emit(args.get(2)[0], args.get(2)[1], out);
                out.append(" AS TIMESTAMP) + (");
                emit(args.get(1)[0], args.get(1)[1], out);
                out.append(") * INTERVAL '1 ").append(unit).append("')");
                return close + 1;
            }
            case "DATEDIFF", "DATE_DIFF" -> {
                if (args.size() != 3 || unit(args.get(0)) == null) {
                    return -1;
                }
                out.append(" date_diff('").append(unit(args.get(0))).append("', CAST(");
                emit(args.get(1)[0], args.get(1)[1], out);
                out.append(" AS TIMESTAMP), CAST(");
                emit(args.get(2)[0], args.get(2)[1], out);
                out.append(" AS TIMESTAMP))");
                return close + 1;
            }
            case "DATE_PART", "DATEPART", "DATE_TRUNC" -> {
                if (args.size() != 2 || unit(args.get(0)) == null) {
                    return -1;
                }
                out.append(' ').append(name.equals("DATEPART") ? "date_part" : name.toLowerCase(Locale.ROOT))
                        .append("('").append(unit(args.get(0))).append("', ");
                emit(args.get(1)[0], args.get(1)[1], out);
                out.append(" )");
                return close + 1;
            }
            case "TO_CHAR" -> {
                if (args.size() != 2 || !single(args.get(1), Kind.STRING)) {
                    return -1;
                }
                StringBuilder value = new StringBuilder();
                emit(args.get(0)[0], args.get(0)[1], value);
                Optional<String> expr = FormatPicture.toChar("(" + value + ")", unquote(t.get(args.get(1)[0]).text()));
                if (expr.isEmpty()) {
                    unsupported = Optional.of("this TO_CHAR format");
                    return -1;
                }
                out.append(' ').append(expr.get());
                return close + 1;
            }
            case "TO_DATE", "TO_TIMESTAMP" -> {
                if (args.size() != 2 || !single(args.get(1), Kind.STRING)) {
                    return -1;
                }
                Optional<String> fmt = FormatPicture.strptime(unquote(t.get(args.get(1)[0]).text()));
                if (fmt.isEmpty()) {
                    unsupported = Optional.of("this " + name + " format");
                    return -1;
                }
                out.append(name.equals("TO_DATE") ? " CAST(strptime(" : " (strptime(");
                emit(args.get(0)[0], args.get(0)[1], out);
                out.append(", ").append(literal(fmt.get())).append(name.equals("TO_DATE") ? ") AS DATE)" : "))");
                return close + 1;
            }
            case "DECODE" -> {
                if (args.size() < 3) {
                    return -1;
                }
                out.append(" (CASE");
                for (int a = 1; a + 1 < args.size(); a += 2) {
                    // Redshift's DECODE matches NULL with NULL
                    out.append(" WHEN (");
                    emit(args.get(0)[0], args.get(0)[1], out);
                    out.append(") IS NOT DISTINCT FROM (");
                    emit(args.get(a)[0], args.get(a)[1], out);
                    out.append(") THEN ");
                    emit(args.get(a + 1)[0], args.get(a + 1)[1], out);
                }
                if (args.size() % 2 == 0) {
                    out.append(" ELSE ");
                    int[] last = args.get(args.size() - 1);
                    emit(last[0], last[1], out);
                }
                out.append(" END)");
                return close + 1;
            }
            case "RATIO_TO_REPORT" -> {
                if (args.size() != 1 || close + 1 >= to || !t.get(close + 1).isWord("OVER")) {
                    return -1;
                }
                out.append(" (");
                emit(args.get(0)[0], args.get(0)[1], out);
                out.append(") * 1.0 / sum(");
                emit(args.get(0)[0], args.get(0)[1], out);
                out.append(")");
                return close + 1; // OVER (...) follows and applies to the sum
            }
            case "MAKE_INTERVAL" -> {
                String[] positional = {"to_years", "to_months", "to_weeks", "to_days", "to_hours", "to_minutes",
                        "to_seconds"};
                Map<String, String> named = Map.of("YEARS", "to_years", "MONTHS", "to_months", "WEEKS", "to_weeks",
                        "DAYS", "to_days", "HOURS", "to_hours", "MINS", "to_minutes", "SECS", "to_seconds");
                out.append(" (INTERVAL '0 days'");
                for (int a = 0; a < args.size(); a++) {
                    int[] r = args.get(a);
                    String fn = a < positional.length ? positional[a] : null;
                    int start = r[0];
                    if (r[1] - r[0] >= 3 && t.get(r[0]).kind() == Kind.WORD && t.get(r[0] + 1).isOp("=>")) {
                        fn = named.get(t.get(r[0]).upper());
                        start = r[0] + 2;
                    }
                    if (fn == null) {
                        return -1;
                    }
                    out.append(" + ").append(fn).append("(CAST(");
                    emit(start, r[1], out);
                    out.append(fn.equals("to_seconds") ? " AS DOUBLE))" : " AS BIGINT))");
                }
                out.append(")");
                return close + 1;
            }
            case "CONVERT_TIMEZONE" -> {
                // (source, target, ts), or (target, ts) from UTC
                if (args.size() != 2 && args.size() != 3) {
                    return -1;
                }
                int target = args.size() - 2;
                out.append(" timezone(");
                emit(args.get(target)[0], args.get(target)[1], out);
                out.append(", timezone(");
                if (args.size() == 3) {
                    emit(args.get(0)[0], args.get(0)[1], out);
                } else {
                    out.append("'UTC'");
                }
                out.append(", CAST(");
                emit(args.get(target + 1)[0], args.get(target + 1)[1], out);
                out.append(" AS TIMESTAMP)))");
                return close + 1;
            }
            default -> {
                return -1;
            }
        }
    }

    /** A date or timestamp column of the question, or anything cast to a date or timestamp. */
    private boolean isDateValued(int[] r) {
        Token last = t.get(r[1] - 1);
        if (r[1] - r[0] >= 2 && t.get(r[1] - 2).isOp("::")) {
            return last.isWord("DATE") || last.isWord("TIMESTAMP") || last.isWord("TIMESTAMPTZ");
        }
        String name = last.kind() == Kind.WORD ? last.text().toLowerCase(Locale.ROOT) : "";
        boolean column = r[1] - r[0] == 1 || (r[1] - r[0] == 3 && t.get(r[0] + 1).kind() == Kind.DOT);
        return column && (columns.dates().contains(name) || columns.timestamps().contains(name));
    }

    private boolean single(int[] range, Kind kind) {
        return range[1] - range[0] == 1 && t.get(range[0]).kind() == kind;
    }

    /** A date part written as a bare word or a string, in DuckDB's spelling; null if it is neither. */
    private String unit(int[] range) {
        if (range[1] - range[0] != 1) {
            return null;
        }
        Token k = t.get(range[0]);
        String w = k.kind() == Kind.WORD ? k.upper()
                : k.kind() == Kind.STRING ? unquote(k.text()).toUpperCase(Locale.ROOT) : null;
        return w == null ? null : UNITS.get(w);
    }

    /** Top-level argument ranges [start, end) inside the parentheses at {@code open}..{@code close}. */
    private List<int[]> args(int open, int close) {
        List<int[]> out = new ArrayList<>();
        int start = open + 1;
        int i = open + 1;
        while (i < close) {
            if (t.get(i).kind() == Kind.LPAREN && match[i] > i) {
                i = match[i] + 1;
                continue;
            }
            if (t.get(i).kind() == Kind.COMMA) {
                out.add(new int[] {start, i});
                start = i + 1;
            }
            i++;
        }
        if (close > open + 1) {
            out.add(new int[] {start, close});
        }
        return out;
    }

    private static void token(StringBuilder out, Token k) {
        if (k.kind() == Kind.DOT || k.kind() == Kind.COMMA || k.kind() == Kind.RPAREN
                || (k.kind() == Kind.OP && k.text().equals("::"))) {
            out.append(k.text());
        } else if (out.length() > 0 && (out.charAt(out.length() - 1) == '.' || endsWith(out, "::"))) {
            out.append(k.text());
        } else {
            out.append(' ').append(k.text());
        }
    }

    private static boolean endsWith(StringBuilder sb, String s) {
        return sb.length() >= s.length() && sb.substring(sb.length() - s.length()).equals(s);
    }

    private static void word(StringBuilder out, String w) {
        out.append(' ').append(w);
    }

    static String unquote(String s) {
        return s.length() >= 2 ? s.substring(1, s.length() - 1).replace("''", "'") : s;
    }

    static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /** SQL's SIMILAR TO pattern as a regular expression matched against the whole text. */
    static String similarToRegex(String p) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            switch (c) {
                case '%' -> re.append(".*");
                case '_' -> re.append('.');
                case '\\' -> {
                    if (i + 1 < p.length()) {
                        re.append('\\').append(p.charAt(++i));
                    }
                }
                case '.', '^', '$' -> re.append('\\').append(c);
                default -> re.append(c);
            }
        }
        return re.toString();
    }
}
