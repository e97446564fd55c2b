package dev.drillbot.scoring.lp;

import java.util.Set;

/**
 * Signs of an answer dressed up to look like one, read from its surface: a catalogue of short items, hashtags, the
 * question said back in its own word order. Each is a property of one sentence; {@link AnswerAnalysis} decides what
 * it costs (a keyword list, a recited slogan, an echo).
 */
final class Recital {
    private Recital() {}

    /** Whether any word is a number ("2023", "7", "40%"): a sentence with one tells something of its own. */
    static boolean anyNumber(int[] flags) {
        for (int f : flags) {
            if ((f & Lexicon.NUMBER) != 0) {
                return true;
            }
        }
        return false;
    }

    /** Words of the question said back in its own order, however padded: this many, and this share of the question. */
    private static final int ECHO_RUN_WORDS = 7;
    private static final double ECHO_RUN_SHARE = 0.5;

    /**
     * Whether the sentence says the question back in the question's own word order, with words slipped in
     * between ("I cut query and compute cost by understanding exactly how it was spent, rather than guessing"):
     * the longest common subsequence of words holds at least {@link #ECHO_RUN_WORDS} words and half the question.
     * A sentence with a number in it ("In 2023 I committed to a 7 am SLA ...") tells something and is left alone.
     */
    static boolean saysPromptInOrder(String[] w, String[] prompt) {
        if (prompt.length < ECHO_RUN_WORDS || w.length < ECHO_RUN_WORDS) {
            return false;
        }
        int[] prev = new int[prompt.length + 1];
        int[] cur = new int[prompt.length + 1];
        for (String x : w) {
            for (int j = 1; j <= prompt.length; j++) {
                cur[j] = x.equals(prompt[j - 1]) ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        int common = prev[prompt.length];
        return common >= ECHO_RUN_WORDS && common >= ECHO_RUN_SHARE * prompt.length;
    }

    /** A list of this many short items or more, making up most of a sentence, is a catalogue, not a sentence. */
    private static final int CATALOGUE_ITEMS = 5;
    private static final java.util.regex.Pattern LIST_SEPARATOR = java.util.regex.Pattern.compile(
            "[,;:]\\s*(?:and |or )?|\\s(?:and|or)\\s");

    /**
     * Whether the sentence is mostly a list of at least {@link #CATALOGUE_ITEMS} items of one to three words:
     * "defects, error rates, null rates, duplicates, bad rows, failed runs and incidents". A story's list of
     * steps has verbs and objects in each item and runs longer.
     */
    static boolean catalogue(String sentence) {
        String[] items = LIST_SEPARATOR.split(sentence);
        if (items.length < CATALOGUE_ITEMS) {
            return false;
        }
        int shortItems = 0;
        int inShort = 0;
        int all = 0;
        for (String item : items) {
            String[] words = item.isBlank() ? new String[0] : item.strip().toLowerCase(java.util.Locale.ROOT).split("\\s+");
            int n = words.length;
            all += n;
            // "so I just, I took a Friday, sorry, a Friday": spoken restarts, not items of a list
            boolean spoken = java.util.Arrays.stream(words).anyMatch(SPOKEN::contains);
            if (n >= 1 && n <= 3 && !spoken) {
                shortItems++;
                inShort += n;
            }
        }
        return shortItems >= CATALOGUE_ITEMS && inShort >= 0.6 * all;
    }

    private static final Set<String> SPOKEN = Set.of("i", "we", "they", "he", "she", "it", "um", "uh", "erm", "like",
            "sorry", "so", "yeah", "well", "just", "basically", "actually", "right", "okay", "ok");

    /** "#BiasForAction", "#DataDriven": a hashtag is a slogan recited, whatever its words. */
    static int hashtags(String text) {
        int count = 0;
        for (int i = text.indexOf('#'); i >= 0 && i + 1 < text.length(); i = text.indexOf('#', i + 1)) {
            boolean start = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
            count += start && Character.isLetter(text.charAt(i + 1)) && !channel(text, i) ? 1 : 0;
        }
        return count;
    }

    /** Prepositions before a Slack or Discord channel: "posted in #analytics", "cross-posted it to #ops". */
    private static final java.util.regex.Pattern BEFORE_CHANNEL = java.util.regex.Pattern.compile(
            "(?i)\\b(in|to|on|into|from|via)\\s+$");

    /**
     * Whether the tag at {@code at} names a chat channel rather than a slogan: lower case (as Slack and Discord channel
     * names are) and where a place goes ("posted in #data-incidents", "cross-posted it to #store-ops"). A capital makes it
     * a slogan ("#BiasForAction"), and so does a lower-case tag strung after others ("#data-driven #ownership").
     */
    private static boolean channel(String text, int at) {
        int end = at + 1;
        boolean upper = false;
        while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '-'
                || text.charAt(end) == '_')) {
            upper |= Character.isUpperCase(text.charAt(end));
            end++;
        }
        return !upper && BEFORE_CHANNEL.matcher(text.substring(Math.max(0, at - 8), at)).find();
    }
}
