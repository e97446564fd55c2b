package dev.drillbot.core.mock;

import dev.drillbot.core.chat.ChannelRef;
import dev.drillbot.core.chat.ThreadRef;
import dev.drillbot.core.chat.UserRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Persistence of mock interviews and the messages sent in them. Every method commits before it returns. */
public interface MockStore {
    /**
     * Records a new mock unless the user has one open on the platform (one at a time, across instances). An
     * open one with no message since {@code staleBefore}, or still without a thread since {@code unopenedBefore}
     * (its opening was cut short), is ended as expired first.
     *
     * @return the new mock, or empty when one is open
     */
    Optional<MockInterview> start(UserRef user, ChannelRef home, List<MockInterview.Planned> plan, Instant at,
            Instant staleBefore, Instant unopenedBefore);

    /** Records the private thread the platform opened for it. */
    void attachThread(long mockId, ThreadRef thread);

    /** Ends a mock (finished, stopped, or failed to open); returns false if it had ended already. */
    boolean end(long mockId, String outcome, Instant at);

    Optional<MockInterview> byThread(ThreadRef thread);

    Optional<MockInterview> byId(long mockId);

    /** The user's open mock on the platform, if any. */
    Optional<MockInterview> open(String platform, String userId);

    /** Open mocks with a thread begun or answered in at {@code since} or later: threads to read after a stop. */
    List<MockInterview> openSince(String platform, Instant since);

    /**
     * What the scorer made of a question's answer so far, as the scorecard needs it: the total, the verdict,
     * the weakest rubric dimension and the first thing the feedback said.
     */
    record Marks(int total, String verdict, String weakest, String advice) {}

    /** A message the user sent in the thread, as received; {@code marks} and {@code reply} are empty until it was read. */
    record Turn(long id, long mockId, String messageId, int step, String text, Instant sentAt,
            Optional<Marks> marks, Optional<String> reply, boolean replied) {}

    /** Records a message for the mock's current step; empty if this message was recorded before. */
    Optional<Turn> accept(long mockId, String messageId, int step, String text, Instant sentAt);

    Optional<Turn> turn(long mockId, String messageId);

    /** The turns of one step, in the order received. */
    List<Turn> turns(long mockId, int step);

    /** Forgets a turn that could not be read (scoring failed): the user is asked to send it again. */
    void forget(long turnId);

    /** Moves a turn that was read too late (the mock had moved on meanwhile) to the mock's current step. */
    void moveTurn(long turnId, int step);

    /**
     * Records how a turn was read and what the bot answers it with, and moves the mock on, in one transaction:
     * the mock is updated only if it is still at {@code step} with {@code probesAsked} (a message read twice
     * at once moves it once).
     *
     * @return false if the mock had moved on already (nothing written)
     */
    boolean recordTurn(long turnId, Marks marks, String reply, MockInterview from, int nextStep, int nextProbes,
            Optional<Instant> endedAt);

    void markReplied(long turnId);
}
