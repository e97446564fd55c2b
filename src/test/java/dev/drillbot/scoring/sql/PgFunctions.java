package dev.drillbot.scoring.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;
import org.sqlite.Function;

/**
 * PostgreSQL / Redshift functions that SQLite lacks, registered on every sandbox connection. Dates
 * are SQLite text ({@code 2024-01-31} or {@code 2024-01-31 13:45:00}); a date stays a date when the
 * operation cannot introduce a time, so that {@code DATE_TRUNC('month', d)} compares equal to
 * {@code strftime('%Y-%m-01', d)}.
 */
final class PgFunctions {
    private static final int INTEGER = 1;
    private static final int FLOAT = 2;
    private static final int TEXT = 3;
    private static final int NULL = 5;
    private static final int MAX_PATTERN = 1000;
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private PgFunctions() {}

    static void register(Connection c, Deadline deadline) throws SQLException {
        Map<String, Pattern> patterns = new HashMap<>();
        int det = Function.FLAG_DETERMINISTIC;
        Function.create(c, "date_trunc", new Fn((f, a) -> f.dateOut(truncate(f.text(0), f.date(1)), isDayOrLonger(f.text(0)))), 2, det);
        Function.create(c, "date_part", new Fn((f, a) -> f.resultPart(f.text(0), f.date(1))), 2, det);
        Function.create(c, "datepart", new Fn((f, a) -> f.resultPart(f.text(0), f.date(1))), 2, det);
        // date +/- something only known when the query runs: a number of days, or another date
        Function.create(c, "pg_date_arith", new Fn((f, a) -> dateArith(f, f.text(1))), 3, det);
        Function.create(c, "datediff", new Fn((f, a) -> f.resultLong(diff(f.text(0), f.date(1), f.date(2)))), 3, det);
        Function.create(c, "dateadd", new Fn((f, a) -> f.dateOut(add(f.text(0), f.num(1), f.date(2)),
                isDayOrLonger(f.text(0)) && f.date(2).dateOnly)), 3, det);
        Function.create(c, "pg_add", new Fn((f, a) -> {
            Interval iv = Interval.parse(f.text(1));
            Stamp s = f.date(0);
            f.dateOut(iv.apply(s), s.dateOnly && iv.dateOnly());
        }), 2, det);
        // Redshift TRUNC: a date or timestamp gives its date; a number is truncated towards zero (to n places)
        Function.create(c, "pg_trunc", new Fn((f, a) -> {
            if (a < 1 || a > 2) {
                throw new IllegalArgumentException("TRUNC takes 1 or 2 arguments, not " + a);
            }
            Stamp s = f.type(0) == TEXT ? Stamp.tryParse(f.text(0)) : null;
            if (s != null) {
                f.resultText(s.at().toLocalDate().toString());
                return;
            }
            double v = f.num(0);
            int places = a == 2 ? (int) f.num(1) : 0;
            double scale = Math.pow(10, places);
            double cut = (v < 0 ? Math.ceil(v * scale) : Math.floor(v * scale)) / scale;
            if (places <= 0 && f.type(0) == INTEGER) {
                f.resultLong((long) cut);
            } else {
                f.resultDouble(cut);
            }
        }), -1, det);
        // Redshift LAST_DAY: the last day of the month
        Function.create(c, "last_day", new Fn((f, a) -> f.resultText(
                f.date(0).at().toLocalDate().with(TemporalAdjusters.lastDayOfMonth()).toString())), 1, det);
        // Redshift / Oracle DECODE(x, search1, result1, ..., [default]); NULL matches NULL
        Function.create(c, "decode", new Fn((f, a) -> {
            if (a < 3) {
                throw new IllegalArgumentException("DECODE takes an expression and at least one search/result pair");
            }
            for (int k = 1; k + 1 < a; k += 2) {
                if (f.sameValue(0, k)) {
                    f.passThrough(k + 1);
                    return;
                }
            }
            f.passThrough(a % 2 == 0 ? a - 1 : -1);
        }), -1, det);
        // TO_DATE(text, format) with the TO_CHAR elements YYYY, MM, DD (and MON)
        Function.create(c, "to_date", new Fn((f, a) -> f.resultText(toDate(f.text(0), f.text(1)))), 2, det);
        // Redshift: the last day of a month stays the last day (Feb 29 + 1 month is Mar 31)
        Function.create(c, "add_months", new Fn((f, a) -> {
            Stamp s = f.date(0);
            LocalDateTime shifted = s.at().plusMonths((long) f.num(1));
            if (s.at().toLocalDate().equals(s.at().toLocalDate().with(TemporalAdjusters.lastDayOfMonth()))) {
                shifted = shifted.with(TemporalAdjusters.lastDayOfMonth());
            }
            f.dateOut(shifted, s.dateOnly());
        }), 2, det);
        // x - n * INTERVAL '1 day': the interval taken n times
        Function.create(c, "pg_add_n", new Fn((f, a) -> {
            Interval iv = Interval.parse(f.text(1));
            long n = (long) f.num(2);
            Stamp s = f.date(0);
            Interval times = new Interval(iv.sign(), iv.years() * n, iv.months() * n, iv.days() * n, iv.seconds() * n);
            f.dateOut(times.apply(s), s.dateOnly() && iv.dateOnly());
        }), 3, det);
        Function.create(c, "to_char", new Fn((f, a) -> f.resultText(toChar(f.date(0), f.text(1)))), 2, det);
        // PostgreSQL rounds half away from zero when casting to an integer; SQLite truncates
        Function.create(c, "pg_int", new Fn((f, a) -> {
            double v = f.num(0);
            f.resultLong(v < 0 ? -Math.round(-v) : Math.round(v));
        }), 1, det);
        Function.create(c, "nvl", new Fn((f, a) -> f.passThrough(f.type(0) != NULL ? 0 : 1)), 2, det);
        Function.create(c, "greatest", new Fn((f, a) -> f.passThrough(f.extreme(a, 1))), -1, det);
        Function.create(c, "least", new Fn((f, a) -> f.passThrough(f.extreme(a, -1))), -1, det);
        Function.create(c, "split_part", new Fn((f, a) -> f.resultText(splitPart(f.text(0), f.text(1),
                (int) f.num(2)))), 3, det);
        Function.create(c, "btrim", new Fn((f, a) -> f.resultText(a == 1 ? f.text(0).strip()
                : trimChars(f.text(0), f.text(1)))), -1, det);
        Function.create(c, "strpos", new Fn((f, a) -> f.resultLong(position(f.text(1), f.text(0)))), 2, det);
        Function.create(c, "charindex", new Fn((f, a) -> f.resultLong(position(f.text(0), f.text(1)))), 2, det);
        // LEN (Redshift), CHAR_LENGTH, CHARACTER_LENGTH: characters, not bytes
        for (String name : java.util.List.of("len", "char_length", "character_length")) {
            Function.create(c, name, new Fn((f, a) -> f.resultLong(f.text(0).codePointCount(0, f.text(0).length()))),
                    1, det);
        }
        Function.create(c, "nvl2", new Fn((f, a) -> f.passThrough(f.type(0) != NULL ? 1 : 2)), 3, det);
        Function.create(c, "initcap", new Fn((f, a) -> f.resultText(initcap(f.text(0)))), 1, det);
        Function.create(c, "lpad", new Fn((f, a) -> f.resultText(pad(f.text(0), (int) f.num(1),
                a > 2 ? f.text(2) : " ", true))), -1, det);
        Function.create(c, "rpad", new Fn((f, a) -> f.resultText(pad(f.text(0), (int) f.num(1),
                a > 2 ? f.text(2) : " ", false))), -1, det);
        Function.create(c, "left", new Fn((f, a) -> f.resultText(left(f.text(0), (int) f.num(1)))), 2, det);
        Function.create(c, "right", new Fn((f, a) -> f.resultText(right(f.text(0), (int) f.num(1)))), 2, det);
        // X REGEXP Y calls regexp(Y, X); ILIKE is rewritten to REGEXP pg_like_re(pattern)
        Function.create(c, "regexp", new Fn((f, a) -> f.resultLong(
                f.regex(patterns, f.text(0), 0).matcher(f.guarded(f.text(1), deadline)).find() ? 1 : 0)), 2, det);
        Function.create(c, "regexp_like", new Fn((f, a) -> f.resultLong(
                f.regex(patterns, f.text(1), 0).matcher(f.guarded(f.text(0), deadline)).find() ? 1 : 0)), 2, det);
        Function.create(c, "regexp_substr", new Fn((f, a) -> {
            Matcher m = f.regex(patterns, f.text(1), 0).matcher(f.guarded(f.text(0), deadline));
            f.resultText(m.find() ? m.group() : null);
        }), 2, det);
        Function.create(c, "regexp_replace", new Fn((f, a) -> f.resultText(regexpReplace(f, a, patterns, deadline))),
                -1, det);
        // SUBSTRING(s FROM 'pattern'): the first parenthesised group's match, or the whole match
        Function.create(c, "pg_substring_re", new Fn((f, a) -> {
            Matcher m = f.regex(patterns, f.text(1), 0).matcher(f.guarded(f.text(0), deadline));
            f.resultText(!m.find() ? null : m.groupCount() > 0 ? m.group(1) : m.group());
        }), 2, det);
        Function.create(c, "pg_like_re", new Fn((f, a) -> f.resultText("(?iu)\\A" + likeToRegex(f.text(0))
                + "\\z")), 1, det);
    }

    // ---- the functions' logic, plain Java ----

    /**
     * REGEXP_REPLACE in both dialects: three arguments replace every match (Redshift); a fourth text argument
     * is PostgreSQL's flags ({@code g} every match, otherwise the first; {@code i} ignores case); a fourth
     * number is Redshift's start position, optionally followed by its parameters ({@code i} / {@code c}).
     */
    private static String regexpReplace(Fn f, int args, Map<String, Pattern> patterns, Deadline deadline)
            throws SQLException {
        if (args < 3 || args > 5) {
            throw new IllegalArgumentException("REGEXP_REPLACE takes 3 to 5 arguments (source, pattern, replacement"
                    + " [, flags]), not " + args);
        }
        String source = f.text(0);
        String replacement = f.text(2).replace("\\", "$");
        boolean all = true;
        int from = 0;
        String flags = "";
        if (args >= 4 && f.type(3) == TEXT && !isNumber(f.text(3))) {
            flags = f.text(3);
            all = flags.contains("g");
        } else if (args >= 4) {
            from = Math.max(0, Math.min(source.length(), (int) f.num(3) - 1));
            flags = args == 5 ? f.text(4) : "";
        }
        int ci = flags.contains("i") && !flags.endsWith("c") ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0;
        Matcher m = f.regex(patterns, f.text(1), ci).matcher(f.guarded(source.substring(from), deadline));
        return source.substring(0, from) + (all ? m.replaceAll(replacement) : m.replaceFirst(replacement));
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * PostgreSQL's date arithmetic where the right side is an expression: date ± whole days gives a date,
     * date − date gives the days between them, date − timestamp an INTERVAL (named, not supported).
     */
    private static void dateArith(Fn f, String op) throws SQLException {
        int type = f.type(2);
        if (type == NULL || f.type(0) == NULL) {
            f.resultText(null);
            return;
        }
        Stamp left = f.type(0) == TEXT ? Stamp.tryParse(f.text(0)) : null;
        Stamp rightDate = type == TEXT ? Stamp.tryParse(f.text(2)) : null;
        if (left == null && rightDate != null && op.equals("+")) {
            // 7 + order_date: a number of days plus a date is a date
            f.dateOut(rightDate.at().plusDays((long) f.number(0).doubleValue()), rightDate.dateOnly());
            return;
        }
        if (left == null) {
            // not a date after all (amount - discount, or (d1 - d2) + 1): plain arithmetic, as SQLite does it
            Number a = f.number(0);
            Number b = f.number(2);
            if (a instanceof Long x && b instanceof Long y) {
                f.resultLong(op.equals("-") ? x - y : x + y);
            } else {
                f.resultDouble(op.equals("-") ? a.doubleValue() - b.doubleValue() : a.doubleValue() + b.doubleValue());
            }
            return;
        }
        String right = f.text(2);
        if (type == INTEGER || type == FLOAT || isNumber(right)) {
            long days = (long) f.num(2);
            f.dateOut(left.at().plusDays(op.equals("-") ? -days : days), left.dateOnly());
            return;
        }
        Stamp other = f.date(2);
        if (!op.equals("-")) {
            throw new IllegalArgumentException("a date cannot be added to a date; add a number of days or an INTERVAL");
        }
        if (!left.dateOnly() || !other.dateOnly()) {
            throw new IllegalArgumentException("subtracting timestamps gives an INTERVAL in PostgreSQL, which is not"
                    + " supported here; use DATEDIFF(minute, start, end)");
        }
        f.resultLong(ChronoUnit.DAYS.between(other.at(), left.at()));
    }

    /** A parsed date or timestamp and whether it was written without a time. */
    record Stamp(LocalDateTime at, boolean dateOnly) {
        /** The date or timestamp in {@code s}, or null when it is not one (a number, a name). */
        static Stamp tryParse(String s) {
            String t = s.strip();
            if (t.length() < 10 || t.charAt(4) != '-' || !Character.isDigit(t.charAt(0))) {
                return null;
            }
            try {
                return parse(t);
            } catch (RuntimeException e) {
                return null;
            }
        }

        static Stamp parse(String s) {
            String t = s.strip();
            if (t.length() == 10) {
                return new Stamp(LocalDate.parse(t).atStartOfDay(), true);
            }
            String iso = t.replace(' ', 'T');
            if (iso.length() == 16) {
                iso = iso + ":00";
            }
            if (iso.endsWith("Z")) {
                iso = iso.substring(0, iso.length() - 1);
            }
            return new Stamp(LocalDateTime.parse(iso), false);
        }
    }

    static LocalDateTime truncate(String unit, Stamp s) {
        LocalDateTime t = s.at();
        return switch (unit(unit)) {
            case "second" -> t.truncatedTo(ChronoUnit.SECONDS);
            case "minute" -> t.truncatedTo(ChronoUnit.MINUTES);
            case "hour" -> t.truncatedTo(ChronoUnit.HOURS);
            case "day" -> t.truncatedTo(ChronoUnit.DAYS);
            case "week" -> t.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay();
            case "month" -> t.toLocalDate().withDayOfMonth(1).atStartOfDay();
            case "quarter" -> LocalDate.of(t.getYear(), (t.getMonthValue() - 1) / 3 * 3 + 1, 1).atStartOfDay();
            case "year" -> LocalDate.of(t.getYear(), 1, 1).atStartOfDay();
            default -> throw new IllegalArgumentException("date_trunc does not know the unit '" + unit + "'");
        };
    }

    static long part(String unit, Stamp s) {
        LocalDateTime t = s.at();
        return switch (unit(unit)) {
            case "year" -> t.getYear();
            case "quarter" -> (t.getMonthValue() - 1) / 3 + 1;
            case "month" -> t.getMonthValue();
            case "week" -> t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            case "day" -> t.getDayOfMonth();
            case "dow" -> t.getDayOfWeek().getValue() % 7;
            case "isodow" -> t.getDayOfWeek().getValue();
            case "doy" -> t.getDayOfYear();
            case "hour" -> t.getHour();
            case "minute" -> t.getMinute();
            case "second" -> t.getSecond();
            case "epoch" -> t.toEpochSecond(java.time.ZoneOffset.UTC);
            default -> throw new IllegalArgumentException("date_part does not know the unit '" + unit + "'");
        };
    }

    /** Redshift DATEDIFF: the number of unit boundaries crossed going from a to b. */
    static long diff(String unit, Stamp a, Stamp b) {
        String u = unit(unit);
        if (u.equals("week")) {
            return ChronoUnit.WEEKS.between(truncate("week", a), truncate("week", b));
        }
        if (u.equals("month") || u.equals("quarter") || u.equals("year")) {
            long months = (b.at().getYear() * 12L + b.at().getMonthValue()) - (a.at().getYear() * 12L
                    + a.at().getMonthValue());
            return switch (u) {
                case "month" -> months;
                case "quarter" -> (b.at().getYear() * 4L + (b.at().getMonthValue() - 1) / 3)
                        - (a.at().getYear() * 4L + (a.at().getMonthValue() - 1) / 3);
                default -> (long) b.at().getYear() - a.at().getYear();
            };
        }
        ChronoUnit cu = switch (u) {
            case "day" -> ChronoUnit.DAYS;
            case "hour" -> ChronoUnit.HOURS;
            case "minute" -> ChronoUnit.MINUTES;
            case "second" -> ChronoUnit.SECONDS;
            default -> throw new IllegalArgumentException("datediff does not know the unit '" + unit + "'");
        };
        return cu.between(truncate(u, a), truncate(u, b));
    }

    static LocalDateTime add(String unit, double n, Stamp s) {
        long k = (long) n;
        LocalDateTime t = s.at();
        return switch (unit(unit)) {
            case "second" -> t.plusSeconds(k);
            case "minute" -> t.plusMinutes(k);
            case "hour" -> t.plusHours(k);
            case "day" -> t.plusDays(k);
            case "week" -> t.plusWeeks(k);
            case "month" -> t.plusMonths(k);
            case "quarter" -> t.plusMonths(3 * k);
            case "year" -> t.plusYears(k);
            default -> throw new IllegalArgumentException("dateadd does not know the unit '" + unit + "'");
        };
    }

    static boolean isDayOrLonger(String unit) {
        return switch (unit(unit)) {
            case "day", "week", "month", "quarter", "year" -> true;
            default -> false;
        };
    }

    /** Unit names as PostgreSQL and Redshift accept them: plural, abbreviated, any case. */
    static String unit(String u) {
        String s = u == null ? "" : u.strip().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "s", "sec", "secs", "second", "seconds" -> "second";
            case "m", "min", "mins", "minute", "minutes" -> "minute";
            case "h", "hr", "hrs", "hour", "hours" -> "hour";
            case "d", "day", "days" -> "day";
            case "w", "wk", "week", "weeks" -> "week";
            case "mon", "mons", "month", "months", "mm" -> "month";
            case "qtr", "quarter", "quarters" -> "quarter";
            case "y", "yr", "yrs", "year", "years", "yyyy" -> "year";
            case "dayofweek", "dow", "weekday" -> "dow";
            case "dayofyear", "doy" -> "doy";
            default -> s;
        };
    }

    /** An interval such as {@code '+7 days'}, {@code '-1 month'} or {@code '1 year 2 months'}. */
    record Interval(int sign, long years, long months, long days, long seconds) {
        static Interval parse(String text) {
            String s = text.strip().toLowerCase(Locale.ROOT);
            int sign = 1;
            if (s.startsWith("-")) {
                sign = -1;
                s = s.substring(1).strip();
            } else if (s.startsWith("+")) {
                s = s.substring(1).strip();
            }
            long y = 0, mo = 0, d = 0, sec = 0;
            Matcher m = Pattern.compile("(-?\\d+(?:\\.\\d+)?)\\s*([a-z]+)").matcher(s);
            int at = 0;
            while (m.find()) {
                if (!s.substring(at, m.start()).isBlank()) {
                    throw new IllegalArgumentException("cannot read the interval '" + text + "'");
                }
                at = m.end();
                String unit = unit(m.group(2));
                if (m.group(1).contains(".")) {
                    // '0.5 hours', '1.5 days': PostgreSQL keeps the fraction as time
                    double f = Double.parseDouble(m.group(1));
                    double perUnit = switch (unit) {
                        case "week" -> 7 * 86_400;
                        case "day" -> 86_400;
                        case "hour" -> 3_600;
                        case "minute" -> 60;
                        case "second" -> 1;
                        default -> throw new IllegalArgumentException("cannot read the interval '" + text
                                + "': a fraction of a " + unit + " has no fixed length");
                    };
                    sec += Math.round(f * perUnit);
                    continue;
                }
                long v = Long.parseLong(m.group(1));
                switch (unit) {
                    case "year" -> y += v;
                    case "quarter" -> mo += 3 * v;
                    case "month" -> mo += v;
                    case "week" -> d += 7 * v;
                    case "day" -> d += v;
                    case "hour" -> sec += 3600 * v;
                    case "minute" -> sec += 60 * v;
                    case "second" -> sec += v;
                    default -> throw new IllegalArgumentException("cannot read the interval '" + text + "'");
                }
            }
            if (at == 0 || !s.substring(at).isBlank()) {
                throw new IllegalArgumentException("cannot read the interval '" + text + "'");
            }
            return new Interval(sign, y, mo, d, sec);
        }

        boolean dateOnly() {
            return seconds == 0;
        }

        LocalDateTime apply(Stamp s) {
            return s.at().plusYears(sign * years).plusMonths(sign * months).plusDays(sign * days)
                    .plusSeconds(sign * seconds);
        }
    }

    /**
     * PostgreSQL's TO_CHAR for dates: names follow the pattern's case (MON → JAN, Mon → Jan, mon → jan) and
     * MONTH / DAY are blank-padded to 9 characters unless prefixed with FM; text in double quotes is copied.
     */
    static String toChar(Stamp s, String format) {
        LocalDateTime t = s.at();
        StringBuilder out = new StringBuilder();
        int i = 0;
        String f = format;
        boolean fill = true;
        while (i < f.length()) {
            String rest = f.substring(i);
            String up = rest.toUpperCase(Locale.ROOT);
            if (f.charAt(i) == '"') {
                int close = f.indexOf('"', i + 1);
                if (close < 0) {
                    throw new IllegalArgumentException("to_char: the quoted text in '" + format + "' is not closed");
                }
                out.append(f, i + 1, close);
                i = close + 1;
                continue;
            }
            if (up.startsWith("FM")) {
                fill = false;
                i += 2;
                continue;
            }
            String element = Stream.of("YYYY", "YY", "MONTH", "MON", "MM", "MI", "DAY", "DDD", "DD", "DY", "D",
                    "HH24", "HH12", "HH", "SS", "IW", "Q", "AM", "PM").filter(up::startsWith).findFirst()
                    .orElse(null);
            if (element == null) {
                if (Character.isLetter(f.charAt(i))) {
                    throw new IllegalArgumentException("to_char: the format element at '" + rest + "' is not supported");
                }
                out.append(f.charAt(i));
                i++;
                continue;
            }
            String written = f.substring(i, i + element.length());
            int hour12 = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
            out.append(switch (element) {
                case "YYYY" -> String.format("%04d", t.getYear());
                case "YY" -> String.format("%02d", t.getYear() % 100);
                case "MONTH" -> pad(cased(t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH), written), fill);
                case "MON" -> cased(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH), written);
                case "MM" -> String.format(fill ? "%02d" : "%d", t.getMonthValue());
                case "MI" -> String.format("%02d", t.getMinute());
                case "DAY" -> pad(cased(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH), written), fill);
                case "DDD" -> String.format(fill ? "%03d" : "%d", t.getDayOfYear());
                case "DD" -> String.format(fill ? "%02d" : "%d", t.getDayOfMonth());
                case "DY" -> cased(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH), written);
                case "D" -> String.valueOf(t.getDayOfWeek().getValue() % 7 + 1);
                case "HH24" -> String.format(fill ? "%02d" : "%d", t.getHour());
                case "HH12", "HH" -> String.format(fill ? "%02d" : "%d", hour12);
                case "SS" -> String.format("%02d", t.getSecond());
                case "IW" -> String.format(fill ? "%02d" : "%d", t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
                case "Q" -> String.valueOf((t.getMonthValue() - 1) / 3 + 1);
                default -> cased(t.getHour() < 12 ? "AM" : "PM", written); // AM, PM
            });
            i += element.length();
        }
        return out.toString();
    }

    /** TO_DATE: reads {@code text} with a PostgreSQL date format (YYYY, YY, MM, MON, DD; other characters literal). */
    static String toDate(String text, String format) {
        StringBuilder pattern = new StringBuilder();
        String up = format.toUpperCase(Locale.ROOT);
        for (int i = 0; i < up.length(); ) {
            String rest = up.substring(i);
            if (rest.startsWith("YYYY")) { pattern.append("uuuu"); i += 4; }
            else if (rest.startsWith("YY")) { pattern.append("uu"); i += 2; }
            else if (rest.startsWith("MON")) { pattern.append("MMM"); i += 3; }
            else if (rest.startsWith("MM")) { pattern.append("MM"); i += 2; }
            else if (rest.startsWith("DD")) { pattern.append("dd"); i += 2; }
            else if (Character.isLetter(up.charAt(i))) {
                throw new IllegalArgumentException("to_date: the format element at '" + format.substring(i)
                        + "' is not supported (YYYY, YY, MM, MON, DD are)");
            } else { pattern.append('\'').append(up.charAt(i)).append('\''); i++; }
        }
        DateTimeFormatter fmt = new java.time.format.DateTimeFormatterBuilder().parseCaseInsensitive()
                .appendPattern(pattern.toString()).toFormatter(Locale.ENGLISH);
        try {
            return LocalDate.parse(text.strip(), fmt).toString();
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("to_date: '" + text + "' does not match the format '" + format + "'");
        }
    }

    /** A name in the case the pattern was written in: JAN for MON, Jan for Mon, jan for mon. */
    private static String cased(String name, String written) {
        if (written.length() > 1 && Character.isUpperCase(written.charAt(0)) && Character.isUpperCase(written.charAt(1))) {
            return name.toUpperCase(Locale.ROOT);
        }
        if (Character.isUpperCase(written.charAt(0))) {
            return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1).toLowerCase(Locale.ROOT);
        }
        return name.toLowerCase(Locale.ROOT);
    }

    private static String pad(String name, boolean fill) {
        return fill ? String.format("%-9s", name) : name;
    }

    static String splitPart(String s, String delim, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("split_part: the field position must be 1 or more");
        }
        String[] parts = delim.isEmpty() ? new String[] {s} : s.split(Pattern.quote(delim), -1);
        return n <= parts.length ? parts[n - 1] : "";
    }

    static String left(String s, int n) {
        int cps = s.codePointCount(0, s.length());
        int k = n >= 0 ? Math.min(n, cps) : Math.max(0, cps + n);
        return s.substring(0, s.offsetByCodePoints(0, k));
    }

    static String right(String s, int n) {
        int cps = s.codePointCount(0, s.length());
        int k = n >= 0 ? Math.min(n, cps) : Math.max(0, cps + n);
        return s.substring(s.offsetByCodePoints(0, cps - k));
    }

    /** 1-based position of {@code sub} in {@code s}, 0 when absent (POSITION, STRPOS, CHARINDEX). */
    static long position(String sub, String s) {
        int at = s.indexOf(sub);
        return at < 0 ? 0 : s.codePointCount(0, at) + 1;
    }

    static String trimChars(String s, String chars) {
        int b = 0;
        int e = s.length();
        while (b < e && chars.indexOf(s.charAt(b)) >= 0) {
            b++;
        }
        while (e > b && chars.indexOf(s.charAt(e - 1)) >= 0) {
            e--;
        }
        return s.substring(b, e);
    }

    static String initcap(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean start = true;
        for (char ch : s.toCharArray()) {
            out.append(start ? Character.toUpperCase(ch) : Character.toLowerCase(ch));
            start = !Character.isLetterOrDigit(ch);
        }
        return out.toString();
    }

    /** PostgreSQL LPAD/RPAD: pad to {@code len} with {@code fill}, or cut to {@code len}. */
    static String pad(String s, int len, String fill, boolean left) {
        if (len > 10_000) {
            throw new IllegalArgumentException("lpad/rpad: length above 10000");
        }
        if (len <= s.length()) {
            return s.substring(0, Math.max(0, len));
        }
        if (fill.isEmpty()) {
            return s;
        }
        StringBuilder p = new StringBuilder();
        while (p.length() < len - s.length()) {
            p.append(fill);
        }
        p.setLength(len - s.length());
        return left ? p + s : s + p;
    }

    static String likeToRegex(String like) {
        StringBuilder re = new StringBuilder();
        for (char ch : like.toCharArray()) {
            switch (ch) {
                case '%' -> re.append(".*");
                case '_' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return re.toString();
    }

    // ---- bridging to org.sqlite.Function ----

    interface Body {
        void run(Fn f, int args) throws SQLException;
    }

    /** One registered function; NULL in any argument gives NULL (except NVL, GREATEST, LEAST). */
    static final class Fn extends Function {
        private final Body body;

        Fn(Body body) {
            this.body = body;
        }

        @Override
        protected void xFunc() throws SQLException {
            try {
                body.run(this, args());
            } catch (NullArgument e) {
                result();
            } catch (Deadline.Expired e) {
                error("interrupted");
            } catch (RuntimeException e) {
                String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                error(msg.length() > 200 ? msg.substring(0, 200) : msg);
            }
        }

        int type(int i) throws SQLException {
            return value_type(i);
        }

        String text(int i) throws SQLException {
            if (value_type(i) == NULL) {
                throw new NullArgument();
            }
            return value_text(i);
        }

        double num(int i) throws SQLException {
            if (value_type(i) == NULL) {
                throw new NullArgument();
            }
            return value_double(i);
        }

        Stamp date(int i) throws SQLException {
            String t = text(i);
            try {
                return Stamp.parse(t);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("'" + (t.length() > 30 ? t.substring(0, 30) : t)
                        + "' is not a date or timestamp (expected YYYY-MM-DD or YYYY-MM-DD HH:MM:SS)");
            }
        }

        void dateOut(LocalDateTime t, boolean asDate) throws SQLException {
            boolean midnight = t.toLocalTime().equals(LocalTime.MIDNIGHT);
            result(asDate || midnight ? t.toLocalDate().toString() : t.format(DATE_TIME));
        }

        void resultLong(long v) throws SQLException {
            result(v);
        }

        /** DECODE's match: equal numbers or equal text, and NULL matches NULL. */
        boolean sameValue(int i, int j) throws SQLException {
            if (value_type(i) == NULL || value_type(j) == NULL) {
                return value_type(i) == NULL && value_type(j) == NULL;
            }
            return compare(i, j) == 0;
        }

        /** Argument i as SQLite's arithmetic reads it: an integer, a real, or text by its numeric prefix. */
        Number number(int i) throws SQLException {
            switch (value_type(i)) {
                case INTEGER -> {
                    return value_long(i);
                }
                case FLOAT -> {
                    return value_double(i);
                }
                default -> {
                    String s = value_text(i).strip();
                    try {
                        return Long.parseLong(s);
                    } catch (NumberFormatException e) {
                        try {
                            return Double.parseDouble(s);
                        } catch (NumberFormatException e2) {
                            return 0L;
                        }
                    }
                }
            }
        }

        void resultDouble(double v) throws SQLException {
            result(v);
        }

        /** EXTRACT / DATE_PART: whole numbers, except epoch seconds, which PostgreSQL divides as a number. */
        void resultPart(String unit, Stamp s) throws SQLException {
            long v = part(unit, s);
            if (unit(unit).equals("epoch")) {
                result((double) v);
            } else {
                result(v);
            }
        }

        void resultText(String s) throws SQLException {
            if (s == null) {
                result();
            } else {
                result(s);
            }
        }

        /** Returns argument i unchanged, keeping its type. */
        void passThrough(int i) throws SQLException {
            if (i < 0 || value_type(i) == NULL) {
                result();
                return;
            }
            switch (value_type(i)) {
                case INTEGER -> result(value_long(i));
                case FLOAT -> result(value_double(i));
                case TEXT -> result(value_text(i));
                default -> result(value_blob(i));
            }
        }

        /** Index of the largest (dir 1) or smallest (dir -1) non-NULL argument, -1 if all are NULL. */
        int extreme(int n, int dir) throws SQLException {
            int best = -1;
            for (int i = 0; i < n; i++) {
                if (value_type(i) == NULL) {
                    continue;
                }
                if (best < 0 || dir * compare(i, best) > 0) {
                    best = i;
                }
            }
            return best;
        }

        private int compare(int i, int j) throws SQLException {
            boolean ni = value_type(i) == INTEGER || value_type(i) == FLOAT;
            boolean nj = value_type(j) == INTEGER || value_type(j) == FLOAT;
            if (ni && nj) {
                return Double.compare(value_double(i), value_double(j));
            }
            if (ni != nj) {
                return ni ? -1 : 1; // SQLite orders numbers before text
            }
            return value_text(i).compareTo(value_text(j));
        }

        Pattern regex(Map<String, Pattern> cache, String pattern, int flags) {
            if (pattern.length() > MAX_PATTERN) {
                throw new IllegalArgumentException("regular expression longer than " + MAX_PATTERN + " characters");
            }
            String key = flags + ":" + pattern;
            Pattern p = cache.get(key);
            if (p == null) {
                try {
                    p = Pattern.compile(pattern, flags | Pattern.DOTALL);
                } catch (PatternSyntaxException e) {
                    throw new IllegalArgumentException("invalid regular expression: " + e.getDescription());
                }
                if (cache.size() < 100) {
                    cache.put(key, p);
                }
            }
            return p;
        }

        /** Java regexes can backtrack for ever; this input checks the deadline while being read. */
        CharSequence guarded(String s, Deadline deadline) {
            return new Guarded(s, deadline);
        }
    }

    private static final class NullArgument extends RuntimeException {
        NullArgument() {
            super(null, null, false, false);
        }
    }

    private record Guarded(String s, Deadline deadline, int[] reads) implements CharSequence {
        Guarded(String s, Deadline deadline) {
            this(s, deadline, new int[1]);
        }

        @Override
        public int length() {
            return s.length();
        }

        @Override
        public char charAt(int index) {
            if ((++reads[0] & 0xFFF) == 0 && deadline.passed()) {
                throw new Deadline.Expired();
            }
            return s.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Guarded(s.substring(start, end), deadline, reads);
        }

        @Override
        public String toString() {
            return s;
        }
    }
}
