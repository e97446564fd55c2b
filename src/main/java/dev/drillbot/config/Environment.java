package dev.drillbot.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Settings that come only from the environment: tokens and file locations. {@link #toString()} never
 * shows a token, so an accidental log line cannot leak one.
 */
public record Environment(Optional<String> slackBotToken, Optional<String> slackAppToken,
        Optional<String> discordBotToken, Path database, Path configFile, Map<String, String> raw) {

    public static Environment from(Map<String, String> env) {
        return new Environment(
                nonBlank(env.get("SLACK_BOT_TOKEN")),
                nonBlank(env.get("SLACK_APP_TOKEN")),
                nonBlank(env.get("DISCORD_BOT_TOKEN")),
                Path.of(nonBlank(env.get("DRILLBOT_DB")).orElse("data/drillbot.db")),
                Path.of(nonBlank(env.get("DRILLBOT_CONFIG")).orElse("config/drillbot.yaml")),
                Map.copyOf(env));
    }

    public static Environment system() {
        return from(System.getenv());
    }

    public Optional<String> get(String name) {
        return nonBlank(raw.get(name));
    }

    public boolean slackConfigured() {
        return slackBotToken.isPresent() && slackAppToken.isPresent();
    }

    public boolean discordConfigured() {
        return discordBotToken.isPresent();
    }

    private static Optional<String> nonBlank(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.trim());
    }

    @Override
    public String toString() {
        return "Environment[slack=" + (slackConfigured() ? "set" : "unset") + ", discord="
                + (discordConfigured() ? "set" : "unset") + ", database=" + database + ", config=" + configFile + "]";
    }
}
