package dev.drillbot.adapter.slack;

import dev.drillbot.config.Environment;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the Slack adapter needs from the environment. {@link #toString()} never shows a token.
 *
 * @param apiUrl the Web API base, {@code https://slack.com/api/} unless {@code SLACK_API_URL} says otherwise
 * @param historyToken {@code SLACK_USER_TOKEN}, a user token with {@code channels:history} (and
 *     {@code groups:history} for private channels): Slack lets only user tokens read channel threads with
 *     {@code conversations.replies}, which is how answers posted while the bot was down are caught up
 * @param postInterval the pace of posts per channel ({@code SLACK_POST_INTERVAL_MS}, default one a second as
 *     Slack asks; 0 switches pacing off)
 * @param postBurst how many posts a quiet channel lets through at once ({@code SLACK_POST_BURST}, default 5)
 */
public record SlackSettings(String botToken, String appToken, String apiUrl, Optional<String> historyToken,
        Duration postInterval, int postBurst) {
    public static final String DEFAULT_API_URL = "https://slack.com/api/";
    public static final Duration DEFAULT_POST_INTERVAL = Duration.ofSeconds(1);
    public static final int DEFAULT_POST_BURST = 5;
    private static final Logger log = LoggerFactory.getLogger(SlackSettings.class);

    public SlackSettings(String botToken, String appToken, String apiUrl) {
        this(botToken, appToken, apiUrl, Optional.empty());
    }

    public SlackSettings(String botToken, String appToken, String apiUrl, Optional<String> historyToken) {
        this(botToken, appToken, apiUrl, historyToken, DEFAULT_POST_INTERVAL, DEFAULT_POST_BURST);
    }

    public SlackSettings {
        historyToken = historyToken == null ? Optional.empty() : historyToken.filter(t -> !t.isBlank());
        apiUrl = apiUrl == null || apiUrl.isBlank() ? DEFAULT_API_URL : apiUrl.endsWith("/") ? apiUrl : apiUrl + "/";
        postInterval = postInterval == null || postInterval.isNegative() ? DEFAULT_POST_INTERVAL : postInterval;
        postBurst = Math.max(1, postBurst);
    }

    /** The same settings with another posting pace. */
    public SlackSettings withPace(Duration interval, int burst) {
        return new SlackSettings(botToken, appToken, apiUrl, historyToken, interval, burst);
    }

    /** Present when both {@code SLACK_BOT_TOKEN} and {@code SLACK_APP_TOKEN} are set. */
    public static Optional<SlackSettings> from(Environment env) {
        if (!env.slackConfigured()) {
            return Optional.empty();
        }
        return Optional.of(new SlackSettings(env.slackBotToken().orElseThrow(), env.slackAppToken().orElseThrow(),
                env.get("SLACK_API_URL").orElse(DEFAULT_API_URL), env.get("SLACK_USER_TOKEN"),
                Duration.ofMillis(whole(env, "SLACK_POST_INTERVAL_MS", DEFAULT_POST_INTERVAL.toMillis(), 0, 60_000)),
                (int) whole(env, "SLACK_POST_BURST", DEFAULT_POST_BURST, 1, 100)));
    }

    /** A whole number from the environment; a bad one is named in the log and the default used. */
    private static long whole(Environment env, String name, long fallback, long min, long max) {
        Optional<String> raw = env.get(name).map(String::strip).filter(v -> !v.isEmpty());
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            long v = Long.parseLong(raw.get());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        log.warn("{} must be a whole number from {} to {}; '{}' is not, so {} is used", name, min, max,
                dev.drillbot.core.text.UserText.quoted(raw.get()), fallback);
        return fallback;
    }

    @Override
    public String toString() {
        return "SlackSettings[apiUrl=" + apiUrl + ", tokens=set, history=" + (historyToken.isPresent() ? "set" : "unset")
                + ", pace=" + postInterval.toMillis() + " ms, burst " + postBurst + "]";
    }
}
