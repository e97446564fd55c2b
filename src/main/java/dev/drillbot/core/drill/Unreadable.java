package dev.drillbot.core.drill;

import dev.drillbot.core.text.Messages;
import java.util.Map;
import java.util.Optional;

/**
 * An answer that is not scored because there is nothing to read (empty) or too much (over the limit), and what
 * its writer is told. The same rule for drill answers and mock interview answers.
 */
public record Unreadable(AnswerService.Outcome outcome, String reply) {

    /** @param text the answer, stripped */
    public static Optional<Unreadable> check(String text, String user, int maxChars, Messages messages) {
        if (text.isEmpty()) {
            return Optional.of(new Unreadable(AnswerService.Outcome.EMPTY, messages.render("answer-empty", Map.of("user", user))));
        }
        if (text.length() > maxChars) {
            return Optional.of(new Unreadable(AnswerService.Outcome.TOO_LONG, messages.render("answer-too-long", Map.of(
                    "user", user, "length", String.format("%,d", text.length()), "limit", String.format("%,d", maxChars)))));
        }
        return Optional.empty();
    }
}
