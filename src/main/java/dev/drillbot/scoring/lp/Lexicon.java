package dev.drillbot.scoring.lp;

import dev.drillbot.core.bank.Principle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The rubric's word lists compiled for matching: one phrase index plus per-word sets. */
final class Lexicon {
    final PhraseIndex index = new PhraseIndex();
    final Map<String, Integer> ids = new HashMap<>();
    /** Which lists mark "rubric words" for the stuffing check. */
    final boolean[] signalLists;
    /** Principle → the list id of each of its signal groups, in file order. */
    final Map<Principle, int[]> groupIds = new EnumMap<>(Principle.class);
    /** Principle → list id of its own name ("Dive Deep"), to catch answers that recite principle names. */
    final Map<Principle, Integer> nameIds = new EnumMap<>(Principle.class);

    /** Word forms with their possible tags, for {@link Grammar}. */
    final Morphology morphology = Morphology.load();

    final WordSet functionWords;
    final WordSet firstPerson;
    final WordSet relativeWords;
    final WordSet iNonAction;
    final WordSet passiveAux;
    final WordSet prepositions;
    final WordSet participles;
    final WordSet irregularPast;
    final WordSet units;
    final WordSet wordNumbers;
    final WordSet stopwords;
    final WordSet changeVerbs;
    final WordSet comparatives;
    final WordSet timePoints;
    final WordSet workTerms;
    final WordSet claimWords;

    // One bit per word set and per spelling check, so a word is looked up once per answer.
    static final int FUNCTION = 1;
    static final int FIRST_PERSON = 1 << 1;
    static final int I_NON_ACTION = 1 << 2;
    static final int PASSIVE_AUX = 1 << 3;
    static final int PREPOSITION = 1 << 4;
    static final int PARTICIPLE = 1 << 5;
    static final int IRREGULAR_PAST = 1 << 6;
    static final int UNIT = 1 << 7;
    static final int WORD_NUMBER = 1 << 8;
    static final int STOPWORD = 1 << 9;
    static final int CHANGE_VERB = 1 << 10;
    static final int COMPARATIVE = 1 << 11;
    static final int TIME_POINT = 1 << 12;
    static final int WORK_TERM = 1 << 13;
    static final int RELATIVE = 1 << 14;
    /** {@link Words#isNumber}. */
    static final int NUMBER = 1 << 16;
    /** At least 4 letters ending in "ed" but not "eed": a regular past tense or participle. */
    static final int ED_FORM = 1 << 17;
    static final int ENDS_LY = 1 << 18;
    /** A number such as 1999 or 2024. */
    static final int YEAR = 1 << 19;
    /** An underscore after the first character: a table or job name such as orders_daily. */
    static final int UNDERSCORE = 1 << 20;
    /** A word of a claim about oneself ("owned", "responsibility", "end"): {@code claim_words}. */
    static final int CLAIM_WORD = 1 << 21;

    /** A known word: its vocabulary id, its flags and the phrases that can start at it. */
    record Word(String text, int id, int flags, PhraseIndex.Start first) {}

    private final Map<String, Word> vocabulary = new HashMap<>();
    /** The vocabulary again as an open-addressing table, for lookups by range of a text. */
    private final String[] tableKeys;
    private final Word[] tableWords;
    private final int tableMask;
    private final WordSet[] sets;
    private final int[] setBits;
    /** The * entries of all word sets by their first two (ASCII) characters, with the set's bit. */
    private final String[][] prefixes = new String[128 * 128][];
    private final int[][] prefixBits = new int[128 * 128][];
    /** The * entries that are too short or not ASCII to bucket; tried for every word. */
    private final String[] shortPrefixes;
    private final int[] shortPrefixBits;

    final int hypotheticalId;
    final int collectiveId;
    final int learningCuesId;
    final int lateLearningCuesId;
    final int resultCuesId;
    final int pendingOutcomesId;
    final int presentOutcomesId;
    final int closingRemarksId;
    final int resultWindowsId;
    final int resultMarkersId;
    final int principlePhrasesId;
    final int buzzwordsId;
    final int taskCuesId;
    final int situationCuesId;
    final int[] nameIdList;

    Lexicon(Rubric rubric) {
        for (String key : Rubric.LEXICON_LISTS) {
            ids.put(key, index.add(key, rubric.lexicon.get(key)));
        }
        for (Rubric.PrincipleSignals ps : rubric.principles.values()) {
            List<Rubric.Group> groups = ps.groups();
            int[] gids = new int[groups.size()];
            for (int i = 0; i < groups.size(); i++) {
                gids[i] = index.add(ps.principle().slug() + "/" + groups.get(i).name(), groups.get(i).phrases());
            }
            groupIds.put(ps.principle(), gids);
        }
        for (Principle p : Principle.values()) {
            String name = p.displayName().replace(",", "").replace(";", "");
            nameIds.put(p, index.add("name/" + p.slug(), List.of(name, p.slug().replace('-', ' '))));
        }
        signalLists = new boolean[index.size()];
        for (int[] gids : groupIds.values()) {
            for (int g : gids) {
                signalLists[g] = true;
            }
        }
        for (String key : List.of("metric_nouns", "systems", "result_cues", "learning_cues", "principle_phrases",
                "buzzwords")) {
            signalLists[ids.get(key)] = true;
        }
        for (int id : nameIds.values()) {
            signalLists[id] = true;
        }
        functionWords = set(rubric, "function_words");
        firstPerson = set(rubric, "first_person");
        relativeWords = set(rubric, "relative_words");
        iNonAction = set(rubric, "i_non_action");
        passiveAux = set(rubric, "passive_auxiliaries");
        prepositions = set(rubric, "prepositions");
        participles = set(rubric, "irregular_participles");
        irregularPast = set(rubric, "irregular_past");
        units = set(rubric, "units");
        wordNumbers = set(rubric, "word_numbers");
        stopwords = set(rubric, "stopwords");
        changeVerbs = set(rubric, "change_verbs");
        comparatives = set(rubric, "comparatives");
        timePoints = set(rubric, "time_points");
        workTerms = set(rubric, "work_terms");
        claimWords = set(rubric, "claim_words");
        sets = new WordSet[] {functionWords, firstPerson, iNonAction, passiveAux, prepositions, participles,
                irregularPast, units, wordNumbers, stopwords, changeVerbs, comparatives, timePoints, workTerms, relativeWords,
                claimWords};
        setBits = new int[] {FUNCTION, FIRST_PERSON, I_NON_ACTION, PASSIVE_AUX, PREPOSITION, PARTICIPLE,
                IRREGULAR_PAST, UNIT, WORD_NUMBER, STOPWORD, CHANGE_VERB, COMPARATIVE, TIME_POINT, WORK_TERM, RELATIVE,
                CLAIM_WORD};
        List<String> shortP = new ArrayList<>();
        List<Integer> shortB = new ArrayList<>();
        for (int k = 0; k < sets.length; k++) {
            for (String w : sets[k].exactWords()) {
                index.intern(w);
            }
            for (String p : sets[k].prefixWords()) {
                int b = bucket(p);
                if (b < 0) {
                    shortP.add(p);
                    shortB.add(setBits[k]);
                } else if (prefixes[b] == null) {
                    prefixes[b] = new String[] {p};
                    prefixBits[b] = new int[] {setBits[k]};
                } else {
                    prefixes[b] = Arrays.copyOf(prefixes[b], prefixes[b].length + 1);
                    prefixes[b][prefixes[b].length - 1] = p;
                    prefixBits[b] = Arrays.copyOf(prefixBits[b], prefixBits[b].length + 1);
                    prefixBits[b][prefixBits[b].length - 1] = setBits[k];
                }
            }
        }
        shortPrefixes = shortP.toArray(new String[0]);
        shortPrefixBits = shortB.stream().mapToInt(Integer::intValue).toArray();
        for (Map.Entry<String, Integer> e : index.words().entrySet()) {
            String w = e.getKey();
            int flags = spelling(w);
            for (int k = 0; k < sets.length; k++) {
                flags |= sets[k].contains(w) ? setBits[k] : 0;
            }
            vocabulary.put(w, new Word(w, e.getValue(), flags, new PhraseIndex.Start(index.candidates(w))));
        }
        int cap = Integer.highestOneBit(Math.max(16, vocabulary.size() * 4)) * 2;
        tableKeys = new String[cap];
        tableWords = new Word[cap];
        tableMask = cap - 1;
        for (Word known : vocabulary.values()) {
            int slot = spread(known.text().hashCode()) & tableMask;
            while (tableKeys[slot] != null) {
                slot = (slot + 1) & tableMask;
            }
            tableKeys[slot] = known.text();
            tableWords[slot] = known;
        }
        hypotheticalId = id("hypothetical");
        collectiveId = id("collective");
        learningCuesId = id("learning_cues");
        lateLearningCuesId = id("late_learning_cues");
        resultCuesId = id("result_cues");
        pendingOutcomesId = id("pending_outcomes");
        presentOutcomesId = id("present_outcomes");
        closingRemarksId = id("closing_remarks");
        resultWindowsId = id("result_windows");
        resultMarkersId = id("result_markers");
        principlePhrasesId = id("principle_phrases");
        buzzwordsId = id("buzzwords");
        taskCuesId = id("task_cues");
        situationCuesId = id("situation_cues");
        nameIdList = nameIds.values().stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The known word {@code text.substring(from, to)}, or null when no list mentions it, found without
     * making the substring: the hash is String's own, computed over the range.
     */
    Word word(String text, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + text.charAt(i);
        }
        int len = to - from;
        int slot = spread(h) & tableMask;
        while (true) {
            String k = tableKeys[slot];
            if (k == null) {
                return null;
            }
            if (k.length() == len && text.regionMatches(from, k, 0, len)) {
                return tableWords[slot];
            }
            slot = (slot + 1) & tableMask;
        }
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }

    /** The known word, or null when no list mentions it. */
    Word word(String w) {
        return vocabulary.get(w);
    }

    /** The flags of a word no list mentions exactly: only * entries and spelling can apply. */
    int unknownFlags(String w) {
        int flags = spelling(w);
        for (int k = 0; k < shortPrefixes.length; k++) {
            if ((flags & shortPrefixBits[k]) == 0 && w.startsWith(shortPrefixes[k])) {
                flags |= shortPrefixBits[k];
            }
        }
        // a prefix of two or more characters can only match a word with the same first two characters
        int b = bucket(w);
        if (b >= 0 && prefixes[b] != null) {
            String[] ps = prefixes[b];
            int[] bits = prefixBits[b];
            for (int k = 0; k < ps.length; k++) {
                if ((flags & bits[k]) == 0 && w.startsWith(ps[k])) {
                    flags |= bits[k];
                }
            }
        }
        return flags;
    }

    private static int bucket(String w) {
        if (w.length() < 2 || w.charAt(0) >= 128 || w.charAt(1) >= 128) {
            return -1;
        }
        return w.charAt(0) * 128 + w.charAt(1);
    }

    private static int spelling(String w) {
        int flags = 0;
        if (Words.isNumber(w)) {
            flags |= NUMBER;
            if (w.length() == 4 && (w.startsWith("19") || w.startsWith("20"))) {
                flags |= YEAR;
            }
        }
        if (w.length() >= 4 && w.endsWith("ed") && !w.endsWith("eed")) {
            flags |= ED_FORM;
        }
        if (w.endsWith("ly")) {
            flags |= ENDS_LY;
        }
        if (w.indexOf('_') > 0) {
            flags |= UNDERSCORE;
        }
        return flags;
    }

    private static WordSet set(Rubric rubric, String key) {
        return new WordSet(rubric.lexicon.get(key));
    }

    int id(String key) {
        return ids.get(key);
    }
}
