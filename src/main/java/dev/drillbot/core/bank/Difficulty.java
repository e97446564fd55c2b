package dev.drillbot.core.bank;

import java.util.Locale;
import java.util.Optional;

public enum Difficulty {
    EASY, MEDIUM, HARD;

    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Difficulty> fromSlug(String text) {
        for (Difficulty d : values()) {
            if (d.slug().equals(text == null ? "" : text.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
