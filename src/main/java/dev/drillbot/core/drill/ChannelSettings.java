package dev.drillbot.core.drill;

import dev.drillbot.core.chat.ChannelRef;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

/**
 * What the core needs to know about one channel.
 *
 * @param schedule the channel's schedule as written in config (shown to users; evaluated by the scheduler adapter)
 * @param answerWindow how long after posting an answer still counts for the leaderboard
 * @param graceWindow how late a missed scheduled drill may still be posted after downtime
 * @param digest when the weekly digest is posted; empty (the default) when the channel has none
 */
public record ChannelSettings(ChannelRef channel, String schedule, ZoneId zone, TrackMode trackMode,
        Duration answerWindow, Duration graceWindow, Optional<DigestSchedule> digest) {

    /** A channel without a weekly digest. */
    public ChannelSettings(ChannelRef channel, String schedule, ZoneId zone, TrackMode trackMode,
            Duration answerWindow, Duration graceWindow) {
        this(channel, schedule, zone, trackMode, answerWindow, graceWindow, Optional.empty());
    }

    /** Settings for a channel that is not in the config (e.g. a slash command used elsewhere). */
    public static ChannelSettings unscheduled(ChannelRef channel, ZoneId zone) {
        return new ChannelSettings(channel, "", zone, TrackMode.MIXED, Duration.ofHours(24), Duration.ZERO);
    }

    public boolean scheduled() {
        return !schedule.isBlank();
    }
}
