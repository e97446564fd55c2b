package dev.drillbot.scoring.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * PostgreSQL/Redshift date format pictures ({@code 'YYYY-MM'}, {@code 'FMMonth DD'}, {@code 'IYYY-IW'},
 * {@code 'Q'}) translated once, at rewrite time, into DuckDB expressions: {@code strftime} for what it
 * has, small expressions for the rest (quarter, day of week, fill mode, upper/lower-case names). The
 * picture is a literal in the answer, so translating it costs nothing at run time and nothing here
 * runs on data.
 */
final class FormatPicture {
    private FormatPicture() {}

    /** A piece of output: strftime directives and literal text, or an expression over {@code %V}. */
    private record Part(String strftime, String expr) {}

    /** {@code to_char(value, picture)} as a DuckDB expression, or empty for pictures this does not know. */
    static Optional<String> toChar(String value, String picture) {
        if (picture.matches(".*[09].*") && !picture.contains("\"")) {
            return Optional.empty(); // a number picture ('999D99'): not supported
        }
        List<Part> parts = new ArrayList<>();
        int elements = 0;
        int i = 0;
        while (i < picture.length()) {
            if (++elements > DuckDialect.MAX_FORMAT_ELEMENTS) {
                return Optional.empty();
            }
            boolean fm = false;
            if (picture.startsWith("FM", i) || picture.startsWith("fm", i)) {
                fm = true;
                i += 2;
            }
            String[] m = match(picture, i);
            if (m == null) {
                char c = picture.charAt(i);
                if (c == '"') {
                    int end = picture.indexOf('"', i + 1);
                    String text = end < 0 ? picture.substring(i + 1) : picture.substring(i + 1, end);
                    parts.add(new Part(text.replace("%", "%%"), null));
                    i = end < 0 ? picture.length() : end + 1;
                } else {
                    parts.add(new Part(c == '%' ? "%%" : String.valueOf(c), null));
                    i++;
                }
                continue;
            }
            String key = m[0];
            i += key.length();
            parts.add(part(key, fm));
        }
        StringBuilder out = new StringBuilder();
        StringBuilder fmt = new StringBuilder();
        for (Part p : parts) {
            if (p.strftime() != null) {
                fmt.append(p.strftime());
            } else {
                flush(out, fmt, value);
                out.append(out.length() > 0 ? " || " : "").append(p.expr().replace("%V", value));
            }
        }
        flush(out, fmt, value);
        return Optional.of(out.length() == 0 ? "''" : "(" + out + ")");
    }

    private static void flush(StringBuilder out, StringBuilder fmt, String value) {
        if (fmt.length() > 0) {
            out.append(out.length() > 0 ? " || " : "").append("strftime(").append(value).append(", ")
                    .append(DuckDialect.literal(fmt.toString())).append(")");
            fmt.setLength(0);
        }
    }

    private static final String[] KEYS = {"HH24", "HH12", "IYYY", "YYYY", "MONTH", "Month", "month", "DDD", "YYY",
            "MON", "Mon", "mon", "DAY", "Day", "day", "IW", "ID", "WW", "YY", "MM", "DD", "DY", "Dy", "dy", "HH",
            "MI", "SS", "MS", "US", "AM", "PM", "am", "pm", "Q", "D", "Y"};

    private static String[] match(String picture, int at) {
        for (String k : KEYS) {
            if (picture.startsWith(k, at)) {
                return new String[] {k};
            }
        }
        return null;
    }

    private static Part part(String key, boolean fm) {
        return switch (key) {
            case "YYYY" -> new Part("%Y", null);
            case "YYY" -> expr("right(strftime(%V, '%Y'), 3)");
            case "YY" -> new Part("%y", null);
            case "Y" -> expr("right(strftime(%V, '%Y'), 1)");
            case "IYYY" -> new Part("%G", null);
            case "MM" -> fm ? expr("CAST(month(%V) AS VARCHAR)") : new Part("%m", null);
            case "DD" -> fm ? expr("CAST(day(%V) AS VARCHAR)") : new Part("%d", null);
            case "DDD" -> fm ? expr("CAST(dayofyear(%V) AS VARCHAR)") : new Part("%j", null);
            case "HH24" -> fm ? expr("CAST(hour(%V) AS VARCHAR)") : new Part("%H", null);
            case "HH", "HH12" -> new Part("%I", null);
            case "MI" -> new Part("%M", null);
            case "SS" -> new Part("%S", null);
            case "MS" -> new Part("%g", null);
            case "US" -> new Part("%f", null);
            case "AM", "PM" -> new Part("%p", null);
            case "am", "pm" -> expr("lower(strftime(%V, '%p'))");
            case "MON" -> expr("upper(strftime(%V, '%b'))");
            case "Mon" -> new Part("%b", null);
            case "mon" -> expr("lower(strftime(%V, '%b'))");
            // full names are blank-padded to 9 characters unless FM is given, as in PostgreSQL
            case "MONTH" -> expr(pad("upper(strftime(%V, '%B'))", fm));
            case "Month" -> fm ? new Part("%B", null) : expr(pad("strftime(%V, '%B')", false));
            case "month" -> expr(pad("lower(strftime(%V, '%B'))", fm));
            case "DAY" -> expr(pad("upper(strftime(%V, '%A'))", fm));
            case "Day" -> fm ? new Part("%A", null) : expr(pad("strftime(%V, '%A')", false));
            case "day" -> expr(pad("lower(strftime(%V, '%A'))", fm));
            case "DY" -> expr("upper(strftime(%V, '%a'))");
            case "Dy" -> new Part("%a", null);
            case "dy" -> expr("lower(strftime(%V, '%a'))");
            case "IW" -> fm ? expr("CAST(weekofyear(%V) AS VARCHAR)") : new Part("%V", null);
            case "ID" -> expr("CAST(isodow(%V) AS VARCHAR)");
            case "D" -> expr("CAST(dayofweek(%V) + 1 AS VARCHAR)");
            case "Q" -> expr("CAST(quarter(%V) AS VARCHAR)");
            case "WW" -> expr(fm ? "CAST((dayofyear(%V) - 1) // 7 + 1 AS VARCHAR)"
                    : "lpad(CAST((dayofyear(%V) - 1) // 7 + 1 AS VARCHAR), 2, '0')");
            default -> throw new IllegalStateException(key);
        };
    }

    private static Part expr(String e) {
        return new Part(null, e);
    }

    private static String pad(String e, boolean fm) {
        return fm ? e : "rpad(" + e + ", 9, ' ')";
    }

    /** A {@code to_date}/{@code to_timestamp} picture as a {@code strptime} format, or empty. */
    static Optional<String> strptime(String picture) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        int elements = 0;
        while (i < picture.length()) {
            if (++elements > DuckDialect.MAX_FORMAT_ELEMENTS) {
                return Optional.empty();
            }
            if (picture.startsWith("FM", i) || picture.startsWith("fm", i)) {
                i += 2;
                continue;
            }
            String[] m = match(picture, i);
            if (m == null) {
                char c = picture.charAt(i);
                out.append(c == '%' ? "%%" : String.valueOf(c));
                i++;
                continue;
            }
            String code = switch (m[0]) {
                case "YYYY", "IYYY" -> "%Y";
                case "YY" -> "%y";
                case "MM" -> "%m";
                case "DD" -> "%d";
                case "DDD" -> "%j";
                case "HH24" -> "%H";
                case "HH", "HH12" -> "%I";
                case "MI" -> "%M";
                case "SS" -> "%S";
                case "MS" -> "%g";
                case "US" -> "%f";
                case "AM", "PM", "am", "pm" -> "%p";
                case "MON", "Mon", "mon" -> "%b";
                case "MONTH", "Month", "month" -> "%B";
                case "DY", "Dy", "dy" -> "%a";
                case "DAY", "Day", "day" -> "%A";
                default -> null;
            };
            if (code == null) {
                return Optional.empty();
            }
            out.append(code);
            i += m[0].length();
        }
        return Optional.of(out.toString());
    }
}
