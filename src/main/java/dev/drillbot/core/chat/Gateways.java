package dev.drillbot.core.chat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The running chat gateways, found by platform name. */
public final class Gateways {
    private final Map<String, ChatGateway> byPlatform = new HashMap<>();

    public Gateways(List<? extends ChatGateway> gateways) {
        gateways.forEach(this::add);
    }

    public void add(ChatGateway gateway) {
        byPlatform.put(gateway.platform(), gateway);
    }

    public boolean has(String platform) {
        return byPlatform.containsKey(platform);
    }

    public ChatGateway forChannel(ChannelRef channel) {
        ChatGateway g = byPlatform.get(channel.platform());
        if (g == null) {
            throw new IllegalStateException("no running gateway for platform " + channel.platform());
        }
        return g;
    }
}
