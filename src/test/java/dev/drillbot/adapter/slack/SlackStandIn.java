package dev.drillbot.adapter.slack;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A local Slack on 127.0.0.1 for end-to-end tests, speaking Slack's two protocols: the Web API over
 * HTTP (form-encoded requests, JSON answers, HTTP 429 with {@code Retry-After} when told to) and
 * Socket Mode over a WebSocket ({@code hello} on connect, envelopes out, acks in, {@code disconnect}).
 * Every Web API call and every POST to a {@code response_url} is recorded, which is what a Slack user
 * would see. Response shapes follow Slack's API reference and the SDK's json-logs samples.
 */
final class SlackStandIn implements AutoCloseable {
    static final String TEAM = "T0DRILL";
    static final String BOT_USER = "UBOT0001";
    static final String BOT_ID = "BBOT0001";

    /** One recorded request: a Web API method (or {@code response_url}) and its parameters. */
    record Call(String method, Map<String, String> params, String authorization, int status, long nanos) {
        Call(String method, Map<String, String> params, String authorization, int status) {
            this(method, params, authorization, status, System.nanoTime());
        }

        String param(String name) {
            return params.get(name);
        }

        /** The ts the stand-in gave a posted message. */
        String ts() {
            return params.get("__ts");
        }

        JsonElement json(String name) {
            String v = params.get(name);
            return v == null ? null : JsonParser.parseString(v);
        }
    }

    private final HttpServer http;
    private final ExecutorService httpPool = Executors.newCachedThreadPool();
    private final Socket socket;
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, Integer> rateLimits = new ConcurrentHashMap<>();
    private final Map<String, String> acks = new ConcurrentHashMap<>();
    private final AtomicInteger messageSeq = new AtomicInteger();
    private final AtomicInteger connectionSeq = new AtomicInteger();
    private final AtomicInteger responseUrls = new AtomicInteger();
    private volatile WebSocket current;
    private volatile int opened;

    private SlackStandIn() throws Exception {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.setExecutor(httpPool);
        http.createContext("/api/", this::webApi);
        http.createContext("/respond/", this::responseUrl);
        http.createContext("/upload/", this::upload);
        http.start();
        socket = new Socket();
        socket.setReuseAddr(true);
        socket.start();
        if (!socket.started.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the Socket Mode stand-in did not start");
        }
    }

    static SlackStandIn start() throws Exception {
        return new SlackStandIn();
    }

    /** What {@code SLACK_API_URL} points at. */
    String apiUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/api/";
    }

    /** A fresh response_url, as Slack puts in slash command and interaction payloads. */
    String newResponseUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/respond/T0DRILL/" + responseUrls.incrementAndGet();
    }

    /** The next {@code times} calls of {@code method} get HTTP 429 with {@code Retry-After: 1}. */
    void rateLimit(String method, int times) {
        rateLimits.put(method, times);
    }

    // ---- Web API

    private void webApi(HttpExchange ex) throws IOException {
        String method = ex.getRequestURI().getPath().substring("/api/".length());
        Map<String, String> params = params(ex);
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        boolean throttled = false;
        synchronized (rateLimits) {
            Integer left = rateLimits.get(method);
            if (left != null && left > 0) {
                rateLimits.put(method, left - 1);
                throttled = true;
            }
        }
        if (throttled) {
            record(new Call(method, params, auth, 429));
            ex.getResponseHeaders().add("Retry-After", "1");
            send(ex, 429, "{\"ok\":false,\"error\":\"ratelimited\"}");
            return;
        }
        JsonObject body;
        try {
            // Slack: bot tokens may read threads of direct messages, only user tokens those of channels
            body = method.equals("conversations.replies") && (auth == null || !auth.startsWith("Bearer xoxp-"))
                    && !(params.getOrDefault("channel", "").startsWith("D") && auth != null && auth.startsWith("Bearer xoxb-"))
                ? JsonParser.parseString("{\"ok\":false,\"error\":\"not_allowed_token_type\"}").getAsJsonObject()
                : answer(method, params);
        } catch (RuntimeException e) {
            e.printStackTrace(); // a bug in the stand-in: visible in the test's output
            throw e;
        }
        if (body.has("ts")) {
            params.put("__ts", body.get("ts").getAsString());
        }
        record(new Call(method, params, auth, 200));
        send(ex, 200, body.toString());
    }

    private JsonObject answer(String method, Map<String, String> params) {
        JsonObject r = new JsonObject();
        r.addProperty("ok", true);
        switch (method) {
            case "auth.test" -> {
                r.addProperty("url", "https://drillbot-test.slack.com/");
                r.addProperty("team", "Drill Team");
                r.addProperty("user", "drillbot");
                r.addProperty("team_id", TEAM);
                r.addProperty("user_id", BOT_USER);
                r.addProperty("bot_id", BOT_ID);
                r.addProperty("app_id", APP_ID);
                r.addProperty("is_enterprise_install", false);
            }
            case "apps.connections.open" -> r.addProperty("url", "ws://127.0.0.1:" + socket.getPort()
                    + "/link/?ticket=t-" + connectionSeq.incrementAndGet() + "&app_id=" + APP_ID);
            case "chat.postMessage" -> {
                String ts = nextTs();
                r.addProperty("channel", params.get("channel"));
                r.addProperty("ts", ts);
                JsonObject message = new JsonObject();
                message.addProperty("type", "message");
                message.addProperty("text", params.getOrDefault("text", ""));
                message.addProperty("user", BOT_USER);
                message.addProperty("bot_id", BOT_ID);
                message.addProperty("app_id", APP_ID);
                message.addProperty("ts", ts);
                if (params.containsKey("thread_ts")) {
                    message.addProperty("thread_ts", params.get("thread_ts"));
                }
                if (params.containsKey("metadata")) {
                    // message metadata: {"event_type": ..., "event_payload": {...}}, as posted
                    message.add("metadata", JsonParser.parseString(params.get("metadata")));
                }
                r.add("message", message);
                if (!params.containsKey("thread_ts")) {
                    channelMessages.add(new Posted(params.get("channel"), message));
                }
            }
            case "conversations.history" -> history(params, r);
            case "chat.postEphemeral" -> r.addProperty("message_ts", nextTs());
            case "conversations.open" -> {
                JsonObject channel = new JsonObject();
                channel.addProperty("id", "D" + params.getOrDefault("users", "").replace(",", ""));
                channel.addProperty("is_im", true);
                r.add("channel", channel);
            }
            case "files.getUploadURLExternal" -> {
                if (!params.containsKey("filename") || !params.containsKey("length")) {
                    r.addProperty("ok", false);
                    r.addProperty("error", "invalid_arguments");
                    break;
                }
                String id = "F0" + (100 + fileSeq.incrementAndGet());
                uploads.put(id, new byte[0]);
                r.addProperty("upload_url", "http://127.0.0.1:" + http.getAddress().getPort() + "/upload/" + id);
                r.addProperty("file_id", id);
            }
            case "files.completeUploadExternal" -> {
                com.google.gson.JsonArray done = new com.google.gson.JsonArray();
                for (JsonElement f : JsonParser.parseString(params.getOrDefault("files", "[]")).getAsJsonArray()) {
                    String id = f.getAsJsonObject().get("id").getAsString();
                    if (uploads.get(id) == null || uploads.get(id).length == 0) {
                        r.addProperty("ok", false);
                        r.addProperty("error", "file_not_found");
                        break;
                    }
                    JsonObject file = new JsonObject();
                    file.addProperty("id", id);
                    file.addProperty("title", f.getAsJsonObject().has("title") ? f.getAsJsonObject().get("title").getAsString() : "");
                    done.add(file);
                }
                r.add("files", done);
            }
            case "conversations.replies" -> {
                // the thread's parent, then its replies, oldest first; `oldest` inclusive; at most 15 per page
                // (Slack's limit for apps outside its Marketplace), the cursor is the next index
                String channel = params.get("channel");
                String parent = params.get("ts");
                java.math.BigDecimal oldest = new java.math.BigDecimal(params.getOrDefault("oldest", "0"));
                List<JsonObject> thread = new ArrayList<>();
                for (Call c : calls("chat.postMessage")) {
                    if (channel.equals(c.param("channel"))
                            && (parent.equals(c.ts()) || parent.equals(c.param("thread_ts")))) {
                        JsonObject m = new JsonObject();
                        m.addProperty("type", "message");
                        m.addProperty("user", BOT_USER);
                        m.addProperty("bot_id", BOT_ID);
                        m.addProperty("text", c.param("text"));
                        m.addProperty("ts", c.ts());
                        m.addProperty("thread_ts", parent);
                        thread.add(m);
                    }
                }
                userReplies.stream().filter(m -> channel.equals(m.get("channel").getAsString())
                        && parent.equals(m.get("thread_ts").getAsString())).forEach(thread::add);
                thread.removeIf(m -> !m.get("ts").getAsString().equals(parent)
                        && new java.math.BigDecimal(m.get("ts").getAsString()).compareTo(oldest) < 0);
                thread.sort(java.util.Comparator.comparing(m -> new java.math.BigDecimal(m.get("ts").getAsString())));
                String cursor = params.getOrDefault("cursor", "");
                int from = cursor.isEmpty() ? 0 : Integer.parseInt(cursor);
                int limit = Math.min(15, Integer.parseInt(params.getOrDefault("limit", "15")));
                com.google.gson.JsonArray page = new com.google.gson.JsonArray();
                thread.subList(Math.min(from, thread.size()), Math.min(from + limit, thread.size())).forEach(page::add);
                r.add("messages", page);
                boolean more = from + limit < thread.size();
                r.addProperty("has_more", more);
                JsonObject meta = new JsonObject();
                meta.addProperty("next_cursor", more ? String.valueOf(from + limit) : "");
                r.add("response_metadata", meta);
            }
            case "views.publish" -> {
                JsonObject view = params.containsKey("view") ? JsonParser.parseString(params.get("view")).getAsJsonObject()
                        : new JsonObject();
                view.addProperty("id", "V0HOME");
                view.addProperty("team_id", TEAM);
                r.add("view", view);
            }
            case "users.info" -> {
                String id = params.getOrDefault("user", "U0");
                JsonObject user = new JsonObject();
                user.addProperty("id", id);
                user.addProperty("team_id", TEAM);
                user.addProperty("name", id.toLowerCase());
                user.addProperty("real_name", "Real " + id);
                // users.info gives the profile's time zone: tz database name, label and offset in seconds
                user.addProperty("tz", "America/Los_Angeles");
                user.addProperty("tz_label", "Pacific Standard Time");
                user.addProperty("tz_offset", -28800);
                JsonObject profile = new JsonObject();
                profile.addProperty("display_name", "Ann " + id);
                profile.addProperty("real_name", "Real " + id);
                user.add("profile", profile);
                r.add("user", user);
            }
            case "bots.info" -> {
                JsonObject bot = new JsonObject();
                bot.addProperty("id", params.get("bot"));
                bot.addProperty("deleted", false);
                bot.addProperty("name", "drillbot");
                bot.addProperty("app_id", "A0DRILL");
                bot.addProperty("user_id", BOT_ID.equals(params.get("bot")) ? BOT_USER : "UOTHERBOT");
                r.add("bot", bot);
            }
            default -> {
                r.addProperty("ok", false);
                r.addProperty("error", "unknown_method");
            }
        }
        return r;
    }

    private String nextTs() {
        return clock.get().getEpochSecond() + "." + String.format("%06d", 100 + messageSeq.incrementAndGet());
    }

    /** Where the {@code ts} of posted messages comes from: 2026-03-02T09:00:00Z unless a test moves it. */
    private volatile java.util.function.Supplier<java.time.Instant> clock =
            () -> java.time.Instant.ofEpochSecond(1772442000L);

    /** Gives posted messages a {@code ts} of this clock's time (seconds; the sequence makes them unique). */
    void clock(java.util.function.Supplier<java.time.Instant> clock) {
        this.clock = clock;
    }

    static final String APP_ID = "A0DRILL";

    /** A top-level message in a channel's history: the bot's posts and users' messages, in the order posted. */
    private record Posted(String channel, JsonObject message) {}

    private final List<Posted> channelMessages = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Channels the bot is not a member of: their history cannot be read with the bot token. */
    private final java.util.Set<String> notMember = ConcurrentHashMap.newKeySet();

    /** The bot is not a member of the channel (it posts there with chat:write.public): conversations.history is refused. */
    void notAMemberOf(String channel) {
        notMember.add(channel);
    }

    /** A user's top-level message in a channel (in its history; no event is sent). */
    void userMessage(String user, String channel, String ts, String text) {
        JsonObject m = new JsonObject();
        m.addProperty("type", "message");
        m.addProperty("user", user);
        m.addProperty("text", text);
        m.addProperty("ts", ts);
        channelMessages.add(new Posted(channel, m));
    }

    /**
     * conversations.history as Slack documents it: the channel's messages (not thread replies) between
     * {@code oldest} and {@code latest}, both exclusive unless {@code inclusive}, most recent first; message
     * metadata only with {@code include_all_metadata}; at most 15 per page (the limit for apps outside Slack's
     * Marketplace), the rest behind {@code response_metadata.next_cursor} with {@code has_more}. A bot token
     * reads only channels the bot is a member of ({@code not_in_channel} otherwise).
     */
    private void history(Map<String, String> params, JsonObject r) {
        String channel = params.getOrDefault("channel", "");
        if (notMember.contains(channel)) {
            r.addProperty("ok", false);
            r.addProperty("error", "not_in_channel");
            return;
        }
        boolean inclusive = truthy(params.get("inclusive"));
        boolean metadata = truthy(params.get("include_all_metadata"));
        java.math.BigDecimal oldest = new java.math.BigDecimal(params.getOrDefault("oldest", "0"));
        java.math.BigDecimal latest = params.containsKey("latest") ? new java.math.BigDecimal(params.get("latest")) : null;
        List<JsonObject> found = new ArrayList<>();
        for (Posted p : channelMessages) {
            if (!p.channel().equals(channel)) {
                continue;
            }
            java.math.BigDecimal ts = new java.math.BigDecimal(p.message().get("ts").getAsString());
            int fromOldest = ts.compareTo(oldest);
            int toLatest = latest == null ? -1 : ts.compareTo(latest);
            if ((inclusive ? fromOldest >= 0 : fromOldest > 0) && (inclusive ? toLatest <= 0 : toLatest < 0)) {
                JsonObject m = p.message().deepCopy();
                if (!metadata) {
                    m.remove("metadata");
                }
                found.add(m);
            }
        }
        found.sort(java.util.Comparator.comparing((JsonObject m) -> new java.math.BigDecimal(m.get("ts").getAsString()))
                .reversed());
        String cursor = params.getOrDefault("cursor", "");
        int from = cursor.isEmpty() ? 0 : Integer.parseInt(cursor);
        int limit = Math.max(1, Math.min(15, Integer.parseInt(params.getOrDefault("limit", "15"))));
        com.google.gson.JsonArray page = new com.google.gson.JsonArray();
        found.subList(Math.min(from, found.size()), Math.min(from + limit, found.size())).forEach(page::add);
        r.add("messages", page);
        boolean more = from + limit < found.size();
        r.addProperty("has_more", more);
        r.addProperty("pin_count", 0);
        JsonObject meta = new JsonObject();
        meta.addProperty("next_cursor", more ? String.valueOf(from + limit) : "");
        r.add("response_metadata", meta);
    }

    private static boolean truthy(String value) {
        return "true".equalsIgnoreCase(value) || "1".equals(value);
    }

    /** Uploaded file bytes by file id (the address files.getUploadURLExternal handed out). */
    private final Map<String, byte[]> uploads = new ConcurrentHashMap<>();
    private final AtomicInteger fileSeq = new AtomicInteger();

    /** The bytes uploaded for a file id, or null. */
    byte[] uploaded(String fileId) {
        return uploads.get(fileId);
    }

    /** The upload address: takes the file's bytes as the body, answers "OK - length" as Slack's does. */
    private void upload(HttpExchange ex) throws IOException {
        String id = ex.getRequestURI().getPath().substring("/upload/".length());
        byte[] body = ex.getRequestBody().readAllBytes();
        if (!ex.getRequestMethod().equals("POST") || !uploads.containsKey(id)) {
            send(ex, 404, "{\"ok\":false}");
            return;
        }
        uploads.put(id, body);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("file_id", id);
        params.put("length", String.valueOf(body.length));
        params.put("content_type", String.valueOf(ex.getRequestHeaders().getFirst("Content-Type")));
        record(new Call("upload", params, ex.getRequestHeaders().getFirst("Authorization"), 200));
        byte[] ok = ("OK - " + body.length).getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(200, ok.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(ok);
        }
    }

    private void responseUrl(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("url", ex.getRequestURI().toString());
        JsonObject json = JsonParser.parseString(body).getAsJsonObject();
        json.entrySet().forEach(e -> params.put(e.getKey(),
                e.getValue().isJsonPrimitive() ? e.getValue().getAsString() : e.getValue().toString()));
        record(new Call("response_url", params, null, 200));
        send(ex, 200, "ok");
    }

    private static Map<String, String> params(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> params = new LinkedHashMap<>();
        String query = ex.getRequestURI().getRawQuery();
        for (String source : new String[] {query, body}) {
            if (source == null || source.isBlank()) {
                continue;
            }
            if (source.strip().startsWith("{")) {
                JsonParser.parseString(source).getAsJsonObject().entrySet().forEach(e -> params.put(e.getKey(),
                        e.getValue().isJsonPrimitive() ? e.getValue().getAsString() : e.getValue().toString()));
                continue;
            }
            for (String pair : source.split("&")) {
                int eq = pair.indexOf('=');
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                params.put(k, v);
            }
        }
        return params;
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private synchronized void record(Call call) {
        calls.add(call);
        notifyAll();
    }

    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Successful calls of a method (429 answers left out), in order. */
    synchronized List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method) && c.status() == 200).toList();
    }

    synchronized List<Call> allCalls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    /** Waits until a successful call of {@code method} matching {@code which} was recorded. */
    synchronized Call await(String method, Predicate<Call> which, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (Call c : calls) {
                if (c.method().equals(method) && c.status() == 200 && which.test(c)) {
                    return c;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no " + method + " call as expected within " + timeout + "; calls: "
                        + calls.stream().map(Call::method).toList());
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    // ---- Socket Mode

    /** Every Socket Mode connection opened, in order (several drillbot instances each open their own). */
    private final List<WebSocket> sockets = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicInteger turn = new AtomicInteger();
    /** Whether envelopes are spread over all open connections, as Slack does for an app with several. */
    private volatile boolean spread;

    /** From now on, deliver each envelope on the next open connection in turn (several instances). */
    void spreadOverConnections() {
        spread = true;
    }

    /** Open connections now. */
    int openConnections() {
        return (int) sockets.stream().filter(WebSocket::isOpen).count();
    }

    /**
     * Sends a raw Socket Mode message (an envelope or {@code disconnect}) on the current connection, or, when
     * spreading, on the next open one in turn.
     */
    void deliver(String json) {
        if (spread) {
            List<WebSocket> open = sockets.stream().filter(WebSocket::isOpen).toList();
            if (open.isEmpty()) {
                throw new IllegalStateException("no open Socket Mode connection");
            }
            try {
                open.get(Math.floorMod(turn.getAndIncrement(), open.size())).send(json);
            } catch (org.java_websocket.exceptions.WebsocketNotConnectedException closedMeanwhile) {
                // the instance died between the check and the send: the envelope is lost, as on Slack, and
                // goes unacknowledged, so the sender retries it
            }
            return;
        }
        WebSocket ws = current;
        if (ws == null || !ws.isOpen()) {
            throw new IllegalStateException("no open Socket Mode connection");
        }
        ws.send(json);
    }

    boolean acked(String envelopeId) {
        return acks.containsKey(envelopeId);
    }

    private final List<JsonObject> userReplies = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** A user replies in a thread while the app is not connected: no event is sent, the message is only in the thread. */
    void replyWhileAway(String user, String channel, String threadTs, String ts, String text) {
        JsonObject m = new JsonObject();
        m.addProperty("type", "message");
        m.addProperty("user", user);
        m.addProperty("text", text);
        m.addProperty("ts", ts);
        m.addProperty("thread_ts", threadTs);
        m.addProperty("channel", channel);
        userReplies.add(m);
    }

    /** Waits for the app's ack of an envelope; returns the ack as sent. */
    String awaitAck(String envelopeId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (acks) {
            while (!acks.containsKey(envelopeId)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("envelope " + envelopeId + " was not acknowledged within " + timeout);
                }
                TimeUnit.NANOSECONDS.timedWait(acks, left);
            }
            return acks.get(envelopeId);
        }
    }

    /** Waits until {@code n} Socket Mode connections were opened (and greeted with hello). */
    synchronized void awaitConnections(int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (opened < n) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError(n + " Socket Mode connection(s) expected, got " + opened);
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    synchronized int connections() {
        return opened;
    }

    private synchronized void opened(WebSocket ws) {
        current = ws;
        sockets.add(ws);
        opened++;
        notifyAll();
    }

    private final class Socket extends WebSocketServer {
        final CountDownLatch started = new CountDownLatch(1);

        Socket() {
            super(new InetSocketAddress("127.0.0.1", 0));
        }

        @Override
        public void onStart() {
            started.countDown();
        }

        @Override
        public void onOpen(WebSocket ws, ClientHandshake handshake) {
            // The first message on every Socket Mode connection.
            ws.send("{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"applink-standin\","
                    + "\"build_number\":1,\"approximate_connection_time\":18060},"
                    + "\"connection_info\":{\"app_id\":\"A0DRILL\"}}");
            opened(ws);
        }

        @Override
        public void onMessage(WebSocket ws, String message) {
            JsonObject json = JsonParser.parseString(message).getAsJsonObject();
            if (json.has("envelope_id")) {
                synchronized (acks) {
                    acks.put(json.get("envelope_id").getAsString(), message);
                    acks.notifyAll();
                }
            }
        }

        @Override
        public void onClose(WebSocket ws, int code, String reason, boolean remote) {}

        @Override
        public void onError(WebSocket ws, Exception ex) {}
    }

    @Override
    public void close() throws Exception {
        try {
            socket.stop(1000);
        } finally {
            http.stop(0);
            httpPool.shutdownNow();
        }
    }
}
