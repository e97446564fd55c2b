package dev.drillbot.scoring.sql;

import dev.drillbot.core.bank.Question;
import dev.drillbot.core.bank.Track;
import dev.drillbot.core.scoring.Score;
import dev.drillbot.core.scoring.Scorer;
import dev.drillbot.core.scoring.Verdict;
import java.util.List;

/** PLACEHOLDER until the SQL engine branch is merged (replaced by the sql-track branch). */
public final class SqlScorer implements Scorer, AutoCloseable {
    @Override
    public Track track() {
        return Track.SQL;
    }

    @Override
    public Score score(Question question, String answer) {
        return new Score(0, Verdict.WRONG, List.of(), List.of("placeholder"), "", "");
    }

    @Override
    public void close() {}
}
