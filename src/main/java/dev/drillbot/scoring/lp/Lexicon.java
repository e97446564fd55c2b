package dev.drillbot.scoring.lp;

import dev.drillbot.core.bank.Principle;
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

    final WordSet functionWords;
    final WordSet firstPerson;
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
        for (String key : List.of("metric_nouns", "systems", "result_cues", "learning_cues")) {
            signalLists[ids.get(key)] = true;
        }
        for (int id : nameIds.values()) {
            signalLists[id] = true;
        }
        functionWords = set(rubric, "function_words");
        firstPerson = set(rubric, "first_person");
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
    }

    private static WordSet set(Rubric rubric, String key) {
        return new WordSet(rubric.lexicon.get(key));
    }

    int id(String key) {
        return ids.get(key);
    }
}
