package dev.drillbot.scoring.lp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * All rubric phrases in one index keyed by their first word, so a sentence is scanned once no matter
 * how many word lists there are. A phrase word ending in {@code *} matches any word with that prefix.
 */
final class PhraseIndex {
    private record Phrase(int list, String text, String[] words, boolean[] prefix) {}

    private final Map<String, List<Phrase>> byExactFirst = new HashMap<>();
    /** Phrases whose first word is a prefix ("automat*"), bucketed by its first two characters. */
    private final List<List<Phrase>> byPrefixFirst = new ArrayList<>();
    private static final int BUCKETS = 128 * 128;
    private final List<String> listNames = new ArrayList<>();

    /** Registers a named list and returns its id. Phrases must already be valid (see {@link #invalid}). */
    int add(String name, List<String> phrases) {
        int id = listNames.size();
        listNames.add(name);
        for (String p : phrases) {
            boolean[][] prefixOut = new boolean[1][];
            String[] words = words(p, prefixOut);
            boolean[] prefix = prefixOut[0];
            Phrase phrase = new Phrase(id, p, words, prefix);
            int bucket = bucket(words[0]);
            if (prefix[0] && bucket >= 0) {
                while (byPrefixFirst.size() < BUCKETS) {
                    byPrefixFirst.add(null);
                }
                if (byPrefixFirst.get(bucket) == null) {
                    byPrefixFirst.set(bucket, new ArrayList<>());
                }
                byPrefixFirst.get(bucket).add(phrase);
            } else {
                byExactFirst.computeIfAbsent(words[0], k -> new ArrayList<>()).add(phrase);
            }
        }
        return id;
    }

    /** The first two characters as a bucket number, or -1 for non-ASCII or one-letter words. */
    private static int bucket(String w) {
        if (w.length() < 2 || w.charAt(0) >= 128 || w.charAt(1) >= 128) {
            return -1;
        }
        return w.charAt(0) * 128 + w.charAt(1);
    }

    int size() {
        return listNames.size();
    }

    String name(int list) {
        return listNames.get(list);
    }

    /** Splits a phrase the same way answers are split; a trailing * marks a prefix word. */
    private static String[] words(String phrase, boolean[][] prefixOut) {
        List<String> out = new ArrayList<>();
        List<Boolean> prefix = new ArrayList<>();
        for (String piece : Words.normalise(phrase).trim().split("\\s+")) {
            boolean star = piece.endsWith("*");
            List<String> toks = Words.tokenize(star ? piece.substring(0, piece.length() - 1) : piece);
            for (int i = 0; i < toks.size(); i++) {
                out.add(toks.get(i));
                prefix.add(star && i == toks.size() - 1);
            }
        }
        prefixOut[0] = new boolean[prefix.size()];
        for (int i = 0; i < prefix.size(); i++) {
            prefixOut[0][i] = prefix.get(i);
        }
        return out.toArray(new String[0]);
    }

    /** Why a phrase cannot be matched, or null when it is fine. */
    static String invalid(String phrase) {
        boolean[][] prefix = new boolean[1][];
        String[] words = words(phrase, prefix);
        if (words.length == 0) {
            return "'" + phrase + "' has no words";
        }
        for (int i = 0; i < words.length; i++) {
            if (prefix[0][i] && words[i].length() < 2) {
                return "'" + phrase + "': a prefix before * needs at least 2 letters";
            }
            if (i == 0 && prefix[0][0] && bucket(words[0]) < 0) {
                return "'" + phrase + "': a prefix before * must start with two plain (ASCII) letters";
            }
        }
        for (String piece : phrase.trim().split("\\s+")) {
            int star = piece.indexOf('*');
            if (star >= 0 && star != piece.length() - 1) {
                return "'" + phrase + "': * is allowed only at the end of a word";
            }
        }
        return null;
    }

    /**
     * Finds every list that matches in {@code words}: {@code start[list]} and {@code end[list]} get the
     * first match (word positions, end exclusive), or stay -1. {@code covered} marks matched words.
     */
    void match(String[] words, int[] start, int[] end, boolean[] covered, boolean[] coverLists) {
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            List<Phrase> exact = byExactFirst.get(w);
            if (exact != null) {
                for (Phrase p : exact) {
                    tryAt(p, words, i, start, end, covered, coverLists);
                }
            }
            // no substring per candidate length: the bucket narrows it down, startsWith decides
            int bucket = byPrefixFirst.isEmpty() ? -1 : bucket(w);
            List<Phrase> pre = bucket < 0 ? null : byPrefixFirst.get(bucket);
            if (pre != null) {
                for (Phrase p : pre) {
                    if (w.startsWith(p.words[0])) {
                        tryAt(p, words, i, start, end, covered, coverLists);
                    }
                }
            }
        }
    }

    private static void tryAt(Phrase p, String[] words, int at, int[] start, int[] end, boolean[] covered,
            boolean[] coverLists) {
        int n = p.words.length;
        if (at + n > words.length) {
            return;
        }
        for (int k = 1; k < n; k++) {
            String w = words[at + k];
            if (p.prefix[k] ? !w.startsWith(p.words[k]) : !w.equals(p.words[k])) {
                return;
            }
        }
        if (start[p.list] < 0 || at < start[p.list]) {
            start[p.list] = at;
            end[p.list] = at + n;
        }
        if (coverLists[p.list]) {
            for (int k = 0; k < n; k++) {
                covered[at + k] = true;
            }
        }
    }
}
