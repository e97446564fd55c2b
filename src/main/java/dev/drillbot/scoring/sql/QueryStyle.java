package dev.drillbot.scoring.sql;

import dev.drillbot.scoring.sql.SqlLexer.Kind;
import dev.drillbot.scoring.sql.SqlLexer.Token;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.schema.Table;

/**
 * Style remarks an interviewer would make about a query that may well be correct: {@code SELECT *},
 * a joined table that is never used. JSqlParser (5.4; 5.3 leaks a thread per parse) reads the
 * query on a shared executor with a timeout; when it cannot parse the dialect the remarks are
 * simply skipped. Style never changes a verdict.
 */
final class QueryStyle {
    private final ExecutorService executor;
    private final long timeoutMillis;

    QueryStyle(ExecutorService executor, long timeoutMillis) {
        this.executor = executor;
        this.timeoutMillis = timeoutMillis;
    }

    List<String> remarks(String sql) {
        if (!worthParsing(SqlLexer.significant(SqlLexer.lex(sql)))) {
            return List.of(); // most answers: nothing to remark on, and parsing would double the grade's overhead
        }
        Statement st;
        try {
            st = CCJSqlParserUtil.parse(sql, executor, p -> p.withTimeOut(timeoutMillis));
        } catch (Exception | StackOverflowError e) {
            return List.of();
        }
        if (!(st instanceof Select select)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        PlainSelect top = plain(select);
        if (top != null && top.getSelectItems() != null) {
            for (SelectItem<?> item : top.getSelectItems()) {
                if (item.getExpression() instanceof AllColumns) {
                    out.add("Name the columns you return instead of SELECT *: the result should say exactly what"
                            + " was asked for.");
                    break;
                }
            }
        }
        if (top != null && top.getJoins() != null) {
            Set<String> qualifiers = qualifiers(sql);
            if (!qualifiers.isEmpty()) {
                for (Join j : top.getJoins()) {
                    if (j.getRightItem() instanceof Table t) {
                        String name = t.getAlias() != null ? t.getAlias().getName() : t.getName();
                        if (name != null && !qualifiers.contains(name.toLowerCase(Locale.ROOT))
                                && !j.isLeft()) {
                            continue; // an inner join may be there to filter rows; only flag unused outer joins
                        }
                        if (name != null && !qualifiers.contains(name.toLowerCase(Locale.ROOT))) {
                            out.add("The LEFT JOIN to " + t.getName() + " is never used: no column of it is"
                                    + " selected or tested, so it only costs time (and can duplicate rows).");
                        }
                    }
                }
            }
        }
        return out;
    }

    /** A {@code *} in a select list or a LEFT JOIN: the only things the remarks look at. */
    static boolean worthParsing(List<Token> sig) {
        for (int i = 1; i < sig.size(); i++) {
            Token t = sig.get(i);
            Token prev = sig.get(i - 1);
            if (t.isOp("*") && (prev.isWord("SELECT") || prev.isWord("DISTINCT") || prev.isWord("ALL")
                    || prev.kind() == Kind.COMMA || prev.kind() == Kind.DOT)) {
                return true;
            }
            if (t.isWord("JOIN") && (prev.isWord("LEFT") || prev.isWord("OUTER"))) {
                return true;
            }
        }
        return false;
    }

    private static PlainSelect plain(Select s) {
        if (s instanceof PlainSelect p) {
            return p;
        }
        if (s instanceof ParenthesedSelect ps && ps.getSelect() != null) {
            return plain(ps.getSelect());
        }
        if (s instanceof SetOperationList) {
            return null;
        }
        return null;
    }

    /** Every name used as a qualifier ({@code o.} in {@code o.amount}), lower-cased. */
    private static Set<String> qualifiers(String sql) {
        Set<String> out = new HashSet<>();
        List<Token> sig = SqlLexer.significant(SqlLexer.lex(sql));
        for (int i = 0; i + 1 < sig.size(); i++) {
            Token t = sig.get(i);
            if ((t.kind() == Kind.WORD || t.kind() == Kind.QUOTED_ID) && sig.get(i + 1).kind() == Kind.DOT) {
                String n = t.kind() == Kind.QUOTED_ID ? t.text().substring(1, t.text().length() - 1) : t.text();
                out.add(n.toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }
}
