package dev.drillbot.core.bank;

/**
 * Something a user practises: a Leadership Principle or a SQL topic. Gap summaries and the
 * picker work on skills so that both tracks are treated alike.
 */
public sealed interface Skill permits Principle, SqlTopic {
    /** Stable identifier used in files, commands and the database. */
    String slug();

    String displayName();

    Track track();
}
