package dev.drillbot.core.bank;

import java.util.Locale;
import java.util.Optional;

/** The two kinds of drill. {@code slug} is what users type and what files contain. */
public enum Track {
    LP("lp", "Leadership Principle"),
    SQL("sql", "SQL");

    private final String slug;
    private final String displayName;

    Track(String slug, String displayName) {
        this.slug = slug;
        this.displayName = displayName;
    }

    public String slug() {
        return slug;
    }

    public String displayName() {
        return displayName;
    }

    public static Optional<Track> fromSlug(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (Track t : values()) {
            if (t.slug.equals(wanted)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
