package dev.drillbot.core.scoring;

import dev.drillbot.core.bank.Question;
import dev.drillbot.core.bank.Track;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Routes each question to its track's scorer. */
public final class Scoring {
    private final Map<Track, Scorer> scorers = new EnumMap<>(Track.class);

    public Scoring(List<Scorer> scorers) {
        for (Scorer s : scorers) {
            this.scorers.put(s.track(), s);
        }
        for (Track t : Track.values()) {
            if (!this.scorers.containsKey(t)) {
                throw new IllegalArgumentException("no scorer for track " + t.slug());
            }
        }
    }

    public Score score(Question question, String answer) {
        return scorers.get(question.track()).score(question, answer);
    }

    /** As {@link #score(Question, String)}, for one learner (see {@link Scorer#score(Question, String, String)}). */
    public Score score(Question question, String answer, String learner) {
        return scorers.get(question.track()).score(question, answer, learner);
    }

    public String briefing(Question question) {
        return scorers.get(question.track()).briefing(question);
    }

    /** See {@link Scorer#shown}. */
    public java.util.Set<dev.drillbot.core.bank.Skill> shown(Question question, String answer) {
        return scorers.get(question.track()).shown(question, answer);
    }

    /** See {@link Scorer#explain}. */
    public List<String> explain(Question question, String answer) {
        return scorers.get(question.track()).explain(question, answer);
    }
}
