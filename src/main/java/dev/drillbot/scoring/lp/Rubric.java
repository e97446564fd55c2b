package dev.drillbot.scoring.lp;

import dev.drillbot.core.bank.Principle;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rubric as read from {@code config/rubric/}. Filled once by {@link RubricReader} and never changed
 * afterwards, so one instance is shared by all scoring threads.
 */
final class Rubric {
    /** The dimensions the scorer computes, in display order; the rubric must weight each one. */
    static final List<String> DIMENSIONS =
            List.of("ownership", "impact", "principle fit", "structure", "specificity", "concision");

    /** Word lists the scorer needs from lexicon.yaml. */
    static final List<String> LEXICON_LISTS = List.of("function_words", "first_person", "relative_words", "i_non_action",
            "collective", "prepositions", "passive_auxiliaries", "irregular_participles", "irregular_past", "vague_verbs",
            "hypothetical", "disclaimers", "generalisations", "vague_references", "hedges", "fillers", "situation_cues", "task_cues", "result_cues", "result_markers", "principle_phrases", "buzzwords", "work_terms", "outside_work", "learning_cues", "late_learning_cues",
            "pending_outcomes", "present_outcomes", "closing_remarks", "result_windows",
            "timeframe", "reasons", "change_verbs", "comparatives", "time_points", "systems", "metric_nouns", "units", "word_numbers", "stopwords", "claim_words");

    record Dimension(String name, double weight, String probe, List<String> probeMatch) {}

    record Group(String name, String label, String advice, List<String> phrases) {}

    record PrincipleSignals(Principle principle, String weakness, List<Group> groups) {}

    final Map<String, Dimension> dimensions = new LinkedHashMap<>();
    final Map<String, Double> numbers = new LinkedHashMap<>();
    final Map<String, double[]> lists = new LinkedHashMap<>();
    final Map<String, List<String>> lexicon = new LinkedHashMap<>();
    final Map<Principle, PrincipleSignals> principles = new EnumMap<>(Principle.class);
    /** Which principle a story reads as (principle-model.tsv). */
    PrincipleModel model;

    double num(String key) {
        Double v = numbers.get(key);
        if (v == null) {
            throw new IllegalStateException("rubric number " + key + " was not validated");
        }
        return v;
    }

    double[] list(String key) {
        double[] v = lists.get(key);
        if (v == null) {
            throw new IllegalStateException("rubric list " + key + " was not validated");
        }
        return v.clone();
    }
}
