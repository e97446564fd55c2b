package dev.drillbot.core.scoring;

import dev.drillbot.core.bank.Problem;
import dev.drillbot.core.bank.Question;
import dev.drillbot.core.bank.Track;
import java.util.List;

/** Scores answers for one track. Implementations must be thread-safe and never throw on user input. */
public interface Scorer {
    Track track();

    Score score(Question question, String answer);

    /**
     * Scores an answer on behalf of {@code learner} (any stable id, e.g. platform + user id), so a scorer
     * whose work is costly can keep one learner's flood from delaying everyone else.
     */
    default Score score(Question question, String answer, String learner) {
        return score(question, answer);
    }

    /**
     * Problems with a question that only this track's engine can see (for SQL: the reference does not
     * run, an accepted query is graded wrong). Used by {@code drillbot check}.
     */
    default List<Problem> check(Question question) {
        return List.of();
    }

    /**
     * Extra material posted with the question so that it can be answered (for SQL: the tables and the
     * sample rows). Empty by default.
     */
    default String briefing(Question question) {
        return "";
    }

    /**
     * How the answer was read, line by line, for {@code drillbot grade --explain} (for LP: each sentence's
     * STAR part, actor, tense, numbers and signals, then the caps). Empty when the track has nothing to add.
     */
    default List<String> explain(Question question, String answer) {
        return List.of();
    }

    /**
     * The skills the answer shows evidence for, whatever was asked (for LP: the principles whose signals
     * the story carries in its actions and results), for the story bank. Empty when the track cannot tell.
     */
    default java.util.Set<dev.drillbot.core.bank.Skill> shown(Question question, String answer) {
        return java.util.Set.of();
    }
}
