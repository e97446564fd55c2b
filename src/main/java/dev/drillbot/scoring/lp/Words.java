package dev.drillbot.scoring.lp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Splits text into lower-case words the same way for answers and for rubric phrases. */
final class Words {
    private Words() {}

    static String normalise(String text) {
        return text.toLowerCase(Locale.ROOT).replace('’', '\'').replace('‘', '\'');
    }

    /**
     * Apostrophes stay inside words (wasn't, i've); hyphens split (end-to-end = end to end); dots and
     * commas only inside numbers (2.5, 1,200); "%", "$", "€", "£" and arrows are words of their own;
     * "6h" becomes "6", "h" so the unit matches like "6 h". A hand-written scanner rather than a regex:
     * it allocates only the words themselves, which keeps scoring cheap.
     */
    static List<String> tokenize(String lower) {
        List<String> out = new ArrayList<>();
        scan(lower, new Sink() {
            @Override
            public void word(String text, int from, int to) {
                out.add(text.substring(from, to));
            }

            @Override
            public void arrow() {
                out.add("→");
            }
        });
        return out;
    }

    /** Receives the words of {@link #scan} as ranges of the text, so a caller can look them up first. */
    interface Sink {
        /** The word {@code text.substring(from, to)}. */
        void word(String text, int from, int to);

        /** The word "→", written as "->". */
        void arrow();
    }

    /** The scanner behind {@link #tokenize}: the same words, as ranges. */
    static void scan(String lower, Sink out) {
        int n = lower.length();
        int i = 0;
        while (i < n) {
            char c = lower.charAt(i);
            if (isWordChar(c)) {
                int start = i;
                i++;
                while (i < n) {
                    char d = lower.charAt(i);
                    if (isWordChar(d)) {
                        i++;
                    } else if (d == '\'' && i + 1 < n && isWordChar(lower.charAt(i + 1))) {
                        i += 2;
                    } else if ((d == '.' || d == ',') && i + 1 < n && Character.isDigit(lower.charAt(i - 1))
                            && Character.isDigit(lower.charAt(i + 1))) {
                        i += 2;
                    } else {
                        break;
                    }
                }
                if (i - start == 2 && lower.startsWith("re", start) && i + 2 < n && lower.charAt(i) == '-'
                        && Character.isLetter(lower.charAt(i + 1))) {
                    // "re-run", "re-ingested": one verb, as "rerun" is ("re" alone would be read as a word of its own)
                    int end = i + 1;
                    while (end < n && isWordChar(lower.charAt(end))) {
                        end++;
                    }
                    String joined = "re" + lower.substring(i + 1, end);
                    out.word(joined, 0, joined.length());
                    i = end;
                    continue;
                }
                addWord(lower, start, i, out);
            } else if (c == '%' || c == '$' || c == '€' || c == '£' || c == '→') {
                out.word(lower, i, i + 1);
                i++;
            } else if (c == '&' && i > 0 && i + 1 < n && lower.charAt(i - 1) == ' ' && lower.charAt(i + 1) == ' ') {
                // "Invent & Simplify" says "and" (hostile round 32); "R&D" and "P&L" stay two letters
                out.word("and", 0, 3);
                i++;
            } else if (c == '-' && i + 1 < n && lower.charAt(i + 1) == '>') {
                out.arrow();
                i += 2;
            } else {
                i++;
            }
        }
    }

    private static boolean isWordChar(char c) {
        if (c < 128) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || c == '_';
        }
        return Character.isLetterOrDigit(c);
    }

    /** Adds a word, split in two when it is a number glued to a unit ("40min"). */
    private static void addWord(String text, int start, int end, Sink out) {
        if (Character.isDigit(text.charAt(start))) {
            int j = start;
            while (j < end && (Character.isDigit(text.charAt(j)) || text.charAt(j) == '.' || text.charAt(j) == ',')) {
                j++;
            }
            if (j < end && j > start) {
                boolean letters = true;
                for (int k = j; k < end; k++) {
                    letters &= Character.isLetter(text.charAt(k));
                }
                if (letters) {
                    out.word(text, start, j);
                    out.word(text, j, end);
                    return;
                }
                String amount = compoundDuration(text, start, end);
                if (amount != null) {
                    // "2h40m" is "160 min", "3m20s" is "200 s": one amount with its unit, as "40min" is "40 min"
                    int space = amount.indexOf(' ');
                    out.word(amount, 0, space);
                    out.word(amount, space + 1, amount.length());
                    return;
                }
            }
        }
        out.word(text, start, end);
    }

    /** Seconds in each time unit a compound duration may use. */
    private static final Map<String, Integer> DURATION_SECONDS = Map.of("d", 86400, "h", 3600, "hr", 3600,
            "hrs", 3600, "m", 60, "min", 60, "mins", 60, "s", 1, "sec", 1, "secs", 1);

    /**
     * The amount written as amounts glued to their time units, two or more ("2h40m", "1h30m", "3m20s", "1d12h"), as one
     * amount and its unit ("160 min", "90 min", "200 s", "36 h"); null for anything else, and for "0h00m", a blank left in a
     * template rather than a time.
     */
    private static String compoundDuration(String text, int start, int end) {
        int pairs = 0;
        long seconds = 0;
        int smallest = Integer.MAX_VALUE;
        int k = start;
        while (k < end) {
            int digits = k;
            while (digits < end && Character.isDigit(text.charAt(digits))) {
                digits++;
            }
            int letters = digits;
            while (letters < end && Character.isLetter(text.charAt(letters))) {
                letters++;
            }
            Integer unit = digits == k || letters == digits || digits - k > 6 ? null
                    : DURATION_SECONDS.get(text.substring(digits, letters));
            if (unit == null) {
                return null;
            }
            pairs++;
            seconds += Long.parseLong(text.substring(k, digits)) * unit;
            smallest = Math.min(smallest, unit);
            k = letters;
        }
        if (pairs < 2 || seconds == 0) {
            return null;
        }
        return smallest == 1 ? seconds + " s" : smallest == 60 ? seconds / 60 + " min" : seconds / 3600 + " h";
    }

    static boolean isNumber(String w) {
        if (w.isEmpty() || !Character.isDigit(w.charAt(0))) {
            return false;
        }
        for (int i = 1, n = w.length(); i < n; i++) {
            char c = w.charAt(i);
            if (!Character.isDigit(c) && c != '.' && c != ',') {
                return false;
            }
        }
        return true;
    }
}
