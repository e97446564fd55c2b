package dev.drillbot.core.chat;

import dev.drillbot.core.text.UserText;
import java.time.Instant;

/**
 * A reply in a drill thread, translated from a platform event.
 *
 * @param messageId the platform's id for the message, used to drop re-delivered events
 */
public record AnswerReceived(UserRef user, ThreadRef thread, String text, Instant at, String messageId) {

    /** The same message with control characters and direction overrides taken out of its text and its author's name. */
    public AnswerReceived inert() {
        return new AnswerReceived(new UserRef(user.id(), UserText.inert(user.name())), thread, UserText.inert(text), at,
                messageId);
    }
}
