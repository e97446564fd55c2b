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
    private static final Set<String> DEMONSTRATIVES = Set.of("that", "this");
    /** Roles named like verbs: "the analytics lead", "the department head", "the project sponsor". */
    private static final Set<String> ROLE_NOUNS = Set.of("lead", "leads", "head", "heads", "sponsor", "sponsors",
            "partner", "partners", "champion", "champions", "contact", "contacts", "chair", "chairs");
    private static final int VERB_TAGS = Morphology.VBD | Morphology.VBN | Morphology.VBZ | Morphology.VBP | Morphology.VB
            | Morphology.VBG | Morphology.MD;
    /** Directions that the dictionary also knows as verbs ("to down tools"), hardly ever one in a story. */
    private static final Set<String> PARTICLES = Set.of("down", "up", "out", "off", "over", "back", "through");
    private static final Set<String> TIME_NOUNS = Set.of("day", "week", "month", "quarter", "year", "sprint", "night",
            "morning", "afternoon", "evening", "time", "season", "release", "cycle");
    private static final Set<String> AUX_BEFORE_PARTICIPLE = Set.of("was", "were", "is", "are", "be", "been", "being",
            "had", "has", "have", "got", "get", "gets", "am", "'s", "i've", "we've", "i'd", "we'd",
            "wasn't", "weren't", "isn't", "aren't", "hadn't", "hasn't", "haven't"); // "a job that isn't owned"

    /** Per sentence: the finite verbs found, by tense. */
    static final class Reading {
        int past;
        int present;
        int modal;
        /** Starts with a bare verb: "Make reruns safe first." (a lesson or a CV line in the imperative). */
        boolean imperative;
        /** Position of the first finite verb, or -1. */
        int first = -1;
        /** Per word: who acts in the finite verb there ({@link #subjectAt}), 0 where the word is not a finite verb. */
        byte[] subject;

        boolean finite() {
            return first >= 0 || imperative;
        }
    }

    /** {@code start}: the first word after a STAR label ("Learning: make ..."), else 0. */
    static Reading read(String[] w, int[] tags, int start) {
        Reading r = new Reading();
        r.imperative = start < w.length && (tags[start] & Morphology.VB) != 0;
        // who a walk back from here would meet first: the latest subject word, or a clause start (then a thing);
        // kept as the words go by, so finding every verb's subject is one pass, however long the sentence
        byte nearest = SOMETHING;
        boolean spent = false; // a finite verb has had the nearest subject since it was met
        int sameSpelling = 0;
        int myPresent = 0;
        int myPast = 0;
        for (int k = 0; k < w.length; k++) {
            int kind = finite(w, tags, k);
            if (kind != 0) {
                if (r.first < 0) {
                    r.first = k;
                }
                if (r.subject == null) {
                    r.subject = new byte[w.length];
                }
                // "I noticed finance and customer success were ...", "I rebuilt it and the numbers matched": once
                // my verb has had its subject, a noun right before the next verb is that verb's own subject
                r.subject[k] = spent && nounBefore(tags, k) ? SOMETHING : subjectAt(w, tags, k, nearest);
                spent = true;
                boolean mine = r.subject[k] == MINE;
                switch (kind) {
                    case 1 -> {
                        if ((tags[k] & Morphology.SAME_PAST_PRESENT) != 0) {
                            sameSpelling++;
                        } else {
                            r.past++;
                            myPast += mine ? 1 : 0;
                        }
                    }
                    case 2 -> {
                        r.present++;
                        myPresent += mine ? 1 : 0;
                    }
                    default -> r.modal++;
                }
            }
            byte who = subjectOf(w[k]);
            if (who != 0) {
                nearest = who;
                spent = false;
            } else if (CLAUSE_START.contains(w[k])) {
                nearest = SOMETHING;
                spent = false;
            }
        }
        // "I read the logs and check the counts": a verb spelled alike in both tenses ("read", "put", "set", "cut")
        // takes the tense of my other verbs in the sentence; alone, or beside a past one, it stays past, and a present
        // verb of something else is no guide ("I put a sensor in that waits for the file" is a past step)
        if (myPresent > 0 && myPast == 0) {
            r.present += sameSpelling;
        } else {
            r.past += sameSpelling;
        }
        return r;
    }

    /** A plural noun, which a plain present verb can follow ("analytics", "logistics" are one field, not many). */
    private static boolean pluralNoun(String word, int tags) {
        return (tags & Morphology.PLURAL) != 0 && word.endsWith("s") && !word.endsWith("ics") && !word.endsWith("ss");
    }

    /**
     * A noun right before word {@code k}: not a pronoun, not a past form that could be a verb of its own ("fixed"), and
     * not an adverb ("and Ruth then sampled": the subject is before it).
     */
    private static boolean nounBefore(int[] tags, int k) {
        return k > 0 && (tags[k - 1] & (Morphology.NOUN | Morphology.PROPER)) != 0
                && (tags[k - 1] & (Morphology.PRON | Morphology.VBD | Morphology.VBN | Morphology.ADV)) == 0;
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

    /**
     * Whether the words before {@code k} are a whole noun phrase: one to three nouns or adjectives (or names
     * the dictionary does not know) opened by a determiner or a possessive, or by the start of the sentence,
     * and perhaps followed by a prepositional phrase.
     */
    private static boolean nounPhraseBefore(int[] tags, int k) {
        int j = k - 1;
        int nouns = 0;
        while (j >= 0 && nouns < 3 && (tags[j] & (Morphology.DET | Morphology.POSSESSIVE | Morphology.PREP | Morphology.PRON
                | Morphology.MD)) == 0 && ((tags[j] & (Morphology.NOUN | Morphology.PROPER | Morphology.ADJ)) != 0
                        || (tags[j] & Morphology.KNOWN) == 0)) {
            j--;
            nouns++;
        }
        if (nouns == 0 || (tags[k - 1] & (Morphology.NOUN | Morphology.PROPER)) == 0) {
            return false;
        }
        if (j > 0 && (tags[j] & Morphology.PREP) != 0 && (tags[j] & Morphology.DET) == 0) {
            return nounPhraseBefore(tags, j); // "the dip in weekly orders disappears": the phrase before "in"
        }
        return j < 0 || (tags[j] & (Morphology.DET | Morphology.POSSESSIVE)) != 0;
    }

    static final byte MINE = 1;
    static final byte OURS = 2;
    static final byte OTHER_PERSON = 3;
    static final byte THEM = 4;
    static final byte SOMETHING = 5;
    static final byte YOU = 6;
    /** People other than the teller, as the subject of a clause: "she rewrote it", "the director overruled". */
    private static final Set<String> PERSON = Set.of("he", "she", "manager", "director", "lead", "vp", "cto", "ceo",
            "cfo", "colleague", "colleagues", "engineer", "analyst", "architect", "boss", "mentor", "teammate", "friend",
            "head", "pm", "stakeholder", "mentee", "intern", "reviewer", "senior", "peer", "coworker", "co-worker", "managers",
            "people", "leads", "stakeholders", "peers");
    /** Where a clause starts: a subject before these belongs to another clause. */
    static final Set<String> CLAUSE_START = Set.of("because", "since", "when", "while", "as", "after", "before",
            "until", "if", "that", "which", "who", "whether", "but", "although", "though", "once", "where", "whom");
    /** Spoken hesitations, never a subject: "then we, um, basically spent the week on it". */
    private static final Set<String> HESITATIONS = Set.of("um", "uh", "erm", "er", "uhm", "hmm", "mm", "ah");
    /** Subjects that are not a person of the story. */
    private static final Set<String> THING = Set.of("it", "this", "there", "nobody", "everyone", "someone", "everybody",
            "somebody", "nothing", "each", "both", "all");

    /**
     * Who acts in the finite verb at {@code k}: the nearest subject before it in its clause ({@code nearest}, kept
     * by {@link #read}). A verb joined to the one before ("she wrote the plan, added checks and ran both") shares
     * its subject; a clause that starts with "because", "when", "that" has its own ("I sat in the review when Priya
     * pushed back"). A word the dictionary does not know, right before the verb, is a name ("Priya pushed back");
     * a contraction carries its own subject ("I'd committed").
     */
    private static byte subjectAt(String[] w, int[] tags, int k, byte nearest) {
        int apostrophe = w[k].indexOf('\'');
        if (apostrophe > 0) {
            byte own = subjectWord(w[k].substring(0, apostrophe));
            if (own != 0) {
                return own;
            }
        }
        if (k > 0 && (tags[k - 1] & Morphology.KNOWN) == 0 && !w[k - 1].isEmpty() && Character.isLetter(w[k - 1].charAt(0))) {
            byte before = subjectOf(w[k - 1]);
            return before != 0 ? before : OTHER_PERSON; // "I'd have done it": the contraction is mine, no name
        }
        if ((tags[k] & Morphology.VBD) != 0 && subjectBeforeAdverb(w, tags, k)) {
            // "..., and Ruth then sampled the keys": the word before the adverb is the subject (a name the dictionary
            // does not know is a person, a noun is a thing), not the "I" earlier in the sentence
            byte before = subjectOf(w[k - 2]);
            if (before != 0) {
                return before;
            }
            return (tags[k - 2] & Morphology.KNOWN) == 0 ? OTHER_PERSON : SOMETHING;
        }
        return nearest;
    }

    /**
     * Whether word {@code k} follows an adverb that follows its subject: "the VP later asked", "Ruth then sampled", "she
     * quickly spotted". The word before the adverb is a subject word, a noun or a name the dictionary does not know;
     * not a determiner, preposition, adjective or verb ("are only read by"), a contraction, or a hesitation ("we, um,
     * basically spent").
     */
    private static boolean subjectBeforeAdverb(String[] w, int[] tags, int k) {
        if (k < 2 || (tags[k - 1] & Morphology.ADV) == 0) {
            return false;
        }
        String x = w[k - 2];
        int t = tags[k - 2];
        if (x.isEmpty() || !Character.isLetter(x.charAt(0)) || x.indexOf('\'') >= 0 || HESITATIONS.contains(x)
                || (t & (Morphology.DET | Morphology.PREP | Morphology.ADJ | Morphology.VBD | Morphology.VBZ
                        | Morphology.VBP | Morphology.VB | Morphology.MD)) != 0) {
            return false;
        }
        return subjectWord(x) != 0 || (t & (Morphology.NOUN | Morphology.PROPER)) != 0 || (t & Morphology.KNOWN) == 0;
    }

    /** What a word is as a subject, a contraction by the part before its apostrophe ("I'd", "we've"), or 0. */
    private static byte subjectOf(String word) {
        int cut = word.indexOf('\'');
        return subjectWord(cut > 0 ? word.substring(0, cut) : word);
    }

    /** "it", "this", "there", "I": a pronoun subject, not a thing named. */
    static boolean isSubjectWord(String w) {
        return subjectWord(w) != 0;
    }

    /** A direction after a verb ("write down"), never a verb of its own here. */
    static boolean isParticle(String w) {
        return PARTICLES.contains(w);
    }

    /** A time that recurs ("day", "sprint", "release"): "that quarter" is a time, "every morning" a frequency. */
    static boolean isTimeNoun(String w) {
        return TIME_NOUNS.contains(w);
    }

    /** What a subject word is, or 0 when it is not one. */
    private static byte subjectWord(String x) {
        if (x.equals("i")) {
            return MINE;
        }
        if (x.equals("we")) {
            return OURS;
        }
        if (PERSON.contains(x)) {
            return OTHER_PERSON;
        }
        if (x.equals("they")) {
            return THEM;
        }
        if (x.equals("you")) {
            return YOU; // the generic "you should ...": the candidate speaking in general
        }
        return THING.contains(x) ? SOMETHING : 0;
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
        if (prev.endsWith("n't") || prev.equals("not") && k >= 2 && (PAST_AUX.contains(w[k - 2])
                || PRESENT_AUX.contains(w[k - 2]) || (tags[k - 2] & Morphology.MD) != 0)) {
            return 0; // "didn't need", "does not run": the negated auxiliary is the clause's finite verb
        }
        if (PARTICLES.contains(x)) {
            return 0; // "routed the rows down a separate path": a direction, not "to down"
        }
        if (x.equals("like") && SUBJECTS.contains(prev) && k + 1 < w.length
                && (tags[k + 1] & (Morphology.VBD | Morphology.ADV)) != 0) {
            return 0; // "I, like, then pulled the logs": a spoken filler before the step, not "I like"
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
                    String base = x.substring(0, apostrophe);
                    if (base.equals("team") && k + 1 < w.length && (tags[k + 1] & Morphology.NOUN) != 0
                            && (tags[k + 1] & (Morphology.VBN | Morphology.VBG | Morphology.ADJ | Morphology.ADV
                                    | Morphology.DET | Morphology.PREP)) == 0) {
                        return 0; // "the tax team's reports": whose, not "the team is"
                    }
                    return SUBJECTS.contains(base) || x.startsWith("what") || x.startsWith("there") ? 2 : 0;
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
        if ((t & VERB_TAGS) == 0 && (t & Morphology.KNOWN) != 0 && (PAST_AUX.contains(x) || PRESENT_AUX.contains(x))) {
            return 0; // an auxiliary's spelling the tagger read as no verb: "finished at 3:10am" is a time of day
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
            if (k >= 2 && (pt & Morphology.ADV) != 0 && SUBJECTS.contains(w[k - 2])) {
                return 1; // "she later asked", "I then rewrote": an adverb between subject and verb
            }
            if (subjectBeforeAdverb(w, tags, k)) {
                return 1; // "the VP later asked me", "Priya then rewrote it": "later" is no adjective of "asked" here
            }
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
            if ((t & Morphology.NOUN) != 0 && k + 1 < w.length && (tags[k + 1] & Morphology.VBD) != 0
                    && (tags[k + 1] & (Morphology.NOUN | Morphology.ADJ)) == 0 && !SUBJECTS.contains(prev)) {
                return 0; // a noun before the clause's past verb is its subject: "no definition tickets followed"
            }
            if (ROLE_NOUNS.contains(x) && k >= 2 && (pt & Morphology.NOUN) != 0 && !pluralNoun(prev, pt)
                    && (tags[k - 2] & (Morphology.DET | Morphology.POSSESSIVE)) != 0 && (k + 1 == w.length
                    || (tags[k + 1] & (Morphology.DET | Morphology.PRON | Morphology.POSSESSIVE | Morphology.NUM)) == 0)) {
                return 0; // "I told the analytics lead and ...": a role; "our juniors lead incident reviews" is their verb
            }
            if (DEMONSTRATIVES.contains(prev) && TIME_NOUNS.contains(x)) {
                return 0; // "that quarter", "this week": a time, not "that works"
            }
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
            if ((pt & Morphology.ADV) != 0 && (pt & Morphology.NOUN) == 0 && k >= 2 && (t & Morphology.VBZ) != 0
                    && nounPhraseBefore(tags, k - 1)) {
                return 2; // "Parquet typically stores", "the job usually runs"
            }
            if ((t & Morphology.VBZ) != 0 && (t & Morphology.NOUN) == 0 && nounPhraseBefore(tags, k)) {
                return 2; // "the Monday dip disappears", "Finance restates the counts"
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
