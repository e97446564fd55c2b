package dev.drillbot.scoring.sql;

import dev.drillbot.scoring.sql.SqlLexer.Kind;
import dev.drillbot.scoring.sql.SqlLexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
        return remarks(sql, Map.of());
    }

    /** @param columns table name to its column names, lower case; needed to tell an unused join */
    List<String> remarks(String sql, Map<String, Set<String>> columns) {
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
            List<Token> all = SqlLexer.significant(SqlLexer.lex(sql));
            for (Join j : top.getJoins()) {
                // only outer joins with ON: an inner join that is never referenced may still filter rows
                if (!j.isLeft() || !(j.getRightItem() instanceof Table t) || j.getOnExpressions() == null
                        || j.getOnExpressions().isEmpty()) {
                    continue;
                }
                Set<String> cols = columns.get(t.getName().toLowerCase(Locale.ROOT));
                if (cols == null) {
                    continue; // unknown table: cannot tell whether an unqualified column belongs to it
                }
                String name = (t.getAlias() != null ? t.getAlias().getName() : t.getName()).toLowerCase(Locale.ROOT);
                List<Token> on = new ArrayList<>();
                j.getOnExpressions().forEach(e -> on.addAll(SqlLexer.significant(SqlLexer.lex(e.toString()))));
                if (uses(all, name, cols) == uses(on, name, cols)) {
                    out.add("The LEFT JOIN to " + t.getName() + " is never used: none of its columns is selected"
                            + " or tested outside the join condition, so it only costs time.");
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

    /** How often the query refers to the table: {@code alias.} qualifiers plus unqualified column names. */
    private static int uses(List<Token> sig, String alias, Set<String> cols) {
        int n = 0;
        for (int i = 0; i < sig.size(); i++) {
            Token t = sig.get(i);
            if (t.kind() != Kind.WORD && t.kind() != Kind.QUOTED_ID) {
                continue;
            }
            String w = (t.kind() == Kind.QUOTED_ID ? t.text().substring(1, t.text().length() - 1) : t.text())
                    .toLowerCase(Locale.ROOT);
            boolean qualifier = i + 1 < sig.size() && sig.get(i + 1).kind() == Kind.DOT;
            boolean qualified = i > 0 && sig.get(i - 1).kind() == Kind.DOT;
            if ((qualifier && w.equals(alias)) || (!qualifier && !qualified && cols.contains(w))) {
                n++;
            }
        }
        return n;
    }
}
