package dev.drillbot.core.bank;

import java.util.Optional;

/**
 * The SQL topics of a data engineering interview. A fixed vocabulary so that question files with
 * a typo are rejected and gap summaries can say what was never practised.
 */
public enum SqlTopic implements Skill {
    JOINS("joins", "Joins"),
    SELF_JOIN("self-join", "Self joins"),
    ANTI_JOIN("anti-join", "Anti-joins"),
    AGGREGATION("aggregation", "Aggregation and HAVING"),
    CONDITIONAL_AGGREGATION("conditional-aggregation", "Conditional aggregation"),
    WINDOW_RANKING("window-ranking", "Ranking windows (ROW_NUMBER, RANK, DENSE_RANK)"),
    WINDOW_OFFSET("window-offset", "LAG and LEAD"),
    WINDOW_AGGREGATE("window-aggregate", "Running and rolling sums"),
    SUBQUERIES("subqueries", "Subqueries"),
    CORRELATED_SUBQUERIES("correlated-subqueries", "Correlated subqueries"),
    CTES("ctes", "Common table expressions"),
    NULL_HANDLING("null-handling", "CASE, COALESCE and NULLs"),
    SET_OPERATIONS("set-operations", "Set operations"),
    PATTERN_MATCHING("pattern-matching", "Pattern matching"),
    DATES("dates", "Dates and time bucketing"),
    GAPS_AND_ISLANDS("gaps-and-islands", "Gaps and islands"),
    FUNNELS_AND_COHORTS("funnels-and-cohorts", "Funnels, retention and cohorts");

    private final String slug;
    private final String displayName;

    SqlTopic(String slug, String displayName) {
        this.slug = slug;
        this.displayName = displayName;
    }

    @Override
    public String slug() {
        return slug;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    @Override
    public Track track() {
        return Track.SQL;
    }

    public static Optional<SqlTopic> parse(String text) {
        String wanted = Principle.normalise(text);
        for (SqlTopic t : values()) {
            if (t.slug.equals(wanted)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
