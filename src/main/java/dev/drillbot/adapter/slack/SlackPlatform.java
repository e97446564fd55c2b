package dev.drillbot.adapter.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.methods.MethodsClient;
import com.slack.api.socket_mode.SocketModeClient;
import dev.drillbot.config.Environment;
import dev.drillbot.core.Drillbot;
import dev.drillbot.core.chat.ChatGateway;
import dev.drillbot.core.chat.EventWork;
import dev.drillbot.core.chat.ChatPlatform;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * drillbot on Slack: a Bolt app over Socket Mode (no public URL needed). The gateway works as soon as
 * the platform exists, so scheduled drills can be posted; {@link #start} connects and routes events.
 */
public final class SlackPlatform implements ChatPlatform {
    private static final Logger log = LoggerFactory.getLogger(SlackPlatform.class);

    private final SlackSettings settings;
    private final Slack slack;
    private final MethodsClient client;
    private final SlackCalls calls;
    private final SlackChatGateway gateway;
    private final Clock clock;
    /**
     * The work done after acks: eight answers handled at once (a SQL grade mostly waits for its grading
     * process, so more threads than cores), and two threads of their own for commands and buttons.
     */
    private final EventWork work = new EventWork("slack", 8, 2);
    private SocketModeApp socketMode;

    public SlackPlatform(SlackSettings settings, Clock clock) {
        this(settings, clock, new SlackCalls());
    }

    SlackPlatform(SlackSettings settings, Clock clock, SlackCalls calls) {
        this.settings = settings;
        this.clock = clock;
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(settings.apiUrl());
        config.setPrettyResponseLoggingEnabled(false);
        config.setStatsEnabled(false);
        this.slack = Slack.getInstance(config);
        this.client = slack.methods(settings.botToken());
        this.calls = calls;
        this.gateway = new SlackChatGateway(client, calls, new ChannelPace(settings.postInterval(), settings.postBurst()));
    }

    /** Slack, when {@code SLACK_BOT_TOKEN} and {@code SLACK_APP_TOKEN} are set; honours {@code SLACK_API_URL}. */
    public static Optional<ChatPlatform> fromEnvironment(Environment env) {
        return SlackSettings.from(env).map(s -> new SlackPlatform(s, Clock.systemUTC()));
    }

    @Override
    public ChatGateway gateway() {
        return gateway;
    }

    @Override
    public synchronized void start(Drillbot bot) throws Exception {
        AppConfig appConfig = AppConfig.builder()
                .slack(slack)
                .singleTeamBotToken(settings.botToken())
                // Events without a handler (other message subtypes, joins) are acknowledged, not re-sent.
                .allEventsApiAutoAckEnabled(true)
                .build();
        App app = new App(appConfig);
        SlackEvents events = new SlackEvents(bot, gateway, new SlackUsers(client, (id, zone) -> bot.practice().learnZone(SlackChatGateway.PLATFORM, id, zone)), work, client, calls, clock);
        events.register(app);
        events.resume(); // answers acknowledged before the last stop and not handled then; first, in order
        catchUpInBackground(events);
        socketMode = new SocketModeApp(settings.appToken(), app, SocketModeClient.Backend.JavaWebSocket);
        socketMode.startAsync();
        log.info("Slack Socket Mode started (Web API {})", settings.apiUrl());
    }

    /**
     * Answers posted while the bot was down: read back on a thread of its own (Slack allows apps outside its
     * Marketplace one conversations.replies call a minute). Channel threads need the history token (a user
     * token); mock interview threads are in the app's direct messages, which the bot token reads.
     */
    private void catchUpInBackground(SlackEvents events) {
        if (settings.historyToken().isEmpty()) {
            log.info("Slack: answers posted in channel threads while drillbot was not running are not read back"
                    + " (reading a channel thread needs a user token with channels:history: set SLACK_USER_TOKEN);"
                    + " Slack re-sends events that were not acknowledged for a while");
        }
        java.util.Optional<MethodsClient> channels = settings.historyToken().map(slack::methods);
        Thread t = new Thread(() -> {
            try {
                events.catchUp(channels, client);
            } catch (RuntimeException e) {
                log.warn("Slack: catching up on drill threads failed: {}", e.toString());
            }
        }, "drillbot-slack-catch-up");
        t.setDaemon(true);
        t.start();
    }

    /** Waits until every event received so far has been handled (for tests and orderly shutdown). */
    boolean awaitIdle(java.time.Duration timeout) throws InterruptedException {
        return work.awaitIdle(timeout);
    }

    @Override
    public synchronized void close() {
        if (socketMode != null) {
            SocketModeClient client = socketMode.getClient();
            try {
                socketMode.stop();
            } catch (Exception e) {
                log.warn("Stopping the Slack app failed: {}", e.toString());
            }
            work.drain(java.time.Duration.ofSeconds(30));
            try {
                if (client != null) {
                    client.close();
                }
            } catch (Exception e) {
                log.debug("Closing the Socket Mode client failed: {}", e.toString());
            }
            socketMode = null;
        } else {
            work.drain(java.time.Duration.ofSeconds(30));
        }
    }
}
