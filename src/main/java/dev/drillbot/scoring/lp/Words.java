package dev.drillbot.scoring.lp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits text into lower-case words the same way for answers and for rubric phrases. */
final class Words {
    // Apostrophes stay inside words (wasn't, i've); hyphens split (end-to-end = end to end);
    // commas only inside numbers (1,200); "%", "$" and arrows are words of their own.
    private static final Pattern WORD = Pattern.compile(
            "[a-z0-9_]+(?:(?:'|\\.(?=[a-z0-9])|,(?=\\d{3}))[a-z0-9_]+)*|[%$€£→]|->");
    private static final Pattern NUMBER_UNIT = Pattern.compile("(\\d+(?:[.,]\\d+)*)([a-z]+)");

    private Words() {}

    static String normalise(String text) {
        return text.toLowerCase(Locale.ROOT).replace('’', '\'').replace('‘', '\'');
    }

    static List<String> tokenize(String lowerText) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(lowerText);
        while (m.find()) {
            String w = m.group();
            Matcher nu = NUMBER_UNIT.matcher(w);
            if (nu.matches()) {
                out.add(nu.group(1)); // "6h" -> "6", "h": the unit then matches like "6 h"
                out.add(nu.group(2));
            } else if (w.equals("->")) {
                out.add("→");
            } else {
                out.add(w);
            }
        }
        return out;
    }

    static boolean isNumber(String w) {
        return !w.isEmpty() && Character.isDigit(w.charAt(0)) && w.chars().allMatch(c -> Character.isDigit(c)
                || c == '.' || c == ',');
    }
}
