package dev.drillbot.core.chat;

import java.time.Instant;

/**
 * A reply in a drill thread, translated from a platform event.
 *
 * @param messageId the platform's id for the message, used to drop re-delivered events
 */
public record AnswerReceived(UserRef user, ThreadRef thread, String text, Instant at, String messageId) {}
