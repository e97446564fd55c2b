package dev.drillbot.core.bank;

import java.util.List;

/** A drill question. Each track has its own record with the fields its scorer needs. */
public sealed interface Question permits LpQuestion, SqlQuestion {
    String id();

    String title();

    /** The question as posted to the channel. */
    String prompt();

    Difficulty difficulty();

    /** Progressive hints, shown one at a time on request. */
    List<String> hints();

    /** Where the question was read from, for precise error messages. */
    Source source();

    Track track();

    /** Principles (LP) or topics (SQL) this question practises; never empty. */
    List<? extends Skill> skills();
}
