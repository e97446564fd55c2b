package dev.drillbot.scoring.lp;

import dev.drillbot.core.bank.LpQuestion;
import dev.drillbot.core.bank.Problem;
import dev.drillbot.core.bank.Question;
import dev.drillbot.core.bank.Track;
import dev.drillbot.core.scoring.DimensionScore;
import dev.drillbot.core.scoring.Score;
import dev.drillbot.core.scoring.Scorer;
import dev.drillbot.core.scoring.Verdict;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores written Leadership Principle answers with the rubric in {@code config/rubric/}. Immutable
 * after construction, so one instance serves all threads. Scoring the answer plus a reply to the
 * follow-up probe is just scoring a longer answer: signals are counted once, so repeating the same
 * words cannot raise the score, while a reply that adds an "I" step or a number does.
 */
public final class LpScorer implements Scorer {
    private static final Logger LOG = LoggerFactory.getLogger(LpScorer.class);
    private static final int MAX_ANSWER_CHARS = 20_000;

    private final Rubric rubric;
    private final Lexicon lexicon;
    private final FeedbackWriter writer;

    private LpScorer(Rubric rubric) {
        this.rubric = rubric;
        this.lexicon = new Lexicon(rubric);
        this.writer = new FeedbackWriter(rubric, lexicon);
    }

    /** Loads the rubric; throws {@link InvalidRubricException} listing every problem when it is invalid. */
    public static LpScorer fromDirectory(Path rubricDir) {
        List<Problem> problems = new ArrayList<>();
        return RubricReader.read(rubricDir, problems).map(LpScorer::new)
                .orElseThrow(() -> new InvalidRubricException(problems));
    }

    /** A scorer over an already read rubric (for trials that swap in another principle model). */
    static LpScorer of(Rubric rubric) {
        return new LpScorer(rubric);
    }

    /** Every problem with the rubric, as {@code file:line: field: message}; empty when it is valid. */
    public static List<Problem> checkRubric(Path rubricDir) {
        List<Problem> problems = new ArrayList<>();
        RubricReader.read(rubricDir, problems);
        return List.copyOf(problems);
    }

    @Override
    public Track track() {
        return Track.LP;
    }

    @Override
    public Score score(Question question, String answer) {
        if (!(question instanceof LpQuestion q)) {
            return new Score(0, Verdict.NOT_YET, List.of(),
                    List.of("This is not a Leadership Principle question; the LP scorer cannot grade it."), "", "");
        }
        try {
            String text = answer == null ? "" : answer;
            if (text.length() > MAX_ANSWER_CHARS) {
                text = text.substring(0, MAX_ANSWER_CHARS); // keeps scoring cheap; no real answer is this long
            }
            return score(q, text);
        } catch (RuntimeException e) {
            // A bug must not lose the user's answer in the chat; log it and say so plainly.
            LOG.error("LP scoring failed for question {}", q.id(), e);
            return new Score(0, Verdict.NOT_YET, List.of(),
                    List.of("Sorry, this answer could not be scored because of an internal error."), "", "");
        }
    }

    private Score score(LpQuestion q, String text) {
        AnswerAnalysis analysis = new AnswerAnalysis(text, q.prompt(), lexicon, rubric);
        if (analysis.wordCount == 0) {
            return new Score(0, Verdict.NOT_YET, dimensions(null), List.of("Score 0/100 - not yet",
                    "No answer text found: tell one real story, what you did and how it ended."), "",
                    q.probes().isEmpty() ? "" : q.probes().get(0));
        }
        Assessment x = Assessment.of(analysis, lexicon, rubric, q.principles());
        x.rankMissingFor(String.join(" ", q.prompt(), String.join(" ", q.strongAnswer()), String.join(" ", q.probes())));
        Verdict verdict = verdict(x.total);
        return new Score(x.total, verdict, dimensions(x), writer.lines(x, verdict.label()), "", writer.followUp(x, q));
    }

    @Override
    public List<String> explain(Question question, String answer) {
        if (!(question instanceof LpQuestion q)) {
            return List.of();
        }
        String text = answer == null ? "" : answer;
        text = text.length() > MAX_ANSWER_CHARS ? text.substring(0, MAX_ANSWER_CHARS) : text;
        AnswerAnalysis analysis = new AnswerAnalysis(text, q.prompt(), lexicon, rubric);
        Assessment x = Assessment.of(analysis, lexicon, rubric, q.principles());
        return Explanation.lines(analysis, x, lexicon, rubric);
    }

    /**
     * The principles the story shows: each with evidence from two signal groups, or one multi-word signal,
     * in its counted sentences (the same bar as the asked principle's fit), and the asked principle when
     * the story answers its question.
     */
    @Override
    public java.util.Set<dev.drillbot.core.bank.Skill> shown(Question question, String answer) {
        if (!(question instanceof LpQuestion q)) {
            return java.util.Set.of();
        }
        String text = answer == null ? "" : answer;
        text = text.length() > MAX_ANSWER_CHARS ? text.substring(0, MAX_ANSWER_CHARS) : text;
        AnswerAnalysis analysis = new AnswerAnalysis(text, q.prompt(), lexicon, rubric);
        java.util.Set<dev.drillbot.core.bank.Skill> out = new java.util.LinkedHashSet<>();
        Assessment x = Assessment.of(analysis, lexicon, rubric, q.principles());
        if (x.askedEvidence) {
            out.add(x.asked);
        }
        for (dev.drillbot.core.bank.Principle p : dev.drillbot.core.bank.Principle.values()) {
            int[] e = analysis.evidence(lexicon, p);
            if (e[0] >= 2 || e[0] == 1 && e[1] == 1) {
                out.add(p);
            }
        }
        return out;
    }

    private Verdict verdict(int total) {
        if (total >= rubric.num("bands.strong")) {
            return Verdict.STRONG;
        }
        if (total >= rubric.num("bands.solid")) {
            return Verdict.SOLID;
        }
        return total >= rubric.num("bands.mixed") ? Verdict.MIXED : Verdict.NOT_YET;
    }

    private static List<DimensionScore> dimensions(Assessment x) {
        List<DimensionScore> out = new ArrayList<>();
        for (String d : Rubric.DIMENSIONS) {
            out.add(new DimensionScore(d, x == null ? 0 : x.scores.get(d), 4));
        }
        return out;
    }
}
