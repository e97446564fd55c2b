package dev.drillbot.scoring.sql;

import java.util.Set;

/**
 * The question's columns whose values are all dates, or all timestamps, in every dataset (lower case).
 * The bank stores them as text; they are typed as DATE and TIMESTAMP for the grading engine, the way a
 * warehouse would declare them and a candidate assumes they are.
 */
record DateColumns(Set<String> dates, Set<String> timestamps) {
    static final DateColumns NONE = new DateColumns(Set.of(), Set.of());
}
