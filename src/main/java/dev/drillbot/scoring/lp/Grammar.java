package dev.drillbot.scoring.lp;

import java.util.Set;

/**
 * Reads one sentence's grammar from the readings {@link Morphology} gives each word: which words are
 * finite verbs (a clause needs one, so "Ownership, bias for action, 40%." is a list, not a sentence),
 * and whether they are past ("I rewrote"), present ("every week I check") or modal ("I would", "I'll").
 * A word's reading is chosen from its neighbours: "the failed runs" is an adjective, "was migrated" a
 * participle whose auxiliary is the finite verb, "costs" after "the" a noun.
 */
final class Grammar {
    private Grammar() {}

    /** The verb forms of be, have and do, which are finite wherever they stand after a subject. */
    private static final Set<String> PAST_AUX = Set.of("was", "were", "had", "did", "got");
    private static final Set<String> PRESENT_AUX = Set.of("is", "are", "am", "has", "have", "does", "do", "gets");
    private static final Set<String> PLAN_MODALS = Set.of("would", "will", "shall", "should", "might", "may", "must");
    private static final Set<String> SUBJECTS = Set.of("i", "we", "they", "you", "he", "she", "it", "who", "which",
            "that", "everyone", "nobody", "someone", "team", "this", "nothing");
    private static final Set<String> AUX_BEFORE_PARTICIPLE = Set.of("was", "were", "is", "are", "be", "been", "being",
            "had", "has", "have", "got", "get", "gets", "am", "'s", "i've", "we've", "i'd", "we'd");

    /** Per sentence: the finite verbs found, by tense. */
    static final class Reading {
        int past;
        int present;
        int modal;
        /** Starts with a bare verb: "Make reruns safe first." (a lesson or a CV line in the imperative). */
        boolean imperative;
        /** Position of the first finite verb, or -1. */
        int first = -1;

        boolean finite() {
            return first >= 0 || imperative;
        }
    }

    /** {@code start}: the first word after a STAR label ("Learning: make ..."), else 0. */
    static Reading read(String[] w, int[] tags, int start) {
        Reading r = new Reading();
        r.imperative = start < w.length && (tags[start] & Morphology.VB) != 0;
        for (int k = 0; k < w.length; k++) {
            int kind = finite(w, tags, k);
            if (kind == 0) {
                continue;
            }
            if (r.first < 0) {
                r.first = k;
            }
            switch (kind) {
                case 1 -> r.past++;
                case 2 -> r.present++;
                default -> r.modal++;
            }
        }
        return r;
    }

    /**
     * Whether the "'d" at {@code k} is "had" rather than "would": a participle follows, after any adverbs ("I'd
     * already written", "I'd actually said", "we'd committed"). A word that is also a base form ("I'd put") stays
     * "would".
     */
    static boolean pastPerfect(String[] w, int[] tags, int k) {
        if (!w[k].endsWith("'d")) {
            return false;
        }
        int j = k + 1;
        while (j < w.length && (tags[j] & Morphology.ADV) != 0 && (tags[j] & (Morphology.VBN | Morphology.VB)) == 0) {
            j++;
        }
        return j < w.length && (tags[j] & Morphology.VBN) != 0 && (tags[j] & Morphology.VB) == 0;
    }

    /** 0: not a finite verb here; 1 past; 2 present; 3 modal. */
    static int finite(String[] w, int[] tags, int k) {
        String x = w[k];
        String prev = k > 0 ? w[k - 1] : "";
        int t = tags[k];
        int pt = k > 0 ? tags[k - 1] : 0;
        if (prev.equals("to")) {
            return 0; // an infinitive: "to rebuild"
        }
        int apostrophe = x.indexOf('\'');
        if (apostrophe > 0) {
            String tail = x.substring(apostrophe);
            switch (tail) {
                case "'d" -> {
                    return pastPerfect(w, tags, k) ? 1 : 3;
                }
                case "'ll" -> {
                    return 3;
                }
                case "'m", "'re", "'ve" -> {
                    return 2;
                }
                case "'s" -> {
                    return SUBJECTS.contains(x.substring(0, apostrophe)) || x.startsWith("what") || x.startsWith("there")
                            ? 2 : 0;
                }
                default -> {
                    if (x.endsWith("n't")) {
                        String aux = x.substring(0, x.length() - 3);
                        if (aux.equals("wo") || aux.equals("would") || aux.equals("should") || aux.equals("might")
                                || aux.equals("could") || aux.equals("ca") || aux.equals("must")) {
                            return aux.equals("could") ? 1 : 3;
                        }
                        return PAST_AUX.contains(aux) ? 1 : 2;
                    }
                    return 0;
                }
            }
        }
        if (PAST_AUX.contains(x)) {
            return 1;
        }
        if (PRESENT_AUX.contains(x)) {
            return (pt & Morphology.MD) != 0 ? 0 : 2; // "would have" is the modal's
        }
        if ((t & Morphology.MD) != 0 && (pt & (Morphology.DET | Morphology.ADJ | Morphology.POSSESSIVE)) == 0) {
            if (x.equals("could")) {
                return 1; // also the past of "can": "I could not explain it" tells what happened
            }
            return PLAN_MODALS.contains(x) ? 3 : 2; // "can", "need": present
        }
        if ((t & Morphology.VBD) != 0) {
            boolean alsoAdjective = (t & (Morphology.ADJ | Morphology.VBN | Morphology.NOUN)) != 0;
            if (alsoAdjective && (pt & (Morphology.DET | Morphology.POSSESSIVE | Morphology.NUM | Morphology.ADJ)) != 0
                    && (pt & (Morphology.PRON | Morphology.NOUN)) == 0) {
                return 0; // "the failed runs", "two broken jobs", "our reduced bill"
            }
            if (AUX_BEFORE_PARTICIPLE.contains(prev) || k >= 2 && AUX_BEFORE_PARTICIPLE.contains(w[k - 2])
                    && (pt & Morphology.ADV) != 0) {
                return 0; // "was migrated", "had already written": the auxiliary is the finite verb
            }
            if ((t & Morphology.VBZ) == 0 && (t & Morphology.VBP) == 0 || k == 0 || SUBJECTS.contains(prev)
                    || (pt & (Morphology.NOUN | Morphology.PROPER | Morphology.ADV)) != 0 || (pt & Morphology.KNOWN) == 0) {
                return 1;
            }
        }
        if ((t & (Morphology.VBZ | Morphology.VBP)) != 0 && k > 0) {
            if (SUBJECTS.contains(prev)) {
                return 2; // "I check", "it runs"
            }
            boolean afterNoun = (pt & (Morphology.NOUN | Morphology.PROPER)) != 0 || (pt & Morphology.KNOWN) == 0;
            if (afterNoun && k >= 2 && (tags[k - 2] & (Morphology.DET | Morphology.POSSESSIVE)) != 0
                    && (t & Morphology.VBZ) != 0) {
                return 2; // "the job fails", "our team owns"
            }
            if ((pt & Morphology.ADV) != 0 && k >= 2 && SUBJECTS.contains(w[k - 2])) {
                return 2; // "I usually check"
            }
            // "nightly loads stay under 30 minutes", "the numbers match": a plural subject's verb; only a regular
            // plural, since "data" is a mass noun that modifies the next one ("the data platform in 2023")
            if ((t & Morphology.VBP) != 0 && (pt & Morphology.PLURAL) != 0 && prev.endsWith("s")
                    && !SUBJECTS.contains(k >= 2 ? w[k - 2] : "")) {
                return 2;
            }
        }
        return 0;
    }
}
