package dev.drillbot.core.text;

/**
 * Text from users made safe to show to others: no control characters (terminal escape sequences start
 * with ESC; NUL, bell and the like), no bidirectional overrides that make text read differently from
 * what it is. Line breaks and tabs stay. Markup and mentions are each platform's renderer's business.
 */
public final class UserText {
    /** How much of an argument a reply quotes back. */
    public static final int QUOTED_CHARS = 60;

    private UserText() {}

    /** The text without control characters or bidirectional overrides; line breaks and tabs kept. */
    public static String inert(String text) {
        return text == null ? "" : without(text, c -> c != '\n' && c != '\t' && (Character.isISOControl(c) || isBidiControl(c)));
    }

    /**
     * The text as a reader sees it: without invisible format characters (soft hyphens, zero-width spaces and joiners,
     * byte-order marks), which hidden inside "own\u00adership" or "[\u200bcompany]" would split for a program a word
     * or a placeholder the reader sees whole; and with styled letters (mathematical bold or italic, full-width,
     * circled: "𝐧𝐨𝐭", "ｏｗｎｅｄ") as the plain letters a reader sees in them; Cyrillic and Greek look-alikes inside a
     * Latin word ("оwnеrshiр" with Cyrillic о, е, р) as the Latin letters they pass for; and without struck-through
     * text ("~~I traced the lag~~" on Discord, "~I traced the lag~" on Slack), which a reader sees withdrawn. For reading, not for showing: a joiner inside an
     * emoji is dropped too.
     */
    public static String visible(String text) {
        if (text == null) {
            return "";
        }
        String shown = without(text, c -> Character.getType(c) == Character.FORMAT || invisibleMark(c));
        shown = hasStyledLetters(shown) ? plainLetters(shown) : shown;
        shown = shown.indexOf('~') >= 0 ? STRUCK.matcher(shown).replaceAll("") : shown;
        return shown.chars().anyMatch(c -> c >= 0x0370 && c <= 0x04FF) ? latinLookAlikes(shown) : shown;
    }

    /**
     * Marks that draw nothing and are not format characters (Unicode's default-ignorable ones): the grapheme joiner,
     * variation selectors, Hangul fillers. Text hidden behind them must read as it looks.
     */
    private static boolean invisibleMark(int c) {
        return c == 0x034F || c == 0x115F || c == 0x1160 || c == 0x17B4 || c == 0x17B5 || (c >= 0x180B && c <= 0x180F)
                || c == 0x3164 || (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFFA0 || (c >= 0xE0100 && c <= 0xE01EF);
    }

    /**
     * Strikethrough on one line: two tildes each side (Discord, GitHub markdown), or one (Slack), where Slack reads it
     * as such: the tildes hug the text, after a space and before a space or a stop, so "~40 to ~5 minutes" stays as written.
     */
    private static final java.util.regex.Pattern STRUCK = java.util.regex.Pattern.compile(
            "~~[^~\\n]+~~|(?<![^\\s(\\[])~(?=[^\\s~])[^~\\n]*?[^\\s~]~(?=[\\s.,;:!?)\\]]|$)");

    /** Cyrillic and Greek letters drawn like Latin ones, and the Latin letter each passes for. */
    private static final String LOOK_ALIKES = "аеорсухіјѕԁԛԝАВЕКМНОРСТХІЈЅοΑΒΕΗΙΚΜΝΟΡΤΧΥΖ";
    private static final String LATIN = "aeopcyxijsdqwABEKMHOPCTXIJSoABEHIKMNOPTXYZ";

    /** In each word that mixes Latin letters with look-alikes, the look-alikes become Latin; words in one script stay. */
    private static String latinLookAlikes(String text) {
        StringBuilder out = new StringBuilder(text);
        int i = 0;
        while (i < out.length()) {
            if (!Character.isLetter(out.charAt(i))) {
                i++;
                continue;
            }
            int end = i;
            boolean latin = false;
            boolean lookAlike = false;
            while (end < out.length() && Character.isLetter(out.charAt(end))) {
                char c = out.charAt(end);
                latin |= c < 0x0250;
                lookAlike |= LOOK_ALIKES.indexOf(c) >= 0;
                end++;
            }
            if (latin && lookAlike) {
                for (int k = i; k < end; k++) {
                    int at = LOOK_ALIKES.indexOf(out.charAt(k));
                    if (at >= 0) {
                        out.setCharAt(k, LATIN.charAt(at));
                    }
                }
            }
            i = end;
        }
        return out.toString();
    }

    /** Mathematical alphanumerics, enclosed alphanumerics and full-width forms: letters and digits in a style. */
    private static boolean styled(int cp) {
        return cp >= 0x1D400 && cp <= 0x1D7FF || cp >= 0x2460 && cp <= 0x24FF || cp >= 0xFF01 && cp <= 0xFF5E;
    }

    private static boolean hasStyledLetters(String text) {
        return text.codePoints().anyMatch(UserText::styled);
    }

    /** Each styled letter as its plain compatibility form (NFKC of that code point alone); everything else as it was. */
    private static String plainLetters(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (styled(cp)) {
                out.append(java.text.Normalizer.normalize(new String(Character.toChars(cp)), java.text.Normalizer.Form.NFKC));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    /** The text without the characters {@code drop} names; the same string when it has none. */
    private static String without(String text, java.util.function.IntPredicate drop) {
        // by code point: a tag character (U+E0041) or a supplementary selector is two chars, neither of them FORMAT
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int next = i + Character.charCount(c);
            boolean dropped = drop.test(c);
            if (dropped && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            } else if (!dropped && out != null) {
                out.append(text, i, next);
            }
            i = next;
        }
        return out == null ? text : out.toString();
    }

    /** A user's argument quoted back in a reply: inert, on one line, at most {@link #QUOTED_CHARS} characters. */
    public static String quoted(String argument) {
        String line = inert(argument).replaceAll("\\s+", " ").strip();
        if (line.length() <= QUOTED_CHARS) {
            return line;
        }
        int end = QUOTED_CHARS - 1;
        if (Character.isHighSurrogate(line.charAt(end - 1))) {
            end--;
        }
        return line.substring(0, end) + "…";
    }

    /** Embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) and the marks U+200E, U+200F. */
    private static boolean isBidiControl(int c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200E' || c == '\u200F';
    }
}
