package dev.drillbot.core.scoring;

/**
 * A scorer could not judge an answer for reasons that are not the answer's fault (the grader is busy,
 * the question is broken). The answer stays stored, does not count, and the user gets this message.
 */
public final class ScoringUnavailableException extends RuntimeException {
    public ScoringUnavailableException(String userMessage) {
        super(userMessage);
    }
}
