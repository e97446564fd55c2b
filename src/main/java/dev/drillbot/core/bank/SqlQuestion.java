package dev.drillbot.core.bank;

import java.util.List;

/**
 * A SQL question graded by execution: the learner's query and the reference solution run on every
 * dataset and their results are compared.
 *
 * @param schema DDL creating the tables
 * @param datasets the visible sample first, then hidden edge-case datasets
 * @param solution the reference query
 * @param ordered whether row order matters; {@code null} means "decide from the reference"
 * @param orderKeys columns whose order is checked when ordered (empty: all columns)
 * @param tolerance absolute tolerance for comparing numbers
 * @param accepted other correct formulations; the bank check grades each one
 * @param mistakes realistic wrong queries the grader must reject
 */
public record SqlQuestion(
        String id,
        String title,
        String prompt,
        Difficulty difficulty,
        List<SqlTopic> topics,
        String schema,
        List<Dataset> datasets,
        String solution,
        Boolean ordered,
        List<String> orderKeys,
        double tolerance,
        List<String> hints,
        List<String> accepted,
        List<Mistake> mistakes,
        Source source) implements Question {

    public SqlQuestion {
        topics = List.copyOf(topics);
        datasets = List.copyOf(datasets);
        orderKeys = List.copyOf(orderKeys);
        hints = List.copyOf(hints);
        accepted = List.copyOf(accepted);
        mistakes = List.copyOf(mistakes);
    }

    @Override
    public Track track() {
        return Track.SQL;
    }

    @Override
    public List<SqlTopic> skills() {
        return topics;
    }

    /**
     * One set of rows for the schema.
     *
     * @param tag for hidden datasets, the edge case it targets, in words shown to learners
     * @param data INSERT statements
     */
    public record Dataset(String name, String tag, boolean visible, String data) {}

    /** A wrong query, what mistake it represents, and the hint a learner making it should get. */
    public record Mistake(String query, String mistake, String hint) {}
}
