package dev.drillbot.scoring.sql;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a chat message into the SQL it contains. People paste queries the way they would in a chat
 * with an interviewer: inside a {@code ```sql} block, after a line of explanation, with a trailing
 * semicolon, with quotes curled by their client or {@code <}/{@code >} escaped by Slack.
 */
final class AnswerText {
    private static final Pattern FENCE = Pattern.compile("```[ \\t]*([A-Za-z0-9_+-]*)[ \\t]*\\r?\\n?(.*?)```",
            Pattern.DOTALL);
    private static final Pattern STARTS_SQL = Pattern.compile(
            "^\\s*(?:select|with|values|\\(|--|/\\*)", Pattern.CASE_INSENSITIVE);

    private AnswerText() {}

    static String extract(String message) {
        if (message == null) {
            return "";
        }
        String text = unescapeChat(message).replace("\r\n", "\n");
        Matcher m = FENCE.matcher(text);
        String chosen = null;
        while (m.find()) {
            String lang = m.group(1).toLowerCase(Locale.ROOT);
            if (chosen == null || lang.equals("sql")) {
                chosen = m.group(2);
                if (lang.equals("sql")) {
                    break;
                }
            }
        }
        if (chosen == null) {
            // an inline `SELECT ...` in single backticks
            String t = text.strip();
            if (t.length() > 2 && t.startsWith("`") && t.endsWith("`") && t.indexOf('`', 1) == t.length() - 1) {
                chosen = t.substring(1, t.length() - 1);
            } else {
                chosen = dropLeadingProse(text);
            }
        }
        return stripTrailingSemicolons(dropTrailingProse(chosen.strip()));
    }

    private static final java.util.Set<String> STATEMENT_WORDS = java.util.Set.of("SELECT", "WITH", "VALUES",
            "PRAGMA", "ATTACH", "DETACH", "VACUUM", "INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP",
            "ALTER", "REINDEX", "ANALYZE", "BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE", "EXPLAIN",
            "BACKUP", "RESTORE", "UPSERT");

    /**
     * "SELECT ...; This handles ties." keeps only the query. Text after the first semicolon is dropped
     * only when it reads like prose; another statement is kept so that the pre-filter refuses it.
     */
    private static String dropTrailingProse(String sql) {
        List<SqlLexer.Token> tokens = SqlLexer.lex(sql);
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).kind() != SqlLexer.Kind.SEMI) {
                continue;
            }
            for (int k = i + 1; k < tokens.size(); k++) {
                SqlLexer.Token t = tokens.get(k);
                if (!t.significant() || t.kind() == SqlLexer.Kind.SEMI) {
                    continue;
                }
                boolean prose = t.kind() == SqlLexer.Kind.WORD && !STATEMENT_WORDS.contains(t.upper());
                return prose ? sql.substring(0, tokens.get(i).start()) : sql;
            }
            return sql;
        }
        return sql;
    }

    /** Lines of explanation before the first line that looks like the start of a query. */
    private static String dropLeadingProse(String text) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (STARTS_SQL.matcher(lines.get(i)).find()) {
                return String.join("\n", lines.subList(i, lines.size()));
            }
            // "My answer: SELECT ..." on one line
            Matcher inline = Pattern.compile("(?i)\\b(select|with)\\b").matcher(lines.get(i));
            if (inline.find() && lines.get(i).substring(0, inline.start()).strip().endsWith(":")) {
                return lines.get(i).substring(inline.start()) + "\n"
                        + String.join("\n", lines.subList(i + 1, lines.size()));
            }
        }
        return text;
    }

    static String stripTrailingSemicolons(String sql) {
        List<SqlLexer.Token> tokens = SqlLexer.lex(sql);
        int end = tokens.size();
        // drop trailing whitespace, semicolons and complete comments ("SELECT 1; -- done")
        while (end > 0 && (tokens.get(end - 1).kind() == SqlLexer.Kind.SPACE
                || tokens.get(end - 1).kind() == SqlLexer.Kind.SEMI
                || (tokens.get(end - 1).kind() == SqlLexer.Kind.COMMENT && tokens.get(end - 1).closed()))) {
            end--;
        }
        return SqlLexer.join(tokens.subList(0, end));
    }

    private static String unescapeChat(String s) {
        return s.replace('\u2018', '\'').replace('\u2019', '\'').replace('\u201C', '"').replace('\u201D', '"')
                .replace('\u00A0', ' ').replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
