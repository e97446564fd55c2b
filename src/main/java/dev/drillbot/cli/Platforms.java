package dev.drillbot.cli;

import dev.drillbot.config.DrillbotConfig;
import dev.drillbot.config.Environment;
import dev.drillbot.core.chat.ChatPlatform;
import java.util.ArrayList;
import java.util.List;

/** The chat platforms drillbot can connect to; each is created only when its credentials are set. */
final class Platforms {
    private Platforms() {}

    /** The configured platforms, not yet started. None means the console channel runs instead. */
    static List<ChatPlatform> fromEnvironment(Environment env, DrillbotConfig config) {
        List<ChatPlatform> platforms = new ArrayList<>();
        dev.drillbot.adapter.slack.SlackPlatform.fromEnvironment(env).ifPresent(platforms::add);
        dev.drillbot.adapter.discord.DiscordPlatform.fromEnvironment(env).ifPresent(platforms::add);
        return platforms;
    }
}
