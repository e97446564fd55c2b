package dev.drillbot.scoring.lp;

import dev.drillbot.core.bank.Principle;
import dev.drillbot.scoring.lp.AnswerAnalysis.Actor;
import dev.drillbot.scoring.lp.AnswerAnalysis.Part;
import dev.drillbot.scoring.lp.AnswerAnalysis.Sentence;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The six dimension scores of one answer, the caps that apply, and the evidence behind each (the
 * sentences to quote), so the feedback can say exactly what to change.
 */
final class Assessment {
    record Cap(String name, int limit, String why) {}

    final AnswerAnalysis a;
    final Map<String, Double> scores = new LinkedHashMap<>();
    final List<Cap> caps = new ArrayList<>();
    /** How many kinds of cap apply, and how far that lowered every limit (already in {@link #caps}). */
    int capKinds;
    int compounded;
    double raw;
    int total;

    // ownership evidence
    int iActions;
    int actions;
    Sentence firstWe;
    /** The first sentence of mine that only claims ("I owned it end to end"). */
    Sentence firstClaim;
    /** A step of mine read as the Result. */
    private boolean stepInResult;
    Sentence firstPassive;
    Sentence firstVague;
    int vagueSentences;
    // impact evidence
    int quantified;
    boolean beforeAfter;
    boolean metricNoun;
    Sentence unmeasuredResult;
    Sentence firstQuantified;
    Sentence contextQuantified;
    // principle fit evidence
    Principle asked;
    int askedGroups;
    final List<Rubric.Group> missingGroups = new ArrayList<>();
    final List<String> termsFound = new ArrayList<>();
    Principle other;
    /** How far the model reads the story as {@link #other} rather than the asked principle (log-odds). */
    double otherMargin;
    Sentence otherQuote;
    // structure evidence
    final Map<Part, Integer> partWords = new EnumMap<>(Part.class);
    boolean inOrder;
    boolean actionLargest;
    // specificity evidence
    boolean hypothetical;
    /** Counted sentences with a past finite verb that are not plans: by anyone, about anything. */
    private int pastTold;
    Sentence firstHypothetical;
    /** Whether that sentence is a plan only because it is dated after this year. */
    boolean firstIsFutureDated;
    boolean timeframe;
    int systems;
    /**
     * Numbers anywhere in the story other than bare ratios ("improved quality by 45%" alone is a claim),
     * and systems named outside its counted sentences: a story is concrete with either.
     */
    private int concreteNumbers;
    private int concreteNames;
    int reasons;
    double pastShare;
    // concision evidence
    final Map<String, Integer> fillers = new LinkedHashMap<>();
    int fillerCount;
    // stuffing evidence
    int stuffedSentences;
    int countedSentences;

    Assessment(AnswerAnalysis a) {
        this.a = a;
    }

    /**
     * Puts first the missing signal groups this question asks about, so the advice fits it: a question about
     * a failure you caused gets "say plainly it was yours", not "say why it was not your job".
     */
    void rankMissingFor(String questionText) {
        String q = questionText.toLowerCase(java.util.Locale.ROOT);
        missingGroups.sort(java.util.Comparator.comparingInt((Rubric.Group g) -> -relevance(g, q)));
    }

    private static int relevance(Rubric.Group g, String question) {
        int n = 0;
        for (String phrase : g.phrases()) {
            String p = phrase.endsWith("*") ? phrase.substring(0, phrase.length() - 1) : phrase;
            n += p.length() > 2 && question.contains(p) ? 1 : 0;
        }
        return n;
    }

    static Assessment of(AnswerAnalysis a, Lexicon lex, Rubric r, List<Principle> principles) {
        Assessment x = new Assessment(a);
        x.ownership(lex, r);
        x.impact(lex, r);
        x.fit(lex, r, principles);
        x.structure(r);
        x.specificity(lex, r);
        x.concision(lex, r);
        x.tight(r);
        x.countWorkTerms(lex);
        x.caps(lex, r);
        return x;
    }

    /**
     * A short answer that does well on every other dimension is tight, not thin: "a tight 70-word answer can be a 4".
     * Its concision is at least {@code concision.tight_floor}; a plan or a habit never is. Doing well: every other
     * dimension at least {@code tight_needs}, or their mean at least {@code tight_mean} with none under {@code tight_min}.
     */
    private void tight(Rubric r) {
        if (a.wordCount >= r.list("concision.ideal_words")[0] || hypothetical) {
            return;
        }
        double sum = 0;
        double min = 4;
        for (var e : scores.entrySet()) {
            if (!e.getKey().equals("concision")) {
                sum += e.getValue();
                min = Math.min(min, e.getValue());
            }
        }
        // every other dimension adequate, or strong on average with none weak (a flawless 90-word story whose one
        // soft spot is an unmeasured outcome is tight too)
        double mean = sum / (scores.size() - 1);
        if (min < r.num("concision.tight_needs") && !(min >= r.num("concision.tight_min")
                && mean >= r.num("concision.tight_mean"))) {
            return;
        }
        scores.put("concision", Math.max(scores.get("concision"), r.num("concision.tight_floor")));
    }

    private void ownership(Lexicon lex, Rubric r) {
        int vague = lex.id("vague_verbs");
        for (Sentence s : a.sentences) {
            if (s.real && s.has(vague)) {
                vagueSentences++;
                firstVague = firstVague == null ? s : firstVague;
            }
            // ownership is about who did the Action; "we shipped it" in the Result or Learning is fine
            if (!s.isAction() || s.part == Part.RESULT || s.part == Part.LEARNING) {
                // "I built a position-based model (40% first touch ...)" read as the Result is still a step of mine
                // (not the tidy-up after an outcome told first: "The table landed on time, and I shared the chart")
                stepInResult |= s.isAction() && s.actor == Actor.I && s.part == Part.RESULT && !s.claim && !s.outcomeFirst;
                continue;
            }
            if (s.claim) {
                firstClaim = firstClaim == null ? s : firstClaim;
                continue; // "I owned it end to end": a claim, not a step
            }
            // "I truncated the IPs and set a TTL" is two steps: a terse answer packs several into a sentence
            int steps = Math.max(1, Math.min(3, s.grammar.past));
            actions += steps;
            switch (s.actor) {
                case I -> iActions += steps;
                case WE -> firstWe = better(firstWe, s);
                case PASSIVE -> firstPassive = better(firstPassive, s);
                default -> { }
            }
        }
        double share = actions == 0 ? 0 : (double) iActions / actions;
        double points = 0;
        for (double t : r.list("ownership.share_thresholds")) {
            points += share >= t && iActions > 0 ? 1 : 0;
        }
        points = Math.min(points, 1 + iActions); // one "I" sentence is not a story of ownership
        points -= Math.min(r.num("ownership.max_vague_penalty"), vagueSentences * r.num("ownership.vague_penalty_per_sentence"));
        scores.put("ownership", clamp(points));
    }

    /** Numbers count where they show the outcome; numbers that only set the scene earn a little. */
    /** A Result sentence without numbers that tells what happened, not what I did next. */
    private boolean observedOutcome;

    private void impact(Lexicon lex, Rubric r) {
        int metric = lex.id("metric_nouns");
        int result = lex.id("result_cues");
        int context = 0;
        for (Sentence s : a.sentences) {
            if (!s.real) {
                continue;
            }
            boolean outcome = s.part == Part.RESULT || s.part == Part.LEARNING;
            if (s.quantities > 0 && outcome) {
                // two measurements in one result sentence ("from 35 to 9 pages, night pages from 12 to 1")
                // are two pieces of evidence; more than two in one sentence add nothing
                quantified += Math.min(s.quantities, 2);
                firstQuantified = firstQuantified == null ? s : firstQuantified;
                beforeAfter |= s.beforeAfter;
                metricNoun |= s.has(metric);
            } else if (s.quantities > 0) {
                context++;
                contextQuantified = contextQuantified == null ? s : contextQuantified;
            } else if (outcome && (unmeasuredResult == null || unmeasuredResult.part != Part.RESULT)) {
                unmeasuredResult = s; // quote the Result itself when there is one
            }
            // what came of the steps, told without numbers: something that happened to the thing or the people
            // ("the requests in the channel dried up"), not one more step of mine ("Afterwards I sent a summary")
            if (s.quantities == 0 && s.part == Part.RESULT && (s.actor != Actor.I || s.outcomeTail)) {
                observedOutcome = true;
            } else if (unmeasuredResult == null && s.has(result) && s.quantities == 0) {
                unmeasuredResult = s; // a step with its numbers ("I reduced costs by 60%") is never quoted as having none
            }
        }
        double[] q = r.list("impact.result_points");
        double points = q[Math.min(quantified, q.length - 1)];
        points += beforeAfter ? r.num("impact.before_after_points") : 0;
        points += metricNoun ? r.num("impact.metric_noun_points") : 0;
        points += context > 0 ? r.num("impact.context_points") : 0;
        if (quantified == 0 && observedOutcome) {
            // an outcome told without numbers but after the steps ("the requests in the channel dried up", "she
            // asked for my team on the next project") is observable: less than a measured one, more than none
            points += r.num("impact.observed_result_points");
        }
        scores.put("impact", clamp(points));
    }

    private void fit(Lexicon lex, Rubric r, List<Principle> listed) {
        asked = listed.isEmpty() ? Principle.OWNERSHIP : listed.get(0);
        double[] read = r.model.logScores(PrincipleModel.features(a));
        List<Principle> principles = credited(listed, read, r);
        askedGroups = -1;
        int askedMulti = 0;
        for (Principle p : principles) {
            int[] e = a.evidence(lex, p);
            if (e[0] > askedGroups || e[0] == askedGroups && e[1] > askedMulti) {
                askedGroups = e[0];
                askedMulti = e[1];
                asked = p;
            }
        }
        askedGroups = Math.max(askedGroups, 0);
        // a story about what the question asked is evidence of the principle it probes (one group); a
        // story told to the question can still show another principle far better (compared below without it)
        answersQuestion = a.questionTerms >= r.num("principle_fit.question_terms");
        askedGroups += answersQuestion ? 1 : 0;
        // the learned reading: a story the model reads as the asked principle ahead of every other is
        // evidence of it (one group), in words the lists may not hold ("dropped the warehouse to Medium")
        double askedRead = Double.NEGATIVE_INFINITY;
        for (Principle p : principles) {
            askedRead = Math.max(askedRead, read[p.ordinal()]);
        }
        double bestOther = Double.NEGATIVE_INFINITY;
        for (Principle p : Principle.values()) {
            if (!principles.contains(p)) {
                bestOther = Math.max(bestOther, read[p.ordinal()]);
            }
        }
        // the model reads the story alone; the question makes its own principle likelier (most answers to a
        // question show what it asks about), so the asked principle starts asked_prior ahead when the two are
        // weighed for evidence. Naming another principle (other_margin, below) weighs the story alone.
        modelMargin = askedRead + r.num("principle_fit.asked_prior") - bestOther;
        modelAgrees = !principles.isEmpty() && modelMargin > 0;
        askedGroups += modelAgrees ? 1 : 0;
        // a clear lead (the model is sure of the asked principle, not merely ahead) is evidence in its own
        // right: a story can show a principle in words no list holds ("ready to wait; I made a different call")
        modelLead = modelAgrees && modelMargin >= r.num("principle_fit.model_lead");
        // within reach of the top (a close second): one group in its own words is then not a stray word
        modelClose = modelMargin > -r.num("principle_fit.model_close");
        askedGroups += modelLead ? 1 : 0;
        // two distinct signal groups, or one multi-word signal, inside the actions or results
        askedEvidence = askedGroups >= 2 || askedGroups == 1 && askedMulti == 1;
        int[] gids = lex.groupIds.get(asked);
        List<Rubric.Group> groups = r.principles.get(asked).groups();
        for (int i = 0; i < gids.length; i++) {
            Sentence found = firstWith(gids[i]);
            if (found == null) {
                missingGroups.add(groups.get(i));
            } else {
                termsFound.add(found.matched(gids[i]));
            }
        }
        // whether the story as a whole reads as another principle is the learned model's call: word lists
        // find evidence of one principle, not which principle a story is about
        for (Principle p : Principle.values()) {
            if (!principles.contains(p) && (other == null || read[p.ordinal()] > read[other.ordinal()])) {
                other = p;
            }
        }
        otherMargin = other == null || principles.isEmpty() ? 0 : read[other.ordinal()] - askedRead;
        boolean clearlyOther = otherMargin > r.num("principle_fit.other_margin");
        // past three minutes of speech the tangents, not the story, steer the reading: the fix is to cut it
        // (the length cost says so), and naming another principle from the tangents would mislead
        otherUnnamedForLength = clearlyOther && a.wordCount > r.num("caps.long_words");
        if (!clearlyOther || otherUnnamedForLength) {
            other = null;
        }
        if (other != null) {
            otherQuote = mostLike(r.model, other, asked);
        }
        double[] pts = r.list("principle_fit.group_points");
        double points = pts[Math.min(askedGroups, pts.length - 1)];
        if (!askedEvidence) {
            points = Math.min(points, r.num("principle_fit.weak_evidence_points"));
        }
        if (other != null) {
            points -= r.num("principle_fit.other_penalty"); // the story shows another principle better
        }
        scores.put("principle fit", clamp(points));
    }

    /** Whether the story reads clearly as another principle that is not named because the answer is too long. */
    boolean otherUnnamedForLength;

    /** The question's later-listed principle the story reads as, far ahead of its first; then only the first is credited. */
    Principle readAsListed;

    /**
     * The listed principles the story is credited with. A question probes its first principle; the others listed
     * are ones a good answer to it tends to show too. A story the model reads as one of those far ahead of the
     * first ("cut the bill" asked about a system's wider footprint) answers another question: only the first is
     * credited then, and {@link #readAsListed} says which one it read as. The model's reading of the whole story
     * decides, not word lists: "one of the buckets also held personal data" tacked onto a cost story matches two
     * of them, and answers nothing.
     */
    private List<Principle> credited(List<Principle> listed, double[] read, Rubric r) {
        for (Principle p : listed.subList(Math.min(1, listed.size()), listed.size())) {
            if (read[p.ordinal()] - read[asked.ordinal()] > r.num("principle_fit.other_margin")
                    && (readAsListed == null || read[p.ordinal()] > read[readAsListed.ordinal()])) {
                readAsListed = p;
            }
        }
        return readAsListed == null ? listed : List.of(asked);
    }

    /** Whether the learned model reads the story as the asked principle ahead of every other. */
    boolean modelAgrees;

    /** Whether the model reads the asked principle within principle_fit.model_close of the top: then one group is not thin. */
    boolean modelClose;

    /** Whether it does so by a clear margin (principle_fit.model_lead): then it counts as two groups. */
    boolean modelLead;

    /**
     * How far (log-odds) the model reads the asked principle ahead of the best other one, the question's prior
     * (principle_fit.asked_prior) included; negative when behind.
     */
    double modelMargin;

    /** Whether the story takes up enough of the question's own terms to count as answering it. */
    boolean answersQuestion;

    /** Whether the asked principle has enough evidence in the story (see {@link #fit}). */
    boolean askedEvidence;

    /** The sentence to quote: the first one in the Action part, else the first one. */
    private static Sentence better(Sentence current, Sentence candidate) {
        if (current == null) {
            return candidate;
        }
        return current.part != Part.ACTION && candidate.part == Part.ACTION ? candidate : current;
    }

    /** The counted sentence that reads most like {@code other} rather than {@code asked}: the one to quote. */
    private Sentence mostLike(PrincipleModel model, Principle other, Principle asked) {
        Sentence best = null;
        double bestLead = 0;
        for (Sentence s : a.sentences) {
            if (AnswerAnalysis.evidence(s)) {
                Set<String> f = new HashSet<>();
                PrincipleModel.add(s, f);
                double[] v = model.logScores(f);
                double lead = v[other.ordinal()] - v[asked.ordinal()];
                if (lead > bestLead) {
                    bestLead = lead;
                    best = s;
                }
            }
        }
        return best;
    }

    private Sentence firstWith(int list) {
        for (Sentence s : a.sentences) {
            if (AnswerAnalysis.evidence(s) && s.has(list)) {
                return s;
            }
        }
        return null;
    }

    private void structure(Rubric r) {
        Map<Part, Integer> first = new EnumMap<>(Part.class);
        Map<Part, Integer> last = new EnumMap<>(Part.class);
        for (Sentence s : a.sentences) {
            if (!s.real || s.part == Part.OTHER) {
                continue;
            }
            partWords.merge(s.part, s.words.length, Integer::sum);
            first.putIfAbsent(s.part, s.position);
            last.put(s.part, s.position);
        }
        double points = 0;
        points += first.containsKey(Part.SITUATION) ? r.num("structure.situation_points") : 0;
        points += first.containsKey(Part.TASK) ? r.num("structure.task_points") : 0;
        points += first.containsKey(Part.ACTION) ? r.num("structure.action_points") : 0;
        points += first.containsKey(Part.RESULT) ? r.num("structure.result_points") : 0;
        points += first.containsKey(Part.LEARNING) ? r.num("structure.learning_points") : 0;
        Integer action = first.get(Part.ACTION);
        Integer result = last.get(Part.RESULT);
        Integer learning = last.get(Part.LEARNING);
        inOrder = action != null && result != null && action < result
                && (learning == null || learning >= first.get(Part.RESULT));
        int actionWords = partWords.getOrDefault(Part.ACTION, 0);
        actionLargest = actionWords > 0 && partWords.values().stream().allMatch(w -> w <= actionWords);
        points += inOrder ? r.num("structure.in_order_points") : 0;
        points += actionLargest ? r.num("structure.action_largest_points") : 0;
        scores.put("structure", clamp(points));
    }

    /** A story told in the present is still a story when it is placed in the past ("Last year ...", "In 2023 ..."). */
    private static final java.util.regex.Pattern PAST_ANCHOR = java.util.regex.Pattern.compile(
            " (last (year|quarter|month|week|spring|summer|autumn|fall|winter)|(years?|months?|weeks?) ago"
            + "|(previous|former|old|last) (company|job|role|team|employer|workplace)"
            // one day or month named: "so it's a thursday evening in november", "in march"
            + "|(a|on|that|one) (monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
            // the storyteller's opener: "so it's the thursday before black friday", "it's my second week on the team"
            // ("so it's like this", "so it's simple" place nothing in time)
            + "|so (it's|it is) (a |the |one )?(\\w+ )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|afternoon"
            + "|evening|night|day|week|weekend|month|quarter|sprint|spring|summer|autumn|fall|winter|year|release|launch)"
            + "|so (it's|it is) (early|late|mid|last|about|around|\\d)|so (it's|it is) (my|our) (first|second|third|fourth|last)"
            + "|it's my (first|second|third|fourth|last)|it's the (first|second|last|day|night|week|morning)"
            // a clock time or a date in the story: "it's 2 am", "on the 30th", "three days before our cutover"
            + "|it's \\d+ (am|pm)|on the \\d+ (st|nd|rd|th)|(days|weeks|hours) before (our|the)|the next (night|morning|day)"
            // "back during my internship at Gull", "back when I was on the payments team" (hostile round 14)
            + "|back (during|when) (my|i|i was|we)|during my (internship|placement|apprenticeship|graduate)"
            // the teller's "one time at Zeta Payments, ...": one occasion, told in the present by a non-native speaker
            // ... but "one time in ten" is a frequency (hostile round 13)
            + "|one time (at|during|when|on|in (?!(\\d+|a|an|every|each|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty"
            + "|a hundred) ))"
            + "|(in|it's|early|late|mid) (january|february|march|april|may|june|july|august|september|october|november|december)) ");
    private static final java.util.regex.Pattern THAT_DAY = java.util.regex.Pattern.compile(
            " that (morning|afternoon|evening|night) ");
    /** A condition around it: "If a pipeline fails, I pick it up that morning", "When it breaks, that night I ..." */
    private static final java.util.regex.Pattern CONDITION =
            java.util.regex.Pattern.compile("^ (if|when|whenever|once|anytime) | (if|whenever|any time|anytime|every time) ");
    private static final Set<String> OPENS_A_CONDITION = Set.of("if", "whenever", "anytime");

    /** The sentence opens on a condition: "If ...", "Whenever ...", "Any time / Every time / Each time ...". */
    private static boolean opensACondition(String[] w) {
        return w.length > 0 && OPENS_A_CONDITION.contains(w[0])
                || w.length > 1 && w[1].equals("time") && (w[0].equals("any") || w[0].equals("every") || w[0].equals("each"));
    }
    private static final java.util.regex.Pattern PAST_PROGRESSIVE = java.util.regex.Pattern.compile(" i was \\w+ing ");
    /** Words one of whose patterns needs, so the patterns run on few sentences (not "on" or "before": too common). */
    private static final Set<String> ANCHOR_WORDS = Set.of("last", "ago", "previous", "former", "old", "it's", "next", "time",
            "th", "st", "nd", "rd", "weeks", "hours", "monday", "tuesday",
            "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june",
            "july", "august", "september", "october", "november", "december", "morning", "afternoon", "evening", "night",
            "back", "during");
    /**
     * A time only one occasion has, anywhere in the story: a date ("On 3 March", "last November"), a span before or
     * into an event ("two days before go-live", "my second week at Tern", "week three of the migration"), a day of the
     * story ("on the Tuesday I notice") or a named day ("Boxing Day").
     * Not a clock time: a routine has those too ("At 9 am I open the freshness dashboard", hostile round 20).
     */
    private static final java.util.regex.Pattern ONE_TIME = java.util.regex.Pattern.compile("(?i)\\b(\\d{1,2}(st|nd|rd|th)? "
            + "(january|february|march|april|may|june|july|august|september|october|november|december)"
            + "|(on|in|last|early|late|mid|by|since) (january|february|march|april|june|july|august|september|october|november"
            + "|december)"
            + "|(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\\d+) (days|weeks|hours|nights|months)"
            + " (before|after|into|from)|on the (monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
            + "|(my|his|her|their|our) (first|second|third|fourth|fifth|last) (day|week|month|on-call|sprint|shift|weekend)"
            + "|week (one|two|three|four|five|\\d+) of|boxing day|christmas (eve|day)|new year's (eve|day)|black friday"
            + "|cyber monday|thanksgiving)");

    /**
     * Whether the story is placed on one occasion though no anchor above caught it: a time only one occasion has
     * ({@link #ONE_TIME}), or an opening told in the past ("I ran the data platform at Dovetail.") before a retelling in
     * the present (hostile round 28).
     */
    private boolean placedOnce() {
        boolean opening = true;
        for (Sentence s : a.sentences) {
            if (ONE_TIME.matcher(s.text).find()) {
                return true; // a verbless opener too: "Situation: Week three of the Kafka migration."
            }
            if (s.real && opening && s.past && !s.hypothetical && s.grammar.past >= s.grammar.present) {
                return true;
            }
            opening &= !s.real;
        }
        return false;
    }

    /** ... unless it describes a routine: "Every week I check ...". */
    private static final java.util.regex.Pattern HABIT = java.util.regex.Pattern.compile(
            " (every (day|week|month|morning|time|quarter|sprint|year|release|incident) (i|i'm)|whenever (i|i'm)) ");
    /**
     * A frequency said of the writer's own present-tense actions: "whenever a pull request comes in I
     * review it", "once a month I look at ...", "I do this for every PR". Many of them make a routine.
     */
    private static final java.util.regex.Pattern FREQUENCY = java.util.regex.Pattern.compile(
            " (whenever|every (single )?\\w+|each (day|week|month|morning|night|evening|time|sprint|quarter|release|pr"
            + "|monday|tuesday|wednesday|thursday|friday)|most (mornings|days|nights|evenings|weeks)|on (release|deploy) days"
            + "|(once|twice) a (day|week|month|quarter|sprint)|on (mondays|tuesdays|wednesdays|thursdays|fridays)) ");
    /**
     * Whether a frequency in the sentence is said of my own steps: "every week I check the loads" is a routine;
     * "the warehouse sends us their file every night, and on the Tuesday I notice ..." is someone else's schedule.
     */
    private static boolean myFrequency(Sentence s, String lower) {
        java.util.regex.Matcher m = FREQUENCY.matcher(lower);
        int word = 0; // the word the match starts at: spaces before it, less the leading one (counted as we go)
        int counted = 1;
        while (m.find()) {
            for (; counted <= m.start(); counted++) {
                word += lower.charAt(counted) == ' ' ? 1 : 0;
            }
            if (AnswerAnalysis.actorAt(s, word) == Grammar.MINE && !quantifiedObject(s, word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * "I write down every complaint they have": "every" quantifies the object of my verb, once, unless what it counts is
     * a time ("I check it every morning") or a recurring event ("every release"); nor is "every one of them" when it is
     * the subject of "is", "was" or "has" ("every one of the loads I check" still is a frequency).
     */
    private static boolean quantifiedObject(Sentence s, int every) {
        if (every + 1 >= s.words.length || !s.words[every].equals("every")) {
            return false;
        }
        if (subjectOfBe(s.words, every)) {
            return true; // "every one of them is a 600-line notebook": what the sentence is about, not when I act
        }
        if (every < 1) {
            return false;
        }
        int verb = every - 1;
        if (verb > 0 && Grammar.isParticle(s.words[verb])) {
            verb--; // "write down every ..."
        }
        return (s.tags[verb] & (Morphology.VBD | Morphology.VBZ | Morphology.VBP | Morphology.VB)) != 0
                && ((s.tags[verb] & Morphology.NOUN) == 0 || askedTo(s.words, verb))
                && !Grammar.isTimeNoun(s.words[every + 1])
                && !RECURRING.contains(s.words[every + 1]);
    }

    /** "I ask her to list every number she doubts": the verb after a request's "to" is a verb, though "list" is a noun too. */
    private static boolean askedTo(String[] w, int verb) {
        if (verb < 2 || !w[verb - 1].equals("to")) {
            return false;
        }
        for (int j = Math.max(0, verb - 5); j < verb - 1; j++) {
            if (REQUESTS.contains(w[j])) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> REQUESTS = Set.of("ask", "asks", "asked", "tell", "tells", "told");

    private static final Set<String> BE_OR_HAVE = Set.of("is", "was", "are", "were", "has", "had");

    /** "every one of them is ...", "every single one of the DAGs was ...": "every" opens the subject of "be" or "have". */
    private static boolean subjectOfBe(String[] w, int every) {
        int k = every + 1;
        k += k < w.length && w[k].equals("single") ? 1 : 0;
        if (k >= w.length || !w[k].equals("one")) {
            return false;
        }
        k++;
        if (k < w.length && w[k].equals("of")) {
            // "of them", "of the old DAGs": a few words name the set before its verb
            for (int end = Math.min(w.length, k + 5); k < end && !BE_OR_HAVE.contains(w[k]); k++) {
                if (w[k].equals("i") || w[k].equals("we")) {
                    return false; // "every one of the loads I check": my step, however often
                }
            }
        }
        return k < w.length && BE_OR_HAVE.contains(w[k]);
    }

    /** Besides the recurring times ({@link Grammar#isTimeNoun}), what "every" counts when it makes a frequency. */
    private static final Set<String> RECURRING = Set.of("hour", "minute", "weekend", "monday",
            "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "incident", "deploy", "deployment", "pr",
            "pull", "review", "standup", "meeting", "run", "new", "single", "other", "few");

    /** Cheap pre-check so the patterns run only on the few sentences that can match them. */
    private static boolean mayAnchorOrRoutine(String[] words) {
        for (String w : words) {
            if (ANCHOR_WORDS.contains(w) || w.equals("every") || w.equals("whenever") || w.equals("each")
                    || w.equals("once") || w.equals("twice") || w.endsWith("days")) {
                return true;
            }
        }
        return false;
    }

    private boolean pastAnchor;
    /** Stand-ins for a story's specifics ("some rows", "another team", "a while back") in its counted sentences. */
    int vagueReferences;
    /** The first stand-in of each sentence that has one, in order, to quote back. */
    final Set<String> vagueExamples = new java.util.LinkedHashSet<>();
    /** Specificity points the stand-ins cost. */
    double vaguePenalty;

    /** The first {@code n} stand-ins, quoted, for the feedback and --explain: "\"some\", \"a while back\"". */
    String quotedStandIns(int n) {
        return vagueExamples.stream().limit(n).map(v -> "\"" + v + "\"").collect(java.util.stream.Collectors.joining(", "));
    }
    private boolean habit;

    private void specificity(Lexicon lex, Rubric r) {
        int hypo = 0;
        boolean conditionSeen = false; // a sentence opened on "if", "whenever", "any time" so far
        int routineSentences = 0; // present-tense sentences of mine with a frequency ("whenever", "every PR")
        int pastI = 0;
        int mostlyPastI = 0;
        int presentI = 0;
        int actorSentences = 0;
        int pastActor = 0;
        Set<String> systemNames = new HashSet<>();
        int timeframeId = lex.id("timeframe");
        int vagueId = lex.id("vague_references");
        int reasonId = lex.id("reasons");
        int systemId = lex.id("systems");
        for (Sentence s : a.sentences) {
            if (!s.real) {
                // a verbless line still says something concrete ("nothing fancy: one spark job writing to
                // redis"): its names and numbers count against "nothing concrete", not for specificity
                if (!s.stuffed && !s.echo && !s.repeated) {
                    concreteNames += s.has(systemId) ? 1 : 0;
                    concreteNumbers += s.quantities - s.ratios;
                    // and a short opener places the story in time ("It's early last year.", "March 2023.")
                    pastAnchor |= hasYear(s) && !futureYear(s)
                            || mayAnchorOrRoutine(s.words) && PAST_ANCHOR.matcher(" " + String.join(" ", s.words) + " ").find();
                }
                continue;
            }
            concreteNumbers += s.quantities - s.ratios;
            pastTold += s.grammar.past > 0 && !s.hypothetical && !s.reportedIntent ? 1 : 0;
            boolean future = futureYear(s); // "In March 2028 we launched ...": it cannot have happened yet
            if (s.hypothetical || s.reportedIntent || future) {
                // a story told as "I said I would ..." throughout is a plan, not something that happened
                hypo++;
                if (firstHypothetical == null) {
                    firstHypothetical = s;
                    firstIsFutureDated = future && !s.hypothetical && !s.reportedIntent;
                }
            } else if (s.actor == Actor.I) {
                if (s.past) {
                    pastI++;
                    // "For staleness I add a check that says when data last landed": a present step with a past aside
                    mostlyPastI += s.grammar.past >= s.grammar.present ? 1 : 0;
                } else {
                    presentI++;
                }
            }
            if (s.actor != Actor.NONE) {
                actorSentences++;
                pastActor += s.past && !s.hypothetical ? 1 : 0;
            }
            if (s.has(vagueId)) {
                vagueReferences += AnswerAnalysis.countMatches(s.words, s, vagueId, lex);
                vagueExamples.add(s.matched(vagueId));
            }
            boolean year = hasYear(s);
            timeframe |= s.has(timeframeId) || year;
            pastAnchor |= year;
            // a playbook's condition may stand a sentence before its "that morning" ("Any time a load fails, ...")
            conditionSeen |= opensACondition(s.words);
            if (mayAnchorOrRoutine(s.words)) {
                String lower = " " + String.join(" ", s.words) + " ";
                pastAnchor |= PAST_ANCHOR.matcher(lower).find();
                // a time of the story's own day places it ("so that afternoon I write a short checklist"), but not
                // in a condition: "if a pipeline fails, I pick it up that morning" is a playbook (hostile round 14)
                pastAnchor |= THAT_DAY.matcher(lower).find() && !CONDITION.matcher(lower).find() && !conditionSeen;
                habit |= HABIT.matcher(lower).find(); // "every week I check": not "a check that runs every night"
                // a sentence that tells more past steps than present ones ("i traced it ... every 500 rows, so i
                // cloned their repo") is one occasion, not a routine
                // ... in the present, or in the past progressive ("every morning I was reading the overnight logs")
                if ((s.grammar.present > 0 && s.grammar.present >= s.grammar.past || PAST_PROGRESSIVE.matcher(lower).find())
                        && (lower.contains(" i ") || lower.contains(" i'm ")) && myFrequency(s, lower)) {
                    routineSentences++;
                }
            }
            reasons += s.has(reasonId) ? 1 : 0;
            if (s.has(systemId)) {
                systemNames.add(s.matched(systemId));
            }
            for (int k = 0; k < s.words.length; k++) {
                if ((s.flags[k] & Lexicon.UNDERSCORE) != 0) {
                    systemNames.add(s.words[k]); // a table or job name such as orders_daily
                }
            }
            if (s.names == 0 && !s.stuffed) { // "I showed Customer Obsession" names nothing of the story
                namedThings(s.text, systemNames);
            }
        }
        systems = systemNames.size();
        // "I would / I usually" instead of a story: no past first-person action outweighs them
        // (a story in the present tense anchored in time, "Last year ... I pull both queries", is a story)
        // "So it's the Thursday before Black Friday and I'm looking at ...": one occasion retold in the
        // present, with its specifics (a time, named things, numbers); not a routine, and the odd "will"
        // in it ("so it won't happen again") does not make it a plan
        // a routine: frequencies said of the writer's own present actions, at least as many as past steps
        habit |= routineSentences >= 2 && pastI <= routineSentences;
        // one occasion retold in the present is placed in time ("So it's a Thursday in November", "last spring"):
        // named tools and numbers alone do not make a playbook ("First I open the Airflow logs ...") a story
        boolean presentStory = mostlyPastI == 0 && !habit && presentI >= 3 && hypo * 2 < presentI && pastAnchor;
        // a real story wrapped in opinions ("I really believe engineers have a responsibility ...") is still a
        // story: its past sentences (mine, the team's, what happened) outnumber the plans and routines
        // (the padding around it counts too: "I try to bring that mindset to every team I join")
        boolean toldStory = pastActor > hypo + routineSentences
                // placed in a past year and told mostly in the past tense: its "I could either wait or ...", "I'd
                // read their code the month before" and "I would check it every morning" are a past story's modals
                // (or, unplaced, told in two or more past steps of mine: the opinions padding it are not a plan)
                || (pastAnchor || pastI >= 2) && !habit && pastTold >= 2 * hypo && pastTold >= 4;
        hypothetical = !presentStory && ((hypo >= 2 && hypo >= pastI && !toldStory)
                // no past step of mine; or one stray past verb among four or more present ones, placed nowhere in time
                // ("I also read the changelog before we upgrade"): what I do, not what I did
                || ((pastI == 0 || pastI == 1 && !pastAnchor && !placedOnce()) && hypo + presentI >= 2 + 2 * pastI
                        && !(hypo == 0 && pastAnchor && !habit)))
                || (habit && !toldStory && (pastI * 2 < presentI || pastI <= routineSentences)); // a routine, a stray past verb or not
        pastShare = actorSentences == 0 ? 0 : presentStory ? 1 : (double) pastActor / actorSentences;
        double points = 0;
        points += pastShare >= r.num("specificity.past_tense_share") ? r.num("specificity.past_tense_points")
                : pastShare >= r.num("specificity.past_tense_share") / 2 ? r.num("specificity.past_tense_points") / 2 : 0;
        points += timeframe ? r.num("specificity.timeframe_points") : 0;
        double[] sys = r.list("specificity.system_points");
        points += sys[Math.min(systems, sys.length - 1)];
        double[] rea = r.list("specificity.reason_points");
        points += rea[Math.min(reasons, rea.length - 1)];
        // stand-ins for specifics ("some rows", "another team", "a while back") beyond a few per 100 words
        double over = vagueReferences - r.num("specificity.vague_free_per_100_words") * a.wordCount / 100.0;
        vaguePenalty = Math.min(r.num("specificity.max_vague_penalty"), Math.max(0, over) * r.num("specificity.vague_penalty"));
        points -= vaguePenalty;
        if (hypothetical) {
            points = Math.min(points, r.num("specificity.hypothetical_cap"));
        }
        scores.put("specificity", clamp(points));
    }

    /** A word-like token: letters, digits and the joiners inside names ("v5.3", "EC2", "O'Brien"). */
    private static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9.'_/+-]*");
    private static final Set<String> NOT_NAMES = Set.of("i", "i'm", "i'd", "i've", "i'll", "situation", "task",
            "action", "actions", "result", "results", "learning", "lesson", "star", "ok", "okay");

    /**
     * Adds the things the writer named, read from how they are written rather than from a list: a
     * capitalised word inside a sentence ("Tableau", "Sydney", "October"), an acronym ("DPO", "TTL") or
     * a name with digits ("v5.3", "EC2"). Replacing them with "a dashboard", "recently" is what makes a
     * story anyone's; the first word of a sentence or of a line is capitalised anyway and not counted.
     */
    static void namedThings(String text, Set<String> into) {
        java.util.regex.Matcher m = TOKEN.matcher(text);
        int previousEnd = 0;
        boolean first = true;
        while (m.find()) {
            // the first word, and a word after a line break or a colon, is capitalised anyway
            boolean startsSentence = first;
            for (int k = previousEnd; k < m.start() && !startsSentence; k++) {
                char c = text.charAt(k);
                startsSentence = c == '\n' || c == ':';
            }
            first = false;
            previousEnd = m.end();
            int end = m.end();
            while (end > m.start() && ".'-".indexOf(text.charAt(end - 1)) >= 0) {
                end--;
            }
            if (end == m.start()) {
                continue;
            }
            boolean letters = false;
            boolean digits = false;
            boolean upperAfterFirst = false;
            boolean allUpper = true;
            for (int k = m.start(); k < end; k++) {
                char c = text.charAt(k);
                letters |= Character.isLetter(c);
                digits |= Character.isDigit(c);
                upperAfterFirst |= k > m.start() && Character.isUpperCase(c);
                allUpper &= !Character.isLetter(c) || Character.isUpperCase(c);
            }
            boolean capitalised = Character.isUpperCase(text.charAt(m.start())) && !startsSentence || upperAfterFirst;
            boolean acronym = letters && allUpper && end - m.start() >= 2;
            if (!(letters && digits || acronym || capitalised)) {
                continue; // most words: decided without building a string
            }
            String word = text.substring(m.start(), end);
            if (NOT_NAMES.contains(word.toLowerCase(java.util.Locale.ROOT))
                    || letters && digits && !acronym && !capitalised && ORDINARY_NUMBER.matcher(word).matches()) {
                continue;
            }
            into.add(word.toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** Numbers with a unit glued on ("3rd", "40k", "2h", "10am") are measurements, not names. */
    private static final java.util.regex.Pattern ORDINARY_NUMBER = java.util.regex.Pattern.compile(
            "(?i)\\d+(st|nd|rd|th|s|k|m|h|am|pm|x|gb|tb|mb|ms|min)?");

    /** A year up to this one: it places the story in time ("in 2023"). */
    private boolean hasYear(Sentence s) {
        for (int k = 0; k < s.flags.length; k++) {
            if ((s.flags[k] & Lexicon.YEAR) != 0 && yearOf(s.words[k]) <= thisYear) {
                return true;
            }
        }
        return false;
    }

    /** The year the answer is scored in (read per answer, so a bot running over New Year moves with it). */
    private final int thisYear = java.time.Year.now().getValue();

    /** A year after this one: the sentence is a plan or an invention, not something that happened. */
    private boolean futureYear(Sentence s) {
        for (int k = 0; k < s.flags.length; k++) {
            if ((s.flags[k] & Lexicon.YEAR) != 0 && yearOf(s.words[k]) > thisYear && datesTheSentence(s.words, k)
                    && toldInThePast(s, k)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the year at {@code k} says when the sentence happened ("In March 2028 we launched", "by 2029"), not
     * which thing it names ("the 2027 law", "our 2028 plan").
     */
    private static boolean datesTheSentence(String[] w, int k) {
        int before = k - 1;
        if (before >= 0 && MONTHS.contains(w[before])) {
            before--;
        }
        return before < 0 || DATING.contains(w[before]);
    }

    /**
     * Whether the verb a date belongs to (the nearest finite verb before it, else the first after it) is in the past:
     * "the law takes effect in January 2027" is a date the story looks ahead to, not when it happened.
     */
    private static boolean toldInThePast(Sentence s, int k) {
        for (int j = k - 1; j >= 0; j--) {
            int kind = Grammar.finite(s.words, s.tags, j);
            if (kind != 0) {
                return kind == 1;
            }
        }
        for (int j = k + 1; j < s.words.length; j++) {
            int kind = Grammar.finite(s.words, s.tags, j);
            if (kind != 0) {
                return kind == 1;
            }
        }
        return true;
    }

    private static final Set<String> DATING = Set.of("in", "by", "during", "since", "from", "until", "till", "of", "early",
            "late", "mid", "spring", "summer", "autumn", "fall", "winter", "q1", "q2", "q3", "q4", "h1", "h2", "and", "or");
    private static final Set<String> MONTHS = Set.of("january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
            "sep", "sept", "oct", "nov", "dec");

    private static int yearOf(String word) {
        try {
            return Integer.parseInt(word.length() > 4 ? word.substring(0, 4) : word);
        } catch (NumberFormatException e) {
            return 0; // "2023's", "fy2024": read as a past year, as before
        }
    }

    private void concision(Lexicon lex, Rubric r) {
        int hedges = lex.id("hedges");
        int fill = lex.id("fillers");
        for (Sentence s : a.sentences) {
            for (int id : new int[] {hedges, fill}) {
                if (s.has(id)) {
                    fillers.merge(s.matched(id), 1, Integer::sum);
                    fillerCount++;
                }
            }
        }
        double[] ideal = r.list("concision.ideal_words");
        int n = a.wordCount;
        double outside = n < ideal[0] ? ideal[0] - n : n > ideal[1] ? n - ideal[1] : 0;
        // continuous: a few words either side of the range cost a little, never a whole point ("406 words" and
        // "392 words" score alike); below it, where a story thins out, each point goes sooner than above it
        double points = 4 - outside / r.num(n < ideal[0] ? "concision.short_words_per_point" : "concision.words_per_point");
        double per100 = n == 0 ? 0 : fillerCount * 100.0 / n;
        points -= Math.floor(per100 / r.num("concision.fillers_per_100_words_per_point"));
        // not rounded to half points like the rest: a rounded length would step again, at every quarter point
        scores.put("concision", n == 0 ? 0 : Math.max(0, Math.min(4, points)));
    }

    private void countWorkTerms(Lexicon lex) {
        Set<String> seen = new HashSet<>();
        Set<String> told = new HashSet<>();
        int systemsId = lex.id("systems");
        for (Sentence s : a.sentences) {
            if (!s.real) {
                continue;
            }
            workWords(s, systemsId, told);
            if (s.part == Part.ACTION || s.part == Part.RESULT) {
                workWords(s, systemsId, seen);
            }
        }
        workTerms = seen.size();
        storyWorkTerms = told.size();
    }

    /** Adds a sentence's work words and named system to {@code into}. */
    private static void workWords(Sentence s, int systemsId, Set<String> into) {
        for (int k = 0; k < s.words.length; k++) {
            if ((s.flags[k] & Lexicon.WORK_TERM) != 0) {
                into.add(s.words[k]);
            }
        }
        if (s.has(systemsId)) {
            into.add(s.matched(systemsId));
        }
    }

    private void caps(Lexicon lex, Rubric r) {
        double weights = 0;
        double sum = 0;
        for (Rubric.Dimension d : r.dimensions.values()) {
            weights += d.weight();
            sum += d.weight() * scores.get(d.name()) / 4.0;
        }
        raw = weights == 0 ? 0 : 100 * sum / weights;
        for (Sentence s : a.sentences) {
            if (s.words.length >= r.num("sentences.min_words")) {
                countedSentences++;
                stuffedSentences += s.stuffed || s.repeated ? 1 : 0;
            }
        }
        if (countedSentences > 0 && stuffedSentences >= 2
                && (double) stuffedSentences / countedSentences >= r.num("sentences.stuffing_sentence_share")) {
            caps.add(new Cap("stuffing", (int) r.num("caps.stuffing"), stuffedSentences + " of " + countedSentences
                    + " sentences are keyword lists, recited principle names or repeats; only real sentences count"));
        }
        // one buzzword or principle name per sentence passes the per-sentence test; four across the answer
        // ("a bold vision", "drove alignment", "seamlessly", "I showed Have Backbone") are a recital, not a story
        int recitedTotal = a.sentences.stream().mapToInt(s -> s.recited).sum();
        if (recitedTotal >= r.num("caps.recited_per_answer")) {
            caps.add(new Cap("stuffing", (int) r.num("caps.stuffing"), recitedTotal
                    + " principle names, principle phrases or buzzwords; say what you did in your own words"));
        }
        if (isTemplate(a.text)) {
            caps.add(new Cap("template", (int) r.num("caps.template"),
                    "placeholders are left in (\"" + firstSlot(a.text) + "\"); tell the real story with its real names and numbers"));
        }
        int echoWords = 0;
        int shortSentences = 0;
        for (Sentence s : a.sentences) {
            echoWords += s.echo ? s.words.length : 0;
            shortSentences += s.words.length < r.num("caps.fragment_words") ? 1 : 0;
        }
        if (a.wordCount > 0 && (echoWords >= r.num("caps.echo_word_share") * a.wordCount
                || a.promptShare >= r.num("caps.echo_prompt_share"))) {
            caps.add(new Cap("echo", (int) r.num("caps.echo"),
                    "much of this repeats the question; answer it with one thing that happened"));
        }
        if (shortSentences >= 4 && shortSentences >= r.num("caps.fragment_share") * a.sentences.size()) {
            caps.add(new Cap("fragments", (int) r.num("caps.fragments"), shortSentences + " of " + a.sentences.size()
                    + " sentences are a few words long: a list of claims, not a story"));
        }
        if (a.wordCount > r.num("caps.very_long_words")) {
            caps.add(new Cap("very long", (int) r.num("caps.very_long"), a.wordCount
                    + " words is far past three minutes of speech; cut it to the steps that mattered"));
        }
        if (a.wordCount > r.num("caps.long_words")) {
            // progressive: every word past the limit costs, so padding a story never pays
            lengthCost = (a.wordCount - r.num("caps.long_words")) * r.num("caps.long_cost_per_100_words") / 100;
            raw -= lengthCost;
        }
        int disclaimers = lex.id("disclaimers");
        Sentence disclaimer = a.sentences.stream().filter(s -> s.has(disclaimers)).findFirst().orElse(null);
        if (disclaimer != null) {
            // "I made up an example to show how I think about it": the teller says it did not happen (hostile round 14)
            caps.add(new Cap("made up", (int) r.num("caps.made_up"), "you say this did not happen (\""
                    + disclaimer.matched(disclaimers) + "\"); tell one real time it happened"));
        } else if (hypothetical) {
            caps.add(new Cap("hypothetical", (int) r.num("caps.hypothetical"), firstIsFutureDated
                    ? "this is dated after today, so it has not happened yet; tell one real time it happened"
                    : "this describes what you would do, not what you did; tell one real time it happened"));
        }
        int general = lex.id("generalisations");
        List<Sentence> generalising = a.sentences.stream().filter(s -> s.has(general)).toList();
        // a story that names its own time ("this story is from Orbit Freight in 2022", "In May 2024 ...") may open with
        // a line about the teller, or say "in each case" of the rows it checked: it is still one occasion
        // ... but not when most of what it says describes the teller ("one of my core strengths", "who always", "I
        // constantly"): one more such line than allowed is a self-portrait, whatever time it names
        if (!hypothetical && generalising.size() >= r.num("caps.generalisation_sentences") + (pastAnchor ? 1 : 0)) {
            caps.add(new Cap("not one occasion", (int) r.num("caps.hypothetical"), "this sums up many occasions or"
                    + " describes you (\"" + generalising.get(0).matched(general) + "\"); tell one time it happened"));
        }
        // only claims of mine besides a step of mine read as the Result: the claims are not all there is
        if (iActions == 0 && !(firstClaim != null && stepInResult)) {
            caps.add(new Cap("no first-person action", (int) r.num("caps.no_first_person_action"), firstClaim == null
                    ? "no sentence says what you did yourself"
                    : FeedbackWriter.quote(firstClaim) + " claims it but tells no step; say what you did yourself"));
        }
        if (!partWords.containsKey(Part.RESULT) && quantified == 0) {
            caps.add(new Cap("no result", (int) r.num("caps.no_result"),
                    "the story has no result: say how it ended, with a number"));
        }
        if (a.wordCount < r.num("caps.too_short_words")) {
            caps.add(new Cap("too short", (int) r.num("caps.too_short"), a.wordCount + " words is a list of claims,"
                    + " not a story; tell what you did step by step"));
        }
        if (concreteNumbers == 0 && systems + concreteNames == 0 && !timeframe) {
            caps.add(new Cap("nothing concrete", (int) r.num("caps.nothing_concrete"),
                    "nothing in it is concrete - no number, no named system, no time; tell it so only you could"));
        }
        int outside = lex.id("outside_work");
        boolean announcedOutside = a.sentences.stream().anyMatch(s -> s.has(outside));
        double needed = r.num("caps.off_topic_work_terms") * (announcedOutside ? 2 : 1);
        // the scene counts too when it is plainly work ("the head of sales ops wanted the pipeline dashboard ..."):
        // steps told in everyday words ("showed him last year's numbers") need touch it only once
        boolean workScene = !announcedOutside && workTerms >= 1 && storyWorkTerms >= r.num("caps.off_topic_story_terms");
        // a short answer is capped as too short already, unless it says it is not about work
        if (workTerms < needed && !workScene && (a.wordCount >= r.num("caps.too_short_words") || announcedOutside)) {
            caps.add(new Cap("not a work story", (int) r.num("caps.off_topic"),
                    "what you did and what came of it never touch your work (a team, a system, data, a customer);"
                            + " tell a story from your job"));
        }
        if (askedGroups == 0 && !modelClose) {
            caps.add(new Cap("off principle", (int) r.num("caps.off_principle"),
                    "nothing here shows " + asked.displayName() + "; answer the question that was asked"));
        } else if (askedGroups == 0) {
            // no phrase of it, but the learned reading puts the asked principle at or near the top: the story may
            // show it in words no list holds, so it is thin rather than off (a cliff of 30 points otherwise turns
            // on which side of the top the reading falls)
            caps.add(new Cap("thin principle evidence", (int) r.num("caps.thin_principle_evidence"),
                    "no phrase of " + asked.displayName() + " stands out, though the story comes close to it; show it"
                            + " in what you did and how it ended"));
        } else if (!askedEvidence && other != null && !termsFound.isEmpty()) {
            // one stray word of the asked principle in a story the reading puts clearly with another ("finance" in
            // a cost cut asked about customers): the question is not answered, as with no word at all
            caps.add(new Cap("off principle", (int) r.num("caps.off_principle"),
                    "only one word (\"" + termsFound.get(0) + "\") shows " + asked.displayName() + ", and the story shows "
                            + other.displayName() + "; answer the question that was asked"));
        } else if (!askedEvidence && !modelClose) {
            caps.add(new Cap("thin principle evidence", (int) r.num("caps.thin_principle_evidence"),
                    (!termsFound.isEmpty() ? "only one word (\"" + termsFound.get(0) + "\") shows "
                            // else the one group is the question's own words (a reading of it lifts the cap)
                            : "only the question's own words show ")
                            + asked.displayName() + "; show it in what you did and how it ended"));
        }
        if (caps.stream().anyMatch(c -> c.name().equals("not a work story"))) {
            // a story from outside work shows no principle at work: naming one would point away from the fix
            other = null;
            otherQuote = null;
        }
        // A cap keeps the order of what it caps: two stories with the same defect, one with numbers and one
        // without, must not tie at the cap. Below the limit the total falls with the weighted score, by at
        // most cap_spread points at a weighted score of 0 (continuous and rising with the weighted score).
        double t = raw;
        // defects compound: across the blind development parts no answer labelled 3 or 4 had two different caps,
        // and most keyword lists, templates and echoes have three or more
        capKinds = (int) caps.stream().map(Cap::name).distinct().count();
        compounded = (int) Math.round(Math.min(r.num("caps.compound_most"),
                r.num("caps.compound_step") * Math.max(0, capKinds - 1)));
        if (compounded > 0) {
            caps.replaceAll(c -> new Cap(c.name(), Math.max(0, c.limit() - compounded), c.why()));
        }
        for (Cap c : caps) {
            t = capped(t, raw, c.limit(), r.num("caps.cap_spread"));
        }
        total = (int) Math.round(Math.max(0, Math.min(100, t)));
    }

    /** {@code total} under one cap: at most the limit, less the further the weighted score is from 100. */
    static double capped(double total, double raw, double limit, double spread) {
        return Math.min(total, limit - spread * (1 - raw / 100));
    }

    /**
     * A template has slots left in: one bracketed slot ("[situation]", "<metric>") or two bare ones ("X%",
     * "TBD"). One bare "TBD" or "X%" is something a real story can mention ("the owner was literally
     * 'TBD'"), and a quoted one always is.
     */
    static boolean isTemplate(String text) {
        return firstSlot(text) != null;
    }

    /** The first placeholder that makes the text a template (one bracketed slot, or the first of two bare ones), or null. */
    static String firstSlot(String text) {
        java.util.regex.Matcher m = TEMPLATE.matcher(text);
        String first = null;
        int bare = 0;
        int tokenSentence = -1; // where the one sentence that names its tokens starts
        boolean quotedSlotSeen = false;
        while (m.find()) {
            char open = text.charAt(m.start());
            if ((open == '<' || open == '{') && inPath(text, m.start(), m.end())) {
                continue; // a path or a file name with its pattern: "s3://events/raw/{date}/", "orders_<yyyymmdd>.csv"
            }
            if (open == '{' && m.start() > 0 && "{$".indexOf(text.charAt(m.start() - 1)) >= 0 && !namedLikeASlot(m.group())
                    || open == '[' && REDACTION_MARKS.contains(m.group())) {
                // code ("{{ds}}", "${run_date}") and a redaction mark ("[REDACTED]") are written literally; a
                // double-brace slot named like one ("{{company}}", "{{root_cause}}") is still a slot
                continue;
            }
            if (open == '[' && !quotedSlotSeen && insideQuote(text, m.start(), m.end())) {
                quotedSlotSeen = true;
                continue; // the e-mail that went out began "Hi [First Name],": quoted from the system, once
            }
            if (open == '(' && BEFORE_AFTER.matcher(m.group()).matches() && measured(text, m.start())) {
                // "3 h 12 min (before) vs 48 min (after)": a label on a measurement, not a slot ("2023 (year)" and
                // "4 (number) times" are a template's slots with examples written in: hostile round 13)
                continue;
            }
            int named = (open == '<' || open == '[') ? namedToken(text, m.start(), m.group()) : -1;
            if (named >= 0 && (tokenSentence < 0 || tokenSentence == named)) {
                tokenSentence = named;
                continue; // "placeholder tokens like <CARD> and <CONDITION>": the story names the tokens it wrote, once
            }
            if (named >= 0) {
                return m.group(); // tokens named all over the answer are a template's slots
            }
            if (open == '<' && HTML_TAGS.contains(m.group().toLowerCase(java.util.Locale.ROOT))
                    || open == '[' && LOG_LEVELS.contains(m.group())) {
                continue; // a page that began with <html>, a [WARN] line in a log: quoted from the system
            }
            boolean elided = m.group().equals("[...]") || m.group().equals("[\u2026]"); // "[...]" also marks a cut in a quote
            if ((open == '[' && !elided) || open == '<' || open == '{' || open == '_') {
                return m.group();
            }
            if (m.group().equals("TBD") && fieldValue(text, m.start())) {
                continue; // a form's field quoted from the wiki ("Owner: TBD"), not a slot of the answer
            }
            if (YES_NO.matcher(m.group()).matches()) {
                continue; // a flag flipped "from Y to N" is a yes/no value, not "from X to Y"
            }
            if (m.group().indexOf('_') > 0 && !slotName(m.group())) {
                continue; // a table or column such as FACT_ORDERS or STATUS_CHANGE_DATE, not a slot
            }
            boolean quoted = m.start() > 0 && m.end() < text.length() && "\"'\u201c\u2018".indexOf(text.charAt(m.start() - 1)) >= 0
                    && "\"'\u201d\u2019".indexOf(text.charAt(m.end())) >= 0;
            if (!quoted) {
                bare++;
                first = first == null ? m.group() : first;
            }
        }
        return bare >= 2 ? first : null;
    }

    /** Whether {@code [from, to)} sits inside a short quotation on its line: an opening quote before it, a closing one after. */
    private static boolean insideQuote(String text, int from, int to) {
        boolean opened = false;
        for (int k = from - 1; k >= Math.max(0, from - 60) && text.charAt(k) != '\n' && !opened; k--) {
            opened = "\"\u201c".indexOf(text.charAt(k)) >= 0;
        }
        for (int k = to; opened && k < Math.min(text.length(), to + 60) && text.charAt(k) != '\n'; k++) {
            if ("\"\u201d".indexOf(text.charAt(k)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether a bracketed name reads as a slot's ("{company}", "{root cause}"), by the same words as COMPANY_NAME. */
    private static boolean namedLikeASlot(String bracketed) {
        String name = bracketed.substring(1, bracketed.length() - 1).strip();
        return slotName(name.toUpperCase(java.util.Locale.ROOT).replace(' ', '_'));
    }

    private static final java.util.regex.Pattern BEFORE_AFTER = java.util.regex.Pattern.compile("(?i)\\((before|after)\\)");

    /** Whether a measurement ("48 min ", "$130 ") ends just before {@code at}: a digit within its last two words. */
    private static boolean measured(String text, int at) {
        int words = 0;
        for (int k = at - 1; k >= 0 && words <= 2 && text.charAt(k) != '\n'; k--) {
            char c = text.charAt(k);
            if (Character.isDigit(c)) {
                return true;
            }
            words += c == ' ' && k > 0 && text.charAt(k - 1) != ' ' ? 1 : 0;
        }
        return false;
    }

    /**
     * Placeholders from a template: [situation], <metric>, {team}, ____, (company), X%, N hours, XX, TBD, "from X to Y", and words in
     * capitals joined by underscores (kept only when they name a slot, {@link #SLOT_NAME}). The leading lookahead lets
     * every other position fail on one character test (without it the scorer was about 0.3 ms slower per 400-word
     * answer: LpScoringBenchmark, docs/benchmarks.md runs 25-28).
     */
    static final java.util.regex.Pattern TEMPLATE = java.util.regex.Pattern.compile(
            "(?=[\\[<{$A-Zf(_%?0])(?:\\[[A-Za-z][^\\]\\n]{0,40}]|<[A-Za-z][A-Za-z _-]{1,30}>|\\{ ?[A-Za-z][A-Za-z _-]{1,30}}|\\{[0-9]{1,2}}"
                    // "In [...] at [...]", "about ?? times a week": an elided or unknown slot (bare: two make a template)
                    + "|\\[(?:\\.\\.\\.|\u2026)]|(?<=\\s)\\?\\?(?=[\\s%])"
                    // "%COMPANY%", "%ROOT_CAUSE%": a mail-merge slot
                    + "|%[A-Z][A-Z_]{1,30}%"
                    // a blank to fill in: "In ____ at ________"
                    + "|_{3,}"
                    // a slot in round brackets: "At (company)", "from (before) to (after)", "(describe the fix)"
                    + "|\\((?i:company|team|year|date|timeframe|time ?frame|metric|root cause|before|after|result|number|name"
                    + "|system|tool|amount|percentage|stakeholders?|project|impact|outcome|situation|task|action|describe[^)\\n]{0,30}"
                    + "|insert[^)\\n]{0,30}|your [a-z ]{1,20})\\)"
                    + "|(?<![\\w$])[NWXYZ]{1,2}\\s?(%|x\\b|percent|hours?|days?|weeks?|months?|minutes?)"
                    // "XX" is a slot; "XXXX-XXXX-XXXX" is a card number's mask
                    + "|\\$[XN]{1,2}\\b|(?<!X-)\\bX{2,}\\b(?!-X)|\\bTBD\\b"
                    // "from X to Y", "from Y per week to Z per week": letters where the numbers go
                    + "|\\bfrom [NWXYZ]\\b[^.\\n]{0,30}?\\bto [NWXYZ]\\b"
                    // numbers zeroed out where the real ones go: "00 times a month", "in Q0 0000", "from 0h00m to 0h00m"
                    // (hostile round 32; not a clock's "10:00", "1.00" or the nil UUID "00000000-0000-...")
                    + "|(?<![-:.,\\d])\\b0{2,}\\b(?![-:.,])|\\bQ0\\b|\\b0+h0+m?\\b"
                    // COMPANY_NAME, TOOL_1, ROOT_CAUSE (checked against SLOT_NAME)
                    + "|\\b[A-Z][A-Z0-9]*_[A-Z0-9_]*\\b)");
    /**
     * Whether words in capitals joined by underscores name a slot: every part is a slot's word (COMPANY_NAME, TOOL_1,
     * ROOT_CAUSE, YOUR_TEAM). A table or column has words of its own (FACT_ORDERS, STATUS_CHANGE_DATE, ACCOUNT_NUMBER).
     */
    private static boolean slotName(String token) {
        boolean slot = false;
        for (String part : token.split("_")) {
            if (part.isEmpty() || part.chars().allMatch(Character::isDigit) || SLOT_FILLERS.contains(part)) {
                continue;
            }
            if (!SLOT_WORDS.contains(part)) {
                return false;
            }
            slot = true;
        }
        return slot;
    }

    private static final Set<String> SLOT_WORDS = Set.of("NAME", "TOOL", "COMPANY", "PROJECT", "DEPARTMENT", "TEAM", "CAUSE",
            "FIX", "METRIC", "MANAGER", "DESCRIBE", "PLACEHOLDER", "SYSTEM", "NUMBER", "DATE", "RESULT", "IMPACT", "OUTCOME",
            "ACTION", "TASK", "SITUATION", "STAKEHOLDER", "AMOUNT", "PERCENT", "PERCENTAGE", "TIMEFRAME", "YEAR");
    private static final Set<String> SLOT_FILLERS = Set.of("YOUR", "ROOT", "KEY", "MAIN", "OLD", "NEW", "BEFORE", "AFTER",
            "THE", "X", "Y", "N", "A", "B");

    private static final java.util.regex.Pattern YES_NO = java.util.regex.Pattern.compile("from ([YN])\\b.*\\bto (?!\\1)[YN]");
    private static final Set<String> REDACTION_MARKS = Set.of("[REDACTED]", "[MASKED]", "[REMOVED]", "[PII]", "[HIDDEN]",
            "[ANONYMISED]", "[ANONYMIZED]", "[SCRUBBED]", "[FILTERED]", "[OMITTED]", "[EMAIL]", "[PHONE]");

    /**
     * Whether the "TBD" at {@code at} is the value of a field named by a word that is no part of an answer ("Owner:
     * TBD", "On-call: TBD"); "Result: TBD" is a slot of a STAR template.
     */
    private static boolean fieldValue(String text, int at) {
        int colon = at - 1;
        while (colon >= 0 && text.charAt(colon) == ' ') {
            colon--;
        }
        if (colon < 1 || text.charAt(colon) != ':') {
            return false;
        }
        int from = colon;
        while (from > 0 && (Character.isLetter(text.charAt(from - 1)) || text.charAt(from - 1) == '-')) {
            from--;
        }
        String field = text.substring(from, colon).toLowerCase(java.util.Locale.ROOT);
        return !field.isEmpty() && !ANSWER_FIELDS.contains(field);
    }

    /** The parts of an answer a template leaves to fill in. */
    private static final Set<String> ANSWER_FIELDS = Set.of("situation", "task", "action", "actions", "result", "results",
            "impact", "outcome", "metric", "metrics", "learning", "learnings", "lesson", "lessons", "context", "problem",
            "approach", "timeline", "date", "company", "team", "role", "numbers");

    /**
     * Whether a bracketed word in capitals ("<CARD>", "[PHONE]") is a token the story says it wrote: the sentence calls
     * it one ("placeholder tokens like <CARD>", "masked with a [PHONE] tag") before it. A template's slots say what to
     * fill in ("<metric>", "[company]") and are never introduced as tokens.
     */
    private static int namedToken(String text, int at, String slot) {
        String word = slot.substring(1, slot.length() - 1);
        if (!word.chars().allMatch(c -> c >= 'A' && c <= 'Z' || c == '_')) {
            return -1;
        }
        int from = at;
        while (from > 0 && ".!?\n".indexOf(text.charAt(from - 1)) < 0) {
            from--;
        }
        // the word that names them stands just before: "tokens like <CARD> and <CONDITION>", "a [PHONE] tag" after it
        String near = text.substring(Math.max(from, at - 40), Math.min(text.length(), at + slot.length() + 12))
                .toLowerCase(java.util.Locale.ROOT);
        return TOKEN_WORDS.matcher(near).find() ? from : -1;
    }

    private static final java.util.regex.Pattern TOKEN_WORDS = java.util.regex.Pattern.compile(
            "\\b(tokens?|placeholders?|masks?|masked|markers?|sentinels?)\\b");
    private static final Set<String> HTML_TAGS = Set.of("<html>", "<head>", "<body>", "<div>", "<br>", "<p>", "<table>",
            "<script>", "<title>", "<span>", "<xml>", "<!doctype>");
    private static final Set<String> LOG_LEVELS = Set.of("[WARN]", "[WARNING]", "[ERROR]", "[INFO]", "[DEBUG]", "[TRACE]",
            "[FATAL]", "[CRITICAL]");

    /** Whether text[start, end) sits inside a path or a file name: a path character right before or after it. */
    private static boolean inPath(String text, int start, int end) {
        char before = start > 0 ? text.charAt(start - 1) : ' ';
        char after = end < text.length() ? text.charAt(end) : ' ';
        return "/_.=-".indexOf(before) >= 0 || "/_.".indexOf(after) >= 0;
    }

    /** Distinct work words (data, team, pipeline, customer ...) in the Action and Result sentences. */
    int workTerms;
    /** Distinct work words and named systems anywhere in the story's counted sentences. */
    int storyWorkTerms;

    /** Points taken off the total for the words past {@code caps.long_words}. */
    double lengthCost;

    private static double clamp(double points) {
        return Math.round(Math.max(0, Math.min(4, points)) * 2) / 2.0;
    }
}
