package dev.drillbot.core.drill;

import dev.drillbot.core.bank.Track;
import dev.drillbot.core.chat.ChannelRef;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One posted question and its answer thread.
 *
 * @param fireTime the schedule's fire time for scheduled drills (their unique key with the channel); empty for practice
 * @param day the local date in the channel's time zone that the drill belongs to
 * @param threadId empty until the gateway has posted it
 */
public record Drill(long id, ChannelRef channel, Kind kind, Optional<Instant> fireTime, LocalDate day,
        String questionId, Track track, String requestedBy, Instant postedAt, Instant closesAt,
        Optional<String> threadId) {

    public enum Kind { SCHEDULED, PRACTICE }

    public boolean openAt(Instant at) {
        return at.isBefore(closesAt);
    }
}
