package dev.drillbot.core.chat;

import java.util.Objects;

/** A channel on one platform, e.g. ({@code slack}, {@code C0123}). */
public record ChannelRef(String platform, String id) {
    public ChannelRef {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(id, "id");
    }

    /** The key under which the channel's drills and progress are stored. */
    public String key() {
        return platform + ":" + id;
    }

    @Override
    public String toString() {
        return key();
    }
}
