package dev.drillbot.core.bank;

import java.util.List;

/**
 * A behavioural question.
 *
 * @param strongAnswer what a strong answer shows, in the interviewer's terms
 * @param probes follow-up questions an interviewer would ask
 */
public record LpQuestion(
        String id,
        String title,
        String prompt,
        Difficulty difficulty,
        List<Principle> principles,
        List<String> strongAnswer,
        List<String> probes,
        List<String> hints,
        Source source) implements Question {

    public LpQuestion {
        principles = List.copyOf(principles);
        strongAnswer = List.copyOf(strongAnswer);
        probes = List.copyOf(probes);
        hints = List.copyOf(hints);
    }

    @Override
    public Track track() {
        return Track.LP;
    }

    @Override
    public List<Principle> skills() {
        return principles;
    }
}
