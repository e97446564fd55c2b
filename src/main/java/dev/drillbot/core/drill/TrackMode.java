package dev.drillbot.core.drill;

import dev.drillbot.core.bank.Track;
import java.util.Locale;
import java.util.Optional;

/** Which track a channel's scheduled drills come from; {@code MIXED} alternates LP and SQL. */
public enum TrackMode {
    LP, SQL, MIXED;

    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TrackMode> fromSlug(String text) {
        for (TrackMode m : values()) {
            if (m.slug().equals(text == null ? "" : text.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** The track of the next scheduled drill, given the track of the previous one (if any). */
    public Track next(Optional<Track> previous) {
        return switch (this) {
            case LP -> Track.LP;
            case SQL -> Track.SQL;
            case MIXED -> previous.map(p -> p == Track.LP ? Track.SQL : Track.LP).orElse(Track.LP);
        };
    }
}
