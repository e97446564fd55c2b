package dev.drillbot.core.drill;

import dev.drillbot.core.bank.LpQuestion;
import dev.drillbot.core.bank.Question;
import dev.drillbot.core.bank.QuestionBank;
import dev.drillbot.core.bank.Skill;
import dev.drillbot.core.bank.Track;
import dev.drillbot.core.chat.AnswerReceived;
import dev.drillbot.core.chat.Gateways;
import dev.drillbot.core.chat.OutgoingMessage;
import dev.drillbot.core.chat.ThreadRef;
import dev.drillbot.core.chat.UserRef;
import dev.drillbot.core.progress.ProgressStore;
import dev.drillbot.core.progress.ProgressUpdate;
import dev.drillbot.core.progress.Streak;
import dev.drillbot.core.scoring.DimensionScore;
import dev.drillbot.core.scoring.Score;
import dev.drillbot.core.scoring.Scoring;
import dev.drillbot.core.scoring.ScoringUnavailableException;
import dev.drillbot.core.text.Messages;
import dev.drillbot.core.text.TextBars;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes an answer from a drill thread through the loop: store it (committed before anything else),
 * score it, record the score and progress in one transaction, reply in the thread.
 */
public final class AnswerService {
    private static final Logger log = LoggerFactory.getLogger(AnswerService.class);

    public enum Outcome {
        SCORED, DUPLICATE, EMPTY, TOO_LONG, QUESTION_MISSING, SCORING_FAILED, WITHDRAWN, EDIT_TOO_LATE,
        /** The thread is not known as a drill's (yet: see {@link AnswerIntake}). */
        NOT_A_DRILL,
        /** A message deleted in a drill's thread was no answer that counted. */
        NOTHING_WITHDRAWN,
        /** Scored and stored, but the feedback could not be posted: it is posted when the answer is handled again. */
        REPLY_FAILED,
        /** The thread takes no more answers (a finished mock interview); the user was told. */
        CLOSED
    }

    /** Each edited version gets its own message id, so a re-delivered edit is still recognised. */
    static final String EDIT_MARK = "#edit@";

    private final QuestionBank bank;
    private final DrillStore drills;
    private final AnswerStore answers;
    private final ProgressStore progress;
    private final Scoring scoring;
    private final Gateways gateways;
    private final Messages messages;
    private final ChannelDirectory channels;
    private final int maxAnswerChars;
    private final Clock clock;

    private final dev.drillbot.core.review.Reviews reviews;

    public AnswerService(QuestionBank bank, DrillStore drills, AnswerStore answers, ProgressStore progress,
            Scoring scoring, Gateways gateways, Messages messages, ChannelDirectory channels, int maxAnswerChars,
            Clock clock, dev.drillbot.core.review.Reviews reviews) {
        this.reviews = reviews;
        this.bank = bank;
        this.drills = drills;
        this.answers = answers;
        this.progress = progress;
        this.scoring = scoring;
        this.gateways = gateways;
        this.messages = messages;
        this.channels = channels;
        this.maxAnswerChars = maxAnswerChars;
        this.clock = clock;
    }

    public Outcome receive(AnswerReceived answer) {
        // control characters and direction overrides in what a user wrote, or in their name, reach no one
        return receive(answer.inert(), answer.messageId());
    }


    /** @param originId the platform id of the message this answer is (a version of) */
    private Outcome receive(AnswerReceived answer, String originId) {
        ThreadRef thread = answer.thread();
        Optional<Drill> found = drills.byThread(thread.channel(), thread.id());
        if (found.isEmpty()) {
            return Outcome.NOT_A_DRILL;
        }
        Drill drill = found.get();
        String text = answer.text() == null ? "" : answer.text().strip();
        Optional<Unreadable> unreadable = Unreadable.check(text, answer.user().name(), maxAnswerChars, messages);
        if (unreadable.isPresent()) {
            reply(thread, unreadable.get().reply());
            return unreadable.get().outcome();
        }
        Optional<Question> question = bank.find(drill.questionId());
        if (question.isEmpty()) {
            reply(thread, messages.render("question-missing", Map.of("id", drill.questionId())));
            return Outcome.QUESTION_MISSING;
        }
        ChannelSettings ch = channels.settings(drill.channel());
        // An LP reply to the bot's follow-up probe adds to the earlier answer instead of replacing it. Only a reply
        // sent once that answer was scored can be one: a message sent before it (two quick messages, or a burst
        // spread over several instances) is scored on its own, so the outcome never depends on processing order.
        Optional<AnswerStore.ScoredAnswer> previous = question.get().track() == Track.LP
                ? answers.latestScoredBefore(drill.id(), answer.user().id(), answer.at()) : Optional.empty();
        boolean followUp = previous.isPresent() && !previous.get().score().followUp().isEmpty();
        String scoredText = followUp ? previous.get().scoredText() + "\n\n" + text : text;
        boolean onTime = drill.openAt(answer.at());
        LocalDate day = answer.at().atZone(ch.zone()).toLocalDate();
        Optional<Long> answerId = answers.accept(new AnswerStore.NewAnswer(drill.id(), answer.user(),
                answer.messageId(), originId, text, scoredText, answer.at(), day, onTime));
        if (answerId.isEmpty()) {
            // received before; if the bot stopped before scoring it, it is scored now (once)
            answerId = answers.unfinished(drill.id(), answer.messageId());
            if (answerId.isEmpty()) {
                // scored, but the bot stopped before the feedback was posted: post it now
                Optional<AnswerStore.ScoredAnswer> unreplied = answers.unreplied(drill.id(), answer.messageId());
                if (unreplied.isEmpty()) {
                    return Outcome.DUPLICATE;
                }
                return replyFeedback(answer, drill, question.get(), ch, unreplied.get().answerId(),
                        unreplied.get().score(), Optional.empty(), onTime) ? Outcome.SCORED : Outcome.REPLY_FAILED;
            }
        }
        Score score;
        try {
            score = scoring.score(question.get(), scoredText, drill.channel().platform() + ":" + answer.user().id());
        } catch (ScoringUnavailableException e) {
            answers.markFailed(answerId.get(), e.getMessage());
            reply(thread, messages.render("scoring-unavailable", Map.of("user", answer.user().name(),
                    "reason", e.getMessage())));
            return Outcome.SCORING_FAILED;
        } catch (RuntimeException e) {
            log.error("Scoring answer {} to {} failed", answerId.get(), question.get().id(), e);
            answers.markFailed(answerId.get(), e.toString());
            reply(thread, messages.render("scoring-failed", Map.of("user", answer.user().name())));
            return Outcome.SCORING_FAILED;
        }
        boolean countsForLeaderboard = onTime && drill.kind() == Drill.Kind.SCHEDULED;
        answers.recordScore(answerId.get(), score, clock.instant(), new ProgressUpdate(drill.channel(), answer.user(), drill.id(),
                answer.at(), day, question.get().skills().stream().map(Skill::slug).toList(), score.total(),
                countsForLeaderboard));
        reviews.scored(drill.channel().platform(), answer.user().id(), question.get().id(), score.total(), day);
        return replyFeedback(answer, drill, question.get(), ch, answerId.get(), score,
                followUp ? previous.map(AnswerStore.ScoredAnswer::score) : Optional.empty(), onTime)
                ? Outcome.SCORED : Outcome.REPLY_FAILED;
    }

    /** @return whether the feedback was posted */
    private boolean replyFeedback(AnswerReceived answer, Drill drill, Question question, ChannelSettings ch, long answerId,
            Score score, Optional<Score> before, boolean onTime) {
        Streak streak = Streak.compute(progress.drillDays(drill.channel()),
                progress.answerDays(drill.channel(), answer.user().id()), clock.instant().atZone(ch.zone()).toLocalDate());
        Map<String, Object> values = feedbackValues(answer, drill, question, score, streak, before, onTime);
        if (reply(answer.thread(), new OutgoingMessage.Feedback(messages.render("feedback", values), score))) {
            answers.markReplied(answerId);
            return true;
        }
        return false;
    }

    /**
     * An answer was edited on the platform ({@code edited.messageId()} is the original message's id).
     * While the drill is open the old version is withdrawn and the new one scored; afterwards the edit
     * is not scored and the user is told why.
     */
    public Outcome edit(AnswerReceived edited) {
        ThreadRef thread = edited.thread();
        Optional<Drill> drill = drills.byThread(thread.channel(), thread.id());
        if (drill.isEmpty()) {
            return Outcome.NOT_A_DRILL;
        }
        if (!drill.get().openAt(edited.at())) {
            reply(thread, messages.render("edit-too-late", Map.of("user", edited.user().name())));
            return Outcome.EDIT_TOO_LATE;
        }
        withdrawLive(drill.get(), edited.user(), edited.messageId());
        return receive(new AnswerReceived(edited.user(), thread, edited.text(), edited.at(),
                edited.messageId() + EDIT_MARK + edited.at().toEpochMilli()).inert(), edited.messageId());
    }

    /** An answer was deleted on the platform: it no longer counts. */
    public Outcome withdraw(ThreadRef thread, UserRef user, String messageId) {
        Optional<Drill> drill = drills.byThread(thread.channel(), thread.id());
        if (drill.isEmpty()) {
            return Outcome.NOT_A_DRILL;
        }
        return withdrawLive(drill.get(), user, messageId) ? Outcome.WITHDRAWN : Outcome.NOTHING_WITHDRAWN;
    }

    /** A deleted message whose author the platform does not say (Discord): the stored answer tells. */
    public Outcome withdraw(ThreadRef thread, String messageId) {
        Optional<Drill> drill = drills.byThread(thread.channel(), thread.id());
        if (drill.isEmpty()) {
            return Outcome.NOT_A_DRILL;
        }
        Optional<String> author = answers.authorOf(drill.get().id(), messageId);
        return author.isPresent() && withdrawLive(drill.get(), new UserRef(author.get(), ""), messageId)
                ? Outcome.WITHDRAWN : Outcome.NOTHING_WITHDRAWN;
    }

    /** Whether the thread is recorded as a drill's. */
    public boolean isDrillThread(ThreadRef thread) {
        return drills.byThread(thread.channel(), thread.id()).isPresent();
    }

    private boolean withdrawLive(Drill drill, UserRef user, String messageId) {
        List<String> skills = bank.find(drill.questionId())
                .map(q -> q.skills().stream().map(Skill::slug).toList()).orElse(List.of());
        return answers.withdraw(drill.id(), user.id(), messageId, skills);
    }

    private Map<String, Object> feedbackValues(AnswerReceived answer, Drill drill, Question question, Score score,
            Streak streak, Optional<Score> before, boolean onTime) {
        Map<String, Object> v = new HashMap<>();
        v.put("user", answer.user().name());
        v.put("title", question.title());
        v.put("total", score.total());
        v.put("verdict", score.verdict().label());
        List<Map<String, Object>> dims = new ArrayList<>();
        int width = score.dimensions().stream().mapToInt(d -> d.name().length()).max().orElse(0);
        for (DimensionScore d : score.dimensions()) {
            dims.add(Map.of("name", pad(d.name(), width), "bar", TextBars.bar(d.fraction(), 10),
                    "score", TextBars.number(d.score()), "max", TextBars.number(d.max())));
        }
        v.put("dimensions", dims);
        v.put("feedback", score.feedback());
        v.put("detail", score.detail());
        v.put("hasDetail", !score.detail().isEmpty());
        v.put("followUp", score.followUp());
        v.put("hasFollowUp", !score.followUp().isEmpty());
        before.ifPresent(b -> {
            v.put("addition", true);
            v.put("previousTotal", b.total());
            int delta = score.total() - b.total();
            v.put("delta", (delta >= 0 ? "+" : "") + delta);
            v.put("changes", changes(b, score));
        });
        List<String> strong = question instanceof LpQuestion lp ? lp.strongAnswer() : List.of();
        v.put("strongAnswer", String.join("; ", strong.stream().map(x -> x.replaceAll("[.\\s]+$", "")).toList()));
        v.put("late", !onTime);
        v.put("practice", drill.kind() == Drill.Kind.PRACTICE);
        v.put("currentStreak", streak.current());
        v.put("longestStreak", streak.longest());
        v.put("streakCounts", drill.kind() == Drill.Kind.SCHEDULED || streak.answeredToday());
        return v;
    }

    /** "ownership 2 → 3" for every dimension that moved as shown (a length's 3.18 → 3.21 shows as 3.2 both times). */
    static List<String> changes(Score before, Score after) {
        Map<String, Double> old = new HashMap<>();
        before.dimensions().forEach(d -> old.put(d.name(), d.score()));
        List<String> out = new ArrayList<>();
        for (DimensionScore d : after.dimensions()) {
            Double was = old.get(d.name());
            String from = was == null ? null : TextBars.number(was);
            String to = TextBars.number(d.score());
            if (from != null && !from.equals(to)) {
                out.add(d.name() + " " + from + " → " + to);
            }
        }
        return out;
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }

    private void reply(ThreadRef thread, String text) {
        reply(thread, OutgoingMessage.plain(text));
    }

    /** @return whether the reply was posted */
    private boolean reply(ThreadRef thread, OutgoingMessage message) {
        try {
            gateways.forChannel(thread.channel()).reply(thread, message);
            return true;
        } catch (RuntimeException e) {
            log.error("Could not reply in {} thread {}: {}", thread.channel(), thread.id(), e.toString());
            return false;
        }
    }
}
