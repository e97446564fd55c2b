package dev.drillbot.adapter.slack;

import com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest;
import com.slack.api.methods.response.files.FilesGetUploadURLExternalResponse;
import dev.drillbot.core.chat.OutgoingFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import dev.drillbot.core.chat.ChannelRef;
import dev.drillbot.core.chat.ChatGateway;
import dev.drillbot.core.chat.OutgoingMessage;
import dev.drillbot.core.chat.ThreadRef;
import dev.drillbot.core.chat.UserRef;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.model.Message;
import java.util.List;
import java.util.Map;

/**
 * Sends the core's messages to Slack: a post's {@code ts} is the thread in which answers are
 * collected, replies go into that thread, and private messages are ephemeral. Posts and replies keep
 * to the channel's pace ({@link ChannelPace}); ephemeral messages have no per-channel limit.
 */
public final class SlackChatGateway implements ChatGateway {
    public static final String PLATFORM = "slack";
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SlackChatGateway.class);

    private final MethodsClient client;
    private final SlackCalls calls;

    private final ChannelPace pace;

    SlackChatGateway(MethodsClient client, SlackCalls calls, ChannelPace pace) {
        this.client = client;
        this.calls = calls;
        this.pace = pace;
    }

    @Override
    public String platform() {
        return PLATFORM;
    }

    /**
     * A drill carries its key in the message's metadata. Slack cannot refuse a second post, so a takeover of a
     * drill whose first poster died looks for that post first: the channel's history since the first attempt
     * ({@code conversations.history} with the bot token, metadata included), and keeps a message of this bot with
     * the drill's key. When the history cannot be read (the bot is not in the channel, a missing scope, a rate
     * limit) it posts: a drill shown twice is better than none.
     */
    @Override
    public ThreadRef post(ChannelRef channel, OutgoingMessage message) {
        Message.Metadata metadata = null;
        if (message instanceof OutgoingMessage.DrillPost drill) {
            if (drill.earlierAttempt().isPresent()) {
                java.util.Optional<String> posted = postedBefore(channel, drill.key(), drill.earlierAttempt().get());
                if (posted.isPresent()) {
                    log.info("Slack channel {}: the drill was posted at {} by an earlier attempt; keeping that post",
                            channel.id(), posted.get());
                    return new ThreadRef(channel, posted.get());
                }
            }
            metadata = Message.Metadata.builder().eventType(DRILL_EVENT).eventPayload(Map.of("key", drill.key())).build();
        }
        List<BlockKit.Rendered> parts = BlockKit.render(message);
        String ts = send(channel.id(), null, parts.get(0), metadata);
        ThreadRef thread = new ThreadRef(channel, ts);
        // A text too long for one message continues in its own thread, so the channel sees one post.
        for (BlockKit.Rendered more : parts.subList(1, parts.size())) {
            send(channel.id(), ts, more);
        }
        return thread;
    }

    /**
     * Slack has no private threads in channels: a mock interview runs in a thread of the app's direct
     * conversation with the user ({@code conversations.open}, then the first message there), which only
     * they can read. Their replies arrive as {@code message.im} events.
     */
    @Override
    public ThreadRef openPrivateThread(ChannelRef channel, UserRef user, OutgoingMessage first) {
        String dm = calls.call("conversations.open", () -> client.conversationsOpen(r -> r.users(List.of(user.id()))))
                .getChannel().getId();
        return post(new ChannelRef(PLATFORM, dm), first);
    }

    @Override
    public void reply(ThreadRef thread, OutgoingMessage message) {
        for (BlockKit.Rendered part : BlockKit.render(message)) {
            send(thread.channel().id(), thread.id(), part);
        }
    }

    @Override
    public void tell(ChannelRef channel, UserRef user, OutgoingMessage message) {
        tell(channel.id(), null, user.id(), message);
    }

    /**
     * A DM from the app: {@code chat.postMessage} with the user's id as the channel posts into the app's
     * conversation with them (its Messages tab), which needs no extra scope.
     */
    @Override
    public void direct(ChannelRef channel, UserRef user, OutgoingMessage message) {
        for (BlockKit.Rendered part : BlockKit.render(message)) {
            send(user.id(), null, part);
        }
    }

    /**
     * A file in the app's direct conversation with the user, the way Slack takes files now:
     * {@code conversations.open} for that conversation's id, {@code files.getUploadURLExternal} for an
     * upload address, the bytes POSTed there, then {@code files.completeUploadExternal} to share it with
     * the comment. False (and logged) when any step fails: the caller shows the content as text.
     */
    @Override
    public boolean sendFile(ChannelRef channel, UserRef user, OutgoingFile file) {
        try {
            String dm = calls.call("conversations.open", () -> client.conversationsOpen(r -> r.users(List.of(user.id()))))
                    .getChannel().getId();
            upload(dm, file, file.comment());
            return true;
        } catch (RuntimeException e) {
            log.warn("Could not send {} to Slack user {}: {}", file, user.id(), e.toString());
            return false;
        }
    }

    /** The announcement as the file's comment, escaped like any message (names in it are text, never mentions). */
    @Override
    public boolean announceFile(ChannelRef channel, OutgoingMessage message, OutgoingFile file) {
        try {
            pace.await(channel.id());
            upload(channel.id(), file, SlackText.escape(SlackText.trim(message.text(), SlackText.FALLBACK_CHARS)));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (RuntimeException e) {
            log.warn("Could not post {} in Slack channel {}: {}", file, channel.id(), e.toString());
            return false;
        }
    }

    /**
     * A file shared in a conversation, the way Slack takes files now: {@code files.getUploadURLExternal} for
     * an upload address, the bytes POSTed there, then {@code files.completeUploadExternal} with the comment.
     */
    private void upload(String channelId, OutgoingFile file, String comment) {
        FilesGetUploadURLExternalResponse target = calls.call("files.getUploadURLExternal",
                () -> client.filesGetUploadURLExternal(r -> r.filename(file.name()).length(file.content().length)));
        try {
            HttpResponse<String> uploaded = UPLOADS.send(HttpRequest.newBuilder(URI.create(target.getUploadUrl()))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", file.mimeType())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(file.content())).build(), HttpResponse.BodyHandlers.ofString());
            if (uploaded.statusCode() / 100 != 2) {
                throw new IllegalStateException("upload answered HTTP " + uploaded.statusCode());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while uploading", e);
        }
        calls.call("files.completeUploadExternal", () -> client.filesCompleteUploadExternal(r -> r
                .files(List.of(FilesCompleteUploadExternalRequest.FileDetails.builder().id(target.getFileId())
                        .title(file.name()).build()))
                .channelId(channelId).initialComment(comment)));
    }

    /** For the file bytes, which go to the address Slack returns rather than through the Web API client. */
    private static final HttpClient UPLOADS = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** An ephemeral message, inside a thread when {@code threadTs} is given. */
    void tell(String channelId, String threadTs, String userId, OutgoingMessage message) {
        for (BlockKit.Rendered part : BlockKit.render(message)) {
            calls.call("chat.postEphemeral", () -> client.chatPostEphemeral(r -> r.channel(channelId).user(userId)
                    .threadTs(threadTs).text(part.text()).blocks(part.blocks().isEmpty() ? null : part.blocks())));
        }
    }

    /** The metadata event type of a drill post; its payload's {@code key} is the drill's. */
    static final String DRILL_EVENT = "drillbot_drill";
    /** Our clock and Slack's may differ a little: the history is read from a minute before the first attempt. */
    static final java.time.Duration CLOCK_SKEW = java.time.Duration.ofMinutes(1);
    /** What conversations.history returns at most per call for apps outside Slack's Marketplace. */
    static final int HISTORY_PAGE = 15;
    /** A drill channel's history is read this far at most (the first attempt was minutes ago). */
    static final int HISTORY_PAGES = 10;

    /** This bot's identity (auth.test), to know its own messages; looked up once. */
    private volatile AuthTestResponse self;

    /** The ts of this bot's message in the channel carrying the drill's key, posted since {@code since}. */
    private java.util.Optional<String> postedBefore(ChannelRef channel, String key, java.time.Instant since) {
        try {
            AuthTestResponse me = self;
            if (me == null) {
                me = calls.once("auth.test", () -> client.authTest(r -> r));
                self = me;
            }
            String oldest = SlackEvents.ts(since.minus(CLOCK_SKEW));
            String cursor = null;
            for (int page = 0; page < HISTORY_PAGES; page++) {
                String from = cursor;
                ConversationsHistoryResponse r = calls.once("conversations.history", () -> client.conversationsHistory(
                        q -> q.channel(channel.id()).oldest(oldest).includeAllMetadata(true).limit(HISTORY_PAGE)
                                .cursor(from)));
                for (Message m : r.getMessages()) {
                    if (ours(m, me) && m.getMetadata() != null && DRILL_EVENT.equals(m.getMetadata().getEventType())
                            && m.getMetadata().getEventPayload() != null
                            && key.equals(String.valueOf(m.getMetadata().getEventPayload().get("key")))) {
                        return java.util.Optional.of(m.getTs());
                    }
                }
                cursor = r.getResponseMetadata() == null ? null : r.getResponseMetadata().getNextCursor();
                if (cursor == null || cursor.isEmpty()) {
                    return java.util.Optional.empty();
                }
            }
            log.warn("Slack channel {}: no earlier post of {} in the first {} pages of its history; posting it",
                    channel.id(), key, HISTORY_PAGES);
        } catch (SlackCalls.SlackCallException e) {
            log.warn("Slack channel {}: could not look for an earlier post of {} ({}); posting it, perhaps a second"
                    + " time", channel.id(), key, e.getMessage());
        }
        return java.util.Optional.empty();
    }

    private static boolean ours(Message m, AuthTestResponse me) {
        return (me.getBotId() != null && me.getBotId().equals(m.getBotId()))
                || (me.getUserId() != null && me.getUserId().equals(m.getUser()));
    }

    private String send(String channelId, String threadTs, BlockKit.Rendered part) {
        return send(channelId, threadTs, part, null);
    }

    private String send(String channelId, String threadTs, BlockKit.Rendered part, Message.Metadata metadata) {
        try {
            pace.await(channelId); // about one message a second per channel, as Slack asks
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlackCalls.SlackCallException("chat.postMessage interrupted while waiting for the channel's pace", e);
        }
        ChatPostMessageResponse r = calls.call("chat.postMessage", () -> client.chatPostMessage(req -> req
                .channel(channelId).threadTs(threadTs).text(part.text())
                .blocks(part.blocks().isEmpty() ? null : part.blocks()).metadata(metadata)
                .unfurlLinks(false).unfurlMedia(false)));
        return r.getTs();
    }
}
