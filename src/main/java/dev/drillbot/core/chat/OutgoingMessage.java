package dev.drillbot.core.chat;

import dev.drillbot.core.bank.Question;
import dev.drillbot.core.scoring.Score;
import java.time.Instant;
import java.util.Optional;

/**
 * What the core asks a gateway to show. Every message carries its finished plain text (rendered from
 * the templates in {@code prompts/}); the structured variants also carry the data behind the text, so
 * that a platform with rich layouts (Block Kit, embeds) can render them its own way.
 */
public sealed interface OutgoingMessage {
    String text();

    /**
     * A new drill; gateways open a thread for answers.
     *
     * @param key the drill's stable identity ({@code "drill-" + id}, at most 25 characters): the same when another
     *     instance takes the post over, so that a gateway can recognise a post of the same drill it may not repeat
     * @param earlierAttempt on a takeover, when the instance that claimed the drill first started posting it (it was
     *     taken for dead): its post may have reached the platform, and the gateway should use that post if it can
     *     find it rather than post again
     */
    record DrillPost(String text, Question question, boolean practice, String key, Optional<Instant> earlierAttempt)
            implements OutgoingMessage {}

    /** Feedback on one answer. */
    record Feedback(String text, Score score) implements OutgoingMessage {}

    /**
     * A reply in a thread only its user can read (a mock interview's): shown there or nowhere, never in the
     * channel around it, even where a platform would fall back to the channel for an ordinary reply.
     */
    record Private(String text) implements OutgoingMessage {}

    /** Any other reply. */
    record Plain(String text) implements OutgoingMessage {}

    static OutgoingMessage plain(String text) {
        return new Plain(text);
    }
}
