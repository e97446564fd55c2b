package dev.drillbot.scoring.lp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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
                if (compoundDuration(text, start, end)) {
                    // "2h40m", "1h30m", "3m20s": each amount with its own unit, as "2 h 40 m" would be read
                    for (int k = start; k < end;) {
                        int run = k;
                        boolean digit = Character.isDigit(text.charAt(k));
                        while (run < end && Character.isDigit(text.charAt(run)) == digit) {
                            run++;
                        }
                        out.word(text, k, run);
                        k = run;
                    }
                    return;
                }
            }
        }
        out.word(text, start, end);
    }

    private static final Set<String> DURATION_UNITS = Set.of("d", "h", "hr", "hrs", "m", "min", "mins", "s", "sec", "secs", "ms");

    /** Whether the word is amounts glued to their time units, two or more: "2h40m", "1h30m", "3m20s", "1d12h". */
    private static boolean compoundDuration(String text, int start, int end) {
        int pairs = 0;
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
            if (digits == k || letters == digits || !DURATION_UNITS.contains(text.substring(digits, letters))) {
                return false;
            }
            pairs++;
            k = letters;
        }
        return pairs >= 2;
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
