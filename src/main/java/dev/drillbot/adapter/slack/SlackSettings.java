package dev.drillbot.adapter.slack;

import dev.drillbot.config.Environment;
import java.util.Optional;

/**
 * What the Slack adapter needs from the environment. {@link #toString()} never shows a token.
 *
 * @param apiUrl the Web API base, {@code https://slack.com/api/} unless {@code SLACK_API_URL} says otherwise
 * @param historyToken {@code SLACK_USER_TOKEN}, a user token with {@code channels:history} (and
 *     {@code groups:history} for private channels): Slack lets only user tokens read channel threads with
 *     {@code conversations.replies}, which is how answers posted while the bot was down are caught up
 */
public record SlackSettings(String botToken, String appToken, String apiUrl, Optional<String> historyToken) {
    public static final String DEFAULT_API_URL = "https://slack.com/api/";

    public SlackSettings(String botToken, String appToken, String apiUrl) {
        this(botToken, appToken, apiUrl, Optional.empty());
    }

    public SlackSettings {
        historyToken = historyToken == null ? Optional.empty() : historyToken.filter(t -> !t.isBlank());
        apiUrl = apiUrl == null || apiUrl.isBlank() ? DEFAULT_API_URL : apiUrl.endsWith("/") ? apiUrl : apiUrl + "/";
    }

    /** Present when both {@code SLACK_BOT_TOKEN} and {@code SLACK_APP_TOKEN} are set. */
    public static Optional<SlackSettings> from(Environment env) {
        if (!env.slackConfigured()) {
            return Optional.empty();
        }
        return Optional.of(new SlackSettings(env.slackBotToken().orElseThrow(), env.slackAppToken().orElseThrow(),
                env.get("SLACK_API_URL").orElse(DEFAULT_API_URL), env.get("SLACK_USER_TOKEN")));
    }

    @Override
    public String toString() {
        return "SlackSettings[apiUrl=" + apiUrl + ", tokens=set, history=" + (historyToken.isPresent() ? "set" : "unset")
                + "]";
    }
}
