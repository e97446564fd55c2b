package dev.drillbot.scoring.lp;

import dev.drillbot.scoring.lp.AnswerAnalysis.Sentence;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which sentences of mine tell no step: claims ("I stepped in and took full responsibility for it", "I owned it end to
 * end and made sure it got fixed") and my comings and goings, which only date what others did ("By the time I left in
 * 2024, failures had fallen", "After I moved to the platform team, she became the owner"). Both rules read data words
 * that look like them as steps: "took the charge and refund tables apart", "joined project billing exports to the job
 * metadata", "left comments on his PRs", "checked in the fix".
 */
final class StepReading {
    private StepReading() {}

    /** Mine, but only a claim: every word of it is a word of a claim, or every verb of mine claims ownership. */
    static boolean claim(Sentence s) {
        return claimOnly(s) || onlyClaimVerbs(s);
    }

    /**
     * "After I took full ownership of the problem, the backlog fell from 140 to 12": my only part is a claim, whatever the
     * clause after it measures.
     */
    static boolean claimDatesOutcome(Sentence s) {
        int verb = afterMyVerb(s);
        if (verb < 0 || !myClauseClaims(s, verb) || s.grammar.subject == null) {
            return false;
        }
        boolean main = false;
        for (int k = verb + 1; k < s.words.length; k++) {
            main |= punctuationAfter(s, k - 1);
            if (main && s.grammar.subject[k] == Grammar.MINE) {
                return false; // "After I took charge, I rebuilt the loader": a step follows
            }
        }
        return main;
    }

    /** Whether my clause, from its verb to the first comma, claims: "After I took full ownership,", "Once I made sure it got done,". */
    private static boolean myClauseClaims(Sentence s, int verb) {
        return claimsAt(s, verb) && !stepBeforeComma(s, verb) || claimOnlyUntilComma(s, verb);
    }

    /** Whether another past verb follows the claim in my clause: "Once I owned the export script and replaced the writer,". */
    private static boolean stepBeforeComma(Sentence s, int verb) {
        for (int k = verb + 1; k < s.words.length && !punctuationAfter(s, k - 1); k++) {
            if ((s.tags[k] & Morphology.VBD) != 0 && (s.flags[k] & Lexicon.CLAIM_WORD) == 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether every word from {@code verb} to the first comma is a claim word or glue: "Once I made sure it got done,". */
    private static boolean claimOnlyUntilComma(Sentence s, int verb) {
        int claims = 0;
        for (int k = verb; k < s.words.length; k++) {
            if ((s.flags[k] & Lexicon.CLAIM_WORD) != 0) {
                claims++;
            } else if ((s.tags[k] & (Morphology.PRON | Morphology.DET | Morphology.PREP | Morphology.CONJ)) == 0
                    && (s.flags[k] & Lexicon.FUNCTION) == 0) {
                return false;
            }
            if (punctuationAfter(s, k)) {
                return claims > 0;
            }
        }
        return false;
    }

    /** The verb of my clause in "After I ...", "Once I'd ...", "As soon as I had ...", or -1. */
    private static int afterMyVerb(Sentence s) {
        String[] w = s.words;
        int k = w.length > 2 && (w[0].equals("after") || w[0].equals("once")) ? 1
                : w.length > 4 && w[0].equals("as") && w[1].equals("soon") && w[2].equals("as") ? 3 : -1;
        if (k < 0 || !w[k].equals("i") && !w[k].equals("i'd")) {
            return -1;
        }
        // "Once I had moved", "After I have added" (the participle is the step; "Once I had the team re-run it" is not
        // a perfect: "had" is the step)
        int verb = w[k].equals("i") && k + 2 < w.length && (w[k + 1].equals("had") || w[k + 1].equals("have"))
                && (s.tags[k + 2] & Morphology.VBN) != 0 ? k + 2 : k + 1;
        return verb < w.length ? verb : -1;
    }

    /**
     * Whether every word that could name what I did is a word of a claim ({@code claim_words}): "I stepped in and took
     * full responsibility for it". A number, a name or any other noun, verb or adjective is a step told.
     */
    private static boolean claimOnly(Sentence s) {
        if (s.quantities > 0) {
            return false;
        }
        int claims = 0;
        int content = Morphology.NOUN | Morphology.PROPER | Morphology.ADJ | Morphology.VBD | Morphology.VBN
                | Morphology.VBZ | Morphology.VBP | Morphology.VB | Morphology.VBG;
        int glue = Morphology.PRON | Morphology.DET | Morphology.PREP | Morphology.CONJ | Morphology.MD;
        boolean alternative = false;
        for (int k = 0; k < s.words.length; k++) {
            int t = s.tags[k];
            int f = s.flags[k];
            alternative = inAlternative(s, k, alternative);
            if (alternative || k + 1 < s.words.length && alternativeAt(s.words, k + 1)) {
                continue; // "rather than patched", "instead of guessing": not what I did
            }
            if ((f & Lexicon.CLAIM_WORD) != 0) {
                claims++;
            } else if ((t & Morphology.KNOWN) == 0 && (f & Lexicon.NUMBER) == 0) {
                return false; // a word the dictionary does not know is a name or a system
            } else if ((t & content) != 0 && (t & glue) == 0 && (f & (Lexicon.FUNCTION | Lexicon.FIRST_PERSON)) == 0) {
                return false;
            }
        }
        return claims > 0;
    }

    /**
     * Verbs that claim ownership without telling a step, each with what must come next (after an optional "full",
     * "complete", "personal" or "my"); none listed: any object ("I owned the Tidewell SLA").
     */
    private static final Map<String, Set<String>> CLAIM_VERBS = Map.ofEntries(
            Map.entry("owned", Set.of()), Map.entry("championed", Set.of()),
            Map.entry("spearheaded", Set.of()),
            Map.entry("took", Set.of("charge", "ownership", "responsibility", "accountability", "lead")),
            // hostile rounds 23 and 26: the same claims in other verbs
            Map.entry("assumed", Set.of("ownership", "responsibility", "accountability")),
            Map.entry("accepted", Set.of("ownership", "responsibility", "accountability")),
            Map.entry("embraced", Set.of("ownership", "responsibility", "accountability")),
            Map.entry("held", Set.of("myself")),
            Map.entry("believed", Set.of("in")),
            Map.entry("kept", Set.of("word", "promise")),
            Map.entry("stood", Set.of("ground", "behind", "by")),
            Map.entry("put", Set.of("name")),
            Map.entry("earned", Set.of("trust", "back", "respect", "it", "their")),
            // hostile round 30: backing what someone else did
            Map.entry("supported", Set.of("this", "it", "that", "them", "him", "her", "everyone")));
    /** Words between a claim verb and what it claims: "took full responsibility", "put my name on it". */
    private static final Set<String> CLAIM_FILLERS = Set.of("full", "complete", "total", "personal", "my", "their");
    private static final Set<String> STEPPING = Set.of("in", "up", "forward");
    /** What may follow "stepped in / up" in a claim: nothing, or the rest of the sentence, not an object. */
    private static final Set<String> AFTER_STEPPING = Set.of("and", "to", "as", "for", "when", "because", "so",
            "myself", "personally", "then", "there", "immediately", "straight");

    /** Verbs that claim only when nothing but words of a claim follows them: "made sure it got done", "delivered it". */
    private static final Set<String> CLAIM_WHEN_EMPTY = Set.of("made", "delivered", "got", "handled", "ensured", "drove");

    /**
     * Whether every verb of mine in the sentence claims ownership ("I took full accountability and got it sorted",
     * "I owned the Tidewell SLA", "so I stepped in"): whatever it names, no step is told.
     */
    private static boolean onlyClaimVerbs(Sentence s) {
        byte[] who = s.grammar.subject;
        // "I owned the fix myself: that explore now reads ...": what follows a colon tells the steps
        if (who == null || s.text.indexOf(':') >= 0) {
            return false;
        }
        int claims = 0;
        boolean alternative = false;
        for (int k = 0; k < s.words.length; k++) {
            // "made sure it got fixed properly rather than patched": the road not taken is no step either
            alternative = inAlternative(s, k, alternative);
            if (alternative) {
                continue;
            }
            // a past verb with no subject of its own may be mine with the "I" left out ("I took it on: found a race,
            // added a sensor"): it must claim too
            boolean implied = who[k] == Grammar.SOMETHING && (s.tags[k] & Morphology.VBD) != 0 && !BE_HAVE_GET.contains(s.words[k]);
            if (who[k] != Grammar.MINE && !implied || implied && (s.flags[k] & Lexicon.CLAIM_WORD) != 0) {
                continue; // ("got it sorted": the participle claims too)
            }
            if (!claimsAt(s, k)) {
                return false;
            }
            claims += implied ? 0 : 1;
        }
        return claims > 0;
    }

    private static final Set<String> COMMITTED = Set.of("committed", "accountable", "responsible", "dedicated", "determined");

    /** Present views of mine: said in a past story, they tell what I think now, not what I did. */
    private static final Set<String> BELIEFS = Set.of("believe", "think", "feel");

    /**
     * Whether word {@code k} is inside the road not taken, given whether the word before it was: from "rather than" or
     * "instead of" up to the next comma or "I" ("instead of deleting them by hand I wrote a dedupe" tells the step after it).
     */
    private static boolean inAlternative(Sentence s, int k, boolean before) {
        return before && !punctuationAfter(s, k - 1) && !s.words[k].equals("i") || alternativeAt(s.words, k);
    }

    /** Whether word {@code k} ends "rather than" or "instead of": what follows is the alternative not taken. */
    private static boolean alternativeAt(String[] w, int k) {
        return k >= 1 && (w[k].equals("than") && w[k - 1].equals("rather") || w[k].equals("of") && w[k - 1].equals("instead"));
    }

    /** Whether the verb at {@code k} claims rather than tells a step: "took full responsibility", "saw it through". */
    private static boolean claimsAt(Sentence s, int k) {
        if (CLAIM_WHEN_EMPTY.contains(s.words[k]) && claimFollows(s, k)) {
            return true;
        }
        if (s.words[k].equals("saw") && k + 2 < s.words.length && s.words[k + 2].equals("through")) {
            return true; // "saw it through"
        }
        if (s.words[k].equals("stayed") && k + 2 < s.words.length && (s.words[k + 1].equals("on") || s.words[k + 1].equals("with"))
                && s.words[k + 2].equals("it")) {
            return true; // "stayed on it until it was done" (hostile round 30)
        }
        if ((s.words[k].equals("was") || s.words[k].equals("felt")) && k + 1 < s.words.length && COMMITTED.contains(s.words[k + 1])) {
            return true; // "I was committed to the customer the whole way": how I stood, not what I did
        }
        if (BELIEFS.contains(s.words[k])) {
            return true; // "because I believe problems do not care about org charts": a view I hold, no step
        }
        if (s.words[k].equals("stepped") && k + 1 < s.words.length && STEPPING.contains(s.words[k + 1])
                && (k + 2 == s.words.length || AFTER_STEPPING.contains(s.words[k + 2]))) {
            return true;
        }
        if (s.words[k].equals("owned") && k + 1 < s.words.length && s.words[k + 1].equals("up")) {
            return false; // "owned up to the snapshot change": an admission, told to someone
        }
        Set<String> follow = CLAIM_VERBS.get(s.words[k]);
        int at = k + 1 < s.words.length && CLAIM_FILLERS.contains(s.words[k + 1]) ? k + 2 : k + 1;
        if (s.words[k].equals("put") && at == k + 1) {
            return false; // "put my name on it" claims; "put name normalisation in front of the matcher" is a step
        }
        if (s.words[k].equals("supported") && meansWithin(s, k)) {
            return false; // "I supported him by pairing on his first two designs": the step follows "by" (round 31)
        }
        return follow != null && (follow.isEmpty() || at < s.words.length && follows(follow, s.words[at]));
    }

    /** Whether "by" or "with" starts the means a few words after the verb at {@code k}: "supported them by ...". */
    private static boolean meansWithin(Sentence s, int k) {
        for (int j = k + 1; j < Math.min(s.words.length, k + 4); j++) {
            if (s.words[j].equals("by") || s.words[j].equals("with")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a sentence tells my step as when a thing then changed: "After I salted the join key into 16 buckets, the
     * skewed stage finished in 12 minutes", "Once I'd moved the jobs, the monthly bill settled at £17.5k".
     * Not when what I did is a claim ("After I took full ownership, the backlog fell"), my coming or going ("After I
     * joined", "Once I was promoted", "After I took over the team") or no step at all ("After I got settled in").
     */
    static boolean stepThenOutcome(Sentence s) {
        String[] w = s.words;
        int verb = afterMyVerb(s);
        if (verb < 0) {
            return false;
        }
        int k = verb - (w[verb - 1].equals("had") || w[verb - 1].equals("have") ? 2 : 1); // the "I"
        // a past verb, or one the dictionary does not know that reads like one ("re-keyed")
        boolean past = (s.tags[verb] & (Morphology.VBD | Morphology.VBN)) != 0
                || (s.tags[verb] & Morphology.KNOWN) == 0 && w[verb].endsWith("ed");
        if (!past || NO_STEP.contains(w[verb])
                || w[verb].equals("took") && verb + 1 < w.length && w[verb + 1].equals("over")
                || myClauseClaims(s, verb) || comingOrGoing(s, k, verb)) {
            return false;
        }
        for (int j = verb; j < w.length - 1; j++) {
            if (punctuationAfter(s, j)) {
                return AnswerAnalysis.thingClauseFrom(s, j + 1);
            }
        }
        return false;
    }

    /**
     * Verbs of being and arriving that are no step whatever follows: "After I was on call, ...", "Once I arrived, ...".
     * Becoming, inheriting, being promoted and settling in are my comings and goings ({@link #comingOrGoing}).
     */
    private static final Set<String> NO_STEP = Set.of("was", "were", "felt", "arrived");

    /** Whether the words after {@code k}, up to the next "and", "but" or "then", are all words of a claim or glue. */
    private static boolean claimFollows(Sentence s, int k) {
        int glue = Morphology.PRON | Morphology.DET | Morphology.PREP | Morphology.CONJ | Morphology.ADV;
        for (int j = k + 1; j < s.words.length && !CLAUSE_LINKS.contains(s.words[j]); j++) {
            if ((s.flags[j] & (Lexicon.CLAIM_WORD | Lexicon.FUNCTION)) == 0 && (s.tags[j] & glue) == 0) {
                return false;
            }
        }
        return true;
    }

    private static final Set<String> CLAUSE_LINKS = Set.of("and", "but", "then");
    private static final Set<String> BE_HAVE_GET = Set.of("was", "were", "had", "did", "got", "been");

    /** Whether a word is one of these, or (six letters or more) spelt like one up to its sixth letter: "responsibilty". */
    private static boolean follows(Set<String> words, String word) {
        if (words.contains(word)) {
            return true;
        }
        for (String x : words) {
            // a misspelling ("responsibilty"), not another word that starts alike ("accounts", "chargebacks")
            if (x.length() >= 6 && word.length() >= 6 && Math.abs(word.length() - x.length()) <= 2
                    && word.regionMatches(0, x, 0, 6)) {
                return true;
            }
        }
        return false;
    }

    /** Words that open a clause dating the rest of the sentence by me: "when I left", "by the time I moved". */
    private static final Set<String> TIME_OPENERS = Set.of("when", "after", "once", "before", "until", "since");
    /** "The week I left": a time of the story named by my coming or going. */
    private static final Set<String> DATED_TIMES = Set.of("day", "week", "month", "year", "quarter", "morning", "night");
    /** Where I worked: "joined the platform team", "moved to the analytics group", "left the company". */
    private static final Set<String> PLACES = Set.of("team", "teams", "company", "group", "squad", "org", "organisation",
            "organization", "department", "firm", "startup", "bank", "project", "role", "business", "office");
    /** Words after which "left" is my leaving: "when I left in 2024", "by the time I left, ...". */
    private static final Set<String> AFTER_LEAVING = Set.of("in", "for", "at", "last", "early", "late", "about",
            "around", "after", "shortly", "soon",
            // or the next clause's subject, with no comma between: "By the time I left she had run eight weeks"
            "she", "he", "they", "we", "there", "everyone", "nobody");
    /** "was promoted", "got settled in": what became of me, no step. */
    private static final Set<String> STATES = Set.of("promoted", "hired", "settled", "transferred", "assigned", "made",
            "moved", "reorganised", "reorganized", "onboarded", "brought", "handed", "given");
    /** What can follow "changed teams" that ends my move: "changed teams in 2023", "changed jobs and ...", "a year later". */
    private static final Set<String> AFTER_MOVING = Set.of("in", "at", "and", "after", "when", "last", "that", "this",
            "early", "late", "twice", "again", "i", "we", "she", "he", "they", "a", "the", "later", "soon", "shortly");
    /** "moved teams", "changed jobs": another workplace, no thing moved. */
    private static final Set<String> MOVES = Set.of("teams", "jobs", "roles", "companies", "departments", "groups");

    /**
     * Whether the "I" at {@code k} only dates what others did by my comings and goings: "By the time I left, failures
     * had fallen", "After I moved to the platform group, she became the owner", "When I checked in six months later, he
     * was mentoring", "When I got back from leave, ...". Arriving, leaving and looking back are no step of mine; "After
     * I moved the job to Spark", "When I left comments on his PRs", "After I checked in the fix" are steps.
     */
    static boolean comingOrGoing(Sentence s, int k, int verb) {
        String[] w = s.words;
        if (!dated(w, k) || verb >= w.length) {
            return false;
        }
        if (verb + 1 < w.length && w[verb].equals("last")) {
            return true; // "when I last checked / spoke to her": looking back, after the story
        }
        // "By the time I left, failures had fallen": the clause ends at the verb (or its "back")
        String next = verb + 1 < w.length && !punctuationAfter(s, verb) ? w[verb + 1] : "";
        String after = verb + 2 < w.length && !next.isEmpty() && !punctuationAfter(s, verb + 1) ? w[verb + 2] : "";
        return switch (w[verb]) {
            case "left" -> next.isEmpty() || AFTER_LEAVING.contains(next) || number(s, verb + 1) || placeWithin(s, verb, 3);
            case "joined" -> next.isEmpty() || placeWithin(s, verb, 4);
            // becoming something, being made it, settling in: "After I became the cost contact", "Once I was promoted"
            case "became" -> true;
            case "was" -> STATES.contains(next);
            case "started", "began" -> next.isEmpty() || next.equals("at") || next.equals("in") || next.equals("there")
                    || next.equals("attending");
            case "inherited" -> true;
            case "moved", "transferred" -> next.equals("on") || next.equals("away") || MOVES.contains(next)
                    || (next.equals("to") || next.equals("over") || next.equals("across")) && placeWithin(s, verb, 5);
            // "changed teams in 2023", not "changed roles for the 40 BI users" (grants)
            case "changed", "switched" -> MOVES.contains(next) && (after.isEmpty() || AFTER_MOVING.contains(after));
            case "rotated" -> next.equals("off") || next.equals("onto") || next.equals("out") && (after.isEmpty() || after.equals("of"));
            case "rolled" -> next.equals("off");
            case "came", "got" -> w[verb].equals("got") && STATES.contains(next)
                    || next.equals("back") && (after.isEmpty() || after.equals("from") || after.equals("in")
                            || after.equals("after") || AFTER_LEAVING.contains(after));
            case "returned" -> next.equals("from") || next.isEmpty();
            case "went" -> next.equals("on") && (after.equals("leave") || after.equals("holiday") || after.equals("vacation")
                    || after.equals("parental") || after.equals("sick"));
            // "when I checked in with him", "when I checked in six months later"; "checked in two tests" is a commit
            case "checked" -> next.equals("in") && (after.isEmpty() || laterWithin(s, verb + 2, 6));
            default -> false;
        };
    }

    /** Whether the "I" at {@code k} opens a clause that dates another: "when I", "by the time I", "the week I". */
    private static boolean dated(String[] w, int k) {
        return k >= 1 && TIME_OPENERS.contains(w[k - 1])
                || k >= 3 && (w[k - 3].equals("by") && w[k - 2].equals("the") && w[k - 1].equals("time")
                        || w[k - 3].equals("as") && w[k - 2].equals("soon") && w[k - 1].equals("as"))
                || k >= 2 && w[k - 2].equals("the") && DATED_TIMES.contains(w[k - 1]);
    }

    /**
     * Whether the sentence's main clause is only my leaving the story: "Shortly after that I moved to a different team,
     * so I handed the ticket over", "After that I handed the process over to the hiring manager", "Around that time I
     * moved onto a different squad". It tells where the story stopped, not how it came out. Not when someone else's
     * clause comes first ("By then Marco owned the platform, and I moved on to ...": his owning it is the outcome).
     */
    static boolean myExit(Sentence s) {
        return exitAt(s, s.grammar.first);
    }

    /**
     * Whether any clause of mine from verb {@code from} on says I left: "The reorganisation landed in June, and I moved
     * over to the payments team" ends on my exit however the sentence opens.
     */
    static boolean myExitFrom(Sentence s, int from) {
        for (int k = Math.max(from, 0); k < s.words.length; k++) {
            if (exitAt(s, k)) {
                return true;
            }
        }
        return false;
    }

    private static boolean exitAt(Sentence s, int f) {
        if (f < 1 || s.grammar.subject == null || s.grammar.subject[f] != Grammar.MINE) {
            return false;
        }
        String[] w = s.words;
        if (dated(w, f - 1)) {
            return false; // "After I handed the dashboard over, the director asked ...": the main clause is hers
        }
        String next = f + 1 < w.length ? w[f + 1] : "";
        return switch (w[f]) {
            // "moved on to a different project", not "moved on to the second table" (my next step)
            case "moved", "transferred", "rotated" -> next.equals("on") && (f + 2 == w.length || placeWithin(s, f + 1, 5))
                    || MOVES.contains(next)
                    || (next.equals("to") || next.equals("onto") || next.equals("over")) && placeWithin(s, f, 5);
            case "changed", "switched" -> MOVES.contains(next);
            case "left" -> next.isEmpty() || placeWithin(s, f, 3);
            case "handed", "passed" -> overWithin(w, f, 5);
            default -> false;
        };
    }

    /** "handed the ticket over", "handed over to my replacement": "over" within a few words of the verb. */
    private static boolean overWithin(String[] w, int verb, int span) {
        for (int j = verb + 1; j < Math.min(w.length, verb + 1 + span); j++) {
            if (w[j].equals("over")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the word at {@code k} is followed by a comma, semicolon, colon or full stop in the text ("When I left,
     * she ...", "the platform group, Priya"). Found once per sentence, walking its words and its text together.
     */
    static boolean punctuationAfter(Sentence s, int k) {
        if (s.punctuationAfter == null) {
            String lower = s.text.toLowerCase(Locale.ROOT);
            boolean[] after = new boolean[s.words.length];
            int at = 0;
            for (int j = 0; j < s.words.length; j++) {
                int found = wordAt(lower, s.words[j], at);
                if (found < 0) {
                    continue; // a word the splitter rewrote: leave it and read on
                }
                int end = found + s.words[j].length();
                at = end;
                while (end < lower.length() && lower.charAt(end) == ' ') {
                    end++;
                }
                after[j] = end < lower.length() && ",;:.".indexOf(lower.charAt(end)) >= 0;
            }
            s.punctuationAfter = after;
        }
        return s.punctuationAfter[k];
    }

    /** Where a whole word starts at or soon after {@code from} (within a few characters of separators), or -1. */
    private static int wordAt(String lower, String word, int from) {
        for (int at = lower.indexOf(word, from); at >= 0 && at - from <= MAX_GAP; at = lower.indexOf(word, at + 1)) {
            int end = at + word.length();
            if ((at == 0 || !Character.isLetterOrDigit(lower.charAt(at - 1)))
                    && (end == lower.length() || !Character.isLetterOrDigit(lower.charAt(end)))) {
                return at;
            }
        }
        return -1;
    }

    /** The most characters (spaces, punctuation, bullets) between one word of a sentence and the next. */
    private static final int MAX_GAP = 12;

    /** "later", "ago" or a count of time ("six months") within {@code span} words from {@code from}: looking back. */
    private static boolean laterWithin(Sentence s, int from, int span) {
        for (int j = from; j < Math.min(s.words.length, from + span); j++) {
            if (s.words[j].equals("later") || s.words[j].equals("ago")
                    || number(s, j) && j + 1 < s.words.length && Grammar.isTimeNoun(s.words[j + 1].replaceAll("s$", ""))) {
                return true;
            }
        }
        return false;
    }

    /** A number at {@code k}, in digits or words ("2024", "six"). */
    private static boolean number(Sentence s, int k) {
        return k < s.words.length && (s.flags[k] & (Lexicon.NUMBER | Lexicon.WORD_NUMBER)) != 0;
    }

    /** A workplace named within {@code span} words after {@code at}: "joined the payments data team". */
    private static boolean placeWithin(Sentence s, int at, int span) {
        String[] w = s.words;
        boolean determiner = false;
        for (int j = at + 1; j < Math.min(w.length, at + 1 + span); j++) {
            determiner |= PLACE_DETERMINERS.contains(w[j]);
            // "the payments data team", not "project billing exports" or "the company dimension": the place ends its phrase
            boolean place = PLACES.contains(w[j]) || w[j].equals("up") && w[j - 1].equals("start"); // "the start-up"
            if (place && determiner && (j + 1 == w.length || AFTER_PLACE.contains(w[j + 1])
                    || punctuationAfter(s, j))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the "joined" at {@code verb} joins data rather than a team: "When I joined project billing exports to the
     * job metadata, ..." (a step), not "When I joined the platform team in 2022" or "When I joined as an analyst".
     */
    static boolean dataJoin(Sentence s, int verb) {
        String[] w = s.words;
        if (!w[verb].equals("joined") || verb + 2 >= w.length || punctuationAfter(s, verb)
                || JOINED_PEOPLE.contains(w[verb + 1])
                || !JOINED_DATA.contains(w[verb + 1]) && (s.tags[verb + 1] & (Morphology.NOUN | Morphology.ADJ)) == 0
                || placeWithin(s, verb, 6)) {
            return false;
        }
        for (int j = verb + 2; j < Math.min(w.length - 1, verb + 7); j++) {
            if (JOIN_PREPOSITIONS.contains(w[j])) {
                return true;
            }
            if ((s.tags[j] & Morphology.KNOWN) == 0 || (s.tags[j] & Morphology.PROPER) != 0 || punctuationAfter(s, j)) {
                return false; // "joined Acme on Monday": a name is a workplace
            }
        }
        return false;
    }

    private static final Set<String> JOIN_PREPOSITIONS = Set.of("to", "with", "onto", "against");
    /** "joined up with", "joined in", "joined forces with", "joined as an analyst": joining people. */
    private static final Set<String> JOINED_PEOPLE = Set.of("up", "in", "forces", "hands", "as");
    /** Determiners that can open the data joined: "joined the job history to the deploy log". */
    private static final Set<String> JOINED_DATA = Set.of("the", "our", "each", "every", "both", "all", "its", "their", "that",
            "those", "these", "this");

    private static final Set<String> PLACE_DETERMINERS = Set.of("the", "a", "an", "my", "our", "their", "his", "her",
            "another", "that", "its");
    /** Words that can follow a workplace that ends its noun phrase: "the platform team in June", "a new team, and". */
    private static final Set<String> AFTER_PLACE = Set.of("in", "at", "as", "on", "for", "and", "to", "from", "after",
            "when", "where", "which", "that", "i", "we", "she", "he", "they", "it", "there", "full", "last", "this",
            "about", "around", "before", "until", "so", "but", "then", "with", "over", "under");
}
