package dev.drillbot.adapter.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import dev.drillbot.core.chat.ChannelRef;
import dev.drillbot.core.chat.ChatGateway;
import dev.drillbot.core.chat.OutgoingMessage;
import dev.drillbot.core.chat.ThreadRef;
import dev.drillbot.core.chat.UserRef;
import java.util.List;

/**
 * Sends the core's messages to Slack: a post's {@code ts} is the thread in which answers are
 * collected, replies go into that thread, and private messages are ephemeral. Posts and replies keep
 * to the channel's pace ({@link ChannelPace}); ephemeral messages have no per-channel limit.
 */
public final class SlackChatGateway implements ChatGateway {
    public static final String PLATFORM = "slack";

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

    @Override
    public ThreadRef post(ChannelRef channel, OutgoingMessage message) {
        List<BlockKit.Rendered> parts = BlockKit.render(message);
        String ts = send(channel.id(), null, parts.get(0));
        ThreadRef thread = new ThreadRef(channel, ts);
        // A text too long for one message continues in its own thread, so the channel sees one post.
        for (BlockKit.Rendered more : parts.subList(1, parts.size())) {
            send(channel.id(), ts, more);
        }
        return thread;
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

    /** An ephemeral message, inside a thread when {@code threadTs} is given. */
    void tell(String channelId, String threadTs, String userId, OutgoingMessage message) {
        for (BlockKit.Rendered part : BlockKit.render(message)) {
            calls.call("chat.postEphemeral", () -> client.chatPostEphemeral(r -> r.channel(channelId).user(userId)
                    .threadTs(threadTs).text(part.text()).blocks(part.blocks().isEmpty() ? null : part.blocks())));
        }
    }

    private String send(String channelId, String threadTs, BlockKit.Rendered part) {
        try {
            pace.await(channelId); // about one message a second per channel, as Slack asks
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlackCalls.SlackCallException("chat.postMessage interrupted while waiting for the channel's pace", e);
        }
        ChatPostMessageResponse r = calls.call("chat.postMessage", () -> client.chatPostMessage(req -> req
                .channel(channelId).threadTs(threadTs).text(part.text())
                .blocks(part.blocks().isEmpty() ? null : part.blocks())
                .unfurlLinks(false).unfurlMedia(false)));
        return r.getTs();
    }
}
