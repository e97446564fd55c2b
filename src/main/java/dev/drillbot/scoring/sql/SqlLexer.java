package dev.drillbot.scoring.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits SQL into tokens the way PostgreSQL and DuckDB do (nested block comments, dollar-quoted and
 * E'' strings; no [bracket] or `backtick` quoting), so that the pre-filter and the dialect rewrite
 * never mistake text inside quotes or comments for keywords ({@code SELECT ';' /* ; DROP *}{@code /}
 * is one harmless statement).
 */
final class SqlLexer {
    enum Kind { WORD, QUOTED_ID, STRING, NUMBER, BLOB, PARAM, OP, LPAREN, RPAREN, COMMA, SEMI, DOT, COMMENT, SPACE }

    /** @param closed false for a quote or block comment that runs to the end of the text */
    record Token(Kind kind, String text, int start, boolean closed) {
        boolean significant() {
            return kind != Kind.SPACE && kind != Kind.COMMENT;
        }

        boolean isWord(String w) {
            return kind == Kind.WORD && text.equalsIgnoreCase(w);
        }

        String upper() {
            return text.toUpperCase(Locale.ROOT);
        }

        boolean isOp(String op) {
            return kind == Kind.OP && text.equals(op);
        }
    }

    private SqlLexer() {}

    static List<Token> lex(String sql) {
        List<Token> out = new ArrayList<>();
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            int start = i;
            if (Character.isWhitespace(c)) {
                while (i < n && Character.isWhitespace(sql.charAt(i))) {
                    i++;
                }
                out.add(new Token(Kind.SPACE, sql.substring(start, i), start, true));
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
                out.add(new Token(Kind.COMMENT, sql.substring(start, i), start, true));
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                // block comments nest, as in PostgreSQL and DuckDB
                int depth = 0;
                boolean closed = false;
                while (i < n) {
                    if (sql.startsWith("/*", i)) {
                        depth++;
                        i += 2;
                    } else if (sql.startsWith("*/", i)) {
                        depth--;
                        i += 2;
                        if (depth == 0) {
                            closed = true;
                            break;
                        }
                    } else {
                        i++;
                    }
                }
                out.add(new Token(Kind.COMMENT, sql.substring(start, i), start, closed));
            } else if (c == '\'') {
                i = quoted(sql, i, '\'');
                out.add(new Token(Kind.STRING, sql.substring(start, Math.min(i, n)), start, i <= n));
                i = Math.min(i, n);
            } else if ((c == 'x' || c == 'X') && i + 1 < n && sql.charAt(i + 1) == '\'') {
                i = quoted(sql, i + 1, '\'');
                out.add(new Token(Kind.BLOB, sql.substring(start, Math.min(i, n)), start, i <= n));
                i = Math.min(i, n);
            } else if (c == '"') {
                i = quoted(sql, i, c);
                out.add(new Token(Kind.QUOTED_ID, sql.substring(start, Math.min(i, n)), start, i <= n));
                i = Math.min(i, n);
            } else if ((c == 'e' || c == 'E') && i + 1 < n && sql.charAt(i + 1) == '\'') {
                // E'...': backslash escapes, as in PostgreSQL
                i += 2;
                while (i < n && sql.charAt(i) != '\'') {
                    i += sql.charAt(i) == '\\' ? 2 : 1;
                }
                boolean closed = i < n;
                i = Math.min(i + 1, n);
                out.add(new Token(Kind.STRING, sql.substring(start, i), start, closed));
            } else if (c == '$' && dollarTag(sql, i) > 0) {
                // $$...$$ and $tag$...$tag$ strings
                String tag = sql.substring(i, dollarTag(sql, i));
                int end = sql.indexOf(tag, i + tag.length());
                i = end < 0 ? n : end + tag.length();
                out.add(new Token(Kind.STRING, sql.substring(start, i), start, end >= 0));
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(sql.charAt(i + 1)))) {
                i++;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.' || sql.charAt(i) == '_'
                        || ((sql.charAt(i) == '+' || sql.charAt(i) == '-')
                                && (sql.charAt(i - 1) == 'e' || sql.charAt(i - 1) == 'E')))) {
                    i++;
                }
                out.add(new Token(Kind.NUMBER, sql.substring(start, i), start, true));
            } else if (isIdentStart(c)) {
                while (i < n && isIdentPart(sql.charAt(i))) {
                    i++;
                }
                out.add(new Token(Kind.WORD, sql.substring(start, i), start, true));
            } else if (c == '?' || (c == '$' && i + 1 < n && Character.isDigit(sql.charAt(i + 1)))
                    || (c == ':' && i + 1 < n && isIdentStart(sql.charAt(i + 1)))) {
                i++;
                while (i < n && isIdentPart(sql.charAt(i))) {
                    i++;
                }
                out.add(new Token(Kind.PARAM, sql.substring(start, i), start, true));
            } else if (c == '(') {
                out.add(new Token(Kind.LPAREN, "(", start, true));
                i++;
            } else if (c == ')') {
                out.add(new Token(Kind.RPAREN, ")", start, true));
                i++;
            } else if (c == ',') {
                out.add(new Token(Kind.COMMA, ",", start, true));
                i++;
            } else if (c == ';') {
                out.add(new Token(Kind.SEMI, ";", start, true));
                i++;
            } else if (c == '.') {
                out.add(new Token(Kind.DOT, ".", start, true));
                i++;
            } else {
                String two = i + 1 < n ? sql.substring(i, i + 2) : "";
                String three = i + 2 < n ? sql.substring(i, i + 3) : "";
                int len = three.equals("->>") ? 3
                        : switch (two) {
                            case "||", "<=", ">=", "<>", "!=", "==", "<<", ">>", "->", "::", "~*", "!~", "=>" -> 2;
                            default -> 1;
                        };
                i += len;
                out.add(new Token(Kind.OP, sql.substring(start, i), start, true));
            }
        }
        return out;
    }

    /** For a dollar-quote opening ($$ or $tag$) at {@code i}: the index just past it, else -1. */
    private static int dollarTag(String sql, int i) {
        int j = i + 1;
        while (j < sql.length() && (Character.isLetter(sql.charAt(j)) || sql.charAt(j) == '_'
                || (j > i + 1 && Character.isDigit(sql.charAt(j))))) {
            j++;
        }
        return j < sql.length() && sql.charAt(j) == '$' ? j + 1 : -1;
    }

    /** Index just past the closing quote (doubled quotes escape), or length+1 when unterminated. */
    private static int quoted(String sql, int open, char q) {
        int i = open + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == q) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == q) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length() + 1;
    }

    static boolean isIdentStart(char c) {
        return Character.isLetter(c) || c == '_' || c > 127;
    }

    static boolean isIdentPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c > 127;
    }

    static List<Token> significant(List<Token> tokens) {
        return tokens.stream().filter(Token::significant).toList();
    }

    static String join(List<Token> tokens) {
        StringBuilder sb = new StringBuilder();
        tokens.forEach(t -> sb.append(t.text()));
        return sb.toString();
    }
}
