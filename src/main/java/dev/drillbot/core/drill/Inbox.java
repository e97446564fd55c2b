package dev.drillbot.core.drill;

import dev.drillbot.core.chat.AnswerReceived;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Chat events that carry an answer, committed before the platform is told they arrived, so that none is
 * lost to a crash: what was received but not handled is handled at the next start. Every method commits
 * before it returns.
 */
public interface Inbox {
    enum Kind { ANSWER, EDIT, WITHDRAW }

    /**
     * An answer, an edit of one (its message id is the original message's) or a deletion (text empty;
     * the user's id is empty when the platform does not say who wrote the deleted message).
     * {@code attachedFile}: the message carried a text file that is part of the answer; after a restart
     * the adapter reads it again from the platform.
     */
    record Event(Kind kind, AnswerReceived message, boolean attachedFile) {
        public Event(Kind kind, AnswerReceived message) {
            this(kind, message, false);
        }
    }

    record Pending(long id, Event event, int attempts) {}

    /**
     * Commits the event under the platform's identity of it.
     *
     * @return its id, or empty if an event with this key was received before (a re-delivery)
     */
    Optional<Long> add(String eventKey, Event event, Instant receivedAt);

    /** The event was handled: it is not handled again. */
    void done(long id);

    /**
     * The event was handled as no drill's: its thread was not known as a drill's. It is done, unless the thread turns
     * out to be a drill's after all ({@link #reopen}).
     */
    void doneWithoutDrill(long id);

    /** Events of the platform received but not done, oldest first; counts an attempt for each. */
    List<Pending> takePending(String platform);

    /**
     * Hands out once more the events of a thread that were handled as no drill's ({@link #doneWithoutDrill}), as if
     * received now for the first time (one attempt counted, this one): the thread has just been recorded as a drill's.
     * Each such event is handed out once, to one caller, however many call this at the same time: the caller handles it.
     *
     * @return those events, oldest first
     */
    List<Pending> reopen(String platform, String channelId, String threadId);

    /** When the latest answer received in a thread was sent: replies older than it need not be read again. */
    Optional<Instant> lastSent(String platform, String channelId, String threadId);

    /** Forgets done events received before {@code before}; returns how many. */
    int prune(Instant before);
}
