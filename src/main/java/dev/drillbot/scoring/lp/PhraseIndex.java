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
    /** {@code ids[k]} is the vocabulary id of {@code words[k]}, so exact words compare as ints. */
    record Phrase(int list, String text, String[] words, boolean[] prefix, int[] ids) {}

    static final Phrase[] NONE = new Phrase[0];

    /**
     * The phrases that can start at one known word, narrowed by the next word: a phrase whose second
     * word is exact can only match when the next word is that word. Each narrowed list keeps the
     * original order, so the first match per list is the same as trying every candidate.
     */
    static final class Start {
        private final Phrase[] fallback;
        private final int[] keys;
        private final Phrase[][] byKey;

        Start(Phrase[] candidates) {
            java.util.TreeSet<Integer> seconds = new java.util.TreeSet<>();
            for (Phrase p : candidates) {
                if (p.words.length >= 2 && !p.prefix[1]) {
                    seconds.add(p.ids[1]);
                }
            }
            fallback = select(candidates, -1);
            keys = seconds.stream().mapToInt(Integer::intValue).toArray();
            byKey = new Phrase[keys.length][];
            for (int k = 0; k < keys.length; k++) {
                byKey[k] = select(candidates, keys[k]);
            }
        }

        private static Phrase[] select(Phrase[] candidates, int second) {
            List<Phrase> out = new ArrayList<>();
            for (Phrase p : candidates) {
                if (p.words.length < 2 || p.prefix[1] || p.ids[1] == second) {
                    out.add(p);
                }
            }
            return out.isEmpty() ? NONE : out.toArray(new Phrase[0]);
        }

        /** The candidates worth trying when the next word has vocabulary id {@code next} (-1: none or unknown). */
        Phrase[] forNext(int next) {
            if (next >= 0 && keys.length > 0) {
                int k = java.util.Arrays.binarySearch(keys, next);
                if (k >= 0) {
                    return byKey[k];
                }
            }
            return fallback;
        }
    }

    /** Every phrase word (and, once {@link Lexicon} adds them, every word-set word) to a dense id. */
    private final Map<String, Integer> wordIds = new HashMap<>();

    private final Map<String, List<Phrase>> byExactFirst = new HashMap<>();
    /** Phrases whose first word is a prefix ("automat*"), bucketed by its first two characters. */
    private final List<List<Phrase>> byPrefixFirst = new ArrayList<>();
    private static final int BUCKETS = 128 * 128;
    private final List<String> listNames = new ArrayList<>();
    private final List<List<Phrase>> byList = new ArrayList<>();

    /** Registers a named list and returns its id. Phrases must already be valid (see {@link #invalid}). */
    int add(String name, List<String> phrases) {
        int id = listNames.size();
        listNames.add(name);
        byList.add(new ArrayList<>());
        for (String p : phrases) {
            boolean[][] prefixOut = new boolean[1][];
            String[] words = words(p, prefixOut);
            boolean[] prefix = prefixOut[0];
            int[] ids = new int[words.length];
            for (int k = 0; k < words.length; k++) {
                ids[k] = intern(words[k]);
            }
            Phrase phrase = new Phrase(id, p, words, prefix, ids);
            byList.get(id).add(phrase);
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

    /** The id of a word, assigning the next one when it is new. */
    int intern(String w) {
        Integer id = wordIds.get(w);
        if (id == null) {
            id = wordIds.size();
            wordIds.put(w, id);
        }
        return id;
    }

    /** Every interned word with its id. */
    Map<String, Integer> words() {
        return wordIds;
    }

    /**
     * The phrases that can start at a word, in the order {@link #match} tries them: those whose first
     * word equals it, then those whose first word is a prefix of it.
     */
    Phrase[] candidates(String w) {
        List<Phrase> out = new ArrayList<>();
        List<Phrase> exact = byExactFirst.get(w);
        if (exact != null) {
            out.addAll(exact);
        }
        int bucket = byPrefixFirst.isEmpty() ? -1 : bucket(w);
        List<Phrase> pre = bucket < 0 ? null : byPrefixFirst.get(bucket);
        if (pre != null) {
            for (Phrase p : pre) {
                if (w.startsWith(p.words[0])) {
                    out.add(p);
                }
            }
        }
        return out.isEmpty() ? NONE : out.toArray(new Phrase[0]);
    }

    /** The first two characters as a bucket number, or -1 for non-ASCII or one-letter words. */
    private static int bucket(String w) {
        if (w.length() < 2 || w.charAt(0) >= 128 || w.charAt(1) >= 128) {
            return -1;
        }
        return w.charAt(0) * 128 + w.charAt(1);
    }

    /** The end of the longest phrase of {@code list} that matches at {@code at}, or -1. */
    int matchAt(String[] words, int at, int list) {
        int best = -1;
        for (Phrase p : byList.get(list)) {
            int n = p.words.length;
            if (at + n > words.length) {
                continue;
            }
            boolean ok = true;
            for (int k = 0; k < n && ok; k++) {
                ok = p.prefix[k] ? words[at + k].startsWith(p.words[k]) : words[at + k].equals(p.words[k]);
            }
            if (ok) {
                best = Math.max(best, at + n);
            }
        }
        return best;
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
     * first match (word positions, end exclusive), or stay -1; {@code covered} marks matched words. Words
     * are already looked up: {@code ids[i]} is the word's vocabulary id or -1, and {@code first[i]} its
     * {@link #candidates} when the id is known (an unknown word can only start a prefix phrase).
     */
    void match(String[] words, int[] ids, Start[] first, int[] start, int[] end, boolean[] covered,
            boolean[] coverLists, int[] touched) {
        int n = words.length;
        for (int i = 0; i < n; i++) {
            if (ids[i] >= 0) {
                for (Phrase p : first[i].forNext(i + 1 < n ? ids[i + 1] : -1)) {
                    tryAt(p, words, ids, i, start, end, covered, coverLists, touched);
                }
                continue;
            }
            String w = words[i];
            int bucket = byPrefixFirst.isEmpty() ? -1 : bucket(w);
            List<Phrase> pre = bucket < 0 ? null : byPrefixFirst.get(bucket);
            if (pre != null) {
                for (Phrase p : pre) {
                    if (w.startsWith(p.words[0])) {
                        tryAt(p, words, ids, i, start, end, covered, coverLists, touched);
                    }
                }
            }
        }
    }

    private static void tryAt(Phrase p, String[] words, int[] ids, int at, int[] start, int[] end,
            boolean[] covered, boolean[] coverLists, int[] touched) {
        int n = p.words.length;
        if (at + n > words.length) {
            return;
        }
        for (int k = 1; k < n; k++) {
            if (p.prefix[k] ? !words[at + k].startsWith(p.words[k]) : ids[at + k] != p.ids[k]) {
                return;
            }
        }
        if (start[p.list] < 0) {
            touched[++touched[0]] = p.list; // lists first matched in this sentence, for the caller to reset
        }
        hit(p, at, n, start, end, covered, coverLists);
    }

    private static void hit(Phrase p, int at, int n, int[] start, int[] end, boolean[] covered,
            boolean[] coverLists) {
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
