package dev.drillbot.core.mock;

import dev.drillbot.core.chat.ChannelRef;
import dev.drillbot.core.chat.ThreadRef;
import dev.drillbot.core.chat.UserRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One mock interview.
 *
 * @param home the channel where {@code /mock} was run
 * @param thread the private thread it runs in; empty until the platform has opened it
 * @param plan its questions in the order asked
 * @param step the index in {@code plan} of the question being answered; {@code plan.size()} once finished
 * @param probesAsked follow-ups already asked about the current question
 */
public record MockInterview(long id, UserRef user, ChannelRef home, Optional<ThreadRef> thread, List<Planned> plan,
        int step, int probesAsked, Instant startedAt, Optional<Instant> endedAt) {

    public MockInterview {
        plan = List.copyOf(plan);
    }

    /** A question of the plan; the Bar Raiser's gets two follow-ups instead of one. */
    public record Planned(String questionId, boolean barRaiser) {
        /** Follow-ups the interviewer asks before moving on. */
        public int probes() {
            return barRaiser ? 2 : 1;
        }
    }

    public boolean ended() {
        return endedAt.isPresent();
    }

    public String platform() {
        return home.platform();
    }
}
