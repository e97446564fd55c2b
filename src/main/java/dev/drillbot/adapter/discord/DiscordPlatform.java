package dev.drillbot.adapter.discord;

import dev.drillbot.config.Environment;
import dev.drillbot.core.Drillbot;
import dev.drillbot.core.chat.ChatGateway;
import dev.drillbot.core.chat.EventWork;
import dev.drillbot.core.chat.ChatPlatform;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * drillbot on Discord through JDA. Connects with the intents it needs (guilds for the channel and thread
 * cache, guild messages and message content for answers written in drill threads), registers the core's
 * commands as global slash commands, and routes events through {@link DiscordEvents}.
 *
 * <p>{@code DISCORD_API_URL} (e.g. {@code http://127.0.0.1:8080/api/v10/}) and {@code DISCORD_GATEWAY_URL}
 * (e.g. {@code ws://127.0.0.1:8081}) point it at a local stand-in; {@code DISCORD_MESSAGE_CONTENT=off}
 * runs without the privileged Message Content intent (answers then come only through the Answer button).
 * The token is handed to JDA only and never logged.
 */
public final class DiscordPlatform implements ChatPlatform {
    private static final Logger log = LoggerFactory.getLogger(DiscordPlatform.class);

    /** Connection settings; {@link #toString()} hides the token. */
    public record Settings(String token, Optional<String> apiUrl, Optional<String> gatewayUrl, boolean messageContent,
            ShardRange shards) {
        public Settings(String token, Optional<String> apiUrl, Optional<String> gatewayUrl, boolean messageContent) {
            this(token, apiUrl, gatewayUrl, messageContent, ShardRange.ONLY);
        }

        @Override
        public String toString() {
            return "Discord[api=" + apiUrl.orElse("default") + ", gateway=" + gatewayUrl.orElse("default")
                    + ", messageContent=" + messageContent + ", shards=" + shards + "]";
        }
    }

    /**
     * The shards this instance runs ({@code DISCORD_SHARDS}): {@code 0-1/4} is shards 0 and 1 of 4, {@code 2/4}
     * shard 2 of 4; unset, the only shard of one. Discord sends a server's events to shard
     * {@code (server id >> 22) % total}, so instances with disjoint ranges share the servers between them.
     */
    public record ShardRange(int first, int last, int total) {
        public static final ShardRange ONLY = new ShardRange(0, 0, 1);
        private static final java.util.regex.Pattern FORM = java.util.regex.Pattern.compile("(\\d{1,4})(?:-(\\d{1,4}))?/(\\d{1,4})");

        public ShardRange {
            if (total < 1 || first < 0 || last < first || last >= total) {
                throw new IllegalArgumentException("DISCORD_SHARDS=" + first + "-" + last + "/" + total
                        + " is not a range of shards: need 0 <= first <= last < total");
            }
        }

        /** Parses {@code 0-1/4} or {@code 2/4}; anything else is refused with the expected form. */
        public static ShardRange parse(String text) {
            java.util.regex.Matcher m = FORM.matcher(text.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException("DISCORD_SHARDS='" + text + "' is not understood: write FIRST-LAST/TOTAL"
                        + " (e.g. 0-1/4 for shards 0 and 1 of 4) or SHARD/TOTAL (e.g. 2/4)");
            }
            int first = Integer.parseInt(m.group(1));
            int last = m.group(2) == null ? first : Integer.parseInt(m.group(2));
            return new ShardRange(first, last, Integer.parseInt(m.group(3)));
        }

        /** Slash commands are global: registered once, by the instance that runs shard 0. */
        public boolean registersCommands() {
            return first == 0;
        }

        int[] ids() {
            return java.util.stream.IntStream.rangeClosed(first, last).toArray();
        }

        @Override
        public String toString() {
            return (first == last ? String.valueOf(first) : first + "-" + last) + "/" + total;
        }
    }

    private final Settings settings;
    private volatile ShardManager shards;
    private final DiscordChatGateway gateway = new DiscordChatGateway(() -> shards);
    private EventWork workers;

    public DiscordPlatform(Settings settings) {
        this.settings = settings;
    }

    /** Present when {@code DISCORD_BOT_TOKEN} is set. */
    public static Optional<ChatPlatform> fromEnvironment(Environment env) {
        return env.discordBotToken().map(token -> new DiscordPlatform(new Settings(token,
                env.get("DISCORD_API_URL").map(DiscordPlatform::withSlash), env.get("DISCORD_GATEWAY_URL"),
                !env.get("DISCORD_MESSAGE_CONTENT").map(v -> v.toLowerCase(Locale.ROOT))
                        .filter(v -> v.equals("off") || v.equals("false") || v.equals("0")).isPresent(),
                env.get("DISCORD_SHARDS").map(ShardRange::parse).orElse(ShardRange.ONLY))));
    }

    @Override
    public ChatGateway gateway() {
        return gateway;
    }

    @Override
    public void start(Drillbot bot) throws Exception {
        EnumSet<GatewayIntent> intents = EnumSet.of(GatewayIntent.GUILD_MESSAGES);
        if (settings.messageContent()) {
            intents.add(GatewayIntent.MESSAGE_CONTENT);
        }
        workers = new EventWork("discord", 8, 2);
        DiscordEvents events = new DiscordEvents(bot, gateway, workers, settings.messageContent());
        // createLight: no member, presence, emoji or voice caches (and so no further intents); channels and
        // threads are still cached, which is what sending and the thread checks need. GUILDS comes with it.
        // one JDA session per shard of this instance's range (one of one by default)
        DefaultShardManagerBuilder builder = DefaultShardManagerBuilder.createLight(settings.token(), intents)
                .addEventListeners(events)
                .setShardsTotal(settings.shards().total())
                .setShards(settings.shards().ids())
                .setAutoReconnect(true)
                // drillbot stops JDA itself once the work in hand is finished; JDA's own hook would cancel the
                // replies still being sent on SIGTERM
                .setEnableShutdownHook(false);
        settings.apiUrl().ifPresent(url -> builder.setRestConfig(new RestConfig().setBaseUrl(url)));
        settings.gatewayUrl().ifPresent(url -> builder.setSessionController(new FixedGateway(url))
                .setCompression(Compression.NONE));
        log.info("Connecting to Discord ({})", settings);
        shards = builder.build();
        for (JDA shard : shards.getShards()) {
            awaitReady(shards, shard, READY_TIMEOUT);
        }
        events.resume(); // answers received before the last stop and not handled then
        for (JDA shard : shards.getShards()) {
            events.catchUp(shard); // and those posted while the bot was not connected
        }
        if (settings.shards().registersCommands()) {
            shards.getShardById(0).updateCommands().addCommands(DiscordCommands.definitions(bot.commands())).complete();
            log.info("Discord: registered {} slash commands", bot.commands().all().size());
        } else {
            log.info("Discord: shards {}; the instance running shard 0 registers the slash commands", settings.shards());
        }
    }

    /** This instance's connection to Discord, null before {@link #start} (for tests). */
    ShardManager shardManager() {
        return shards;
    }

    /** Waits until every event received so far has been handled (for tests). */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        return workers == null || workers.awaitIdle(timeout);
    }

    @Override
    public void close() {
        ShardManager manager = shards;
        if (workers != null) {
            workers.drain(Duration.ofSeconds(30));
        }
        if (manager != null) {
            List<JDA> all = manager.getShards();
            manager.shutdown();
            try {
                for (JDA api : all) {
                    if (!api.awaitShutdown(10, TimeUnit.SECONDS)) {
                        api.shutdownNow();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                all.forEach(JDA::shutdownNow);
            }
        }
    }

    Settings settings() {
        return settings;
    }

    /** The JDA client of this instance's first shard, for tests and diagnostics. */
    JDA jda() {
        ShardManager manager = shards;
        return manager == null ? null : manager.getShards().get(0);
    }

    /** How long start-up waits for the gateway session and the servers to load. */
    static final Duration READY_TIMEOUT = Duration.ofMinutes(2);

    private static void awaitReady(ShardManager manager, JDA api, Duration timeout) throws Exception {
        java.util.concurrent.CompletableFuture<Void> ready = java.util.concurrent.CompletableFuture.runAsync(() -> {
            try {
                api.awaitReady();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        try {
            ready.get(timeout.toSeconds(), TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            manager.shutdown();
            throw new IllegalStateException("Discord gateway not ready after " + timeout.toSeconds()
                    + " s (status " + api.getStatus() + "); check DISCORD_GATEWAY_URL and the network");
        } catch (java.util.concurrent.ExecutionException e) {
            manager.shutdown();
            throw new IllegalStateException("Discord connection failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private static String withSlash(String url) {
        return url.endsWith("/") ? url : url + "/";
    }

    /** Connects to a given gateway address instead of asking Discord's REST API for one. */
    private static final class FixedGateway extends ConcurrentSessionController {
        private final String url;

        FixedGateway(String url) {
            this.url = url;
        }

        @Override
        public String getGateway() {
            return url;
        }
    }
}
