package dev.drillbot.core.drill;

import dev.drillbot.core.chat.UserRef;
import dev.drillbot.core.progress.ProgressUpdate;
import dev.drillbot.core.scoring.Score;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** Persistence of answers and scores. Every method commits before it returns. */
public interface AnswerStore {
    /**
     * @param messageId unique per version of a message (edits get their own)
     * @param originId the platform id of the original message, shared by all its versions
     * @param text what the user wrote in this message
     * @param scoredText what gets scored: the text, or earlier parts plus this follow-up
     * @param onTime whether the drill was still open when the answer arrived
     */
    record NewAnswer(long drillId, UserRef user, String messageId, String originId, String text, String scoredText,
            Instant receivedAt, LocalDate day, boolean onTime) {}

    /** The user's most recent scored answer to a drill. */
    record ScoredAnswer(long answerId, String scoredText, Score score) {}

    /** Commits the answer; empty if this message was accepted before (a re-delivered event). */
    Optional<Long> accept(NewAnswer answer);

    /**
     * The id of this message's answer if it is stored but was neither scored, failed nor withdrawn: the
     * bot stopped while scoring it.
     */
    Optional<Long> unfinished(long drillId, String messageId);

    /** This message's answer if it was scored but its feedback never posted (the bot stopped in between). */
    Optional<ScoredAnswer> unreplied(long drillId, String messageId);

    /** The feedback on the answer was posted. */
    void markReplied(long answerId);

    /**
     * Commits the score, its dimensions and the progress it causes, in one transaction.
     *
     * @param scoredAt when the bot scored it, by the bot's clock
     */
    void recordScore(long answerId, Score score, Instant scoredAt, ProgressUpdate progress);

    /** Marks an answer that could not be scored; it stays stored. */
    void markFailed(long answerId, String reason);

    /**
     * The user's answer to a drill scored most recently, at or before {@code before}. Asked with the time a new reply
     * was sent, it is the one answer whose feedback the user could have been replying to, whichever instance
     * or order the replies are processed in.
     */
    Optional<ScoredAnswer> latestScoredBefore(long drillId, String userId, Instant before);

    /**
     * Withdraws the live version of a message's answer (the original or its latest edit, found by the
     * original's platform id): it stops
     * counting for the leaderboard and the gap summary, in one transaction. The row is kept.
     *
     * @param skills slugs of the skills the drill's question practises
     * @return whether there was a live answer to withdraw
     */
    boolean withdraw(long drillId, String userId, String messageId, java.util.List<String> skills);

    /** Who wrote the answer with this original platform message id, if it is stored. */
    Optional<String> authorOf(long drillId, String messageId);
}
