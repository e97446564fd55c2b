package dev.drillbot.adapter.store;

import dev.drillbot.core.chat.ChannelRef;

/** Channels are stored under {@link ChannelRef#key()}, {@code platform:id}. */
final class ChannelKeys {
    private ChannelKeys() {}

    static ChannelRef parse(String key) {
        int colon = key.indexOf(':');
        return new ChannelRef(key.substring(0, colon), key.substring(colon + 1));
    }
}
