package dev.drillbot.core.progress;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The personal side of practice: a user's own time zone (set with {@code /timezone}, else the channel's),
 * their pauses and their practice streak. Platform-free; commands and summaries use it.
 */
public final class Practice {
    /** The longest pause one {@code /pause} may take. */
    public static final int MAX_PAUSE_DAYS = 30;

    private final PracticeStore store;
    private final Clock clock;

    public Practice(PracticeStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Where the zone came from: the user's /timezone, their platform profile, or the channel. */
    public enum ZoneSource { CHOSEN, PROFILE, CHANNEL }

    /** The user's zone, and where it came from. */
    public record Zone(ZoneId id, ZoneSource source) {
        public boolean chosen() {
            return source == ZoneSource.CHOSEN;
        }
    }

    public Zone zone(String platform, String userId, ZoneId channelZone) {
        return store.zone(platform, userId)
                .map(z -> new Zone(z.zone(), z.chosen() ? ZoneSource.CHOSEN : ZoneSource.PROFILE))
                .orElse(new Zone(channelZone, ZoneSource.CHANNEL));
    }

    /** The zone of the user's profile on the platform (Slack tells it); the user's own choice still wins. */
    public void learnZone(String platform, String userId, ZoneId zone) {
        store.learnZone(platform, userId, zone, clock.instant());
    }

    public void setZone(String platform, String userId, ZoneId zone) {
        store.setZone(platform, userId, zone, clock.instant());
    }

    public LocalDate today(ZoneId zone) {
        return clock.instant().atZone(zone).toLocalDate();
    }

    /** The pause covering today or starting later, if any. */
    public Optional<PracticeStore.Pause> activePause(String platform, String userId, LocalDate today) {
        return store.pauses(platform, userId).stream().filter(p -> !p.lastDay().isBefore(today)).findFirst();
    }

    /**
     * Pauses both streaks from today for {@code days} days (1 to {@link #MAX_PAUSE_DAYS}); a pause already
     * running is replaced by the new one. Returns the last paused day.
     */
    public LocalDate pause(String platform, String userId, LocalDate today, int days) {
        if (days < 1 || days > MAX_PAUSE_DAYS) {
            throw new IllegalArgumentException("a pause is 1 to " + MAX_PAUSE_DAYS + " days");
        }
        activePause(platform, userId, today).ifPresent(p -> store.endPause(p.id(), today.minusDays(1)));
        LocalDate last = today.plusDays(days - 1L);
        store.addPause(platform, userId, today, last);
        return last;
    }

    /** Ends a running pause: today counts again. Returns false if there was none. */
    public boolean resume(String platform, String userId, LocalDate today) {
        Optional<PracticeStore.Pause> p = activePause(platform, userId, today);
        p.ifPresent(pause -> store.endPause(pause.id(), today.minusDays(1)));
        return p.isPresent();
    }

    /**
     * Where a user stands today, read once: their zone, today there, their pauses and their practice streak.
     *
     * @param pauses every pause the user took, oldest first
     */
    public record Standing(Zone zone, LocalDate today, List<PracticeStore.Pause> pauses, PracticeStreak streak) {
        public boolean paused(LocalDate day) {
            return pauses.stream().anyMatch(p -> p.covers(day));
        }

        /** The pause covering today, if any. */
        public Optional<PracticeStore.Pause> pausedToday() {
            return pauses.stream().filter(p -> p.covers(today)).findFirst();
        }
    }

    public Standing standing(String platform, String userId, ZoneId channelZone) {
        Zone zone = zone(platform, userId, channelZone);
        LocalDate today = today(zone.id());
        Set<LocalDate> practised = new HashSet<>();
        for (Instant at : store.scoredAnswerTimes(platform, userId)) {
            practised.add(at.atZone(zone.id()).toLocalDate());
        }
        List<PracticeStore.Pause> pauses = store.pauses(platform, userId);
        PracticeStreak streak = PracticeStreak.compute(practised, day -> pauses.stream().anyMatch(p -> p.covers(day)),
                today);
        return new Standing(zone, today, pauses, streak);
    }
}
