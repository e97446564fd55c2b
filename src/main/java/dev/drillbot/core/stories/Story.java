package dev.drillbot.core.stories;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One of a user's Leadership Principle stories: their best-scored answer to one drill (an answer and its
 * follow-up reply are scored, and kept, together), or what they said to one question of a mock interview.
 *
 * @param from where it was told
 * @param id with {@code from}, the story's stable key: the drill it answered, or the first mock interview turn
 *     of the answer
 * @param text the answer as it was scored
 * @param best the best score it got
 * @param feedback that score's feedback lines
 * @param title the title the user gave it with {@code /stories name}, if any
 */
public record Story(From from, long id, String questionId, String text, int best, List<String> feedback, Instant firstAt,
        Optional<String> title) {

    /** Where a story was told. */
    public enum From { DRILL, MOCK }
}
