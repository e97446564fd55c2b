package dev.drillbot.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Settings that come only from the environment: tokens, the database (a SQLite path or a PostgreSQL
 * URL, with DRILLBOT_DB_USER and DRILLBOT_DB_PASSWORD) and file locations. {@link #toString()} never
 * shows a token or password, so an accidental log line cannot leak one.
 */
public record Environment(Optional<String> slackBotToken, Optional<String> slackAppToken,
        Optional<String> discordBotToken, String database, Path configFile, Map<String, String> raw) {

    public static Environment from(Map<String, String> env) {
        return new Environment(
                nonBlank(env.get("SLACK_BOT_TOKEN")),
                nonBlank(env.get("SLACK_APP_TOKEN")),
                nonBlank(env.get("DISCORD_BOT_TOKEN")),
                nonBlank(env.get("DRILLBOT_DB")).orElse("data/drillbot.db"),
                Path.of(nonBlank(env.get("DRILLBOT_CONFIG")).orElse("config/drillbot.yaml")),
                Map.copyOf(env));
    }

    public static Environment system() {
        return from(System.getenv());
    }

    public Optional<String> get(String name) {
        return nonBlank(raw.get(name));
    }

    /** The PostgreSQL user, when DRILLBOT_DB names a server. */
    public Optional<String> databaseUser() {
        return get("DRILLBOT_DB_USER");
    }

    /** The PostgreSQL password: from the environment only, never shown. */
    public Optional<String> databasePassword() {
        return get("DRILLBOT_DB_PASSWORD");
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
                + (discordConfigured() ? "set" : "unset") + ", database=" + database.replaceAll("(?i)(password=)[^&;]*", "$1***") + ", config=" + configFile + "]";
    }
}
