package dev.drillbot.core.drill;

import dev.drillbot.core.bank.Track;
import dev.drillbot.core.chat.ChannelRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Persistence of drills. Every method commits before it returns. */
public interface DrillStore {
    /** A drill about to be posted. */
    record NewDrill(ChannelRef channel, Drill.Kind kind, Optional<Instant> fireTime, java.time.LocalDate day,
            String questionId, Track track, String requestedBy, Instant postedAt, Instant closesAt) {}

    /**
     * How long a claimed scheduled drill that has no thread yet stays its claimer's: after that the claimer
     * is taken for dead (it stopped between claiming and posting) and another instance, or the same one
     * restarted, may claim the fire time again. Far longer than any post takes.
     */
    java.time.Duration CLAIM_LEASE = java.time.Duration.ofMinutes(2);

    /**
     * Records a drill. For scheduled drills the (channel, fire time) pair is unique: if it is claimed
     * already nothing is written and the result is empty, which is how double posting is prevented across
     * restarts and instances. A claim older than {@link #CLAIM_LEASE} that was never posted is taken over.
     */
    Optional<Drill> claim(NewDrill drill);

    /**
     * A claim of a scheduled fire time that was never posted and whose lease ran out (its claimer is taken for
     * dead), as the next {@link #claim} would take it over.
     *
     * @param claimedAt when that claimer claimed it, and so started posting: its post may have reached the platform
     */
    record Abandoned(long drillId, String questionId, Track track, Instant claimedAt) {}

    /** The abandoned claim of this fire time at {@code now}, if there is one. */
    Optional<Abandoned> abandoned(ChannelRef channel, Instant fireTime, Instant now);

    /** Records where the gateway posted the drill. */
    void attachThread(long drillId, String threadId);

    /** Forgets a claimed drill whose post failed, so that a retry may post it. */
    void release(long drillId);

    Optional<Drill> byThread(ChannelRef channel, String threadId);

    Optional<Drill> byId(long id);

    /** Whether the scheduled drill for this fire time was posted, or claimed at {@code now} less the lease or later. */
    boolean scheduledExists(ChannelRef channel, Instant fireTime, Instant now);

    /**
     * A platform's posted drills still open at {@code since} or later, oldest first: the threads where
     * answers may have been posted while the bot was not connected.
     */
    List<Drill> openSince(String platform, Instant since);

    /** The most recent posted drill in a channel (scheduled or practice). */
    Optional<Drill> latest(ChannelRef channel);

    /** Track of the most recent scheduled drill, for alternating mixed channels. */
    Optional<Track> lastScheduledTrack(ChannelRef channel);

    /** Question ids posted in the channel (both tracks, scheduled and practice), most recent first. */
    List<String> askedQuestions(ChannelRef channel);

    /** Records that the user asked for a hint on this drill; returns how many they had asked for before. */
    int takeHint(long drillId, String userId);
}
