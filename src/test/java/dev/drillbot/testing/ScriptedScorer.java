package dev.drillbot.testing;

import dev.drillbot.core.bank.Question;
import dev.drillbot.core.bank.Track;
import dev.drillbot.core.scoring.DimensionScore;
import dev.drillbot.core.scoring.Score;
import dev.drillbot.core.scoring.Scorer;
import dev.drillbot.core.scoring.Verdict;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fake scorer for core tests: an answer containing {@code score=N} scores N (default 50); LP answers
 * without the word "result" get a follow-up probe; {@code boom} makes scoring fail, {@code busy} makes it unavailable;
 * {@code hold} makes scoring wait until {@link #release()} (a slow grade the test controls); {@code echo} quotes the
 * answer back in the feedback, as the real scorers quote a learner's words; {@code shows=ownership,dive-deep}
 * names the principles the answer shows (for the story bank).
 */
public final class ScriptedScorer implements Scorer {
    private static final Pattern SCORE = Pattern.compile("score=(\\d+)");
    private final Track track;
    private final List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();

    public ScriptedScorer(Track track) {
        this.track = track;
    }

    private final java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);

    /** Lets every answer containing {@code hold} finish scoring. */
    public void release() {
        held.countDown();
    }

    public List<String> seen() {
        return seen;
    }

    @Override
    public Track track() {
        return track;
    }

    @Override
    public Score score(Question question, String answer) {
        seen.add(answer);
        if (answer.contains("busy")) {
            throw new dev.drillbot.core.scoring.ScoringUnavailableException("The grader is busy; send it again.");
        }
        if (answer.contains("hold")) {
            try {
                if (!held.await(60, java.util.concurrent.TimeUnit.SECONDS)) {
                    throw new IllegalStateException("held answer never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (answer.contains("boom")) {
            throw new IllegalStateException("scorer exploded");
        }
        Matcher m = SCORE.matcher(answer);
        int total = 50;
        while (m.find()) {
            total = Integer.parseInt(m.group(1));
        }
        boolean result = answer.toLowerCase().contains("result");
        String followUp = track == Track.LP && !result ? "How did you measure success?" : "";
        Verdict v = track == Track.SQL ? (total == 100 ? Verdict.CORRECT : Verdict.WRONG)
                : total >= 75 ? Verdict.STRONG : Verdict.MIXED;
        List<String> feedback = answer.contains("echo") ? List.of("You wrote: \"" + answer + "\"")
                : List.of("scripted feedback");
        return new Score(total, v, List.of(new DimensionScore("impact", result ? 4 : 1, 4),
                new DimensionScore("ownership", total / 25.0, 4)), feedback, answer.contains("echo") ? answer : "",
                followUp);
    }

    private static final Pattern SHOWS = Pattern.compile("shows=([a-z,-]+)");

    @Override
    public java.util.Set<dev.drillbot.core.bank.Skill> shown(Question question, String answer) {
        java.util.Set<dev.drillbot.core.bank.Skill> out = new java.util.LinkedHashSet<>();
        Matcher m = SHOWS.matcher(answer);
        while (m.find()) {
            for (String slug : m.group(1).split(",")) {
                dev.drillbot.core.bank.Principle.parse(slug).ifPresent(out::add);
            }
        }
        return out;
    }
}
