package dev.drillbot.adapter.discord;

import dev.drillbot.core.chat.ChannelRef;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The drill threads this process opened, and the channel each belongs to. Discord gives a thread opened
 * on a message that message's id. Two races make this record necessary: an answer can arrive before the
 * core has stored the drill, and JDA can hand over a thread it is still building (its parent channel not
 * yet set) when the first reply races the thread's creation event.
 */
final class OpenedThreads {
    /** Drill message id → thread id. */
    private final Map<String, String> threadOfMessage = new ConcurrentHashMap<>();
    /** Thread id → the channel the drill was posted in. */
    private final Map<String, ChannelRef> channelOfThread = new ConcurrentHashMap<>();

    /** Recorded before the thread exists, so a reply that beats everything is still recognised. */
    void opening(ChannelRef channel, String messageId) {
        threadOfMessage.put(messageId, messageId);
        channelOfThread.put(messageId, channel);
    }

    void opened(ChannelRef channel, String messageId, String threadId) {
        threadOfMessage.put(messageId, threadId);
        channelOfThread.put(threadId, channel);
    }

    /** The attempt failed and the drill message was removed. */
    void abandoned(String messageId) {
        threadOfMessage.remove(messageId);
        channelOfThread.remove(messageId);
    }

    boolean contains(String threadId) {
        return channelOfThread.containsKey(threadId);
    }

    /** The thread opened on a drill message, for buttons pressed on that message. */
    String threadOf(String messageId) {
        return threadOfMessage.getOrDefault(messageId, messageId);
    }

    Optional<ChannelRef> channelOf(String threadId) {
        return Optional.ofNullable(channelOfThread.get(threadId));
    }
}
