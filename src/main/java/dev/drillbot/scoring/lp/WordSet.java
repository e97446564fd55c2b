package dev.drillbot.scoring.lp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Single words for per-word checks (is this a unit? a function word?), with * prefixes. */
final class WordSet {
    private final Set<String> exact = new HashSet<>();
    private final List<String> prefixes = new ArrayList<>();

    WordSet(List<String> entries) {
        for (String e : entries) {
            String w = Words.normalise(e.trim());
            if (w.endsWith("*")) {
                prefixes.add(w.substring(0, w.length() - 1));
            } else {
                exact.add(w);
            }
        }
    }

    boolean contains(String word) {
        return exact.contains(word) || matchesPrefix(word);
    }

    /** True when a * entry matches the word; the exact entries are not consulted. */
    boolean matchesPrefix(String word) {
        for (String p : prefixes) {
            if (word.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    /** The entries with a *, without it. */
    List<String> prefixWords() {
        return prefixes;
    }

    /** The entries without a *. */
    Set<String> exactWords() {
        return exact;
    }
}
