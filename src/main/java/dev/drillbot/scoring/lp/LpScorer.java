package dev.drillbot.scoring.lp;

import dev.drillbot.core.bank.Problem;
import dev.drillbot.core.bank.Question;
import dev.drillbot.core.bank.Track;
import dev.drillbot.core.scoring.Score;
import dev.drillbot.core.scoring.Scorer;
import dev.drillbot.core.scoring.Verdict;
import java.nio.file.Path;
import java.util.List;

/** PLACEHOLDER until the LP engine branch is merged (replaced by the lp-track branch). */
public final class LpScorer implements Scorer {
    public static LpScorer fromDirectory(Path dir) {
        return new LpScorer();
    }

    public static List<Problem> checkRubric(Path dir) {
        return List.of();
    }

    @Override
    public Track track() {
        return Track.LP;
    }

    @Override
    public Score score(Question question, String answer) {
        return new Score(0, Verdict.NOT_YET, List.of(), List.of("placeholder"), "", "");
    }
}
