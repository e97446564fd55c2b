package dev.drillbot.adapter.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A local Discord for end-to-end tests: the REST API (API v10, JSON) on a JDK HTTP server and the gateway
 * as a plain-JSON WebSocket (no compression), both on 127.0.0.1. It keeps one guild with one text channel,
 * records every REST call and everything a Discord user would see (channel and thread messages,
 * interaction responses and follow-ups), and lets a test act as users: send messages, edit them, run
 * slash commands, press buttons and submit forms. Like Discord, it echoes every created message as a
 * MESSAGE_CREATE on the gateway (the bot sees its own messages), gives a thread opened on a message the
 * message's id and announces it with THREAD_CREATE, and replays missed dispatches after a RESUME.
 *
 * <p>Payload shapes follow Discord's documentation (gateway events, interactions, channel, message and
 * guild resources), with the fields JDA 6 requires on top of the documented examples.
 */
public final class DiscordStandIn implements AutoCloseable {
    public static final String GUILD = "1100000000000000001";
    public static final String CHANNEL = "1100000000000000002";
    public static final String OTHER_CHANNEL = "1100000000000000003";
    public static final String BOT = "1100000000000000010";
    public static final String APPLICATION = BOT;
    public static final String OWNER = "1100000000000000020";
    public static final String TOKEN = "stand-in-token";
    /** View channel, send messages, embed links, read history, create public threads, send in threads. */
    /** The permissions docs/discord.md asks for: 10 view, 11 send, 14 embed, 16 history, 35 and 36 public and private threads, 38 send in threads. */
    static final long BOT_PERMISSIONS = (1L << 10) | (1L << 11) | (1L << 14) | (1L << 16) | (1L << 35) | (1L << 36) | (1L << 38);
    private static final long DISCORD_EPOCH = 1420070400000L;
    /** Short, so that heartbeats happen during a test (Discord's is about 41 s). */
    static final int HEARTBEAT_MILLIS = 1000;

    /** One REST call as the stand-in received it. */
    public record Call(String method, String path, JsonNode body) {}

    /** Something shown to users: a message in a channel or thread, or an interaction's response. */
    public record Shown(String where, String interaction, boolean ephemeral, JsonNode message) {
        public String text() {
            StringBuilder sb = new StringBuilder(message.path("content").asText(""));
            for (JsonNode e : message.path("embeds")) {
                sb.append('\n').append(e.path("title").asText("")).append('\n').append(e.path("description").asText(""));
                for (JsonNode f : e.path("fields")) {
                    sb.append('\n').append(f.path("name").asText("")).append('\n').append(f.path("value").asText(""));
                }
                sb.append('\n').append(e.path("footer").path("text").asText(""));
            }
            return sb.toString();
        }

        public String id() {
            return message.path("id").asText();
        }
    }

    final ObjectMapper json = new ObjectMapper();
    private final Supplier<Instant> clock;
    private final HttpServer http;
    private final Gateway gateway;
    private final AtomicLong ids = new AtomicLong();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<Shown> shown = new CopyOnWriteArrayList<>();
    private final Map<String, ObjectNode> messages = new ConcurrentHashMap<>();
    /** Get Channel Messages requests served (history reads after a restart). */
    final java.util.concurrent.atomic.AtomicInteger historyReads = new java.util.concurrent.atomic.AtomicInteger();
    private final Map<String, ObjectNode> threads = new ConcurrentHashMap<>();
    /** Who was added to each thread (the creator first). */
    private final Map<String, List<String>> threadMembers = new ConcurrentHashMap<>();

    /** The members of a thread the bot opened without a message (a private thread). */
    public List<String> threadMembers(String threadId) {
        return threadMembers.getOrDefault(threadId, List.of());
    }
    /** attachment id → file content */
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    /** interaction token → interaction id */
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    /** interaction token → the channel the interaction happened in */
    private final Map<String, String> tokenChannels = new ConcurrentHashMap<>();
    private final Object changed = new Object();
    private final java.util.concurrent.atomic.AtomicBoolean rateLimitNext = new java.util.concurrent.atomic.AtomicBoolean();
    private final AtomicInteger rateLimited = new AtomicInteger();

    public DiscordStandIn(Supplier<Instant> clock) throws IOException {
        this.clock = clock;
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", this::handle);
        http.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        http.start();
        gateway = new Gateway(new InetSocketAddress("127.0.0.1", 0));
        gateway.setReuseAddr(true);
        gateway.start();
        await(() -> gateway.getPort() > 0, Duration.ofSeconds(5), "gateway listening");
    }

    public String apiUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/api/v10/";
    }

    public String gatewayUrl() {
        return "ws://127.0.0.1:" + gateway.getPort();
    }

    // --- what happened ---------------------------------------------------------------------------------

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Shown> shown() {
        return List.copyOf(shown);
    }

    /** Messages posted in a channel or thread, oldest first. */
    /** Users whose privacy settings refuse DMs from server members. */
    final java.util.Set<String> closedDms = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** The id of the DM channel with a user (stable per user). */
    String dmChannel(String userId) {
        return "9" + userId.substring(1);
    }

    public List<Shown> in(String channelOrThread) {
        return shown.stream().filter(s -> s.where().equals(channelOrThread)).toList();
    }

    /** What the user who triggered an interaction saw in response to it. */
    public List<Shown> responses(String interactionId) {
        return shown.stream().filter(s -> interactionId.equals(s.interaction())).toList();
    }

    public Optional<JsonNode> thread(String id) {
        return Optional.ofNullable(threads.get(id));
    }

    public int identifies() {
        return gateway.identifies.get();
    }

    /** The intents of the last IDENTIFY. */
    long intents() {
        return gateway.intents;
    }

    int heartbeats() {
        return gateway.heartbeats.get();
    }

    int rateLimited() {
        return rateLimited.get();
    }

    int resumes() {
        return gateway.resumes.get();
    }

    /** Waits for a condition on what the stand-in has seen; fails the test with {@code what} on timeout. */
    public void await(BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (changed) {
            while (!condition.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("timed out waiting for " + what + "; REST calls: "
                            + calls.stream().map(c -> c.method() + " " + c.path()).toList());
                }
                try {
                    changed.wait(Math.max(1, left / 1_000_000), 0);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }

    private void touch() {
        synchronized (changed) {
            changed.notifyAll();
        }
    }

    // --- acting as users --------------------------------------------------------------------------------

    ObjectNode user(String id, String name, boolean bot) {
        ObjectNode u = json.createObjectNode();
        u.put("id", id).put("username", name).put("discriminator", "0").put("global_name", name)
                .putNull("avatar").put("bot", bot).put("system", false).put("public_flags", 0).put("flags", 0);
        return u;
    }

    ObjectNode member(ObjectNode user, long permissions) {
        ObjectNode m = json.createObjectNode();
        if (user != null) {
            m.set("user", user);
        }
        m.putNull("nick").putNull("avatar").putArray("roles");
        m.put("joined_at", "2026-01-01T00:00:00.000000+00:00").putNull("premium_since").put("deaf", false)
                .put("mute", false).put("flags", 0).put("pending", false).putNull("communication_disabled_until");
        if (permissions >= 0) {
            m.put("permissions", Long.toString(permissions));
        }
        return m;
    }

    /** A user writes in a channel or thread; returns the message id. */
    public String say(String userId, String name, String channelOrThread, String content) {
        return say(user(userId, name, false), channelOrThread, content);
    }

    String say(ObjectNode author, String channelOrThread, String content) {
        return say(author, channelOrThread, content, null);
    }

    /**
     * A user writes with a text file attached, as Discord does with a paste longer than a message may be
     * ({@code message.txt}); the file is served at the attachment's URL.
     */
    String sayWithFile(String userId, String name, String channelOrThread, String content, String file) {
        return say(user(userId, name, false), channelOrThread, content, file);
    }

    private String say(ObjectNode author, String channelOrThread, String content, String file) {
        String id = snowflake();
        ObjectNode m = message(id, channelOrThread, author, content);
        if (file != null) {
            String attachment = snowflake();
            byte[] bytes = file.getBytes(StandardCharsets.UTF_8);
            files.put(attachment, bytes);
            String url = "http://127.0.0.1:" + http.getAddress().getPort() + "/attachments/" + channelOrThread + "/"
                    + attachment + "/message.txt";
            ((ArrayNode) m.get("attachments")).addObject().put("id", attachment).put("filename", "message.txt")
                    .put("content_type", "text/plain; charset=utf-8").put("size", bytes.length).put("url", url)
                    .put("proxy_url", url).put("title", "message");
        }
        m.set("member", member(null, -1));
        messages.put(id, m);
        gateway.dispatch("MESSAGE_CREATE", m);
        return id;
    }

    /** The data of the last dispatch of a type sent in this session. */
    JsonNode lastDispatch(String type) {
        synchronized (gateway) {
            for (int i = gateway.sent.size() - 1; i >= 0; i--) {
                if (gateway.sent.get(i).path("t").asText().equals(type)) {
                    return gateway.sent.get(i).path("d");
                }
            }
        }
        throw new AssertionError("no " + type + " was dispatched");
    }

    /** Replays an earlier dispatch, as Discord may after a resume. */
    void redeliver(String type, JsonNode data) {
        gateway.dispatch(type, data);
    }

    JsonNode message(String id) {
        return messages.get(id);
    }

    void edit(String messageId, String content) {
        ObjectNode m = messages.get(messageId).deepCopy();
        m.put("content", content).put("edited_timestamp", clock.get().toString());
        messages.put(messageId, m);
        gateway.dispatch("MESSAGE_UPDATE", m);
    }

    void delete(String messageId) {
        JsonNode m = messages.get(messageId);
        ObjectNode d = json.createObjectNode();
        d.put("id", messageId).put("channel_id", m.path("channel_id").asText()).put("guild_id", GUILD);
        gateway.dispatch("MESSAGE_DELETE", d);
    }

    /** A user runs a slash command in a channel or thread; returns the interaction id. */
    String slash(String userId, String name, String channelOrThread, String command, Map<String, String> options) {
        ObjectNode data = json.createObjectNode();
        data.put("id", snowflake()).put("name", command).put("type", 1).put("guild_id", GUILD);
        ArrayNode opts = data.putArray("options");
        options.forEach((k, v) -> opts.addObject().put("name", k).put("type", 3).put("value", v));
        return interact(2, userId, name, channelOrThread, data, null);
    }

    /** A user types into an autocomplete option of a slash command; returns the interaction id. */
    String autocomplete(String userId, String name, String command, String option, String typed) {
        ObjectNode data = json.createObjectNode();
        data.put("id", snowflake()).put("name", command).put("type", 1).put("guild_id", GUILD);
        data.putArray("options").addObject().put("name", option).put("type", 3).put("value", typed).put("focused", true);
        return interact(4, userId, name, CHANNEL, data, null);
    }

    /** A user presses a button on a message; returns the interaction id. */
    String press(String userId, String name, String messageId, String customId) {
        ObjectNode data = json.createObjectNode();
        data.put("custom_id", customId).put("component_type", 2);
        JsonNode m = messages.get(messageId);
        return interact(3, userId, name, m.path("channel_id").asText(), data, m);
    }

    /** A user submits a form (modal) with one text input; returns the interaction id. */
    String submit(String userId, String name, String channel, String modalId, String inputId, String value) {
        ObjectNode data = json.createObjectNode();
        data.put("custom_id", modalId);
        ObjectNode label = data.putArray("components").addObject();
        label.put("type", 18).put("id", 1);
        label.putObject("component").put("type", 4).put("id", 2).put("custom_id", inputId).put("value", value);
        return interact(5, userId, name, channel, data, null);
    }

    private String interact(int type, String userId, String name, String channelOrThread, ObjectNode data,
            JsonNode message) {
        String id = snowflake();
        String token = "itoken-" + id;
        tokens.put(token, id);
        tokenChannels.put(token, channelOrThread);
        ObjectNode i = json.createObjectNode();
        i.put("id", id).put("application_id", APPLICATION).put("type", type).put("token", token).put("version", 1);
        i.set("data", data);
        i.put("guild_id", GUILD);
        ObjectNode guild = i.putObject("guild");
        guild.put("id", GUILD).put("locale", "en-US").putArray("features");
        i.put("channel_id", channelOrThread);
        i.set("channel", channelJson(channelOrThread));
        i.set("member", member(user(userId, name, false), BOT_PERMISSIONS));
        i.put("app_permissions", Long.toString(BOT_PERMISSIONS));
        i.put("locale", "en-US").put("guild_locale", "en-US");
        i.putArray("entitlements");
        i.putObject("authorizing_integration_owners").put("0", GUILD);
        i.put("context", 0);
        i.put("attachment_size_limit", 10_485_760);
        if (message != null) {
            i.set("message", message);
        }
        gateway.dispatch("INTERACTION_CREATE", i);
        return id;
    }

    /** Closes the gateway connection as a network failure would (resumable close code). */
    void dropConnection() {
        gateway.drop(4000, "Unknown error");
    }

    /** Closes the gateway connection so that the session cannot be resumed (the client identifies anew). */
    void expireSession() {
        gateway.resumable = false;
        gateway.drop(4009, "Session timed out");
    }

    /** Stops acknowledging heartbeats, as a connection that silently died (a "zombie") would; until the next resume. */
    void stopAckingHeartbeats() {
        gateway.ackHeartbeats = false;
    }

    /** Answers the next message post with 429 Too Many Requests, as Discord's rate limiter does. */
    void rateLimitNextPost() {
        rateLimitNext.set(true);
    }

    /** Holds back the next dispatches until the client resumes (they are then replayed with RESUMED). */
    void holdDispatches(boolean hold) {
        gateway.hold = hold;
    }

    // --- payloads ---------------------------------------------------------------------------------------

    String snowflake() {
        long ms = clock.get().toEpochMilli() - DISCORD_EPOCH;
        return Long.toString((ms << 22) | (ids.incrementAndGet() & 0x3FFFFF));
    }

    private ObjectNode message(String id, String channelId, ObjectNode author, String content) {
        ObjectNode m = json.createObjectNode();
        m.put("id", id).put("channel_id", channelId).put("guild_id", GUILD);
        m.set("author", author);
        m.put("content", content).put("timestamp", clock.get().toString()).putNull("edited_timestamp")
                .put("tts", false).put("mention_everyone", false);
        m.putArray("mentions");
        m.putArray("mention_roles");
        m.putArray("attachments");
        m.putArray("embeds");
        m.put("pinned", false).put("type", 0).put("flags", 0);
        m.putArray("components");
        return m;
    }

    private ObjectNode channelJson(String id) {
        ObjectNode t = threads.get(id);
        if (t != null) {
            return t.deepCopy();
        }
        ObjectNode c = json.createObjectNode();
        c.put("id", id).put("type", 0).put("guild_id", GUILD).put("name", id.equals(CHANNEL) ? "drills" : "general")
                .put("position", id.equals(CHANNEL) ? 0 : 1).putNull("parent_id").put("nsfw", false).putNull("topic")
                .put("rate_limit_per_user", 0).putNull("last_message_id").put("flags", 0);
        c.putArray("permission_overwrites");
        return c;
    }

    /** The shard, of {@code total}, that Discord would give this stand-in's one server. */
    static int guildShard(int total) {
        return (int) ((Long.parseLong(GUILD) >> 22) % total);
    }

    /** Every shard that identified, as {@code id/total}, in order. */
    final List<String> shardsIdentified = new java.util.concurrent.CopyOnWriteArrayList<>();

    private ObjectNode ready(int shardId, int shardTotal) {
        ObjectNode d = json.createObjectNode();
        d.put("v", 10);
        d.set("user", user(BOT, "drillbot", true));
        d.putArray("guilds").addObject().put("id", GUILD).put("unavailable", true);
        d.put("session_id", gateway.sessionId).put("resume_gateway_url", gatewayUrl());
        d.putArray("shard").add(shardId).add(shardTotal);
        d.putObject("application").put("id", APPLICATION).put("flags", 0);
        d.putArray("private_channels");
        return d;
    }

    private ObjectNode guildCreate() {
        ObjectNode g = json.createObjectNode();
        g.put("id", GUILD).put("name", "Interview Prep").putNull("icon").putNull("description").putNull("splash")
                .putNull("discovery_splash").putNull("banner").put("owner_id", OWNER).putNull("application_id")
                .putNull("afk_channel_id").put("afk_timeout", 300).putNull("system_channel_id")
                .put("widget_enabled", false).put("verification_level", 1).put("default_message_notifications", 1)
                .put("mfa_level", 0).put("explicit_content_filter", 0).put("max_members", 250000)
                .putNull("vanity_url_code").put("premium_tier", 0).put("premium_subscription_count", 0)
                .put("system_channel_flags", 0).put("preferred_locale", "en-US").putNull("rules_channel_id")
                .putNull("public_updates_channel_id").putNull("safety_alerts_channel_id").put("nsfw_level", 0)
                .put("joined_at", "2026-01-01T00:00:00.000000+00:00").put("large", false).put("unavailable", false)
                .put("member_count", 3);
        g.putArray("features");
        ObjectNode everyone = g.putArray("roles").addObject();
        everyone.put("id", GUILD).put("name", "@everyone").put("color", 0).put("hoist", false).putNull("icon")
                .putNull("unicode_emoji").put("position", 0).put("permissions", Long.toString(BOT_PERMISSIONS))
                .put("managed", false).put("mentionable", false).put("flags", 0);
        g.putArray("emojis");
        g.putArray("stickers");
        ArrayNode channels = g.putArray("channels");
        channels.add(channelJson(CHANNEL));
        channels.add(channelJson(OTHER_CHANNEL));
        // Active threads, as Discord lists them: without them JDA would park messages in known threads.
        ArrayNode active = g.putArray("threads");
        threads.values().forEach(t -> active.add(t.deepCopy()));
        g.putArray("members").add(member(user(BOT, "drillbot", true), -1));
        g.putArray("voice_states");
        g.putArray("presences");
        g.putArray("stage_instances");
        g.putArray("guild_scheduled_events");
        g.putArray("soundboard_sounds");
        return g;
    }

    // --- REST -------------------------------------------------------------------------------------------

    private static final Pattern CHANNEL_MESSAGES = Pattern.compile("/api/v10/channels/(\\d+)/messages");
    private static final Pattern CHANNEL_MESSAGE = Pattern.compile("/api/v10/channels/(\\d+)/messages/(\\d+)");
    private static final Pattern START_THREAD = Pattern.compile("/api/v10/channels/(\\d+)/messages/(\\d+)/threads");
    private static final Pattern START_THREAD_WITHOUT_MESSAGE = Pattern.compile("/api/v10/channels/(\\d+)/threads");
    private static final Pattern THREAD_MEMBER = Pattern.compile("/api/v10/channels/(\\d+)/thread-members/(\\d+)");
    private static final Pattern CALLBACK = Pattern.compile("/api/v10/interactions/(\\d+)/([^/]+)/callback");
    private static final Pattern WEBHOOK = Pattern.compile("/api/v10/webhooks/(\\d+)/([^/]+)(/messages/(@original|\\d+))?");
    private static final Pattern COMMANDS = Pattern.compile("/api/v10/applications/(\\d+)(/guilds/\\d+)?/commands");

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            String path = ex.getRequestURI().getPath();
            byte[] raw = ex.getRequestBody().readAllBytes();
            JsonNode body = parseBody(ex, raw);
            calls.add(new Call(method, path, body));
            uploadedFiles(ex, raw).forEach(f -> uploads.add(new Upload(path, f.getKey(), f.getValue())));
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            if (path.startsWith("/attachments/")) {
                byte[] file = files.get(path.split("/")[3]);
                if (file == null) {
                    send(ex, 404, "{}");
                } else {
                    ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
                    ex.sendResponseHeaders(200, file.length);
                    try (OutputStream out = ex.getResponseBody()) {
                        out.write(file);
                    }
                }
                return;
            }
            boolean webhook = path.startsWith("/api/v10/webhooks/") || path.startsWith("/api/v10/interactions/");
            if (!webhook && !("Bot " + TOKEN).equals(auth)) {
                send(ex, 401, "{\"message\": \"401: Unauthorized\", \"code\": 0}");
                return;
            }
            route(ex, method, path, body);
        } catch (RuntimeException e) {
            e.printStackTrace();
            send(ex, 500, "{\"message\":\"stand-in error\",\"code\":0}");
        } finally {
            touch();
        }
    }

    /** A file attached to a created message (a {@code files[n]} part of the multipart body). */
    public record Upload(String path, String filename, byte[] content) {}

    private final List<Upload> uploads = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Every file the bot attached to a message, in order. */
    public List<Upload> uploads() {
        return List.copyOf(uploads);
    }

    /** The {@code files[n]} parts of a multipart body: file name and bytes (text files only here). */
    private static List<Map.Entry<String, byte[]>> uploadedFiles(HttpExchange ex, byte[] raw) {
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        List<Map.Entry<String, byte[]>> out = new ArrayList<>();
        if (type == null || !type.startsWith("multipart/form-data")) {
            return out;
        }
        String text = new String(raw, StandardCharsets.ISO_8859_1); // byte for byte
        Matcher part = Pattern.compile("name=\"files\\[\\d+\\]\"; filename=\"([^\"]*)\"").matcher(text);
        while (part.find()) {
            int bodyStart = text.indexOf("\r\n\r\n", part.end()) + 4;
            int end = text.indexOf("\r\n--", bodyStart);
            out.add(Map.entry(part.group(1), text.substring(bodyStart, end).getBytes(StandardCharsets.ISO_8859_1)));
        }
        return out;
    }

    private JsonNode parseBody(HttpExchange ex, byte[] raw) throws IOException {
        if (raw.length == 0) {
            return json.nullNode();
        }
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        String text = new String(raw, StandardCharsets.UTF_8);
        if (type != null && type.startsWith("multipart/form-data")) {
            // JDA sends messages with files (and sometimes without) as multipart with a payload_json part.
            int start = text.indexOf("name=\"payload_json\"");
            if (start >= 0) {
                int bodyStart = text.indexOf("\r\n\r\n", start) + 4;
                int end = text.indexOf("\r\n--", bodyStart);
                return json.readTree(text.substring(bodyStart, end));
            }
            return json.nullNode();
        }
        return json.readTree(text);
    }

    /** A thread channel as Discord returns it when one is started (type 11 public, 12 private). */
    private ObjectNode thread(String id, int type, String parent, JsonNode body) {
        ObjectNode t = json.createObjectNode();
        t.put("id", id).put("type", type).put("guild_id", GUILD).put("parent_id", parent)
                .put("owner_id", BOT).put("name", body.path("name").asText()).putNull("last_message_id")
                .put("message_count", 0).put("member_count", 1).put("rate_limit_per_user", 0).put("flags", 0)
                .put("total_message_sent", 0);
        t.putObject("thread_metadata").put("archived", false)
                .put("auto_archive_duration", body.path("auto_archive_duration").asInt(1440))
                .put("archive_timestamp", clock.get().toString()).put("locked", false)
                .put("create_timestamp", clock.get().toString());
        t.putArray("applied_tags");
        return t;
    }

    private void route(HttpExchange ex, String method, String path, JsonNode body) throws IOException {
        Matcher m;
        if (method.equals("GET") && path.equals("/api/v10/users/@me")) {
            send(ex, 200, user(BOT, "drillbot", true));
        } else if (method.equals("GET") && (path.equals("/api/v10/gateway/bot") || path.equals("/api/v10/gateway"))) {
            ObjectNode g = json.createObjectNode().put("url", gatewayUrl()).put("shards", 1);
            g.putObject("session_start_limit").put("total", 1000).put("remaining", 1000).put("reset_after", 0)
                    .put("max_concurrency", 1);
            send(ex, 200, g);
        } else if ((m = COMMANDS.matcher(path)).matches() && method.equals("PUT")) {
            ArrayNode out = json.createArrayNode();
            for (JsonNode c : body) {
                ObjectNode cmd = ((ObjectNode) c).deepCopy();
                cmd.put("id", snowflake()).put("application_id", APPLICATION).put("version", snowflake());
                if (!cmd.has("type")) {
                    cmd.put("type", 1);
                }
                if (!cmd.has("options")) {
                    cmd.putArray("options");
                }
                cmd.putNull("default_member_permissions").put("nsfw", false);
                out.add(cmd);
            }
            send(ex, 200, out);
        } else if ((m = START_THREAD.matcher(path)).matches() && method.equals("POST")) {
            String parent = m.group(1);
            String messageId = m.group(2);
            if (threads.containsKey(messageId)) {
                // "a message can only have a single thread created from it" (Start Thread from Message): JSON error 160004
                send(ex, 400, "{\"message\": \"A thread has already been created for this message\", \"code\": 160004}");
                return;
            }
            ObjectNode t = thread(messageId, 11, parent, body);
            threads.put(messageId, t);
            ObjectNode starter = messages.get(messageId);
            if (starter != null) {
                // the message object's `thread`: the thread started from it, with the thread member object of the
                // current user (the bot, which joined the thread it created)
                ObjectNode started = starter.putObject("thread");
                started.setAll(t.deepCopy());
                started.putObject("member").put("id", messageId).put("user_id", BOT)
                        .put("join_timestamp", clock.get().toString()).put("flags", 0);
            }
            send(ex, 201, t);
            ObjectNode event = t.deepCopy();
            event.put("newly_created", true);
            gateway.dispatch("THREAD_CREATE", event);
        } else if ((m = START_THREAD_WITHOUT_MESSAGE.matcher(path)).matches() && method.equals("POST")) {
            // Start Thread without Message: type 12 is a private thread (only members and thread managers see it)
            String id = snowflake();
            ObjectNode t = thread(id, body.path("type").asInt(12), m.group(1), body);
            ((ObjectNode) t.get("thread_metadata")).put("invitable", body.path("invitable").asBoolean(true));
            threads.put(id, t);
            threadMembers.computeIfAbsent(id, k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(BOT);
            send(ex, 201, t);
            ObjectNode event = t.deepCopy();
            event.put("newly_created", true);
            gateway.dispatch("THREAD_CREATE", event);
        } else if ((m = THREAD_MEMBER.matcher(path)).matches() && method.equals("PUT")) {
            // Add Thread Member: 204, and THREAD_MEMBERS_UPDATE to the gateway
            threadMembers.computeIfAbsent(m.group(1), k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(m.group(2));
            ex.sendResponseHeaders(204, -1);
            ObjectNode update = json.createObjectNode();
            update.put("id", m.group(1)).put("guild_id", GUILD).put("member_count", threadMembers.get(m.group(1)).size());
            // in this event each added thread member also carries its guild member and (nullable) presence
            ObjectNode added = update.putArray("added_members").addObject().put("id", m.group(1)).put("user_id", m.group(2))
                    .put("join_timestamp", clock.get().toString()).put("flags", 0);
            added.set("member", member(user(m.group(2), "User" + m.group(2).substring(m.group(2).length() - 2), false), -1));
            added.putNull("presence");
            gateway.dispatch("THREAD_MEMBERS_UPDATE", update);
        } else if ((m = CHANNEL_MESSAGES.matcher(path)).matches() && method.equals("POST")
                && rateLimitNext.compareAndSet(true, false)) {
            rateLimited.incrementAndGet();
            ex.getResponseHeaders().set("Retry-After", "1");
            ex.getResponseHeaders().set("Via", "1.1 google"); // Discord's own limiter, not Cloudflare's
            ex.getResponseHeaders().set("X-RateLimit-Limit", "5");
            ex.getResponseHeaders().set("X-RateLimit-Remaining", "0");
            ex.getResponseHeaders().set("X-RateLimit-Reset-After", "0.2");
            ex.getResponseHeaders().set("X-RateLimit-Bucket", "channel-messages");
            ex.getResponseHeaders().set("X-RateLimit-Scope", "user");
            send(ex, 429, "{\"message\": \"You are being rate limited.\", \"retry_after\": 0.2, \"global\": false}");
        } else if ((m = CHANNEL_MESSAGE.matcher(path)).matches() && method.equals("GET")) {
            // Get Channel Message: one message of a channel or thread, or 404 Unknown Message (code 10008)
            ObjectNode found = messages.get(m.group(2));
            if (found == null || !found.path("channel_id").asText().equals(m.group(1))) {
                send(ex, 404, "{\"message\": \"Unknown Message\", \"code\": 10008}");
            } else {
                send(ex, 200, found.deepCopy());
            }
        } else if ((m = CHANNEL_MESSAGES.matcher(path)).matches() && method.equals("GET")) {
            // Get Channel Messages with after/limit (1-100, default 50): the messages right after the given
            // id, newest first, as Discord returns them
            Map<String, String> query = new java.util.HashMap<>();
            String raw = ex.getRequestURI().getRawQuery();
            for (String pair : raw == null ? new String[0] : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
            historyReads.incrementAndGet();
            String channel = m.group(1);
            long after = Long.parseLong(query.getOrDefault("after", "0"));
            int limit = Math.max(1, Math.min(100, Integer.parseInt(query.getOrDefault("limit", "50"))));
            List<ObjectNode> found = messages.values().stream()
                    .filter(x -> x.path("channel_id").asText().equals(channel) && Long.parseLong(x.path("id").asText()) > after)
                    .sorted(java.util.Comparator.comparingLong(x -> Long.parseLong(x.path("id").asText())))
                    .limit(limit).collect(java.util.stream.Collectors.toCollection(ArrayList::new));
            java.util.Collections.reverse(found);
            ArrayNode out = json.createArrayNode();
            found.forEach(x -> out.add(x.deepCopy()));
            send(ex, 200, out);
        } else if (path.equals("/api/v10/users/@me/channels") && method.equals("POST")) {
            // Create DM: the DM channel (type 1) with the recipient, the same one each time
            String recipient = body.path("recipient_id").asText();
            String dm = dmChannel(recipient);
            ObjectNode ch = json.createObjectNode().put("id", dm).put("type", 1).putNull("last_message_id");
            ch.putArray("recipients").add(user(recipient, "User" + recipient.substring(recipient.length() - 2), false));
            send(ex, 200, ch);
        } else if ((m = CHANNEL_MESSAGES.matcher(path)).matches() && method.equals("POST")
                && closedDms.stream().map(this::dmChannel).anyMatch(path.split("/")[4]::equals)) {
            // the user does not accept DMs from server members: 403 with JSON error code 50007
            send(ex, 403, "{\"message\": \"Cannot send messages to this user\", \"code\": 50007}");
        } else if ((m = CHANNEL_MESSAGES.matcher(path)).matches() && method.equals("POST")) {
            Optional<ObjectNode> earlier = sameNonce(body);
            if (earlier.isPresent()) {
                // enforce_nonce: "If another message was created by the same author with the same nonce, that
                // message will be returned and no new message will be created"
                nonceReplies.incrementAndGet();
                ObjectNode returned = earlier.get().deepCopy();
                if (!dedupedMessagesCarryThread) {
                    returned.remove("thread");
                }
                send(ex, 200, returned);
                return;
            }
            ObjectNode msg = botMessage(m.group(1), body);
            remember(body, msg);
            shown.add(new Shown(m.group(1), null, false, msg));
            send(ex, 200, msg);
            gateway.dispatch("MESSAGE_CREATE", msg);
        } else if ((m = CALLBACK.matcher(path)).matches() && method.equals("POST")) {
            String interaction = m.group(1);
            int type = body.path("type").asInt();
            if (type == 4) {
                shown.add(new Shown("interaction", interaction, ephemeral(body.path("data")), body.path("data")));
            } else if (type == 9 || type == 8 || type == 5 || type == 6) {
                shown.add(new Shown("callback-" + type, interaction, ephemeral(body.path("data")), body.path("data")));
            }
            ex.sendResponseHeaders(204, -1);
        } else if ((m = WEBHOOK.matcher(path)).matches()) {
            String interaction = tokens.getOrDefault(m.group(2), "?");
            if (method.equals("DELETE")) {
                shown.add(new Shown("deleted", interaction, false, json.createObjectNode()));
                ex.sendResponseHeaders(204, -1);
                return;
            }
            ObjectNode msg = botMessage(tokenChannels.getOrDefault(m.group(2), CHANNEL), body);
            if (method.equals("PATCH")) {
                shown.add(new Shown("original", interaction, false, msg));
            } else {
                shown.add(new Shown("followup", interaction, ephemeral(body), msg));
            }
            send(ex, 200, msg);
        } else {
            send(ex, 404, "{\"message\": \"Unknown route " + method + " " + path + "\", \"code\": 0}");
        }
    }

    /** A message created with a nonce: who sent it, when, and its id. */
    private record Nonced(String author, String nonce, Instant at, String messageId) {}

    private final List<Nonced> nonced = new CopyOnWriteArrayList<>();
    private final AtomicInteger nonceReplies = new AtomicInteger();
    /**
     * How long a nonce is checked for uniqueness: Discord says "in the past few minutes" (Create Message,
     * {@code enforce_nonce}) without a number; five minutes here unless a test says otherwise.
     */
    private volatile Duration nonceWindow = Duration.ofMinutes(5);
    /**
     * Discord's documentation does not say whether the message returned for a repeated nonce carries the
     * thread started from it (the message object's {@code thread}); by default it does here, as any message
     * object does. False leaves it out, so that a client must learn of the thread from error 160004.
     */
    private volatile boolean dedupedMessagesCarryThread = true;

    void nonceWindow(Duration window) {
        nonceWindow = window;
    }

    void dedupedMessagesCarryThread(boolean carry) {
        dedupedMessagesCarryThread = carry;
    }

    /** How many message posts were answered with an earlier message of the same nonce (nothing created). */
    int nonceReplies() {
        return nonceReplies.get();
    }

    /** The earlier message of the bot with this body's nonce, when {@code enforce_nonce} is set and it is recent. */
    private Optional<ObjectNode> sameNonce(JsonNode body) {
        if (!body.path("enforce_nonce").asBoolean(false) || !body.hasNonNull("nonce")) {
            return Optional.empty();
        }
        String nonce = body.path("nonce").asText();
        Instant since = clock.get().minus(nonceWindow);
        return nonced.stream().filter(n -> n.author().equals(BOT) && n.nonce().equals(nonce) && !n.at().isBefore(since))
                .map(n -> messages.get(n.messageId())).filter(java.util.Objects::nonNull).findFirst();
    }

    /** A created message keeps its nonce (the message object's {@code nonce}, also in MESSAGE_CREATE). */
    private void remember(JsonNode body, ObjectNode msg) {
        if (body.hasNonNull("nonce")) {
            msg.set("nonce", body.get("nonce"));
            nonced.add(new Nonced(BOT, body.path("nonce").asText(), clock.get(), msg.path("id").asText()));
        }
    }

    private static boolean ephemeral(JsonNode data) {
        return (data.path("flags").asInt() & 64) != 0;
    }

    private ObjectNode botMessage(String channelId, JsonNode body) {
        String id = snowflake();
        ObjectNode msg = message(id, channelId, user(BOT, "drillbot", true), body.path("content").asText(""));
        if (body.has("embeds")) {
            ArrayNode embeds = msg.putArray("embeds");
            // Discord returns every embed a bot sends with type "rich".
            body.get("embeds").forEach(e -> embeds.add(((ObjectNode) e).deepCopy().put("type", "rich")));
        }
        if (body.has("components")) {
            ArrayNode components = msg.putArray("components");
            AtomicInteger n = new AtomicInteger();
            for (JsonNode row : body.get("components")) {
                ObjectNode r = ((ObjectNode) row).deepCopy();
                r.put("id", n.incrementAndGet());
                for (JsonNode c : r.path("components")) {
                    ((ObjectNode) c).put("id", n.incrementAndGet());
                }
                components.add(r);
            }
        }
        msg.put("flags", body.path("flags").asInt(0));
        messages.put(id, msg);
        return msg;
    }

    private void send(HttpExchange ex, int status, Object body) throws IOException {
        byte[] bytes = (body instanceof String s ? s : json.writeValueAsString(body)).getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() throws Exception {
        http.stop(0);
        ((java.util.concurrent.ExecutorService) http.getExecutor()).shutdownNow();
        gateway.stop(1000);
    }

    // --- gateway ----------------------------------------------------------------------------------------

    /** The gateway: HELLO, IDENTIFY → READY + GUILD_CREATE, heartbeat ACKs, RESUME → replay + RESUMED. */
    private final class Gateway extends WebSocketServer {
        final AtomicInteger identifies = new AtomicInteger();
        final AtomicInteger heartbeats = new AtomicInteger();
        volatile long intents;
        volatile boolean ackHeartbeats = true;
        final AtomicInteger resumes = new AtomicInteger();
        volatile String sessionId = "session-" + System.nanoTime();
        /** False after {@link #expireSession()}: a RESUME is then refused with INVALID_SESSION. */
        volatile boolean resumable = true;
        private final AtomicInteger seq = new AtomicInteger();
        /** Every dispatch sent in this session, by sequence number, for replay on resume. */
        private final List<ObjectNode> sent = new ArrayList<>();
        private final List<ObjectNode> heldBack = new ArrayList<>();
        private volatile WebSocket current;
        /** The shard of the connection that holds the server: [id, total]. */
        volatile int[] currentShard = {0, 1};
        volatile boolean hold;

        Gateway(InetSocketAddress address) {
            super(address);
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            ObjectNode hello = json.createObjectNode().put("op", 10).putNull("s").putNull("t");
            hello.putObject("d").put("heartbeat_interval", HEARTBEAT_MILLIS);
            conn.send(hello.toString());
        }

        @Override
        public void onMessage(WebSocket conn, String text) {
            try {
                JsonNode payload = json.readTree(text);
                switch (payload.path("op").asInt()) {
                    case 1 -> {
                        heartbeats.incrementAndGet();
                        if (!ackHeartbeats) {
                            return;
                        }
                        conn.send("{\"op\":11,\"d\":null,\"s\":null,\"t\":null}");
                    }
                    case 2 -> {
                        if (!TOKEN.equals(payload.path("d").path("token").asText())) {
                            conn.close(4004, "Authentication failed.");
                            return;
                        }
                        identifies.incrementAndGet();
                        intents = payload.path("d").path("intents").asLong();
                        // a sharded client: Discord gives a server to shard (server id >> 22) % total; the one
                        // server here lives on one shard, and the other shards get a READY without servers
                        JsonNode shard = payload.path("d").path("shard");
                        int shardId = shard.isArray() ? shard.get(0).asInt() : 0;
                        int shardTotal = shard.isArray() ? shard.get(1).asInt() : 1;
                        shardsIdentified.add(shardId + "/" + shardTotal);
                        if (guildShard(shardTotal) != shardId) {
                            ObjectNode empty = ready(shardId, shardTotal);
                            empty.putArray("guilds");
                            empty.put("session_id", "side-session-" + shardId + "-" + System.nanoTime());
                            ObjectNode p = json.createObjectNode().put("op", 0).put("t", "READY").put("s", 1);
                            p.set("d", empty);
                            conn.send(p.toString());
                            return;
                        }
                        current = conn;
                        currentShard = new int[] {shardId, shardTotal};
                        if (!resumable) {
                            synchronized (this) {
                                sessionId = "session-" + System.nanoTime();
                                sent.clear();
                                seq.set(0);
                                resumable = true;
                            }
                        }
                        dispatch("READY", ready(shardId, shardTotal));
                        dispatch("GUILD_CREATE", guildCreate());
                    }
                    case 6 -> {
                        if (!resumable || !sessionId.equals(payload.path("d").path("session_id").asText())) {
                            conn.send("{\"op\":9,\"d\":false,\"s\":null,\"t\":null}"); // INVALID_SESSION
                            return;
                        }
                        resumes.incrementAndGet();
                        ackHeartbeats = true;
                        current = conn;
                        int since = payload.path("d").path("seq").asInt();
                        List<ObjectNode> replay;
                        synchronized (this) {
                            replay = new ArrayList<>(sent.stream().filter(p -> p.path("s").asInt() > since).toList());
                            hold = false;
                            for (ObjectNode held : heldBack) {
                                replay.add(stamp(held));
                            }
                            heldBack.clear();
                        }
                        replay.forEach(p -> conn.send(p.toString()));
                        dispatch("RESUMED", json.createObjectNode());
                    }
                    default -> { }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } finally {
                touch();
            }
        }

        synchronized void dispatch(String type, JsonNode data) {
            ObjectNode p = json.createObjectNode().put("op", 0).put("t", type);
            p.set("d", data);
            if (hold && !type.equals("READY") && !type.equals("RESUMED")) {
                heldBack.add(p);
                return;
            }
            ObjectNode stamped = stamp(p);
            WebSocket conn = current;
            if (conn != null && conn.isOpen()) {
                try {
                    conn.send(stamped.toString());
                } catch (org.java_websocket.exceptions.WebsocketNotConnectedException closedMeanwhile) {
                    // the client died between the check and the send (a killed bot): like Discord, the
                    // dispatch is lost to that connection and kept in `sent` for a RESUME
                }
            }
        }

        private synchronized ObjectNode stamp(ObjectNode p) {
            ObjectNode copy = p.deepCopy();
            copy.put("s", seq.incrementAndGet());
            sent.add(copy);
            return copy;
        }

        void drop(int code, String reason) {
            WebSocket conn = current;
            if (conn != null) {
                conn.close(code, reason);
            }
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
            touch();
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
            ex.printStackTrace();
        }

        @Override
        public void onStart() {
            touch();
        }
    }
}
