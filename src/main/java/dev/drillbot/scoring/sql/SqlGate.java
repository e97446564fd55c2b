package dev.drillbot.scoring.sql;

import dev.drillbot.scoring.sql.SqlLexer.Kind;
import dev.drillbot.scoring.sql.SqlLexer.Token;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The lexical pre-filter that runs before SQLite sees the text. It is needed because the driver has
 * no authorizer and merely <em>preparing</em> some statements has effects ({@code PRAGMA query_only=0});
 * and because prepare silently ignores everything after the first statement, so a second statement
 * is rejected rather than half-run.
 */
final class SqlGate {
    static final int MAX_SQL_LENGTH = 20_000;
    private static final Set<String> FIRST = Set.of("SELECT", "WITH", "VALUES");
    private static final Set<String> FORBIDDEN = Set.of("PRAGMA", "ATTACH", "DETACH", "VACUUM", "INSERT", "UPDATE",
            "DELETE", "CREATE", "DROP", "ALTER", "REINDEX", "ANALYZE", "BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT",
            "RELEASE", "UPSERT");

    private SqlGate() {}

    /** @return why the text may not run, in words for the learner; empty when it may */
    static Optional<String> reject(String sql, List<Token> tokens) {
        if (sql.length() > MAX_SQL_LENGTH) {
            return Optional.of("That query is " + sql.length() + " characters long; the limit is " + MAX_SQL_LENGTH
                    + ".");
        }
        List<Token> sig = SqlLexer.significant(tokens);
        if (sig.isEmpty()) {
            return Optional.of("I could not find a query in your answer. Paste a SELECT (or WITH ...) statement,"
                    + " ideally in a ```sql block.");
        }
        for (Token t : tokens) {
            if (!t.closed()) {
                return Optional.of(switch (t.kind()) {
                    case COMMENT -> "A /* comment is never closed.";
                    case QUOTED_ID -> "A quoted name (" + abbreviate(t.text()) + ") is never closed.";
                    default -> "A string literal (" + abbreviate(t.text()) + ") is never closed.";
                });
            }
        }
        Token first = sig.get(0);
        if (!(first.kind() == Kind.WORD && FIRST.contains(first.upper()))) {
            boolean statement = first.kind() == Kind.WORD && (FORBIDDEN.contains(first.upper())
                    || Set.of("REPLACE", "EXPLAIN", "BACKUP", "RESTORE", "END").contains(first.upper()));
            if (!statement && sig.stream().noneMatch(t -> t.isWord("SELECT") || t.isWord("VALUES"))) {
                return Optional.of("I could not find a query in your answer. Paste a SELECT (or WITH ...) statement,"
                        + " ideally in a ```sql block.");
            }
            if (first.kind() == Kind.LPAREN) {
                return Optional.of("Start the query with SELECT or WITH rather than an opening parenthesis.");
            }
            return Optional.of("Only a single read-only query can be graded: it must start with SELECT, WITH or"
                    + " VALUES (yours starts with '" + abbreviate(first.text()) + "').");
        }
        for (int i = 0; i < sig.size(); i++) {
            Token t = sig.get(i);
            if (t.kind() == Kind.SEMI) {
                if (sig.subList(i, sig.size()).stream().anyMatch(x -> x.kind() != Kind.SEMI)) {
                    return Optional.of("Send one statement only: there is more text after the ';'.");
                }
                break;
            }
            if (t.kind() == Kind.PARAM) {
                return Optional.of("Placeholders such as " + t.text() + " cannot be graded; write the value in the"
                        + " query.");
            }
            if (t.kind() == Kind.WORD) {
                String w = t.upper();
                boolean replaceInto = w.equals("REPLACE") && i + 1 < sig.size() && sig.get(i + 1).isWord("INTO");
                if (FORBIDDEN.contains(w) || replaceInto) {
                    return Optional.of("Only read-only queries can be graded; '" + t.text()
                            + "' is not allowed here.");
                }
            }
        }
        return Optional.empty();
    }

    private static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() <= 20 ? one : one.substring(0, 20) + "...";
    }
}
