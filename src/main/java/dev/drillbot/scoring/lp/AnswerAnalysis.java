package dev.drillbot.scoring.lp;

import dev.drillbot.core.bank.Principle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One answer taken apart: its sentences, which rubric phrases each real sentence contains, who acts
 * in it, and which STAR(L) part it belongs to. Built per call; nothing here is shared between threads.
 */
final class AnswerAnalysis {
    /** Fewer words than this per finite verb make a sentence of four or more verbs a list of claims. */
    private static final double VERB_LIST_WORDS_PER_VERB = 3.2;
    private static final Set<String> PRONOUN_SUBJECTS = Set.of("i", "we", "he", "she", "they", "it");
    /** Words a sentence's subject can open on: "A re-scan found ...", "Our nightly load took ...". */
    private static final Set<String> SUBJECT_OPENERS = Set.of("a", "an", "the", "our", "my", "their", "his", "her", "its",
            "this", "that", "each", "every", "no");

    enum Actor { I, WE, PASSIVE, NONE }

    enum Part { SITUATION, TASK, ACTION, RESULT, LEARNING, OTHER }

    static final class Sentence {
        final String text;
        final String[] words;
        /** Per word: the {@link Lexicon} flags (word sets it belongs to, number, year, ...). */
        int[] flags;
        /** Bit per list: does the list match this sentence. */
        private long[] hit;
        /** Start and end of each matching list, in list order. */
        private int[] spans;
        final int position;
        boolean real;
        boolean repeated;
        boolean stuffed;
        /** Principle names, principle phrases and corporate buzzwords in it, counted per occurrence. */
        int recited;
        /** Principle names recited in it ("I showed Customer Obsession"): such a sentence is no evidence. */
        int names;
        /** Mostly the question's own words said back: "A time I stopped trusting data is when data was not trusted." */
        boolean echo;
        Actor actor = Actor.NONE;
        boolean hypothetical;
        /** "I said I would ...": an action (telling) whose content is an intention; many of them make a plan, not a story. */
        boolean reportedIntent;
        /** The STAR(L) part the writer labelled the sentence with ("Result: ..."), or null. */
        Part label;
        boolean past;
        /** Per word: the {@link Morphology} readings. */
        int[] tags;
        /** The finite verbs and their tense; a sentence without one is a fragment. */
        Grammar.Reading grammar;
        int quantities;
        /** Of those, bare ratios ("by 40%", "5x"): a claim anyone could make unless the story names something. */
        int ratios;
        boolean beforeAfter;
        /**
         * My steps ending in a clause of their own that says how things then stood, with a number: "I change
         * the job, backfill six weeks, and the metric comes back to within 1% of the baseline".
         */
        boolean outcomeTail;
        /**
         * The Result told first and a step of mine after it in one sentence ("The bucket disappeared the next quarter,
         * and I added a drift check"): the step is a tidy-up, never the story's evidence that I acted.
         */
        boolean outcomeFirst;
        /** "It took me four days instead of fifteen minutes": what the work cost me, not how it ended. */
        boolean effort;
        /** Mine, but only a claim ("I owned it end to end and made sure it got fixed"): no step is told. */
        boolean claim;
        /** Per word, whether a comma or stop follows it in the text; found when first asked ({@link StepReading}). */
        boolean[] punctuationAfter;
        Part part = Part.OTHER;

        Sentence(String text, String[] words, int position) {
            this.text = text;
            this.words = words;
            this.position = position;
        }

        /**
         * Keeps the matches found in {@code start} and {@code end} (per list, -1 when none) and resets
         * those to -1 for the next sentence. Only a few lists match a sentence, so they are kept as a
         * bit set plus the start and end of each matching list in list order.
         */
        void capture(int[] start, int[] end, int[] touched) {
            int count = touched[0];
            // the lists in order; a handful per sentence, so insertion sort
            for (int i = 2; i <= count; i++) {
                int v = touched[i];
                int j = i - 1;
                while (j >= 1 && touched[j] > v) {
                    touched[j + 1] = touched[j];
                    j--;
                }
                touched[j + 1] = v;
            }
            long[] bits = new long[(start.length + 63) >>> 6];
            int[] sp = new int[count * 2];
            for (int i = 1; i <= count; i++) {
                int l = touched[i];
                bits[l >>> 6] |= 1L << l;
                sp[2 * i - 2] = start[l];
                sp[2 * i - 1] = end[l];
                start[l] = -1;
                end[l] = -1;
            }
            hit = bits;
            spans = sp;
        }

        boolean has(int list) {
            return (hit[list >>> 6] & (1L << list)) != 0;
        }

        /** Where the first match of a list starts, or -1. */
        int start(int list) {
            return has(list) ? spans[2 * rank(list)] : -1;
        }

        /** Where the first match of a list ends (exclusive), or -1. */
        int end(int list) {
            return has(list) ? spans[2 * rank(list) + 1] : -1;
        }

        private int rank(int list) {
            int word = list >>> 6;
            int r = Long.bitCount(hit[word] & ((1L << list) - 1));
            for (int i = 0; i < word; i++) {
                r += Long.bitCount(hit[i]);
            }
            return r;
        }

        /** The matched words of a list, e.g. "no one owned". */
        String matched(int list) {
            return String.join(" ", Arrays.copyOfRange(words, start(list), end(list)));
        }

        /** A real sentence that is not hypothetical and has an actor. */
        boolean isAction() {
            return real && !hypothetical && actor != Actor.NONE;
        }
    }

    private static final java.util.regex.Pattern BULLET = java.util.regex.Pattern.compile("^([-*•>]+|\\d+[.)])\\s+");

    /** Words after which a sentence without a full stop is cut at its next comma. */
    private static final int RUN_ON_WORDS = 30;

    /** The most words before the verb of a one-clause measurement: "Total exposure stayed under £14k." */
    private static final int MEASURED_SUBJECT_WORDS = 4;

    /** The fewest words a measured change needs to count: "Runtime fell 55%." */
    private static final int MIN_MEASURED_WORDS = 3;

    /** Share of the story after which a measured sentence is read as the result. */
    private static final double LATE_SHARE = 0.6;

    final List<Sentence> sentences = new ArrayList<>();
    final int wordCount;
    /** Share of the answer's content words that are the question's own: high when it only says the question back. */
    final double promptShare;
    /** The answer as written. */
    final String text;

    AnswerAnalysis(String answer, Lexicon lex, Rubric rubric) {
        this(answer, "", lex, rubric);
    }

    /** {@code prompt}: the question asked, so that an answer that only says it back earns nothing. */
    AnswerAnalysis(String answer, String prompt, Lexicon lex, Rubric rubric) {
        String text = dev.drillbot.core.text.UserText.visible(answer);
        this.text = text;
        List<String> promptTokens = Words.tokenize(Words.normalise(prompt == null ? "" : prompt));
        Set<String> promptWords = contentWords(promptTokens, lex);
        String[] promptBody = promptTokens.stream().filter(t -> !PROMPT_FRAME.contains(t) && !t.equals("me")).toArray(String[]::new);
        int minWords = (int) rubric.num("sentences.min_words");
        double minFunction = rubric.num("sentences.min_function_word_share");
        double maxSignal = rubric.num("sentences.max_signal_word_share");
        Set<List<String>> seen = new HashSet<>();
        Tokens tokens = new Tokens(lex);
        int[] start = new int[lex.index.size()];
        int[] end = new int[lex.index.size()];
        Arrays.fill(start, -1);
        Arrays.fill(end, -1);
        int[] touched = new int[lex.index.size() + 1];
        int words = 0;
        Part heading = null; // a STAR heading on a line of its own labels what follows it
        // whole lines only: a table's "| Action | Dug into the logs |" has its label cell split off as a sentence, and
        // that cell is a fragment of a table of claims, not a heading
        Map<String, Part> headingLines = new HashMap<>();
        if (text.indexOf('\n') >= 0) {
            text.lines().map(String::strip).forEach(l -> {
                Part p = heading(l);
                if (p != null) {
                    headingLines.put(l, p);
                }
            });
        }
        for (String raw : split(text)) {
            Part headingHere = headingLines.get(raw.strip());
            if (headingHere != null) {
                heading = headingHere;
                continue;
            }
            tokens.n = 0;
            Words.scan(Words.normalise(raw), tokens);
            if (tokens.n == 0) {
                continue;
            }
            String[] w = Arrays.copyOf(tokens.words, tokens.n);
            words += w.length;
            Sentence s = new Sentence(raw, w, sentences.size());
            int[] flags = new int[w.length];
            // scratch for matching, reused by every sentence: match reads only the first w.length
            int[] ids = tokens.ids;
            PhraseIndex.Start[] first = tokens.first;
            for (int i = 0; i < w.length; i++) {
                Lexicon.Word known = tokens.known[i];
                if (known != null) {
                    flags[i] = known.flags();
                    ids[i] = known.id();
                    first[i] = known.first();
                } else {
                    flags[i] = lex.unknownFlags(w[i]);
                    ids[i] = -1;
                }
            }
            notThePronoun(raw, w, flags);
            s.flags = flags;
            s.tags = tags(w, flags, lex.morphology);
            s.label = label(raw);
            s.grammar = Grammar.read(w, s.tags, s.label != null ? 1 : 0);
            boolean[] covered = tokens.covered;
            touched[0] = 0;
            lex.index.match(w, ids, first, start, end, covered, lex.signalLists, touched);
            s.capture(start, end, touched);
            int function = 0;
            int signal = 0;
            for (int i = 0; i < w.length; i++) {
                if ((flags[i] & Lexicon.FUNCTION) != 0) {
                    function++;
                }
                if (covered[i]) {
                    // the unit of a measurement ("45 minutes") is content, not a rubric term strung in
                    if (i == 0 || (flags[i - 1] & Lexicon.NUMBER) == 0) {
                        signal++;
                    }
                    covered[i] = false;
                }
            }
            int names = 0;
            for (int id : lex.nameIdList) {
                names += s.has(id) ? 1 : 0;
            }
            s.names = names;
            s.repeated = !seen.add(Arrays.asList(w)); // words never hold spaces: same as joining them
            // Keyword lists, rubric terms strung together and recited principle names are not evidence.
            // recited names in any form count per clause: "I dove deep, earned trust and delivered results";
            // so do empty corporate phrases: "leveraged data-driven insights to drive alignment"
            int recited = names + (s.has(lex.principlePhrasesId) ? countMatches(w, s, lex.principlePhrasesId, lex) : 0)
                    + (s.has(lex.buzzwordsId) ? countMatches(w, s, lex.buzzwordsId, lex) : 0) + Recital.hashtags(raw);
            s.recited = recited;
            // few glue words mark a keyword list, unless the sentence has clauses: "Fraud ops needed card data
            // within 15 minutes; our nightly batch gave them 18-hour-old data" is terse prose
            boolean clauses = s.grammar.past + s.grammar.present + s.grammar.modal >= 2
                    || s.grammar.first > 0 && PRONOUN_SUBJECTS.contains(w[s.grammar.first - 1]);
            // a CV bullet opens on its past-tense verb ("Consolidated 14 small clusters into 3 shared clusters"): few
            // glue words do not make it a list when it has one (a fragment cut from mid-sentence starts lower-case)
            boolean cvStep = s.grammar.first == 0 && (s.tags[0] & Morphology.VBD) != 0 && function > 0
                    && Character.isUpperCase(raw.charAt(0));
            // one plain clause opening on its subject ("A re-scan found zero addresses.") is a sentence, however few
            // glue words its nouns leave it
            int opens = s.label != null ? 1 : 0; // after its label: "Result: no more duplicate tickets after ..."
            boolean subjectClause = s.grammar.first > opens && s.grammar.past + s.grammar.present + s.grammar.modal == 1
                    && opens < w.length && SUBJECT_OPENERS.contains(w[opens]);
            // a comma list of bare verbs ("owned it, replanned it, reprioritised, cut scope, escalated, delivered")
            // has clauses in name only: four or more finite verbs with hardly a word between them
            // ("Before I build anything I ask her what she'll do" has its subjects: clauses, not a list)
            int finite = s.grammar.past + s.grammar.present + s.grammar.modal;
            int subjects = 0;
            for (String x : w) {
                subjects += PRONOUN_SUBJECTS.contains(x) || x.indexOf('\'') > 0 && PRONOUN_SUBJECTS.contains(x.substring(0, x.indexOf('\''))) ? 1 : 0;
            }
            boolean verbList = finite >= 4 && w.length < VERB_LIST_WORDS_PER_VERB * finite && subjects <= 1;
            s.stuffed = w.length >= minWords
                    && (((double) function / w.length < minFunction && !cvStep && !subjectClause
                            || (double) signal / w.length > maxSignal && !(subjectClause && commas(raw) <= 1))
                            && !clauses || recited >= 2 || verbList);
            measure(s, lex);
            // a measured change ("Nightly runtime fell 55%.") is evidence however terse: never a keyword list
            // (the answer's recitals still add up: "Delivered Results ..., achieving 10x scale" counts towards the
            // stuffing cap; hostile round 32: a real result that quotes praise, "filed it under Dive Deep", stays one)
            if (s.beforeAfter && w.length >= MIN_MEASURED_WORDS) {
                s.stuffed = false;
            }
            // so is one short clause on its subject that measures how things stood ("Total exposure stayed under
            // £14k.", "91% matched within a minute."): its nouns and numbers leave few glue words, but it is a sentence
            if (s.stuffed && s.quantities > 0 && recited == 0 && finite == 1 && s.grammar.first >= 1
                    && s.grammar.first <= MEASURED_SUBJECT_WORDS && s.label == null && raw.indexOf(':') < 0 && raw.indexOf(',') < 0
                    && !Recital.catalogue(raw)) {
                s.stuffed = false;
            }
            // a catalogue of short items ("data contracts, dbt tests, schema checks, freshness checks, null checks")
            // is a list however it is introduced ("I introduced the whole package: ...") or measured after
            s.stuffed |= Recital.catalogue(raw);
            // a clause needs a finite verb: a noun list or a verbless fragment is not a sentence, unless it
            // is a measured change ("Runtime: 6 hours -> 40 minutes.")
            s.echo = echoes(w, promptWords, lex) || !Recital.anyNumber(flags) && Recital.saysPromptInOrder(w, promptBody);
            // a short first-person clause in the past is a step however short: "I disagreed."
            boolean shortClause = w.length >= 2 && w[0].equals("i") && s.grammar.first == 1 && s.grammar.past > 0;
            s.real = (w.length >= minWords || shortClause || s.beforeAfter && w.length >= MIN_MEASURED_WORDS) && !s.stuffed
                    && !s.repeated && !s.echo && (s.grammar.finite() || s.beforeAfter);
            classifyActor(s, lex, sentences.isEmpty() ? null : sentences.get(sentences.size() - 1));
            s.claim = s.actor == Actor.I && (!s.beforeAfter && StepReading.claim(s) || StepReading.claimDatesOutcome(s));
            s.effort = EFFORT.matcher(s.text).lookingAt();
            s.label = s.label != null ? s.label : heading;
            heading = null;
            sentences.add(s);
        }
        wordCount = words;
        int content = 0;
        int fromPrompt = 0;
        for (Sentence s : sentences) {
            for (String w : s.words) {
                Lexicon.Word k = lex.word(w);
                if (w.length() > 2 && (k == null || (k.flags() & Lexicon.FUNCTION) == 0) && !PROMPT_FRAME.contains(w)) {
                    content++;
                    fromPrompt += promptWords.contains(w) ? 1 : 0;
                }
            }
        }
        promptShare = content == 0 ? 0 : (double) fromPrompt / content;
        assignParts(lex);
        questionTerms = questionTermsTold(prompt, lex);
    }

    /**
     * How many distinct terms of the question the story's counted sentences take up, by stem ("commit" /
     * "committed", "hands over" / "handed"): a story about what was asked ("got several teams to commit to
     * a shared initiative": "four squads", "commit", "shared tracking plan") is evidence of the principle
     * the question probes, whatever words the rubric lists. Generic work words (data, pipeline, team)
     * say nothing about which question was answered and do not count; an echo of the question is not a
     * counted sentence.
     */
    private int questionTermsTold(String prompt, Lexicon lex) {
        Set<String> asked = new HashSet<>();
        for (String w : Words.tokenize(Words.normalise(prompt == null ? "" : prompt))) {
            if (questionTerm(w, lex)) {
                asked.add(stem(w));
            }
        }
        Set<String> told = new HashSet<>();
        for (Sentence s : sentences) {
            if (evidence(s)) {
                for (String w : s.words) {
                    if (w.length() > 2) {
                        String st = stem(w);
                        if (asked.contains(st)) {
                            told.add(st);
                        }
                    }
                }
            }
        }
        return told.size();
    }

    private static boolean questionTerm(String w, Lexicon lex) {
        Lexicon.Word k = lex.word(w);
        int glue = Lexicon.FUNCTION | Lexicon.STOPWORD;
        return w.length() > 2 && (k == null || (k.flags() & glue) == 0) && !PROMPT_FRAME.contains(w)
                && !QUESTION_FRAME.contains(w);
    }

    /**
     * Words every behavioural question for a data engineer uses: they say nothing about which one was
     * answered ("data", "pipeline", "team" are in nearly every story).
     */
    private static final Set<String> QUESTION_FRAME = Set.of("time", "times", "made", "make", "had", "have", "how",
            "why", "when", "who", "which", "what", "did", "do", "does", "learn", "learned", "result", "decide",
            "decided", "situation", "approach", "handle", "handled", "someone", "something", "way", "other", "others",
            "people", "work", "worked", "working", "data", "dataset", "datasets", "pipeline", "pipelines", "team",
            "teams", "job", "jobs", "system", "systems", "project", "projects", "platform", "company", "engineer",
            "engineers", "got", "get", "took", "take", "one");

    /** A crude stem: a common ending off, then at most five letters ("committed", "commit" -> "commi"). */
    static String stem(String w) {
        String x = w;
        for (String suffix : new String[] {"ing", "ed", "es", "er", "s"}) {
            if (x.endsWith(suffix) && x.length() - suffix.length() >= 3) {
                x = x.substring(0, x.length() - suffix.length());
                break;
            }
        }
        if (x.endsWith("e") && x.length() > 3) {
            x = x.substring(0, x.length() - 1);
        }
        return x.length() > 5 ? x.substring(0, 5) : x;
    }

    /** Distinct terms of the question taken up by the story (see {@link #questionTermsTold}). */
    final int questionTerms;

    /** Words of the prompt that carry its meaning: not glue words, not "tell me about a time". */
    private static Set<String> contentWords(List<String> words, Lexicon lex) {
        Set<String> out = new HashSet<>();
        for (String w : words) {
            Lexicon.Word k = lex.word(w);
            boolean function = k != null && (k.flags() & Lexicon.FUNCTION) != 0;
            if (!function && w.length() > 2 && !PROMPT_FRAME.contains(w) && !w.endsWith("n't")) {
                out.add(w);
            }
        }
        return out;
    }

    /** The answerer's words for the question's second person: an echo says "mine" where the question said "yours". */
    private static final Map<String, String> ASKED_PERSON = Map.of("mine", "yours", "myself", "yourself",
            "ourselves", "yourself", "ours", "yours");

    /** The words that frame a question, or a restatement of it ("You're asking about a time I ..."). */
    private static final Set<String> PROMPT_FRAME = Set.of("tell", "time", "describe", "example", "give", "you",
            "your", "did", "what", "happened", "you're", "you'd", "asking", "asked", "ask", "question", "talk", "share");

    /**
     * A sentence made of the question's words: at least 4 content words, at least 70% of them from the
     * prompt, covering at least 40% of the prompt's own content words.
     */
    private static boolean echoes(String[] w, Set<String> prompt, Lexicon lex) {
        if (prompt.size() < 3) {
            return false;
        }
        Set<String> content = new HashSet<>();
        for (String c : contentWords(Arrays.asList(w), lex)) {
            content.add(ASKED_PERSON.getOrDefault(c, c)); // "not formally mine" echoes "not formally yours"
        }
        if (content.size() < 4) {
            return false;
        }
        int shared = 0;
        for (String c : content) {
            shared += prompt.contains(c) ? 1 : 0;
        }
        return shared >= 0.7 * content.size() && shared >= 0.4 * prompt.size();
    }

    private static int[] tags(String[] w, int[] flags, Morphology m) {
        int[] t = new int[w.length];
        for (int i = 0; i < w.length; i++) {
            if ((flags[i] & Lexicon.NUMBER) != 0) {
                t[i] = Morphology.NUM | Morphology.KNOWN;
            } else if (w[i].equals("i")) {
                t[i] = Morphology.PRON | Morphology.KNOWN; // the dictionary knows only "I"
            } else if (i > 0 && (flags[i - 1] & Lexicon.NUMBER) != 0 && (w[i].equals("am") || w[i].equals("pm"))) {
                // "3:10am", "at 8 am": a time of day, never "I am" (Grammar counts no verb the tagger did not read as one)
                t[i] = Morphology.NOUN | Morphology.KNOWN;
            } else {
                t[i] = m.tags(w[i]);
            }
        }
        return t;
    }

    /** The words of one sentence; a known word is looked up by its range and shares the rubric's string. */
    private static final class Tokens implements Words.Sink {
        private final Lexicon lex;
        String[] words = new String[64];
        Lexicon.Word[] known = new Lexicon.Word[64];
        int[] ids = new int[64];
        PhraseIndex.Start[] first = new PhraseIndex.Start[64];
        boolean[] covered = new boolean[64];
        int n;

        Tokens(Lexicon lex) {
            this.lex = lex;
        }

        @Override
        public void word(String text, int from, int to) {
            Lexicon.Word k = lex.word(text, from, to);
            if (k == null && to - from > 4 && text.charAt(to - 2) == '\'' && text.charAt(to - 1) == 's') {
                // a possessive is its noun to the lexicon ("BigQuery's planner" names BigQuery); "he's" and "that's"
                // are a pronoun and a verb, not a possessive
                Lexicon.Word noun = lex.word(text, from, to - 2);
                if (noun != null && (noun.flags() & (Lexicon.FUNCTION | Lexicon.STOPWORD)) == 0) {
                    add(text.substring(from, to), noun);
                    return;
                }
            }
            add(k == null ? text.substring(from, to) : k.text(), k);
        }

        @Override
        public void arrow() {
            add("→", lex.word("→"));
        }

        private void add(String w, Lexicon.Word k) {
            if (n == words.length) {
                words = Arrays.copyOf(words, n * 2);
                known = Arrays.copyOf(known, n * 2);
                ids = new int[n * 2];
                first = new PhraseIndex.Start[n * 2];
                covered = new boolean[n * 2]; // all false: the old one is cleared after each sentence
            }
            words[n] = w;
            known[n] = k;
            n++;
        }
    }

    /** Splits on line breaks and on . ! ? followed by a space, keeping decimals and e.g. together. */
    static List<String> split(String text) {
        // a sentence is always text[from, i] (a wrapped line keeps its line break inside): no copying char by char
        List<String> out = new ArrayList<>();
        int n = text.length();
        int from = 0;
        int words = 0;
        boolean hardWrapped = hardWrapped(text);
        // claims strung with " / " or laid out as a table with " | " are separate claims, not one long sentence
        boolean slashes = separators(text, '/') >= MIN_SEPARATORS;
        boolean pipes = separators(text, '|') >= MIN_SEPARATORS;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if ((c == '/' && slashes || c == '|' && pipes) && (i == 0 || Character.isWhitespace(text.charAt(i - 1)))
                    && (i + 1 == n || Character.isWhitespace(text.charAt(i + 1)))) {
                flush(text, from, i, out);
                from = i + 1;
                words = 0;
                continue;
            }
            // a long bullet line that goes on indented under its text ("- Found the loader used INSERT with retries after
            // a network timeout, so\n  any retried batch ...") was wrapped, even when the answer's other lines vary in length
            boolean indented = c == '\n' && hangingIndent(text, i);
            if ((c == '\n' || c == '\r') && !((hardWrapped || indented) && wrapped(text, from, i))) {
                flush(text, from, i, out);
                from = i + 1;
                words = 0;
                continue;
            }
            if (!Character.isWhitespace(c) && (i == from || Character.isWhitespace(text.charAt(i - 1)))) {
                words++;
            }
            boolean end = (c == '.' || c == '!' || c == '?') && (i + 1 == n || Character.isWhitespace(text.charAt(i + 1)))
                    && !abbreviation(text, from, i + 1);
            // a run-on answer typed without full stops would otherwise be one sentence and count each
            // signal once in total; cut it at the next comma or semicolon instead
            boolean runOn = (c == ',' || c == ';') && words >= RUN_ON_WORDS
                    && (i + 1 == n || Character.isWhitespace(text.charAt(i + 1)));
            if (end || runOn) {
                flush(text, from, i + 1, out);
                from = i + 1;
                words = 0;
            }
        }
        flush(text, from, n, out);
        return out;
    }

    /**
     * Whether the line after the break at {@code i} hangs under a bullet: the line so far is long enough to have been
     * wrapped, it or a line it hangs from opens on a bullet ("- ", "* ", "• "), and the next one is indented to where the
     * bullet's text starts. Loose indented lines and short ones do not join.
     */
    private static boolean hangingIndent(String text, int i) {
        if (i - text.lastIndexOf('\n', i - 1) - 1 < WRAPPED_LINE) {
            return false; // a short line ended where its writer ended it: "  nobody's job on paper"
        }
        int textAt = -1;
        // up from this line, over lines already hanging, to the bullet they hang under (a few lines at most: a long
        // indented answer costs no more per line than a short one)
        for (int end = i, lines = 0; end > 0 && textAt < 0 && lines < MAX_HANGING_LINES; lines++) {
            int lineStart = text.lastIndexOf('\n', end - 1) + 1;
            int k = lineStart;
            while (k < end && text.charAt(k) == ' ') {
                k++;
            }
            if (k + 1 < end && "-*\u2022".indexOf(text.charAt(k)) >= 0 && text.charAt(k + 1) == ' ') {
                textAt = k + 2 - lineStart;
            } else if (k == lineStart || lineStart == 0) {
                return false; // an unindented line that is no bullet: no list here
            } else {
                end = lineStart - 1;
            }
        }
        int j = i + 1;
        int indent = 0;
        while (j < text.length() && text.charAt(j) == ' ') {
            j++;
            indent++;
        }
        return indent == textAt;
    }

    /** How many lines a wrapped bullet may run to. */
    private static final int MAX_HANGING_LINES = 12;

    /** A line at least this long may have been wrapped by an editor; a shorter one was ended by its writer. */
    private static final int WRAPPED_LINE = 50;

    /** Commas in a sentence: a dense one-clause sentence with a list in it ("The failures, pages, incidents and ...") is a list. */
    private static long commas(String raw) {
        return raw.chars().filter(c -> c == ',').count();
    }

    /** This many free-standing "/" or "|" in an answer make them separators between claims. */
    private static final int MIN_SEPARATORS = 3;

    /** How many times {@code sep} stands alone between spaces: "took it on / found the cause / fixed it". */
    private static int separators(String text, char sep) {
        int count = 0;
        for (int i = text.indexOf(sep); i >= 0; i = text.indexOf(sep, i + 1)) {
            boolean before = i == 0 || Character.isWhitespace(text.charAt(i - 1));
            boolean after = i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1));
            count += before && after ? 1 : 0;
        }
        return count;
    }

    /**
     * Whether the text was wrapped at a fixed width (pasted from an editor or e-mail): at least three lines
     * that a paragraph goes on after, nearly all of them within 15% of the longest. Chat messages typed
     * line by line vary in length and keep every line break.
     */
    static boolean hardWrapped(String text) {
        String[] lines = text.split("\n", -1);
        int longest = 0;
        List<Integer> inner = new ArrayList<>();
        for (int k = 0; k + 1 < lines.length; k++) {
            if (!lines[k + 1].isBlank() && !lines[k].isBlank()) {
                inner.add(lines[k].strip().length());
                longest = Math.max(longest, lines[k].strip().length());
            }
        }
        if (inner.size() < 3 || longest > 140 || longest < 40) {
            return false;
        }
        int full = 0;
        for (int len : inner) {
            full += len >= 0.85 * longest ? 1 : 0;
        }
        return full >= 0.8 * inner.size();
    }

    /**
     * Whether the line break at {@code i} only wraps a sentence (text pasted from an editor or e-mail):
     * the line so far has no closing punctuation and the next line goes on in lower case ("a shared data\n
     * mesh"). A blank line, a bullet or a capital starts something new.
     */
    private static boolean wrapped(String text, int from, int i) {
        int last = i - 1;
        while (last >= from && Character.isWhitespace(text.charAt(last))) {
            last--;
        }
        if (last < from || ".!?:;".indexOf(text.charAt(last)) >= 0 || text.charAt(i) != '\n') {
            return false;
        }
        int next = i + 1;
        while (next < text.length() && (text.charAt(next) == ' ' || text.charAt(next) == '\t')) {
            next++;
        }
        return next < text.length() && (Character.isLowerCase(text.charAt(next)) || Character.isDigit(text.charAt(next))
                && !(next + 1 < text.length() && (text.charAt(next + 1) == '.' || text.charAt(next + 1) == ')')));
    }

    private static final String[] ABBREVIATIONS = {"e.g.", "i.e.", " vs.", " etc.", " approx.", " dr.", " mr.", " ms.",
        " a.m.", " p.m."};


    /** Whether the sentence so far, text[from, to), ends in an abbreviation such as "e.g.". */
    private static boolean abbreviation(String text, int from, int to) {
        // every abbreviation ends in a full stop, and only '.' itself equals '.' ignoring case
        if (to == from || text.charAt(to - 1) != '.') {
            return false;
        }
        int n = to - from;
        for (String a : ABBREVIATIONS) {
            if (n >= a.length() && text.regionMatches(true, to - a.length(), a, 0, a.length())) {
                // "... and I kick it off at 10 p.m. It finishes in 38 minutes": a clock time can end the sentence
                return !(a.endsWith(".m.") && capitalisedNext(text, to));
            }
        }
        return false;
    }

    /** Whether the word after {@code at} is capitalised and starts a new sentence ("at 10 p.m. It finishes", not "at 8 a.m. Friday"). */
    private static boolean capitalisedNext(String text, int at) {
        int k = at;
        while (k < text.length() && text.charAt(k) == ' ') {
            k++;
        }
        if (k >= text.length() || !Character.isUpperCase(text.charAt(k))) {
            return false;
        }
        int e = k;
        while (e < text.length() && Character.isLetter(text.charAt(e))) {
            e++;
        }
        return !CLOCK_TIME_GOES_ON.contains(text.substring(k, e).toLowerCase(java.util.Locale.ROOT));
    }

    /** Capitalised words that go on after "a.m."/"p.m." in the same sentence: a day, a month, a time zone, "I". */
    private static final Set<String> CLOCK_TIME_GOES_ON = Set.of("monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september",
            "october", "november", "december", "utc", "gmt", "cet", "est", "pst", "ist", "bst", "i");

    private static void flush(String text, int from, int to, List<String> out) {
        if (from >= to) {
            return;
        }
        String s = text.substring(from, to).strip();
        // bullets and numbering are layout, not words
        if (!s.isEmpty() && !Character.isLetter(s.charAt(0))) {
            s = BULLET.matcher(s).replaceFirst("");
        }
        if (!s.isEmpty()) {
            out.add(s);
        }
    }

    /** Who acts, by the sentence's own words (a heading above it is not its first word) and the one before it. */
    private static void classifyActor(Sentence s, Lexicon lex, Sentence previous) {
        String[] w = s.words;
        int[] f = s.flags;
        boolean i = false;
        boolean passive = false;
        for (int k = 0; k < w.length; k++) {
            // "I" in a relative clause ("two more panels, which I added") tells about something else, not my step
            // "I'd committed", "I'd actually said": a past perfect is my step too
            boolean mine = (f[k] & Lexicon.FIRST_PERSON) != 0 || w[k].equals("i'd") && Grammar.pastPerfect(w, s.tags, k)
                    || w[k].equals("i'm") && progressiveStep(s, k, k + 1);
            if (mine && myStep(s, k) && (k == 0 || (f[k - 1] & Lexicon.RELATIVE) == 0) && !relativeThat(s, k)
                    && !contactRelative(s, k)) {
                i = true;
            }
            if ((f[k] & Lexicon.PASSIVE_AUX) != 0 && (k == 0 || (f[k - 1] & Lexicon.FIRST_PERSON) == 0)) {
                int next = k + 1 < w.length && (f[k + 1] & Lexicon.ENDS_LY) != 0 ? k + 2 : k + 1;
                if (next < w.length && (f[next] & (Lexicon.ED_FORM | Lexicon.PARTICIPLE)) != 0) {
                    passive = true;
                }
            }
        }
        s.hypothetical = s.has(lex.hypotheticalId) && !pastModal(s, lex.hypotheticalId) && !saidOfAThing(s, lex.hypotheticalId)
                && !toolIUsed(s, lex.hypotheticalId) && !ANSWER_FRAME.matcher(s.text).find();
        s.past = s.grammar.past > 0; // a finite past verb: "the failed runs" is not one
        int collective = lex.collectiveId;
        if (i && onlyRefusals(s, Grammar.MINE)) {
            s.actor = Actor.NONE; // "I did not wait, and I did not just restart it": what I did not do is no step
        } else if (i) {
            s.actor = Actor.I;
        } else if (s.has(collective)) {
            int at = s.start(collective);
            int after = s.end(collective);
            // "we were behind", "the team had a pipeline" set the scene; "we rebuilt it" is an action;
            // "on the team" is not an actor at all
            boolean state = after < w.length && (f[after] & Lexicon.I_NON_ACTION) != 0;
            boolean object = at > 0 && (f[at - 1] & Lexicon.PREPOSITION) != 0;
            // "and we never needed the rollback": what we did not do is how it went, not a step
            s.actor = state || object || onlyRefusals(s, Grammar.OURS) ? Actor.NONE : Actor.WE;
        } else if (passive && byMe(w) && !othersAgents(s.text) || MY_STEP_WAS.matcher(s.text).lookingAt()) {
            // "the cutoff was corrected by me", "My first step was to open the query profile": my steps, told
            // round the other way
            s.actor = Actor.I;
        } else if (impliedI(s)) {
            s.actor = Actor.I; // "Rewrote the job, which was then deployed": the implied I acts; the passive is a detail
        } else if (previous != null && previous.actor == Actor.I && continuesMyStep(s)) {
            s.actor = Actor.I; // "... compared the two by hand, | and swapped the table at 10pm": a long step cut in two
        } else if (passive) {
            s.actor = Actor.PASSIVE;
        }
    }

    /**
     * Whether someone else is named as the doer in a passive as often as I am: "the logs were read by Dana, and the
     * ticket was opened by me" tells her steps, with mine tacked on.
     */
    private static boolean othersAgents(String text) {
        java.util.regex.Matcher m = BY_SOMEONE.matcher(text);
        int mine = 0;
        int others = 0;
        while (m.find()) {
            if (m.group(1).equalsIgnoreCase("me") || m.group(1).equalsIgnoreCase("myself")) {
                mine++;
            } else {
                others++;
            }
        }
        return others >= mine;
    }

    /** "by me", "by her", "by Dana" (a capitalised word that is not a day or a month: "by Friday" is a deadline). */
    private static final java.util.regex.Pattern BY_SOMEONE = java.util.regex.Pattern.compile("\\b[Bb]y (me|myself|her|him|them|us"
            + "|(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July"
            + "|August|September|October|November|December|Q[1-4])\\b)[A-Z][a-z]+)\\b");

    /** "... was checked by me", "... by myself". */
    private static boolean byMe(String[] w) {
        for (int k = 0; k + 1 < w.length; k++) {
            if (w[k].equals("by") && (w[k + 1].equals("me") || w[k + 1].equals("myself"))) {
                return true;
            }
        }
        return false;
    }

    /** A step named as mine and then told: "My first step was to open the query profile", "My fix was a MERGE". */
    private static final java.util.regex.Pattern MY_STEP_WAS = java.util.regex.Pattern.compile(
            "(?i)(?:(?:after that|then|next|so|and),? )?my (?:(?:first|second|third|next|last|final|own|main|immediate) )?"
                    + "(?:step|move|fix|change|priority|action|first move|response) was (?:to [a-z]+|an? |the )");

    /**
     * Whether the "I" at {@code k} does something rather than is, thinks or perceives: "I rewrote", not "I was",
     * "I think" or, after a clause about someone or something else, "I noticed".
     */
    private static boolean myStep(Sentence s, int k) {
        String[] w = s.words;
        int[] f = s.flags;
        // a spoken "like" that is no verb is passed over ("I, like, then pulled the logs"); an adverb between does not
        // make a state a step: "I finally had time", "I really was"
        int at = k + 2 < w.length && w[k + 1].equals("like") && s.grammar.subject != null && s.grammar.subject[k + 1] == 0
                ? k + 1 : k;
        int verb = at + 2 < w.length && (f[at + 1] & Lexicon.ENDS_LY) != 0 ? at + 2 : at + 1;
        if (verb == w.length) {
            return true;
        }
        if (StepReading.comingOrGoing(s, k, verb)) {
            return false;
        }
        // after a clause about the thing or someone else, what I noticed is how it ended ("Over the next months things
        // got better, and I noticed ..."), and so is what I was then able to do ("He now runs it, and I was able to move
        // on"); opening the sentence, "I was able to pull the history" is a step told modestly
        boolean afterOthers = s.grammar.first >= 0 && s.grammar.first < k && s.grammar.subject[s.grammar.first] != Grammar.MINE;
        if (OBSERVING.contains(w[verb]) && afterOthers) {
            return false;
        }
        boolean able = verb + 2 < w.length && (w[verb].equals("was") || w[verb].equals("were")) && w[verb + 1].equals("able")
                && w[verb + 2].equals("to") && !afterOthers;
        // "I was taking one day of transactions", "I am checking the job": the progressive tells a step as it unfolds
        boolean progressive = (w[verb].equals("was") || w[verb].equals("am")) && progressiveStep(s, k, verb + 1);
        return (f[verb] & Lexicon.I_NON_ACTION) == 0 || able || progressive;
    }

    /**
     * Whether the -ing word at {@code j} (after one -ly adverb that is not a habit or a hedge) is a step in the progressive:
     * "pulling the raw events", not a role ("leading the team"), a state ("working at a bank", "sitting there") or
     * a plan or an effort ("going to", "planning to", "trying to"); nor, after a clause about others ("our buyers kept
     * asking, and I was answering them by hand"), the background it sets.
     */
    private static boolean progressiveStep(Sentence s, int me, int j) {
        // ("While the others were still debating, I was already pulling ...": my main clause; "..., so I was getting
        // the raw events myself": my step because of it)
        if (s.grammar.first >= 0 && s.grammar.first < me && s.grammar.subject[s.grammar.first] != Grammar.MINE
                && !SUBORDINATORS.contains(s.words[0]) && !(me > 0 && s.words[me - 1].equals("so"))) {
            return false;
        }
        if (j < s.words.length && (s.flags[j] & Lexicon.ENDS_LY) != 0 && !HABIT_OR_HEDGE_ADVERBS.contains(s.words[j])) {
            j++;
        }
        if (j < s.words.length && STILL_A_STEP_ADVERBS.contains(s.words[j])) {
            j++; // "I was already pulling ..."
        }
        if (j + 1 < s.words.length && ABOUT_TO.contains(s.words[j])
                && (s.words[j + 1].equals("to") || s.words[j + 1].equals("ready"))) {
            return false; // "I'm going to", "I was getting ready to": a plan
        }
        return j < s.words.length && s.words[j].endsWith("ing") && (s.tags[j] & Morphology.VBG) != 0
                && !NOT_PROGRESSIVE_STEPS.contains(s.words[j]);
    }

    private static final Set<String> STILL_A_STEP_ADVERBS = Set.of("already", "also", "still");
    /** Steps in the progressive unless "to" follows: "getting the raw events" is a step, "getting ready to" a plan. */
    private static final Set<String> ABOUT_TO = Set.of("going", "getting", "preparing", "starting", "beginning");

    /** "I'm constantly challenging spend", "I was really struggling": a habit or a mood, not a step. */
    private static final Set<String> HABIT_OR_HEDGE_ADVERBS = Set.of("constantly", "continually", "continuously", "usually",
            "typically", "generally", "normally", "regularly", "really", "actually", "basically", "honestly");
    private static final Set<String> NOT_PROGRESSIVE_STEPS = Set.of("working", "living", "sitting", "standing", "staying",
            "being", "having", "feeling", "hoping", "planning", "thinking", "wondering", "waiting", "trying", "expecting",
            "wanting", "leading", "managing", "owning", "supporting", "studying", "learning", "enjoying", "loving",
            "coming", "meaning", "intending", "aiming", "considering", "contemplating", "picturing", "imagining",
            "debating", "weighing", "pondering", "dreaming", "daydreaming", "mulling", "envisioning", "brainstorming",
            "reflecting", "toying", "deliberating", "musing", "seeing", "watching", "listening", "observing", "following",
            "shadowing", "used");

    /**
     * Whether every finite verb of mine in the sentence is negated ("I did not escalate it", "I never blamed them",
     * "I didn't keep it to myself"): a sentence that says only what I did not do tells no step.
     */
    private static boolean onlyRefusals(Sentence s, byte whose) {
        byte[] who = s.grammar.subject;
        if (who == null) {
            return false;
        }
        String[] w = s.words;
        int mine = 0;
        for (int k = 0; k < w.length; k++) {
            if (who[k] != whose || k >= 2 && w[k - 1].equals("i") && EMBEDDING.contains(w[k - 2])) {
                continue; // "I did not keep what I found to myself": the finding is inside the refusal
            }
            mine++;
            boolean negated = w[k].endsWith("n't") || k + 1 < w.length && (w[k + 1].equals("not") || w[k + 1].equals("never"))
                    || k > 0 && w[k - 1].equals("never");
            if (!negated) {
                return false;
            }
        }
        return mine > 0;
    }

    /** "I'd like to share a story from ...", "I'll admit ...": the answer introduced or qualified, not a plan. */
    private static final java.util.regex.Pattern ANSWER_FRAME = java.util.regex.Pattern.compile(
            "(?i)\\bi(?:'d|\u2019d| would) (?:like|love) to (?:share|tell|talk|walk|give|describe|start)\\b(?! (?:you )?that\\b)"
                    + "|\\bi(?:'ll|\u2019ll| will) (?:admit|confess|grant|be honest|say this)\\b");

    /** What the work cost its teller: "It took me four days", "That cost us an extra week". */
    private static final java.util.regex.Pattern EFFORT = java.util.regex.Pattern.compile(
            "(?i)(?:(?:and|but|so),? )?(?:it|that|this|all (?:of )?(?:this|that))(?: (?:all|only|just|still|also|probably|maybe"
                    + "|eventually|finally|honestly|actually))? (?:took|cost) (?:me|us|my team|our team|the team)\\b");

    /** "I'd have liked to ...", "I would have preferred ...": a regret about what happened, not a plan. */
    private static final Set<String> REGRETS = Set.of("liked", "loved", "preferred", "wanted", "hoped");

    /** What I perceive rather than do: after a clause about something else, an observation of how it ended. */
    private static final Set<String> OBSERVING = Set.of("noticed", "heard");

    private static final Set<String> EMBEDDING = Set.of("what", "that", "which", "where", "how", "why", "whatever");

    /** Verbs whose object can be followed by what was said: "she told the team I would take it" is not a relative clause. */
    private static final Set<String> TELLING = Set.of("told", "asked", "showed", "convinced", "reminded", "assured",
            "promised", "warned", "persuaded", "tells", "asks", "shows", "reminds", "assures", "promises", "warns");

    /**
     * Whether the "I" at {@code k} opens a relative clause without "that": right after the object of someone
     * else's verb in the same clause ("She led the upgrade I'd been putting off", "it caught the bug I missed").
     * The sentence is about what she did or what it did; a clause opener between them ("after the outage I
     * rewrote it", "and the next day I ...") makes the "I" a subject again.
     */
    private static boolean contactRelative(Sentence s, int k) {
        if (k < 2 || s.tags == null || s.grammar.subject == null) {
            return false;
        }
        int head = s.tags[k - 1];
        if ((head & (Morphology.NOUN | Morphology.PLURAL)) == 0 || (head & (Morphology.PRON | Morphology.PREP | Morphology.DET
                | Morphology.ADV | Morphology.CONJ | Morphology.WH)) != 0) {
            return false;
        }
        for (int j = k - 2; j >= 0; j--) {
            String x = s.words[j];
            if ((s.tags[j] & (Morphology.CONJ | Morphology.WH)) != 0 || Grammar.CLAUSE_START.contains(x) || x.equals("so")
                    || x.equals("then")) {
                return false;
            }
            byte who = s.grammar.subject[j];
            if (who != 0) {
                return (who == Grammar.OTHER_PERSON || who == Grammar.THEM || who == Grammar.SOMETHING) && !TELLING.contains(x);
            }
        }
        return false;
    }

    /**
     * Whether the "I" at {@code k} opens a relative clause with "that" ("a runbook that I still use", "an engineer
     * that I later sat next to"): a noun before "that", not a verb ("I found that I had ...", "told him that I").
     */
    private static boolean relativeThat(Sentence s, int k) {
        if (k < 2 || !s.words[k - 1].equals("that")) {
            return false;
        }
        int t = s.tags[k - 2];
        return ((t & Morphology.NOUN) != 0 || (t & Morphology.KNOWN) == 0) && (t & (Morphology.VBD | Morphology.PRON)) == 0;
    }

    /**
     * A bullet that starts with a past-tense verb ("Rewrote the job with salted keys", after an optional
     * "Action:" label) has an implied "I": the way people write on a CV and in chat.
     */
    private static boolean impliedI(Sentence s) {
        int first = s.label != null ? 1 : 0;
        // a heading that is itself the verb ("Noticed: ...") or comes before it ("Decision: agreed with legal")
        return startsWithMyVerb(s, first) || s.label == null && startsWithMyVerb(s, afterLabel(s));
    }

    /** A piece that goes on with the last sentence's step: "and swapped the table", "then reran the job". */
    private static boolean continuesMyStep(Sentence s) {
        String[] w = s.words;
        int first = w.length > 1 && (w[0].equals("and") || w[0].equals("then")) ? 1 : 0;
        first += first == 1 && w.length > 2 && w[0].equals("and") && w[1].equals("then") ? 1 : 0;
        return first > 0 && startsWithMyVerb(s, first);
    }

    private static boolean startsWithMyVerb(Sentence s, int first) {
        if (first >= s.words.length || (first + 1 < s.words.length && (s.flags[first + 1] & Lexicon.PASSIVE_AUX) != 0)) {
            return false;
        }
        boolean pastForm = (s.flags[first] & (Lexicon.ED_FORM | Lexicon.IRREGULAR_PAST)) != 0
                || s.tags != null && (s.tags[first] & Morphology.VBD) != 0; // "agreed", which ED_FORM leaves out
        return pastForm && !describesSubject(s, first);
    }

    /**
     * Whether the word at {@code first} can be an adjective and the sentence's past-tense verb follows right
     * after the noun it describes: "Unmasked access went from 230 people to 18" is about the access, not my step.
     */
    private static boolean describesSubject(Sentence s, int first) {
        if (s.tags == null || (s.tags[first] & (Morphology.ADJ | Morphology.VBN)) == 0) {
            return false;
        }
        for (int k = first + 1; k < s.words.length && k <= first + 3; k++) {
            int t = s.tags[k];
            if ((t & Morphology.VBD) != 0 && (t & (Morphology.VBN | Morphology.ADJ | Morphology.NOUN)) == 0) {
                return k > first + 1;
            }
            if ((s.flags[k] & Lexicon.PREPOSITION) != 0 && k > first + 1) {
                // "Cancelled orders for the day were 0.3%": the noun goes on with what it is of or for
                return verbAfterPhrase(s, k + 1);
            }
            if ((t & (Morphology.NOUN | Morphology.ADJ | Morphology.PROPER)) == 0) {
                return false; // a determiner, a preposition: the first word is the verb and this its object
            }
        }
        return false;
    }

    /** How many words a phrase after the subject's noun may take before its verb: "for the day", "on the EU site". */
    private static final int SUBJECT_PHRASE_WORDS = 4;

    /** Words that open a clause of their own after a noun: "the team that were failing". */
    private static final Set<String> OPENS_CLAUSE = Set.of("that", "which", "who", "whose");

    /** Whether a short noun phrase from {@code from} ("the day") is followed at once by a past verb that is only a verb. */
    private static boolean verbAfterPhrase(Sentence s, int from) {
        for (int k = from; k < s.words.length && k <= from + SUBJECT_PHRASE_WORDS; k++) {
            int t = s.tags[k];
            if (k > from && (t & Morphology.VBD) != 0 && (t & (Morphology.VBN | Morphology.ADJ | Morphology.NOUN)) == 0) {
                return true;
            }
            if ((t & (Morphology.NOUN | Morphology.ADJ | Morphology.PROPER | Morphology.DET)) == 0
                    && (s.flags[k] & Lexicon.NUMBER) == 0 || OPENS_CLAUSE.contains(s.words[k])) {
                return false; // (a relative "that" opens a clause of its own: "Migrated jobs for the team that were failing")
            }
        }
        return false;
    }

    /** A CV line's own short heading before a colon ("Decision: agreed with legal ..."): up to three words. */
    private static final java.util.regex.Pattern HEADING = java.util.regex.Pattern.compile(
            "^\\W*[A-Za-z][\\w'&/()-]*(?:\\s+[\\w'&/()-]+){0,2}\\s*:\\s*([A-Za-z']+)");

    /** The position of the first word after such a heading, or 0. */
    private static int afterLabel(Sentence s) {
        java.util.regex.Matcher m = HEADING.matcher(s.text);
        if (!m.find()) {
            return 0;
        }
        String word = m.group(1).toLowerCase(java.util.Locale.ROOT);
        for (int k = 1; k < Math.min(s.words.length, 6); k++) {
            if (s.words[k].equals(word)) {
                return k;
            }
        }
        return 0;
    }

    /** The words that name a STAR(L) part, as a label ("Result: ...") or a heading ("**Result**"). */
    private static final String PART_WORDS = "(situation|context|background|task|goal|action|actions|result|results"
            + "|outcome|impact|learning|learnings|lesson|lessons)";
    private static final java.util.regex.Pattern LABEL = java.util.regex.Pattern.compile(
            "(?i)^\\W*" + PART_WORDS + "\\s*[:\\-\u2013\u2014]");

    /** A STAR heading alone on its line ("**Situation**", "## Result", "Action:"), or null: a label, not a sentence. */
    static Part heading(String line) {
        java.util.regex.Matcher m = STAR_HEADING.matcher(line);
        return m.matches() ? part(m.group(1)) : null;
    }

    private static final java.util.regex.Pattern STAR_HEADING = java.util.regex.Pattern.compile("(?i)\\W*" + PART_WORDS + "\\W*");

    /** The STAR(L) part a sentence is explicitly labelled with ("Result: failures fell ..."), or null. */
    static Part label(String text) {
        java.util.regex.Matcher m = LABEL.matcher(text);
        return m.find() ? part(m.group(1)) : null;
    }

    /** The part a label or heading word names. */
    private static Part part(String word) {
        return switch (word.toLowerCase(java.util.Locale.ROOT)) {
            case "situation", "context", "background" -> Part.SITUATION;
            case "task", "goal" -> Part.TASK;
            case "action", "actions" -> Part.ACTION;
            case "result", "results", "outcome", "impact" -> Part.RESULT;
            default -> Part.LEARNING;
        };
    }

    private static final Set<String> INTENTIONS = Set.of("planned", "meant", "intended", "hoped", "wanted", "promised",
            "meaning", "planning", "intending", "hoping", "wanting");
    private static final Set<String> INTENTION_ADVERBS = Set.of("also", "originally", "already", "always", "really");

    /**
     * Whether the hypothetical marker is a modal inside a story told in the past: reported speech ("told her I
     * would miss 1 June"), a past inability ("I could not explain it") or a past perfect ("I'd already written").
     */
    private static boolean pastModal(Sentence s, int hypotheticalId) {
        int at = s.start(hypotheticalId);
        int end = s.end(hypotheticalId);
        String marker = String.join(" ", java.util.Arrays.asList(s.words).subList(at, end));
        if ((marker.equals("usually") || marker.equals("typically")) && s.grammar.past > 0 && s.grammar.present == 0
                && s.grammar.modal == 0) {
            return true; // "I picked a real first ticket for each, usually a dbt fix": it qualifies a thing of a past step
        }
        if (!(marker.endsWith("would") || marker.endsWith("could") || marker.endsWith("'d"))) {
            return false; // "I usually", "I always": a habit, not a story
        }
        int verb = end < s.words.length && INTENTION_ADVERBS.contains(s.words[end]) ? end + 1 : end;
        verb += verb < s.words.length && s.words[verb].equals("been") ? 1 : 0; // "I'd been meaning to"
        if (marker.endsWith("'d") && verb + 1 < s.words.length && INTENTIONS.contains(s.words[verb])
                && s.words[verb + 1].equals("to")) {
            return false; // "I'd planned to write a proposal": an intention, like "I planned to", not a step
        }
        if (marker.endsWith("'d") && Grammar.pastPerfect(s.words, s.tags, end - 1)) {
            return true; // "when I looked, I'd already had four requests": a past perfect, nothing intended
        }
        String next = end < s.words.length ? s.words[end] : "";
        if (next.equals("have") && end + 1 < s.words.length && (s.tags[end + 1] & Morphology.VBN) != 0
                && (marker.endsWith("could") || REGRETS.contains(s.words[end + 1]))) {
            // "I could have done that in an afternoon": what was possible then; "I'd have liked to measure it": a
            // regret about then; neither is a plan ("I would have disagreed openly" is a story that never happened)
            return true;
        }
        if (marker.endsWith("could") && !conditional(s)) {
            return true; // "I could see the join was wrong", "and I could cover while he was out": what I was able to do
        }
        for (int k = 0; k < at; k++) {
            if (s.words[k].equals("if") || s.words[k].equals("when") || s.words[k].equals("whenever")) {
                return false; // "If a pipeline had no owner, I would ...": a condition, not a report
            }
        }
        for (int k = 0; k < at; k++) {
            if ((s.flags[k] & (Lexicon.ED_FORM | Lexicon.IRREGULAR_PAST)) != 0) {
                // "I sat with him for a few sessions so I'd know the setup": a purpose of a step taken, not a
                // promise reported ("I told her I would miss 1 June")
                boolean purpose = at >= 1 && s.words[at - 1].equals("so") || at >= 2 && s.words[at - 1].equals("that")
                        && s.words[at - 2].equals("so");
                s.reportedIntent = !purpose;
                return true;
            }
        }
        return next.equals("not") || next.equals("n't") || next.equals("already")
                || end < s.words.length && (s.flags[end] & (Lexicon.ED_FORM | Lexicon.PARTICIPLE)) != 0
                        && marker.endsWith("'d");
    }

    /** Verbs whose "from ... to" is a change however the first state is told: "went from weekly to zero". */
    private static final Set<String> WENT_FROM = Set.of("went", "came", "dropped", "fell", "shrank", "rose", "grew");
    private static final Set<String> ZERO = Set.of("zero", "0", "none", "nothing", "nil");
    /** How many words the first state of "went from ... to" may take: "from a standing agenda item to". */
    private static final int FROM_WORDS_TO = 6;

    /**
     * Counts measurements (a number with a unit: "40%", "6 hours", "$3k", "eight a month") and spots a
     * before → after change: "from 6 hours to 40 minutes", "6h → 40 min", or a change verb followed by
     * a measurement ("cut the runtime to 40 minutes", "reduced cost by 30%").
     */
    private static void measure(Sentence s, Lexicon lex) {
        String[] w = s.words;
        int[] f = s.flags;
        int from = -1;
        int change = -1;
        int numbers = 0;
        boolean toAfterNumber = false;
        // "from 6 hours to 40 minutes" is one phrase: the "to" follows the first number closely and the second
        // follows the "to" ("55% came from one explore ... joined events to the player table ... every 5 minutes" is not)
        int lastNumberAt = -9;
        boolean measuredBefore = false; // "3 h 40 min before, 14 min after": a measurement marked "before" came first
        int toAt = -9;
        for (int k = 0; k < w.length; k++) {
            String x = w[k];
            if (from < 0 && x.equals("from")) {
                from = k;
            }
            if (change < 0 && (f[k] & Lexicon.CHANGE_VERB) != 0) {
                change = k;
            }
            boolean currency = (x.equals("$") || x.equals("€") || x.equals("£")) && k + 1 < w.length
                    && (f[k + 1] & Lexicon.NUMBER) != 0;
            // "from six figures to five figures" names a size class, not an amount anyone measured
            boolean number = currency || ((f[k] & (Lexicon.NUMBER | Lexicon.WORD_NUMBER)) != 0
                    && (f[k] & Lexicon.YEAR) == 0 && !(k + 1 < w.length && (w[k + 1].equals("figures") || w[k + 1].equals("digits"))));
            if (!number) {
                if (numbers > 0 && (x.equals("→") || (from >= 0 && lastNumberAt > from && k - lastNumberAt <= 4
                        && (x.equals("to") || x.equals("under") || x.equals("below"))))) {
                    toAfterNumber = true;
                    toAt = k;
                }
                if (x.equals("to") && k > 0 && (w[k - 1].equals("back") || w[k - 1].equals("down")
                        || w[k - 1].equals("went") || w[k - 1].equals("came"))) {
                    toAfterNumber = true; // "runtime back to 35 minutes", "errors down to 0.2%"
                    toAt = k;
                    numbers = Math.max(numbers, 1);
                }
                // "questions went from weekly to zero", "from a standing agenda item to 0": a count that reached zero,
                // however its first state is told (not "trust went from rock bottom to 100%", round 31)
                if (x.equals("to") && from > 0 && k - from <= FROM_WORDS_TO && WENT_FROM.contains(w[from - 1])
                        && k + 1 < w.length && ZERO.contains(w[k + 1])) {
                    toAfterNumber = true;
                    toAt = k;
                    numbers = Math.max(numbers, 1);
                }
                // "from about eight failures a month to none"; not "came to nothing" (no "from": it failed)
                // (a change, but no measurement: "from a weekly headache to none" counts less than "from 12 to 0")
                if (toAfterNumber && k - toAt == 1 && from >= 0 && toAt > from && (x.equals("none") || x.equals("nothing"))) {
                    s.beforeAfter = true;
                }
                continue;
            }
            if (!currency && k + 1 < w.length && (f[k + 1] & Lexicon.WORD_NUMBER) != 0) {
                continue; // "seventeen thousand", "thirty eight hundred": one number, measured at its last word
            }
            int unit = currency ? k + 1 : unitAfter(w, f, s.tags, k);
            // "six months later" places the story in time; it measures nothing
            // ("18,000 applications into the training set" is a count: only a duration can be a point)
            // "3 h 40 min before, 14 min after": two measurements marked before and after are a change, not times
            String marked = unit >= 0 && unit + 1 < w.length ? w[unit + 1] : "";
            boolean paired = marked.equals("after") && measuredBefore || marked.equals("before") && afterFollows(w, f, unit + 2);
            boolean quantity = unit >= 0 && (paired || !(unit + 1 < w.length && (f[unit + 1] & Lexicon.TIME_POINT) != 0
                    && !currency && DURATION.matcher(w[unit]).matches()));
            if (quantity) {
                s.quantities++;
                String u = w[unit];
                s.ratios += u.equals("%") || u.equals("percent") || u.equals("x") ? 1 : 0;
            }
            boolean compared = quantity && (comparedAt(w, f, unit + 1, unit) || comparedAt(w, f, unit + 2, unit));
            compared |= paired && marked.equals("after");
            measuredBefore |= paired && marked.equals("before");
            boolean toThis = toAfterNumber && k - toAt <= 3;
            if (toThis || compared || (quantity && change >= 0 && change < k)) {
                s.beforeAfter = true;
                if (toThis && s.quantities == 0) {
                    s.quantities++; // "incidents went from six to one": a counted change needs no unit
                }
            }
            numbers++;
            lastNumberAt = currency ? k + 1 : k;
            if (currency) {
                k++;
            }
        }
    }

    /** Whether a number followed by "after" comes within the next few words from {@code j}: "..., 14 min after". */
    private static boolean afterFollows(String[] w, int[] f, int j) {
        for (int k = j; k < Math.min(w.length, j + 4); k++) {
            if ((f[k] & Lexicon.NUMBER) != 0) {
                for (int a = k + 1; a < Math.min(w.length, k + 4); a++) {
                    if (w[a].equals("after")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Whether the word at {@code j} makes the measurement before it a comparison ("12% lower", "3 days earlier").
     * "over", "under" and the like before another number measure a span, not a change: "in three batches over
     * two weeks".
     */
    private static boolean comparedAt(String[] w, int[] f, int j, int unit) {
        if (j < w.length && (w[j].equals("better") || w[j].equals("worse"))) {
            // "61%, worse than the 74% from the old rules" sets one measurement against another of the same unit;
            // "6 points better than reality" tells how wrong a number was, "30% better than the 2 other loaders"
            // counts something else (hostile round 32)
            return j + 1 < w.length && w[j + 1].equals("than") && sameMeasureWithin(w, f, j + 2, w[unit]);
        }
        if (j >= w.length || (f[j] & Lexicon.COMPARATIVE) == 0) {
            return false;
        }
        boolean span = SPAN_WORDS.contains(w[j]) && j + 1 < w.length && (f[j + 1] & (Lexicon.NUMBER | Lexicon.WORD_NUMBER)) != 0;
        return !span;
    }

    private static final Set<String> SPAN_WORDS = Set.of("over", "under", "above", "below");

    /** How near after "better than" / "worse than" the other measurement, in the same unit, must come: "worse than the 74%". */
    private static final int THAN_WORDS = 3;

    private static boolean sameMeasureWithin(String[] w, int[] f, int from, String unit) {
        for (int k = from; k < Math.min(f.length, from + THAN_WORDS); k++) {
            if ((f[k] & Lexicon.NUMBER) != 0) {
                // (a year is when, not how much: "35% better than 2022")
                return (f[k] & Lexicon.YEAR) == 0 && k + 1 < w.length && w[k + 1].equals(unit);
            }
        }
        return false;
    }

    private static final Set<String> OF_WHOLE = Set.of("the", "their", "our", "its", "my", "his", "her", "these",
            "those", "your", "them");

    private static final java.util.regex.Pattern DURATION = java.util.regex.Pattern.compile(
            "(s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?|days?|weeks?|months?|years?|quarters?|sprints?|nights?|shifts?)");

    /** The position of the unit that makes {@code w[k]} a measurement, or -1. */
    private static int unitAfter(String[] w, int[] f, int[] tags, int k) {
        if (k + 1 < w.length && (f[k + 1] & Lexicon.UNIT) != 0) {
            return k + 1;
        }
        // any counted thing: "three closes", "two more reports", "40 nightly jobs" (a plural noun), also
        // counted out of a whole: "2 of their features", "40 of the 60 DAGs"
        int start = k + 1;
        if (w[k].equals("one") && k + 1 < w.length && w[k + 1].equals("of")) {
            return -1; // "one of the things I care about", "one of our jobs": picks one out, measures nothing
        }
        if (k + 2 < w.length && w[k + 1].equals("of") && OF_WHOLE.contains(w[k + 2])) {
            start = k + 3;
        }
        for (int j = start; j < Math.min(w.length, start + 4); j++) {
            if ((tags[j] & Morphology.PLURAL) != 0) {
                return j;
            }
            // a count of actions named by their verb: "four breaking renames", "two fixes" (an -s form
            // after the number and its modifiers, where the dictionary knows only the verb)
            if ((tags[j] & Morphology.VBZ) != 0 && w[j].endsWith("s") && w[j].length() > 3) {
                return j;
            }
            // "two more unannounced enum changes", "three failing jobs": adjectives, nouns, -ing modifiers
            // and words the dictionary lacks between
            if ((tags[j] & (Morphology.ADJ | Morphology.NOUN | Morphology.VBG)) == 0 && tags[j] != 0 && !w[j].equals("more")) {
                break;
            }
        }
        // a rate: "eight a month", "twice per week"
        if (k + 2 < w.length && (w[k + 1].equals("a") || w[k + 1].equals("per") || w[k + 1].equals("an"))
                && (f[k + 2] & Lexicon.UNIT) != 0) {
            return k + 2;
        }
        // one adjective in between: "40 nightly jobs", "3 senior engineers"
        if (k + 2 < w.length && (f[k + 1] & (Lexicon.NUMBER | Lexicon.FUNCTION)) == 0
                && (f[k + 2] & Lexicon.UNIT) != 0) {
            return k + 2;
        }
        return -1;
    }

    /** The determiners that open a clause about a thing rather than a person: "and the metric ...". */
    private static final Set<String> THING_SUBJECT = Set.of("the", "our", "its", "their", "this", "that", "these",
            "those", "all", "every", "each", "no", "both", "average", "median");

    /**
     * Whether a sentence of my own steps ends in a clause about what then happened, with a number: a last
     * clause after ", and", "; " or ", so" that opens on a thing (not I, we or a person) and measures it.
     */
    static boolean outcomeTail(String text) {
        // spoken fillers are no words of the clause: "..., and, um, that team's Athena cost dropped by roughly 85%"
        String t = FILLER.matcher(text.strip()).replaceAll("").replace(", and, ", ", and ");
        int cut = Math.max(Math.max(t.lastIndexOf(", and "), t.lastIndexOf("; ")), t.lastIndexOf(", so "));
        return cut >= 0 && measuredThing(t.substring(cut).toLowerCase(java.util.Locale.ROOT)
                .replaceFirst("^[,;]\\s*(and |so )?\\s*", ""));
    }

    /**
     * Whether the clause after the comma at word {@code from} opens on a thing and tells what it then did, in the past:
     * "After I switched the defaults to a 2 TB quota, the monthly bill settled at $19k", "After I walked them through it,
     * the managers opened their Monday calls with the dashboard again" ({@link StepReading#stepThenOutcome}): read as
     * the same two sentences would be, "I walked them through it. The managers opened ...".
     */
    static boolean thingClauseFrom(Sentence s, int from) {
        String[] w = s.words;
        int first = from < w.length && (w[from].equals("then") || w[from].equals("now")) ? from + 1 : from;
        if (first + 2 >= w.length) {
            return false;
        }
        // "the bill", "our ticket queue"; or a bare noun phrase whose past verb soon follows: "basket size went back"
        boolean thing = THING_SUBJECT.contains(w[first]);
        int reach = thing ? w.length : Math.min(w.length, first + 4);
        // (or a word the dictionary does not know: "ROAS settled back at 2.3")
        if (!thing && ((s.tags[first] & (Morphology.NOUN | Morphology.ADJ)) == 0 && (s.tags[first] & Morphology.KNOWN) != 0
                || (s.tags[first] & (Morphology.PRON | Morphology.PROPER | Morphology.DET)) != 0)) {
            return false;
        }
        for (int k = first + 1; k < reach; k++) {
            if ((s.flags[k] & Lexicon.FIRST_PERSON) != 0) {
                return false; // "After I joined, the first thing I did was ...": my step again
            }
            if ((s.tags[k] & Morphology.VBD) != 0 || thing && (s.flags[k] & Lexicon.NUMBER) != 0) {
                return true; // its past verb, or a number: "the bill settled at £17.5k", "the run 12 minutes"
            }
        }
        return false;
    }

    private static final java.util.regex.Pattern FILLER = java.util.regex.Pattern.compile("(?i)\\b(?:um+|uh+|erm+)\\b,?\\s*");

    /** A clause that opens on a thing (not I, we or a person) and measures it: "the metric came back to within 1%". */
    private static boolean measuredThing(String clause) {
        String[] w = clause.split("[^a-z0-9%]+");
        if (w.length < 4) {
            return false;
        }
        String first = w[0].equals("then") || w[0].equals("now") ? w[1] : w[0];
        if (!THING_SUBJECT.contains(first)) {
            return false;
        }
        for (String x : w) {
            if (!x.isEmpty() && (Character.isDigit(x.charAt(0)) || x.equals("zero") || x.equals("half"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the story's last sentence ends in another person's response: a last clause after ", and", "; " or
     * ", so" whose subject is someone else and whose verb is past ("and she later asked for my team on the next
     * migration", "so they adopted our mapping"). How people responded is how it ended, even without a number.
     */
    private static boolean reactionTail(Sentence s, boolean retold) {
        String t = s.text.strip().toLowerCase(java.util.Locale.ROOT);
        int cut = Math.max(Math.max(t.lastIndexOf(", and "), t.lastIndexOf("; ")), t.lastIndexOf(", so "));
        if (cut < 0 || s.grammar.subject == null) {
            return false;
        }
        // the words of the tail are the sentence's last ones: find where they start among its words
        String[] tail = Words.tokenize(t.substring(cut)).toArray(String[]::new);
        int from = s.words.length - tail.length;
        for (int k = Math.max(0, from); k < s.words.length; k++) {
            if (s.grammar.subject[k] != 0) {
                byte who = s.grammar.subject[k];
                // or in what became of the thing: "..., and the monthly reconciliation thread stopped"
                // (told as a report, not as what a step was for: not "..., so each wave took less work")
                boolean thing = who == Grammar.SOMETHING && tail.length > 1 && tail[0].equals("and")
                        && THING_SUBJECT.contains(tail[1]) && !mineLater(s, k);
                // in a story retold in the present, in the present: "..., and she approves the markdowns"
                int tense = retold ? Morphology.VBD | Morphology.VBZ | Morphology.VBP : Morphology.VBD;
                return (who == Grammar.OTHER_PERSON || who == Grammar.THEM || thing) && (s.tags[k] & tense) != 0;
            }
        }
        return false;
    }

    /** Whether the sentence says how it ended: a result marker, or a state that has lasted since ("... ever since"). */
    private static boolean marked(Sentence s, Lexicon lex) {
        return s.has(lex.resultMarkersId) || lastsSince(s);
    }

    /**
     * Whether a clause of the sentence ends on "since": a state that has held from the story's end to today ("it's been
     * running properly since", "nobody has asked for the old access since", "runs have been stable since, and ...") is
     * how it ended.
     */
    private static boolean lastsSince(Sentence s) {
        if (s.words.length <= 3) {
            return false;
        }
        if (s.words[s.words.length - 1].equals("since")) {
            return true;
        }
        // mid-sentence, a perfect about someone or something else ("runs have been stable since, and ..."): not my own
        // claim ("I have owned the load since,") nor "since" meaning "because" ("since, frankly, nobody else would")
        for (int k = 3; k < s.words.length - 1; k++) {
            if (s.words[k].equals("since") && StepReading.punctuationAfter(s, k) && perfectOfOthersBefore(s, k)) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> PERFECT = Set.of("has", "have", "had", "hasn't", "haven't", "hadn't", "it's", "that's",
            "there's", "they've", "we've", "he's", "she's");

    /** A perfect ("has run", "have been", "hasn't paged") shortly before word {@code k}, whose subject is not me. */
    private static boolean perfectOfOthersBefore(Sentence s, int k) {
        if (s.grammar.subject == null) {
            return false;
        }
        for (int j = k - 1; j >= Math.max(0, k - 8); j--) {
            byte who = s.grammar.subject[j];
            if (PERFECT.contains(s.words[j]) && who != 0) {
                return who != Grammar.MINE;
            }
        }
        return false;
    }

    /** Whether I act again after word {@code k}: "..., and the rewrite went to their backlog and I moved on". */
    private static boolean mineLater(Sentence s, int k) {
        for (int j = k + 1; j < s.words.length; j++) {
            if (s.grammar.subject[j] == Grammar.MINE) {
                return true;
            }
        }
        return false;
    }

    /**
     * A story retold in the present ("So I decide to backfill only the four affected days"): most of my steps are
     * told in the present and few in the past (or, in a terse one, both steps), so what happens after them is its
     * outcome, present tense or not.
     */
    private boolean presentNarrative() {
        int present = 0;
        int past = 0;
        for (Sentence s : sentences) {
            // by the sentence's main tense: "So I decide to backfill only the four affected days" is present
            if (s.real && s.actor == Actor.I && !s.hypothetical) {
                if (s.grammar.past > s.grammar.present) {
                    past++;
                } else if (s.grammar.present > 0) {
                    present++;
                }
            }
        }
        return present >= 3 && present > 2 * past || present == 2 && past == 0;
    }

    /** Spans of time a window can hold: "for the next three closes", "over the next quarter". */
    private static final Set<String> SPANS = Set.of("quarter", "quarters", "sprint", "sprints", "close", "closes",
            "release", "releases", "season", "few", "couple");

    /** A time window after the story ("for the next three closes") with its amount or span: "for the next window" has none. */
    private static boolean resultWindow(Sentence s, Lexicon lex) {
        int after = s.end(lex.resultWindowsId);
        if (after < 0) {
            return false;
        }
        String last = s.words[after - 1];
        if (last.equals("few") || last.equals("couple")) {
            return true; // "within a few", "within a couple": the amount is in the cue
        }
        return after < s.words.length && ((s.flags[after] & (Lexicon.NUMBER | Lexicon.WORD_NUMBER | Lexicon.UNIT)) != 0
                || SPANS.contains(s.words[after]));
    }

    /** Gives each sentence its STAR(L) part from cue phrases and its place in the story. */
    private void assignParts(Lexicon lex) {
        boolean retold = presentNarrative();
        for (Sentence s : sentences) {
            s.outcomeTail = s.real && s.actor == Actor.I && (outcomeTail(s.text) || StepReading.stepThenOutcome(s));
        }
        int lastAction = -1;
        for (Sentence s : sentences) {
            if (s.real && s.isAction() && (s.actor == Actor.I || s.past) && !aside(s, lex)) {
                lastAction = s.position;
            }
        }
        // the safeguards I add once it is over ("Before I log off I add a dbt test that fails if ...") close the story;
        // what happened before them is still how it went
        int closing = sentences.size();
        for (int k = sentences.size() - 1; k >= 0; k--) {
            Sentence s = sentences.get(k);
            if (!s.real || aside(s, lex)) {
                continue;
            }
            if (s.isAction() && s.actor == Actor.I && safeguard(s)) {
                closing = k;
                continue;
            }
            break;
        }
        // the story's last sentence, and the last before its closing safeguards and lessons, may end on how others
        // responded
        Sentence last = null;
        Sentence lastBeforeClosing = null;
        for (Sentence s : sentences) {
            last = s.real && !closingRemark(s, lex) ? s : last;
            lastBeforeClosing = s.real && s.position < closing && !aside(s, lex) ? s : lastBeforeClosing;
        }
        for (Sentence s : new Sentence[] {last, lastBeforeClosing}) {
            if (s != null && s.actor == Actor.I && !s.outcomeTail && reactionTail(s, retold)) {
                s.outcomeTail = true; // "I delivered on 14 July, and she later asked for my team on the next one"
            }
        }
        int lastMine = -1; // my own last step
        for (Sentence s : sentences) {
            if (s.real && s.isAction() && s.actor == Actor.I && !aside(s, lex) && s.position < closing) {
                lastMine = s.position;
            }
        }
        int lastPlainAction = -1;
        for (Sentence s : sentences) {
            if (s.real && s.isAction() && s.actor == Actor.I && !s.beforeAfter && !s.outcomeTail && !marked(s, lex)
                    && !aside(s, lex)) {
                lastPlainAction = s.position;
            }
        }
        Landmarks marks = new Landmarks(lastAction, lastMine, lastPlainAction, closing, retold,
                lastBeforeClosing == null ? -1 : lastBeforeClosing.position);
        partPass(lex, marks, false, false);
        if (sentences.stream().noneMatch(s -> s.part == Part.ACTION)) {
            // a story whose only steps are told as decisions ("I decided to rebuild only the three affected
            // partitions ...") has them as its Action: a story always has steps, and these are mine
            partPass(lex, marks, true, false);
        }
        if (sentences.stream().noneMatch(s -> s.part == Part.ACTION)) {
            // "At a ride-hailing start-up I designed our event pipeline for 100x that: ...": an opener that sets the
            // scene and tells my one step is the story's Action when no other sentence is
            partPass(lex, marks, true, true);
        }
    }

    /**
     * Where the story's steps end, found once before the parts are given: my last step of any kind, my last own step
     * before the closing safeguards, my last step with no outcome in it, where the closing safeguards start ("Before
     * I log off I add a dbt test ..."; the story's size when there are none), and whether it is retold in the present.
     */
    private record Landmarks(int lastAction, int lastMine, int lastPlainAction, int closing, boolean retold, int lastTold) {}

    private void partPass(Lexicon lex, Landmarks marks, boolean decisionsAreSteps, boolean sceneStep) {
        int lastAction = marks.lastAction();
        int lastMine = marks.lastMine();
        int lastPlainAction = marks.lastPlainAction();
        int closing = marks.closing();
        boolean retold = marks.retold();
        boolean actionSeen = false;
        boolean opener = true;
        // in a story laid out under two or more STAR labels, my own steps under "Action:" stay steps (only those:
        // carrying every label down to every sentence moved forty labelled and CV answers, most of them down)
        boolean sections = sentences.stream().filter(s -> s.label != null).count() >= 2;
        Part section = null;
        for (Sentence s : sentences) {
            section = s.label != null ? s.label : section;
            if (!s.real) {
                continue;
            }
            boolean first = opener;
            opener = false;
            boolean action = s.isAction() && (s.actor == Actor.I || s.past);
            Part labelled = s.label;
            if (labelled == null && sections && section == Part.ACTION && action && s.actor == Actor.I && !s.beforeAfter
                    && !s.outcomeTail) {
                labelled = Part.ACTION; // my own step under "Action:", whatever "afterwards" it holds
            }
            if (labelled != null) {
                s.part = labelled; // the writer said which part this is
            } else if (s.has(lex.learningCuesId) || lateLesson(s, lex) && s.position > lastAction) {
                s.part = Part.LEARNING;
            } else if (actionSeen && s.has(lex.pendingOutcomesId) && !s.beforeAfter
                    && !othersActFrom(s, s.end(lex.pendingOutcomesId))) {
                // (not "After a long discussion he agreed, and the check became the default": what came of it follows)
                s.part = Part.OTHER; // "they said they'd think about it and come back to me": no outcome yet
            } else if (actionSeen && StepReading.myExit(s) && s.quantities == 0 && !s.beforeAfter && !lastsSince(s)
                    && !s.has(lex.presentOutcomesId) && !othersActFrom(s, s.grammar.first + 1)) {
                s.part = Part.OTHER; // "After that I moved to another team and handed it over": where it stopped
            } else if (actionSeen && (s.position >= closing - 1 && closing < sentences.size()
                    || s.position == marks.lastTold() && s.actor == Actor.I && thingHappenedToIt(s))
                    && s.past && !s.hypothetical && thingHappensFirst(s)) {
                // "The 'unknown region' bucket disappeared the next quarter, and I added a drift check ...": how it
                // ended, then the safeguard that closes the story (in the same sentence or the next), or the story's
                // last sentence: "The shift plan went out ..., so 40 stores ..., and once their patch shipped I ..."
                s.part = Part.RESULT;
                s.outcomeFirst = true;
            } else if (actionSeen && (s.has(lex.resultCuesId) || lastsSince(s) || !s.effort && (resultWindow(s, lex) || s.beforeAfter
                    || s.outcomeTail || (s.quantities > 0 && s.actor != Actor.I && s.position >= sentences.size() * LATE_SHARE)))
                    && (s.actor != Actor.I || marked(s, lex) || s.position > lastPlainAction || s.outcomeTail)) {
                // a measurement late in the story, after the actions, is how it ended; a number inside one of
                // my own steps followed by more steps ("I increased retention to seven days") is an action
                s.part = Part.RESULT;
            } else if (actionSeen && !s.effort && s.position > lastMine && (s.past || (retold || s.has(lex.presentOutcomesId))
                    && s.grammar.present > 0) && !s.hypothetical && (s.actor == Actor.NONE || s.actor == Actor.PASSIVE)) {
                // after my last own step, what happened to the thing acted on is the outcome: "For the next
                // three closes the numbers matched the ledger." (even when the team's later steps follow)
                s.part = Part.RESULT;
            } else if (s.has(lex.taskCuesId) && !actionSeen && !(decisionsAreSteps && action && s.actor == Actor.I && s.past)) {
                s.part = Part.TASK;
            } else if (!actionSeen && !(sceneStep && action && s.actor == Actor.I && !s.hypothetical && mainClauseMine(s))
                    && (situationCue(s, lex) && !(action && (s.position >= 2 || !first && s.actor == Actor.I && mainClauseMine(s)))
                            || s.hypothetical || first && setsScene(s))) {
                // past the opening, "I presented it at our team meeting" is a step, whatever cue it holds
                s.part = Part.SITUATION;
            } else if (action) {
                s.part = Part.ACTION;
            } else if (!actionSeen) {
                s.part = Part.SITUATION;
            } else if (s.has(lex.taskCuesId)) {
                s.part = Part.TASK;
            } else {
                s.part = Part.OTHER;
            }
            if (s.part == Part.ACTION || s.part == Part.RESULT && labelled != null) {
                actionSeen = true;
            }
        }
    }

    /** A cue that sets the scene ("When I joined the team"), unless its "joined" joins data ("joined exports to jobs"). */
    private static boolean situationCue(Sentence s, Lexicon lex) {
        if (!s.has(lex.situationCuesId)) {
            return false;
        }
        int end = s.end(lex.situationCuesId);
        return !(end > 0 && StepReading.dataJoin(s, end - 1));
    }

    /**
     * Whether the story's last sentence, read as mine for a later clause, opens on a measured event or state of a
     * thing: "The shift plan went out on the right baseline, so we didn't overstaff around 40 stores, and once their
     * patch shipped I removed the filter" and "Over 91 days it was late once, by 12 minutes, and I told finance ..."
     * end on how it went, then my last tidy-up. Unmeasured before my clause ("The new view went out in May, and I
     * rolled it out to eleven more depots"), others' reaction I answered ("..., so I ran"), a step of mine cut from the
     * one before ("and shadowed ...") and my exit ("The reorganisation landed in June, and I moved over to payments")
     * are not how it went (hostile round 30).
     */
    private static boolean thingHappenedToIt(Sentence s) {
        int f = s.grammar.first;
        return measuredBeforeMe(s) && !POINTING_OPENERS.contains(s.words[0]) && !StepReading.myExitFrom(s, f)
                && !soIAnswer(s.words, f);
    }

    /** A number before my clause: "... around 40 stores, and once their patch shipped I ...", not "and I rolled it out to 11 depots". */
    private static boolean measuredBeforeMe(Sentence s) {
        if (s.quantities == 0) {
            return false;
        }
        for (int k = 0; k < s.words.length && !s.words[k].equals("i"); k++) {
            if ((s.flags[k] & (Lexicon.NUMBER | Lexicon.WORD_NUMBER)) != 0 && (s.flags[k] & Lexicon.YEAR) == 0) {
                return true;
            }
        }
        return false;
    }

    /** "Two teams pushed back that it would slow them down, so I ran a pilot": what came first is what I answered. */
    private static boolean soIAnswer(String[] w, int from) {
        for (int k = from + 1; k < w.length; k++) {
            if (w[k].equals("i") && w[k - 1].equals("so")) {
                return true;
            }
        }
        return false;
    }

    /** Openers after which the first verb is no event of a thing: "that was the plan", "and shadowed each of ..." (mine). */
    private static final Set<String> POINTING_OPENERS = Set.of("that", "this", "there", "these", "those", "and", "then",
            "but", "so", "or");

    /** The sentence opens on a thing's own past verb: "The bucket disappeared ..., and I added ...". */
    private static boolean thingHappensFirst(Sentence s) {
        int f = s.grammar.first;
        return f > 0 && s.grammar.subject != null && s.grammar.subject[f] == Grammar.SOMETHING
                && (s.tags[f] & Morphology.VBD) != 0 && !SUBORDINATORS.contains(s.words[0])
                && !Grammar.isSubjectWord(s.words[0]);
    }

    /**
     * Whether someone or something else acts from word {@code from} on: "..., and the check became the default", "and
     * they have run it since". What came of the talk or the hand-over is then told in the same sentence.
     */
    private static boolean othersActFrom(Sentence s, int from) {
        if (s.grammar.subject == null || from < 0) {
            return false;
        }
        for (int k = from; k < s.words.length; k++) {
            byte who = s.grammar.subject[k];
            // "their lead agreed to review it next cycle": an intent, no outcome either
            boolean intent = k + 1 < s.words.length && s.words[k + 1].equals("to");
            if ((who == Grammar.OTHER_PERSON || who == Grammar.THEM || who == Grammar.SOMETHING) && !intent) {
                return true;
            }
        }
        return false;
    }

    /**
     * A lesson, or words to the interviewer around the story ("I hope that answers your question"): neither is a step
     * of the story nor where it ended.
     */
    private static boolean aside(Sentence s, Lexicon lex) {
        return lesson(s, lex) || closingRemark(s, lex);
    }

    /**
     * Words to the interviewer ("I hope that answers your question"), unless they tell a past step or claim of mine
     * ("That's a good example of how I took it on"): hostile round 29 hid its last claims in such remarks so that
     * another team's fix before them read as my Result.
     */
    private static boolean closingRemark(Sentence s, Lexicon lex) {
        return s.has(lex.closingRemarksId) && !myPastDeed(s);
    }

    /** A past verb of mine that is more than a feeling: "I stepped up", "I chased every item", not "I really enjoyed it". */
    private static boolean myPastDeed(Sentence s) {
        if (s.grammar.subject == null) {
            return false;
        }
        for (int k = 0; k < s.words.length; k++) {
            if (s.grammar.subject[k] == Grammar.MINE && (s.tags[k] & Morphology.VBD) != 0 && !FEELINGS.contains(s.words[k])) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> FEELINGS = Set.of("enjoyed", "loved", "liked", "appreciated", "felt", "hoped", "found");

    /** A lesson ("What I take from it: ...", "I learned that ..."): never a step, however it is told. */
    private static boolean lesson(Sentence s, Lexicon lex) {
        return s.has(lex.learningCuesId) || lateLesson(s, lex);
    }

    /**
     * A late cue ("learned", "realised", "differently") said of me, us or no one: "finance and customer success were
     * each deriving churn differently" tells what others did, not what I took away.
     */
    private static boolean lateLesson(Sentence s, Lexicon lex) {
        if (!s.has(lex.lateLearningCuesId)) {
            return false;
        }
        int at = s.start(lex.lateLearningCuesId);
        if (at == 0) {
            return true; // "learned to diff the source first": a chat line that drops its "I"
        }
        for (int k = at; k < s.end(lex.lateLearningCuesId); k++) {
            if (s.words[k].equals("i")) {
                return true; // "and I now profile the whole pipeline first": the cue says who
            }
        }
        byte who = actorAt(s, at);
        return who != Grammar.OTHER_PERSON && who != Grammar.THEM && who != Grammar.SOMETHING;
    }

    /** A step that leaves a safeguard behind: "I added a row-count check", "I also put an alert on the table". */
    private static boolean safeguard(Sentence s) {
        boolean adds = false;
        for (String x : s.words) {
            adds |= SAFEGUARD_VERBS.contains(x);
            if (adds && SAFEGUARDS.contains(x)) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> SAFEGUARD_VERBS = Set.of("add", "added", "adds", "put", "puts", "wrote", "write", "writes",
            "set", "sets", "built", "build", "builds");
    private static final Set<String> SAFEGUARDS = Set.of("test", "tests", "check", "checks", "alert", "alerts", "alarm",
            "monitor", "monitoring", "runbook", "guardrail", "guardrails", "validation", "assertion", "constraint");

    /**
     * Whether the sentence's main clause is my step: its first finite verb is mine and it does not open on a
     * subordinate clause ("At a start-up I designed ...", not "When I joined, the first thing I read was ...").
     */
    private static boolean mainClauseMine(Sentence s) {
        return s.grammar.subject != null && s.grammar.first >= 0 && s.grammar.subject[s.grammar.first] == Grammar.MINE
                && !SUBORDINATORS.contains(s.words[0]);
    }

    // not Grammar.CLAUSE_START: "That afternoon I locked the partitions" and "But I designed ..." open on my clause
    private static final Set<String> SUBORDINATORS = Set.of("when", "while", "after", "before", "as", "since", "once",
            "because", "if", "although", "though");

    /**
     * An "I" that is no pronoun: the first letter of "I/O" (read as the words "i o"), or a numeral after the
     * capitalised name of what it numbers, inside a sentence ("we shipped Phase I in May"; "the step I took" and a
     * sentence that opens "Step I took" keep their pronoun). Neither makes a sentence mine.
     */
    private static void notThePronoun(String raw, String[] w, int[] flags) {
        for (int k = 0; k < w.length; k++) {
            // the regex only where the words could be a numbered thing: it scans the whole sentence
            if (w[k].equals("i") && (k + 1 < w.length && w[k + 1].equals("o")
                    || k > 0 && NUMBERED.contains(w[k - 1]) && ROMAN_ONE.matcher(raw).find())) {
                flags[k] &= ~Lexicon.FIRST_PERSON;
            }
        }
    }

    /** Things numbered with Roman numerals: "Phase I", "Tier I", "Type I error". */
    private static final Set<String> NUMBERED = Set.of("phase", "stage", "tier", "level", "type", "wave", "pillar",
            "milestone", "gen", "part", "round", "section", "volume", "appendix", "article", "chapter", "release");
    private static final java.util.regex.Pattern ROMAN_ONE = java.util.regex.Pattern.compile(
            "(?<=\\S\\s{1,3})(?:Phase|Stage|Tier|Level|Type|Wave|Pillar|Milestone|Gen|Part|Round|Section|Volume|Appendix"
                    + "|Article|Chapter|Release|PHASE|STAGE|TIER)\\s+I\\b");

    /** An opener that places the story before telling it: "At a delivery start-up I ran ...", "In 2023 ...". */
    private static boolean setsScene(Sentence s) {
        String w = s.words[0];
        return (s.flags[0] & Lexicon.PREPOSITION) != 0 && !w.equals("to") || w.equals("when") || w.equals("while")
                || w.equals("last") || w.equals("back") || w.equals("during");
    }

    /** How many times the phrases of one list occur in a sentence (the index keeps only the first match). */
    static int countMatches(String[] w, Sentence s, int list, Lexicon lex) {
        int count = 0;
        int from = s.start(list);
        while (from >= 0 && from < w.length) {
            int end = lex.index.matchAt(w, from, list);
            if (end > from) {
                count++;
                from = end;
            } else {
                from++;
            }
        }
        return count;
    }

    /** Where principle evidence counts: a real sentence of the story's Action or Result that names no principle. */
    static boolean evidence(Sentence s) {
        return s.real && s.names == 0;
    }

    /**
     * The evidence for a principle: {distinct signal groups found in the Action and Result, whether one of
     * them was matched by a phrase of two or more words}. A single generic word ("budget", "training") is
     * weak evidence; "no one owned it" is strong.
     */
    int[] evidence(Lexicon lex, Principle p) {
        int groups = 0;
        int multi = 0;
        // what another person does in the story's steps ("Priya pushed back", "she wrote the plan") is their
        // principle, not the teller's; how others responded is still the outcome, and for the principles about
        // growing people their steps are the evidence
        boolean othersCount = p == Principle.HIRE_AND_DEVELOP_THE_BEST || p == Principle.EARTHS_BEST_EMPLOYER;
        for (int g : lex.groupIds.get(p)) {
            boolean found = false;
            for (Sentence s : sentences) {
                if (evidence(s) && s.has(g) && (othersCount || s.part == Part.RESULT || s.part == Part.LEARNING
                        || actorAt(s, s.start(g)) != Grammar.OTHER_PERSON)) {
                    found = true;
                    if (s.end(g) - s.start(g) >= 2) {
                        multi = 1;
                        break;
                    }
                }
            }
            groups += found ? 1 : 0;
        }
        return new int[] {groups, multi};
    }

    /** Words that put a "could" in a condition or ahead of now: "I could rerun it tonight if the files arrive". */
    private static final Set<String> CONDITION_OR_LATER = Set.of("if", "unless", "tonight", "tomorrow", "next", "soon",
            "later", "maybe", "perhaps", "also", "instead", "either", "or");

    private static boolean conditional(Sentence s) {
        String[] w = s.words;
        for (int k = 0; k < w.length; k++) {
            // "I asked if I could shadow him": after asking, "if" is "whether", a question reported, no condition
            if (CONDITION_OR_LATER.contains(w[k]) && !(w[k].equals("if") && k > 0 && ASKING.contains(w[k - 1]))) {
                return true;
            }
        }
        return false;
    }

    /** Verbs after which "if" means "whether". */
    private static final Set<String> ASKING = Set.of("asked", "wondered", "checked", "ask", "asks", "wonder", "check",
            "see", "know", "knew");

    /** The habit markers that are adverbs and so belong to whatever their clause is about. */
    private static final Set<String> HABIT_ADVERBS = Set.of("typically", "usually", "in general", "generally", "normally");

    /**
     * Whether the habit marker is said of a thing, not of me: "Parquet typically stores each column's min and max"
     * explains how a tool works; "I usually check the logs" is a habit.
     */
    private static boolean saidOfAThing(Sentence s, int hypotheticalId) {
        int at = s.start(hypotheticalId);
        String marker = String.join(" ", Arrays.asList(s.words).subList(at, s.end(hypotheticalId)));
        // a thing: a subject that is no person, or one the reading could not place (never a bare imperative); a
        // measured outcome said to happen "typically" ("the error rate typically drops by 90%") is a habit still
        byte who = actorAt(s, at);
        return HABIT_ADVERBS.contains(marker) && (who == Grammar.SOMETHING || who == 0 && at > 0 && !s.grammar.imperative)
                && s.quantities == 0 && !s.beforeAfter;
    }

    /**
     * "The query I used to reconcile them": "I used to" right after a noun is a tool I used, in a clause that
     * drops its "that", not the habit "I used to check it every week".
     */
    private static boolean toolIUsed(Sentence s, int hypotheticalId) {
        int at = s.start(hypotheticalId);
        return at > 0 && s.end(hypotheticalId) - at == 3 && s.words[at + 1].equals("used") && !s.words[at - 1].equals("way")
                && (s.tags[at - 1] & (Morphology.NOUN | Morphology.PROPER)) != 0 && (s.tags[at - 1] & Morphology.PRON) == 0
                && at >= 2 && (s.tags[at - 2] & (Morphology.DET | Morphology.POSSESSIVE | Morphology.ADJ)) != 0;
    }

    /** Who acts in the clause holding word {@code pos}: the subject of the nearest finite verb at or before it. */
    static byte actorAt(Sentence s, int pos) {
        byte[] subject = s.grammar.subject;
        if (subject == null) {
            return 0;
        }
        for (int k = Math.min(pos, subject.length - 1); k >= 0; k--) {
            if (subject[k] != 0) {
                return subject[k];
            }
        }
        for (int k = pos + 1; k < subject.length; k++) {
            if (subject[k] != 0) {
                return subject[k];
            }
        }
        return 0;
    }

    /** Distinct signal groups of a principle found in real sentences, each counted once. */
    int groupsHit(Lexicon lex, Principle p) {
        if (realHits == null) {
            long[] any = new long[(lex.index.size() + 63) >>> 6];
            for (Sentence s : sentences) {
                if (s.real) {
                    for (int i = 0; i < any.length; i++) {
                        any[i] |= s.hit[i];
                    }
                }
            }
            realHits = any;
        }
        int[] gids = lex.groupIds.get(p);
        int hit = 0;
        for (int g : gids) {
            if ((realHits[g >>> 6] & (1L << g)) != 0) {
                hit++;
            }
        }
        return hit;
    }

    /** Bit per list: does any real sentence match it; made on first use, after every sentence is read. */
    private long[] realHits;
}
