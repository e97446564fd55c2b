package dev.drillbot.core.drill;

import dev.drillbot.core.chat.ChannelRef;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Settings of the configured channels; channels not in the config get unscheduled defaults. */
public final class ChannelDirectory {
    private final Map<ChannelRef, ChannelSettings> byChannel = new LinkedHashMap<>();
    private final ZoneId defaultZone;

    public ChannelDirectory(List<ChannelSettings> channels, ZoneId defaultZone) {
        channels.forEach(c -> byChannel.put(c.channel(), c));
        this.defaultZone = defaultZone;
    }

    public ChannelSettings settings(ChannelRef channel) {
        ChannelSettings s = byChannel.get(channel);
        return s != null ? s : ChannelSettings.unscheduled(channel, defaultZone);
    }

    public List<ChannelSettings> configured() {
        return List.copyOf(byChannel.values());
    }
}
